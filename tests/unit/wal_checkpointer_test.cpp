// core/wal_checkpointer.h: the log's checkpoints leave the writer's commits for a thread of
// their own. Observed through the file's size: pages reach the main file only by a checkpoint.
#include "core/wal_checkpointer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/sqlite.h"
#include "tests/support/process.h"

namespace lapak {
namespace {

constexpr int64_t kPageBytes = 4096;

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(path_, /*create=*/true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    writer_ = std::move(db).value();
    ASSERT_EQ("wal", writer_->QueryText("PRAGMA journal_mode = WAL").value());
    ASSERT_TRUE(writer_->Exec("PRAGMA synchronous = FULL; CREATE TABLE pages (bytes BLOB)").ok());
    empty_file_bytes_ = FileBytes();
  }

  // Commits `pages` pages of rows, 100 in each transaction.
  void Write(int pages) {
    for (int done = 0; done < pages; done += 100) {
      const Status written = writer_->Exec(
          "BEGIN; WITH RECURSIVE row(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM row WHERE n < 100) "
          "INSERT INTO pages SELECT zeroblob(4000) FROM row; COMMIT");
      ASSERT_TRUE(written.ok()) << written.ToString();
    }
  }

  int64_t FileBytes() const { return static_cast<int64_t>(std::filesystem::file_size(path_)); }
  int64_t LogBytes() const { return static_cast<int64_t>(std::filesystem::file_size(path_ + "-wal")); }

  testing::TempDir dir_;
  const std::string path_ = dir_.File("ledger.db");
  std::unique_ptr<sqlite::Database> writer_;
  int64_t empty_file_bytes_ = 0;
};

TEST_F(WalCheckpointerTest, CheckpointsOnItsOwnThreadOnceTheLogHoldsAThousandPages) {
  Result<std::unique_ptr<WalCheckpointer>> checkpointer = WalCheckpointer::Start(*writer_, path_);
  ASSERT_TRUE(checkpointer.ok()) << checkpointer.status().ToString();
  Write(500);
  (*checkpointer)->Stop();  // nothing was due: the log held fewer than 1 000 pages
  EXPECT_EQ(0, (*checkpointer)->checkpoints());
  EXPECT_EQ(empty_file_bytes_, FileBytes());

  checkpointer->reset();  // one checkpointer per writer at a time
  checkpointer = WalCheckpointer::Start(*writer_, path_);
  ASSERT_TRUE(checkpointer.ok());
  Write(700);          // the log passes 1 000 pages: a checkpoint is due
  (*checkpointer)->Stop();  // runs the one due before it ends
  EXPECT_GE((*checkpointer)->checkpoints(), 1);
  EXPECT_GE(FileBytes(), 1000 * kPageBytes);
  EXPECT_EQ(1200, writer_->QueryInt("SELECT count(*) FROM pages").value());
}

TEST_F(WalCheckpointerTest, TheWriterNoLongerCheckpointsItselfUntilTheCheckpointerIsGone) {
  {
    Result<std::unique_ptr<WalCheckpointer>> checkpointer = WalCheckpointer::Start(*writer_, path_);
    ASSERT_TRUE(checkpointer.ok());
    (*checkpointer)->Stop();  // its thread is gone; the writer's own checkpoint stays off
    Write(1500);
    EXPECT_EQ(empty_file_bytes_, FileBytes());
    EXPECT_GE(LogBytes(), 1500 * kPageBytes);
  }
  Write(100);  // SQLite's own checkpoint is back, in this commit
  EXPECT_GE(FileBytes(), 1500 * kPageBytes);
}

}  // namespace
}  // namespace lapak
