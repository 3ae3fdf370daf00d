#include "app/ledger/qr_text.h"

#include "app/common/qr_matrix.h"

namespace lapak::ledger_cli {

Result<std::string> QrAsText(std::string_view text) {
  Result<app::QrMatrix> code = app::QrMatrix::Encode(text);
  if (!code.ok()) return code.status();
  constexpr int kQuiet = app::QrMatrix::kQuietZone;
  const int width = code->size();
  // Dark modules print as spaces on a light block background would need colours; instead
  // light modules are full blocks and dark ones blank, which reads on a dark terminal.
  std::string out;
  for (int y = -kQuiet; y < width + kQuiet; y += 2) {
    for (int x = -kQuiet; x < width + kQuiet; ++x) {
      const bool top_light = !code->Dark(x, y);
      const bool bottom_light = !code->Dark(x, y + 1);
      out += top_light && bottom_light ? "█" : top_light ? "▀" : bottom_light ? "▄" : " ";
    }
    out += "\n";
  }
  return out;
}

}  // namespace lapak::ledger_cli
