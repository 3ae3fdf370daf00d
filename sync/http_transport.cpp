// The terminal's HTTP client (transport.h): Boost.Beast on Asio, synchronous to its caller.
// Each step runs as an asynchronous operation to completion on the transport's own
// io_context, because beast::tcp_stream bounds only asynchronous operations (expires_after).
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <utility>
#include <variant>

#include "core/refusal.h"
#include "core/text.h"
#include "sync/protocol.h"
#include "sync/transport.h"

namespace lapak::sync {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using Stream = std::variant<beast::tcp_stream, TlsStream>;
using Request = http::request<http::span_body<const char>>;
using Answer = http::response<http::string_body>;
using AnswerParser = http::response_parser<http::string_body>;

// An answer's status line and headers: a ledger's are a few hundred bytes.
constexpr uint32_t kMaxAnswerHeaderBytes = 16 * 1024;
// The read buffer holds a whole header; the body passes through it on its way to the answer.
constexpr size_t kReadBufferBytes = 2 * kMaxAnswerHeaderBytes;

// A ledger URL taken apart. url := ("http" | "https") "://" host [":" port]
// (core/text.h IsLedgerAddress).
struct LedgerAddress {
  std::string url;
  bool tls = false;
  std::string authority;  // host[:port] as the URL has it: the Host header
  std::string host;
  std::string port;  // 80 or 443 when the URL names none
};

// `url` must be a ledger address.
LedgerAddress ParseAddress(const std::string& url) {
  LedgerAddress address;
  address.url = url;
  address.tls = url.starts_with("https://");
  address.authority = url.substr(url.find("://") + 3);
  const size_t colon = address.authority.find(':');
  address.host = address.authority.substr(0, colon);
  address.port = colon != std::string::npos ? address.authority.substr(colon + 1)
                 : address.tls              ? "443"
                                            : "80";
  return address;
}

beast::string_view View(std::string_view text) { return {text.data(), text.size()}; }

// Where a failure happened: the same error reads differently while connecting.
enum class Stage { kConnecting, kExchanging };

// What one request on one connection came to.
struct Exchange {
  beast::error_code error;
  bool answer_started = false;  // a byte of the answer arrived
  bool keep_alive = false;      // the connection may carry the next request
  Answer answer;
};

// The connection ended under the request: the ledger closed it or reset it.
bool IsClosed(const beast::error_code& error) {
  return error == http::error::end_of_stream || error == asio::error::eof ||
         error == asio::error::connection_reset || error == asio::error::connection_aborted ||
         error == asio::error::broken_pipe || error == asio::ssl::error::stream_truncated;
}

// The cause of a failed connection or exchange in words, or the system's text when there
// are none for it.
std::string CauseOf(const beast::error_code& error, Stage stage) {
  if (error == beast::error::timeout) {
    return refusal_detail::Arg(stage == Stage::kConnecting ? Word::kConnectTimedOut
                                                           : Word::kAnswerTimedOut);
  }
  if (error == asio::error::connection_refused)
    return refusal_detail::Arg(Word::kConnectionRefused);
  if (error == asio::error::host_not_found || error == asio::error::host_not_found_try_again) {
    return refusal_detail::Arg(Word::kHostNotFound);
  }
  if (error == asio::error::network_unreachable || error == asio::error::host_unreachable) {
    return refusal_detail::Arg(Word::kNetworkUnreachable);
  }
  if (IsClosed(error) || error == http::error::partial_message) {
    return refusal_detail::Arg(Word::kClosedBeforeAnswer);
  }
  return error.message();
}

class HttpTransport final : public Transport {
 public:
  // `tls`: the context for an https:// address, null for http://, or why there is none (then
  // every PostBatch is refused with it, so that it is kept as the last sync error).
  HttpTransport(LedgerAddress address, HttpTransportOptions options,
                Result<std::unique_ptr<asio::ssl::context>> tls)
      : address_(std::move(address)),
        options_(options),
        unusable_(tls.status()),
        tls_(tls.ok() ? std::move(tls).value() : nullptr) {}

  Result<LedgerAnswer> PostBatch(std::string_view envelope) override {
    if (!unusable_.ok()) return unusable_;
    try {
      return Post(MakeRequest(envelope));
    } catch (const boost::system::system_error& error) {  // Asio or OpenSSL could not set up
      connection_.reset();
      return Refuse(Refusal::kNoAnswerFromLedgerAt, address_.url, error.what());
    }
  }

 private:
  Request MakeRequest(std::string_view envelope) const {
    Request request{http::verb::post, View(kBatchesPath), 11};
    request.set(http::field::host, address_.authority);
    request.set(http::field::user_agent, "lapak");
    request.set(http::field::content_type, "application/octet-stream");
    request.body() = {envelope.data(), envelope.size()};
    request.prepare_payload();
    return request;
  }

  // On the kept-alive connection if there is one; once more on a new connection when that
  // one had been closed before any of the answer came (transport.h).
  Result<LedgerAnswer> Post(const Request& request) {
    if (connection_) {
      Exchange reused = Send(request);
      if (reused.answer_started || !IsClosed(reused.error)) return Take(std::move(reused));
    }
    if (Status connected = Connect(); !connected.ok()) return connected;
    return Take(Send(request));
  }

  // The answer of `exchange`, keeping the connection only when it may carry another request.
  Result<LedgerAnswer> Take(Exchange exchange) {
    if (!exchange.keep_alive) connection_.reset();
    if (exchange.error) return Refused(exchange.error, Stage::kExchanging);
    return LedgerAnswer{static_cast<int>(exchange.answer.result_int()),
                        std::move(exchange.answer.body())};
  }

  // Runs io_ until the operation that `start` begins, given its completion handler, has
  // completed; the operation's error.
  template <typename Start>
  beast::error_code Await(Start start) {
    beast::error_code result;
    start([&result](beast::error_code error, auto&&...) { result = error; });
    io_.restart();
    io_.run();
    return result;
  }

  beast::tcp_stream& Tcp() {
    return std::visit(
        [](auto& stream) -> beast::tcp_stream& { return beast::get_lowest_layer(stream); },
        *connection_);
  }

  // A new connection in connection_ (TCP_NODELAY: the body is not held back waiting for the
  // ledger's delayed ACK), through the TLS handshake for https.
  [[nodiscard]] Status Connect() {
    connection_.reset();
    tcp::resolver resolver(io_);
    beast::error_code error;
    const tcp::resolver::results_type endpoints =
        resolver.resolve(address_.host, address_.port, tcp::resolver::numeric_service, error);
    if (error) return Refused(error, Stage::kConnecting);
    if (tls_) {
      connection_.emplace(std::in_place_type<TlsStream>, io_, *tls_);
    } else {
      connection_.emplace(std::in_place_type<beast::tcp_stream>, io_);
    }
    Tcp().expires_after(options_.connect_timeout);
    error = Await([&](auto done) { Tcp().async_connect(endpoints, std::move(done)); });
    if (!error) Tcp().socket().set_option(tcp::no_delay(true), error);
    Status connected = error ? Refused(error, Stage::kConnecting) : Status::Ok();
    if (connected.ok() && tls_) connected = Handshake(std::get<TlsStream>(*connection_));
    if (!connected.ok()) connection_.reset();
    return connected;
  }

  // The ledger's certificate must chain to a trusted CA and name address_.host (an IP address
  // among its IP entries). The name is checked by OpenSSL's own verification, as
  // asio::ssl::host_name_verification would (X509_check_host / X509_check_ip_asc), so that a
  // mismatch is named in SSL_get_verify_result like any other reason for distrust.
  [[nodiscard]] Status Handshake(TlsStream& stream) {
    SSL* ssl = stream.native_handle();
    beast::error_code error;
    asio::ip::make_address(address_.host, error);
    const bool is_ip = !error;
    const bool named =
        is_ip ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), address_.host.c_str()) == 1
              : SSL_set_tlsext_host_name(ssl, address_.host.c_str()) == 1 &&  // SNI
                    X509_VERIFY_PARAM_set1_host(SSL_get0_param(ssl), address_.host.c_str(), 0) == 1;
    if (!named) {
      return Refuse(
          Refusal::kLedgerTlsFailed, address_.url,
          beast::error_code(static_cast<int>(ERR_get_error()), asio::error::get_ssl_category())
              .message());
    }
    Tcp().expires_after(options_.io_timeout);
    error = Await([&](auto done) {
      stream.async_handshake(asio::ssl::stream_base::client, std::move(done));
    });
    if (!error) return Status::Ok();
    if (const long verified = SSL_get_verify_result(ssl); verified != X509_V_OK) {
      return Refuse(Refusal::kLedgerCertificateNotTrusted, address_.url,
                    X509_verify_cert_error_string(verified));
    }
    if (error.category() == asio::error::get_ssl_category()) {
      return Refuse(Refusal::kLedgerTlsFailed, address_.url, error.message());
    }
    return Refused(error, Stage::kConnecting);
  }

  // `request` on connection_ (open), and its answer read within the limits (transport.h).
  Exchange Send(const Request& request) {
    Exchange exchange;
    Tcp().expires_after(options_.io_timeout);
    exchange.error = std::visit(
        [&](auto& stream) {
          return Await([&](auto done) { http::async_write(stream, request, std::move(done)); });
        },
        *connection_);
    if (exchange.error) return exchange;
    AnswerParser parser;
    parser.header_limit(kMaxAnswerHeaderBytes);
    parser.body_limit(kMaxAnswerBytes);
    beast::flat_buffer buffer(kReadBufferBytes);
    Tcp().expires_after(options_.io_timeout);
    exchange.error = ReadAnswer(buffer, parser);
    exchange.answer_started = parser.got_some() || buffer.size() > 0;
    if (exchange.error) return exchange;
    exchange.answer = parser.release();
    // Bytes after the answer belong to no request of ours: the connection is not trusted on.
    exchange.keep_alive = exchange.answer.keep_alive() && buffer.size() == 0;
    return exchange;
  }

  // The answer's header, then its body: apart, because Boost 1.74's http::async_read parses
  // eagerly and then loses the body_limit error that a Content-Length over the limit raises
  // when body bytes came in the same read as the header (it went on to read 400 MiB whole).
  beast::error_code ReadAnswer(beast::flat_buffer& buffer, AnswerParser& parser) {
    const beast::error_code error = std::visit(
        [&](auto& stream) {
          return Await(
              [&](auto done) { http::async_read_header(stream, buffer, parser, std::move(done)); });
        },
        *connection_);
    if (error || parser.is_done()) return error;
    return std::visit(
        [&](auto& stream) {
          return Await(
              [&](auto done) { http::async_read(stream, buffer, parser, std::move(done)); });
        },
        *connection_);
  }

  // The refusal for `error`: an answer over its limits or not HTTP, else no answer.
  [[nodiscard]] Status Refused(const beast::error_code& error, Stage stage) const {
    if (error == http::error::header_limit || error == http::error::buffer_overflow) {
      return Refuse(Refusal::kLedgerAnswerTooLarge, address_.url, Word::kAnswerHeader,
                    kMaxAnswerHeaderBytes);
    }
    if (error == http::error::body_limit) {
      return Refuse(Refusal::kLedgerAnswerTooLarge, address_.url, Word::kAnswerBody,
                    kMaxAnswerBytes);
    }
    const bool cut_off = IsClosed(error) || error == http::error::partial_message;
    if (!cut_off &&
        error.category() == http::make_error_code(http::error::bad_version).category()) {
      return Refuse(Refusal::kLedgerAnswerNotHttp, address_.url, error.message());
    }
    return Refuse(Refusal::kNoAnswerFromLedgerAt, address_.url, CauseOf(error, stage));
  }

  LedgerAddress address_;
  HttpTransportOptions options_;
  Status unusable_;
  asio::io_context io_;
  std::unique_ptr<asio::ssl::context> tls_;
  std::optional<Stream> connection_;  // kept alive between calls; last, so closed first
};

// TLS 1.2 or later; the peer verified against the system's CA certificates and
// $LAPAK_LEDGER_CA. A system without a CA store shows at the handshake, as a certificate
// not trusted.
Result<std::unique_ptr<asio::ssl::context>> MakeTlsContext(const std::string& url) {
  try {
    auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client);
    context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                         asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                         asio::ssl::context::no_tlsv1_1);
    context->set_verify_mode(asio::ssl::verify_peer);
    beast::error_code no_system_store;
    context->set_default_verify_paths(no_system_store);
    if (const char* ca = std::getenv("LAPAK_LEDGER_CA"); ca != nullptr && *ca != '\0') {
      beast::error_code error;
      context->load_verify_file(ca, error);
      if (error) return Refuse(Refusal::kLedgerCaUnreadable, ca, error.message());
    }
    return context;
  } catch (const boost::system::system_error& error) {  // OpenSSL could not set up
    return Refuse(Refusal::kLedgerTlsFailed, url, error.what());
  }
}

}  // namespace

Result<std::unique_ptr<Transport>> MakeHttpTransport(const std::string& ledger_url,
                                                     HttpTransportOptions options) {
  if (!IsLedgerAddress(ledger_url)) return Refuse(Refusal::kNotALedgerAddress, ledger_url);
  LedgerAddress address = ParseAddress(ledger_url);
  Result<std::unique_ptr<asio::ssl::context>> tls =
      address.tls ? MakeTlsContext(ledger_url) : std::unique_ptr<asio::ssl::context>();
  try {
    std::unique_ptr<Transport> transport =
        std::make_unique<HttpTransport>(std::move(address), options, std::move(tls));
    return transport;
  } catch (const boost::system::system_error& error) {  // Asio could not set up
    return Refuse(Refusal::kNoAnswerFromLedgerAt, ledger_url, error.what());
  }
}

Result<std::vector<std::unique_ptr<Transport>>> MakeHttpTransports(const std::string& ledger_url,
                                                                   int count, HttpTransportOptions options) {
  std::vector<std::unique_ptr<Transport>> transports;
  for (int i = 0; i < count; ++i) {
    Result<std::unique_ptr<Transport>> made = MakeHttpTransport(ledger_url, options);
    if (!made.ok()) return made.status();
    transports.push_back(std::move(made).value());
  }
  return transports;
}

}  // namespace lapak::sync
