// A request as the ledger's routes see it and the answer they give: plain structs, free of
// any HTTP library. http_server.cpp reads a request into HttpRequest (within its limits) and
// writes HttpResponse back; http_router.h picks the route.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lapak::ledger {

using HttpFields = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET", "POST", …
  std::string path;    // the target up to '?', as sent
  HttpFields params;   // the query, then an application/x-www-form-urlencoded body; decoded
  HttpFields headers;  // names in lower case
  std::vector<std::string> path_parts;  // what the route's {} segments matched, in order
  std::string body;
  std::string peer;  // the client's IP address

  bool HasParam(std::string_view name) const;
  // The first value of `name`, or "".
  std::string Param(std::string_view name) const;
  // The first value of header `lower_case_name`, or "".
  std::string Header(std::string_view lower_case_name) const;
};

struct HttpResponse {
  int status = 200;
  HttpFields headers;  // Content-Length and Connection are the server's
  std::string body;

  // Replaces header `name` if present (names compare without case).
  void SetHeader(std::string_view name, std::string value);
  bool HasHeader(std::string_view name) const;
  void SetContent(std::string content, std::string_view content_type);
};

// "a=1&b=x%20y+z" → {{"a","1"},{"b","x y z"}}: percent escapes decoded, '+' a space. A
// malformed escape is kept as it is.
HttpFields ParseUrlEncoded(std::string_view text);

// Splits a request target into its path and decoded query parameters.
std::pair<std::string, HttpFields> SplitTarget(std::string_view target);

}  // namespace lapak::ledger
