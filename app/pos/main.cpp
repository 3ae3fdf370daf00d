// lapak-pos: the touchscreen terminal. Reads top to bottom: options, window, ImGui context,
// style and fonts, backends, the stall, the loop, clean-up.
//
//   lapak-pos --db PATH [--demo] [--fullscreen] [--size WxH]
//       the stall in PATH; a new database opens on the set-up screen, or with --demo as the
//       demo stall
//   lapak-pos --screenshot FILE.png --screen setup|login|sell|pay|qris|receipt|history|day|cash-out|catalog|settings
//             [--size WxH]
//       renders one screen of the demo stall and writes it as a PNG, then exits.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "app/common/app_clock.h"
#include "app/common/report.h"
#include "app/common/startup_check.h"
#include "app/pos/demo_stall.h"
#include "app/pos/pos_model.h"
#include "app/pos/screens.h"
#include "app/pos/screenshot.h"
#include "app/pos/theme.h"
#include "app/pos/ui_probe.h"
#include "core/clock.h"
#include "core/store.h"
#include "sync/sync_worker.h"

namespace {

constexpr int kBusyFrames = 3;  // a tap needs a press and a release frame; a popup a sizing frame

struct Options {
  std::string db_path;
  std::string screenshot_path;
  std::string screen = "sell";
  std::string size = "800x480";
  int text_percent = 100;
  std::string catalog_csv;
  std::string widgets_path;
  bool fullscreen = false;
  bool demo = false;
};

// A folder removed with everything in it when the program leaves, by any return.
class ScratchFolder {
 public:
  ScratchFolder() = default;
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& Create(const std::string& name) {
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(path_);
    return path_;
  }

 private:
  std::filesystem::path path_;
};

bool ParseSize(const std::string& text, int& width, int& height) {
  return std::sscanf(text.c_str(), "%dx%d", &width, &height) == 2 && width >= 320 && height >= 240 &&
         width <= 7680 && height <= 4320;
}

// Blocks until an input event or the start of the next minute; true for an event.
bool SleepUntilEventOrMinute(const lapak::Clock& clock) {
  const auto into_minute = clock.Now().time_since_epoch() % std::chrono::minutes(1);
  const double timeout = std::chrono::duration<double>(std::chrono::minutes(1) - into_minute).count();
  const auto start = std::chrono::steady_clock::now();
  glfwWaitEventsTimeout(timeout);
  const double slept = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return slept < timeout - 0.005;
}

}  // namespace

int main(int argc, char** argv) {
  // ---- options ---------------------------------------------------------------------------
  Options options;
  CLI::App app{"Lapak: the stall's touchscreen terminal", "lapak-pos"};
  app.add_option("--db", options.db_path, "The stall's database (as for `lapak --db`)")->envname("LAPAK_DB");
  app.add_option("--screenshot", options.screenshot_path, "Render one screen of the demo stall to this PNG");
  app.add_option("--screen", options.screen, "Screen for --screenshot: setup, login, sell, pay, qris, receipt, ereceipt, history, day, cash-out, catalog, settings");
  app.add_option("--size", options.size, "Window size WxH")->capture_default_str();
  app.add_option("--text-size", options.text_percent, "Text size for --screenshot, in percent (80-160, steps of 20)")
      ->check(CLI::Range(80, 160))
      ->capture_default_str();
  app.add_option("--catalog", options.catalog_csv, "For --screenshot: the demo stall sells this catalog CSV instead");
  app.add_option("--widgets", options.widgets_path,
                 "For --screenshot: also write where each widget was drawn to this file (for contrast checks)");
  app.add_flag("--fullscreen", options.fullscreen, "Fill the primary monitor");
  app.add_flag("--demo", options.demo, "Set up the demo stall in a new database");
  CLI11_PARSE(app, argc, argv);
  int width = 0;
  int height = 0;
  if (!ParseSize(options.size, width, height)) {
    std::fprintf(stderr, "lapak-pos: --size must be WxH, e.g. 800x480\n");
    return 2;
  }
  const bool screenshot = !options.screenshot_path.empty();

  // ---- the stall ---------------------------------------------------------------------------
  // $LAPAK_NOW ("2026-11-22T12:05:00Z") stands the clock still, as for `lapak`, in builds made
  // for tests (app/common/app_clock.h): the README's screenshots are made so, and come out the
  // same each time.
  lapak::Result<std::unique_ptr<lapak::Clock>> clock_owner =
      lapak::app::ClockFromEnvironment("lapak-pos");
  if (!clock_owner.ok()) {
    std::fprintf(stderr, "lapak-pos: %s\n", clock_owner.status().message().c_str());
    return 2;
  }
  const lapak::Clock& clock = **clock_owner;
  std::string db_path = options.db_path;
  ScratchFolder demo_folder;  // declared before the store, so removed after it is closed
  if (!screenshot && db_path.empty()) {
    std::fprintf(stderr, "lapak-pos: give the stall's database with --db PATH (or $LAPAK_DB)\n");
    return 2;
  }
  if (screenshot) {  // the demo stall, in a fresh folder
    db_path = (demo_folder.Create("lapak-pos-demo-" + std::to_string(::getpid())) / "stall.db").string();
  }
  // The long-running writer: after a run that did not stop cleanly (killed, or the power
  // went) the whole file is checked first, and a damaged one refused (exit 6); returning from
  // main closes the store, which records the clean stop (core/durable_database.h).
  auto store = lapak::StallStore::Open(db_path, clock, lapak::OpenMode::kCreateIfMissing,
                                       lapak::DatabaseUse::kServe,
                                       lapak::app::SayStartupCheck("lapak-pos", db_path));
  if (!store.ok()) {
    std::fprintf(stderr, "lapak-pos: %s\n", store.status().message().c_str());
    return lapak::app::ExitCodeFor(store.status());
  }
  // A database not set up yet opens on the set-up screen, unless the demo is asked for.
  if (!(*store)->Info().ok() && ((screenshot && options.screen != "setup") || options.demo)) {
    if (lapak::Status demo = lapak::pos::SetUpDemoStall(**store); !demo.ok()) {
      std::fprintf(stderr, "lapak-pos: %s\n", demo.message().c_str());
      return 7;
    }
  }
  lapak::pos::PosModel model(**store, clock);
  lapak::pos::UiState ui;
  if (screenshot) {
    const lapak::pos::ScreenshotSetting setting{options.text_percent, options.catalog_csv};
    if (lapak::Status staged = lapak::pos::StageScreen(model, ui, options.screen, setting); !staged.ok()) {
      std::fprintf(stderr, "lapak-pos: %s\n", staged.message().c_str());
      return 2;
    }
  }

  // ---- window ----------------------------------------------------------------------------
  if (!glfwInit()) {
    std::fprintf(stderr, "lapak-pos: no display (GLFW could not start)\n");
    return 7;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWmonitor* monitor = options.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
  if (monitor) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    width = mode->width;
    height = mode->height;
  }
  GLFWwindow* window = glfwCreateWindow(width, height, "Lapak", monitor, nullptr);
  if (!window) {
    std::fprintf(stderr, "lapak-pos: cannot open a %dx%d OpenGL 3 window\n", width, height);
    glfwTerminate();
    return 7;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  // ---- ImGui context, style, fonts --------------------------------------------------------
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is the application's, not a saved file's
  lapak::pos::UiProbe probe;  // only for --widgets: the widgets then record where they are drawn
  if (screenshot && !options.widgets_path.empty()) io.UserData = &probe;
  const float scale = lapak::pos::DisplayScale(static_cast<float>(width), static_cast<float>(height));
  lapak::pos::ApplyTheme(scale);
  lapak::pos::LoadFonts(scale);

  // ---- backends --------------------------------------------------------------------------
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  // ---- the uploader -----------------------------------------------------------------------
  // Syncs the journal with the bazaar ledger on its own thread and its own connection; after
  // each round it wakes the loop, which re-reads the progress for the status bar. A sale
  // nudges it (unless it is backing off), "Kirim sekarang" and an enrolment wake it at once.
  // Not for screenshots: they show a terminal at rest.
  std::atomic<bool> sync_round_done{false};
  std::unique_ptr<lapak::sync::SyncWorker> uploader;
  std::string uploader_path;
  auto follow_database = [&] {
    const std::string& path = model.opened_path().empty() ? db_path : model.opened_path();
    if (screenshot || path == uploader_path) return;
    uploader.reset();  // joins the old thread before one starts on the new database
    uploader = std::make_unique<lapak::sync::SyncWorker>(
        path, clock, lapak::sync::SyncWorkerOptions{}, [&](const std::optional<lapak::SyncProgress>&) {
          sync_round_done = true;
          glfwPostEmptyEvent();
        });
    uploader_path = path;
  };
  follow_database();

  // ---- the loop --------------------------------------------------------------------------
  // Draw a few frames after each event, then sleep until the next event or the next minute
  // (for the status bar's clock), when one frame is enough: an idle terminal uses almost no
  // CPU. The uploader's thread wakes the loop with glfwPostEmptyEvent().
  int frames_left = kBusyFrames;
  int screenshot_frames = 4;
  int exit_code = 0;
  while (!glfwWindowShouldClose(window)) {
    if (frames_left > 0 || screenshot) {
      glfwPollEvents();
    } else {
      frames_left = SleepUntilEventOrMinute(clock) ? kBusyFrames : 1;
    }
    --frames_left;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    probe.Clear();
    ImGui::NewFrame();
    lapak::pos::DrawFrame(model, ui);
    ImGui::Render();
    int fb_width = 0;
    int fb_height = 0;
    glfwGetFramebufferSize(window, &fb_width, &fb_height);
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    follow_database();
    if (const auto request = model.TakeSyncRequest(); uploader) {
      if (request == lapak::pos::PosModel::SyncRequest::kNewEntries) uploader->Nudge();
      if (request == lapak::pos::PosModel::SyncRequest::kNow) uploader->SyncNow();
    }
    if (sync_round_done.exchange(false)) model.RefreshSync();
    if (screenshot && --screenshot_frames == 0) {
      lapak::Status written = lapak::pos::WriteFramebufferPng(options.screenshot_path, fb_width, fb_height);
      if (written.ok() && !options.widgets_path.empty()) {
        written = lapak::pos::WriteWidgets(options.widgets_path, probe);
      }
      if (!written.ok()) {
        std::fprintf(stderr, "lapak-pos: %s\n", written.message().c_str());
        exit_code = 7;
      }
      break;
    }
    glfwSwapBuffers(window);
  }

  // ---- clean-up --------------------------------------------------------------------------
  uploader.reset();  // its callback posts GLFW events: stop it before GLFW goes
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}
