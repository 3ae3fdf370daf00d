// Crash test: a child records sales and acknowledges each one after its commit; the parent
// kills it with SIGKILL at a random moment, then checks that every acknowledged sale is
// there, that no sale is half-written, that the chain verifies and that SQLite's integrity
// check passes. 200 rounds by default; LAPAK_CRASH_ROUNDS asks for more. The kill moments
// come from a fixed seed, printed; LAPAK_CRASH_SEED gives another (or replays a failed run's).
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/receipt_number.h"
#include "core/store.h"
#include "tests/support/process.h"

namespace lapak {
namespace {

// 2026-11-28 10:00 WIB: every round sells on the same business day.
constexpr int64_t kClockStartMs = 1'795'834'800'000;

constexpr unsigned kDefaultSeed = 20261128;

int Rounds() {
  const char* rounds = std::getenv("LAPAK_CRASH_ROUNDS");
  return rounds ? std::atoi(rounds) : 200;
}

unsigned Seed() {
  const char* seed = std::getenv("LAPAK_CRASH_SEED");
  return seed != nullptr && *seed != '\0' ? static_cast<unsigned>(std::strtoul(seed, nullptr, 10))
                                          : kDefaultSeed;
}

std::string IntegrityCheck(const std::string& path) {
  sqlite3* db = nullptr;
  std::string answer = "cannot open";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      answer = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return answer;
}

struct Ack {
  std::string receipt;
  int64_t total = 0;
};

// The sales index as the database holds it, by journal seq; throws if it cannot be read.
std::map<int64_t, Ack> RecordedSales(const std::string& path) {
  std::map<int64_t, Ack> sales;
  sqlite3* db = nullptr;
  sqlite3_stmt* statement = nullptr;
  bool read = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
              sqlite3_prepare_v2(db, "SELECT seq, business_day, receipt_number, total FROM sales", -1,
                                 &statement, nullptr) == SQLITE_OK;
  int rc = SQLITE_ROW;
  while (read && (rc = sqlite3_step(statement)) == SQLITE_ROW) {
    const auto* day = reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
    sales[sqlite3_column_int64(statement, 0)] =
        Ack{FormatReceiptNumber(day, sqlite3_column_int64(statement, 2)), sqlite3_column_int64(statement, 3)};
  }
  const std::string error = sqlite3_errmsg(db);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  if (!read || rc != SQLITE_DONE) throw std::runtime_error("cannot read the sales: " + error);
  return sales;
}

TEST(CrashTest, EveryAcknowledgedSaleSurvivesSigkill) {
  testing::TempDir dir;
  const std::string db = dir.File("stall.db");
  ManualClock clock(TimePoint{std::chrono::milliseconds(kClockStartMs)});
  {
    auto store = StallStore::Open(db, clock);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Initialise({"BKS-07", "Bakso", "T1", "Asia/Jakarta", "04:00", "9999", "1234"}).ok());
    ASSERT_TRUE((*store)->ImportCatalog({{"A", "Bakso Urat", "Makanan", Money::Rupiah(20000)},
                                         {"B", "Es Teh", "Minuman", Money::Rupiah(5000)},
                                         {"C", "Kerupuk", "Tambahan", Money::Rupiah(2000)}},
                                        false)
                    .ok());
  }

  const unsigned seed = Seed();
  const int rounds = Rounds();
  std::printf(
      "[ crash ] seed %u (LAPAK_CRASH_SEED=%u to replay the same kill moments), %d rounds\n", seed,
      seed, rounds);
  std::mt19937 random(seed);
  SCOPED_TRACE("LAPAK_CRASH_SEED=" + std::to_string(seed));
  std::map<int64_t, Ack> acknowledged;  // by journal seq, across all rounds
  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    {
      // Each round's clock starts 20 s after the last (the writer advances 100 ms a sale, and
      // no round sells 200), so entry times keep rising and 2000 rounds stay within one
      // business day.
      const int64_t round_start_ms = kClockStartMs + int64_t{round} * 20'000;
      testing::Child writer({LAPAK_CRASH_WRITER_PATH, db, std::to_string(round_start_ms), "1000000"});
      // Let it acknowledge 0-20 sales, then kill it 0-3 ms later: mid-commit, between
      // commits, or before it has opened the database.
      const int acks_before_kill = std::uniform_int_distribution<int>(0, 20)(random);
      auto record = [&acknowledged](const std::string& line) {
        std::istringstream fields(line);
        int64_t seq = 0;
        Ack ack;
        fields >> seq >> ack.receipt >> ack.total;
        acknowledged[seq] = ack;
      };
      std::string line;
      for (int a = 0; a < acks_before_kill && writer.ReadLine(line); ++a) record(line);
      std::this_thread::sleep_for(std::chrono::microseconds(
          std::uniform_int_distribution<int>(0, 3000)(random)));  // a random kill moment
      writer.Kill(SIGKILL);
      // Acknowledgements written before the kill but not read yet count too.
      while (writer.ReadLine(line)) record(line);
      const int status = writer.Wait();
      ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer failed by itself";
    }

    ASSERT_EQ("ok", IntegrityCheck(db));
    auto store = StallStore::Open(db, clock);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    // Verify proves the sales index equals the journal; the index then answers for the acks.
    const std::map<int64_t, Ack> recorded = RecordedSales(db);
    for (const auto& [seq, ack] : acknowledged) {
      const auto found = recorded.find(seq);
      ASSERT_NE(recorded.end(), found) << "acknowledged sale lost: " << ack.receipt;
      ASSERT_EQ(ack.receipt, found->second.receipt);
      ASSERT_EQ(ack.total, found->second.total);
    }
    auto verify = (*store)->Verify();
    ASSERT_TRUE(verify.ok()) << verify.status().ToString();
    ASSERT_TRUE(verify->ok) << "entry " << verify->first_bad_seq << ": " << verify->problem;
    // Besides the acknowledged sales there may be at most one more per round: the sale
    // committed just before the kill, whose acknowledgement never left the child.
    ASSERT_GE(verify->sales, static_cast<int64_t>(acknowledged.size()));
    ASSERT_LE(verify->sales, static_cast<int64_t>(acknowledged.size()) + round + 1);
  }
}

}  // namespace
}  // namespace lapak
