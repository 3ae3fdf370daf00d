#include "core/canonical_json_reader.h"

#include <cassert>

namespace lapak {
namespace {

// Bytes that stand for themselves inside a string: printable ASCII and DEL, but '"' and '\'.
bool IsPlain(unsigned char byte) {
  return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The first byte of some JSON value: a value of another kind than the one asked for.
bool StartsValue(char c) {
  return c == '"' || c == '{' || c == '[' || c == '-' || IsDigit(c) || c == 't' || c == 'f' ||
         c == 'n';
}

// The value of a lower-case hex digit, or -1.
int LowerHexDigit(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The short escapes the writer writes (\" \\ \b \f \n \r \t), and the bytes they stand for.
constexpr std::string_view kShortEscapes = "\"\\bfnrt";
constexpr std::string_view kShortEscaped = "\"\\\b\f\n\r\t";

// ---- lenient scanning: only to tell a missing member from one out of its place -------------

size_t SkipSpace(std::string_view text, size_t p) {
  while (p < text.size() &&
         (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r'))
    ++p;
  return p;
}

// From the '"' at `p` to just past the closing '"' (or the end of the text).
size_t AfterString(std::string_view text, size_t p) {
  for (++p; p < text.size(); ++p) {
    if (text[p] == '\\') {
      ++p;
    } else if (text[p] == '"') {
      return p + 1;
    }
  }
  return text.size();
}

// From inside a member to the ',' or closing bracket that ends it (or the end of the text).
size_t MemberEnd(std::string_view text, size_t p) {
  size_t depth = 0;
  while (p < text.size()) {
    const char c = text[p];
    if (c == '"') {
      p = AfterString(text, p);
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return p;
      --depth;
    } else if (c == ',' && depth == 0) {
      return p;
    }
    ++p;
  }
  return p;
}

}  // namespace

// ---- objects and arrays --------------------------------------------------------------------

CanonicalJsonReader& CanonicalJsonReader::BeginObject() {
  if (ExpectValue('{', "an object")) Push(true);
  return *this;
}

CanonicalJsonReader& CanonicalJsonReader::Key(std::string_view name) {
  if (failed_) return *this;
  assert(depth_ > 0 && levels_[depth_ - 1].object && "Key() outside an object");
  Level& level = levels_[depth_ - 1];
  key_ = name;
  if (Peek() == '}') {
    FailValue("is missing");
    return *this;
  }
  if (!level.empty && !Expect(',')) return *this;
  level.empty = false;
  if (Peek() != '"') {
    FailSyntax();
    return *this;
  }
  const size_t n = name.size();
  if (text_.size() - pos_ >= n + 3 && text_.compare(pos_ + 1, n, name) == 0 &&
      text_[pos_ + 1 + n] == '"' && text_[pos_ + 2 + n] == ':') {
    pos_ += n + 3;
    return *this;
  }
  if (LaterMember(name)) {
    FailSyntax();
  } else {
    FailValue("is missing");
  }
  return *this;
}

bool CanonicalJsonReader::OptionalKey(std::string_view name) {
  if (failed_) return false;
  assert(depth_ > 0 && levels_[depth_ - 1].object && "OptionalKey() outside an object");
  const Level& level = levels_[depth_ - 1];
  const size_t at = pos_ + (level.empty ? 0 : 1);  // past the ',' before a later member
  const size_t n = name.size();
  const bool follows = (level.empty || Peek() == ',') && text_.size() - at >= n + 3 && text_[at] == '"' &&
                       text_.compare(at + 1, n, name) == 0 && text_[at + 1 + n] == '"' &&
                       text_[at + 2 + n] == ':';
  if (follows) Key(name);
  return follows;
}

void CanonicalJsonReader::EndObject() {
  if (failed_) return;
  assert(depth_ > 0 && levels_[depth_ - 1].object && "EndObject() outside an object");
  if (Expect('}')) --depth_;
}

CanonicalJsonReader& CanonicalJsonReader::BeginArray() {
  if (ExpectValue('[', "an array")) Push(false);
  return *this;
}

bool CanonicalJsonReader::NextItem() {
  if (failed_) return false;
  assert(depth_ > 0 && !levels_[depth_ - 1].object && "NextItem() outside an array");
  Level& level = levels_[depth_ - 1];
  if (Peek() == ']') {
    ++pos_;
    --depth_;
    return false;
  }
  if (!level.empty && !Expect(',')) return false;
  level.empty = false;
  return true;
}

void CanonicalJsonReader::End() {
  if (failed_) return;
  assert(depth_ == 0 && "End() inside an object or array");
  if (!AtEnd()) FailSyntax();
}

// ---- values --------------------------------------------------------------------------------

int64_t CanonicalJsonReader::Int() {
  if (failed_) return 0;
  const char c = Peek();
  if (c != '-' && !IsDigit(c)) {
    if (StartsValue(c)) {
      FailValue("is not an integer");
    } else {
      FailSyntax();
    }
    return 0;
  }
  const bool negative = c == '-';
  const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  const size_t first = pos_ + (negative ? 1 : 0);
  size_t p = first;
  uint64_t magnitude = 0;
  bool too_large = false;
  for (; p < text_.size() && IsDigit(text_[p]); ++p) {
    const auto digit = static_cast<uint64_t>(text_[p] - '0');
    if (magnitude > (limit - digit) / 10) too_large = true;
    magnitude = too_large ? magnitude : magnitude * 10 + digit;
  }
  const size_t digits = p - first;
  if (digits > 0 && p < text_.size() && (text_[p] == '.' || text_[p] == 'e' || text_[p] == 'E')) {
    FailValue("is not an integer");
    return 0;
  }
  if (digits == 0 || (text_[first] == '0' && (digits > 1 || negative))) {  // "-", "01", "-0"
    FailSyntax();
    return 0;
  }
  if (too_large) {
    FailValue("is out of range");
    return 0;
  }
  pos_ = p;
  return negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
}

std::string CanonicalJsonReader::String() {
  std::string out;
  if (!ExpectValue('"', "a string")) return out;
  while (!failed_) {
    size_t run = pos_;
    while (run < text_.size() && IsPlain(static_cast<unsigned char>(text_[run]))) ++run;
    out.append(text_, pos_, run - pos_);
    pos_ = run;
    const auto byte = static_cast<unsigned char>(Peek());
    if (AtEnd() || byte < 0x20) {
      FailSyntax();  // the string is not closed, or holds a control byte as it is
    } else if (byte == '"') {
      ++pos_;
      return out;
    } else if (byte == '\\') {
      ReadEscape(out);
    } else {
      ReadUtf8(out);
    }
  }
  return {};
}

void CanonicalJsonReader::ReadEscape(std::string& out) {
  const char kind = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
  if (const size_t i = kShortEscapes.find(kind); i != std::string_view::npos) {
    out.push_back(kShortEscaped[i]);
    pos_ += 2;
    return;
  }
  // \u00xx in lower-case hex, only for a byte below 0x20 that has no short form.
  const bool u00 = kind == 'u' && text_.size() - pos_ >= 6 && text_.compare(pos_ + 2, 2, "00") == 0;
  const int high = u00 ? LowerHexDigit(text_[pos_ + 4]) : -1;
  const int low = u00 ? LowerHexDigit(text_[pos_ + 5]) : -1;
  const auto byte = static_cast<char>(high * 16 + low);
  if (high < 0 || high > 1 || low < 0 || kShortEscaped.find(byte) != std::string_view::npos) {
    FailSyntax();  // \/, \u0041, \u000a, \u001F, \U…, or the end of the text
    return;
  }
  out.push_back(byte);
  pos_ += 6;
}

// Unicode's well-formed UTF-8 sequences (The Unicode Standard, table 3-7): the first byte
// gives the length and the range of the second byte; any later byte is 80..BF.
void CanonicalJsonReader::ReadUtf8(std::string& out) {
  const auto first = static_cast<unsigned char>(text_[pos_]);
  size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (first >= 0xC2 && first <= 0xDF) {
    length = 2;
  } else if (first >= 0xE0 && first <= 0xEF) {
    length = 3;
    if (first == 0xE0) second_low = 0xA0;   // no overlong form
    if (first == 0xED) second_high = 0x9F;  // no surrogate
  } else if (first >= 0xF0 && first <= 0xF4) {
    length = 4;
    if (first == 0xF0) second_low = 0x90;   // no overlong form
    if (first == 0xF4) second_high = 0x8F;  // nothing above U+10FFFF
  }
  bool well_formed = length > 0 && text_.size() - pos_ >= length;
  for (size_t i = 1; well_formed && i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text_[pos_ + i]);
    well_formed = i == 1 ? byte >= second_low && byte <= second_high : byte >= 0x80 && byte <= 0xBF;
  }
  if (!well_formed) {
    FailSyntax();
    return;
  }
  out.append(text_, pos_, length);
  pos_ += length;
}

// ---- helpers -------------------------------------------------------------------------------

bool CanonicalJsonReader::Expect(char c) {
  if (Peek() == c) {
    ++pos_;
    return true;
  }
  FailSyntax();
  return false;
}

bool CanonicalJsonReader::ExpectValue(char open, std::string_view kind) {
  if (failed_) return false;
  const char c = Peek();
  if (c == open) {
    ++pos_;
    return true;
  }
  if (StartsValue(c)) {
    FailValue("is not " + std::string(kind));
  } else {
    FailSyntax();
  }
  return false;
}

void CanonicalJsonReader::Push(bool object) {
  assert(depth_ < kMaxDepth && "nested deeper than the journal's bodies");
  if (depth_ == kMaxDepth) {
    FailSyntax();
    return;
  }
  levels_[depth_++] = Level{object, true, key_};
}

bool CanonicalJsonReader::LaterMember(std::string_view name) const {
  size_t p = pos_;
  while (true) {
    p = SkipSpace(text_, p);
    if (p >= text_.size() || text_[p] != '"') return false;
    const size_t key_end = AfterString(text_, p);
    if (key_end - p >= 2 && text_.substr(p + 1, key_end - p - 2) == name) return true;
    p = MemberEnd(text_, key_end);
    if (p >= text_.size() || text_[p] != ',') return false;
    ++p;
  }
}

std::string CanonicalJsonReader::Subject() const {
  if (depth_ == 0) return "the text";
  const Level& level = levels_[depth_ - 1];
  if (level.object) return "member '" + std::string(key_) + "'";
  return "an item of '" + std::string(level.name) + "'";
}

void CanonicalJsonReader::FailSyntax() {
  if (failed_) return;
  failed_ = true;
  error_ = CanonicalJsonError{};
}

void CanonicalJsonReader::FailValue(std::string problem) {
  if (failed_) return;
  failed_ = true;
  error_ = CanonicalJsonError{CanonicalJsonError::Kind::kValue, Subject(), std::move(problem)};
}

}  // namespace lapak
