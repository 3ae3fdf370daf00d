// A QR code on the screen for a phone's camera: a payment's dynamic QRIS, the e-receipt.
// Drawn dark on white with its quiet zone whatever the theme, every module a whole number of
// pixels (a camera reads sharp squares; a module split across pixels blurs).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/common/qr_matrix.h"

namespace lapak::pos {

class QrImage {
 public:
  // Modules smaller than this many pixels are hard for a phone to read from a screen; a code
  // drawn smaller counts as cut for the UI sweep (ui_probe.h).
  static constexpr int kMinModulePixels = 3;

  // Draws `text`'s code as the largest square of whole modules that fits in `side` pixels,
  // centred in it, and takes `side`×`side` of the layout; probed as `probe_label`. The code is
  // encoded again only when `text` changes. Draws nothing when `text` does not fit in a QR
  // code (core limits keep every text Lapak shows well inside).
  void Draw(std::string_view text, float side, const char* probe_label);

  // The pixels of one module in the last Draw (0 before).
  int module_pixels() const { return module_pixels_; }

 private:
  std::string text_;
  std::optional<app::QrMatrix> matrix_;
  int module_pixels_ = 0;
};

}  // namespace lapak::pos
