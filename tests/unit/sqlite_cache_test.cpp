// core/sqlite.h's statement cache: texts told apart whole, values bound by copy or borrowed.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/sqlite.h"

namespace lapak::sqlite {
namespace {

std::unique_ptr<Database> OpenInMemory() {
  Result<std::unique_ptr<Database>> db = Database::Open(":memory:", /*create=*/true);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

// "SELECT /*x…*/ <value> /*y…*/": texts of one length whose first and last 256 bytes agree.
std::string SelectPadded(int value) {
  return "SELECT /*" + std::string(300, 'x') + "*/ " + std::to_string(value) + " /*" + std::string(300, 'y') + "*/";
}

int64_t RunSelect(Database& db, const std::string& sql) {
  Statement statement(db, sql);
  EXPECT_TRUE(statement.Step()) << statement.status().ToString();
  return statement.ColumnInt(0);
}

TEST(StatementCacheTest, LongTextsThatDifferOnlyInTheMiddleAreDifferentStatements) {
  const std::string eleven = SelectPadded(11);
  const std::string twenty_two = SelectPadded(22);
  ASSERT_EQ(eleven.size(), twenty_two.size());
  EXPECT_EQ(TextHash{}(eleven), TextHash{}(twenty_two));  // the same hash, by design
  std::unique_ptr<Database> db = OpenInMemory();
  for (int round = 0; round < 2; ++round) {  // the second round takes both from the cache
    EXPECT_EQ(11, RunSelect(*db, eleven));
    EXPECT_EQ(22, RunSelect(*db, twenty_two));
  }
}

TEST(StatementCacheTest, BorrowedBytesAreReadWhileTheStatementLivesAndForgottenAfter) {
  std::unique_ptr<Database> db = OpenInMemory();
  ASSERT_TRUE(db->Exec("CREATE TABLE notes (text TEXT, bytes BLOB)").ok());
  for (const char* word : {"pertama", "kedua"}) {
    const std::string text = std::string(word) + " catatan";
    const std::string blob(3, word[0]);
    Statement insert(*db, "INSERT INTO notes VALUES (?1, ?2)");
    insert.Bind(1, text, Statement::Bytes::kBorrowed).BindBlob(2, blob, Statement::Bytes::kBorrowed);
    ASSERT_TRUE(insert.Run().ok()) << insert.status().ToString();
  }
  // The cached INSERT, run again with nothing bound, writes NULLs: no pointer was kept.
  Statement again(*db, "INSERT INTO notes VALUES (?1, ?2)");
  ASSERT_TRUE(again.Run().ok());
  Statement rows(*db, "SELECT coalesce(text, '-'), coalesce(bytes, x'2d') FROM notes ORDER BY rowid");
  std::vector<std::pair<std::string, std::string>> found;
  while (rows.Step()) found.emplace_back(rows.ColumnText(0), rows.ColumnBlob(1));
  ASSERT_TRUE(rows.status().ok()) << rows.status().ToString();
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"pertama catatan", "ppp"}, {"kedua catatan", "kkk"}, {"-", "-"}};
  EXPECT_EQ(expected, found);
}

}  // namespace
}  // namespace lapak::sqlite
