// QRIS, Indonesia's national QR code for payments (Bank Indonesia and ASPI, on the EMVCo QR
// Code Specification for Payment Systems, Merchant-Presented Mode): the stall's static code,
// checked when the owner gives it, and the dynamic code with the amount that the terminal
// shows for each QRIS payment, so that the customer never types the amount.
//
// Grammar (EMVCo MPM 4.1 and QRIS), every length in bytes:
//   payload := field+                            at most kMaxQrisBytes
//   field   := id length value                   id: 2 digits; length: 2 digits, 01-99
//   value   := printable ASCII (0x20-0x7E)       bytes >= 0x80 only in tag 64 (another language)
//   a template (tags 26-51 merchant accounts, 62 additional data, 64 language, 80-99) holds
//   fields of the same grammar in its value.
// Rules checked on a static code (StaticQris::Parse):
//   00 first, "01" (payload format); 01 "11" (static; a "12" is a one-payment code, refused);
//   one merchant-account template (26-51) whose sub-field 00 is "ID.CO.QRIS.WWW" and whose
//   02 is the merchant's NMID ("ID" then digits); 52 four digits (the category code);
//   53 "360" (rupiah); 58 "ID"; 59 the merchant's name and 60 its city, not empty; no id
//   twice; 63 last, "6304" then the CRC as 4 upper-case hex digits.
// CRC: CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final xor),
//   over every byte before the CRC's 4 digits, "6304" included; the same as Python's
//   binascii.crc_hqx(data, 0xFFFF). A CRC below 0x1000 keeps its leading zeros ("0A3F").
// The dynamic code (StaticQris::ForPayment): the static fields with 01 = "12", 54 = the amount
//   in whole rupiah digits ("20000", never "Rp20.000" or "20.000"), 55-57 (tip or convenience
//   fee) dropped unless a fixed fee is given (55 = "02", 56 = the fee), fields in the order of
//   their ids, 63 last with its CRC computed anew.
// A QRIS payment is at most kMaxQrisPayment (Bank Indonesia's limit per transaction).
//
// References: EMVCo, "EMV QR Code Specification for Payment Systems (EMV QRCPS) Merchant-
// Presented Mode", v1.1; Bank Indonesia, PADG 21/18/PADG/2019 (QRIS) and its 2023 limit of
// Rp10.000.000 per transaction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/status.h"

namespace lapak {

inline constexpr size_t kMaxQrisBytes = 512;
inline constexpr Money kMaxQrisPayment = Money::Rupiah(10'000'000);
// A fixed convenience fee the owner may add to each QRIS payment (tags 55 = "02" and 56), paid
// by the customer on top of the sale: Rp1 to kMaxQrisFee. It is not the stall's turnover (it
// covers what the acquirer takes), so the books keep the sale's amount only.
inline constexpr Money kMaxQrisFee = Money::Rupiah(10'000);

// Ok for a fee within the bound above; else QrisFeeOutOfRange.
[[nodiscard]] Status CheckQrisFee(Money fee);

// CRC-16/CCITT-FALSE of `data` (see above).
uint16_t QrisCrc(std::string_view data);

// What the journal keeps of a dynamic code shown for a payment (core/sale.h): its SHA-256
// over the payload's bytes, in 64 lower-case hex digits.
std::string QrisCodeHash(std::string_view dynamic_payload);

class StaticQris {
 public:
  // The stall's static code, as pasted, typed or read from its sticker (surrounding
  // whitespace ignored); refused with what is wrong, in words a vendor can act on.
  [[nodiscard]] static Result<StaticQris> Parse(std::string_view payload);

  // The code as given, without surrounding whitespace.
  const std::string& payload() const { return payload_; }
  const std::string& merchant_name() const { return fields_.at("59"); }
  const std::string& merchant_city() const { return fields_.at("60"); }
  const std::string& nmid() const { return nmid_; }

  // The dynamic code for one payment of `amount` (Rp1..kMaxQrisPayment), with a fixed
  // convenience fee when the owner set one (CheckQrisFee).
  [[nodiscard]] Result<std::string> ForPayment(Money amount, std::optional<Money> convenience_fee = {}) const;

 private:
  std::string payload_;
  std::map<std::string, std::string> fields_;  // by id, the CRC's 63 left out
  std::string nmid_;
};

}  // namespace lapak
