#pragma once

// A seeded fault-injecting HTTP/1.1 proxy for integration tests of the sync protocol.
//
//   client ──► FaultProxy (127.0.0.1:port()) ──► upstream server (127.0.0.1:upstream_port)
//
// A failing run is replayed by running it again with the same seed.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string_view>

namespace lapak::testing {

// What the proxy does to one request.
enum class Fault {
  kNone,              // forward, relay the answer
  kDelay,             // wait 1..max_delay ms, then as kNone
  kDrop,              // close the client connection; upstream sees nothing
  kTruncate,          // forward a prefix (1 byte .. all but 1 byte), close both sides
  kCorrupt,           // flip one bit of one body byte, forward, relay the answer;
                      // a request without a body is dropped instead
  kDuplicate,         // forward twice, one connection each, relay the second answer
  kReplay,            // first forward an earlier request (one of the last 64 this proxy
                      // read; none before the first) and discard its answer, then as kNone
  kCloseAfterAnswer,  // forward, read the whole answer, close the client without it
};

// "none", "delay", "drop", "truncate", "corrupt", "duplicate", "replay", "close-after-answer".
std::string_view FaultName(Fault fault);

struct FaultProxyOptions {
  uint16_t upstream_port = 0;  // the real server, on 127.0.0.1
  uint64_t seed = 1;
  double fault_rate = 0.3;  // share of requests that get a fault other than kNone, clamped to
                            // [0, 1]; faulty requests get each of the seven faults equally often
  std::chrono::milliseconds max_delay{50};  // longest kDelay; below 1 ms counts as 1 ms
};

// Listens on 127.0.0.1 and serves each accepted connection on its own thread:
//   1. reads one request: start line and headers up to "\r\n\r\n", then exactly Content-Length
//      body bytes (no body without that header; chunked bodies are not supported). A request
//      that is cut off, malformed or longer than 8 MiB closes the connection and counts nowhere.
//   2. draws the request's fault, and every random choice it needs, from one std::mt19937_64
//      seeded with `seed`;
//   3. acts as the Fault says, each upstream exchange on a new connection. An answer is read
//      the same way as a request (so upstream must send Content-Length, as cpp-httplib does)
//      and relayed with its Connection headers replaced by "Connection: close";
//   4. closes the client connection, so a client reconnects for every request.
// An upstream that refuses the connection or fails mid-answer closes the client connection.
//
// Replay: when a client sends each request only after the previous one was answered or failed,
// a seed gives the same faults, delays, prefixes, flipped bits and replayed requests on every
// run built with the same standard library.
class FaultProxy {
 public:
  // Binds 127.0.0.1 on a free port and starts accepting in a thread.
  // Throws std::system_error when it cannot listen.
  explicit FaultProxy(FaultProxyOptions options);
  // Stops accepting, shuts down every open connection (also ones waiting on upstream or in a
  // kDelay), joins every thread and closes every socket. Does not wait on clients or upstream.
  ~FaultProxy();

  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  uint16_t port() const;

  // How many requests got each fault so far, every Fault present (0 if none). A request is
  // counted when its fault is drawn, before the proxy acts on it. Thread-safe.
  std::map<Fault, int64_t> Counts() const;
  // Requests read so far: the sum of Counts(). Thread-safe.
  int64_t requests() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lapak::testing
