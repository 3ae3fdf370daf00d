#include "core/journal.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>

#include "core/canonical_json.h"
#include "core/canonical_json_reader.h"

namespace lapak {

using nlohmann::json;

std::string_view EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kDayOpen: return "day_open";
    case EntryKind::kSale: return "sale";
    case EntryKind::kVoid: return "void";
    case EntryKind::kCashMove: return "cash_move";
    case EntryKind::kDayClose: return "day_close";
  }
  return "?";
}

Result<EntryKind> ParseEntryKind(std::string_view name) {
  for (EntryKind kind :
       {EntryKind::kDayOpen, EntryKind::kSale, EntryKind::kVoid, EntryKind::kCashMove, EntryKind::kDayClose}) {
    if (EntryKindName(kind) == name) return kind;
  }
  return Status::InvalidArgument(fmt::format("unknown journal entry kind '{}'", name));
}

std::string CanonicalBytes(const JournalEntry& entry) {
  CanonicalJson out;
  out.BeginObject()
      .Key("body").Raw(entry.body)
      .Key("business_day").String(entry.business_day)
      .Key("kind").String(EntryKindName(entry.kind))
      .Key("seq").Int(entry.seq)
      .Key("terminal").String(entry.terminal_id)
      .Key("time_utc_ms").Int(entry.time.time_since_epoch().count())
      .Key("uuid").String(entry.uuid)
      .Key("v").Int(kCanonicalVersion)
      .EndObject();
  return out.Take();
}

Sha256Digest ComputeEntryHash(const JournalEntry& entry) {
  const std::string_view prev(reinterpret_cast<const char*>(entry.prev_hash.data()),
                              entry.prev_hash.size());
  return Sha256Concat(prev, CanonicalBytes(entry));
}

// Cash counts what stayed in the drawer (the sale's cash_taken); the methods that give no
// change count what was paid with them. The sale's rules bound every sum.
SaleAmounts AmountsOf(const CompletedSale& sale) {
  SaleAmounts amounts{sale.totals.total, {}};
  for (const Payment& payment : sale.payments) {
    if (GivesChange(payment.method)) continue;
    Money& amount = amounts.by_method[payment.method];
    amount = *amount.Plus(payment.amount);
    if (!payment.qris_code_sha256.empty()) amounts.qris_shown = *amounts.qris_shown.Plus(payment.amount);
  }
  amounts.by_method[PaymentMethod::kCash] = sale.totals.cash_taken;
  return amounts;
}

void AppendFigureMembers(const DayFigures& figures, std::vector<CanonicalMember>& members) {
  members.push_back({"gross", figures.gross.rupiah()});
  members.push_back({"net", figures.net.rupiah()});
  members.push_back({"sales", figures.sales_count});
  members.push_back({"voids", figures.voids.rupiah()});
  members.push_back({"voids_count", figures.voids_count});
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    members.push_back({method.name, figures.by_method[method.method].rupiah()});
  }
}

void AppendCashMoveMembers(const CashMoves& moves, std::vector<CanonicalMember>& members) {
  if (!moves.in.is_zero()) members.push_back({"cash_in", moves.in.rupiah()});
  if (!moves.out.is_zero()) members.push_back({"cash_out", moves.out.rupiah()});
}

void WriteSortedObject(CanonicalJson& out, std::vector<CanonicalMember> members) {
  std::sort(members.begin(), members.end(),
            [](const CanonicalMember& a, const CanonicalMember& b) { return a.name < b.name; });
  out.BeginObject();
  for (const CanonicalMember& member : members) {
    out.Key(member.name);
    if (const int64_t* number = std::get_if<int64_t>(&member.value)) {
      out.Int(*number);
    } else {
      out.String(std::get<std::string_view>(member.value));
    }
  }
  out.EndObject();
}

// ---- encoding --------------------------------------------------------------------------

static std::string_view DiscountKindName(Discount::Kind kind) {
  switch (kind) {
    case Discount::Kind::kNone: return "none";
    case Discount::Kind::kRupiah: return "rupiah";
    case Discount::Kind::kPercent: return "percent";
  }
  return "?";
}

std::string EncodeDayOpen(const DayOpenBody& body) {
  CanonicalJson out;
  out.BeginObject().Key("day").Int(body.day_number).Key("float").Int(body.opening_float.rupiah()).EndObject();
  return out.Take();
}

std::string EncodeSale(const SaleBody& body) {
  const CompletedSale& sale = body.sale;
  CanonicalJson out;
  out.BeginObject()
      .Key("change").Int(sale.totals.change.rupiah())
      .Key("day").Int(body.day_number)
      .Key("discount").BeginObject()
          .Key("amount").Int(sale.totals.discount.rupiah())
          .Key("basis_points").Int(sale.discount.basis_points)
          .Key("kind").String(DiscountKindName(sale.discount.kind))
          .EndObject()
      .Key("lines").BeginArray();
  for (const SaleLine& line : sale.lines) {
    out.BeginObject()
        .Key("name").String(line.name)
        .Key("price").Int(line.unit_price.rupiah())
        .Key("qty").Int(line.quantity)
        .Key("sku").String(line.sku)
        .Key("total").Int(line.total.rupiah())
        .EndObject();
  }
  out.EndArray().Key("payments").BeginArray();
  for (const Payment& payment : sale.payments) {
    out.BeginObject()
        .Key("amount").Int(payment.amount.rupiah())
        .Key("method").String(PaymentMethodName(payment.method));
    if (!payment.qris_code_sha256.empty()) out.Key("qris_code_sha256").String(payment.qris_code_sha256);
    out.EndObject();
  }
  out.EndArray()
      .Key("receipt").String(body.receipt)
      .Key("subtotal").Int(sale.totals.subtotal.rupiah())
      .Key("total").Int(sale.totals.total.rupiah())
      .EndObject();
  return out.Take();
}

std::string EncodeVoid(const VoidBody& body) {
  CanonicalJson out;
  out.BeginObject()
      .Key("day").Int(body.day_number)
      .Key("reason").String(body.reason)
      .Key("receipt").String(body.receipt)
      .Key("sale_seq").Int(body.sale_seq)
      .Key("total").Int(body.total.rupiah())
      .EndObject();
  return out.Take();
}

std::string_view CashDirectionName(CashDirection direction) {
  return direction == CashDirection::kIn ? "in" : "out";
}

std::string EncodeCashMove(const CashMoveBody& body) {
  CanonicalJson out;
  out.BeginObject()
      .Key("amount").Int(body.amount.rupiah())
      .Key("day").Int(body.day_number)
      .Key("direction").String(CashDirectionName(body.direction))
      .Key("reason").String(body.reason)
      .EndObject();
  return out.Take();
}

std::string EncodeZReport(const ZReport& z) {
  std::vector<CanonicalMember> members = {
      {"business_day", std::string_view(z.business_day)},
      {"counted", z.counted_cash.rupiah()},
      {"day", z.day_number},
      {"expected", z.expected_cash.rupiah()},
      {"float", z.opening_float.rupiah()},
      {"open_seq", z.open_seq},
      {"opened_at_utc_ms", z.opened_at.time_since_epoch().count()},
      {"over_short", z.over_short.rupiah()},
      {"z", z.z_number}};
  AppendFigureMembers(z.figures, members);
  AppendCashMoveMembers(z.cash_moves, members);
  CanonicalJson out;
  WriteSortedObject(out, std::move(members));
  return out.Take();
}

// ---- decoding --------------------------------------------------------------------------
// Each body is read in one pass by CanonicalJsonReader, member by member in the order its
// encoder writes them, so a body read to its end is the encoder's text of what was read,
// byte for byte. The rules that are not about spelling (a sale's sums, the names of payment
// methods and discount kinds) are checked afterwards on the values read.

namespace {

Status NotCanonical(std::string_view kind) {
  return Status::InvalidArgument(fmt::format("{} body is not in canonical form", kind));
}

// The message for a body the reader refused: it is not a JSON object at all; a member is
// missing or of the wrong kind; or it is JSON but not canonical. Whether it is JSON at all
// the reader cannot tell, so a refused body (only a refused one) is parsed once more.
Status Refused(std::string_view kind, std::string_view text, const CanonicalJsonError& error) {
  const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Status::InvalidArgument(fmt::format("{} body is not a JSON object", kind));
  }
  if (error.kind == CanonicalJsonError::Kind::kValue) {
    return Status::InvalidArgument(
        fmt::format("{} body: {} {}", kind, error.subject, error.problem));
  }
  return NotCanonical(kind);
}

// Reads the whole of `text` with `read`; refused unless it is canonical to its last byte.
template <typename Body>
Result<Body> ReadWhole(std::string_view kind, std::string_view text,
                       Body (*read)(CanonicalJsonReader&)) {
  CanonicalJsonReader in(text);
  Body body = read(in);
  in.End();
  if (!in.ok()) return Refused(kind, text, in.error());
  return body;
}

DayOpenBody ReadDayOpen(CanonicalJsonReader& in) {
  DayOpenBody body;
  in.BeginObject();
  body.day_number = in.Key("day").Int();
  body.opening_float = Money::Rupiah(in.Key("float").Int());
  in.EndObject();
  return body;
}

VoidBody ReadVoid(CanonicalJsonReader& in) {
  VoidBody body;
  in.BeginObject();
  body.day_number = in.Key("day").Int();
  body.reason = in.Key("reason").String();
  body.receipt = in.Key("receipt").String();
  body.sale_seq = in.Key("sale_seq").Int();
  body.total = Money::Rupiah(in.Key("total").Int());
  in.EndObject();
  return body;
}

struct CashMoveText {
  CashMoveBody body;
  std::string direction;  // checked by DecodeCashMove
};

CashMoveText ReadCashMove(CanonicalJsonReader& in) {
  CashMoveText move;
  in.BeginObject();
  move.body.amount = Money::Rupiah(in.Key("amount").Int());
  move.body.day_number = in.Key("day").Int();
  move.direction = in.Key("direction").String();
  move.body.reason = in.Key("reason").String();
  in.EndObject();
  return move;
}

// ---- the sale body

struct PaymentText {
  Money amount;
  std::string method;  // a payment method's name, not checked yet
  std::optional<std::string> qris_code_sha256;  // as written: present only when not empty
};

// A sale body as its text spells it; CheckSale turns it into a SaleBody.
struct SaleText {
  SaleBody body;  // the day, the receipt and the lines; the rest is CheckSale's
  Money change;
  Money discount_amount;
  int64_t basis_points = 0;
  std::string discount_kind;
  std::vector<PaymentText> payments;
  Money subtotal;
  Money total;
};

SaleLine ReadLine(CanonicalJsonReader& in) {
  SaleLine line;
  in.BeginObject();
  line.name = in.Key("name").String();
  line.unit_price = Money::Rupiah(in.Key("price").Int());
  line.quantity = in.Key("qty").Int();
  line.sku = in.Key("sku").String();
  line.total = Money::Rupiah(in.Key("total").Int());
  in.EndObject();
  return line;
}

PaymentText ReadPayment(CanonicalJsonReader& in) {
  PaymentText payment;
  in.BeginObject();
  payment.amount = Money::Rupiah(in.Key("amount").Int());
  payment.method = in.Key("method").String();
  if (in.OptionalKey("qris_code_sha256")) payment.qris_code_sha256 = in.String();
  in.EndObject();
  return payment;
}

SaleText ReadSale(CanonicalJsonReader& in) {
  SaleText sale;
  in.BeginObject();
  sale.change = Money::Rupiah(in.Key("change").Int());
  sale.body.day_number = in.Key("day").Int();
  in.Key("discount").BeginObject();
  sale.discount_amount = Money::Rupiah(in.Key("amount").Int());
  sale.basis_points = in.Key("basis_points").Int();
  sale.discount_kind = in.Key("kind").String();
  in.EndObject();
  in.Key("lines").BeginArray();
  while (in.NextItem()) sale.body.sale.lines.push_back(ReadLine(in));
  in.Key("payments").BeginArray();
  while (in.NextItem()) sale.payments.push_back(ReadPayment(in));
  sale.body.receipt = in.Key("receipt").String();
  sale.subtotal = Money::Rupiah(in.Key("subtotal").Int());
  sale.total = Money::Rupiah(in.Key("total").Int());
  in.EndObject();
  return sale;
}

// A method as the journal spells it: by its name, not by a label ParsePaymentMethod also takes.
Result<PaymentMethod> MethodNamed(std::string_view name) {
  Result<PaymentMethod> method = ParsePaymentMethod(name);
  if (!method.ok()) return Status::InvalidArgument("sale body: " + method.status().message());
  if (PaymentMethodName(*method) != name) return NotCanonical("sale");
  return method;
}

std::optional<Discount::Kind> DiscountKindNamed(std::string_view name) {
  for (Discount::Kind kind :
       {Discount::Kind::kNone, Discount::Kind::kRupiah, Discount::Kind::kPercent}) {
    if (DiscountKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

// The discount a sale body spells. Its amount is checked with the totals; basis points
// belong to a percent discount alone (the others write 0).
Result<Discount> CheckDiscount(const SaleText& sale) {
  const std::optional<Discount::Kind> kind = DiscountKindNamed(sale.discount_kind);
  const bool percent = kind == Discount::Kind::kPercent;
  if (!kind || (percent && (sale.basis_points < 0 || sale.basis_points > 10000))) {
    return Status::InvalidArgument(fmt::format("sale body: bad discount '{}'", sale.discount_kind));
  }
  if (!percent && sale.basis_points != 0) return NotCanonical("sale");
  switch (*kind) {
    case Discount::Kind::kNone:
      return Discount::None();
    case Discount::Kind::kRupiah:
      return Discount::Amount(sale.discount_amount);
    case Discount::Kind::kPercent:
      return Discount::Percent(static_cast<int32_t>(sale.basis_points));
  }
  return Discount::None();
}

// The sale's rules (ComputeTotals) on the values read, and the sums it spells out agreeing.
Result<SaleBody> CheckSale(SaleText sale) {
  SaleBody body = std::move(sale.body);
  for (const PaymentText& payment : sale.payments) {
    Result<PaymentMethod> method = MethodNamed(payment.method);
    if (!method.ok()) return method.status();
    if (payment.qris_code_sha256 && payment.qris_code_sha256->empty()) return NotCanonical("sale");
    body.sale.payments.push_back(Payment{*method, payment.amount, payment.qris_code_sha256.value_or("")});
  }
  Result<Discount> discount = CheckDiscount(sale);
  if (!discount.ok()) return discount.status();
  body.sale.discount = *discount;

  Result<SaleTotals> totals =
      ComputeTotals(body.sale.lines, body.sale.discount, body.sale.payments);
  if (!totals.ok()) return Status::InvalidArgument("sale body: " + totals.status().message());
  if (!totals->remaining.is_zero() || totals->total != sale.total ||
      totals->subtotal != sale.subtotal || totals->change != sale.change ||
      totals->discount != sale.discount_amount) {
    return Status::InvalidArgument("sale body: totals do not add up");
  }
  body.sale.totals = *totals;
  return body;
}

// ---- the Z report

// Where a Z report member's value goes.
using ZTarget = std::variant<int64_t*, Money*, TimePoint*, std::string*>;
struct ZMember {
  std::string_view name;
  ZTarget target;
};

// The members EncodeZReport writes (its own and AppendFigureMembers'), sorted by name as
// WriteSortedObject writes them.
std::vector<ZMember> ZMembers(ZReport& z) {
  std::vector<ZMember> members = {{"business_day", &z.business_day},
                                  {"counted", &z.counted_cash},
                                  {"day", &z.day_number},
                                  {"expected", &z.expected_cash},
                                  {"float", &z.opening_float},
                                  {"open_seq", &z.open_seq},
                                  {"opened_at_utc_ms", &z.opened_at},
                                  {"over_short", &z.over_short},
                                  {"z", &z.z_number},
                                  {"gross", &z.figures.gross},
                                  {"net", &z.figures.net},
                                  {"sales", &z.figures.sales_count},
                                  {"voids", &z.figures.voids},
                                  {"voids_count", &z.figures.voids_count}};
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    members.push_back({method.name, &z.figures.by_method[method.method]});
  }
  std::sort(members.begin(), members.end(),
            [](const ZMember& a, const ZMember& b) { return a.name < b.name; });
  return members;
}

void ReadZMember(CanonicalJsonReader& in, const ZTarget& target) {
  if (int64_t* const* number = std::get_if<int64_t*>(&target)) {
    **number = in.Int();
  } else if (Money* const* money = std::get_if<Money*>(&target)) {
    **money = Money::Rupiah(in.Int());
  } else if (TimePoint* const* time = std::get_if<TimePoint*>(&target)) {
    **time = TimePoint{std::chrono::milliseconds(in.Int())};
  } else {
    *std::get<std::string*>(target) = in.String();
  }
}

// The Z report, and whether it spelled out a cash move of Rp0 (not canonical: EncodeZReport
// leaves a zero out).
struct ZText {
  ZReport z;
  bool zero_cash_move = false;
};

ZText ReadZReport(CanonicalJsonReader& in) {
  ZText text;
  ZReport& z = text.z;
  in.BeginObject();
  for (const ZMember& member : ZMembers(z)) {
    ReadZMember(in.Key(member.name), member.target);
    if (member.name != "cash") continue;
    // The optional members sort right after "cash" ("cash" < "cash_in" < "cash_out" < "counted").
    for (auto [name, amount] : {std::pair{"cash_in", &z.cash_moves.in}, std::pair{"cash_out", &z.cash_moves.out}}) {
      if (!in.OptionalKey(name)) continue;
      *amount = Money::Rupiah(in.Int());
      text.zero_cash_move = text.zero_cash_move || amount->is_zero();
    }
  }
  in.EndObject();
  return text;
}

}  // namespace

Result<DayOpenBody> DecodeDayOpen(std::string_view text) {
  return ReadWhole("day_open", text, ReadDayOpen);
}

Result<SaleBody> DecodeSale(std::string_view text) {
  Result<SaleText> sale = ReadWhole("sale", text, ReadSale);
  if (!sale.ok()) return sale.status();
  return CheckSale(std::move(sale).value());
}

Result<VoidBody> DecodeVoid(std::string_view text) { return ReadWhole("void", text, ReadVoid); }

Result<CashMoveBody> DecodeCashMove(std::string_view text) {
  Result<CashMoveText> move = ReadWhole("cash_move", text, ReadCashMove);
  if (!move.ok()) return move.status();
  for (CashDirection direction : {CashDirection::kIn, CashDirection::kOut}) {
    if (move->direction != CashDirectionName(direction)) continue;
    move->body.direction = direction;
    return std::move(move->body);
  }
  return Status::InvalidArgument(fmt::format("cash_move body: bad direction '{}'", move->direction));
}

Result<ZReport> DecodeZReport(std::string_view text) {
  Result<ZText> read = ReadWhole("day_close", text, ReadZReport);
  if (!read.ok()) return read.status();
  if (read->zero_cash_move) return NotCanonical("day_close");
  return std::move(read->z);
}

}  // namespace lapak
