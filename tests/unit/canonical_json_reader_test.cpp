// CanonicalJsonReader (core/canonical_json_reader.h): it reads back what CanonicalJson writes
// and refuses every other spelling of the same values.
#include "core/canonical_json_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/canonical_json.h"

namespace lapak {
namespace {

// "ok", "syntax", or "value: member 'n' is not an integer".
std::string Verdict(const CanonicalJsonReader& in) {
  if (in.ok()) return "ok";
  const CanonicalJsonError& error = in.error();
  if (error.kind == CanonicalJsonError::Kind::kSyntax) return "syntax";
  return "value: " + error.subject + " " + error.problem;
}

// Reads `text` as {"n":<integer>}.
std::string ReadInt(std::string_view text, int64_t* value = nullptr) {
  CanonicalJsonReader in(text);
  const int64_t n = in.BeginObject().Key("n").Int();
  in.EndObject();
  in.End();
  if (value != nullptr) *value = n;
  return Verdict(in);
}

// Reads `text` as {"s":<string>}.
std::string ReadString(std::string_view text, std::string* value = nullptr) {
  CanonicalJsonReader in(text);
  std::string s = in.BeginObject().Key("s").String();
  in.EndObject();
  in.End();
  if (value != nullptr) *value = s;
  return Verdict(in);
}

std::string WriteString(std::string_view value) {
  CanonicalJson out;
  out.BeginObject().Key("s").String(value).EndObject();
  return out.Take();
}

// Reads `text` as {"a":<integer>,"b":<integer>,"c":<integer>}.
std::string ReadThree(std::string_view text) {
  CanonicalJsonReader in(text);
  in.BeginObject();
  for (std::string_view name : {"a", "b", "c"}) in.Key(name).Int();
  in.EndObject();
  in.End();
  return Verdict(in);
}

TEST(CanonicalJsonReaderTest, ReadsWhatTheWriterWrites) {
  CanonicalJson out;
  // clang-format off
  out.BeginObject()
      .Key("a").BeginArray().Int(1).Int(-2).BeginObject().Key("b").String("x").EndObject().EndArray()
      .Key("c").BeginArray().EndArray()
      .Key("d").BeginObject().EndObject()
      .Key("e").String("")
      .EndObject();
  // clang-format on
  const std::string text = out.Take();
  EXPECT_EQ(R"({"a":[1,-2,{"b":"x"}],"c":[],"d":{},"e":""})", text);

  CanonicalJsonReader in(text);
  in.BeginObject().Key("a").BeginArray();
  ASSERT_TRUE(in.NextItem());
  EXPECT_EQ(1, in.Int());
  ASSERT_TRUE(in.NextItem());
  EXPECT_EQ(-2, in.Int());
  ASSERT_TRUE(in.NextItem());
  EXPECT_EQ("x", in.BeginObject().Key("b").String());
  in.EndObject();
  EXPECT_FALSE(in.NextItem());
  in.Key("c").BeginArray();
  EXPECT_FALSE(in.NextItem());
  in.Key("d").BeginObject().EndObject();
  EXPECT_EQ("", in.Key("e").String());
  in.EndObject();
  in.End();
  EXPECT_EQ("ok", Verdict(in));
}

TEST(CanonicalJsonReaderTest, IntegersInTheWritersFormOnly) {
  for (const int64_t n :
       {int64_t{0}, int64_t{7}, int64_t{-7}, int64_t{10}, int64_t{1'000'000'000},
        std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()}) {
    CanonicalJson out;
    out.BeginObject().Key("n").Int(n).EndObject();
    int64_t read = 0;
    EXPECT_EQ("ok", ReadInt(out.Take(), &read)) << n;
    EXPECT_EQ(n, read);
  }
  const std::string not_integer = "value: member 'n' is not an integer";
  const std::string out_of_range = "value: member 'n' is out of range";
  const std::vector<std::pair<std::string, std::string>> refused = {
      {R"({"n":-0})", "syntax"},
      {R"({"n":01})", "syntax"},
      {R"({"n":00})", "syntax"},
      {R"({"n":-01})", "syntax"},
      {R"({"n":+1})", "syntax"},
      {R"({"n":-})", "syntax"},
      {R"({"n": 1})", "syntax"},
      {R"({"n":1 })", "syntax"},
      {R"({"n":})", "syntax"},
      {R"({"n":1.0})", not_integer},
      {R"({"n":0.5})", not_integer},
      {R"({"n":-0.5})", not_integer},
      {R"({"n":1e3})", not_integer},
      {R"({"n":1E3})", not_integer},
      {R"({"n":"1"})", not_integer},
      {R"({"n":null})", not_integer},
      {R"({"n":true})", not_integer},
      {R"({"n":[1]})", not_integer},
      {R"({"n":{}})", not_integer},
      {R"({"n":9223372036854775808})", out_of_range},
      {R"({"n":-9223372036854775809})", out_of_range},
      {R"({"n":18446744073709551616})", out_of_range},
      {R"({"n":99999999999999999999999})", out_of_range},
  };
  for (const auto& [text, verdict] : refused) EXPECT_EQ(verdict, ReadInt(text)) << text;
}

TEST(CanonicalJsonReaderTest, EveryByteAndCodePointTheWriterWritesReadsBack) {
  std::vector<std::string> values = {"", "plain", "\"quoted\" \\ back", "1/2", "\x7f"};
  for (int byte = 0; byte < 0x80; ++byte) values.push_back(std::string(1, static_cast<char>(byte)));
  // The first and last code points of each UTF-8 length, and around the surrogates.
  for (std::string_view utf8 :
       {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
        "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "é €😀 Rp½"}) {
    values.push_back(std::string(utf8));
  }
  for (const std::string& value : values) {
    const std::string text = WriteString(value);
    std::string read;
    EXPECT_EQ("ok", ReadString(text, &read)) << text;
    EXPECT_EQ(value, read) << text;
  }
}

TEST(CanonicalJsonReaderTest, RefusesEveryOtherSpellingOfAString) {
  const std::vector<std::string> refused = {
      // escapes the writer does not write
      R"({"s":"\/"})",
      R"({"s":"\u0041"})",
      R"({"s":"\u000a"})",
      R"({"s":"\u0008"})",
      R"({"s":"\u001F"})",
      R"({"s":"\u0020"})",
      R"({"s":"\u007f"})",
      R"({"s":"\u00e9"})",
      R"({"s":"\u0100"})",
      R"({"s":"\ud83d\ude00"})",
      R"({"s":"\U0001"})",
      R"({"s":"\x41"})",
      R"({"s":"\a"})",
      R"({"s":"\u00"})",
      R"({"s":"\u001"})",
      R"({"s":"\)",
      // bytes the writer escapes
      "{\"s\":\"\x01\"}",
      "{\"s\":\"\n\"}",
      "{\"s\":\"\t\"}",
      std::string("{\"s\":\"\0\"}", 9),
      // ill-formed UTF-8: a lone continuation byte, overlong forms, surrogates, beyond
      // U+10FFFF, bytes that never occur, cut sequences
      "{\"s\":\"\x80\"}",
      "{\"s\":\"\xBF\"}",
      "{\"s\":\"\xC0\x80\"}",
      "{\"s\":\"\xC1\xBF\"}",
      "{\"s\":\"\xE0\x80\x80\"}",
      "{\"s\":\"\xE0\x9F\xBF\"}",
      "{\"s\":\"\xED\xA0\x80\"}",
      "{\"s\":\"\xED\xBF\xBF\"}",
      "{\"s\":\"\xF0\x80\x80\x80\"}",
      "{\"s\":\"\xF0\x8F\xBF\xBF\"}",
      "{\"s\":\"\xF4\x90\x80\x80\"}",
      "{\"s\":\"\xF5\x80\x80\x80\"}",
      "{\"s\":\"\xFF\"}",
      "{\"s\":\"\xC3\"}",
      "{\"s\":\"\xC3(\"}",
      "{\"s\":\"\xE2\x82\"}",
      "{\"s\":\"\xF0\x9F\x98\"}",
      // not closed
      R"({"s":"abc)",
      R"({"s":")",
  };
  for (const std::string& text : refused) EXPECT_EQ("syntax", ReadString(text)) << text;
  EXPECT_EQ("value: member 's' is not a string", ReadString(R"({"s":7})"));
  EXPECT_EQ("value: member 's' is not a string", ReadString(R"({"s":null})"));
}

TEST(CanonicalJsonReaderTest, MembersInTheOrderAskedForAndNoOthers) {
  EXPECT_EQ("ok", ReadThree(R"({"a":1,"b":2,"c":3})"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"a":1,"c":3})", "value: member 'b' is missing"},
      {R"({"a":1,"b":2})", "value: member 'c' is missing"},
      {R"({})", "value: member 'a' is missing"},
      {R"({"b":2,"c":3})", "value: member 'a' is missing"},
      {R"({"a":1,"x":0,"c":3})", "value: member 'b' is missing"},  // an unknown member in its place
      {R"({"b":2,"a":1,"c":3})", "syntax"},                        // out of order
      {R"({"a":1,"c":3,"b":2})", "syntax"},
      {R"({"a":1,"a":1,"b":2,"c":3})", "syntax"},  // repeated
      {R"({"a":1,"b":2,"c":3,"c":3})", "syntax"},
      {R"({"a":1,"_":0,"b":2,"c":3})", "syntax"},  // unknown
      {R"({"a":1,"b":2,"bb":0,"c":3})", "syntax"},
      {R"({"a":1,"b":2,"c":3,"d":4})", "syntax"},
      {R"({"a":1,"b" :2,"c":3})", "syntax"},  // whitespace
      {R"({"a":1, "b":2,"c":3})", "syntax"},
      {R"({ "a":1,"b":2,"c":3})", "syntax"},
      {R"({"a":1,"b":2,"c":3} )", "syntax"},
      {R"( {"a":1,"b":2,"c":3})", "syntax"},
      {R"({"\u0061":1,"b":2,"c":3})", "value: member 'a' is missing"},  // not its name's bytes
      {R"({"a":1,,"b":2,"c":3})", "syntax"},
      {R"({"a":1,"b":2,"c":3,})", "syntax"},
      {R"({"a":1,"b":2,"c":3}})", "syntax"},
      {R"({"a":1,"b":2,"c":3}{})", "syntax"},
      {R"([1,2,3])", "value: the text is not an object"},
      {"", "syntax"},
  };
  for (const auto& [text, verdict] : cases) EXPECT_EQ(verdict, ReadThree(text)) << text;
}

// Reads `text` as {"xs":[<integer>…]} and returns the verdict and the items.
std::string ReadList(std::string_view text, std::vector<int64_t>* items = nullptr) {
  CanonicalJsonReader in(text);
  in.BeginObject().Key("xs").BeginArray();
  std::vector<int64_t> read;
  while (in.NextItem()) read.push_back(in.Int());
  in.EndObject();
  in.End();
  if (items != nullptr) *items = read;
  return Verdict(in);
}

TEST(CanonicalJsonReaderTest, Arrays) {
  std::vector<int64_t> items;
  EXPECT_EQ("ok", ReadList(R"({"xs":[]})", &items));
  EXPECT_TRUE(items.empty());
  EXPECT_EQ("ok", ReadList(R"({"xs":[3,-1,0]})", &items));
  EXPECT_EQ((std::vector<int64_t>{3, -1, 0}), items);
  for (std::string_view text :
       {R"({"xs":[1,]})", R"({"xs":[,1]})", R"({"xs":[1 ,2]})", R"({"xs":[1,2})",
        R"({"xs":[1,2]]})", R"({"xs":[ ]})", R"({"xs":[1)"}) {
    EXPECT_EQ("syntax", ReadList(text)) << text;
  }
  EXPECT_EQ("value: an item of 'xs' is not an integer", ReadList(R"({"xs":[1,"2"]})"));
  EXPECT_EQ("value: member 'xs' is not an array", ReadList(R"({"xs":{}})"));
  EXPECT_EQ("value: member 'xs' is not an array", ReadList(R"({"xs":7})"));
}

TEST(CanonicalJsonReaderTest, TheFirstErrorStopsTheReader) {
  CanonicalJsonReader in(R"({"a":"x","b":[1,2],"c":"y"})");
  EXPECT_EQ(0, in.BeginObject().Key("a").Int());
  EXPECT_EQ("value: member 'a' is not an integer", Verdict(in));
  in.Key("b").BeginArray();
  EXPECT_FALSE(in.NextItem());
  EXPECT_EQ("", in.Key("c").String());
  in.EndObject();
  in.End();
  EXPECT_EQ("value: member 'a' is not an integer", Verdict(in));  // the first error stays
}

TEST(CanonicalJsonReaderTest, EveryTruncationIsRefused) {
  const std::string text = R"({"a":1,"b":-22,"c":333})";
  for (size_t size = 0; size < text.size(); ++size) {
    EXPECT_NE("ok", ReadThree(std::string_view(text).substr(0, size))) << text.substr(0, size);
  }
  const std::string list = R"({"xs":[10,-2,0]})";
  for (size_t size = 0; size < list.size(); ++size) {
    EXPECT_NE("ok", ReadList(std::string_view(list).substr(0, size))) << list.substr(0, size);
  }
}

}  // namespace
}  // namespace lapak
