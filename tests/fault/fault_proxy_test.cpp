#include "tests/fault/fault_proxy.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using lapak::testing::Fault;
using lapak::testing::FaultName;
using lapak::testing::FaultProxy;
using lapak::testing::FaultProxyOptions;
using Counts = std::map<Fault, int64_t>;

// Runs `server` on 127.0.0.1 in a thread until destroyed.
class ServerThread {
 public:
  explicit ServerThread(httplib::Server& server)
      : server_(server), port_(server.bind_to_any_port("127.0.0.1")) {
    if (port_ <= 0) return;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // cpp-httplib 0.11 has no wait_until_ready(); stop() is ignored until the loop runs.
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~ServerThread() {
    if (!thread_.joinable()) return;
    server_.stop();
    thread_.join();
  }
  uint16_t port() const { return static_cast<uint16_t>(port_); }

 private:
  httplib::Server& server_;
  int port_;
  std::thread thread_;
};

// The upstream: POST /echo answers with the request's body and records every body it got.
class EchoServer {
 public:
  EchoServer() {
    server_.Post("/echo", [this](const httplib::Request& request, httplib::Response& response) {
      {
        std::lock_guard lock(mu_);
        bodies_.push_back(request.body);
      }
      response.set_content(request.body, "application/octet-stream");
    });
    thread_.emplace(server_);
  }
  uint16_t port() const { return thread_->port(); }
  size_t count() const {
    std::lock_guard lock(mu_);
    return bodies_.size();
  }
  std::vector<std::string> BodiesSince(size_t first) const {
    std::lock_guard lock(mu_);
    return {bodies_.begin() + static_cast<std::ptrdiff_t>(first), bodies_.end()};
  }

 private:
  httplib::Server server_;
  mutable std::mutex mu_;
  std::vector<std::string> bodies_;
  std::optional<ServerThread> thread_;  // last: stops before the members its handler uses go
};

// "200 <body>" or "error <what>", to compare results as strings.
std::string Describe(const httplib::Result& result) {
  if (!result) return "error " + httplib::to_string(result.error());
  return std::to_string(result->status) + " " + result->body;
}

// The fault whose count grew by one from `before` to `after`; nullopt unless exactly one grew,
// by exactly one.
std::optional<Fault> NewFault(const Counts& before, const Counts& after) {
  std::optional<Fault> grown;
  for (const auto& [fault, count] : after) {
    const int64_t was = before.count(fault) != 0 ? before.at(fault) : 0;
    if (count == was) continue;
    if (count != was + 1 || grown) return std::nullopt;
    grown = fault;
  }
  return grown;
}

// How many bits differ between equally long strings; -1 when their lengths differ.
int DifferingBits(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return -1;
  int bits = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    bits += std::popcount(static_cast<unsigned char>(a[i] ^ b[i]));
  }
  return bits;
}

std::string RequestBody(int i) { return "request " + std::to_string(i) + std::string(i % 40, '.'); }

TEST(FaultProxyTest, WithoutFaultsEveryRequestGetsItsEcho) {
  EchoServer server;
  ASSERT_GT(server.port(), 0);
  FaultProxy proxy({.upstream_port = server.port(), .seed = 1, .fault_rate = 0});
  httplib::Client client("127.0.0.1", proxy.port());

  std::string all_bytes;
  for (int c = 0; c < 256; ++c) all_bytes += static_cast<char>(c);
  const std::vector<std::string> bodies = {"", "hello", all_bytes, std::string(1 << 20, 'm'),
                                           RequestBody(7)};
  for (size_t i = 0; i < bodies.size(); ++i) {
    const std::string& body = bodies[i];
    // Upstream answers "Connection: close" to "Connection: close" and leaves the header out
    // for keep-alive; either way the client must get one "Connection: close" and reconnect.
    client.set_keep_alive(i % 2 == 1);
    const httplib::Result result = client.Post("/echo", body, "application/octet-stream");
    EXPECT_EQ("200 " + body, Describe(result));
    if (!result) continue;
    EXPECT_EQ(1u, result->get_header_value_count("Connection"));
    EXPECT_EQ("close", result->get_header_value("Connection"));
  }
  EXPECT_EQ(bodies, server.BodiesSince(0));
  EXPECT_EQ(static_cast<int64_t>(bodies.size()), proxy.requests());
  EXPECT_EQ(static_cast<int64_t>(bodies.size()), proxy.Counts()[Fault::kNone]);
}

TEST(FaultProxyTest, EveryFaultDoesWhatItSays) {
  EchoServer server;
  ASSERT_GT(server.port(), 0);
  FaultProxy proxy({.upstream_port = server.port(),
                    .seed = 7,
                    .fault_rate = 1,
                    .max_delay = std::chrono::milliseconds(5)});
  httplib::Client client("127.0.0.1", proxy.port());

  constexpr int kRequests = 200;
  std::vector<std::string> sent;
  for (int i = 0; i < kRequests; ++i) {
    const std::string body = RequestBody(i);
    const Counts before = proxy.Counts();
    const size_t seen = server.count();
    const httplib::Result result = client.Post("/echo", body, "application/octet-stream");
    const std::optional<Fault> fault = NewFault(before, proxy.Counts());
    ASSERT_TRUE(fault) << "request " << i << " was not counted once";
    SCOPED_TRACE(std::string(FaultName(*fault)) + " on request " + std::to_string(i));
    const std::vector<std::string> got = server.BodiesSince(seen);
    switch (*fault) {
      case Fault::kNone:
        ADD_FAILURE() << "fault_rate 1 let a request through untouched";
        break;
      case Fault::kDelay:
        EXPECT_EQ("200 " + body, Describe(result));
        EXPECT_EQ(std::vector{body}, got);
        break;
      case Fault::kDrop:
      case Fault::kTruncate:
        EXPECT_FALSE(result);
        EXPECT_TRUE(got.empty());
        break;
      case Fault::kCorrupt:
        ASSERT_EQ(1u, got.size());
        EXPECT_EQ(1, DifferingBits(body, got[0]));
        EXPECT_EQ("200 " + got[0], Describe(result));
        break;
      case Fault::kDuplicate:
        EXPECT_EQ("200 " + body, Describe(result));
        EXPECT_EQ((std::vector{body, body}), got);
        break;
      case Fault::kReplay:
        EXPECT_EQ("200 " + body, Describe(result));
        ASSERT_EQ(sent.empty() ? 1u : 2u, got.size());
        EXPECT_EQ(body, got.back());
        if (got.size() == 2) {
          EXPECT_NE(sent.end(), std::find(sent.begin(), sent.end(), got[0]));
        }
        break;
      case Fault::kCloseAfterAnswer:
        EXPECT_FALSE(result);
        EXPECT_EQ(std::vector{body}, got);
        break;
    }
    sent.push_back(body);
  }
  const Counts counts = proxy.Counts();
  EXPECT_EQ(0, counts.at(Fault::kNone));
  for (const auto& [fault, count] : counts) {
    if (fault != Fault::kNone) {
      EXPECT_GT(count, 0) << FaultName(fault);
    }
  }
  EXPECT_EQ(kRequests, proxy.requests());
}

struct SeededRun {
  std::string faults;  // the fault of each request, in order
  Counts counts;
};

// Sends `requests` requests one after another through a new proxy seeded with `seed`.
SeededRun RunWithSeed(uint16_t upstream_port, uint64_t seed, int requests) {
  FaultProxy proxy({.upstream_port = upstream_port,
                    .seed = seed,
                    .fault_rate = 0.5,
                    .max_delay = std::chrono::milliseconds(3)});
  httplib::Client client("127.0.0.1", proxy.port());
  SeededRun run;
  for (int i = 0; i < requests; ++i) {
    const Counts before = proxy.Counts();
    static_cast<void>(client.Post("/echo", RequestBody(i), "application/octet-stream"));
    const std::optional<Fault> fault = NewFault(before, proxy.Counts());
    run.faults += fault ? std::string(FaultName(*fault)) + " " : "? ";
  }
  run.counts = proxy.Counts();
  return run;
}

TEST(FaultProxyTest, SameSeedGivesSameFaults) {
  EchoServer server;
  ASSERT_GT(server.port(), 0);
  const SeededRun first = RunWithSeed(server.port(), 42, 60);
  const SeededRun again = RunWithSeed(server.port(), 42, 60);
  const SeededRun other = RunWithSeed(server.port(), 43, 60);
  EXPECT_EQ(first.faults, again.faults);
  EXPECT_EQ(first.counts, again.counts);
  EXPECT_NE(first.faults, other.faults);
  EXPECT_EQ(std::string::npos, first.faults.find('?'));
}

TEST(FaultProxyTest, UnreachableUpstreamClosesTheClient) {
  // A bound socket that does not listen refuses connections, and keeps its port taken.
  const int refusing = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(refusing, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  ASSERT_EQ(0, bind(refusing, reinterpret_cast<const sockaddr*>(&addr), sizeof addr));
  ASSERT_EQ(0, getsockname(refusing, reinterpret_cast<sockaddr*>(&addr), &size));

  FaultProxy proxy({.upstream_port = ntohs(addr.sin_port), .fault_rate = 0});
  httplib::Client client("127.0.0.1", proxy.port());
  EXPECT_FALSE(client.Post("/echo", "lost", "application/octet-stream"));
  EXPECT_EQ(1, proxy.requests());
  close(refusing);
}

TEST(FaultProxyTest, DestructorReturnsWhileConnectionsWait) {
  httplib::Server upstream;
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  upstream.Post("/hold", [&](const httplib::Request&, httplib::Response& response) {
    entered.set_value();
    released.wait();
    response.set_content("too late", "text/plain");
  });
  ServerThread running(upstream);
  ASSERT_GT(running.port(), 0);
  auto proxy = std::make_unique<FaultProxy>(
      FaultProxyOptions{.upstream_port = running.port(), .fault_rate = 0});

  // A client that sends half a request and waits.
  const int idle = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(idle, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(proxy->port());
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(0, connect(idle, reinterpret_cast<const sockaddr*>(&addr), sizeof addr));
  const std::string half = "POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc";
  ASSERT_EQ(static_cast<ssize_t>(half.size()), send(idle, half.data(), half.size(), MSG_NOSIGNAL));

  // A client whose request the proxy forwarded and whose answer upstream holds back.
  std::string held_result;
  std::thread held([&held_result, port = proxy->port()] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(std::chrono::seconds(30));
    held_result = Describe(client.Post("/hold", "wait", "text/plain"));
  });
  entered.get_future().wait();

  std::future<void> destroyed = std::async(std::launch::async, [&proxy] { proxy.reset(); });
  const bool returned = destroyed.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  // Frees a proxy that did not return, so that the failure does not hang the test.
  release.set_value();
  if (!returned) shutdown(idle, SHUT_RDWR);
  destroyed.get();
  held.join();

  EXPECT_TRUE(returned) << "~FaultProxy waited for a connection";
  EXPECT_EQ(0u, held_result.rfind("error ", 0)) << held_result;
  pollfd closed{idle, POLLIN, 0};
  EXPECT_EQ(1, poll(&closed, 1, 5000));
  char byte = 0;
  EXPECT_GE(0, recv(idle, &byte, 1, 0));
  close(idle);
}

}  // namespace
