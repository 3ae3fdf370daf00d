// Which handler answers a request: routes by method and path, each with the most body it
// takes. The server (http_server.h) asks the router before it reads a body, so a route's
// body limit is enforced from the request's headers alone.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/ledger/web/http_message.h"

namespace lapak::ledger {

using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

// Where a handler runs. kWorker: on the server's worker threads (anything that may touch the
// database). kInline: on the thread that read the request, for answers that cost nothing and
// must come even when every worker is busy (the health check).
enum class RunOn { kWorker, kInline };

struct HttpRoute {
  std::string method;
  std::vector<std::string> segments;  // the pattern split at '/'; "{}" matches any one segment
  HttpHandler handler;
  size_t max_body_bytes = 0;
  RunOn run_on = RunOn::kWorker;
};

struct HttpRouteMatch {
  const HttpRoute* route = nullptr;
  std::vector<std::string> path_parts;  // what the {} segments matched
};

class HttpRouter {
 public:
  // `pattern` is a path such as "/dashboard/event/{}/day/{}"; a {} segment matches one
  // non-empty segment of letters, digits, '.', '_' and '-'. A GET route takes no body.
  void Get(std::string_view pattern, HttpHandler handler, RunOn run_on = RunOn::kWorker);
  void Post(std::string_view pattern, size_t max_body_bytes, HttpHandler handler);

  // The route for `method` and `path`; nullopt when none. `path_exists` (optional) tells
  // whether some route has that path under another method (a 405, not a 404).
  std::optional<HttpRouteMatch> Find(std::string_view method, std::string_view path,
                                     bool* path_exists = nullptr) const;

  // A header every answer carries, the server's refusals too, unless its handler set it.
  void AlwaysSet(std::string name, std::string value) { common_headers_.emplace_back(std::move(name), std::move(value)); }
  const HttpFields& common_headers() const { return common_headers_; }

 private:
  void Add(std::string_view method, std::string_view pattern, HttpHandler handler,
           size_t max_body_bytes, RunOn run_on);

  std::vector<HttpRoute> routes_;
  HttpFields common_headers_;
};

}  // namespace lapak::ledger
