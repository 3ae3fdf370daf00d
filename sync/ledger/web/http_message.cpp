#include "sync/ledger/web/http_message.h"

#include <strings.h>

namespace lapak::ledger {

namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

const std::string* Find(const HttpFields& fields, std::string_view name) {
  for (const auto& [field, value] : fields) {
    if (field == name) return &value;
  }
  return nullptr;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

bool HttpRequest::HasParam(std::string_view name) const { return Find(params, name) != nullptr; }

std::string HttpRequest::Param(std::string_view name) const {
  const std::string* value = Find(params, name);
  return value ? *value : std::string();
}

std::string HttpRequest::Header(std::string_view lower_case_name) const {
  const std::string* value = Find(headers, lower_case_name);
  return value ? *value : std::string();
}

void HttpResponse::SetHeader(std::string_view name, std::string value) {
  for (auto& [field, old] : headers) {
    if (EqualsIgnoringCase(field, name)) {
      old = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

bool HttpResponse::HasHeader(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (EqualsIgnoringCase(field, name)) return true;
  }
  return false;
}

void HttpResponse::SetContent(std::string content, std::string_view content_type) {
  body = std::move(content);
  SetHeader("Content-Type", std::string(content_type));
}

HttpFields ParseUrlEncoded(std::string_view text) {
  HttpFields fields;
  while (!text.empty()) {
    const size_t end = std::min(text.find('&'), text.size());
    const std::string_view pair = text.substr(0, end);
    if (!pair.empty()) {
      const size_t equals = pair.find('=');
      if (equals == std::string_view::npos) {
        fields.emplace_back(Decode(pair), "");
      } else {
        fields.emplace_back(Decode(pair.substr(0, equals)), Decode(pair.substr(equals + 1)));
      }
    }
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return fields;
}

std::pair<std::string, HttpFields> SplitTarget(std::string_view target) {
  const size_t question = target.find('?');
  if (question == std::string_view::npos) return {std::string(target), {}};
  return {std::string(target.substr(0, question)), ParseUrlEncoded(target.substr(question + 1))};
}

}  // namespace lapak::ledger
