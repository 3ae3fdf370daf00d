// A QR code as a square of modules, for whoever draws it: the touchscreen (a payment's QRIS,
// the e-receipt), a thermal printer's raster, a text terminal.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace lapak::app {

class QrMatrix {
 public:
  // `text`'s bytes in 8-bit mode, at error correction level M (15% of the code may be
  // lost, a scratched screen or a smudged print), the smallest version that holds it.
  // TooLongForQr when no version (at most 40) holds it.
  [[nodiscard]] static Result<QrMatrix> Encode(std::string_view text);

  // Modules on a side, without the quiet zone.
  int size() const { return size_; }
  // Whether the module at column x, row y is dark; false outside the code (the quiet zone).
  bool Dark(int x, int y) const {
    return x >= 0 && y >= 0 && x < size_ && y < size_ && dark_[static_cast<size_t>(y * size_ + x)] != 0;
  }

  // The light margin the standard asks for around the code, in modules on each side.
  static constexpr int kQuietZone = 4;

 private:
  int size_ = 0;
  std::vector<uint8_t> dark_;  // row by row
};

}  // namespace lapak::app
