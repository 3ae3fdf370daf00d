#include "app/ledger/qr_text.h"

#include <qrencode.h>

#include <memory>

#include "core/refusal.h"

namespace lapak::ledger_cli {

Result<std::string> QrAsText(std::string_view text) {
  const std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) return Refuse(Refusal::kTooLongForQr);
  constexpr int kQuiet = 4;
  const int width = code->width;
  // Dark modules print as spaces on a light block background would need colours; instead
  // light modules are full blocks and dark ones blank, which reads on a dark terminal.
  auto dark = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= width) return false;
    return (code->data[y * width + x] & 1) != 0;
  };
  std::string out;
  for (int y = -kQuiet; y < width + kQuiet; y += 2) {
    for (int x = -kQuiet; x < width + kQuiet; ++x) {
      const bool top_light = !dark(x, y);
      const bool bottom_light = !dark(x, y + 1);
      out += top_light && bottom_light ? "█" : top_light ? "▀" : bottom_light ? "▄" : " ";
    }
    out += "\n";
  }
  return out;
}

}  // namespace lapak::ledger_cli
