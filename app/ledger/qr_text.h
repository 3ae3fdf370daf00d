// A QR code drawn with Unicode block characters, for a text terminal.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::ledger_cli {

// Two modules per character cell vertically (▀ ▄ █), dark on light, with the quiet zone the
// standard asks for; error correction level M.
[[nodiscard]] Result<std::string> QrAsText(std::string_view text);

}  // namespace lapak::ledger_cli
