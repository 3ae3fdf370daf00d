#include "core/language.h"

namespace lapak {

Language LanguageFromCode(std::string_view code) {
  const bool english = code.size() == 2 && (code[0] == 'e' || code[0] == 'E') && (code[1] == 'n' || code[1] == 'N');
  return english ? Language::kEnglish : Language::kIndonesian;
}

const char* LanguageCode(Language language) { return language == Language::kEnglish ? "en" : "id"; }

}  // namespace lapak
