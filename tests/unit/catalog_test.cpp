#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"

namespace lapak {
namespace {

using namespace std::string_literals;
using namespace std::string_view_literals;

constexpr std::string_view kHeader = "sku,name,category,price\n";
constexpr std::string_view kGoodLine = "BKS-01,Bakso Urat,Makanan,20000\n";
const std::string kTimes = "\xC3\x97";  // U+00D7 MULTIPLICATION SIGN, two bytes

std::string ReadSample(const std::string& name) {
  const std::string path = std::string(LAPAK_SAMPLE_DATA) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.is_open()) << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One product a line, "sku|name|category|Rp20.000", "(inactive)" appended when not active.
std::string Show(const std::vector<Product>& products) {
  std::string out;
  for (const Product& p : products) {
    if (!out.empty()) out += '\n';
    out += p.sku + "|" + p.name + "|" + p.category + "|" + FormatMoney(p.price);
    if (!p.active) out += " (inactive)";
  }
  return out;
}

// The imported products as Show writes them, or the Status.
std::string Import(std::string_view text) {
  Result<std::vector<Product>> products = ParseCatalogCsv(text);
  return products.ok() ? Show(*products) : products.status().ToString();
}

// Imports a file whose line 2 is a good product (BKS-01) and line 3 is `bad_line`; returns
// the single error reported, or everything Import returned when that is not one error.
std::string ErrorFor(const std::string& bad_line) {
  const std::string result = Import(std::string(kHeader) + std::string(kGoodLine) + bad_line + "\n");
  const std::string_view kOneError = "InvalidArgument: 1 error(s); nothing was imported\n";
  return result.starts_with(kOneError) ? result.substr(kOneError.size()) : result;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(CatalogCsvTest, ImportsTheBaksoSample) {
  EXPECT_EQ(
      "BKS-01|Bakso Urat|Makanan|Rp20.000\n"
      "BKS-02|Bakso Halus|Makanan|Rp18.000\n"
      "BKS-03|Bakso Jumbo Isi Telur|Makanan|Rp25.000\n"
      "BKS-04|Mie Ayam|Makanan|Rp17.000\n"
      "BKS-05|Mie Ayam Bakso|Makanan|Rp22.000\n"
      "MNM-01|Es Teh Manis|Minuman|Rp5.000\n"
      "MNM-02|Es Jeruk|Minuman|Rp7.000\n"
      "MNM-03|Air Mineral|Minuman|Rp4.000\n"
      "TMB-01|Kerupuk|Tambahan|Rp2.000",
      Import(ReadSample("catalog-bakso.csv")));
}

TEST(CatalogCsvTest, ImportsTheOlehOlehSample) {
  const Result<std::vector<Product>> products = ParseCatalogCsv(ReadSample("catalog-oleh-oleh.csv"));
  ASSERT_TRUE(products.ok()) << products.status().ToString();
  EXPECT_EQ(
      "GLA-250|Gula Kristal Banyumas 250 g|Oleh-oleh|Rp9.000\n"
      "GLA-1K|Gula Kristal Banyumas 1 kg|Oleh-oleh|Rp32.000\n"
      "KRP-01|Keripik Sriping Ubi Kayu, Pedas|Camilan|Rp12.000\n"
      "KRP-02|Keripik Sriping Ubi Kayu, Original|Camilan|Rp11.000\n"
      "CKL-01|Cokelat Babel Batang|Camilan|Rp25.000\n"
      "SDL-01|Sandal Bandol Dewasa|Kriya|Rp45.000\n"
      "SDL-02|Sandal Bandol Anak|Kriya|Rp35.000\n"
      "SLM-01|Taplak Sulaman 40" + kTimes + "40 cm|Kriya|Rp85.000\n"
      "SLM-02|Sapu Tangan Sulam|Kriya|Rp30.000",
      Show(*products));
  EXPECT_EQ(Money::Rupiah(12'000), (*products)[2].price);
  EXPECT_EQ(Money::Rupiah(85'000), (*products)[7].price);
}

TEST(CatalogCsvTest, HeaderColumnsInAnyOrderAndCase) {
  EXPECT_EQ("BKS-01|Bakso Urat|Makanan|Rp20.000",
            Import("PRICE,Name,SKU,Category\nRp20.000,Bakso Urat,BKS-01,Makanan\n"));
  // Columns in errors are the file's columns.
  EXPECT_EQ(
      "InvalidArgument: 2 error(s); nothing was imported\n"
      "line 2, column 3 (sku): sku 'BKS 01' may hold only letters, digits, '.', '_' and '-'\n"
      "line 2, column 1 (price): 'abc' is not an amount",
      Import("PRICE,Name,SKU,Category\nabc,Bakso Urat,BKS 01,Makanan\n"));
}

TEST(CatalogCsvTest, AcceptsAWindowsSpreadsheetExport) {
  EXPECT_EQ("BKS-01|Bakso Urat|Makanan|Rp20.000\nMNM-01|Es Teh \"Manis\"|Minuman|Rp5.000",
            Import("\xEF\xBB\xBFsku,name,category,price\r\n"
                   "BKS-01,Bakso Urat,Makanan,\"Rp20.000,-\"\r\n"
                   "\r\n"
                   "MNM-01,\"Es Teh \"\"Manis\"\"\",Minuman,5.000\r\n"));
}

// Issue 12: what Excel saves as CSV in an Indonesian locale (';', a BOM, CRLF), with the
// column names in Bahasa Indonesia, failed with "'sku' is missing".
TEST(CatalogCsvTest, AcceptsSemicolonsAndIndonesianColumnNames) {
  EXPECT_EQ("BKS-01|Bakso Urat, Besar|Makanan|Rp20.000\nMNM-01|Es Teh|Minuman|Rp5.000",
            Import("\xEF\xBB\xBFkode;nama;kategori;harga\r\n"
                   "BKS-01;\"Bakso Urat, Besar\";Makanan;20.000\r\n"
                   "MNM-01;Es Teh;Minuman;5000\r\n"));
  EXPECT_EQ("BKS-01|Bakso Urat|Makanan|Rp20.000", Import("Harga,Kode,Nama,Kategori\n20000,BKS-01,Bakso Urat,Makanan\n"));
  // The header decides: a comma file whose names hold semicolons stays a comma file.
  EXPECT_EQ("BKS-01|Bakso; Urat|Makanan|Rp20.000", Import("sku,name,category,price\nBKS-01,Bakso; Urat,Makanan,20000\n"));
}

TEST(CatalogCsvTest, RefusesUtf16WithHowToSaveItAsUtf8) {
  const std::string kUtf16 =
      "InvalidArgument: the file is UTF-16 (Unicode Text); save it again as CSV UTF-8 (Excel: Save As > CSV UTF-8)";
  EXPECT_EQ(kUtf16, Import(std::string("\xFF\xFEs\0k\0u\0", 8)));  // little-endian, with its mark
  EXPECT_EQ(kUtf16, Import(std::string("\0s\0k\0u", 6)));            // big-endian, without
}

TEST(CatalogCsvTest, AcceptsValuesAtTheLimits) {
  const std::string sku = "A.b_9-" + std::string(26, 'Z');  // 32 characters
  std::string name;
  for (int i = 0; i < 40; ++i) name += kTimes;  // 80 bytes
  const std::string category(40, 'k');
  EXPECT_EQ(sku + "|" + name + "|" + category + "|Rp1\nX|Teh|Minuman|Rp100.000.000",
            Import(std::string(kHeader) + sku + "," + name + "," + category + ",1\n" +
                   "X,Teh,Minuman,Rp 100.000.000\n"));
}

struct BadLine {
  std::string test_name;
  std::string line;   // line 3 of the file
  std::string error;  // what ParseCatalogCsv reports for it
};

class CatalogBadLineTest : public testing::TestWithParam<BadLine> {};

TEST_P(CatalogBadLineTest, IsReportedWithLineAndColumnAndNothingIsImported) {
  EXPECT_EQ(GetParam().error, ErrorFor(GetParam().line));
}

const std::string kNotText = "is not valid UTF-8 text or holds a control character";

INSTANTIATE_TEST_SUITE_P(
    AllKinds, CatalogBadLineTest,
    testing::Values(
        BadLine{"TooFewFields", "X-1,Teh,Minuman", "line 3: expected 4 fields, found 3"},
        BadLine{"TooManyFields", "X-1,Teh,Minuman,5000,", "line 3: expected 4 fields, found 5"},
        BadLine{"EmptySku", ",Teh,Minuman,5000",
                "line 3, column 1 (sku): sku must be 1 to 32 characters"},
        BadLine{"SkuTooLong", std::string(33, 'A') + ",Teh,Minuman,5000",
                "line 3, column 1 (sku): sku must be 1 to 32 characters"},
        BadLine{"SkuWithSpace", "X 1,Teh,Minuman,5000",
                "line 3, column 1 (sku): sku 'X 1' may hold only letters, digits, '.', '_' and '-'"},
        BadLine{"SkuWithSlash", "X/1,Teh,Minuman,5000",
                "line 3, column 1 (sku): sku 'X/1' may hold only letters, digits, '.', '_' and '-'"},
        BadLine{"EmptyName", "X-1,,Minuman,5000", "line 3, column 2 (name): name is empty"},
        BadLine{"NameWithTab", "X-1,Teh\tManis,Minuman,5000", "line 3, column 2 (name): name " + kNotText},
        BadLine{"NameWithNewline", "X-1,\"Teh\nManis\",Minuman,5000",
                "line 3, column 2 (name): name " + kNotText},
        BadLine{"NameInLatin1", "X-1,Caf\xE9,Minuman,5000", "line 3, column 2 (name): name " + kNotText},
        BadLine{"NameTooLong", "X-1," + std::string(81, 'a') + ",Minuman,5000",
                "line 3, column 2 (name): name is longer than 80 bytes"},
        BadLine{"EmptyCategory", "X-1,Teh,,5000", "line 3, column 3 (category): category is empty"},
        BadLine{"CategoryTooLong", "X-1,Teh," + std::string(41, 'k') + ",5000",
                "line 3, column 3 (category): category is longer than 40 bytes"},
        BadLine{"CategoryWithDel", "X-1,Teh,Mi\x7Fnuman,5000",
                "line 3, column 3 (category): category " + kNotText},
        BadLine{"PriceNotANumber", "X-1,Teh,Minuman,abc",
                "line 3, column 4 (price): 'abc' is not an amount"},
        BadLine{"PriceEmpty", "X-1,Teh,Minuman,", "line 3, column 4 (price): '' is not an amount"},
        BadLine{"PriceWithCents", "X-1,Teh,Minuman,\"5.000,50\"",
                "line 3, column 4 (price): '5.000,50' has a decimal part; rupiah amounts are whole"},
        BadLine{"PriceZero", "X-1,Teh,Minuman,Rp0",
                "line 3, column 4 (price): price must be more than Rp0"},
        BadLine{"PriceNegative", "X-1,Teh,Minuman,-Rp5.000",
                "line 3, column 4 (price): price must be more than Rp0"},
        BadLine{"PriceOverLimit", "X-1,Teh,Minuman,100.000.001",
                "line 3, column 4 (price): price Rp100.000.001 is above the limit of Rp100.000.000"},
        BadLine{"PriceOverflow", "X-1,Teh,Minuman,99999999999999999999",
                "line 3, column 4 (price): '99999999999999999999' is too large"},
        BadLine{"DuplicateSku", "BKS-01,Bakso Lagi,Makanan,21000",
                "line 3, column 1 (sku): 'BKS-01' already appears on line 2"}),
    [](const testing::TestParamInfo<BadLine>& p) { return p.param.test_name; });

TEST(CatalogCsvTest, ReportsEveryBadLineInOneMessage) {
  EXPECT_EQ(
      "InvalidArgument: 6 error(s); nothing was imported\n"
      "line 2, column 4 (price): 'abc' is not an amount\n"
      "line 4, column 1 (sku): sku 'X 2' may hold only letters, digits, '.', '_' and '-'\n"
      "line 4, column 2 (name): name is empty\n"
      "line 5, column 2 (name): name " + kNotText + "\n"
      "line 7, column 1 (sku): 'BKS-01' already appears on line 3\n"
      "line 8: expected 4 fields, found 3",
      Import("sku,name,category,price\n"
             "X-1,Teh,Minuman,abc\n"
             "BKS-01,Bakso Urat,Makanan,20000\n"
             "X 2,,Minuman,5000\n"
             "X-3,\"Teh\nManis\",Minuman,5000\n"
             "BKS-01,Bakso,Makanan,1\n"
             "X-4,Teh,Minuman\n"));
}

TEST(CatalogCsvTest, ListsAtMostFiftyErrors) {
  std::string text(kHeader);
  for (int i = 0; i < 60; ++i) text += "X-" + std::to_string(i) + ",Teh,Minuman,abc\n";
  const std::vector<std::string> lines = SplitLines(Import(text));
  ASSERT_EQ(52u, lines.size());
  EXPECT_EQ("InvalidArgument: 60 error(s); nothing was imported", lines.front());
  EXPECT_EQ("line 51, column 4 (price): 'abc' is not an amount", lines[50]);
  EXPECT_EQ("… and 10 more", lines.back());
}

TEST(CatalogCsvTest, RefusesABadHeader) {
  EXPECT_EQ(
      "InvalidArgument: line 1: the header must name the columns sku,name,category,price (or "
      "kode,nama,kategori,harga); 'category' is missing",
      Import("sku,name,price\nX-1,Teh,5000\n"));
  EXPECT_EQ(
      "InvalidArgument: line 2: the header must name the columns sku,name,category,price (or "
      "kode,nama,kategori,harga); 'sku' is missing",
      Import("\nBKS-01,Bakso Urat,Makanan,20000\n"));
  EXPECT_EQ(
      "InvalidArgument: line 1: expected exactly the 4 columns sku,name,category,price, found 5",
      Import("sku,name,category,price,stock\nX-1,Teh,Minuman,5000,3\n"));
  EXPECT_EQ(
      "InvalidArgument: line 1: expected exactly the 4 columns sku,name,category,price, found 5",
      Import("sku,name,category,price,SKU\nX-1,Teh,Minuman,5000,X-1\n"));
}

TEST(CatalogCsvTest, RefusesAFileWithNoProducts) {
  EXPECT_EQ("InvalidArgument: the file holds no products", Import(kHeader));
  EXPECT_EQ("InvalidArgument: the file holds no products", Import("sku,name,category,price\n\n\n"));
  EXPECT_EQ("InvalidArgument: the file is empty; expected a header line", Import(""));
  EXPECT_EQ("InvalidArgument: the file is empty; expected a header line", Import("\r\n\n"));
  EXPECT_EQ("InvalidArgument: the file is empty; expected a header line", Import("\xEF\xBB\xBF"));
}

TEST(CatalogCsvTest, PassesOnBrokenQuoting) {
  EXPECT_EQ("InvalidArgument: line 3, column 2: quoted field is never closed",
            Import(std::string(kHeader) + std::string(kGoodLine) + "X-1,\"Teh,Minuman,5000\n"));
}

TEST(CatalogCsvTest, RefusesTooManyProductsAndTooManyBytes) {
  std::string text(kHeader);
  for (size_t i = 0; i < kMaxCatalogProducts; ++i) text += "X-" + std::to_string(i) + ",Teh,Minuman,1\n";
  Result<std::vector<Product>> at_limit = ParseCatalogCsv(text);
  ASSERT_TRUE(at_limit.ok()) << at_limit.status().ToString();
  EXPECT_EQ(kMaxCatalogProducts, at_limit->size());
  EXPECT_EQ("InvalidArgument: the file holds more than 5000 products",
            Import(text + "Y-1,Teh,Minuman,1\n"));
  EXPECT_EQ("InvalidArgument: the file is larger than 4194304 bytes",
            Import(std::string(kHeader) + std::string(kMaxCatalogCsvBytes, '\n')));
}

TEST(FormatCatalogCsvTest, WritesActiveProductsQuotingOnlyWhenNeeded) {
  const std::vector<Product> products = {
      {"KRP-01", "Keripik Sriping Ubi Kayu, Pedas", "Camilan", Money::Rupiah(12'000)},
      {"OLD-01", "Sudah Tidak Dijual", "Camilan", Money::Rupiah(1'000), /*active=*/false},
      {"SLM-01", "Taplak \"Bunga\" 40" + kTimes + "40 cm", "Kriya", Money::Rupiah(85'000)},
  };
  const std::string text = FormatCatalogCsv(products);
  EXPECT_EQ("sku,name,category,price\n"
            "KRP-01,\"Keripik Sriping Ubi Kayu, Pedas\",Camilan,12000\n"
            "SLM-01,\"Taplak \"\"Bunga\"\" 40" + kTimes + "40 cm\",Kriya,85000\n",
            text);
  Result<std::vector<Product>> back = ParseCatalogCsv(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((std::vector<Product>{products[0], products[2]}), *back);
  EXPECT_EQ("sku,name,category,price\n", FormatCatalogCsv({}));
}

// Names that a spreadsheet would run as formulas are written as text (core/csv.h), and import
// gives them back as they were.
TEST(FormatCatalogCsvTest, NeutralisesFormulasAndImportsThemBack) {
  const std::vector<Product> products = {
      {"LNK-01", R"csv(=HYPERLINK("http://x","klik"))csv", "Camilan", Money::Rupiah(5'000)},
      {"-DSK", "-Diskon", "+62 812", Money::Rupiah(1'000)},
      {"SUM-01", "@SUM(A1)", "'=kutip", Money::Rupiah(20'000)},
      {"KTP-01", "'Ndog' Bebek", "Makanan", Money::Rupiah(3'000)},
  };
  const std::string text = FormatCatalogCsv(products);
  EXPECT_EQ("sku,name,category,price\n"
            R"csv(LNK-01,"'=HYPERLINK(""http://x"",""klik"")",Camilan,5000)csv" "\n"
            "'-DSK,'-Diskon,'+62 812,1000\n"
            "SUM-01,'@SUM(A1),''=kutip,20000\n"
            "KTP-01,'Ndog' Bebek,Makanan,3000\n",
            text);
  Result<std::vector<Product>> back = ParseCatalogCsv(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(products, *back);
}

// A "'" before a formula character is the writer's; any other "'" is part of the text.
TEST(CatalogCsvTest, TakesOffOneQuoteBeforeAFormulaCharacter) {
  EXPECT_EQ("-DSK|=1+1|@Minuman|Rp2.000\n"
            "SGT-01|''+62|'Sate'|Rp15.000",
            Import(std::string(kHeader) + "'-DSK,'=1+1,'@Minuman,2000\n"
                                          "SGT-01,'''+62,'Sate',15000\n"));
}

TEST(FormatCatalogCsvTest, SamplesImportBackUnchanged) {
  for (const char* name : {"catalog-bakso.csv", "catalog-oleh-oleh.csv"}) {
    SCOPED_TRACE(name);
    Result<std::vector<Product>> products = ParseCatalogCsv(ReadSample(name));
    ASSERT_TRUE(products.ok()) << products.status().ToString();
    Result<std::vector<Product>> back = ParseCatalogCsv(FormatCatalogCsv(*products));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(Show(*products), Show(*back));
    EXPECT_EQ(*products, *back);
  }
  // The bakso file needs no quoting, so the export is the file itself.
  const std::string bakso = ReadSample("catalog-bakso.csv");
  EXPECT_EQ(bakso, FormatCatalogCsv(ParseCatalogCsv(bakso).value()));
}

TEST(IsPrintableUtf8Test, AcceptsPrintableText) {
  EXPECT_TRUE(IsPrintableUtf8(""));
  EXPECT_TRUE(IsPrintableUtf8("Bakso Urat ~!@#$%^&*()"));
  EXPECT_TRUE(IsPrintableUtf8("40" + kTimes + "40"));
  EXPECT_TRUE(IsPrintableUtf8("\xC2\xA0"));          // U+00A0, just after the C1 controls
  EXPECT_TRUE(IsPrintableUtf8("\xE0\xA0\x80"));      // U+0800, smallest 3-byte
  EXPECT_TRUE(IsPrintableUtf8("\xE2\x82\xAC"));      // U+20AC EURO SIGN
  EXPECT_TRUE(IsPrintableUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(IsPrintableUtf8("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(IsPrintableUtf8("\xF0\x90\x80\x80"));  // U+10000, smallest 4-byte
  EXPECT_TRUE(IsPrintableUtf8("\xF0\x9F\x8D\x9C"));  // U+1F35C STEAMING BOWL
  EXPECT_TRUE(IsPrintableUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(IsPrintableUtf8Test, RefusesControlCharacters) {
  EXPECT_FALSE(IsPrintableUtf8("a\tb"));
  EXPECT_FALSE(IsPrintableUtf8("a\nb"));
  EXPECT_FALSE(IsPrintableUtf8("a\rb"));
  EXPECT_FALSE(IsPrintableUtf8("a\x01"));
  EXPECT_FALSE(IsPrintableUtf8("a\0b"sv));
  EXPECT_FALSE(IsPrintableUtf8("\x7F"));
  EXPECT_FALSE(IsPrintableUtf8("\xC2\x80"));  // U+0080, first C1 control
  EXPECT_FALSE(IsPrintableUtf8("\xC2\x85"));  // U+0085 NEXT LINE
  EXPECT_FALSE(IsPrintableUtf8("\xC2\x9F"));  // U+009F, last C1 control
}

TEST(IsPrintableUtf8Test, RefusesOverlongEncodings) {
  EXPECT_FALSE(IsPrintableUtf8("\xC0\xAF"));          // '/' in two bytes
  EXPECT_FALSE(IsPrintableUtf8("\xC1\xBF"));          // U+007F in two bytes
  EXPECT_FALSE(IsPrintableUtf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(IsPrintableUtf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
  EXPECT_FALSE(IsPrintableUtf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
  EXPECT_FALSE(IsPrintableUtf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
}

TEST(IsPrintableUtf8Test, RefusesSurrogatesAndOutOfRange) {
  EXPECT_FALSE(IsPrintableUtf8("\xED\xA0\x80"));          // U+D800
  EXPECT_FALSE(IsPrintableUtf8("\xED\xBF\xBF"));          // U+DFFF
  EXPECT_FALSE(IsPrintableUtf8("\xED\xA0\xBD\xED\xB8\x80"));  // a CESU-8 surrogate pair
  EXPECT_FALSE(IsPrintableUtf8("\xF4\x90\x80\x80"));      // U+110000
  EXPECT_FALSE(IsPrintableUtf8("\xF7\xBF\xBF\xBF"));
  EXPECT_FALSE(IsPrintableUtf8("\xF8\x88\x80\x80\x80"));  // five-byte form
  EXPECT_FALSE(IsPrintableUtf8("\xFF"));
}

TEST(IsPrintableUtf8Test, RefusesBrokenSequences) {
  EXPECT_FALSE(IsPrintableUtf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(IsPrintableUtf8("Caf\xE9"));           // Latin-1
  EXPECT_FALSE(IsPrintableUtf8("\xC3"));              // truncated at the end
  EXPECT_FALSE(IsPrintableUtf8("\xE2\x82"));
  EXPECT_FALSE(IsPrintableUtf8("\xF0\x9F\x8D"));
  EXPECT_FALSE(IsPrintableUtf8("\xC3(x"));            // lead byte then ASCII
  EXPECT_FALSE(IsPrintableUtf8("\xE2\x82(\xAC"));
}

}  // namespace
}  // namespace lapak
