#include "core/canonical_json.h"

#include <cassert>

namespace lapak {

void CanonicalJson::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!levels_.empty()) {
    if (!levels_.back().empty) out_.push_back(',');
    levels_.back().empty = false;
  }
}

CanonicalJson& CanonicalJson::BeginObject() {
  BeforeValue();
  out_.push_back('{');
  levels_.push_back({true, true, {}});
  return *this;
}

CanonicalJson& CanonicalJson::EndObject() {
  out_.push_back('}');
  levels_.pop_back();
  return *this;
}

CanonicalJson& CanonicalJson::BeginArray() {
  BeforeValue();
  out_.push_back('[');
  levels_.push_back({false, true, {}});
  return *this;
}

CanonicalJson& CanonicalJson::EndArray() {
  out_.push_back(']');
  levels_.pop_back();
  return *this;
}

CanonicalJson& CanonicalJson::Key(std::string_view name) {
  Level& level = levels_.back();
  assert(level.object && (level.empty || level.last_key < name) && "members must be sorted");
#ifndef NDEBUG
  level.last_key = name;
#endif
  if (!level.empty) out_.push_back(',');
  level.empty = false;
  AppendQuoted(name);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

CanonicalJson& CanonicalJson::Int(int64_t value) {
  BeforeValue();
  out_ += std::to_string(value);
  return *this;
}

CanonicalJson& CanonicalJson::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(value);
  return *this;
}

void CanonicalJson::AppendQuoted(std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_.push_back('"');
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        if (byte < 0x20) {
          out_ += "\\u00";
          out_.push_back(kHex[byte >> 4]);
          out_.push_back(kHex[byte & 0x0F]);
        } else {
          out_.push_back(c);
        }
    }
  }
  out_.push_back('"');
}

CanonicalJson& CanonicalJson::Raw(std::string_view json) {
  BeforeValue();
  out_ += json;
  return *this;
}

}  // namespace lapak
