// A writer of the canonical JSON that journal entries are hashed over (grammar in
// core/journal.h): no whitespace, integers only, strings escaped exactly as the grammar says.
// It writes straight into a string, with no document tree: encoding a sale is on the hot
// path of every commit. The caller writes object members in byte order of their names;
// Key() checks that order in debug builds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lapak {

class CanonicalJson {
 public:
  CanonicalJson& BeginObject();
  CanonicalJson& EndObject();
  CanonicalJson& BeginArray();
  CanonicalJson& EndArray();
  CanonicalJson& Key(std::string_view name);
  CanonicalJson& Int(int64_t value);
  CanonicalJson& String(std::string_view value);
  // Splices in text that is already one canonical JSON value.
  CanonicalJson& Raw(std::string_view json);

  std::string Take() { return std::move(out_); }

 private:
  struct Level {
    bool object = false;
    bool empty = true;
    std::string last_key;  // for the order check
  };
  void BeforeValue();  // the comma between values, unless the value follows its key
  void AppendQuoted(std::string_view text);

  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace lapak
