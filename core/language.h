// The two languages Lapak speaks: Bahasa Indonesia first, English for whoever asks.
// One enum for the terminal's screens, the command lines and the ledger's pages.
#pragma once

#include <string_view>

namespace lapak {

enum class Language { kIndonesian, kEnglish };

// "en" (any case) is English; anything else (absent, "id", junk) is Bahasa Indonesia.
Language LanguageFromCode(std::string_view code);
// "id" or "en": for <html lang>, query parameters and stored preferences.
const char* LanguageCode(Language language);

}  // namespace lapak
