#include "sync/ledger/web/http_server.h"

#include <sys/resource.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/refusal.h"

namespace lapak::ledger {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using ErrorCode = boost::system::error_code;

// What a plain-HTTP client over a connection cap is told before the connection closes: a
// 503 with the router's common headers, like every other answer.
std::string BusyAnswer(const HttpRouter& router) {
  std::string answer = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n";
  for (const auto& [name, value] : router.common_headers()) answer += fmt::format("{}: {}\r\n", name, value);
  return answer + "Connection: close\r\n\r\n";
}
// Bodies are read in pieces of at most this much.
constexpr size_t kReadPieceBytes = 16 * 1024;
// How long a closing TLS connection may take to say goodbye.
constexpr std::chrono::seconds kTlsShutdownTimeout{5};

// Open connections, in total and per address.
class Admission {
 public:
  Admission(size_t max_total, size_t max_per_address) : max_total_(max_total), max_per_address_(max_per_address) {}

  void set_max_total(size_t max_total) { max_total_ = max_total; }

  // False when either cap is reached; otherwise the connection counts until Leave().
  bool Enter(const std::string& address) {
    std::lock_guard lock(mutex_);
    size_t& from_address = per_address_[address];
    if (total_ >= max_total_ || from_address >= max_per_address_) {
      if (from_address == 0) per_address_.erase(address);
      return false;
    }
    ++total_;
    ++from_address;
    return true;
  }

  void Leave(const std::string& address) {
    std::lock_guard lock(mutex_);
    --total_;
    if (--per_address_[address] == 0) per_address_.erase(address);
  }

 private:
  std::mutex mutex_;
  size_t max_total_;
  const size_t max_per_address_;
  size_t total_ = 0;
  std::unordered_map<std::string, size_t> per_address_;
};

// Body bytes being read or handled, across all connections.
class BodyBudget {
 public:
  explicit BodyBudget(size_t capacity) : capacity_(capacity) {}

  bool Reserve(size_t bytes) {
    size_t used = used_.load();
    do {
      if (bytes > capacity_ - used) return false;
    } while (!used_.compare_exchange_weak(used, used + bytes));
    return true;
  }
  void Release(size_t bytes) { used_ -= bytes; }

 private:
  const size_t capacity_;
  std::atomic<size_t> used_{0};
};

// Raises the soft limit on open files to the hard one; returns the soft limit now in force.
size_t RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur == RLIM_INFINITY ? SIZE_MAX : static_cast<size_t>(limit.rlim_cur);
}

std::string_view View(beast::string_view text) { return {text.data(), text.size()}; }

std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool IsFormBody(const HttpRequest& request) {
  return request.method == "POST" &&
         request.Header("content-type").starts_with("application/x-www-form-urlencoded");
}

}  // namespace

struct HttpServer::Impl {
  Impl(const HttpRouter& routes, HttpRefusalAnswer answer_refusal, const HttpLimits& bounds)
      : router(routes),
        refusal_answer(std::move(answer_refusal)),
        limits(bounds),
        admission(bounds.max_connections, bounds.max_connections_per_address),
        budget(bounds.max_body_bytes_in_flight),
        workers(static_cast<size_t>(std::max(1, bounds.worker_threads))) {}

  void Accept();
  void OnAccept(const ErrorCode& error, tcp::socket socket);
  template <typename Stream>
  void Start(tcp::socket socket, const std::string& peer);

  const HttpRouter& router;
  const HttpRefusalAnswer refusal_answer;
  HttpLimits limits;
  Admission admission;
  BodyBudget budget;
  HttpServerCounters counters;
  // Built by Bind(), once the router is complete.
  std::string busy_answer;
  std::optional<ssl::context> tls;
  bool tls_unusable = false;
  // Declared before the workers: handlers the workers still hold post to it.
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::steady_timer accept_pause{io};
  asio::thread_pool workers;
  std::once_flag stop_once;
};

namespace {

// A connection's turn in Admission, given back when the connection ends.
class AdmissionTicket {
 public:
  AdmissionTicket(Admission& admission, std::string address, HttpServerCounters& counters)
      : admission_(&admission), address_(std::move(address)), counters_(&counters) {
    ++counters_->connections_open;
  }
  AdmissionTicket(AdmissionTicket&& other) noexcept
      : admission_(std::exchange(other.admission_, nullptr)),
        address_(std::move(other.address_)),
        counters_(other.counters_) {}
  AdmissionTicket(const AdmissionTicket&) = delete;
  AdmissionTicket& operator=(const AdmissionTicket&) = delete;
  AdmissionTicket& operator=(AdmissionTicket&&) = delete;
  ~AdmissionTicket() {
    if (admission_ == nullptr) return;
    admission_->Leave(address_);
    --counters_->connections_open;
  }

 private:
  Admission* admission_;
  std::string address_;
  HttpServerCounters* counters_;
};

// Body bytes held from BodyBudget, given back when released or destroyed.
class BodyReservation {
 public:
  BodyReservation() = default;
  BodyReservation(BodyBudget& budget, size_t bytes) : budget_(&budget), bytes_(bytes) {}
  BodyReservation(BodyReservation&& other) noexcept
      : budget_(std::exchange(other.budget_, nullptr)), bytes_(other.bytes_) {}
  BodyReservation& operator=(BodyReservation&& other) noexcept {
    Release();
    budget_ = std::exchange(other.budget_, nullptr);
    bytes_ = other.bytes_;
    return *this;
  }
  ~BodyReservation() { Release(); }
  void Release() {
    if (budget_ != nullptr) std::exchange(budget_, nullptr)->Release(bytes_);
  }

 private:
  BodyBudget* budget_ = nullptr;
  size_t bytes_ = 0;
};

// The handler's turn: the route runs; an exception is a 500 (its text to the log only).
HttpResponse RunHandler(const HttpServer::Impl& server, const HttpRoute& route, const HttpRequest& request);

// One client connection over `Stream` (a beast::tcp_stream, or an ssl_stream over one): read
// a request within the limits, hand it to its route, write the answer, and again while the
// client keeps the connection alive.
template <typename Stream>
class Connection : public std::enable_shared_from_this<Connection<Stream>> {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  Connection(HttpServer::Impl& server, tcp::socket socket, std::string peer, AdmissionTicket ticket)
      : server_(server),
        stream_(MakeStream(server, std::move(socket))),
        peer_(std::move(peer)),
        ticket_(std::move(ticket)),
        buffer_(server.limits.max_header_bytes + kReadPieceBytes) {}

  void Start() {
    if constexpr (kTls) {
      Tcp().expires_after(server_.limits.header_timeout);
      stream_.async_handshake(ssl::stream_base::server,
                              [self = this->shared_from_this()](const ErrorCode& error) {
                                if (error) return self->Drop(error);
                                self->ReadHeader();
                              });
    } else {
      ReadHeader();
    }
  }

 private:
  static Stream MakeStream(HttpServer::Impl& server, tcp::socket socket) {
    if constexpr (kTls) {
      return Stream(beast::tcp_stream(std::move(socket)), *server.tls);
    } else {
      return Stream(std::move(socket));
    }
  }

  beast::tcp_stream& Tcp() { return beast::get_lowest_layer(stream_); }

  // Waits for the next request's header: the whole of it within header_timeout.
  void ReadHeader() {
    header_parser_.emplace();
    header_parser_->header_limit(static_cast<std::uint32_t>(server_.limits.max_header_bytes));
    // CheckAndReadBody applies the route's limit; not boost::none, which Beast 1.74 compares
    // as less than any length.
    header_parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    body_parser_.reset();
    Tcp().expires_after(server_.limits.header_timeout);
    http::async_read_header(stream_, buffer_, *header_parser_,
                            [self = this->shared_from_this()](const ErrorCode& error, size_t) {
                              self->OnHeader(error);
                            });
  }

  void OnHeader(const ErrorCode& error) {
    request_ = HttpRequest{};
    if (error == http::error::header_limit || error == http::error::buffer_overflow) {
      return Refuse(431);
    }
    if (error == http::error::end_of_stream || error == beast::error::timeout ||
        error == asio::error::eof || error == asio::error::connection_reset ||
        error == asio::error::operation_aborted || error == ssl::error::stream_truncated) {
      return Drop(error);
    }
    if (error) return Refuse(400);
    const auto& header = header_parser_->get();
    if (static_cast<size_t>(std::distance(header.begin(), header.end())) >
        server_.limits.max_header_fields) {
      return Refuse(431);
    }
    keep_alive_ = header_parser_->keep_alive();
    request_.method = std::string(View(header.method_string()));
    std::tie(request_.path, request_.params) = SplitTarget(View(header.target()));
    for (const auto& field : header) {
      request_.headers.emplace_back(Lowercase(View(field.name_string())), std::string(View(field.value())));
    }
    request_.peer = peer_;
    CheckAndReadBody();
  }

  // What the header alone decides: the route, and whether its body may be read.
  void CheckAndReadBody() {
    bool path_exists = false;
    std::optional<HttpRouteMatch> match =
        server_.router.Find(request_.method, request_.path, &path_exists);
    const bool has_body = header_parser_->chunked() || header_parser_->content_length().value_or(0) > 0;
    if (!match) return Refuse(path_exists ? 405 : 404, /*close=*/has_body);
    route_ = match->route;
    request_.path_parts = std::move(match->path_parts);

    const std::string encoding = request_.Header("content-encoding");
    if (!encoding.empty() && Lowercase(encoding) != "identity") return Refuse(415);
    if (header_parser_->chunked()) return Refuse(411);
    const uint64_t length = header_parser_->content_length().value_or(0);
    if (length > route_->max_body_bytes) return Refuse(413);
    if (length == 0) return Handle();
    if (!server_.budget.Reserve(length)) return Refuse(503);
    reservation_ = BodyReservation(server_.budget, length);

    body_parser_.emplace(std::move(*header_parser_));
    header_parser_.reset();
    body_parser_->body_limit(length);
    // Beast reads what the buffer has room for, at least 512 bytes: without room made here
    // a body would come in 512-byte reads (2048 a MiB) instead of kReadPieceBytes.
    buffer_.reserve(kReadPieceBytes);
    Tcp().expires_after(server_.limits.body_timeout);
    http::async_read(stream_, buffer_, *body_parser_,
                     [self = this->shared_from_this()](const ErrorCode& error, size_t) {
                       if (error) return self->Drop(error);  // cut short: never handled
                       self->request_.body = std::move(self->body_parser_->get().body());
                       self->body_parser_.reset();
                       self->Handle();
                     });
  }

  void Handle() {
    if (IsFormBody(request_)) {
      for (auto& field : ParseUrlEncoded(request_.body)) request_.params.push_back(std::move(field));
    }
    if (route_->run_on == RunOn::kInline) return Answer(RunHandler(server_, *route_, request_));
    asio::post(server_.workers, [self = this->shared_from_this()] {
      HttpResponse response = RunHandler(self->server_, *self->route_, self->request_);
      self->request_ = HttpRequest{};
      self->reservation_.Release();
      asio::post(self->Tcp().get_executor(), [self, response = std::move(response)]() mutable {
        self->Answer(std::move(response));
      });
    });
  }

  // The server's own refusal; the connection closes after it unless `close` is false (only
  // when the request had no body, which is then wholly read).
  void Refuse(int http_status, bool close = true) {
    ++server_.counters.requests_refused;
    HttpResponse response;
    response.status = http_status;
    server_.refusal_answer(http_status, request_, response);
    if (http_status == 503) response.SetHeader("Retry-After", "5");
    if (close) keep_alive_ = false;
    Answer(std::move(response));
  }

  void Answer(HttpResponse answer) {
    reservation_.Release();
    response_ = {};
    response_.result(static_cast<unsigned>(answer.status));
    response_.version(11);
    for (auto& [name, value] : answer.headers) response_.set(name, value);
    for (const auto& [name, value] : server_.router.common_headers()) {
      if (!answer.HasHeader(name)) response_.set(name, value);
    }
    response_.body() = std::move(answer.body);
    response_.keep_alive(keep_alive_);
    response_.prepare_payload();
    Tcp().expires_after(server_.limits.write_timeout);
    http::async_write(stream_, response_, [self = this->shared_from_this()](const ErrorCode& error, size_t) {
      if (error) return self->Drop(error);
      if (!self->keep_alive_) return self->Close();
      self->ReadHeader();
    });
  }

  // Ends the connection without another word.
  void Drop(const ErrorCode& error) {
    if (error == beast::error::timeout) ++server_.counters.connections_timed_out;
    ErrorCode ignored;
    Tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
    Tcp().close();
  }

  // Ends the connection after its last answer.
  void Close() {
    if constexpr (kTls) {
      Tcp().expires_after(kTlsShutdownTimeout);
      stream_.async_shutdown([self = this->shared_from_this()](const ErrorCode&) { self->Tcp().close(); });
    } else {
      ErrorCode ignored;
      Tcp().socket().shutdown(tcp::socket::shutdown_send, ignored);
      Tcp().close();
    }
  }

  HttpServer::Impl& server_;
  Stream stream_;
  const std::string peer_;
  AdmissionTicket ticket_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> header_parser_;
  std::optional<http::request_parser<http::string_body>> body_parser_;
  HttpRequest request_;
  const HttpRoute* route_ = nullptr;
  BodyReservation reservation_;
  bool keep_alive_ = false;
  http::response<http::string_body> response_;
};

HttpResponse RunHandler(const HttpServer::Impl& server, const HttpRoute& route, const HttpRequest& request) {
  HttpResponse response;
  try {
    route.handler(request, response);
  } catch (const std::exception& failure) {
    fmt::print(stderr, "lapak-ledger: {} {}: {}\n", request.method, request.path, failure.what());
    response = HttpResponse{};
    response.status = 500;
    server.refusal_answer(500, request, response);
  }
  return response;
}

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(io), [this](const ErrorCode& error, tcp::socket socket) {
    OnAccept(error, std::move(socket));
  });
}

void HttpServer::Impl::OnAccept(const ErrorCode& error, tcp::socket socket) {
  if (error == asio::error::operation_aborted || !acceptor.is_open()) return;
  if (error) {
    // Out of file descriptors (or the like): wait rather than spin, then accept again.
    fmt::print(stderr, "lapak-ledger: accept: {}\n", error.message());
    accept_pause.expires_after(std::chrono::milliseconds(100));
    accept_pause.async_wait([this](const ErrorCode& waited) {
      if (!waited) Accept();
    });
    return;
  }
  ErrorCode ignored;
  const std::string peer = socket.remote_endpoint(ignored).address().to_string();
  if (!admission.Enter(peer)) {
    ++counters.connections_refused;
    if (!tls) {
      socket.non_blocking(true, ignored);
      socket.send(asio::buffer(busy_answer), 0, ignored);
    }
    socket.close(ignored);
  } else {
    socket.set_option(tcp::no_delay(true), ignored);
    if (tls) {
      Start<beast::ssl_stream<beast::tcp_stream>>(std::move(socket), peer);
    } else {
      Start<beast::tcp_stream>(std::move(socket), peer);
    }
  }
  Accept();
}

template <typename Stream>
void HttpServer::Impl::Start(tcp::socket socket, const std::string& peer) {
  std::make_shared<Connection<Stream>>(*this, std::move(socket), peer,
                                       AdmissionTicket(admission, peer, counters))
      ->Start();
}

HttpServer::HttpServer(const HttpRouter& router, HttpRefusalAnswer refusal_answer,
                       const HttpLimits& limits, const std::optional<TlsFiles>& tls)
    : impl_(std::make_unique<Impl>(router, std::move(refusal_answer), limits)) {
  if (!tls) return;
  try {
    ssl::context& context = impl_->tls.emplace(ssl::context::tls_server);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    context.use_certificate_chain_file(tls->certificate);
    context.use_private_key_file(tls->private_key, ssl::context::pem);
  } catch (const boost::system::system_error&) {
    impl_->tls_unusable = true;
  }
}

HttpServer::~HttpServer() {
  Stop();
  impl_->workers.join();
}

Status HttpServer::Bind(const std::string& host, int port) {
  if (impl_->tls_unusable) return Refuse(Refusal::kTlsFilesUnusable);
  impl_->busy_answer = BusyAnswer(impl_->router);
  // Each connection is a file descriptor; keep some for the database and the log.
  const size_t open_files = RaiseOpenFileLimit();
  if (open_files < impl_->limits.max_connections + 64) {
    impl_->admission.set_max_total(open_files > 128 ? open_files - 64 : 64);
  }
  ErrorCode error;
  const asio::ip::address address = asio::ip::make_address(host, error);
  if (error) return Refuse(Refusal::kCannotListen, host, port, error.message());
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
  tcp::acceptor& acceptor = impl_->acceptor;
  // SO_REUSEADDR lets a restarted ledger take its port back from connections in TIME_WAIT;
  // unlike SO_REUSEPORT it never lets two listeners share a port.
  if (acceptor.open(endpoint.protocol(), error) || acceptor.set_option(tcp::acceptor::reuse_address(true), error) ||
      acceptor.bind(endpoint, error) || acceptor.listen(asio::socket_base::max_listen_connections, error)) {
    acceptor.close();
    if (error == asio::error::address_in_use) return Refuse(Refusal::kCannotListenInUse, host, port);
    return Refuse(Refusal::kCannotListen, host, port, error.message());
  }
  return Status::Ok();
}

int HttpServer::port() const {
  ErrorCode error;
  const tcp::endpoint endpoint = impl_->acceptor.local_endpoint(error);
  return error ? 0 : endpoint.port();
}

Status HttpServer::Serve() {
  if (!impl_->acceptor.is_open()) return Refuse(Refusal::kListeningSocketFailed);
  asio::post(impl_->io, [this] { impl_->Accept(); });
  std::vector<std::thread> others;
  for (int i = 1; i < impl_->limits.io_threads; ++i) {
    others.emplace_back([this] { impl_->io.run(); });
  }
  impl_->io.run();
  for (std::thread& thread : others) thread.join();
  impl_->workers.join();
  return Status::Ok();
}

void HttpServer::Stop() {
  std::call_once(impl_->stop_once, [this] {
    asio::post(impl_->io, [this] {
      ErrorCode ignored;
      impl_->acceptor.close(ignored);
    });
    impl_->io.stop();
  });
}

const HttpServerCounters& HttpServer::counters() const { return impl_->counters; }

}  // namespace lapak::ledger
