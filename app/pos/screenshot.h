// Screenshots of the terminal: a screen staged with demo data, and the framebuffer as a PNG.
#pragma once

#include <string>

#include "app/pos/pos_model.h"
#include "app/pos/screens.h"
#include "app/pos/ui_probe.h"
#include "core/status.h"

namespace lapak::pos {

// How the screenshot's stall is set: the text size in percent (as the settings screen steps
// it), and a catalog CSV to sell instead of the demo's (empty: the demo's).
struct ScreenshotSetting {
  int text_percent = 100;
  std::string catalog_csv;
};

// Brings the model to `screen` ("setup", "login", "sell", "pay", "qris" (the pay screen showing
// the dynamic QRIS code), "receipt", "history", "day", "cash-out", "catalog", "settings") with a
// demo sale, as a vendor would: logging in, adding products, paying.
[[nodiscard]] Status StageScreen(PosModel& model, UiState& ui, const std::string& screen,
                                 const ScreenshotSetting& setting = {});

// Writes where each widget of `probe` was drawn, one per line, tab-separated:
//   min_x min_y max_x max_y clip_min_x clip_min_y clip_max_x clip_max_y label
// in pixels from the top left, the label's line breaks written as "\n".
[[nodiscard]] Status WriteWidgets(const std::string& path, const UiProbe& probe);

// Reads the current OpenGL framebuffer (width × height, RGBA) and writes it to `path` as PNG.
[[nodiscard]] Status WriteFramebufferPng(const std::string& path, int width, int height);

}  // namespace lapak::pos
