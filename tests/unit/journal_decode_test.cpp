// The journal's body decoders (core/journal.h) read the canonical text in one pass. Checked
// here: every kind of body round-trips; one-edit mutations of valid bodies are refused; and
// on every text tried, the decoders agree with the rule they replaced (the oracle below).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/day_figures.h"
#include "core/journal.h"
#include "core/sale.h"

namespace lapak {
namespace {

using nlohmann::json;

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

// ---- the oracle: the rule the decoders kept before the single-pass reader -------------------
// nlohmann::json parses the text into a tree, the body is read from the tree by name, and the
// text is accepted only if the encoder writes it back byte for byte. Reduced to what it
// accepts (the messages are the decoders' own): the sums a sale spells out are checked by
// that last comparison, since the encoder writes the totals ComputeTotals gives.

std::optional<int64_t> OldInt(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

std::optional<std::string> OldText(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

const json* OldMember(const json& object, const char* name,
                      bool (json::*is_kind)() const noexcept) {
  const auto it = object.find(name);
  return it == object.end() || !((*it).*is_kind)() ? nullptr : &*it;
}

std::optional<DayOpenBody> OldReadDayOpen(const json& o) {
  const auto day = OldInt(o, "day");
  const auto opening_float = OldInt(o, "float");
  if (!day || !opening_float) return std::nullopt;
  return DayOpenBody{*day, Rp(*opening_float)};
}

std::optional<VoidBody> OldReadVoid(const json& o) {
  const auto day = OldInt(o, "day");
  const auto sale_seq = OldInt(o, "sale_seq");
  const auto receipt = OldText(o, "receipt");
  const auto reason = OldText(o, "reason");
  const auto total = OldInt(o, "total");
  if (!day || !sale_seq || !receipt || !reason || !total) return std::nullopt;
  return VoidBody{*day, *sale_seq, *receipt, *reason, Rp(*total)};
}

std::optional<Discount> OldReadDiscount(const json& d) {
  const auto kind = OldText(d, "kind");
  const auto basis_points = OldInt(d, "basis_points");
  const auto amount = OldInt(d, "amount");
  if (!kind || !basis_points || !amount) return std::nullopt;
  if (*kind == "none") return Discount::None();
  if (*kind == "rupiah") return Discount::Amount(Rp(*amount));
  if (*kind == "percent" && *basis_points >= 0 && *basis_points <= 10000) {
    return Discount::Percent(static_cast<int32_t>(*basis_points));
  }
  return std::nullopt;
}

std::optional<SaleBody> OldReadSale(const json& o) {
  const auto day = OldInt(o, "day");
  const auto receipt = OldText(o, "receipt");
  const json* lines = OldMember(o, "lines", &json::is_array);
  const json* payments = OldMember(o, "payments", &json::is_array);
  const json* discount = OldMember(o, "discount", &json::is_object);
  if (!day || !receipt || !lines || !payments || !discount) return std::nullopt;
  SaleBody body{*day, *receipt, {}};
  for (const json& item : *lines) {
    if (!item.is_object()) return std::nullopt;
    const auto sku = OldText(item, "sku");
    const auto name = OldText(item, "name");
    const auto price = OldInt(item, "price");
    const auto qty = OldInt(item, "qty");
    const auto total = OldInt(item, "total");
    if (!sku || !name || !price || !qty || !total) return std::nullopt;
    body.sale.lines.push_back(SaleLine{*sku, *name, Rp(*price), *qty, Rp(*total)});
  }
  for (const json& item : *payments) {
    if (!item.is_object()) return std::nullopt;
    const auto method_name = OldText(item, "method");
    const auto amount = OldInt(item, "amount");
    if (!method_name || !amount) return std::nullopt;
    Result<PaymentMethod> method = ParsePaymentMethod(*method_name);
    if (!method.ok()) return std::nullopt;
    body.sale.payments.push_back(Payment{*method, Rp(*amount)});
  }
  const std::optional<Discount> parsed_discount = OldReadDiscount(*discount);
  if (!parsed_discount) return std::nullopt;
  body.sale.discount = *parsed_discount;
  Result<SaleTotals> totals =
      ComputeTotals(body.sale.lines, body.sale.discount, body.sale.payments);
  if (!totals.ok() || !totals->remaining.is_zero()) return std::nullopt;
  body.sale.totals = *totals;
  return body;
}

std::optional<ZReport> OldReadZReport(const json& o) {
  ZReport z;
  const auto business_day = OldText(o, "business_day");
  if (!business_day) return std::nullopt;
  z.business_day = *business_day;
  const std::vector<std::pair<const char*, int64_t*>> integers = {
      {"z", &z.z_number},
      {"day", &z.day_number},
      {"open_seq", &z.open_seq},
      {"sales", &z.figures.sales_count},
      {"voids_count", &z.figures.voids_count}};
  for (const auto& [name, target] : integers) {
    const auto value = OldInt(o, name);
    if (!value) return std::nullopt;
    *target = *value;
  }
  std::vector<std::pair<std::string, Money*>> amounts = {
      {"float", &z.opening_float},  {"gross", &z.figures.gross},    {"voids", &z.figures.voids},
      {"net", &z.figures.net},      {"expected", &z.expected_cash}, {"counted", &z.counted_cash},
      {"over_short", &z.over_short}};
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    amounts.emplace_back(std::string(method.name), &z.figures.by_method[method.method]);
  }
  for (const auto& [name, target] : amounts) {
    const auto value = OldInt(o, name.c_str());
    if (!value) return std::nullopt;
    *target = Rp(*value);
  }
  const auto opened_at = OldInt(o, "opened_at_utc_ms");
  if (!opened_at) return std::nullopt;
  z.opened_at = TimePoint{std::chrono::milliseconds(*opened_at)};
  return z;
}

// A kind of body: its decoder, its encoder and the oracle's reading of it.
template <typename Body>
struct BodyKind {
  Result<Body> (*decode)(std::string_view);
  std::string (*encode)(const Body&);
  std::optional<Body> (*old_read)(const json&);
};

const BodyKind<DayOpenBody> kDayOpen{DecodeDayOpen, EncodeDayOpen, OldReadDayOpen};
const BodyKind<SaleBody> kSale{DecodeSale, EncodeSale, OldReadSale};
const BodyKind<VoidBody> kVoid{DecodeVoid, EncodeVoid, OldReadVoid};
const BodyKind<ZReport> kZReport{DecodeZReport, EncodeZReport, OldReadZReport};

template <typename Body>
std::optional<Body> OldRule(const BodyKind<Body>& kind, std::string_view text) {
  const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  std::optional<Body> body = kind.old_read(parsed);
  if (!body || kind.encode(*body) != text) return std::nullopt;
  return body;
}

// Whether the decoder accepts `text`, after checking that the oracle says the same and that
// an accepted text is the encoder's text of the body decoded from it.
template <typename Body>
bool AcceptsAsTheOracleDoes(const BodyKind<Body>& kind, std::string_view text) {
  const Result<Body> decoded = kind.decode(text);
  const std::optional<Body> old = OldRule(kind, text);
  EXPECT_EQ(old.has_value(), decoded.ok())
      << "decoder: " << decoded.status().ToString() << "\ntext: " << text;
  if (!decoded.ok()) return false;
  EXPECT_EQ(text, kind.encode(*decoded));
  if (old) {
    EXPECT_TRUE(*old == *decoded) << text;
  }
  return true;
}

// ---- bodies of every kind -----------------------------------------------------------------

const std::vector<Product> kCatalog = {
    {"ES-TEH", "Es Teh Manis", "Minuman", Rp(5000), true},
    {"BKS-U", "Bakso Urat", "Makanan", Rp(20000), true},
    {"KUE/1", "Kue Lapis ½ loyang – \"spesial\"", "Kue", Rp(37500), true},
    {"BTK", "Batik Tulis Solo 2×1,5 m", "Busana", Rp(850000), true}};

const std::vector<std::string> kCustomNames = {"Lain-lain",      "Ongkos kirim", "Café",
                                               "Kerajinan 手工", "Ulos 🧵",    "a/b\\c"};

// Sales of every shape a cart allows: products and custom lines, each kind of discount, one to
// three methods, change or none. Seeded; a cart that refuses a step is left as it is.
std::vector<SaleBody> VariedSales(int count) {
  std::mt19937 rng(11);
  auto pick = [&rng](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  std::vector<SaleBody> sales;
  for (int i = 0; static_cast<int>(sales.size()) < count; ++i) {
    Cart cart;
    for (int64_t line = pick(1, 4); line > 0; --line) {
      if (pick(0, 2) > 0) {
        (void)cart.AddProduct(kCatalog[static_cast<size_t>(pick(0, 3))],
                              pick(1, pick(0, 9) == 0 ? 9999 : 3));
      } else {
        (void)cart.AddCustom(Rp(pick(1, 500) * 500), pick(1, 5),
                             kCustomNames[static_cast<size_t>(pick(0, 5))]);
      }
    }
    if (cart.empty()) continue;
    switch (pick(0, 2)) {
      case 0:
        break;
      case 1:
        (void)cart.SetDiscount(Discount::Amount(Rp(pick(0, cart.Totals()->subtotal.rupiah()))));
        break;
      case 2:
        (void)cart.SetDiscount(Discount::Percent(static_cast<int32_t>(pick(0, 10000))));
        break;
    }
    Money left = cart.Totals()->total;
    for (PaymentMethod method : {PaymentMethod::kQris, PaymentMethod::kTransfer}) {
      if (pick(0, 2) != 0 || left.is_zero()) continue;
      const Money part = Rp(pick(1, left.rupiah()));
      if (cart.AddPayment(method, part).ok()) left = *left.Minus(part);
    }
    if (!left.is_zero() || pick(0, 3) == 0)
      (void)cart.AddPayment(PaymentMethod::kCash, Rp(left.rupiah() + pick(0, 3) * 1000));
    Result<CompletedSale> sale = cart.Complete();
    if (sale.ok())
      sales.push_back(SaleBody{pick(1, 400), "20261122-" + std::to_string(1000 + i), *sale});
  }
  return sales;
}

std::vector<VoidBody> VariedVoids() {
  std::string every_ascii_byte;
  for (int byte = 0; byte < 0x80; ++byte) every_ascii_byte.push_back(static_cast<char>(byte));
  return {VoidBody{1, 2, "20261122-0001", "salah input", Rp(18000)}, VoidBody{0, 0, "", "", Rp(0)},
          VoidBody{-1, std::numeric_limits<int64_t>::max(), "R", every_ascii_byte,
                   Rp(std::numeric_limits<int64_t>::min())},
          VoidBody{3, 15, "20261122-0003", "salah \"2x\"\n\tulang\\ 1/2 é €😀 \x7f", Rp(-5)}};
}

ZReport VariedZReport(int64_t scale) {
  ZReport z;
  z.z_number = 1 + scale;
  z.day_number = 2 * scale;
  z.business_day = "2026-11-22";
  z.open_seq = 1;
  z.opened_at = TimePoint{std::chrono::milliseconds(1'795'341'600'000 * scale)};
  z.opening_float = Rp(200000 * scale);
  z.figures =
      DayFigures{3 * scale,         scale,
                 Rp(75500 * scale), Rp(18000 * scale),
                 Rp(57500 * scale), {{Rp(30000 * scale), Rp(20000 * scale), Rp(7500 * scale)}}};
  z.counted_cash = Rp(225000 * scale);
  EXPECT_TRUE(SettleCash(z).ok());
  return z;
}

template <typename Body>
void ExpectRoundTrip(const BodyKind<Body>& kind, const Body& body) {
  const std::string text = kind.encode(body);
  const Result<Body> decoded = kind.decode(text);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString() << "\n" << text;
  EXPECT_TRUE(body == *decoded) << text;
  EXPECT_TRUE(AcceptsAsTheOracleDoes(kind, text));
}

TEST(JournalDecodeTest, EveryKindOfBodyRoundTrips) {
  for (const DayOpenBody& body : {DayOpenBody{1, Rp(0)}, DayOpenBody{3, Rp(200000)},
                                  DayOpenBody{std::numeric_limits<int64_t>::max(),
                                              Rp(std::numeric_limits<int64_t>::min())}}) {
    ExpectRoundTrip(kDayOpen, body);
  }
  const std::vector<SaleBody> sales = VariedSales(300);
  for (const SaleBody& body : sales) ExpectRoundTrip(kSale, body);
  for (const VoidBody& body : VariedVoids()) ExpectRoundTrip(kVoid, body);
  for (int64_t scale : {0, 1, 7, -3, 1000}) ExpectRoundTrip(kZReport, VariedZReport(scale));

  // The sales cover what they should.
  int discount_kinds[3] = {}, methods[3] = {}, custom = 0, with_change = 0;
  for (const SaleBody& body : sales) {
    ++discount_kinds[static_cast<int>(body.sale.discount.kind)];
    for (const Payment& payment : body.sale.payments) ++methods[MethodIndex(payment.method)];
    for (const SaleLine& line : body.sale.lines) custom += line.sku.empty() ? 1 : 0;
    with_change += body.sale.totals.change.is_zero() ? 0 : 1;
  }
  for (int n : discount_kinds) EXPECT_GT(n, 30);
  for (int n : methods) EXPECT_GT(n, 30);
  EXPECT_GT(custom, 30);
  EXPECT_GT(with_change, 30);
}

// ---- one-edit mutations ---------------------------------------------------------------------

struct Span {
  size_t begin = 0;
  size_t end = 0;  // one past
};

// Where things are in a canonical text: its numbers, its strings (keys apart), the members of
// each object, and the places outside strings.
struct Layout {
  std::vector<Span> numbers;
  std::vector<Span> values;                // string values, quotes included
  std::vector<Span> keys;                  // quotes included
  std::vector<std::vector<Span>> objects;  // each object's members, in order
  std::vector<size_t> outside_strings;     // positions 0..size not inside a string
};

size_t StringEnd(std::string_view text, size_t quote) {
  size_t p = quote + 1;
  while (text[p] != '"') p += text[p] == '\\' ? 2 : 1;
  return p + 1;
}

Layout LayoutOf(std::string_view text) {
  Layout layout;
  struct Open {
    size_t object = SIZE_MAX;  // index into layout.objects, or SIZE_MAX for an array
    size_t member_begin = 0;
  };
  std::vector<Open> open;
  auto close_member = [&](size_t end) {
    if (open.empty() || open.back().object == SIZE_MAX || end == open.back().member_begin) return;
    layout.objects[open.back().object].push_back({open.back().member_begin, end});
  };
  for (size_t p = 0; p <= text.size();) {
    layout.outside_strings.push_back(p);
    if (p == text.size()) break;
    const char c = text[p];
    if (c == '"') {
      const size_t end = StringEnd(text, p);
      (text[end] == ':' ? layout.keys : layout.values).push_back({p, end});
      p = end;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = p + 1;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      layout.numbers.push_back({p, end});
      p = end;
      continue;
    }
    if (c == '{') {
      layout.objects.emplace_back();
      open.push_back({layout.objects.size() - 1, p + 1});
    } else if (c == '[') {
      open.push_back({});
    } else if (c == '}' || c == ']') {
      close_member(p);
      open.pop_back();
    } else if (c == ',') {
      close_member(p);
      if (!open.empty()) open.back().member_begin = p + 1;
    }
    ++p;
  }
  return layout;
}

struct Mutation {
  std::string what;
  std::string text;
};

std::string Splice(std::string_view text, size_t begin, size_t end, std::string_view with) {
  return std::string(text.substr(0, begin)) + std::string(with) + std::string(text.substr(end));
}

std::string Hex2(unsigned char byte) {
  static constexpr char kHex[] = "0123456789abcdef";
  return {kHex[byte >> 4], kHex[byte & 0x0F]};
}

void AddMemberMutations(std::string_view text, const Layout& layout, std::vector<Mutation>& out) {
  for (const std::vector<Span>& members : layout.objects) {
    for (size_t i = 0; i < members.size(); ++i) {
      const Span m = members[i];
      const std::string member(text.substr(m.begin, m.end - m.begin));
      out.push_back({"drop " + member, i + 1 < members.size()
                                           ? Splice(text, m.begin, m.end + 1, "")
                                           : Splice(text, m.begin - (i > 0 ? 1 : 0), m.end, "")});
      out.push_back({"repeat " + member, Splice(text, m.end, m.end, "," + member)});
      out.push_back(
          {"unknown member before " + member, Splice(text, m.begin, m.begin, R"("_":0,)")});
      out.push_back({"unknown member after " + member, Splice(text, m.end, m.end, R"(,"zzz":0)")});
      out.push_back(
          {"unknown member named like " + member,
           Splice(text, m.end, m.end, "," + member.substr(0, 2) + "_" + member.substr(2))});
      if (i + 1 < members.size()) {
        const Span next = members[i + 1];
        const std::string second(text.substr(next.begin, next.end - next.begin));
        out.push_back({"swap " + member + " and " + second,
                       Splice(text, m.begin, next.end, second + "," + member)});
      }
    }
    if (members.empty()) continue;
    out.push_back({"unknown member in an object",
                   Splice(text, members.back().end, members.back().end, R"(,"a":"x")")});
  }
}

void AddNumberMutations(std::string_view text, const Layout& layout, std::vector<Mutation>& out) {
  for (const Span n : layout.numbers) {
    const std::string number(text.substr(n.begin, n.end - n.begin));
    const std::string digits = number[0] == '-' ? number.substr(1) : number;
    const std::vector<std::string> respelt = {"-0",
                                              "0" + number,
                                              "0" + digits,
                                              "+" + digits,
                                              number + ".0",
                                              number + "e0",
                                              "1e3",
                                              number + "E3",
                                              "\"" + number + "\"",
                                              "null",
                                              "true",
                                              "[" + number + "]",
                                              "9223372036854775808",
                                              "-9223372036854775809",
                                              "18446744073709551615"};
    for (const std::string& with : respelt) {
      out.push_back({"number " + number + " as " + with, Splice(text, n.begin, n.end, with)});
    }
  }
}

// The same byte as the short escape \<escaped> stands for, spelt as \u00xx; \u00xx itself as
// \U00xx.
std::string RespeltEscape(char escaped) {
  switch (escaped) {
    case '"':
      return "\\u0022";
    case '\\':
      return "\\u005c";
    case 'b':
      return "\\u0008";
    case 'f':
      return "\\u000c";
    case 'n':
      return "\\u000a";
    case 'r':
      return "\\u000d";
    case 't':
      return "\\u0009";
  }
  return "\\U";
}

// A string spelt otherwise: one byte as \u00xx, '/' as \/, a short escape as \u00xx, an
// escape in capitals, ill-formed UTF-8 put in, a multi-byte sequence cut short.
void AddStringMutations(std::string_view text, const Layout& layout, std::vector<Mutation>& out) {
  std::vector<Span> strings = layout.values;
  strings.insert(strings.end(), layout.keys.begin(), layout.keys.end());
  for (const Span s : strings) {
    for (size_t p = s.begin + 1; p + 1 < s.end; ++p) {
      const auto byte = static_cast<unsigned char>(text[p]);
      if (byte == '\\') {
        const char escaped = text[p + 1];
        out.push_back({"escape respelt", Splice(text, p, p + 2, RespeltEscape(escaped))});
        if (escaped == 'u') out.push_back({"escape in capitals", Splice(text, p + 4, p + 6, "1F")});
        p += escaped == 'u' ? 5 : 1;
        continue;
      }
      if (byte < 0x80)
        out.push_back({"byte as \\u00" + Hex2(byte), Splice(text, p, p + 1, "\\u00" + Hex2(byte))});
      if (byte == '/') out.push_back({"\\/", Splice(text, p, p + 1, "\\/")});
      if (byte >= 0xC0) {
        const size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
        out.push_back(
            {"a multi-byte sequence cut short", Splice(text, p + length - 1, p + length, "")});
      }
    }
    for (std::string_view bad :
         {"\x80", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
          "\xF5\x80\x80\x80", "\xFF", "\x01", "\n", "\\x"}) {
      out.push_back({"put in a bad byte", Splice(text, s.begin + 1, s.begin + 1, bad)});
    }
  }
}

// Every one-edit mutation of a canonical text that no longer spells a canonical body.
std::vector<Mutation> Mutations(std::string_view text) {
  const Layout layout = LayoutOf(text);
  std::vector<Mutation> out;
  for (size_t size = 0; size < text.size(); ++size)
    out.push_back({"truncated", std::string(text.substr(0, size))});
  static constexpr char kSpace[] = {' ', '\n', '\t', '\r'};
  for (size_t i = 0; i < layout.outside_strings.size(); ++i) {
    const size_t p = layout.outside_strings[i];
    out.push_back(
        {"whitespace at " + std::to_string(p), Splice(text, p, p, std::string(1, kSpace[i % 4]))});
  }
  for (const std::string& tail :
       std::vector<std::string>{" ", "x", "0", "}", ",", "{}", std::string(1, '\0')}) {
    out.push_back({"trailing bytes", std::string(text) + tail});
  }
  out.push_back({"byte order mark", "\xEF\xBB\xBF" + std::string(text)});
  AddMemberMutations(text, layout, out);
  AddNumberMutations(text, layout, out);
  AddStringMutations(text, layout, out);
  return out;
}

template <typename Body>
size_t ExpectEveryMutationRefused(const BodyKind<Body>& kind, const Body& body) {
  const std::string text = kind.encode(body);
  EXPECT_TRUE(AcceptsAsTheOracleDoes(kind, text));
  const std::vector<Mutation> mutations = Mutations(text);
  for (const Mutation& mutation : mutations) {
    EXPECT_FALSE(AcceptsAsTheOracleDoes(kind, mutation.text)) << mutation.what << "\n"
                                                              << mutation.text;
  }
  return mutations.size();
}

TEST(JournalDecodeTest, EveryOneEditMutationIsRefusedByItAndByTheOldRule) {
  size_t tried = 0;
  tried += ExpectEveryMutationRefused(kDayOpen, DayOpenBody{3, Rp(200000)});
  tried += ExpectEveryMutationRefused(kDayOpen, DayOpenBody{0, Rp(-7)});
  for (const SaleBody& body : VariedSales(6)) tried += ExpectEveryMutationRefused(kSale, body);
  for (const VoidBody& body : VariedVoids()) tried += ExpectEveryMutationRefused(kVoid, body);
  tried += ExpectEveryMutationRefused(kZReport, VariedZReport(1));
  tried += ExpectEveryMutationRefused(kZReport, VariedZReport(-3));
  EXPECT_GT(tried, 10000u);
}

// Random edits of valid bodies, some of which spell another valid body (a digit of the day,
// a letter of the receipt): whatever they spell, the decoder and the old rule agree.
template <typename Body>
size_t ExpectRandomEditsJudgedAsTheOldRuleDid(const BodyKind<Body>& kind, const Body& body,
                                              int edits) {
  static constexpr std::string_view kBytes =
      "0123456789-+.eE\"\\/,:{}[] \nunltraxz_\x7f\x80\xBF\xC3\xE2\xF0\xFF";
  std::mt19937 rng(7);
  auto below = [&rng](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  const std::string text = kind.encode(body);
  size_t accepted = 0;
  for (int i = 0; i < edits; ++i) {
    std::string edited = text;
    for (size_t n = 1 + below(2); n > 0; --n) {
      const size_t at = below(edited.size());
      const char byte = kBytes[below(kBytes.size())];
      switch (below(3)) {
        case 0:
          edited[at] = byte;
          break;
        case 1:
          edited.insert(edited.begin() + static_cast<std::ptrdiff_t>(at), byte);
          break;
        case 2:
          edited.erase(at, 1);
          break;
      }
    }
    accepted += AcceptsAsTheOracleDoes(kind, edited) ? 1 : 0;
  }
  return accepted;
}

TEST(JournalDecodeTest, RandomEditsAreJudgedAsTheOldRuleJudgedThem) {
  size_t accepted = 0;
  accepted += ExpectRandomEditsJudgedAsTheOldRuleDid(kDayOpen, DayOpenBody{3, Rp(200000)}, 1000);
  for (const SaleBody& body : VariedSales(3))
    accepted += ExpectRandomEditsJudgedAsTheOldRuleDid(kSale, body, 1500);
  accepted += ExpectRandomEditsJudgedAsTheOldRuleDid(kVoid, VariedVoids()[3], 1500);
  accepted += ExpectRandomEditsJudgedAsTheOldRuleDid(kZReport, VariedZReport(1), 1500);
  EXPECT_GT(accepted, 100u);  // some edits spell another valid body, and are accepted
}

// ---- what the messages say ------------------------------------------------------------------

std::string SaleText() {
  Cart cart;
  EXPECT_TRUE(cart.AddProduct(kCatalog[0], 2).ok());
  EXPECT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(10000)).ok());
  return EncodeSale(SaleBody{2, "20261122-0001", *cart.Complete()});
}

std::string Edited(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  EXPECT_NE(std::string::npos, at) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

TEST(JournalDecodeTest, MessagesSayWhatIsWrong) {
  const std::string sale = SaleText();
  EXPECT_EQ(
      R"({"change":0,"day":2,"discount":{"amount":0,"basis_points":0,"kind":"none"},)"
      R"("lines":[{"name":"Es Teh Manis","price":5000,"qty":2,"sku":"ES-TEH","total":10000}],)"
      R"("payments":[{"amount":10000,"method":"cash"}],"receipt":"20261122-0001","subtotal":10000,)"
      R"("total":10000})",
      sale);
  auto message = [](std::string_view text) { return DecodeSale(text).status().ToString(); };
  const std::string not_canonical = "InvalidArgument: sale body is not in canonical form";
  EXPECT_EQ(not_canonical,
            message(Edited(sale, R"("cash")", R"("tunai")")));  // a label, not the name
  EXPECT_EQ(not_canonical, message(Edited(sale, R"("basis_points":0)", R"("basis_points":5)")));
  EXPECT_EQ(not_canonical, message(Edited(sale, R"("day":2)", R"("day":-0)")));
  EXPECT_EQ(not_canonical, message(Edited(sale, "Es Teh", R"(Es\u0020Teh)")));
  EXPECT_EQ("InvalidArgument: sale body: an item of 'lines' is not an object",
            message(Edited(sale, R"("lines":[{)", R"("lines":[7,{)")));
  EXPECT_EQ("InvalidArgument: sale body: member 'day' is out of range",
            message(Edited(sale, R"("day":2)", R"("day":9223372036854775808)")));
  EXPECT_EQ("InvalidArgument: sale body: member 'sku' is missing",
            message(Edited(sale, R"("sku":"ES-TEH",)", R"("skus":"ES-TEH",)")));
  EXPECT_EQ("InvalidArgument: sale body: bad discount 'percent'",
            message(Edited(sale, R"("basis_points":0,"kind":"none")",
                           R"("basis_points":10001,"kind":"percent")")));
  EXPECT_EQ("InvalidArgument: sale body is not a JSON object",
            message(Edited(sale, "Es Teh", "Es\xC0\x80Teh")));
  EXPECT_EQ("InvalidArgument: sale body is not a JSON object",
            message(Edited(sale, "Es Teh", "Es\x01Teh")));
}

}  // namespace
}  // namespace lapak
