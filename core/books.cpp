#include "core/books.h"

#include <cassert>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/canonical_json.h"
#include "core/receipt_number.h"
#include "core/refusal.h"
#include "core/text.h"

namespace lapak {

namespace {

int64_t Millis(TimePoint time) { return time.time_since_epoch().count(); }

bool IsLowercaseUuid(std::string_view uuid) {
  if (uuid.size() != 36) return false;
  for (size_t i = 0; i < uuid.size(); ++i) {
    const char c = uuid[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status CheckAmountRange(Word what, Money amount) {
  if (amount.is_negative() || amount > kMaxSaleTotal) {
    return Refuse(Refusal::kAmountOutOfRange, what, amount, kMaxSaleTotal);
  }
  return Status::Ok();
}

template <typename Body>
Result<Body> DecodeBody(Result<Body> decoded) {
  // A body that does not decode is a bad entry (the decoder's uncoded errors say corruption,
  // which a stored journal would be); a coded refusal (a payment method…) says it already.
  if (!decoded.ok() && decoded.status().refusal() == Refusal::kNone) {
    return Status::InvalidArgument(decoded.status().message());
  }
  return decoded;
}

}  // namespace

Status ValidateVoidReason(std::string_view reason) {
  return ValidateText(Word::kVoidReason, reason, kMaxReasonBytes);
}

Result<BookedSale> BookedSaleOf(const JournalEntry& entry, bool voided) {
  if (entry.kind != EntryKind::kSale) {
    return Refuse(Refusal::kEntryNotASale, entry.seq);
  }
  Result<SaleBody> body = DecodeBody(DecodeSale(entry.body));
  if (!body.ok()) return body.status();
  return BookedSale{entry.seq,  body->day_number,        entry.business_day, body->receipt,
                    entry.time, AmountsOf(body->sale), voided};
}

// ---- the state's text form ------------------------------------------------------------

std::string EncodeBooksState(const BooksState& state) {
  CanonicalJson out;
  out.BeginObject().Key("day").Int(state.last_day_number).Key("hash").String(HexEncode(state.last_hash));
  out.Key("open");
  if (state.open) {
    const OpenSession& open = *state.open;
    std::vector<CanonicalMember> members = {
        {"business_day", std::string_view(open.business_day)},
        {"day", open.day_number},
        {"float", open.opening_float.rupiah()},
        {"open_seq", open.open_seq},
        {"opened_at_utc_ms", Millis(open.opened_at)}};
    AppendFigureMembers(open.figures, members);
    AppendCashMoveMembers(open.cash_moves, members);
    WriteSortedObject(out, std::move(members));
  } else {
    out.Raw("null");
  }
  out.Key("receipt").Int(state.last_receipt_number)
      .Key("receipt_day").String(state.receipt_day)
      .Key("seq").Int(state.last_seq)
      .Key("time_utc_ms").Int(Millis(state.last_time))
      .Key("v").Int(1)
      .Key("z").Int(state.last_z_number)
      .EndObject();
  return out.Take();
}

Result<BooksState> DecodeBooksState(std::string_view text) {
  using nlohmann::json;
  const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto bad = [] { return Status::Corruption("the books' state is not in its form"); };
  if (!parsed.is_object() || parsed.value("v", 0) != 1) return bad();
  try {
    BooksState state;
    state.last_day_number = parsed.at("day").get<int64_t>();
    std::string hash;
    if (!HexDecode(parsed.at("hash").get<std::string>(), hash) || hash.size() != 32) return bad();
    std::memcpy(state.last_hash.data(), hash.data(), 32);
    state.last_receipt_number = parsed.at("receipt").get<int64_t>();
    state.receipt_day = parsed.at("receipt_day").get<std::string>();
    state.last_seq = parsed.at("seq").get<int64_t>();
    state.last_time = TimePoint{std::chrono::milliseconds(parsed.at("time_utc_ms").get<int64_t>())};
    state.last_z_number = parsed.at("z").get<int64_t>();
    if (const json& open = parsed.at("open"); !open.is_null()) {
      const auto money = [&open](std::string_view name) { return Money::Rupiah(open.at(name).get<int64_t>()); };
      OpenSession session;
      session.business_day = open.at("business_day").get<std::string>();
      session.day_number = open.at("day").get<int64_t>();
      session.opening_float = money("float");
      session.open_seq = open.at("open_seq").get<int64_t>();
      session.opened_at = TimePoint{std::chrono::milliseconds(open.at("opened_at_utc_ms").get<int64_t>())};
      session.figures = DayFigures{open.at("sales").get<int64_t>(), open.at("voids_count").get<int64_t>(),
                                   money("gross"), money("voids"), money("net"), {}};
      for (const PaymentMethodInfo& method : kPaymentMethods) {
        session.figures.by_method[method.method] = money(method.name);
      }
      session.cash_moves = CashMoves{Money::Rupiah(open.value("cash_in", int64_t{0})),
                                     Money::Rupiah(open.value("cash_out", int64_t{0}))};
      state.open = std::move(session);
    }
    if (EncodeBooksState(state) != text) return bad();
    return state;
  } catch (const json::exception&) {
    return bad();
  }
}

JournalEntry NextEntry(const BooksState& state, std::string terminal_id, EntryKind kind, TimePoint time,
                       std::string business_day, std::string body) {
  JournalEntry entry;
  entry.terminal_id = std::move(terminal_id);
  entry.seq = state.last_seq + 1;
  entry.uuid = NewUuid(time);
  entry.kind = kind;
  entry.time = time;
  entry.business_day = std::move(business_day);
  entry.body = std::move(body);
  entry.prev_hash = state.last_hash;
  entry.hash = ComputeEntryHash(entry);
  return entry;
}

// ---- the rules ------------------------------------------------------------------------

Books::Books(BooksCalendar calendar, BooksState state, HeldSaleLookup held)
    : calendar_(std::move(calendar)), state_(std::move(state)), held_(std::move(held)) {}

DayOpenBody Books::NextDayOpen(Money opening_float) const {
  return DayOpenBody{state_.last_day_number + 1, opening_float};
}

Result<SaleBody> Books::NextSale(std::string_view business_day, const CompletedSale& sale) const {
  if (!state_.open) return Refuse(Refusal::kNoDayOpen);
  return SaleBody{state_.open->day_number, NextReceipt(business_day), sale};
}

Result<ZReport> Books::ZToClose(Money counted_cash) const {
  if (!state_.open) return Refuse(Refusal::kNoDayOpen);
  LAPAK_RETURN_IF_ERROR(CheckAmountRange(Word::kCountedCash, counted_cash));
  const OpenSession& session = *state_.open;
  ZReport z;
  z.z_number = state_.last_z_number + 1;
  z.day_number = session.day_number;
  z.business_day = session.business_day;
  z.open_seq = session.open_seq;
  z.opened_at = session.opened_at;
  z.opening_float = session.opening_float;
  z.figures = session.figures;
  z.cash_moves = session.cash_moves;
  z.counted_cash = counted_cash;
  LAPAK_RETURN_IF_ERROR(SettleCash(z));
  return z;
}

Result<CashMoveBody> Books::NextCashMove(CashDirection direction, Money amount, std::string reason) const {
  if (!state_.open) return Refuse(Refusal::kNoDayOpen);
  return CashMoveBody{state_.open->day_number, direction, amount, std::move(reason)};
}

Result<Money> Books::ExpectedCashNow() const {
  if (!state_.open) return Refuse(Refusal::kNoDayOpen);
  const OpenSession& session = *state_.open;
  const std::optional<Money> expected = ExpectedCash(session.opening_float, session.figures, session.cash_moves);
  if (!expected) return Refuse(Refusal::kCashFiguresOverflow);
  return *expected;
}

std::string Books::NextReceipt(std::string_view business_day) const {
  const int64_t last = state_.receipt_day == business_day ? state_.last_receipt_number : 0;
  return FormatReceiptNumber(business_day, last + 1);
}

Status Books::CheckChain(const JournalEntry& entry, bool hash_matches) const {
  if (entry.seq != state_.last_seq + 1) {
    return Refuse(Refusal::kExpectedEntry, state_.last_seq + 1);
  }
  if (entry.prev_hash != state_.last_hash) return Refuse(Refusal::kBrokenChain);
  if (!hash_matches) return Refuse(Refusal::kHashMismatch);
  if (!IsLowercaseUuid(entry.uuid)) return Refuse(Refusal::kNotAUuid);
  if (entry.time < kEarliestEntryTime || entry.time > kLatestEntryTime) {
    return Refuse(Refusal::kTimeOutOfRange, Millis(entry.time));
  }
  if (entry.time < state_.last_time) return Refuse(Refusal::kTimeGoesBack);
  return Status::Ok();
}

// A day_open or a sale happens on the business day of its own time, within the window.
Status Books::CheckOwnDay(const JournalEntry& entry) const {
  if (entry.business_day != calendar_.calendar.BusinessDay(entry.time)) {
    return Refuse(Refusal::kBusinessDayNotOfTime);
  }
  if ((calendar_.first_day && entry.business_day < *calendar_.first_day) ||
      (calendar_.last_day && entry.business_day > *calendar_.last_day)) {
    return Refuse(Refusal::kOutsideEventDays, entry.business_day, calendar_.first_day.value_or("…"),
                  calendar_.last_day.value_or("…"));
  }
  return Status::Ok();
}

// A sale, void or day_close acts on the open session: its body names that session and the
// entry carries the session's business day.
Status Books::CheckSessionDay(const JournalEntry& entry, int64_t body_day) const {
  if (!state_.open) return Refuse(Refusal::kNoDayOpen);
  if (body_day != state_.open->day_number) {
    return Refuse(Refusal::kNamesOtherDay, body_day, state_.open->day_number);
  }
  if (entry.business_day != state_.open->business_day) {
    return Refuse(Refusal::kOnOtherDay, entry.business_day, state_.open->business_day);
  }
  return Status::Ok();
}

EntryReadAhead ReadAhead(const JournalEntry& entry) { return ReadAhead(entry, ComputeEntryHash(entry)); }

EntryReadAhead ReadAhead(const JournalEntry& entry, const Sha256Digest& hash_of_bytes) {
  EntryReadAhead ahead{.hash_matches = hash_of_bytes == entry.hash, .sale = std::nullopt};
  if (entry.kind == EntryKind::kSale) ahead.sale = DecodeBody(DecodeSale(entry.body));
  return ahead;
}

Result<Booking> Books::Apply(const JournalEntry& entry) { return Apply(entry, ReadAhead(entry)); }

Result<Booking> Books::Apply(const JournalEntry& entry, const EntryReadAhead& ahead) {
  assert(ahead.sale.has_value() == (entry.kind == EntryKind::kSale));
  LAPAK_RETURN_IF_ERROR(CheckChain(entry, ahead.hash_matches));
  Result<Booking> booking = [&]() -> Result<Booking> {
    switch (entry.kind) {
      case EntryKind::kDayOpen: return ApplyDayOpen(entry);
      case EntryKind::kSale: return ApplySale(entry, *ahead.sale);
      case EntryKind::kVoid: return ApplyVoid(entry);
      case EntryKind::kCashMove: return ApplyCashMove(entry);
      case EntryKind::kDayClose: return ApplyDayClose(entry);
    }
    return Refuse(Refusal::kUnknownEntryKind);
  }();
  if (!booking.ok()) return booking;
  state_.last_seq = entry.seq;
  state_.last_hash = entry.hash;
  state_.last_time = entry.time;
  booking->kind = entry.kind;
  return booking;
}

Result<Booking> Books::ApplyDayOpen(const JournalEntry& entry) {
  Result<DayOpenBody> body = DecodeBody(DecodeDayOpen(entry.body));
  if (!body.ok()) return body.status();
  if (state_.open) {
    return Refuse(Refusal::kDayAlreadyOpen, state_.open->business_day);
  }
  LAPAK_RETURN_IF_ERROR(CheckOwnDay(entry));
  if (body->day_number != state_.last_day_number + 1) {
    return Refuse(Refusal::kDayNumberOutOfOrder, body->day_number, state_.last_day_number);
  }
  LAPAK_RETURN_IF_ERROR(CheckAmountRange(Word::kOpeningFloat, body->opening_float));
  state_.open = OpenSession{body->day_number, entry.business_day, entry.seq, entry.time,
                            body->opening_float, DayFigures(), CashMoves()};
  state_.last_day_number = body->day_number;
  session_sales_.clear();
  Booking booking;
  booking.day_open = *body;
  return booking;
}

Result<Booking> Books::ApplySale(const JournalEntry& entry, const Result<SaleBody>& body) {
  if (!body.ok()) return body.status();
  LAPAK_RETURN_IF_ERROR(CheckOwnDay(entry));
  if (!state_.open) return Refuse(Refusal::kNoDayOpen);
  if (state_.open->business_day != entry.business_day) {
    return Refuse(Refusal::kDayStillOpen, state_.open->business_day, entry.business_day);
  }
  LAPAK_RETURN_IF_ERROR(CheckSessionDay(entry, body->day_number));
  if (body->sale.lines.empty()) return Refuse(Refusal::kSaleWithoutLines);
  const std::string expected_receipt = NextReceipt(entry.business_day);
  if (body->receipt != expected_receipt) {
    const std::optional<ReceiptNumber> number = ParseReceiptNumber(body->receipt);
    const bool reused = number && number->business_day == entry.business_day &&
                        state_.receipt_day == entry.business_day && number->number >= 1 &&
                        number->number <= state_.last_receipt_number;
    if (reused) return Refuse(Refusal::kReceiptUsedTwice);
    return Refuse(Refusal::kReceiptOutOfOrder, body->receipt, expected_receipt);
  }
  const SaleAmounts amounts = AmountsOf(body->sale);
  DayFigures figures = state_.open->figures;
  LAPAK_RETURN_IF_ERROR(figures.Add(amounts, false));

  state_.open->figures = figures;
  state_.receipt_day = entry.business_day;
  state_.last_receipt_number = ParseReceiptNumber(body->receipt)->number;
  BookedSale sale{entry.seq, body->day_number, entry.business_day, body->receipt, entry.time, amounts, false};
  session_sales_[entry.seq] = sale;
  Booking booking;
  booking.sale = std::move(sale);
  return booking;
}

Result<std::optional<BookedSale>> Books::FindSale(int64_t seq) const {
  if (const auto seen = session_sales_.find(seq); seen != session_sales_.end()) {
    return std::optional<BookedSale>(seen->second);
  }
  if (!held_ || seq < 1 || seq > state_.last_seq) return std::optional<BookedSale>();
  return held_(seq);
}

Result<Booking> Books::ApplyVoid(const JournalEntry& entry) {
  Result<VoidBody> body = DecodeBody(DecodeVoid(entry.body));
  if (!body.ok()) return body.status();
  LAPAK_RETURN_IF_ERROR(ValidateVoidReason(body->reason));
  Result<std::optional<BookedSale>> found = FindSale(body->sale_seq);
  if (!found.ok()) return found.status();
  if (!found->has_value() || (*found)->receipt != body->receipt) {
    return Refuse(Refusal::kVoidsUnknownSale);
  }
  BookedSale sale = **found;
  if (!state_.open || sale.day_number != state_.open->day_number) {
    return Refuse(Refusal::kVoidOfClosedDay, sale.receipt);
  }
  LAPAK_RETURN_IF_ERROR(CheckSessionDay(entry, body->day_number));
  if (sale.voided) return Refuse(Refusal::kAlreadyVoided, sale.receipt);
  if (sale.amounts.total != body->total) return Refuse(Refusal::kVoidTotalDiffers);
  DayFigures figures = state_.open->figures;
  LAPAK_RETURN_IF_ERROR(figures.Void(sale.amounts));

  state_.open->figures = figures;
  sale.voided = true;
  session_sales_[sale.seq] = sale;
  Booking booking;
  booking.sale = std::move(sale);
  booking.void_body = std::move(body).value();
  return booking;
}

Result<Booking> Books::ApplyCashMove(const JournalEntry& entry) {
  Result<CashMoveBody> body = DecodeBody(DecodeCashMove(entry.body));
  if (!body.ok()) return body.status();
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kCashMoveReason, body->reason, kMaxReasonBytes));
  LAPAK_RETURN_IF_ERROR(CheckSessionDay(entry, body->day_number));
  if (body->amount <= Money() || body->amount > kMaxSaleTotal) {
    return Refuse(Refusal::kCashMoveAmount, body->amount, kMaxSaleTotal);
  }
  Result<Money> in_drawer = ExpectedCashNow();
  if (!in_drawer.ok()) return in_drawer.status();
  if (body->direction == CashDirection::kOut && body->amount > *in_drawer) {
    return Refuse(Refusal::kCashOutAboveDrawer, body->amount, *in_drawer);
  }
  CashMoves moves = state_.open->cash_moves;
  Money& total = body->direction == CashDirection::kIn ? moves.in : moves.out;
  const std::optional<Money> sum = total.Plus(body->amount);
  if (!sum) return Refuse(Refusal::kCashFiguresOverflow);
  total = *sum;

  state_.open->cash_moves = moves;
  Booking booking;
  booking.cash_move = std::move(body).value();
  return booking;
}

Result<Booking> Books::ApplyDayClose(const JournalEntry& entry) {
  Result<ZReport> z = DecodeBody(DecodeZReport(entry.body));
  if (!z.ok()) return z.status();
  LAPAK_RETURN_IF_ERROR(CheckSessionDay(entry, z->day_number));
  if (z->z_number != state_.last_z_number + 1) {
    return Refuse(Refusal::kZNumberOutOfOrder, z->z_number, state_.last_z_number);
  }
  Result<ZReport> expected = ZToClose(z->counted_cash);
  if (!expected.ok()) return expected.status();
  if (!(*expected == *z)) return Refuse(Refusal::kZFiguresDiffer);

  z->close_seq = entry.seq;
  z->closed_at = entry.time;
  state_.last_z_number = z->z_number;
  state_.open.reset();
  session_sales_.clear();
  Booking booking;
  booking.z = std::move(z).value();
  return booking;
}

}  // namespace lapak
