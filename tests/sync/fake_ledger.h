// Ledger impostors on loopback, for tests of the terminal's HTTP client: a server that says
// whatever a test wants on each connection, and a port where nothing listens.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace lapak::testing {

// One accepted connection, as a FakeLedger's `serve` sees it.
class FakePeer {
 public:
  explicit FakePeer(int fd) : fd_(fd) {}

  // The next request whole: its head up to the blank line, then as many body bytes as its
  // Content-Length says. nullopt once the client has closed (or sent a head over 64 KiB).
  std::optional<std::string> ReadRequest();
  // Writes all of `bytes`; false once the client is gone (never SIGPIPE).
  bool Send(std::string_view bytes);
  // Writes `bytes` again and again until `total` bytes went out or the client is gone,
  // without ever holding more than `bytes`.
  void Stream(std::string_view bytes, int64_t total);
  // Blocks until the client closes its side of the connection.
  void WaitForClose();
  // Bytes written so far.
  int64_t sent() const { return sent_; }

 private:
  int fd_;
  std::string pending_;  // read, not yet part of a request
  int64_t sent_ = 0;
};

// An HTTP answer with Content-Length: "HTTP/1.1 <status> X\r\nContent-Length: N\r\n\r\n<body>".
std::string HttpAnswer(int status, std::string_view body);

// Listens on 127.0.0.1 on a free port and serves one connection at a time, on its own thread:
// `serve` gets the peer and the connection's number (1, 2, …) and owns the connection until it
// returns; the socket is then closed.
class FakeLedger {
 public:
  using Serve = std::function<void(FakePeer& peer, int connection)>;
  explicit FakeLedger(Serve serve);
  // Stops accepting, cuts the connection being served and joins the thread.
  ~FakeLedger();
  FakeLedger(const FakeLedger&) = delete;
  FakeLedger& operator=(const FakeLedger&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Connections accepted so far.
  int accepted() const;
  // Waits until `count` connections were served to the end; the bytes the last one sent.
  int64_t WaitServed(int count);

 private:
  void Run();

  Serve serve_;
  int listen_fd_ = -1;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable served_changed_;
  bool stopping_ = false;
  int current_fd_ = -1;
  int accepted_ = 0;
  int served_ = 0;
  int64_t last_sent_ = 0;
  std::thread thread_;  // last: starts after the socket is listening
};

// A port on 127.0.0.1 that is bound but not listening, for as long as the object lives: a
// connection to it is refused.
class RefusingPort {
 public:
  RefusingPort();
  ~RefusingPort();
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace lapak::testing
