// A strict reader of the canonical JSON that CanonicalJson writes (grammar in core/journal.h),
// in one pass over the text and with no document tree: the ledger decodes every sale it
// ingests with it.
//
// It accepts exactly one spelling of each value, the writer's:
//   object  := '{' [ member { ',' member } ] '}'     members in the order the caller asks for
//   member  := string ':' value
//   array   := '[' [ value { ',' value } ] ']'
//   integer := '0' | [ '-' ] digit1-9 { digit }     within int64; no "-0", "+1", "01", 1.0, 1e3
//   string  := '"' { char } '"'
//   char    := a byte 0x20..0x7F other than '"' and '\'
//            | a well-formed UTF-8 sequence of 2 to 4 bytes (no overlong form, no surrogate,
//              nothing above U+10FFFF)
//            | '\"' | '\\' | '\b' | '\f' | '\n' | '\r' | '\t'
//            | '\u00' hex hex  for the other bytes below 0x20, in lower-case hex
//   No whitespace anywhere outside strings; nothing after the value.
// The caller names each member it expects, in order (Key), so a missing, extra, repeated or
// misplaced member is refused as well: a text it reads through to End() is the writer's text
// of the values read, byte for byte. (Names are matched byte for byte, so they must be ones
// the writer writes unescaped, as all the journal's names are.)
//
// Errors: the first departure stops the reader. Every later call does nothing and returns an
// empty value (NextItem() returns false), so a caller reads a whole body and looks at ok()
// once, at the end. The error says whether a value was missing or of the wrong kind (kValue,
// naming the member or the array it is in) or the text departed from the grammar (kSyntax);
// the reader does not tell malformed JSON from well-formed JSON that is not canonical.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lapak {

struct CanonicalJsonError {
  enum class Kind {
    kSyntax,  // the text departs from the grammar here
    kValue,   // `subject` is missing, or its value is not of the kind asked for, or too large
  };
  Kind kind = Kind::kSyntax;
  std::string subject;  // "member 'qty'", "an item of 'lines'"; empty for kSyntax
  std::string problem;  // "is missing", "is not an integer", …; empty for kSyntax
};

class CanonicalJsonReader {
 public:
  // `text` must outlive the reader.
  explicit CanonicalJsonReader(std::string_view text) : text_(text) {}

  // Objects: '{', then each member by name, then '}'. Key(name) reads the ',' before a
  // member that is not the first and the member's name, which must be `name`; the member's
  // value is read next. When another member stands in its place, the error is kValue ("is
  // missing") if no member `name` follows in the object, else kSyntax (out of its place).
  CanonicalJsonReader& BeginObject();
  CanonicalJsonReader& Key(std::string_view name);
  // A member the writer leaves out when it has nothing to say (a Z report's cash moves): when
  // the next member is `name`, reads its name as Key does and returns true (its value is read
  // next); otherwise reads nothing and returns false.
  [[nodiscard]] bool OptionalKey(std::string_view name);
  void EndObject();

  // Arrays: '[', then while (NextItem()) read one value; NextItem() reads the ',' between
  // items and returns false after the closing ']' (or after an error).
  CanonicalJsonReader& BeginArray();
  [[nodiscard]] bool NextItem();

  int64_t Int();
  std::string String();

  // The whole text has been read: nothing follows the value.
  void End();

  bool ok() const { return !failed_; }
  const CanonicalJsonError& error() const { return error_; }

 private:
  // An object or array being read; `name` is the member that holds it (empty at the top).
  struct Level {
    bool object = false;
    bool empty = true;
    std::string_view name;
  };
  static constexpr size_t kMaxDepth = 8;  // the journal's bodies nest 3 deep

  bool AtEnd() const { return pos_ >= text_.size(); }
  // The next byte; '\0' at the end (no caller looks for a NUL byte).
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  // Reads the byte `c`, else fails with a syntax error.
  bool Expect(char c);
  // Reads the opening byte of the value about to be read (kind: "an object", …).
  bool ExpectValue(char open, std::string_view kind);
  void Push(bool object);
  // Whether a member called `name` follows in the object being read, at any later place.
  bool LaterMember(std::string_view name) const;
  // Append the escape or the UTF-8 sequence at pos_ (a `char` of the grammar) to `out`, or fail.
  void ReadEscape(std::string& out);
  void ReadUtf8(std::string& out);
  // What the value about to be read is called in an error: "member 'qty'", "an item of 'lines'".
  std::string Subject() const;
  void FailSyntax();
  void FailValue(std::string problem);

  std::string_view text_;
  size_t pos_ = 0;
  std::array<Level, kMaxDepth> levels_{};
  size_t depth_ = 0;
  std::string_view key_;  // the member whose value is read next
  bool failed_ = false;
  CanonicalJsonError error_;
};

}  // namespace lapak
