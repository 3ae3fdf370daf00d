#include "app/cli/sale_line.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>

#include "core/refusal.h"

namespace lapak::cli {

namespace {

using nlohmann::json;

std::string MemberPath(const std::string& object_path, const char* member) {
  return object_path.empty() ? member : object_path + "." + member;
}

// Every member of `object` must be one of `known`: a misspelt member ("qyt") is refused rather
// than left out of the sale.
Status OnlyKnownMembers(const json& object, const std::string& path, std::initializer_list<const char*> known) {
  for (const auto& [name, value] : object.items()) {
    bool is_known = false;
    for (const char* member : known) is_known = is_known || name == member;
    if (is_known) continue;
    std::string list;
    for (const char* member : known) list += (list.empty() ? "" : ", ") + std::string(member);
    return Refuse(Refusal::kSaleLineUnknownMember, MemberPath(path, name.c_str()), list);
  }
  return Status::Ok();
}

// The member `name` of `object`, or nullptr when it was left out.
const json* Member(const json& object, const char* name) {
  const auto found = object.find(name);
  return found == object.end() ? nullptr : &*found;
}

Result<const json*> RequiredMember(const json& object, const std::string& path, const char* name) {
  const json* value = Member(object, name);
  if (value == nullptr) return Refuse(Refusal::kSaleLineMissingMember, MemberPath(path, name));
  return value;
}

Result<std::string> Text(const json& value, const std::string& path) {
  if (!value.is_string()) return Refuse(Refusal::kSaleLineMemberType, path, Word::kJsonText);
  return value.get<std::string>();
}

// A scalar that the flags would take as text: a JSON string as it is, a JSON integer as its
// digits. A fraction is refused here rather than read as a grouped amount.
Result<std::string> ScalarText(const json& value, const std::string& path, Word expected) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  return Refuse(Refusal::kSaleLineMemberType, path, expected);
}

Result<Money> Amount(const json& value, const std::string& path) {
  Result<std::string> text = ScalarText(value, path, Word::kJsonAmount);
  if (!text.ok()) return text.status();
  return ParseMoney(*text);
}

// Calls `read(element, path)` for each object in the list `sale[name]`, if there is one.
template <typename ReadElement>
Status ForEachObjectIn(const json& sale, const char* name, ReadElement read) {
  const json* list = Member(sale, name);
  if (list == nullptr) return Status::Ok();
  if (!list->is_array()) return Refuse(Refusal::kSaleLineMemberType, name, Word::kJsonList);
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string path = std::string(name) + "[" + std::to_string(i) + "]";
    const json& element = (*list)[i];
    if (!element.is_object()) return Refuse(Refusal::kSaleLineMemberType, path, Word::kJsonObject);
    LAPAK_RETURN_IF_ERROR(read(element, path));
  }
  return Status::Ok();
}

Status ReadItem(const json& item, const std::string& path, SaleRequest& request) {
  LAPAK_RETURN_IF_ERROR(OnlyKnownMembers(item, path, {"sku", "qty"}));
  Result<const json*> sku = RequiredMember(item, path, "sku");
  if (!sku.ok()) return sku.status();
  Result<std::string> sku_text = Text(**sku, MemberPath(path, "sku"));
  if (!sku_text.ok()) return sku_text.status();
  SaleRequest::Item wanted{*sku_text, 1};
  if (const json* quantity = Member(item, "qty")) {
    Result<std::string> text = ScalarText(*quantity, MemberPath(path, "qty"), Word::kJsonQuantity);
    if (!text.ok()) return text.status();
    Result<int64_t> parsed = ParseQuantity(*text);
    if (!parsed.ok()) return parsed.status();
    wanted.quantity = *parsed;
  }
  request.items.push_back(std::move(wanted));
  return Status::Ok();
}

Status ReadCustom(const json& custom, const std::string& path, SaleRequest& request) {
  LAPAK_RETURN_IF_ERROR(OnlyKnownMembers(custom, path, {"amount", "name"}));
  Result<const json*> amount_member = RequiredMember(custom, path, "amount");
  if (!amount_member.ok()) return amount_member.status();
  Result<Money> amount = Amount(**amount_member, MemberPath(path, "amount"));
  if (!amount.ok()) return amount.status();
  SaleRequest::Custom wanted{*amount, ""};
  if (const json* name = Member(custom, "name")) {
    Result<std::string> text = Text(*name, MemberPath(path, "name"));
    if (!text.ok()) return text.status();
    wanted.name = *text;
  }
  request.customs.push_back(std::move(wanted));
  return Status::Ok();
}

Status ReadDiscount(const json& sale, SaleRequest& request) {
  const json* discount = Member(sale, "discount");
  if (discount == nullptr) return Status::Ok();
  Result<std::string> text = ScalarText(*discount, "discount", Word::kJsonDiscount);
  if (!text.ok()) return text.status();
  Result<Discount> parsed = ParseDiscount(*text);
  if (!parsed.ok()) return parsed.status();
  request.discount = *parsed;
  return Status::Ok();
}

Status ReadPayment(const json& payment, const std::string& path, SaleRequest& request) {
  LAPAK_RETURN_IF_ERROR(OnlyKnownMembers(payment, path, {"method", "amount"}));
  Result<const json*> method_member = RequiredMember(payment, path, "method");
  if (!method_member.ok()) return method_member.status();
  Result<std::string> method_name = Text(**method_member, MemberPath(path, "method"));
  if (!method_name.ok()) return method_name.status();
  Result<PaymentMethod> method = ParsePaymentMethod(*method_name);
  if (!method.ok()) return method.status();
  SaleRequest::Pay wanted{*method, std::nullopt};
  if (const json* amount_member = Member(payment, "amount")) {
    Result<Money> amount = Amount(*amount_member, MemberPath(path, "amount"));
    if (!amount.ok()) return amount.status();
    wanted.amount = *amount;
  }
  request.payments.push_back(wanted);
  return Status::Ok();
}

Result<json> ParseJson(std::string_view line) {
  try {
    return json::parse(line);
  } catch (const json::parse_error& error) {
    return Refuse(Refusal::kSaleLineNotJson, error.byte);
  }
}

}  // namespace

Result<SaleRequest> ParseSaleLine(std::string_view line) {
  Result<json> sale = ParseJson(line);
  if (!sale.ok()) return sale.status();
  if (!sale->is_object()) return Refuse(Refusal::kSaleLineNotAnObject);
  LAPAK_RETURN_IF_ERROR(OnlyKnownMembers(*sale, "", {"items", "custom", "discount", "pay"}));
  if (Member(*sale, "pay") == nullptr) return Refuse(Refusal::kSaleLineMissingMember, "pay");
  SaleRequest request;
  LAPAK_RETURN_IF_ERROR(ForEachObjectIn(*sale, "items", [&](const json& item, const std::string& path) {
    return ReadItem(item, path, request);
  }));
  LAPAK_RETURN_IF_ERROR(ForEachObjectIn(*sale, "custom", [&](const json& custom, const std::string& path) {
    return ReadCustom(custom, path, request);
  }));
  LAPAK_RETURN_IF_ERROR(ReadDiscount(*sale, request));
  LAPAK_RETURN_IF_ERROR(ForEachObjectIn(*sale, "pay", [&](const json& payment, const std::string& path) {
    return ReadPayment(payment, path, request);
  }));
  return request;
}

}  // namespace lapak::cli
