#include "core/journal.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/canonical_json.h"

namespace lapak {

using nlohmann::json;

std::string_view EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kDayOpen: return "day_open";
    case EntryKind::kSale: return "sale";
    case EntryKind::kVoid: return "void";
    case EntryKind::kDayClose: return "day_close";
  }
  return "?";
}

Result<EntryKind> ParseEntryKind(std::string_view name) {
  for (EntryKind kind : {EntryKind::kDayOpen, EntryKind::kSale, EntryKind::kVoid, EntryKind::kDayClose}) {
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
        .Key("method").String(PaymentMethodName(payment.method))
        .EndObject();
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
  CanonicalJson out;
  WriteSortedObject(out, std::move(members));
  return out.Take();
}

// ---- decoding --------------------------------------------------------------------------

namespace {

// Reads members of a parsed body; the first missing or mistyped member is remembered.
class Reader {
 public:
  explicit Reader(const json& object) : object_(object) {}

  int64_t Int(std::string_view name) {
    const json* member = Find(name);
    if (member == nullptr) return 0;
    if (!member->is_number_integer()) return Fail(name, "is not an integer"), 0;
    return member->get<int64_t>();
  }
  Money Rupiah(std::string_view name) { return Money::Rupiah(Int(name)); }
  std::string Text(std::string_view name) {
    const json* member = Find(name);
    if (member == nullptr) return {};
    if (!member->is_string()) return Fail(name, "is not a string"), std::string();
    return member->get<std::string>();
  }
  const json& Array(std::string_view name) {
    static const json kEmpty = json::array();
    const json* member = Find(name);
    if (member == nullptr) return kEmpty;
    if (!member->is_array()) return Fail(name, "is not an array"), kEmpty;
    return *member;
  }
  const json& Object(std::string_view name) {
    static const json kEmpty = json::object();
    const json* member = Find(name);
    if (member == nullptr) return kEmpty;
    if (!member->is_object()) return Fail(name, "is not an object"), kEmpty;
    return *member;
  }
  void Fail(std::string_view name, std::string_view problem) {
    if (error_.empty()) error_ = fmt::format("member '{}' {}", name, problem);
  }
  void Absorb(const Reader& inner) {
    if (error_.empty()) error_ = inner.error_;
  }
  const std::string& error() const { return error_; }

 private:
  const json* Find(std::string_view name) {
    const auto it = object_.find(name);
    if (it == object_.end()) return Fail(name, "is missing"), nullptr;
    return &*it;
  }
  const json& object_;
  std::string error_;
};

// Parses `body` with nlohmann::json, runs `read` over it, and checks that CanonicalJson
// re-encodes the result to the same bytes, so that two texts can never stand for one entry.
template <typename Body, typename ReadFn, typename EncodeFn>
Result<Body> Decode(std::string_view kind, std::string_view text, ReadFn read, EncodeFn encode) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Status::InvalidArgument(fmt::format("{} body is not a JSON object", kind));
  }
  Reader reader(parsed);
  Result<Body> body = read(reader);
  if (!reader.error().empty()) {
    return Status::InvalidArgument(fmt::format("{} body: {}", kind, reader.error()));
  }
  if (!body.ok()) return body;
  if (encode(*body) != text) {
    return Status::InvalidArgument(fmt::format("{} body is not in canonical form", kind));
  }
  return body;
}

Result<Discount> ReadDiscount(Reader& discount) {
  const std::string kind = discount.Text("kind");
  const int64_t basis_points = discount.Int("basis_points");
  const Money amount = discount.Rupiah("amount");
  if (kind == "none") return Discount::None();
  if (kind == "rupiah") return Discount::Amount(amount);
  if (kind == "percent" && basis_points >= 0 && basis_points <= 10000) {
    return Discount::Percent(static_cast<int32_t>(basis_points));
  }
  return Status::InvalidArgument(fmt::format("sale body: bad discount '{}'", kind));
}

}  // namespace

Result<DayOpenBody> DecodeDayOpen(std::string_view text) {
  return Decode<DayOpenBody>("day_open", text, [](Reader& r) -> Result<DayOpenBody> {
    return DayOpenBody{r.Int("day"), r.Rupiah("float")};
  }, EncodeDayOpen);
}

Result<SaleBody> DecodeSale(std::string_view text) {
  return Decode<SaleBody>("sale", text, [](Reader& r) -> Result<SaleBody> {
    SaleBody body;
    body.day_number = r.Int("day");
    body.receipt = r.Text("receipt");
    for (const json& item : r.Array("lines")) {
      if (!item.is_object()) return Status::InvalidArgument("sale body: a line is not an object");
      Reader line(item);
      body.sale.lines.push_back(SaleLine{line.Text("sku"), line.Text("name"), line.Rupiah("price"),
                                         line.Int("qty"), line.Rupiah("total")});
      r.Absorb(line);
    }
    for (const json& item : r.Array("payments")) {
      if (!item.is_object()) return Status::InvalidArgument("sale body: a payment is not an object");
      Reader payment(item);
      const std::string method_name = payment.Text("method");
      const Money amount = payment.Rupiah("amount");
      r.Absorb(payment);
      if (!r.error().empty()) return body;  // reported by Decode
      Result<PaymentMethod> method = ParsePaymentMethod(method_name);
      if (!method.ok()) return Status::InvalidArgument("sale body: " + method.status().message());
      body.sale.payments.push_back(Payment{*method, amount});
    }
    Reader discount(r.Object("discount"));
    Result<Discount> parsed_discount = ReadDiscount(discount);
    r.Absorb(discount);
    if (!parsed_discount.ok()) return parsed_discount.status();
    body.sale.discount = *parsed_discount;
    if (!r.error().empty()) return body;  // reported by Decode

    Result<SaleTotals> totals = ComputeTotals(body.sale.lines, body.sale.discount, body.sale.payments);
    if (!totals.ok()) return Status::InvalidArgument("sale body: " + totals.status().message());
    if (!totals->remaining.is_zero() || totals->total != r.Rupiah("total") ||
        totals->subtotal != r.Rupiah("subtotal") || totals->change != r.Rupiah("change") ||
        totals->discount != discount.Rupiah("amount")) {
      return Status::InvalidArgument("sale body: totals do not add up");
    }
    body.sale.totals = *totals;
    return body;
  }, EncodeSale);
}

Result<VoidBody> DecodeVoid(std::string_view text) {
  return Decode<VoidBody>("void", text, [](Reader& r) -> Result<VoidBody> {
    return VoidBody{r.Int("day"), r.Int("sale_seq"), r.Text("receipt"), r.Text("reason"),
                    r.Rupiah("total")};
  }, EncodeVoid);
}

Result<ZReport> DecodeZReport(std::string_view text) {
  return Decode<ZReport>("day_close", text, [](Reader& r) -> Result<ZReport> {
    ZReport z;
    z.z_number = r.Int("z");
    z.day_number = r.Int("day");
    z.business_day = r.Text("business_day");
    z.open_seq = r.Int("open_seq");
    z.opened_at = TimePoint{std::chrono::milliseconds(r.Int("opened_at_utc_ms"))};
    z.opening_float = r.Rupiah("float");
    z.figures.sales_count = r.Int("sales");
    z.figures.voids_count = r.Int("voids_count");
    z.figures.gross = r.Rupiah("gross");
    z.figures.voids = r.Rupiah("voids");
    z.figures.net = r.Rupiah("net");
    for (const PaymentMethodInfo& method : kPaymentMethods) {
      z.figures.by_method[method.method] = r.Rupiah(method.name);
    }
    z.expected_cash = r.Rupiah("expected");
    z.counted_cash = r.Rupiah("counted");
    z.over_short = r.Rupiah("over_short");
    return z;
  }, EncodeZReport);
}

}  // namespace lapak
