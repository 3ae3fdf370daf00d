#include "sync/ledger/web/http_router.h"

#include <algorithm>

namespace lapak::ledger {

namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  size_t at = path.starts_with('/') ? 1 : 0;
  while (at <= path.size()) {
    const size_t end = std::min(path.find('/', at), path.size());
    segments.emplace_back(path.substr(at, end - at));
    at = end + 1;
  }
  return segments;
}

bool IsIdSegment(std::string_view segment) {
  return !segment.empty() && std::all_of(segment.begin(), segment.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

// The {} captures if `segments` match `pattern`.
std::optional<std::vector<std::string>> Match(const std::vector<std::string>& pattern,
                                              const std::vector<std::string>& segments) {
  if (pattern.size() != segments.size()) return std::nullopt;
  std::vector<std::string> parts;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == "{}") {
      if (!IsIdSegment(segments[i])) return std::nullopt;
      parts.push_back(segments[i]);
    } else if (pattern[i] != segments[i]) {
      return std::nullopt;
    }
  }
  return parts;
}

}  // namespace

void HttpRouter::Get(std::string_view pattern, HttpHandler handler, RunOn run_on) {
  Add("GET", pattern, std::move(handler), 0, run_on);
}

void HttpRouter::Post(std::string_view pattern, size_t max_body_bytes, HttpHandler handler) {
  Add("POST", pattern, std::move(handler), max_body_bytes, RunOn::kWorker);
}

void HttpRouter::Add(std::string_view method, std::string_view pattern, HttpHandler handler,
                     size_t max_body_bytes, RunOn run_on) {
  routes_.push_back(HttpRoute{std::string(method), SplitPath(pattern), std::move(handler),
                              max_body_bytes, run_on});
}

std::optional<HttpRouteMatch> HttpRouter::Find(std::string_view method, std::string_view path,
                                               bool* path_exists) const {
  const std::vector<std::string> segments = SplitPath(path);
  if (path_exists != nullptr) *path_exists = false;
  for (const HttpRoute& route : routes_) {
    std::optional<std::vector<std::string>> parts = Match(route.segments, segments);
    if (!parts) continue;
    if (route.method == method) return HttpRouteMatch{&route, std::move(*parts)};
    if (path_exists != nullptr) *path_exists = true;
  }
  return std::nullopt;
}

}  // namespace lapak::ledger
