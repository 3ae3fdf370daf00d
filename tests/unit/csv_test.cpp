#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"

namespace lapak {
namespace {

// "1:[a][b] 3:[c]" (line, then each field in brackets, CR and LF escaped), or the Status.
std::string Parse(std::string_view text) {
  Result<std::vector<CsvRecord>> records = ParseCsv(text);
  if (!records.ok()) return records.status().ToString();
  std::string out;
  for (const CsvRecord& record : *records) {
    if (!out.empty()) out += ' ';
    out += std::to_string(record.line) + ":";
    for (const std::string& field : record.fields) {
      out += '[';
      for (const char c : field) out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : std::string(1, c);
      out += ']';
    }
  }
  return out;
}

std::string Append(const std::vector<CsvCell>& fields) {
  std::string out;
  AppendCsvRecord(out, fields);
  return out;
}

TEST(ParseCsvTest, PlainRecords) {
  EXPECT_EQ("1:[sku][name][price] 2:[BKS-01][Bakso Urat][20000]",
            Parse("sku,name,price\nBKS-01,Bakso Urat,20000\n"));
  EXPECT_EQ("1:[one]", Parse("one"));
  EXPECT_EQ("1:[ spaced ][kept ]", Parse(" spaced ,kept "));
}

TEST(ParseCsvTest, TrailingNewlineIsOptional) {
  EXPECT_EQ("1:[a][b] 2:[c][d]", Parse("a,b\nc,d"));
  EXPECT_EQ("1:[a][b] 2:[c][d]", Parse("a,b\nc,d\n"));
}

TEST(ParseCsvTest, EmptyInputHasNoRecords) {
  EXPECT_EQ("", Parse(""));
  EXPECT_EQ("", Parse("\n\r\n\n"));
  EXPECT_EQ("", Parse("\xEF\xBB\xBF"));
}

TEST(ParseCsvTest, EmptyFields) {
  EXPECT_EQ("1:[a][][b]", Parse("a,,b"));
  EXPECT_EQ("1:[a][b][] 2:[][c]", Parse("a,b,\n,c\n"));
  EXPECT_EQ("1:[][]", Parse(","));
  EXPECT_EQ("1:[a][][]", Parse("a,\"\",\n"));
}

TEST(ParseCsvTest, QuotedFields) {
  EXPECT_EQ("1:[Keripik, Pedas][12000]", Parse("\"Keripik, Pedas\",12000\n"));
  EXPECT_EQ("1:[Taplak \"Bunga\"][\"][]", Parse("\"Taplak \"\"Bunga\"\"\",\"\"\"\",\"\""));
  EXPECT_EQ("1:[plain][,]", Parse("\"plain\",\",\""));
}

TEST(ParseCsvTest, EmbeddedNewlineKeepsTheStartLineAndCountsForLaterRecords) {
  EXPECT_EQ("1:[id][note] 2:[1][two\\nlines] 4:[2][after]",
            Parse("id,note\n1,\"two\nlines\"\n2,after\n"));
  EXPECT_EQ("1:[\\n\\n] 4:[x]", Parse("\"\n\n\"\nx"));
}

TEST(ParseCsvTest, CrLfLineBreaks) {
  EXPECT_EQ("1:[a][b] 2:[c][d]", Parse("a,b\r\nc,d\r\n"));
  EXPECT_EQ("1:[x\\r\\ny][z] 3:[w]", Parse("\"x\r\ny\",z\r\nw\r\n"));
}

TEST(ParseCsvTest, BlankLinesAreSkipped) {
  EXPECT_EQ("2:[a] 5:[b]", Parse("\na\n\n\r\nb\n\n"));
}

TEST(ParseCsvTest, ByteOrderMarkAtTheStartIsSkipped) {
  EXPECT_EQ("1:[sku][name]", Parse("\xEF\xBB\xBFsku,name\n"));
  EXPECT_EQ("1:[quoted]", Parse("\xEF\xBB\xBF\"quoted\""));
}

TEST(ParseCsvTest, UnterminatedQuoteNamesLineAndColumn) {
  EXPECT_EQ("InvalidArgument: line 2, column 2: quoted field is never closed",
            Parse("a,b\nc,\"open\nmore,text\n"));
  EXPECT_EQ("InvalidArgument: line 1, column 1: quoted field is never closed", Parse("\""));
}

TEST(ParseCsvTest, TextAfterClosingQuoteNamesLineAndColumn) {
  EXPECT_EQ("InvalidArgument: line 2, column 3: unexpected text after a closing quote",
            Parse("a,b,c\nd,e,\"f\"g\n"));
  EXPECT_EQ("InvalidArgument: line 1, column 1: unexpected text after a closing quote",
            Parse("\"a\" ,b"));
}

TEST(ParseCsvTest, QuoteInsideBareFieldNamesLineAndColumn) {
  EXPECT_EQ("InvalidArgument: line 2, column 2: a quote inside an unquoted field",
            Parse("a,b\nc,5\" tall\n"));
  EXPECT_EQ("InvalidArgument: line 1, column 1: a quote inside an unquoted field",
            Parse(" \"a\""));
}

// csv.h: positions in errors are "the physical line where the record starts".
TEST(ParseCsvTest, ErrorsInAMultiLineRecordNameTheLineOfTheProblem) {
  EXPECT_EQ("InvalidArgument: line 3, column 1: unexpected text after a closing quote",
            Parse("a\n\"b\nc\"d\n"));
  EXPECT_EQ("InvalidArgument: line 3, column 2: a quote inside an unquoted field",
            Parse("a\n\"b\nc\",d\"\n"));
  EXPECT_EQ("InvalidArgument: line 3, column 2: quoted field is never closed",
            Parse("a\n\"b\nc\",\"d\n"));
}

TEST(AppendCsvRecordTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ("BKS-01,Bakso Urat,Makanan,20000\n", Append({"BKS-01", "Bakso Urat", "Makanan", "20000"}));
  EXPECT_EQ("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\", x ,\n",
            Append({"a,b", "say \"hi\"", "two\nlines", "cr\r", " x ", ""}));
  EXPECT_EQ("Taplak Sulaman 40\xC3\x97" "40 cm,'quote'\n", Append({"Taplak Sulaman 40\xC3\x97" "40 cm", "'quote'"}));
}

TEST(AppendCsvRecordTest, AppendsToWhatIsThere) {
  std::string out = "sku,name\n";
  AppendCsvRecord(out, {"A", "B"});
  AppendCsvRecord(out, {"C", "D,E"});
  EXPECT_EQ("sku,name\nA,B\nC,\"D,E\"\n", out);
}

TEST(AppendCsvRecordTest, RoundTripsThroughParseCsv) {
  const std::vector<std::vector<std::string>> records = {
      {"sku", "name", "category", "price"},
      {"a,b", "say \"hi\"", "two\nlines", "crlf\r\ninside"},
      {"", "", ""},
      {"\"", "\"\"", ",", "\r"},
      {" leading", "trailing ", "40\xC3\x97" "40", "\xEF\xBB\xBFnot at start"},
      {"last"},
  };
  std::string text;
  for (const auto& fields : records) {
    AppendCsvRecord(text, std::vector<CsvCell>(fields.begin(), fields.end()));
  }
  Result<std::vector<CsvRecord>> parsed = ParseCsv(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(records.size(), parsed->size());
  for (size_t r = 0; r < records.size(); ++r) {
    std::vector<std::string> texts;  // "\r" was written "'\r"
    for (const std::string& cell : (*parsed)[r].fields) texts.emplace_back(RestoreCsvText(cell));
    EXPECT_EQ(records[r], texts) << r;
  }
  EXPECT_EQ(1, (*parsed)[0].line);
  EXPECT_EQ(2, (*parsed)[1].line);
  EXPECT_EQ(5, (*parsed)[2].line);
}

// OWASP's rule: text that a spreadsheet would run as a formula gets a "'" in front, and is
// then quoted as any other field.
TEST(AppendCsvRecordTest, NeutralisesTextThatWouldStartAFormula) {
  EXPECT_EQ(R"csv("'=HYPERLINK(""http://x"",""klik"")",'+62 812,'-Diskon,'@SUM(A1),')csv"
            "\tTab,\"'\rCR\"\n",
            Append({R"csv(=HYPERLINK("http://x","klik"))csv", "+62 812", "-Diskon", "@SUM(A1)",
                    "\tTab", "\rCR"}));
  EXPECT_EQ("'-5000,'=,'-\n", Append({"-5000", "=", "-"}));  // text, though it looks like a number
}

TEST(AppendCsvRecordTest, LeavesOtherTextAlone) {
  EXPECT_EQ("a=b,1+1, =x,\"\n-x\",'quote',',''\n",
            Append({"a=b", "1+1", " =x", "\n-x", "'quote'", "'", "''"}));
}

// So that RestoreCsvText can tell a "'" the writer added from one that was in the text.
TEST(AppendCsvRecordTest, AddsAQuoteBeforeQuotesThatPrecedeAFormula) {
  EXPECT_EQ("''=kutip,'''-1\n", Append({"'=kutip", "''-1"}));
}

TEST(AppendCsvRecordTest, WritesNumbersAsTheyAreAndRatiosToHundredths) {
  EXPECT_EQ("-5000,0,9223372036854775807,-25,12.5,33.33,66.67,-0.01,0,100\n",
            Append({CsvCell::Integer(-5000), CsvCell::Integer(0),
                    CsvCell::Integer(9223372036854775807), CsvCell::Hundredths(-25.0),
                    CsvCell::Hundredths(12.5), CsvCell::Hundredths(100.0 / 3),
                    CsvCell::Hundredths(200.0 / 3), CsvCell::Hundredths(-0.009),
                    CsvCell::Hundredths(-0.001), CsvCell::Hundredths(99.999)}));
}

TEST(RestoreCsvTextTest, TakesOffTheQuoteBeforeAFormula) {
  EXPECT_EQ(R"csv(=HYPERLINK("http://x","klik"))csv",
            RestoreCsvText(R"csv('=HYPERLINK("http://x","klik"))csv"));
  EXPECT_EQ("+62 812", RestoreCsvText("'+62 812"));
  EXPECT_EQ("-Diskon", RestoreCsvText("'-Diskon"));
  EXPECT_EQ("@SUM(A1)", RestoreCsvText("'@SUM(A1)"));
  EXPECT_EQ("\tTab", RestoreCsvText("'\tTab"));
  EXPECT_EQ("\rCR", RestoreCsvText("'\rCR"));
  EXPECT_EQ("'=kutip", RestoreCsvText("''=kutip"));
}

TEST(RestoreCsvTextTest, LeavesEveryOtherCellAlone) {
  for (const std::string_view cell :
       {"", "'", "''", "'quote'", "' =x", "=SUM(A1)", "-5000", "a'=b"}) {
    EXPECT_EQ(cell, RestoreCsvText(cell));
  }
}

TEST(RestoreCsvTextTest, UndoesTheWriterThroughParseCsv) {
  const std::vector<std::string> texts = {R"csv(=HYPERLINK("http://x","klik"))csv",
                                          "+62 812", "-Diskon", "@SUM(A1)", "\tTab", "\rCR",
                                          "'=kutip", "''-1", "'quote'", "'", "plain", ""};
  std::string text;
  AppendCsvRecord(text, std::vector<CsvCell>(texts.begin(), texts.end()));
  Result<std::vector<CsvRecord>> parsed = ParseCsv(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(1u, parsed->size());
  const std::vector<std::string>& cells = (*parsed)[0].fields;
  ASSERT_EQ(texts.size(), cells.size());
  for (size_t f = 0; f < texts.size(); ++f) {
    EXPECT_EQ(NeutraliseCsvText(texts[f]), cells[f]) << f;
    EXPECT_EQ(texts[f], RestoreCsvText(cells[f])) << f;
  }
}

}  // namespace
}  // namespace lapak
