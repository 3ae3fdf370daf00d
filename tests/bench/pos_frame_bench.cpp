// CPU time to build one frame of the sell screen with 60 products and 20 cart lines (ImGui
// only: no window, no GL), beside the floor measured in the same run: an ImGui frame that
// draws nothing. Target: under 0.5 ms.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/pos/pos_model.h"
#include "core/store.h"
#include "tests/ui/headless_ui.h"

namespace lapak {
namespace {

std::string BenchDir() {
  const char* dir = std::getenv("LAPAK_BENCH_DIR");
  return dir ? dir : ".";
}

void BM_SellScreenFrame(benchmark::State& state) {
  const std::string path = BenchDir() + "/bench-pos.db";
  std::filesystem::remove(path);
  ManualClock clock(TimePoint{std::chrono::milliseconds(1'795'348'800'000)});
  auto store = std::move(StallStore::Open(path, clock)).value();
  if (!store->Initialise({"BKS-07", "Bakso Pak Kumis", "T1", "Asia/Jakarta", "04:00", "9999", "1234"}).ok()) {
    std::abort();
  }
  std::vector<Product> products;
  const char* categories[] = {"Makanan", "Minuman", "Camilan", "Kriya"};
  for (int i = 0; i < 60; ++i) {
    products.push_back({"P-" + std::to_string(i), "Produk Bazaar Nomor " + std::to_string(i),
                        categories[i % 4], Money::Rupiah(1000 * (i + 1))});
  }
  if (!store->ImportCatalog(products, false).ok()) std::abort();
  pos::PosModel model(*store, clock);
  testing::HeadlessUi ui(model, ImVec2(1280, 800));
  if (!model.Login(Role::kCashier, "1234")) std::abort();
  for (int i = 0; i < 20; ++i) {
    if (!model.AddToCart(model.products()[static_cast<size_t>(i)])) std::abort();
  }
  for (auto _ : state) ui.Frame();
  state.counters["cart_lines"] = static_cast<double>(model.cart().lines().size());
  store.reset();
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}
BENCHMARK(BM_SellScreenFrame)->Unit(benchmark::kMicrosecond);

void BM_EmptyImGuiFrame(benchmark::State& state) {
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini in the working directory
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  for (auto _ : state) {
    ImGui::NewFrame();
    ImGui::Render();
  }
  ImGui::DestroyContext(context);
}
BENCHMARK(BM_EmptyImGuiFrame)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lapak

BENCHMARK_MAIN();
