// The terminal's HTTP client (sync/transport.h) against ledger impostors on loopback: every
// read is bounded, a kept-alive connection is reused and, when the ledger closed it, replaced
// once, and a ledger that cannot be reached is named with the cause in words.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/refusal.h"
#include "core/text.h"
#include "sync/protocol.h"
#include "sync/transport.h"
#include "tests/sync/fake_ledger.h"

namespace lapak {
namespace {

using testing::FakeLedger;
using testing::FakePeer;
using testing::HttpAnswer;

constexpr int64_t kMiB = 1024 * 1024;
constexpr char kAck[] = R"({"hwm":3,"mac":"ab","terminal":"T1"})";
// For a test that waits for a timeout.
constexpr sync::HttpTransportOptions kQuick{.connect_timeout = std::chrono::milliseconds(2000),
                                            .io_timeout = std::chrono::milliseconds(300)};

std::unique_ptr<sync::Transport> Transport(const std::string& url,
                                           sync::HttpTransportOptions options = {}) {
  Result<std::unique_ptr<sync::Transport>> made = sync::MakeHttpTransport(url, options);
  EXPECT_TRUE(made.ok()) << made.status().ToString();
  return made.ok() ? std::move(made).value() : nullptr;
}

// "refusal: English text", or "ok <status> <body>" (a long body cut to its first 200 bytes).
std::string Outcome(const Result<sync::LedgerAnswer>& answer) {
  if (answer.ok()) {
    const std::string& body = answer->body;
    return "ok " + std::to_string(answer->http_status) + " " +
           (body.size() <= 200
                ? body
                : body.substr(0, 200) + "… (" + std::to_string(body.size()) + " bytes)");
  }
  return std::string(RefusalName(answer.status().refusal())) + ": " +
         Explain(answer.status(), Language::kEnglish);
}

// The process's peak resident memory (VmHWM), in KiB.
int64_t PeakResidentKiB() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) return std::strtoll(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

// Lowers the peak to what is resident now (Linux: "5" to clear_refs), so that the peak
// measured next is that of what follows.
void ResetPeakResident() { std::ofstream("/proc/self/clear_refs") << "5"; }

TEST(HttpTransportTest, PostsTheBatchAndReusesOneConnectionAcrossCalls) {
  std::mutex mutex;
  std::vector<std::string> requests;
  FakeLedger ledger([&](FakePeer& peer, int) {
    while (std::optional<std::string> request = peer.ReadRequest()) {
      {
        std::lock_guard lock(mutex);
        requests.push_back(*request);
      }
      if (!peer.Send(HttpAnswer(200, kAck))) return;
    }
  });
  std::unique_ptr<sync::Transport> transport = Transport(ledger.url());
  ASSERT_NE(nullptr, transport);
  const std::string envelopes[] = {"first batch", std::string(300 * 1024, '\x01'), "third"};
  for (const std::string& envelope : envelopes) {
    EXPECT_EQ(std::string("ok 200 ") + kAck, Outcome(transport->PostBatch(envelope)));
  }
  EXPECT_EQ(1, ledger.accepted());
  std::lock_guard lock(mutex);
  ASSERT_EQ(3u, requests.size());
  const std::string& first = requests[0];
  EXPECT_TRUE(first.starts_with("POST /v1/batches HTTP/1.1\r\n")) << first;
  EXPECT_NE(std::string::npos, first.find("Content-Type: application/octet-stream\r\n")) << first;
  EXPECT_NE(std::string::npos, first.find("Content-Length: 11\r\n")) << first;
  EXPECT_NE(std::string::npos, first.find("Host: 127.0.0.1:")) << first;
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(requests[i].ends_with("\r\n\r\n" + envelopes[i])) << i;
  }
}

TEST(HttpTransportTest, AConnectionTheLedgerClosedWhileIdleIsReplacedWithoutAFailure) {
  // Each connection answers one request, then closes without saying so (an idle timeout).
  FakeLedger ledger([](FakePeer& peer, int) {
    if (peer.ReadRequest()) peer.Send(HttpAnswer(200, kAck));
  });
  std::unique_ptr<sync::Transport> transport = Transport(ledger.url());
  ASSERT_NE(nullptr, transport);
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(std::string("ok 200 ") + kAck, Outcome(transport->PostBatch("batch"))) << i;
    EXPECT_EQ(i, ledger.accepted());
  }
}

TEST(HttpTransportTest, ABatchIsSentAtMostTwiceWhenNoAnswerComes) {
  // The first connection answers and closes; every later one closes without an answer.
  FakeLedger ledger([](FakePeer& peer, int connection) {
    if (peer.ReadRequest() && connection == 1) peer.Send(HttpAnswer(200, kAck));
  });
  std::unique_ptr<sync::Transport> transport = Transport(ledger.url());
  ASSERT_NE(nullptr, transport);
  ASSERT_EQ(std::string("ok 200 ") + kAck, Outcome(transport->PostBatch("batch")));
  EXPECT_EQ("NoAnswerFromLedgerAt: no answer from the ledger at " + ledger.url() +
                ": connection closed before the answer",
            Outcome(transport->PostBatch("batch")));
  EXPECT_EQ(2, ledger.accepted());  // the kept-alive one, then one new connection
  // A new connection that closes unanswered is not tried again.
  EXPECT_EQ("NoAnswerFromLedgerAt: no answer from the ledger at " + ledger.url() +
                ": connection closed before the answer",
            Outcome(transport->PostBatch("batch")));
  EXPECT_EQ(3, ledger.accepted());
}

TEST(HttpTransportTest, ALedgerThatHangsUpMidBatchIsNoAnswerNotASignal) {
  FakeLedger ledger([](FakePeer&, int) {});  // closes each connection unread
  std::unique_ptr<sync::Transport> transport = Transport(ledger.url());
  ASSERT_NE(nullptr, transport);
  for (int i = 1; i <= 3; ++i) {  // writing into a reset connection raises no SIGPIPE
    const Result<sync::LedgerAnswer> answer =
        transport->PostBatch(std::string(sync::kMaxEnvelopeBytes, 'b'));
    EXPECT_EQ(Refusal::kNoAnswerFromLedgerAt, answer.status().refusal()) << Outcome(answer);
  }
  EXPECT_EQ(3, ledger.accepted());
}

TEST(HttpTransportTest, AConnectionCloseAnswerIsNotReused) {
  FakeLedger ledger([](FakePeer& peer, int) {
    while (peer.ReadRequest()) {
      if (!peer.Send("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}")) return;
    }
  });
  std::unique_ptr<sync::Transport> transport = Transport(ledger.url());
  ASSERT_NE(nullptr, transport);
  EXPECT_EQ("ok 200 {}", Outcome(transport->PostBatch("one")));
  EXPECT_EQ("ok 200 {}", Outcome(transport->PostBatch("two")));
  EXPECT_EQ(2, ledger.accepted());
}

// Answers the request with `head` then 'x' up to `total` bytes, the first of them in the same
// write as the head, never holding more than 64 KiB of them.
FakeLedger::Serve Flood(std::string head, int64_t total) {
  return [head = std::move(head), total](FakePeer& peer, int) {
    const std::string filler(64 * 1024, 'x');
    if (!peer.ReadRequest() || !peer.Send(head + filler.substr(0, 500))) return;
    peer.Stream(filler, total - 500);
  };
}

// Floods a transport with an answer of `head` and 400 MiB more; the refusal, said in English
// with "<url>" for the ledger's address. The client's peak memory must grow by less than
// 50 MB, and it must stop reading long before the end.
std::string FloodedRefusal(const std::string& head) {
  FakeLedger ledger(Flood(head, 400 * kMiB));
  std::unique_ptr<sync::Transport> transport = Transport(ledger.url());
  if (transport == nullptr) return "no transport";
  ResetPeakResident();
  const int64_t before = PeakResidentKiB();
  const Result<sync::LedgerAnswer> answer = transport->PostBatch("batch");
  EXPECT_LT(PeakResidentKiB() - before, 50 * 1000) << "KiB more at the peak";
  transport.reset();  // closes the connection: the flood ends
  // At most what the kernel's socket buffers took, besides the little the client read.
  EXPECT_LT(ledger.WaitServed(1), 64 * kMiB);
  std::string said = Outcome(answer);
  if (const size_t at = said.find(ledger.url()); at != std::string::npos)
    said.replace(at, ledger.url().size(), "<url>");
  return said;
}

TEST(HttpTransportTest, ABodyAnnouncedOverTheLimitIsRefusedAfterItsHeader) {
  EXPECT_EQ(
      "LedgerAnswerTooLarge: the body of the answer from the ledger at <url> is larger than 65536 "
      "bytes; "
      "the answer was not taken",
      FloodedRefusal("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(400 * kMiB) +
                     "\r\n\r\n"));
}

TEST(HttpTransportTest, ABodyWithoutALengthIsReadOnlyUpToTheLimit) {
  EXPECT_EQ(
      "LedgerAnswerTooLarge: the body of the answer from the ledger at <url> is larger than 65536 "
      "bytes; "
      "the answer was not taken",
      FloodedRefusal("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"));
  EXPECT_EQ(
      "LedgerAnswerTooLarge: the body of the answer from the ledger at <url> is larger than 65536 "
      "bytes; "
      "the answer was not taken",
      FloodedRefusal("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6400000\r\n"));
}

TEST(HttpTransportTest, AnEndlessHeaderLineIsRefused) {
  EXPECT_EQ(
      "LedgerAnswerTooLarge: the header of the answer from the ledger at <url> is larger than "
      "16384 bytes; "
      "the answer was not taken",
      FloodedRefusal("HTTP/1.1 200 OK\r\nX-Filler: "));
}

TEST(HttpTransportTest, TheLargestAnswerALedgerGivesFitsWithAWideMargin) {
  // A 422 whose reason nests causes as deep as a status is read, each naming a text longer
  // than any the books take (a void's reason), made of the one character JSON doubles.
  const std::string text(kMaxReasonBytes, '"');
  Status reason = Refuse(Refusal::kLineDoesNotAddUp, text);
  for (int depth = 1; depth < kMaxEncodedCauseDepth; ++depth) {
    reason = RefuseAt(Refusal::kAtProduct, text)(reason);
  }
  const sync::BatchAnswer refused{.http_status = 422, .hwm = INT64_MAX, .reason = reason};
  const std::string body = sync::EncodeBatchAnswer(refused);
  EXPECT_LT(4 * body.size(), sync::kMaxAnswerBytes) << body.size();
}

TEST(HttpTransportTest, AnAnswerThatNeverComesTimesOut) {
  FakeLedger ledger([](FakePeer& peer, int) {
    if (peer.ReadRequest()) peer.WaitForClose();
  });
  std::unique_ptr<sync::Transport> transport = Transport(ledger.url(), kQuick);
  ASSERT_NE(nullptr, transport);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ("NoAnswerFromLedgerAt: no answer from the ledger at " + ledger.url() +
                ": timed out waiting for the answer",
            Outcome(transport->PostBatch("batch")));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(1, ledger.accepted());  // a timeout is not a closed connection: not sent again
}

TEST(HttpTransportTest, AnAnswerThatIsNotHttpIsRefused) {
  FakeLedger ledger([](FakePeer& peer, int) {
    if (peer.ReadRequest()) peer.Send("SSH-2.0-OpenSSH_9.2\r\n\r\n");
  });
  std::unique_ptr<sync::Transport> transport = Transport(ledger.url());
  ASSERT_NE(nullptr, transport);
  const Result<sync::LedgerAnswer> answer = transport->PostBatch("batch");
  EXPECT_EQ(Refusal::kLedgerAnswerNotHttp, answer.status().refusal()) << Outcome(answer);
  EXPECT_EQ(StatusCode::kIoError, answer.status().code());
}

TEST(HttpTransportTest, ARefusedConnectionNamesTheLedgerAndTheCauseInBothLanguages) {
  const testing::RefusingPort port;
  std::unique_ptr<sync::Transport> transport = Transport(port.url());
  ASSERT_NE(nullptr, transport);
  const Result<sync::LedgerAnswer> answer = transport->PostBatch("batch");
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(StatusCode::kIoError, answer.status().code());
  EXPECT_EQ("no answer from the ledger at " + port.url() + ": connection refused",
            Explain(answer.status(), Language::kEnglish));
  EXPECT_EQ("Tidak ada jawaban dari ledger di " + port.url() + ": koneksi ditolak",
            Explain(answer.status(), Language::kIndonesian));
  // The transport stays usable: the next call tries again.
  EXPECT_EQ(Refusal::kNoAnswerFromLedgerAt, transport->PostBatch("batch").status().refusal());
}

TEST(HttpTransportTest, TakesOnlyALedgerAddress) {
  for (const std::string url :
       {"ftp://ledger", "http://ledger/v1", "http://", "http://ledger:0", "ledger:8080"}) {
    Result<std::unique_ptr<sync::Transport>> made = sync::MakeHttpTransport(url);
    EXPECT_EQ(Refusal::kNotALedgerAddress, made.status().refusal()) << url;
  }
  EXPECT_TRUE(sync::MakeHttpTransport("https://ledger.bazar.example").ok());
}

TEST(HttpTransportTest, AnUnreadableLedgerCaRefusesEveryBatch) {
  ::setenv("LAPAK_LEDGER_CA", "/nonexistent/ledger-ca.pem", 1);
  std::unique_ptr<sync::Transport> https = Transport("https://127.0.0.1:8443");
  std::unique_ptr<sync::Transport> http = Transport("http://127.0.0.1:8080");  // reads no CA
  ::unsetenv("LAPAK_LEDGER_CA");
  ASSERT_NE(nullptr, https);
  ASSERT_NE(nullptr, http);
  for (int i = 0; i < 2; ++i) {
    const Result<sync::LedgerAnswer> answer = https->PostBatch("batch");
    EXPECT_EQ(Refusal::kLedgerCaUnreadable, answer.status().refusal()) << Outcome(answer);
    EXPECT_EQ(StatusCode::kInvalidArgument, answer.status().code());
    EXPECT_NE(std::string::npos, answer.status().message().find("'/nonexistent/ledger-ca.pem'"))
        << answer.status().message();
  }
}

}  // namespace
}  // namespace lapak
