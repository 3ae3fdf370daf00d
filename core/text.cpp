#include "core/text.h"

#include <array>
#include <cstdint>

namespace lapak {

bool IsPrintableUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x20 || lead == 0x7F) return false;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    uint32_t code_point = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code_point = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code_point = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    static constexpr std::array<uint32_t, 5> kSmallestForLength = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kSmallestForLength[length] || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF) ||
        (code_point >= 0x80 && code_point < 0xA0)) {
      return false;  // overlong, out of range, surrogate, or a C1 control character
    }
    i += length;
  }
  return true;
}

Status ValidateText(Word field, std::string_view value, size_t max_bytes) {
  if (value.empty()) return Refuse(Refusal::kTextEmpty, field);
  if (value.size() > max_bytes) return Refuse(Refusal::kTextTooLong, field, max_bytes);
  if (!IsPrintableUtf8(value)) return Refuse(Refusal::kTextNotPrintable, field);
  return Status::Ok();
}

bool IsIdentifier(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdentifierBytes) return false;
  for (const char c : id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

Status ValidateIdentifier(Word what, std::string_view id) {
  if (IsIdentifier(id)) return Status::Ok();
  return Refuse(Refusal::kNotAnIdentifier, what, id);
}

bool IsLedgerAddress(std::string_view url) {
  if (url.size() > 200) return false;
  std::string_view rest;
  if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else {
    return false;
  }
  const size_t colon = rest.find(':');
  const std::string_view host = rest.substr(0, colon);
  if (host.empty()) return false;
  for (const char c : host) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '-';
    if (!allowed) return false;
  }
  if (colon == std::string_view::npos) return true;
  const std::string_view port = rest.substr(colon + 1);
  if (port.empty() || port.size() > 5) return false;
  int value = 0;
  for (const char c : port) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return value >= 1 && value <= 65535;
}

}  // namespace lapak
