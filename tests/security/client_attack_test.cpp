// Issue 11's attack on the terminal: a fake ledger (on the bazaar's Wi-Fi, or at an address an
// attacker got into an enrolment code) answers a batch with 400 MiB, which drove `lapak sync`
// to 2.96 GB (the same uploader runs inside `lapak-pos`). Replayed against the real `lapak sync`
// with an impostor on loopback (tests/sync/fake_ledger.h) that streams its answer from one
// 64 KiB piece, never holding it: the terminal refuses the answer with a message that names
// the ledger's address, exits non-zero, and its peak memory stays under 200 MB (the growth
// over a `lapak status` of the same database in an AddressSanitizer build:
// tests/security/attacker.h).
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "tests/security/attacker.h"
#include "tests/support/prerequisite.h"
#include "tests/sync/fake_ledger.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/stall_fixture.h"

namespace lapak::testing {
namespace {

const std::string kLapak = LAPAK_CLI_PATH;
const std::vector<std::string> kTerminalEnv = {"LAPAK_NOW=2026-11-22T12:30:00Z", "LAPAK_LANG=en"};
constexpr int64_t kAnswerBytes = 400 * kMiB;

// A huge answer: the head the impostor sends first, then `piece` again and again until
// kAnswerBytes went out or the terminal hung up.
struct HugeAnswer {
  std::string what;
  std::string head;
  std::string piece;
};

// How GoogleTest names the case (as the ctest name's GetParam()).
void PrintTo(const HugeAnswer& answer, std::ostream* out) { *out << answer.what; }

std::string ChunkedPiece() {
  const std::string data(0xffff, 'a');
  return "ffff\r\n" + data + "\r\n";
}

const HugeAnswer kHugeAnswers[] = {
    {"a body of 400 MiB",
     fmt::format("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n", kAnswerBytes),
     std::string(64 * 1024, 'a')},
    {"400 MiB in chunks", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
     ChunkedPiece()},
    {"400 MiB until the connection closes",
     "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n", std::string(64 * 1024, 'a')},
    {"a header line of 400 MiB", "HTTP/1.1 200 OK\r\nX-Endless: ", std::string(64 * 1024, 'h')},
};

class ClientAttackTest : public ::testing::TestWithParam<HugeAnswer> {};

TEST_P(ClientAttackTest, SyncRefusesAHugeAnswerWithinTheMemoryBound) {
  LAPAK_SKIP_UNLESS(CanMeasureChildMemory(), "/usr/bin/time is missing (Debian's package \"time\")");
  const HugeAnswer& attack = GetParam();
  FakeLedger impostor([&](FakePeer& peer, int) {
    if (!peer.ReadRequest()) return;
    if (!peer.Send(attack.head)) return;
    peer.Stream(attack.piece, kAnswerBytes);
  });

  // The terminal, enrolled with a code whose address is the impostor's.
  TempDir dir;
  const ledger::sql::Location scratch = NewLedgerLocation(dir);
  const std::string code = EnrolTerminal(scratch, "expo-semarang-2026", "BKS-07", "T1", impostor.url());
  StallFixture stall(dir.File("stall.db"), "BKS-07", "T1");
  stall.SellCash(3);
  const RunResult enrolled = testing::Run({kLapak, "--db", stall.db_path(), "enrol", code, "--pin", kStallOwnerPin}, kTerminalEnv);
  ASSERT_EQ(0, enrolled.exit_code) << enrolled.err;
  const MeasuredRun at_rest = RunMeasuringMemory({kLapak, "--db", stall.db_path(), "status"}, kTerminalEnv);
  ASSERT_EQ(0, at_rest.result.exit_code) << at_rest.result.err;

  const MeasuredRun sync = RunMeasuringMemory({kLapak, "--db", stall.db_path(), "sync"}, kTerminalEnv);
  const int64_t pushed = impostor.WaitServed(impostor.accepted());
  std::cout << "[ figures ] " << attack.what << ": `lapak sync` exited " << sync.result.exit_code
            << " after the impostor pushed " << pushed << " bytes on its last connection ("
            << impostor.accepted() << " connections); it said: " << sync.result.err << std::endl;
  EXPECT_NE(0, sync.result.exit_code) << sync.result.out;
  EXPECT_NE(std::string::npos, sync.result.err.find(impostor.url())) << "the address is not named";
  EXPECT_NE(std::string::npos, sync.result.err.find("is larger than")) << sync.result.err;
  EXPECT_NE(std::string::npos, sync.result.err.find("the answer was not taken")) << sync.result.err;
  // It hung up once over the cap: what the impostor got out is what loopback buffers hold.
  EXPECT_LT(pushed, 64 * kMiB) << "the terminal read the huge answer on";
  EXPECT_TRUE(PeakWithinBound(fmt::format("`lapak sync` against {}", attack.what), sync.peak_memory,
                              at_rest.peak_memory));

  // Nothing was taken as an answer: the sales are still to be sent.
  const RunResult status = testing::Run({kLapak, "--db", stall.db_path(), "status", "--json"}, kTerminalEnv);
  ASSERT_EQ(0, status.exit_code) << status.err;
  EXPECT_EQ(0, nlohmann::json::parse(status.out)["acknowledged_seq"]) << status.out;
}

std::string AnswerName(const ::testing::TestParamInfo<HugeAnswer>& info) {
  static const char* const kNames[] = {"Body", "Chunked", "UntilClose", "HeaderLine"};
  return kNames[info.index];
}

INSTANTIATE_TEST_SUITE_P(Answers, ClientAttackTest, ::testing::ValuesIn(kHugeAnswers), AnswerName);

}  // namespace
}  // namespace lapak::testing
