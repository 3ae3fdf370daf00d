// RetireDatabase (core/retire_database.h): a reset never replaces an earlier retired database,
// nor any file that happens to hold the name it would take.
#include "core/retire_database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>

#include "core/store.h"
#include "tests/support/process.h"

namespace lapak {
namespace {

// 2026-11-22 12:00:00 UTC (19:00 WIB), standing still: every reset below asks for one name.
const TimePoint kNow{std::chrono::milliseconds(1'795'348'800'000)};
constexpr char kStem[] = "stall.db.retired-2026-11-22T12:00:00.000Z";

bool Exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

class RetireDatabaseTest : public ::testing::Test {
 protected:
  // Sets up a stall `stall_id` in a new database at db_.
  void SetUpStall(const std::string& stall_id) {
    Result<std::unique_ptr<StallStore>> store = StallStore::Open(db_, clock_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)
                    ->Initialise({stall_id, "Warung " + stall_id, "T1", "Asia/Jakarta", "04:00",
                                  "9999", "1234"})
                    .ok());
  }

  // The stall id held by the database at `path`, or the error opening it.
  std::string StallIdIn(const std::string& path) {
    Result<std::unique_ptr<StallStore>> store =
        StallStore::Open(path, clock_, OpenMode::kMustExist);
    if (!store.ok()) return store.status().ToString();
    Result<StallInfo> info = (*store)->Info();
    return info.ok() ? info->stall_id : info.status().ToString();
  }

  testing::TempDir dir_;
  const std::string db_ = dir_.File("stall.db");
  ManualClock clock_{kNow};
};

TEST_F(RetireDatabaseTest, TheNameIsThePathAndTheTime) {
  SetUpStall("BKS-07");
  Result<std::string> retired = RetireDatabase(db_, clock_);
  ASSERT_TRUE(retired.ok()) << retired.status().ToString();
  EXPECT_EQ(dir_.File(kStem), *retired);
  EXPECT_FALSE(Exists(db_));
  EXPECT_EQ("BKS-07", StallIdIn(*retired));
}

TEST_F(RetireDatabaseTest, ASecondResetAtTheSameTimeKeepsTheFirstRetiredDatabase) {
  SetUpStall("BKS-07");
  Result<std::string> first = RetireDatabase(db_, clock_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  SetUpStall("SOTO-02");
  Result<std::string> second = RetireDatabase(db_, clock_);  // the same instant: the same name
  ASSERT_TRUE(second.ok()) << second.status().ToString();

  EXPECT_EQ(dir_.File(kStem), *first);
  EXPECT_EQ(dir_.File(std::string(kStem) + "-2"), *second);
  EXPECT_FALSE(Exists(db_));
  EXPECT_EQ("BKS-07", StallIdIn(*first));
  EXPECT_EQ("SOTO-02", StallIdIn(*second));
}

TEST_F(RetireDatabaseTest, ANameTakenByAnyFileOrByAStaleWalIsPassedOver) {
  // A file that is no database at the first name, and a -wal left at the second: neither is
  // touched, and the database goes to the third name.
  const std::string stem = dir_.File(kStem);
  testing::WriteFile(stem, "not a database, but someone's");
  testing::WriteFile(stem + "-2-wal", "a stale write-ahead log");
  SetUpStall("BKS-07");
  Result<std::string> retired = RetireDatabase(db_, clock_);
  ASSERT_TRUE(retired.ok()) << retired.status().ToString();

  EXPECT_EQ(stem + "-3", *retired);
  EXPECT_EQ("BKS-07", StallIdIn(*retired));
  EXPECT_EQ("not a database, but someone's", testing::ReadFile(stem));
  EXPECT_EQ("a stale write-ahead log", testing::ReadFile(stem + "-2-wal"));
  EXPECT_FALSE(Exists(stem + "-2"));
}

}  // namespace
}  // namespace lapak
