#include <gtest/gtest.h>

#include <fmt/core.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <ostream>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/business_day.h"
#include "core/crypto.h"
#include "core/day_figures.h"
#include "core/journal.h"
#include "core/pin.h"
#include "core/qris.h"
#include "core/refusal.h"
#include "core/sale.h"

namespace lapak {
namespace {

using std::chrono::milliseconds;

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

std::string_view AsBytes(const Sha256Digest& digest) {
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

// `text` with its only occurrence of `from` replaced by `to`.
std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  EXPECT_NE(std::string::npos, at) << "'" << from << "' not in " << text;
  EXPECT_EQ(std::string::npos, text.find(from, at + 1)) << "'" << from << "' twice in " << text;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// ---- canonical bytes and the hash chain -----------------------------------------------------

constexpr std::string_view kDayOpenText = R"({"day":3,"float":200000})";

// A day-open entry whose previous hash is the bytes 00 01 02 … 1f.
JournalEntry FixedEntry() {
  JournalEntry entry;
  entry.terminal_id = "LAPAK-01";
  entry.seq = 7;
  entry.uuid = "3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f";
  entry.kind = EntryKind::kDayOpen;
  entry.time = TimePoint(milliseconds(1'795'348'805'123));  // 2026-11-22T12:00:05.123Z
  entry.business_day = "2026-11-22";
  entry.body = std::string(kDayOpenText);
  std::iota(entry.prev_hash.begin(), entry.prev_hash.end(), uint8_t{0});
  return entry;
}

constexpr std::string_view kFixedCanonical =
    R"({"body":{"day":3,"float":200000},"business_day":"2026-11-22","kind":"day_open",)"
    R"("seq":7,"terminal":"LAPAK-01","time_utc_ms":1795348805123,)"
    R"("uuid":"3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f","v":1})";

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HexEncode(Sha256("abc")));
  EXPECT_EQ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HexEncode(Sha256("")));
  EXPECT_EQ(HexEncode(Sha256("abc")), HexEncode(Sha256Concat("a", "bc")));
  EXPECT_EQ(HexEncode(Sha256("abc")), HexEncode(Sha256Concat("", "abc")));
}

TEST(CanonicalBytesTest, FixedEntry) {
  EXPECT_EQ(kFixedCanonical, CanonicalBytes(FixedEntry()));
}

TEST(CanonicalBytesTest, EveryKindName) {
  JournalEntry entry = FixedEntry();
  for (const auto& [kind, name] : std::vector<std::pair<EntryKind, std::string>>{
           {EntryKind::kDayOpen, "day_open"}, {EntryKind::kSale, "sale"},
           {EntryKind::kVoid, "void"}, {EntryKind::kCashMove, "cash_move"}, {EntryKind::kDayClose, "day_close"}}) {
    entry.kind = kind;
    EXPECT_EQ(Replace(std::string(kFixedCanonical), "\"day_open\"", "\"" + name + "\""),
              CanonicalBytes(entry));
    EXPECT_EQ(kind, *ParseEntryKind(name));
  }
  EXPECT_EQ("InvalidArgument: unknown journal entry kind 'refund'",
            ParseEntryKind("refund").status().ToString());
}

// '"', '\', \b \f \n \r \t in short form, other bytes below 0x20 as \u00XX, nothing else.
TEST(CanonicalBytesTest, EscapesStringsAsDocumented) {
  JournalEntry entry = FixedEntry();
  entry.terminal_id = "a\"b\\c\b\f\n\r\t\x01\x1f/\x7f\xc3\xa9";
  EXPECT_EQ(Replace(std::string(kFixedCanonical), "\"LAPAK-01\"",
                    "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f/\x7f\xc3\xa9\""),
            CanonicalBytes(entry));
}

TEST(CanonicalBytesTest, NegativeAndLargeNumbers) {
  JournalEntry entry = FixedEntry();
  entry.seq = std::numeric_limits<int64_t>::max();
  entry.time = TimePoint(milliseconds(-1));
  std::string expected = Replace(std::string(kFixedCanonical), "\"seq\":7", "\"seq\":9223372036854775807");
  expected = Replace(expected, "\"time_utc_ms\":1795348805123", "\"time_utc_ms\":-1");
  EXPECT_EQ(expected, CanonicalBytes(entry));
}

TEST(EntryHashTest, IsSha256OfPrevHashThenCanonicalBytes) {
  const JournalEntry entry = FixedEntry();
  EXPECT_EQ(HexEncode(Sha256Concat(AsBytes(entry.prev_hash), kFixedCanonical)),
            HexEncode(ComputeEntryHash(entry)));
  // Computed outside this code base: sha256(bytes(range(32)) + canonical).
  EXPECT_EQ("2d3eed875ad782aadd7ae4a1779e384e86baaf26aeb932af5e714f65f8251674",
            HexEncode(ComputeEntryHash(entry)));
}

TEST(EntryHashTest, FirstEntryChainsFromThirtyTwoZeroBytes) {
  JournalEntry entry = FixedEntry();
  entry.prev_hash = {};
  EXPECT_EQ(HexEncode(Sha256Concat(std::string(32, '\0'), kFixedCanonical)),
            HexEncode(ComputeEntryHash(entry)));
  EXPECT_EQ("38465c8234aec73b0e9487fcf926fa286c449d762996c8fdae22fe4277383ea8",
            HexEncode(ComputeEntryHash(entry)));
}

TEST(EntryHashTest, ChangingAnyFieldChangesTheHash) {
  const std::string base = HexEncode(ComputeEntryHash(FixedEntry()));
  const std::vector<std::pair<std::string, std::function<void(JournalEntry&)>>> changes = {
      {"seq", [](JournalEntry& e) { e.seq = 8; }},
      {"uuid", [](JournalEntry& e) { e.uuid.back() = '0'; }},
      {"time", [](JournalEntry& e) { e.time += milliseconds(1); }},
      {"body byte", [](JournalEntry& e) { e.body = R"({"day":3,"float":200001})"; }},
      {"business day", [](JournalEntry& e) { e.business_day = "2026-11-23"; }},
      {"prev_hash", [](JournalEntry& e) { e.prev_hash[31] ^= 1; }},
      {"terminal", [](JournalEntry& e) { e.terminal_id = "LAPAK-02"; }},
      {"kind", [](JournalEntry& e) { e.kind = EntryKind::kDayClose; }},
  };
  for (const auto& [field, change] : changes) {
    JournalEntry entry = FixedEntry();
    change(entry);
    EXPECT_NE(base, HexEncode(ComputeEntryHash(entry))) << field;
  }
  JournalEntry entry = FixedEntry();
  entry.hash.fill(0xAB);  // the stored hash is not part of what is hashed
  EXPECT_EQ(base, HexEncode(ComputeEntryHash(entry)));
}

// ---- bodies ---------------------------------------------------------------------------------

const Product kTeh{"ES-TEH", "Es Teh Manis", "Minuman", Rp(5000), true};

// Es Teh ×2 and a custom Rp10.000, 10 % off (Rp18.000), paid Rp10.000 QRIS + Rp11.000 cash.
SaleBody SplitSale() {
  Cart cart;
  EXPECT_TRUE(cart.AddProduct(kTeh, 2).ok());
  EXPECT_TRUE(cart.AddCustom(Rp(10000)).ok());
  EXPECT_TRUE(cart.SetDiscount(Discount::Percent(1000)).ok());
  EXPECT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(10000)).ok());
  EXPECT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(11000)).ok());
  Result<CompletedSale> sale = cart.Complete();
  EXPECT_TRUE(sale.ok()) << sale.status().ToString();
  return SaleBody{2, "20261122-0001", sale.ok() ? *sale : CompletedSale()};
}

const std::string kSplitSaleText =
    R"({"change":3000,"day":2,"discount":{"amount":2000,"basis_points":1000,"kind":"percent"},)"
    R"("lines":[{"name":"Es Teh Manis","price":5000,"qty":2,"sku":"ES-TEH","total":10000},)"
    R"({"name":"Lain-lain","price":10000,"qty":1,"sku":"","total":10000}],)"
    R"("payments":[{"amount":10000,"method":"qris"},{"amount":11000,"method":"cash"}],)"
    R"("receipt":"20261122-0001","subtotal":20000,"total":18000})";

ZReport FixedZReport() {
  ZReport z;
  z.z_number = 1;
  z.day_number = 2;
  z.business_day = "2026-11-22";
  z.open_seq = 1;
  z.opened_at = TimePoint{std::chrono::milliseconds(1795341600000)};  // 2026-11-22T10:00:00Z
  z.opening_float = Rp(200000);
  z.figures = DayFigures{3, 1, Rp(75500), Rp(18000), Rp(57500), {{Rp(30000), Rp(20000), Rp(7500)}}};
  z.counted_cash = Rp(225000);
  EXPECT_TRUE(SettleCash(z).ok());
  return z;
}

template <typename Body>
std::string StatusOf(const Result<Body>& result) {
  return result.status().ToString();
}

TEST(JournalBodyTest, DayOpenRoundTrips) {
  const DayOpenBody body{3, Rp(200000)};
  EXPECT_EQ(kDayOpenText, EncodeDayOpen(body));
  Result<DayOpenBody> decoded = DecodeDayOpen(kDayOpenText);
  ASSERT_TRUE(decoded.ok()) << StatusOf(decoded);
  EXPECT_TRUE(body == *decoded);
}

TEST(JournalBodyTest, SaleWithDiscountAndSplitPaymentsRoundTrips) {
  const SaleBody body = SplitSale();
  EXPECT_EQ(kSplitSaleText, EncodeSale(body));
  Result<SaleBody> decoded = DecodeSale(kSplitSaleText);
  ASSERT_TRUE(decoded.ok()) << StatusOf(decoded);
  EXPECT_TRUE(body == *decoded);
}

// A QRIS payment made through the code shown carries its hash; one confirmed by hand (as in
// kSplitSaleText) does not, so sales before the hash existed read as they always did.
TEST(JournalBodyTest, AQrisPaymentThroughTheCodeShownCarriesItsHash) {
  const std::string code = "00020101021251440014ID.CO.QRIS.WWW";  // any payload: the hash is of its bytes
  SaleBody body = SplitSale();
  body.sale.payments[0].qris_code_sha256 = QrisCodeHash(code);
  EXPECT_EQ(64u, body.sale.payments[0].qris_code_sha256.size());
  const std::string text = EncodeSale(body);
  EXPECT_EQ(Replace(kSplitSaleText, R"("method":"qris"})",
                    R"("method":"qris","qris_code_sha256":")" + HexEncode(Sha256(code)) + R"("})"),
            text);
  Result<SaleBody> decoded = DecodeSale(text);
  ASSERT_TRUE(decoded.ok()) << StatusOf(decoded);
  EXPECT_TRUE(body == *decoded);
  // The cart takes it on a QRIS payment only.
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kTeh).ok());
  EXPECT_EQ(Refusal::kBadQrisCodeHash,
            cart.AddPayment(Payment{PaymentMethod::kCash, Rp(5000), QrisCodeHash(code)}).refusal());
  EXPECT_TRUE(cart.payments().empty());
  EXPECT_TRUE(cart.AddPayment(Payment{PaymentMethod::kQris, Rp(5000), QrisCodeHash(code)}).ok());
}

TEST(JournalBodyTest, SaleWithRupiahDiscountAndTransferRoundTrips) {
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kTeh, 7).ok());
  ASSERT_TRUE(cart.SetDiscount(Discount::Amount(Rp(1000))).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kTransfer, Rp(4000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(50000)).ok());
  const SaleBody body{1, "20261122-0002", *cart.Complete()};
  const std::string text = EncodeSale(body);
  Result<SaleBody> decoded = DecodeSale(text);
  ASSERT_TRUE(decoded.ok()) << StatusOf(decoded) << "\n" << text;
  EXPECT_TRUE(body == *decoded) << text;
}

TEST(JournalBodyTest, VoidRoundTrips) {
  const VoidBody body{2, 15, "20261122-0003", "salah input \"2x\"\nulang", Rp(18000)};
  const std::string text =
      R"({"day":2,"reason":"salah input \"2x\"\nulang","receipt":"20261122-0003","sale_seq":15,)"
      R"("total":18000})";
  EXPECT_EQ(text, EncodeVoid(body));
  Result<VoidBody> decoded = DecodeVoid(text);
  ASSERT_TRUE(decoded.ok()) << StatusOf(decoded);
  EXPECT_TRUE(body == *decoded);
}

TEST(JournalBodyTest, ZReportRoundTrips) {
  const ZReport z = FixedZReport();
  const std::string text =
      R"({"business_day":"2026-11-22","cash":30000,"counted":225000,"day":2,"expected":230000,)"
      R"("float":200000,"gross":75500,"net":57500,"open_seq":1,)"
      R"("opened_at_utc_ms":1795341600000,"over_short":-5000,"qris":20000,"sales":3,)"
      R"("transfer":7500,"voids":18000,"voids_count":1,"z":1})";
  EXPECT_EQ(text, EncodeZReport(z));
  Result<ZReport> decoded = DecodeZReport(text);
  ASSERT_TRUE(decoded.ok()) << StatusOf(decoded);
  EXPECT_TRUE(z == *decoded);
  EXPECT_EQ("InvalidArgument: day_close body: member 'z' is missing",
            StatusOf(DecodeZReport(Replace(text, R"(,"z":1)", ""))));
}

TEST(JournalBodyTest, CashMoveRoundTrips) {
  for (const CashDirection direction : {CashDirection::kIn, CashDirection::kOut}) {
    const CashMoveBody body{2, direction, Rp(50000), "koreksi \"kas awal\""};
    const std::string text = fmt::format(R"({{"amount":50000,"day":2,"direction":"{}","reason":"koreksi \"kas awal\""}})",
                                         direction == CashDirection::kIn ? "in" : "out");
    EXPECT_EQ(text, EncodeCashMove(body));
    Result<CashMoveBody> decoded = DecodeCashMove(text);
    ASSERT_TRUE(decoded.ok()) << StatusOf(decoded);
    EXPECT_TRUE(body == *decoded);
  }
  EXPECT_EQ("InvalidArgument: cash_move body: bad direction 'IN'",
            StatusOf(DecodeCashMove(R"({"amount":1,"day":1,"direction":"IN","reason":"x"})")));
  EXPECT_EQ("InvalidArgument: cash_move body: member 'reason' is missing",
            StatusOf(DecodeCashMove(R"({"amount":1,"day":1,"direction":"in"})")));
}

// A Z of a session with cash moves carries cash_in and cash_out after "cash"; a Z without
// them is written as every Z before cash moves was, and a zero written out is refused.
TEST(JournalBodyTest, AZReportsCashMovesAreWrittenOnlyWhenNotZero) {
  ZReport z = FixedZReport();
  const std::string without = EncodeZReport(z);
  EXPECT_EQ(std::string::npos, without.find("cash_"));
  z.cash_moves = {Rp(50000), Rp(20000)};
  ASSERT_TRUE(SettleCash(z).ok());
  const std::string with = EncodeZReport(z);
  EXPECT_NE(std::string::npos, with.find(R"("cash":30000,"cash_in":50000,"cash_out":20000,"counted":225000)"));
  Result<ZReport> decoded = DecodeZReport(with);
  ASSERT_TRUE(decoded.ok()) << StatusOf(decoded);
  EXPECT_TRUE(z == *decoded);
  EXPECT_EQ(Rp(260000), decoded->expected_cash);  // 200.000 + 30.000 + 50.000 − 20.000

  z.cash_moves = {Rp(0), Rp(20000)};
  ASSERT_TRUE(SettleCash(z).ok());
  const std::string out_only = EncodeZReport(z);
  EXPECT_NE(std::string::npos, out_only.find(R"("cash":30000,"cash_out":20000,"counted")"));
  EXPECT_TRUE(DecodeZReport(out_only).ok());
  EXPECT_EQ("InvalidArgument: day_close body is not in canonical form",
            StatusOf(DecodeZReport(Replace(out_only, R"("cash_out":20000)", R"("cash_in":0,"cash_out":20000)"))));
  EXPECT_EQ("InvalidArgument: day_close body is not in canonical form",
            StatusOf(DecodeZReport(Replace(out_only, R"("cash_out":20000,)", R"("cash_out":20000,"cash_in":5,)"))));
}

struct BadBody {
  std::string text;
  std::string expected;
};

TEST(JournalBodyTest, DayOpenDecodingRefusesBadText) {
  const std::string kNotObject = "InvalidArgument: day_open body is not a JSON object";
  const std::string kNotCanonical = "InvalidArgument: day_open body is not in canonical form";
  const std::vector<BadBody> cases = {
      {"", kNotObject},
      {"not json", kNotObject},
      {"[3,200000]", kNotObject},
      {R"({"day":3,"float":200000)", kNotObject},
      {R"({"day":03,"float":200000})", kNotObject},
      {R"({"day":3})", "InvalidArgument: day_open body: member 'float' is missing"},
      {R"({"float":200000})", "InvalidArgument: day_open body: member 'day' is missing"},
      {R"({"day":"3","float":200000})", "InvalidArgument: day_open body: member 'day' is not an integer"},
      {R"({"day":3,"float":200000.0})", "InvalidArgument: day_open body: member 'float' is not an integer"},
      {R"({"day":3,"float":2e5})", "InvalidArgument: day_open body: member 'float' is not an integer"},
      {R"({"day":3,"float":null})", "InvalidArgument: day_open body: member 'float' is not an integer"},
      {R"({"day":3, "float":200000})", kNotCanonical},
      {R"({"day":3,"float":200000} )", kNotCanonical},
      {R"({"float":200000,"day":3})", kNotCanonical},
      {R"({"day":3,"extra":1,"float":200000})", kNotCanonical},
      {R"({"day":3,"day":3,"float":200000})", kNotCanonical},
      {R"({"day":3,"float":-0})", kNotCanonical},
  };
  for (const BadBody& bad : cases) EXPECT_EQ(bad.expected, StatusOf(DecodeDayOpen(bad.text))) << bad.text;
}

TEST(JournalBodyTest, VoidDecodingRefusesNonCanonicalStrings) {
  EXPECT_EQ("InvalidArgument: void body is not in canonical form",
            StatusOf(DecodeVoid(R"({"day":2,"reason":"\u0041","receipt":"R","sale_seq":15,"total":1})")));
  EXPECT_EQ("InvalidArgument: void body: member 'reason' is not a string",
            StatusOf(DecodeVoid(R"({"day":2,"reason":7,"receipt":"R","sale_seq":15,"total":1})")));
}

struct SaleEdit {
  std::string name;
  std::string from;
  std::string to;
  std::string expected;
};

void PrintTo(const SaleEdit& edit, std::ostream* os) { *os << edit.name; }

class SaleDecodingRefusalTest : public testing::TestWithParam<SaleEdit> {};

TEST_P(SaleDecodingRefusalTest, Refuses) {
  const SaleEdit& edit = GetParam();
  const std::string text = Replace(kSplitSaleText, edit.from, edit.to);
  EXPECT_EQ(edit.expected, StatusOf(DecodeSale(text))) << text;
}

const std::string kNotAddingUp = "InvalidArgument: sale body: totals do not add up";
const std::string kSaleNotCanonical = "InvalidArgument: sale body is not in canonical form";
const std::string kBadQrisCodeHash =
    "InvalidArgument: sale body: a payment carries an invalid QRIS code hash (QRIS only, 64 hex digits)";

INSTANTIATE_TEST_SUITE_P(
    Edits, SaleDecodingRefusalTest,
    testing::Values(
        SaleEdit{"Truncated", R"(18000})", "18000", "InvalidArgument: sale body is not a JSON object"},
        SaleEdit{"MissingReceipt", R"(,"receipt":"20261122-0001")", "",
                 "InvalidArgument: sale body: member 'receipt' is missing"},
        SaleEdit{"MissingLineQuantity", R"("qty":2,)", "", "InvalidArgument: sale body: member 'qty' is missing"},
        SaleEdit{"MissingPaymentMethod", R"(,"method":"qris")", "",
                 "InvalidArgument: sale body: member 'method' is missing"},
        SaleEdit{"MissingBasisPoints", R"("basis_points":1000,)", "",
                 "InvalidArgument: sale body: member 'basis_points' is missing"},
        SaleEdit{"UnknownPaymentMethod", R"("method":"qris")", R"("method":"card")",
                 "InvalidArgument: sale body: 'card' is not a payment method; use one of: cash, qris, transfer"},
        SaleEdit{"UnknownDiscountKind", R"("kind":"percent")", R"("kind":"gratis")",
                 "InvalidArgument: sale body: bad discount 'gratis'"},
        SaleEdit{"QuantityAsText", R"("qty":2)", R"("qty":"2")",
                 "InvalidArgument: sale body: member 'qty' is not an integer"},
        SaleEdit{"ReceiptAsNumber", R"("receipt":"20261122-0001")", R"("receipt":20261122)",
                 "InvalidArgument: sale body: member 'receipt' is not a string"},
        SaleEdit{"FloatPrice", R"("price":5000)", R"("price":5000.0)",
                 "InvalidArgument: sale body: member 'price' is not an integer"},
        SaleEdit{"ExponentSubtotal", R"("subtotal":20000)", R"("subtotal":2e4)",
                 "InvalidArgument: sale body: member 'subtotal' is not an integer"},
        SaleEdit{"DiscountNotAnObject", R"({"amount":2000,"basis_points":1000,"kind":"percent"})", "[]",
                 "InvalidArgument: sale body: member 'discount' is not an object"},
        SaleEdit{"PaymentsNotAnArray", R"([{"amount":10000,"method":"qris"},{"amount":11000,"method":"cash"}])",
                 "{}", "InvalidArgument: sale body: member 'payments' is not an array"},
        SaleEdit{"WrongTotal", R"("total":18000)", R"("total":17000)", kNotAddingUp},
        SaleEdit{"WrongSubtotal", R"("subtotal":20000)", R"("subtotal":21000)", kNotAddingUp},
        SaleEdit{"WrongChange", R"("change":3000)", R"("change":2000)", kNotAddingUp},
        SaleEdit{"WrongDiscountAmount", R"("amount":2000,)", R"("amount":1000,)", kNotAddingUp},
        SaleEdit{"WrongLineTotal", R"("sku":"ES-TEH","total":10000)", R"("sku":"ES-TEH","total":9000)",
                 "InvalidArgument: sale body: line 'Es Teh Manis' does not add up"},
        SaleEdit{"NegativeQuantity", R"("price":5000,"qty":2,"sku":"ES-TEH","total":10000)",
                 R"("price":5000,"qty":-2,"sku":"ES-TEH","total":-10000)",
                 "InvalidArgument: sale body: quantity -2 is outside 1 to 9999"},
        SaleEdit{"ExtraSpace", R"("change":3000)", R"("change": 3000)", kSaleNotCanonical},
        SaleEdit{"ReorderedLineMembers", R"({"name":"Es Teh Manis","price":5000,)",
                 R"({"price":5000,"name":"Es Teh Manis",)", kSaleNotCanonical},
        SaleEdit{"ExtraMember", R"("day":2,)", R"("day":2,"extra":true,)", kSaleNotCanonical},
        SaleEdit{"EmptyQrisCodeHash", R"("method":"qris"})", R"("method":"qris","qris_code_sha256":""})",
                 kSaleNotCanonical},
        SaleEdit{"QrisCodeHashBeforeMethod", R"("method":"qris"})",
                 R"("qris_code_sha256":"3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f","method":"qris"})", kSaleNotCanonical},
        SaleEdit{"QrisCodeHashOnCash", R"("method":"cash"})", R"("method":"cash","qris_code_sha256":"3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f"})",
                 kBadQrisCodeHash},
        SaleEdit{"QrisCodeHashInUpperCase", R"("method":"qris"})",
                 R"("method":"qris","qris_code_sha256":"3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F"})", kBadQrisCodeHash},
        SaleEdit{"QrisCodeHashTooShort", R"("method":"qris"})", R"("method":"qris","qris_code_sha256":"3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f"})",
                 kBadQrisCodeHash},
        SaleEdit{"RupiahWithBasisPoints", R"("kind":"percent")", R"("kind":"rupiah")", kSaleNotCanonical}),
    [](const testing::TestParamInfo<SaleEdit>& edit) { return edit.param.name; });

TEST(JournalBodyTest, SaleDecodingRefusesAnUnderPaidSale) {
  SaleBody body = SplitSale();
  body.sale.payments[1].amount = Rp(5000);  // Rp15.000 paid of Rp18.000
  body.sale.totals.change = Rp(0);
  EXPECT_EQ(kNotAddingUp, StatusOf(DecodeSale(EncodeSale(body))));
}

TEST(JournalBodyTest, SaleDecodingRefusesQrisAboveTheTotal) {
  SaleBody body = SplitSale();
  body.sale.payments = {{PaymentMethod::kQris, Rp(20000)}};
  body.sale.totals.change = Rp(2000);
  EXPECT_EQ("InvalidArgument: sale body: QRIS and transfer payments (Rp20.000) exceed the total "
            "Rp18.000; change is given only from cash",
            StatusOf(DecodeSale(EncodeSale(body))));
}

// ---- day figures ----------------------------------------------------------------------------

std::string Describe(const SaleAmounts& a) {
  std::string text = "total " + FormatMoney(a.total);
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    text += fmt::format(" | {} {}", method.name, FormatMoney(a.by_method[method.method]));
  }
  return text;
}

std::string Describe(const DayFigures& f) {
  std::string text = "sales " + std::to_string(f.sales_count) + " | voids " + std::to_string(f.voids_count) +
                     " | gross " + FormatMoney(f.gross) + " | voided " + FormatMoney(f.voids) + " | net " +
                     FormatMoney(f.net);
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    text += fmt::format(" | {} {}", method.name, FormatMoney(f.by_method[method.method]));
  }
  return text;
}

TEST(DayFiguresTest, AmountsOfASplitSale) {
  Cart cart;
  ASSERT_TRUE(cart.AddCustom(Rp(47500)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(15000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kTransfer, Rp(7500)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(5000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(50000)).ok());  // change Rp30.000
  EXPECT_EQ("total Rp47.500 | cash Rp20.000 | qris Rp20.000 | transfer Rp7.500",
            Describe(AmountsOf(*cart.Complete())));
  EXPECT_EQ("total Rp18.000 | cash Rp8.000 | qris Rp10.000 | transfer Rp0",
            Describe(AmountsOf(SplitSale().sale)));
}

TEST(DayFiguresTest, AddCountsVoidedSalesInGrossOnly) {
  DayFigures figures;
  ASSERT_TRUE(figures.Add({Rp(47500), Rp(20000), Rp(20000), Rp(7500)}, /*voided=*/false).ok());
  ASSERT_TRUE(figures.Add({Rp(18000), Rp(8000), Rp(10000), Rp(0)}, /*voided=*/true).ok());
  ASSERT_TRUE(figures.Add({Rp(10000), Rp(10000), Rp(0), Rp(0)}, /*voided=*/false).ok());
  EXPECT_EQ("sales 3 | voids 1 | gross Rp75.500 | voided Rp18.000 | net Rp57.500 | cash Rp30.000 "
            "| qris Rp20.000 | transfer Rp7.500",
            Describe(figures));
}

TEST(DayFiguresTest, AddRefusesOverflow) {
  DayFigures figures;
  const Money huge = Rp(std::numeric_limits<int64_t>::max());
  ASSERT_TRUE(figures.Add({huge, huge, Rp(0), Rp(0)}, false).ok());
  EXPECT_EQ("InvalidArgument: the day's totals overflow", figures.Add({Rp(1), Rp(1), Rp(0), Rp(0)}, false).ToString());
}

TEST(DayFiguresTest, SettleCashShortIsNegativeOverIsPositive) {
  ZReport z = FixedZReport();  // float Rp200.000 + cash Rp30.000, counted Rp225.000
  EXPECT_EQ("Rp230.000", FormatMoney(z.expected_cash));
  EXPECT_EQ("-Rp5.000", FormatMoney(z.over_short));
  z.counted_cash = Rp(231000);
  ASSERT_TRUE(SettleCash(z).ok());
  EXPECT_EQ("Rp1.000", FormatMoney(z.over_short));
  z.counted_cash = Rp(230000);
  ASSERT_TRUE(SettleCash(z).ok());
  EXPECT_EQ("Rp0", FormatMoney(z.over_short));
  z.opening_float = Rp(std::numeric_limits<int64_t>::max());
  EXPECT_EQ("InvalidArgument: the cash figures overflow", SettleCash(z).ToString());
}

// ---- business days --------------------------------------------------------------------------

TimePoint Utc(int year, unsigned month, unsigned day, int hour, int minute, int ms = 0) {
  using namespace std::chrono;
  return TimePoint(sys_days(year_month_day(std::chrono::year(year), std::chrono::month(month),
                                           std::chrono::day(day))) +
                   hours(hour) + minutes(minute) + milliseconds(ms));
}

BusinessCalendar Calendar(std::string_view zone, std::string_view cutoff = kDefaultDayCutoff) {
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(zone, cutoff);
  EXPECT_TRUE(calendar.ok()) << calendar.status().ToString();
  return *calendar;
}

TEST(BusinessCalendarTest, JakartaWithAFourOClockCutoff) {
  const BusinessCalendar wib = Calendar("Asia/Jakarta", "04:00");
  EXPECT_EQ("Asia/Jakarta", wib.zone_name());
  EXPECT_EQ("04:00", wib.cutoff());
  EXPECT_EQ("2026-11-22", wib.BusinessDay(Utc(2026, 11, 22, 16, 30)));  // 23:30 WIB
  EXPECT_EQ("2026-11-22", wib.BusinessDay(Utc(2026, 11, 22, 20, 59)));  // 03:59 WIB on the 23rd
  EXPECT_EQ("2026-11-22", wib.BusinessDay(Utc(2026, 11, 22, 20, 59, 59'999)));
  EXPECT_EQ("2026-11-23", wib.BusinessDay(Utc(2026, 11, 22, 21, 0)));   // 04:00 WIB
  EXPECT_EQ("2026-11-22", wib.BusinessDay(Utc(2026, 11, 21, 21, 0)));   // 04:00 WIB on the 22nd
  EXPECT_EQ("2026-11-22 23:30 WIB", wib.LocalTime(Utc(2026, 11, 22, 16, 30)));
  EXPECT_EQ("2026-11-23 03:59 WIB", wib.LocalTime(Utc(2026, 11, 22, 20, 59, 59'999)));
}

TEST(BusinessCalendarTest, TheThreeIndonesianZonesDiffer) {
  const BusinessCalendar wib = Calendar("Asia/Jakarta");
  const BusinessCalendar wita = Calendar("Asia/Makassar");
  const BusinessCalendar wit = Calendar("Asia/Jayapura");
  const TimePoint t1 = Utc(2026, 11, 22, 19, 30);  // 02:30 WIB, 03:30 WITA, 04:30 WIT
  EXPECT_EQ("2026-11-23 02:30 WIB", wib.LocalTime(t1));
  EXPECT_EQ("2026-11-23 03:30 WITA", wita.LocalTime(t1));
  EXPECT_EQ("2026-11-23 04:30 WIT", wit.LocalTime(t1));
  EXPECT_EQ("2026-11-22", wib.BusinessDay(t1));
  EXPECT_EQ("2026-11-22", wita.BusinessDay(t1));
  EXPECT_EQ("2026-11-23", wit.BusinessDay(t1));
  const TimePoint t2 = Utc(2026, 11, 22, 20, 30);  // 03:30 WIB, 04:30 WITA
  EXPECT_EQ("2026-11-22", wib.BusinessDay(t2));
  EXPECT_EQ("2026-11-23", wita.BusinessDay(t2));
}

TEST(BusinessCalendarTest, MidnightCutoffIsTheLocalDate) {
  const BusinessCalendar wib = Calendar("Asia/Jakarta", "00:00");
  EXPECT_EQ("00:00", wib.cutoff());
  EXPECT_EQ("2026-11-22", wib.BusinessDay(Utc(2026, 11, 22, 16, 59, 59'999)));  // 23:59:59.999 WIB
  EXPECT_EQ("2026-11-23", wib.BusinessDay(Utc(2026, 11, 22, 17, 0)));           // 00:00 WIB
  EXPECT_EQ("23:59", Calendar("Asia/Jakarta", "23:59").cutoff());
}

TEST(BusinessCalendarTest, RefusesBadZonesAndCutoffs) {
  EXPECT_EQ("InvalidArgument: 'Mars/Olympus' is not a time zone; use e.g. Asia/Jakarta, Asia/Makassar, "
            "Asia/Jayapura",
            BusinessCalendar::Make("Mars/Olympus", "04:00").status().ToString());
  for (std::string_view cutoff : {"4:00", "24:00", "12:60", "ab:cd", "", "04:00 ", "04-00", "-1:00"}) {
    EXPECT_EQ("InvalidArgument: day cut-off '" + std::string(cutoff) +
                  "' must be a time HH:MM from 00:00 to 23:59",
              BusinessCalendar::Make("Asia/Jakarta", cutoff).status().ToString());
  }
}

TEST(BusinessCalendarTest, TheZonesByTheNamesPeopleUse) {
  EXPECT_EQ("Asia/Jakarta", IanaZoneName("WIB"));
  EXPECT_EQ("Asia/Makassar", IanaZoneName("wita"));
  EXPECT_EQ("Asia/Jayapura", IanaZoneName("Wit"));
  EXPECT_EQ("Asia/Pontianak", IanaZoneName("Asia/Pontianak"));  // any other name as given
  EXPECT_EQ("WIBX", IanaZoneName("WIBX"));
  EXPECT_EQ("Asia/Makassar", BusinessCalendar::Make(IanaZoneName("WITA"), "04:00")->zone_name());
}

TEST(BusinessCalendarTest, FormatUtc) {
  EXPECT_EQ("2026-11-22T12:00:05.123Z", FormatUtc(FixedEntry().time));
}

TEST(BusinessCalendarTest, IsIsoDate) {
  for (std::string_view good : {"2024-02-29", "2026-11-22", "2000-02-29", "2026-12-31"}) {
    EXPECT_TRUE(IsIsoDate(good)) << good;
  }
  for (std::string_view bad : {"2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                               "2026-1-01", "2026-01-1", "20261122", "2026/11/22", "2026-11-22 ",
                               "+026-11-22", ""}) {
    EXPECT_FALSE(IsIsoDate(bad)) << bad;
  }
}

// ---- PINs -----------------------------------------------------------------------------------

TEST(PinTest, ValidatePinFormat) {
  for (std::string_view good : {"1234", "0000", "12345678"}) EXPECT_TRUE(ValidatePinFormat(good).ok()) << good;
  for (std::string_view bad : {"", "123", "123456789", "12a4", " 1234", "12 34", "-123"}) {
    EXPECT_EQ("InvalidArgument: a PIN is 4 to 8 digits", ValidatePinFormat(bad).ToString()) << bad;
  }
}

TEST(PinTest, HashAndMatch) {
  const PinHash first = HashPin("2468");
  const PinHash second = HashPin("2468");
  EXPECT_EQ(16u, first.salt.size());
  EXPECT_EQ(32u, first.key.size());
  EXPECT_EQ(kPinKdfIterations, first.iterations);
  EXPECT_NE(HexEncode(first.salt), HexEncode(second.salt));
  EXPECT_NE(HexEncode(first.key), HexEncode(second.key));
  EXPECT_TRUE(PinMatches(first, "2468"));
  EXPECT_TRUE(PinMatches(second, "2468"));
  EXPECT_FALSE(PinMatches(first, "2469"));
  EXPECT_FALSE(PinMatches(first, "24680"));
  EXPECT_FALSE(PinMatches(first, ""));
  PinHash no_iterations = first;
  no_iterations.iterations = 0;
  EXPECT_FALSE(PinMatches(no_iterations, "2468"));
}

TEST(PinTest, LockDoublesFromOneMinuteUpToAnHour) {
  const std::vector<std::pair<int, int64_t>> expected = {
      {-1, 0}, {0, 0},    {4, 0},    {5, 60},   {6, 120},  {7, 240},  {8, 480},
      {9, 960}, {10, 1920}, {11, 3600}, {12, 3600}, {100, 3600}, {std::numeric_limits<int>::max(), 3600}};
  for (const auto& [failures, seconds] : expected) {
    EXPECT_EQ(seconds, PinLockAfter(failures).count()) << failures << " failures";
  }
}

// ---- UUIDs and hex --------------------------------------------------------------------------

TEST(UuidTest, VersionSevenTextFormCarriesTheTimeAndIsNeverRepeated) {
  const std::regex kForm("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  const TimePoint time{std::chrono::milliseconds(1'795'000'000'123)};  // 2026-11-18 WIB
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string uuid = NewUuid(time);  // the same millisecond: only the random bits differ
    ASSERT_EQ(36u, uuid.size()) << uuid;
    ASSERT_TRUE(std::regex_match(uuid, kForm)) << uuid;
    ASSERT_EQ(fmt::format("{:012x}", 1'795'000'000'123), uuid.substr(0, 8) + uuid.substr(9, 4)) << uuid;
    seen.insert(uuid);
  }
  EXPECT_EQ(1000u, seen.size());
}

TEST(UuidTest, LaterTimesSortAfterEarlierOnesSoEachTerminalsUuidsAppendToTheIndex) {
  TimePoint time{std::chrono::milliseconds(1'795'000'000'000)};
  std::string previous = NewUuid(time);
  for (int i = 0; i < 1000; ++i) {
    time += std::chrono::milliseconds(1 + i % 3);
    const std::string uuid = NewUuid(time);
    ASSERT_LT(previous, uuid);
    previous = uuid;
  }
}

TEST(UuidTest, TimesOutsideFortyEightBitsAreClampedAndTheRandomBitsAreTakenAsGiven) {
  const std::string random("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 10);
  EXPECT_EQ("00000000-0000-7fff-bfff-ffffffffffff", UuidV7(TimePoint{std::chrono::milliseconds(-5)}, random));
  EXPECT_EQ("ffffffff-ffff-7fff-bfff-ffffffffffff",
            UuidV7(TimePoint{std::chrono::milliseconds(int64_t{1} << 50)}, random));
  EXPECT_EQ("00000000-0001-7000-8000-000000000000", UuidV7(TimePoint{std::chrono::milliseconds(1)},
                                                           std::string(10, '\0')));
}

TEST(HexTest, EncodeAndDecode) {
  EXPECT_EQ("", HexEncode(std::string_view()));
  EXPECT_EQ("0001abff7f", HexEncode(std::string_view("\x00\x01\xab\xff\x7f", 5)));
  std::string bytes = "stale";
  ASSERT_TRUE(HexDecode("0001ABff7F", bytes));
  EXPECT_EQ(std::string("\x00\x01\xab\xff\x7f", 5), bytes);
  ASSERT_TRUE(HexDecode("", bytes));
  EXPECT_EQ("", bytes);
  for (std::string_view bad : {"0", "abc", "0g", "g0", " 00", "0x00"}) EXPECT_FALSE(HexDecode(bad, bytes)) << bad;

  std::string all(256, '\0');
  std::iota(all.begin(), all.end(), '\0');
  ASSERT_TRUE(HexDecode(HexEncode(all), bytes));
  EXPECT_EQ(all, bytes);
}

TEST(HexTest, DecodeIntoADigestTakesExactlyItsLength) {
  Sha256Digest digest{};
  std::string hex = HexEncode(std::string(32, '\xa5'));
  hex[0] = 'A';  // either case
  ASSERT_TRUE(HexDecode(hex, digest));
  EXPECT_EQ(0xa5, digest[0]);
  EXPECT_EQ(0xa5, digest[31]);
  for (std::string bad : {hex.substr(0, 62), hex + "00", hex.substr(0, 63), hex.substr(0, 63) + "g", std::string()}) {
    EXPECT_FALSE(HexDecode(bad, digest)) << bad;
  }
}

}  // namespace
}  // namespace lapak
