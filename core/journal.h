// The journal: every durable fact of a terminal, append-only and hash-chained.
//
// Entry (stored, and later sent to the ledger):
//   terminal_id, seq (1, 2, 3 … gapless per terminal), uuid, kind, time (UTC, ms),
//   business_day, body, prev_hash, hash
//
// Canonical bytes, version 1 — the exact bytes that are hashed:
//   canonical := JSON object with exactly these members, in this order (sorted by name):
//     {"body":BODY,"business_day":"YYYY-MM-DD","kind":KIND,"seq":N,"terminal":"ID",
//      "time_utc_ms":N,"uuid":"UUID","v":1}
//   KIND := "day_open" | "sale" | "void" | "cash_move" | "day_close"
//   BODY := the kind's body object below, itself canonical.
//   JSON as written here: no whitespace outside strings; object members sorted by name in
//   byte order; numbers are int64 integers in decimal with no leading zeros and no "-0";
//   strings are well-formed UTF-8 with '"' and '\' escaped, \b \f \n \r \t in short form and
//   other bytes below 0x20 as \u00xx (lower-case hex); nothing else is escaped.
//   hash      := SHA-256(prev_hash ‖ canonical)     (32 raw bytes each)
//   prev_hash := the previous entry's hash; 32 zero bytes before entry 1.
//
// Bodies (money in whole rupiah):
//   day_open  := {"day":N,"float":M}
//   sale      := {"change":M,"day":N,"discount":{"amount":M,"basis_points":N,"kind":K},
//                 "lines":[{"name":S,"price":M,"qty":N,"sku":S,"total":M}…],
//                 "payments":[{"amount":M,"method":METHOD[,"qris_code_sha256":H]}…],
//                 "receipt":"YYYYMMDD-NNNN","subtotal":M,"total":M}
//                 K := "none" | "rupiah" | "percent"
//   void      := {"day":N,"reason":S,"receipt":S,"sale_seq":N,"total":M}
//   cash_move := {"amount":M,"day":N,"direction":"in"|"out","reason":S}
//                 cash put into the drawer ("in", kas masuk) or taken out of it ("out", kas
//                 keluar) during the open session, not a sale; amount ≥ Rp1
//   day_close := {"business_day":D,"cash":M,["cash_in":M,]["cash_out":M,]"counted":M,"day":N,
//                 "expected":M,"float":M,"gross":M,"net":M,"open_seq":N,"opened_at_utc_ms":N,
//                 "over_short":M,"qris":M,"sales":N,"transfer":M,"voids":M,"voids_count":N,
//                 "z":N}
//                 (the Z report; its close_seq and closed_at are the entry's own seq and time)
//                 cash_in and cash_out sum the session's cash moves and are written only when
//                 not zero (a Z of a session without cash moves, as every Z before them, has
//                 neither; a zero written out is not canonical)
//   H         := for a QRIS payment made through the dynamic code the terminal showed, that
//                 code's SHA-256 in 64 lower-case hex digits (core/qris.h QrisCodeHash); left
//                 out for one the vendor confirmed by hand, as for every payment before it
//   METHOD    := a payment method's name (core/payment_method.h): "cash" | "qris" | "transfer".
//   A Z report holds one member per payment method, named after it, with the net amount it
//   brought in (DayFigures::by_method); members are sorted by name like any other.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/day_figures.h"
#include "core/sale.h"
#include "core/status.h"

namespace lapak {

inline constexpr int kCanonicalVersion = 1;

enum class EntryKind { kDayOpen, kSale, kVoid, kCashMove, kDayClose };
std::string_view EntryKindName(EntryKind kind);
[[nodiscard]] Result<EntryKind> ParseEntryKind(std::string_view name);

struct JournalEntry {
  std::string terminal_id;
  int64_t seq = 0;
  std::string uuid;
  EntryKind kind = EntryKind::kSale;
  TimePoint time;
  std::string business_day;
  std::string body;  // canonical JSON of the kind's body
  Sha256Digest prev_hash{};
  Sha256Digest hash{};
  bool operator==(const JournalEntry&) const = default;
};

std::string CanonicalBytes(const JournalEntry& entry);
// SHA-256(entry.prev_hash ‖ CanonicalBytes(entry)).
Sha256Digest ComputeEntryHash(const JournalEntry& entry);

struct DayOpenBody {
  int64_t day_number = 0;
  Money opening_float;
  bool operator==(const DayOpenBody&) const = default;
};

struct SaleBody {
  int64_t day_number = 0;
  std::string receipt;
  CompletedSale sale;
  bool operator==(const SaleBody&) const = default;
};

struct VoidBody {
  int64_t day_number = 0;
  int64_t sale_seq = 0;
  std::string receipt;
  std::string reason;
  Money total;
  bool operator==(const VoidBody&) const = default;
};

enum class CashDirection { kIn, kOut };
std::string_view CashDirectionName(CashDirection direction);  // "in", "out"

struct CashMoveBody {
  int64_t day_number = 0;
  CashDirection direction = CashDirection::kIn;
  Money amount;
  std::string reason;
  bool operator==(const CashMoveBody&) const = default;
};

std::string EncodeDayOpen(const DayOpenBody& body);
std::string EncodeSale(const SaleBody& body);
std::string EncodeVoid(const VoidBody& body);
std::string EncodeCashMove(const CashMoveBody& body);
std::string EncodeZReport(const ZReport& report);

// Decoders accept only canonical bodies of version 1 with every field present and every
// sale rule (ComputeTotals) holding: a body they accept is, byte for byte, what the encoder
// writes for the value they return. They read the text in one pass, with no document tree
// (core/canonical_json_reader.h). The message says what is wrong: "sale body is not a JSON
// object", "sale body: member 'qty' is missing" (or "is not an integer", …), "sale body is
// not in canonical form", or the sale rule that does not hold.
[[nodiscard]] Result<DayOpenBody> DecodeDayOpen(std::string_view body);
[[nodiscard]] Result<SaleBody> DecodeSale(std::string_view body);
[[nodiscard]] Result<VoidBody> DecodeVoid(std::string_view body);
[[nodiscard]] Result<CashMoveBody> DecodeCashMove(std::string_view body);
[[nodiscard]] Result<ZReport> DecodeZReport(std::string_view body);

// What a recorded sale contributes to the day's figures, by method.
SaleAmounts AmountsOf(const CompletedSale& sale);

// ---- objects with a member per payment method (the Z report, the books' state) ----------
// CanonicalJson takes members in name order, and the methods' names fall among the others:
// such an object is gathered as a list of members first and written sorted.

class CanonicalJson;

struct CanonicalMember {
  std::string_view name;
  std::variant<int64_t, std::string_view> value;  // an integer or a string
};

// Appends a day's figures as members: "gross", "net", "sales" (the count), "voids",
// "voids_count" and each payment method's amount under its name.
void AppendFigureMembers(const DayFigures& figures, std::vector<CanonicalMember>& members);

// Appends a session's cash moves as "cash_in" and "cash_out", each only when not zero.
void AppendCashMoveMembers(const CashMoves& moves, std::vector<CanonicalMember>& members);

// Writes {members…} sorted by name.
void WriteSortedObject(CanonicalJson& out, std::vector<CanonicalMember> members);

}  // namespace lapak
