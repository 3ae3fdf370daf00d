// The sync contract end to end: terminals' batches, built from real stall databases, POSTed
// over loopback to the real `lapak-ledger serve`, and what the ledger holds afterwards; on
// either engine (tests/sync/ledger_target.h).
#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <fstream>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/ledger/store/ledger_store.h"
#include "sync/protocol.h"
#include "sync/transport.h"
#include "sync/uploader.h"
#include "tests/support/process.h"
#include "tests/support/xlsx_cells.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/sealed_batch.h"
#include "tests/sync/stall_fixture.h"

namespace lapak {
namespace {

using nlohmann::json;
using testing::Cash;
using testing::Qris;
using testing::Transfer;

const std::string kEvent = "expo-semarang-2026";
const std::string kStall = "BKS-07";
const std::string kDay = "2026-11-22";  // the business day of StallFixture's default clock

// cpp-httplib 0.11's client writes without MSG_NOSIGNAL: a ledger that answers 413 and closes
// while the body is still being written would kill this process with SIGPIPE.
[[maybe_unused]] const bool kSigpipeIgnored = [] {
  ::signal(SIGPIPE, SIG_IGN);
  return true;
}();

struct Answer {
  int status = 0;
  std::string body;
};

std::string KeyOf(const std::string& code) {
  Result<sync::EnrolmentCode> parsed = sync::ParseEnrolmentCode(code);
  if (!parsed.ok()) throw std::runtime_error("bad enrolment code: " + parsed.status().ToString());
  return parsed->terminal_key;
}

ledger::LedgerFigures ToLedger(const DayFigures& f) {
  return {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
}

std::string Describe(const ledger::LedgerFigures& f) {
  std::string text = "sales " + std::to_string(f.sales_count) + " voids " + std::to_string(f.voids_count) +
                     " gross " + std::to_string(f.gross.rupiah()) + " voided " +
                     std::to_string(f.voids.rupiah()) + " net " + std::to_string(f.net.rupiah());
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    text += " " + std::string(method.name) + " " + std::to_string(f.by_method[method.method].rupiah());
  }
  return text;
}

// A fresh connection to 127.0.0.1:port; sends `request`, then reads until one whole HTTP
// answer (headers and Content-Length bytes of body) arrived, the peer closed, or `timeout`.
std::string RawExchange(int port, const std::string& request, std::chrono::milliseconds timeout) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const timeval send_timeout{static_cast<time_t>(timeout.count() / 1000), 0};
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof send_timeout);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error(std::string("connect failed: ") + std::strerror(errno));
  }
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server closed, or stopped reading: its answer may be waiting
    sent += static_cast<size_t>(n);
  }
  std::string answer;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const size_t headers_end = answer.find("\r\n\r\n");
    if (headers_end != std::string::npos) {
      const size_t length_at = answer.find("Content-Length: ");
      if (length_at != std::string::npos && length_at < headers_end) {
        const size_t length = std::stoul(answer.substr(length_at + 16));
        if (answer.size() >= headers_end + 4 + length) break;
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char chunk[4096];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    answer.append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
  return answer;
}

class LedgerIntegrationTest : public ::testing::Test {
 protected:
  LedgerIntegrationTest()
      : ledger_db_(testing::NewLedgerLocation(dir_)),
        ledger_(ledger_db_),
        key_(KeyOf(testing::EnrolTerminal(ledger_db_, kEvent, kStall, "T1", ledger_.url()))),
        stall_(dir_.File("T1.db"), kStall, "T1"),
        client_(ledger_.url()) {
    client_.set_read_timeout(10, 0);
  }

  Answer Post(const std::string& body) {
    httplib::Result result =
        client_.Post("/v1/batches", body.data(), body.size(), "application/octet-stream");
    if (!result) {
      ADD_FAILURE() << "no answer: " << httplib::to_string(result.error());
      return {};
    }
    return {result->status, result->body};
  }

  // The ledger's counters, read with an admin token (made on first use).
  json Metrics() {
    if (admin_token_.empty()) {
      const std::string made = testing::LedgerAdmin(ledger_db_, {"token", "add", "Admin", "--role", "admin"});
      admin_token_ = made.substr(0, made.find('\n'));
    }
    httplib::Result result = client_.Get("/v1/metrics", {{"Authorization", "Bearer " + admin_token_}});
    if (!result || result->status != 200) throw std::runtime_error("GET /v1/metrics failed");
    return json::parse(result->body);
  }

  // The batch of `stall` from `from_seq` to its newest entry, signed with `key`.
  static std::string Batch(testing::StallFixture& stall, int64_t from_seq, const std::string& key) {
    Result<sync::SealedBatch> batch = sync::BuildBatch(stall.store(), from_seq, key);
    if (!batch.ok()) throw std::runtime_error("BuildBatch: " + batch.status().ToString());
    return batch->bytes;
  }
  std::string Batch(int64_t from_seq) { return Batch(stall_, from_seq, key_); }

  // `terminal list --json` from the ledger's own CLI: the row of `terminal_id`.
  json TerminalRow(const std::string& terminal_id) {
    const json rows =
        json::parse(testing::LedgerAdmin(ledger_db_, {"terminal", "list", "--json"}));
    for (const json& row : rows) {
      if (row["terminal"] == terminal_id) return row;
    }
    throw std::runtime_error("terminal " + terminal_id + " not listed");
  }
  int64_t Hwm(const std::string& terminal_id = "T1") {
    return TerminalRow(terminal_id)["hwm"].get<int64_t>();
  }

  // The ledger database, read beside the running server (SQLite in WAL mode and PostgreSQL
  // alike: readers do not block it).
  std::unique_ptr<ledger::LedgerStore> OpenLedger() {
    Result<std::unique_ptr<ledger::LedgerStore>> store =
        ledger::LedgerStore::Open(ledger_db_, false);
    if (!store.ok()) throw std::runtime_error("open ledger: " + store.status().ToString());
    return std::move(store).value();
  }
  std::vector<ledger::StallDayTotals> DayTotals() {
    Result<std::vector<ledger::StallDayTotals>> totals = OpenLedger()->DayTotals(kEvent, kDay);
    if (!totals.ok()) throw std::runtime_error("DayTotals: " + totals.status().ToString());
    return *totals;
  }
  // kStall's figures on kDay, "none" when the ledger holds no row.
  std::string StallTotals() {
    for (const ledger::StallDayTotals& row : DayTotals()) {
      if (row.stall_id == kStall) return Describe(row.figures);
    }
    return "none";
  }
  std::vector<ledger::Reconciliation> Reconciliations(const std::string& terminal_id) {
    Result<std::vector<ledger::Reconciliation>> list = OpenLedger()->Reconciliations({kStall, terminal_id});
    if (!list.ok()) throw std::runtime_error("Reconciliations: " + list.status().ToString());
    return *list;
  }

  // The 401 body for a batch of T1 signed with another terminal's key: what every
  // unauthorised batch must get, word for word.
  std::string WrongKeyBody() {
    const std::string other_key =
        KeyOf(testing::EnrolTerminal(ledger_db_, kEvent, "OTHER-01", "T-OTHER", ledger_.url()));
    const Answer answer = Post(Batch(1, other_key));
    EXPECT_EQ(401, answer.status) << answer.body;
    return answer.body;
  }
  std::string Batch(int64_t from_seq, const std::string& key) { return Batch(stall_, from_seq, key); }

  testing::TempDir dir_;
  ledger::sql::Location ledger_db_;
  testing::LedgerProcess ledger_;
  std::string key_;
  testing::StallFixture stall_;
  httplib::Client client_;
  std::string admin_token_;
};

TEST_F(LedgerIntegrationTest, AppliedBatchIsAcknowledgedWithTheLedgersMark) {
  stall_.Sell(25000, {Cash(50000)});
  stall_.Sell(18000, {Qris(18000)});
  ASSERT_EQ(3, stall_.LastSeq());  // day open, two sales

  const Answer answer = Post(Batch(1));
  EXPECT_EQ(200, answer.status);
  const std::string mac = sync::AnswerMac(key_, {"T1", 1, 3, 200, 3, false});
  EXPECT_EQ(json({{"hwm", 3}, {"mac", mac}, {"terminal", "T1"}}), json::parse(answer.body));
  EXPECT_EQ(3, Hwm());
  EXPECT_EQ(1, Metrics()["applied"]);
  EXPECT_EQ("sales 2 voids 0 gross 43000 voided 0 net 43000 cash 25000 qris 18000 transfer 0",
            StallTotals());
}

TEST_F(LedgerIntegrationTest, OneFlippedByteAnywhereIsUnauthorisedAndNeverDecoded) {
  stall_.Sell(25000, {Cash(25000)});
  stall_.Sell(30000, {Transfer(30000)});
  const std::string good = Batch(1);
  Result<sync::EnvelopeView> view = sync::ParseEnvelope(good);
  ASSERT_TRUE(view.ok());
  const size_t payload_at = static_cast<size_t>(view->payload.data() - good.data());
  const size_t mac_at = good.size() - sync::kMacBytes;
  ASSERT_EQ(mac_at, payload_at + view->payload.size());
  const size_t last_seq_low_byte = payload_at - 4 - 1;  // before the u32 payload length

  const std::string expected_body = WrongKeyBody();
  const json before = Metrics();
  const std::vector<std::pair<std::string, size_t>> flips = {
      {"encoding byte (header)", 6},
      {"terminal id (header)", 8},
      {"last_seq (header)", last_seq_low_byte},
      {"first payload byte", payload_at},
      {"middle of payload", payload_at + view->payload.size() / 2},
      {"last payload byte", mac_at - 1},
      {"first mac byte", mac_at},
      {"last mac byte", good.size() - 1},
  };
  for (const auto& [where, at] : flips) {
    std::string tampered = good;
    tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
    const Answer answer = Post(tampered);
    EXPECT_EQ(401, answer.status) << where << ": " << answer.body;
    EXPECT_EQ(expected_body, answer.body) << where;
  }
  const json after = Metrics();
  EXPECT_EQ(before["payloads_decoded"], after["payloads_decoded"]) << "the decoder ran";
  EXPECT_EQ(before["unauthorised"].get<int64_t>() + static_cast<int64_t>(flips.size()),
            after["unauthorised"].get<int64_t>());
  EXPECT_EQ(0, Hwm());
  EXPECT_EQ("none", StallTotals());

  // The untampered batch still goes through: the refusals changed nothing.
  EXPECT_EQ(200, Post(good).status);
  EXPECT_EQ(3, Hwm());
}

TEST_F(LedgerIntegrationTest, AnotherTerminalsKeyIsUnauthorised) {
  stall_.SellCash(2);
  const json before = Metrics();
  const std::string body = WrongKeyBody();
  const json refused = json::parse(body);
  EXPECT_EQ("the batch is not signed with an enrolled terminal's key", refused.value("error", ""));
  EXPECT_EQ("BatchNotSigned", refused["reason"].value("refusal", ""));
  EXPECT_EQ(before["payloads_decoded"], Metrics()["payloads_decoded"]);
  EXPECT_EQ(0, Hwm());
}

TEST_F(LedgerIntegrationTest, RevokedTerminalIsUnauthorised) {
  stall_.SellCash(2);
  ASSERT_EQ(200, Post(Batch(1)).status);
  stall_.SellCash(2);
  const std::string expected_body = WrongKeyBody();

  testing::LedgerAdmin(ledger_db_, {"terminal", "revoke", kStall, "T1"});
  EXPECT_TRUE(TerminalRow("T1")["revoked"].get<bool>());
  const json before = Metrics();
  const Answer next = Post(Batch(4));
  EXPECT_EQ(401, next.status) << next.body;
  EXPECT_EQ(expected_body, next.body);
  const Answer replay = Post(Batch(1));  // even a batch it already holds
  EXPECT_EQ(401, replay.status) << replay.body;
  EXPECT_EQ(before["payloads_decoded"], Metrics()["payloads_decoded"]);
  EXPECT_EQ(3, Hwm());
}

TEST_F(LedgerIntegrationTest, UnknownTerminalGetsTheSameAnswerAsAWrongKey) {
  stall_.SellCash(1);
  testing::StallFixture stranger(dir_.File("T404.db"), kStall, "T404");
  stranger.SellCash(1);
  const std::string expected_body = WrongKeyBody();
  const json before = Metrics();
  const Answer answer = Post(Batch(stranger, 1, key_));  // a real key, of another terminal
  EXPECT_EQ(401, answer.status);
  EXPECT_EQ(expected_body, answer.body);
  const Answer random_key = Post(Batch(stranger, 1, std::string(32, '\x5a')));
  EXPECT_EQ(401, random_key.status);
  EXPECT_EQ(expected_body, random_key.body);
  EXPECT_EQ(before["payloads_decoded"], Metrics()["payloads_decoded"]);
}

TEST_F(LedgerIntegrationTest, TerminalPostingForAnotherStallIsForbiddenAndNothingApplied) {
  // T9 is enrolled for kStall, but its own database says it belongs to stall SATE-02, which
  // the ledger knows too.
  testing::LedgerAdmin(ledger_db_, {"stall", "add", kEvent, "SATE-02", "--name", "Sate Pak Min",
                                    "--category", "makanan"});
  const std::string key = KeyOf(testing::LedgerAdmin(
      ledger_db_, {"terminal", "enrol", kStall, "T9", "--url", ledger_.url(), "--no-qr"}));
  testing::StallFixture impostor(dir_.File("T9.db"), "SATE-02", "T9");
  impostor.Sell(40000, {Cash(40000)});
  const json before = Metrics();

  // Its envelope names T9 of SATE-02, which is not enrolled: refused before anything is decoded.
  const Answer answer = Post(Batch(impostor, 1, key));
  EXPECT_EQ(401, answer.status) << answer.body;
  EXPECT_EQ(before["payloads_decoded"], Metrics()["payloads_decoded"]);

  // An envelope that names T9 of kStall around a payload of SATE-02's: decoded, then refused.
  const std::vector<JournalEntry> entries = impostor.Entries();
  const Answer forged = Post(sync::SealEnvelope({.stall_id = kStall,
                                                 .terminal_id = "T9",
                                                 .first_seq = entries.front().seq,
                                                 .last_seq = entries.back().seq,
                                                 .encoding = sync::PayloadEncoding::kPlain},
                                                sync::EncodePayload(sync::ToWire("SATE-02", "T9", entries)), key));
  EXPECT_EQ(403, forged.status) << forged.body;
  EXPECT_NE(std::string::npos, json::parse(forged.body)["error"].get<std::string>().find("SATE-02"))
      << forged.body;
  EXPECT_EQ(before["payloads_decoded"].get<int64_t>() + 1, Metrics()["payloads_decoded"].get<int64_t>());
  EXPECT_EQ(0, Hwm("T9"));
  EXPECT_TRUE(DayTotals().empty());
}

TEST_F(LedgerIntegrationTest, ReplayedBatchGetsTheSameAckAndAddsNothing) {
  stall_.Sell(25000, {Cash(30000)});
  stall_.Sell(12000, {Qris(12000)});
  const std::string batch = Batch(1);
  const Answer first = Post(batch);
  ASSERT_EQ(200, first.status) << first.body;
  const std::string totals = StallTotals();
  const json before = Metrics();

  for (int i = 0; i < 3; ++i) {
    const Answer again = Post(batch);
    EXPECT_EQ(200, again.status);
    EXPECT_EQ(first.body, again.body);
  }
  const json after = Metrics();
  EXPECT_EQ(before["duplicates"].get<int64_t>() + 3, after["duplicates"].get<int64_t>());
  EXPECT_EQ(before["applied"], after["applied"]);
  EXPECT_EQ(3, Hwm());
  EXPECT_EQ(totals, StallTotals());
  EXPECT_EQ("sales 2 voids 0 gross 37000 voided 0 net 37000 cash 25000 qris 12000 transfer 0",
            totals);
}

TEST_F(LedgerIntegrationTest, BodyOverTheCapIs413WithJson) {
  // A raw connection: an HTTP client that writes the whole body before reading may see the
  // connection closed under it instead of the answer.
  const size_t size = 2 * 1024 * 1024;
  ASSERT_GT(size, sync::kMaxEnvelopeBytes);
  const std::string request =
      "POST /v1/batches HTTP/1.1\r\n"
      "Host: 127.0.0.1\r\n"
      "Content-Type: application/octet-stream\r\n"
      "Content-Length: " + std::to_string(size) + "\r\n\r\n" + std::string(size, 'x');
  const std::string answer = RawExchange(ledger_.port(), request, std::chrono::seconds(10));
  EXPECT_EQ(0u, answer.find("HTTP/1.1 413")) << answer.substr(0, 200);
  const size_t body_at = answer.find("\r\n\r\n");
  ASSERT_NE(std::string::npos, body_at) << answer.substr(0, 200);
  const json error = json::parse(answer.substr(body_at + 4), nullptr, false);
  ASSERT_TRUE(error.is_object()) << answer;
  EXPECT_EQ("a batch is at most " + std::to_string(sync::kMaxEnvelopeBytes) + " bytes", error.value("error", ""));
  EXPECT_EQ("BatchTooLarge", error["reason"].value("refusal", "")) << answer.substr(body_at);
  EXPECT_EQ(0, Metrics()["batches"]) << "the ingest ran on an oversized body";
}

TEST_F(LedgerIntegrationTest, ClaimedGigabyteIsRefusedFromItsHeaderWithoutWaitingForTheBody) {
  const std::string request =
      "POST /v1/batches HTTP/1.1\r\n"
      "Host: 127.0.0.1\r\n"
      "Content-Type: application/octet-stream\r\n"
      "Content-Length: 1073741824\r\n"
      "\r\n"
      "LPKB";
  const auto start = std::chrono::steady_clock::now();
  // The server's read timeout is 30 s: an answer within 10 s cannot have waited for 1 GiB.
  const std::string answer = RawExchange(ledger_.port(), request, std::chrono::seconds(10));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(0u, answer.find("HTTP/1.1 413")) << answer;
  const size_t body_at = answer.find("\r\n\r\n");
  ASSERT_NE(std::string::npos, body_at) << answer;
  const json error = json::parse(answer.substr(body_at + 4), nullptr, false);
  ASSERT_TRUE(error.is_object() && error.contains("error")) << answer;
  EXPECT_EQ("BatchTooLarge", error["reason"].value("refusal", "")) << answer;
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_EQ(0, Metrics()["batches"]);
}

// Every refusal the server answers in JSON is {"error": English, "reason": coded}.
TEST_F(LedgerIntegrationTest, RefusalsOfOtherRoutesAreCodedJson) {
  struct Refused {
    httplib::Result answer;
    int status;
    std::string error;
    std::string refusal;
  };
  Refused cases[] = {
      {client_.Get("/v1/no-such-route"), 404, "no such route", "NoSuchRoute"},
      {client_.Get("/v1/events"), 401, "a valid access token is required", "AccessTokenRequired"},
      {client_.Post("/v1/health", "{}", "application/json"), 405,
       "this route does not take that method", "MethodNotAllowed"},
  };
  for (Refused& refused : cases) {
    ASSERT_TRUE(refused.answer) << refused.refusal;
    EXPECT_EQ(refused.status, refused.answer->status) << refused.answer->body;
    const json body = json::parse(refused.answer->body);
    EXPECT_EQ(refused.error, body.value("error", "")) << refused.answer->body;
    EXPECT_EQ(refused.refusal, body["reason"].value("refusal", "")) << refused.answer->body;
    EXPECT_EQ(refused.error, body["reason"].value("message", "")) << refused.answer->body;
    client_.stop();  // a refused body closes the connection
  }
}

// `lapak-ledger` says a refusal in Bahasa Indonesia unless LAPAK_LANG=en, as `lapak` does;
// --json names its code.
TEST_F(LedgerIntegrationTest, LedgerCommandLineRefusesInBahasaIndonesiaByDefault) {
  const std::vector<std::string> again = {"stall", "add", kEvent, kStall};
  const testing::RunResult said = testing::RunLedger(ledger_db_, again);
  EXPECT_EQ(5, said.exit_code);
  EXPECT_EQ("lapak-ledger: Lapak '" + kStall + "' sudah ikut acara '" + kEvent + "'\n", said.err);

  const testing::RunResult english = testing::RunLedger(ledger_db_, again, {"LAPAK_LANG=en"});
  EXPECT_EQ(5, english.exit_code);
  EXPECT_EQ("lapak-ledger: stall '" + kStall + "' already takes part in event '" + kEvent + "'\n", english.err);

  std::vector<std::string> as_json = again;
  as_json.insert(as_json.begin(), "--json");
  const testing::RunResult coded = testing::RunLedger(ledger_db_, as_json);
  const json error = json::parse(coded.err);
  EXPECT_EQ("StallAlreadyInEvent", error["refusal"]);
  EXPECT_EQ("AlreadyExists", error["code"]);
  EXPECT_EQ("Lapak '" + kStall + "' sudah ikut acara '" + kEvent + "'", error["error"]);

  const testing::RunResult no_event =
      testing::RunLedger(ledger_db_, {"report", "day", "no-such-event", kDay});
  EXPECT_EQ(3, no_event.exit_code);
  EXPECT_EQ("lapak-ledger: Tidak ada acara 'no-such-event'\n", no_event.err);
}

TEST_F(LedgerIntegrationTest, MalformedBodiesAre400) {
  stall_.SellCash(1);
  const json before = Metrics();
  const Answer garbage = Post("this is not an envelope at all");
  EXPECT_EQ(400, garbage.status) << garbage.body;
  EXPECT_TRUE(json::parse(garbage.body).contains("error"));
  EXPECT_EQ(before["payloads_decoded"], Metrics()["payloads_decoded"]);

  // Framed and signed with T1's own key, but the payload is no archive.
  const Answer not_archive = Post(sync::SealEnvelope(
      {.stall_id = kStall, .terminal_id = "T1", .first_seq = 1, .last_seq = 2, .encoding = sync::PayloadEncoding::kPlain},
      "22 serialization::archive 18 hello", key_));
  EXPECT_EQ(400, not_archive.status) << not_archive.body;
  EXPECT_TRUE(json::parse(not_archive.body).contains("error"));
  // Signed, said to be zlib, but not.
  const Answer not_zlib = Post(sync::SealEnvelope(
      {.stall_id = kStall, .terminal_id = "T1", .first_seq = 1, .last_seq = 2, .encoding = sync::PayloadEncoding::kZlib},
      "definitely not deflate", key_));
  EXPECT_EQ(400, not_zlib.status) << not_zlib.body;
  EXPECT_EQ(0, Hwm());
  EXPECT_EQ("none", StallTotals());
  EXPECT_EQ(before["refused"].get<int64_t>() + 3, Metrics()["refused"].get<int64_t>());
}

TEST_F(LedgerIntegrationTest, GapIs409WithTheLedgersMark) {
  stall_.SellCash(2);
  ASSERT_EQ(200, Post(Batch(1)).status);  // 1..3
  stall_.SellCash(3);                      // 4..6
  const Answer gap = Post(Batch(5));       // hwm + 2
  EXPECT_EQ(409, gap.status) << gap.body;
  const json body = json::parse(gap.body);
  EXPECT_EQ(3, body["hwm"]);
  EXPECT_FALSE(body["conflict"].get<bool>());
  EXPECT_EQ(sync::AnswerMac(key_, {"T1", 5, 6, 409, 3, false}), body["mac"]);
  EXPECT_TRUE(body.contains("error"));
  EXPECT_EQ(3, Hwm());
  EXPECT_EQ("sales 2 voids 0 gross 50000 voided 0 net 50000 cash 50000 qris 0 transfer 0",
            StallTotals());
}

TEST_F(LedgerIntegrationTest, PartlyHeldBatchAppliesOnlyTheNewEntries) {
  stall_.Sell(10000, {Cash(10000)});
  stall_.Sell(20000, {Qris(20000)});
  ASSERT_EQ(200, Post(Batch(1)).status);  // 1..3
  stall_.Sell(40000, {Transfer(40000)});
  stall_.Sell(80000, {Cash(100000)});
  ASSERT_EQ(5, stall_.LastSeq());

  const Answer answer = Post(Batch(1));  // 1..5
  EXPECT_EQ(200, answer.status) << answer.body;
  const std::string mac = sync::AnswerMac(key_, {"T1", 1, 5, 200, 5, false});
  EXPECT_EQ(json({{"hwm", 5}, {"mac", mac}, {"terminal", "T1"}}), json::parse(answer.body));
  EXPECT_EQ(5, Hwm());
  EXPECT_EQ("sales 4 voids 0 gross 150000 voided 0 net 150000 cash 90000 qris 20000 transfer 40000",
            StallTotals());
  EXPECT_EQ(Describe(ToLedger(stall_.Figures())), StallTotals());
}

TEST_F(LedgerIntegrationTest, DayTotalsAndTheZReconcileToTheRupiah) {
  ASSERT_TRUE(stall_.store().OpenDaySession(Money::Rupiah(200000)).ok());
  stall_.Sell(25000, {Cash(50000)});                  // change 25.000
  stall_.Sell(18000, {Qris(18000)});
  stall_.Sell(32500, {Transfer(32500)});
  stall_.Sell(47000, {Qris(20000), Cash(30000)});     // split, change 3.000
  const Receipt doubled = stall_.Sell(15000, {Cash(15000)});
  stall_.Void(doubled.receipt, "dobel");
  const ZReport z = stall_.CloseDay(200000 + 25000 + 27000);
  const DayFigures terminal = stall_.Figures(kDay);
  ASSERT_EQ(5, terminal.sales_count);
  ASSERT_EQ(Money::Rupiah(122500), terminal.net);

  // The terminal's own uploader over HTTP.
  Result<std::unique_ptr<sync::Transport>> transport = sync::MakeHttpTransport(ledger_.url());
  ASSERT_TRUE(transport.ok());
  sync::Uploader uploader(stall_.store(), **transport);
  ASSERT_TRUE(stall_.store().Enrol({ledger_.url(), key_}).ok());
  Result<sync::SyncRound> round = uploader.SyncOnce();
  ASSERT_TRUE(round.ok()) << round.status().ToString();
  EXPECT_EQ(0, round->unsent);
  EXPECT_EQ(stall_.LastSeq(), round->acknowledged_seq);
  EXPECT_EQ(stall_.LastSeq(), Hwm());

  const std::vector<ledger::StallDayTotals> totals = DayTotals();
  ASSERT_EQ(1u, totals.size());
  EXPECT_EQ(kStall, totals[0].stall_id);
  EXPECT_EQ(Describe(ToLedger(terminal)), Describe(totals[0].figures));
  EXPECT_EQ(ToLedger(terminal), totals[0].figures);

  const std::vector<ledger::Reconciliation> reconciliations = Reconciliations("T1");
  ASSERT_EQ(1u, reconciliations.size());
  const ledger::Reconciliation& r = reconciliations[0];
  EXPECT_EQ(z.z_number, r.z_number);
  EXPECT_EQ(kStall, r.stall_id);
  EXPECT_EQ(kDay, r.business_day);
  EXPECT_TRUE(r.agrees);
  EXPECT_EQ(Money(), r.difference);
  EXPECT_EQ(Money::Rupiah(122500), r.terminal.net);
  EXPECT_EQ(Money::Rupiah(122500), r.ledger.net);
  EXPECT_EQ(r.terminal.by_method, r.ledger.by_method);
  EXPECT_EQ(5, r.ledger.sales_count);

  // The workbook the organiser hands in, written at the console, says the same.
  const std::string workbook = dir_.File("hari.xlsx");
  testing::LedgerAdmin(ledger_db_, {"report", "day", kEvent, kDay, "--xlsx", workbook});
  std::ifstream file(workbook, std::ios::binary);
  const json book = testing::ReadXlsx(std::string(std::istreambuf_iterator<char>(file), {}));
  const json& stalls = testing::XlsxSheet(book, "Lapak");
  EXPECT_EQ(122500, testing::XlsxCell(stalls, kStall, "Bersih").value("number", 0.0));
  EXPECT_EQ(4, testing::XlsxCell(stalls, kStall, "Transaksi sah").value("number", 0.0));  // 5 − 1 voided
  EXPECT_EQ("Terminal dan ledger cocok", testing::XlsxCell(stalls, kStall, "Tutup hari (Z)").value("text", ""));
  EXPECT_EQ(0, testing::XlsxCell(stalls, kStall, "Laci lebih (+) / kurang (−)").value("number", -1.0));
}

TEST_F(LedgerIntegrationTest, AForgedZIsRefusedWholeAndFinally) {
  stall_.Sell(25000, {Cash(25000)});
  stall_.Sell(18000, {Qris(18000)});
  stall_.CloseDay(25000);
  std::vector<JournalEntry> entries = stall_.Entries();
  ASSERT_EQ(4u, entries.size());
  JournalEntry& close = entries.back();
  ASSERT_EQ(EntryKind::kDayClose, close.kind);
  Result<ZReport> z = DecodeZReport(close.body);
  ASSERT_TRUE(z.ok()) << z.status().ToString();
  // The Z claims Rp10.000 more cash than the sales the ledger receives, consistently.
  const Money extra = Money::Rupiah(10000);
  z->figures.gross = *z->figures.gross.Plus(extra);
  z->figures.net = *z->figures.net.Plus(extra);
  Money& cash = z->figures.by_method[PaymentMethod::kCash];
  cash = *cash.Plus(extra);
  z->expected_cash = *z->expected_cash.Plus(extra);
  z->over_short = *z->over_short.Minus(extra);
  close.body = EncodeZReport(*z);
  close.hash = ComputeEntryHash(close);

  // The ledger's books refuse it (422: resending cannot help), and with it the whole batch.
  const Answer answer = Post(testing::SealEntries(entries, kStall, "T1", key_));
  ASSERT_EQ(422, answer.status) << answer.body;
  const json refused = json::parse(answer.body);
  EXPECT_EQ("entry 4: Z report figures differ from the sales of its day", refused.value("error", ""));
  EXPECT_EQ(0, refused.value("hwm", -1));
  EXPECT_EQ("ZFiguresDiffer", refused["reason"]["causes"][0].value("refusal", ""));
  EXPECT_TRUE(Reconciliations("T1").empty());
  EXPECT_EQ("none", StallTotals());
}

}  // namespace
}  // namespace lapak
