#include "core/qris.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/crypto.h"
#include "core/refusal.h"

namespace lapak {

namespace {

constexpr std::string_view kQrisGuid = "ID.CO.QRIS.WWW";
constexpr std::string_view kCrcField = "6304";

struct Field {
  std::string_view id;
  std::string_view value;
};

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool InTemplateRange(std::string_view id) { return id >= "26" && id <= "51"; }

// The fields of `text`, which starts at byte `offset` of the payload; on a byte that breaks
// the grammar, QrisUnreadableAt with its 1-based position in the payload. `other_language`:
// inside tag 64, where bytes >= 0x80 (UTF-8) are allowed.
Result<std::vector<Field>> ReadFields(std::string_view text, size_t offset, bool other_language) {
  std::vector<Field> fields;
  size_t at = 0;
  while (at < text.size()) {
    const size_t start = at;
    if (text.size() - at < 4 || !AllDigits(text.substr(at, 4))) return Refuse(Refusal::kQrisUnreadableAt, offset + start + 1);
    const std::string_view id = text.substr(at, 2);
    const size_t length = static_cast<size_t>((text[at + 2] - '0') * 10 + (text[at + 3] - '0'));
    at += 4;
    if (length == 0 || text.size() - at < length) return Refuse(Refusal::kQrisUnreadableAt, offset + start + 1);
    const std::string_view value = text.substr(at, length);
    const bool may_be_utf8 = other_language || id == "64";
    for (size_t i = 0; i < value.size(); ++i) {
      const auto byte = static_cast<unsigned char>(value[i]);
      if (byte < 0x20 || byte == 0x7F || (byte >= 0x80 && !may_be_utf8)) {
        return Refuse(Refusal::kQrisUnreadableAt, offset + at + i + 1);
      }
    }
    fields.push_back({id, value});
    at += length;
  }
  return fields;
}

std::string CrcText(uint16_t crc) { return fmt::format("{:04X}", crc); }

void AppendField(std::string& out, std::string_view id, std::string_view value) {
  out += fmt::format("{}{:02}{}", id, value.size(), value);
}

// The NMID in a merchant-account template (tags 26-51) whose 00 is ID.CO.QRIS.WWW; empty when
// `value` is not such a template.
std::string QrisNmid(std::string_view value, size_t offset) {
  Result<std::vector<Field>> inner = ReadFields(value, offset, false);
  if (!inner.ok()) return "";
  const auto find = [&inner](std::string_view id) -> std::optional<std::string_view> {
    for (const Field& field : *inner) {
      if (field.id == id) return field.value;
    }
    return std::nullopt;
  };
  const std::optional<std::string_view> guid = find("00");
  const std::optional<std::string_view> nmid = find("02");
  if (!guid || *guid != kQrisGuid || !nmid || nmid->size() < 12 || !nmid->starts_with("ID") ||
      !AllDigits(nmid->substr(2))) {
    return "";
  }
  return std::string(*nmid);
}

}  // namespace

std::string QrisCodeHash(std::string_view dynamic_payload) { return HexEncode(Sha256(dynamic_payload)); }

uint16_t QrisCrc(std::string_view data) {
  uint16_t crc = 0xFFFF;
  for (const char c : data) {
    crc ^= static_cast<uint16_t>(static_cast<unsigned char>(c) << 8);
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 0x8000) != 0 ? static_cast<uint16_t>((crc << 1) ^ 0x1021) : static_cast<uint16_t>(crc << 1);
    }
  }
  return crc;
}

Result<StaticQris> StaticQris::Parse(std::string_view payload) {
  const size_t first = payload.find_first_not_of(" \t\r\n");
  payload = first == std::string_view::npos ? std::string_view() : payload.substr(first);
  payload = payload.substr(0, payload.find_last_not_of(" \t\r\n") + 1);
  if (payload.size() > kMaxQrisBytes) return Refuse(Refusal::kQrisTooLong, kMaxQrisBytes);
  Result<std::vector<Field>> fields = ReadFields(payload, 0, false);
  if (!fields.ok()) return fields.status();
  const auto holds = [&fields](std::string_view id) {
    return std::any_of(fields->begin(), fields->end(), [id](const Field& field) { return field.id == id; });
  };
  if (fields->empty() || fields->front().id != "00") {
    return holds("00") ? Refuse(Refusal::kQrisFieldOrder, "00", Word::kQrisFirst)
                       : Refuse(Refusal::kQrisFieldMissing, "00", Word::kQrisFormat);
  }
  if (fields->front().value != "01") return Refuse(Refusal::kQrisFieldValue, "00", "01", fields->front().value);
  // The CRC: the last field, over every byte before its value.
  if (fields->back().id != "63") {
    return holds("63") ? Refuse(Refusal::kQrisFieldOrder, "63", Word::kQrisLast)
                       : Refuse(Refusal::kQrisFieldMissing, "63", Word::kQrisCrc);
  }
  const std::string_view crc = fields->back().value;
  const bool crc_form = crc.size() == 4 && std::all_of(crc.begin(), crc.end(), [](char c) {
                          return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
                        });
  if (!crc_form) return Refuse(Refusal::kQrisFieldValue, "63", Word::kQrisFourHex, crc);
  const std::string expected = CrcText(QrisCrc(payload.substr(0, payload.size() - 4)));
  if (crc != expected) return Refuse(Refusal::kQrisCrcMismatch, crc, expected);

  StaticQris code;
  code.payload_ = std::string(payload);
  size_t offset = 0;
  for (const Field& field : *fields) {
    const size_t value_offset = offset + 4;
    offset = value_offset + field.value.size();
    if (field.id == "63") continue;
    if (!code.fields_.emplace(field.id, field.value).second) return Refuse(Refusal::kQrisFieldTwice, field.id);
    if (InTemplateRange(field.id) && code.nmid_.empty()) code.nmid_ = QrisNmid(field.value, value_offset);
  }
  const auto value_of = [&code](const char* id) -> std::optional<std::string_view> {
    const auto it = code.fields_.find(id);
    if (it == code.fields_.end()) return std::nullopt;
    return it->second;
  };
  const std::optional<std::string_view> method = value_of("01");
  if (!method) return Refuse(Refusal::kQrisFieldMissing, "01", Word::kQrisMethod);
  if (*method == "12") return Refuse(Refusal::kQrisNotStatic);
  if (*method != "11") return Refuse(Refusal::kQrisFieldValue, "01", "11", *method);
  if (code.nmid_.empty()) return Refuse(Refusal::kQrisNoMerchantBlock);
  const std::optional<std::string_view> category = value_of("52");
  if (!category) return Refuse(Refusal::kQrisFieldMissing, "52", Word::kQrisCategory);
  if (category->size() != 4 || !AllDigits(*category)) return Refuse(Refusal::kQrisFieldValue, "52", Word::kQrisFourDigits, *category);
  const std::optional<std::string_view> currency = value_of("53");
  if (!currency) return Refuse(Refusal::kQrisFieldMissing, "53", Word::kQrisCurrency);
  if (*currency != "360") return Refuse(Refusal::kQrisFieldValue, "53", "360", *currency);
  const std::optional<std::string_view> country = value_of("58");
  if (!country) return Refuse(Refusal::kQrisFieldMissing, "58", Word::kQrisCountry);
  if (*country != "ID") return Refuse(Refusal::kQrisFieldValue, "58", "ID", *country);
  for (const auto& [id, word] : {std::pair{"59", Word::kQrisMerchantName}, std::pair{"60", Word::kQrisMerchantCity}}) {
    const std::optional<std::string_view> text = value_of(id);
    if (!text) return Refuse(Refusal::kQrisFieldMissing, id, word);
    if (text->find_first_not_of(' ') == std::string_view::npos) return Refuse(Refusal::kQrisFieldValue, id, Word::kQrisNotEmpty, *text);
  }
  return code;
}

Status CheckQrisFee(Money fee) {
  if (fee < Money::Rupiah(1) || fee > kMaxQrisFee) return Refuse(Refusal::kQrisFeeOutOfRange, fee, kMaxQrisFee);
  return Status::Ok();
}

Result<std::string> StaticQris::ForPayment(Money amount, std::optional<Money> convenience_fee) const {
  if (amount < Money::Rupiah(1) || amount > kMaxQrisPayment) {
    return Refuse(Refusal::kQrisAmountOutOfRange, amount, kMaxQrisPayment);
  }
  if (convenience_fee) LAPAK_RETURN_IF_ERROR(CheckQrisFee(*convenience_fee));
  std::map<std::string, std::string> fields = fields_;
  fields["01"] = "12";
  fields["54"] = std::to_string(amount.rupiah());
  fields.erase("55");
  fields.erase("56");
  fields.erase("57");
  if (convenience_fee) {
    fields["55"] = "02";  // a fixed convenience fee, in 56
    fields["56"] = std::to_string(convenience_fee->rupiah());
  }
  std::string out;
  for (const auto& [id, value] : fields) AppendField(out, id, value);  // std::map: in the order of the ids
  out += kCrcField;
  out += CrcText(QrisCrc(out));
  return out;
}

}  // namespace lapak
