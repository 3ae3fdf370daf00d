// sql::Connection on PostgreSQL, each test on a fresh database of the server named by
// $LAPAK_TEST_POSTGRES (tests/support/postgres_database.h); skipped when it is not set
// (failed under CI=true, tests/support/prerequisite.h).
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "core/refusal.h"
#include "sync/ledger/store/postgres_schema.h"
#include "sync/ledger/store/sql.h"
#include "tests/support/postgres_database.h"
#include "tests/support/prerequisite.h"

namespace lapak::ledger::sql {
namespace {

constexpr std::string_view kHint = "lapak-ledger init";

Location At(const std::string& uri) { return Location{.postgres_uri = uri}; }

class PostgresConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    LAPAK_SKIP_UNLESS(test::PostgresAvailable(), "LAPAK_TEST_POSTGRES is not set");
    uri_ = test::FreshPostgresDatabase();
    connection_ = OpenOk(uri_);
    ASSERT_NE(connection_, nullptr);
    const std::string_view table =
        "CREATE TABLE t (id BIGINT PRIMARY KEY, n BIGINT, s TEXT, b BYTEA)";
    ASSERT_TRUE(connection_->Execute(table, {}).ok());
  }

  static std::unique_ptr<Connection> OpenOk(const std::string& uri) {
    Result<std::unique_ptr<Connection>> opened = Open(At(uri), true, kHint);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

  int64_t Count(Connection& connection) {
    Result<Rows> rows = connection.Query("SELECT count(*) FROM t", {});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->Int(0, 0) : -1;
  }

  std::string uri_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(PostgresConnectionTest, EveryValueTypeRoundTrips) {
  std::string all_bytes;
  for (int byte = 0; byte < 256; ++byte) all_bytes += static_cast<char>(byte);
  const std::string text = "Es teh manis — Rp 5.000 ☕ 'quoted' \\x00";
  EXPECT_EQ(connection_->engine(), Engine::kPostgres);
  ASSERT_TRUE(connection_
                  ->Execute("INSERT INTO t (id, n, s, b) VALUES ($1, $2, $3, $4)",
                            {Param(1), Param(INT64_MIN), Param(text), Param(Blob{all_bytes})})
                  .ok());
  ASSERT_TRUE(connection_
                  ->Execute("INSERT INTO t (id, n, s, b) VALUES ($1, $2, $3, $4)",
                            {Param(2), Value{}, Value{}, Param(Blob{})})
                  .ok());
  ASSERT_TRUE(connection_
                  ->Execute("INSERT INTO t (id, n, s, b) VALUES ($1, $2, $3, $4)",
                            {Param(3), Param(INT64_MAX), Param(""), Value{}})
                  .ok());

  Result<Rows> rows = connection_->Query("SELECT id, n, s, b FROM t ORDER BY id", {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->Int(0, 1), INT64_MIN);
  EXPECT_EQ(rows->Text(0, 2), text);
  EXPECT_EQ(rows->Bytes(0, 3), all_bytes);
  EXPECT_TRUE(rows->IsNull(1, 1));
  EXPECT_TRUE(rows->IsNull(1, 2));
  EXPECT_FALSE(rows->IsNull(1, 3));
  EXPECT_EQ(rows->Bytes(1, 3), "");
  EXPECT_EQ(rows->Int(2, 1), INT64_MAX);
  EXPECT_EQ(rows->Text(2, 2), "");
  EXPECT_TRUE(rows->IsNull(2, 3));

  // A blob as a parameter of a comparison, and 4- and 2-byte integers read as integers.
  rows = connection_->Query(
      "SELECT id, CAST(7 AS INTEGER), CAST(-7 AS SMALLINT) FROM t "
      "WHERE b = $1",
      {Param(Blob{all_bytes})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->Int(0, 0), 1);
  EXPECT_EQ(rows->Int(0, 1), 7);
  EXPECT_EQ(rows->Int(0, 2), -7);
}

TEST_F(PostgresConnectionTest, ParametersBindByNumberInAnyOrder) {
  ASSERT_TRUE(
      connection_
          ->Execute("INSERT INTO t (s, id, n) VALUES ($2, $1, $1)", {Param(5), Param("five")})
          .ok());
  Result<Rows> rows = connection_->Query("SELECT s, n FROM t WHERE id = $1", {Param(5)});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->Text(0, 0), "five");
  EXPECT_EQ(rows->Int(0, 1), 5);
}

TEST_F(PostgresConnectionTest, ExecuteCountsChangedRows) {
  for (int64_t id = 1; id <= 3; ++id) {
    Result<int64_t> inserted =
        connection_->Execute("INSERT INTO t (id, n) VALUES ($1, 0)", {Param(id)});
    ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
    EXPECT_EQ(*inserted, 1);
  }
  Result<int64_t> updated =
      connection_->Execute("UPDATE t SET n = n + 1 WHERE id >= $1", {Param(2)});
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(*updated, 2);
  Result<int64_t> upserted = connection_->Execute(
      "INSERT INTO t (id, n) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET n = t.n + excluded.n",
      {Param(3), Param(10)});
  ASSERT_TRUE(upserted.ok()) << upserted.status().ToString();
  EXPECT_EQ(*upserted, 1);
  Result<int64_t> deleted = connection_->Execute("DELETE FROM t WHERE id = $1", {Param(99)});
  ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
  EXPECT_EQ(*deleted, 0);
  Result<Rows> rows = connection_->Query("SELECT n FROM t WHERE id = 3", {});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->Int(0, 0), 11);
}

TEST_F(PostgresConnectionTest, UniqueViolationIsAlreadyExists) {
  const std::string_view insert = "INSERT INTO t (id) VALUES ($1)";
  ASSERT_TRUE(connection_->Execute(insert, {Param(1)}).ok());
  Result<int64_t> again = connection_->Execute(insert, {Param(1)});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("PostgreSQL: duplicate key"), std::string::npos)
      << again.status().message();
  EXPECT_NE(again.status().message().find("in INSERT INTO t (id) VALUES ($1)"), std::string::npos)
      << again.status().message();
}

TEST_F(PostgresConnectionTest, OtherErrorsAreIoErrorsNamingTheStatement) {
  Result<Rows> rows = connection_->Query("SELECT no_such_column\n   FROM t", {});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kIoError);
  EXPECT_NE(rows.status().message().find("PostgreSQL: column \"no_such_column\" does not exist"),
            std::string::npos)
      << rows.status().message();
  EXPECT_NE(rows.status().message().find("in SELECT no_such_column FROM t"), std::string::npos)
      << rows.status().message();
}

TEST_F(PostgresConnectionTest, TransactionRollsBackUnlessCommitted) {
  {
    Transaction transaction(*connection_, Transaction::kWrite);
    ASSERT_TRUE(transaction.status().ok()) << transaction.status().ToString();
    ASSERT_TRUE(connection_->Execute("INSERT INTO t (id) VALUES (1)", {}).ok());
    EXPECT_EQ(Count(*connection_), 1);
  }
  EXPECT_EQ(Count(*connection_), 0);

  std::unique_ptr<Connection> other = OpenOk(uri_);
  ASSERT_NE(other, nullptr);
  {
    Transaction transaction(*connection_, Transaction::kWrite);
    ASSERT_TRUE(transaction.status().ok()) << transaction.status().ToString();
    ASSERT_TRUE(connection_->Execute("INSERT INTO t (id) VALUES (1), (2)", {}).ok());
    EXPECT_EQ(Count(*other), 0);
    ASSERT_TRUE(transaction.Commit().ok());
  }
  EXPECT_EQ(Count(*other), 2);
}

TEST_F(PostgresConnectionTest, FailedStatementFailsTheTransaction) {
  ASSERT_TRUE(connection_->Execute("INSERT INTO t (id) VALUES (1)", {}).ok());
  {
    Transaction transaction(*connection_, Transaction::kWrite);
    ASSERT_TRUE(transaction.status().ok());
    ASSERT_TRUE(connection_->Execute("INSERT INTO t (id) VALUES (2)", {}).ok());
    EXPECT_EQ(connection_->Execute("INSERT INTO t (id) VALUES (1)", {}).status().code(),
              StatusCode::kAlreadyExists);
    EXPECT_FALSE(connection_->Execute("INSERT INTO t (id) VALUES (3)", {}).ok());
    // PostgreSQL answers COMMIT of a failed transaction by rolling it back: not ok.
    Status committed = transaction.Commit();
    EXPECT_EQ(committed.code(), StatusCode::kIoError) << committed.ToString();
  }
  EXPECT_EQ(Count(*connection_), 1);
}

TEST_F(PostgresConnectionTest, ReadTransactionSeesOneSnapshot) {
  std::unique_ptr<Connection> writer = OpenOk(uri_);
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(writer->Execute("INSERT INTO t (id) VALUES (1)", {}).ok());
  {
    Transaction transaction(*connection_, Transaction::kRead);
    ASSERT_TRUE(transaction.status().ok()) << transaction.status().ToString();
    EXPECT_EQ(Count(*connection_), 1);
    ASSERT_TRUE(writer->Execute("INSERT INTO t (id) VALUES (2)", {}).ok());
    EXPECT_EQ(Count(*connection_), 1);
    EXPECT_FALSE(connection_->Execute("INSERT INTO t (id) VALUES (3)", {}).ok());
  }
  EXPECT_EQ(Count(*connection_), 2);
}

TEST_F(PostgresConnectionTest, LostConnectionIsReportedAndThenReconnected) {
  EXPECT_EQ(Count(*connection_), 0);
  Result<Rows> killed = connection_->Query("SELECT pg_terminate_backend(pg_backend_pid())", {});
  ASSERT_FALSE(killed.ok());
  EXPECT_EQ(killed.status().code(), StatusCode::kIoError);
  EXPECT_TRUE(killed.status().message().starts_with("lost the connection to PostgreSQL"))
      << killed.status().message();
  // The statements prepared on the old connection are prepared again on the new one.
  EXPECT_EQ(Count(*connection_), 0);
  Result<Rows> setting = connection_->Query("SELECT current_setting('synchronous_commit')", {});
  ASSERT_TRUE(setting.ok()) << setting.status().ToString();
  EXPECT_EQ(setting->Text(0, 0), "on");

  // Lost inside a transaction: the transaction is over and fails until rolled back.
  {
    Transaction transaction(*connection_, Transaction::kWrite);
    ASSERT_TRUE(transaction.status().ok()) << transaction.status().ToString();
    ASSERT_TRUE(connection_->Execute("INSERT INTO t (id) VALUES (1)", {}).ok());
    EXPECT_FALSE(connection_->Query("SELECT pg_terminate_backend(pg_backend_pid())", {}).ok());
    EXPECT_FALSE(connection_->Execute("INSERT INTO t (id) VALUES (2)", {}).ok());
    EXPECT_EQ(transaction.Commit().code(), StatusCode::kIoError);
  }
  EXPECT_EQ(Count(*connection_), 0);
}

TEST(PostgresOpenTest, MigratesToTheLatestVersionOnceAndReopens) {
  LAPAK_SKIP_UNLESS(test::PostgresAvailable(), "LAPAK_TEST_POSTGRES is not set");
  const std::string uri = test::FreshPostgresDatabase();
  const int64_t latest = PostgresLedgerMigrations().back().version;
  // Two processes creating the database at once: one migrates, the other waits for it.
  Status first, second;
  std::thread other([&] { second = Open(At(uri), true, kHint).status(); });
  first = Open(At(uri), true, kHint).status();
  other.join();
  ASSERT_TRUE(first.ok()) << first.ToString();
  ASSERT_TRUE(second.ok()) << second.ToString();

  Result<std::unique_ptr<Connection>> opened = Open(At(uri), false, kHint);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Connection& connection = **opened;
  Result<Rows> version = connection.Query("SELECT version FROM lapak_schema", {});
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  ASSERT_EQ(version->size(), 1u);
  EXPECT_EQ(version->Int(0, 0), latest);

  // The schema's defaults and checks.
  ASSERT_TRUE(connection
                  .Execute("INSERT INTO events VALUES ('e', 'Bazar', 'Jawa Barat', 'Bandung', "
                           "'Asia/Jakarta', '2024-06-01', '2024-06-02')",
                           {})
                  .ok());
  ASSERT_TRUE(connection
                  .Execute("INSERT INTO stalls (id, name, category) VALUES ($1, 'Kopi', 'minuman')",
                           {Param("s")})
                  .ok());
  const std::string_view enrol =
      "INSERT INTO terminals (id, name, stall_id, event_id, terminal_key, enrolled_at_ms) "
      "VALUES ($1, $1, 's', 'e', $2, 0)";
  EXPECT_EQ(connection.Execute(enrol, {Param("short"), Param(Blob{std::string(31, 'k')})})
                .status()
                .code(),
            StatusCode::kIoError);
  ASSERT_TRUE(connection.Execute(enrol, {Param("t"), Param(Blob{std::string(32, 'k')})}).ok());
  Result<Rows> terminal = connection.Query("SELECT hwm, last_hash FROM terminals", {});
  ASSERT_TRUE(terminal.ok()) << terminal.status().ToString();
  EXPECT_EQ(terminal->Int(0, 0), 0);
  EXPECT_EQ(terminal->Bytes(0, 1), std::string(32, '\0'));
}

TEST(PostgresOpenTest, RefusesANewerSchemaVersion) {
  LAPAK_SKIP_UNLESS(test::PostgresAvailable(), "LAPAK_TEST_POSTGRES is not set");
  const std::string uri = test::FreshPostgresDatabase();
  const int64_t latest = PostgresLedgerMigrations().back().version;
  {
    Result<std::unique_ptr<Connection>> opened = Open(At(uri), true, kHint);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    ASSERT_TRUE(
        (*opened)->Execute("UPDATE lapak_schema SET version = $1", {Param(latest + 1)}).ok());
  }
  Result<std::unique_ptr<Connection>> opened = Open(At(uri), true, kHint);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(opened.status().refusal(), Refusal::kLedgerSchemaTooNew);
  EXPECT_EQ(opened.status().message(), "the ledger database is schema version " +
                                           std::to_string(latest + 1) +
                                           "; this lapak-ledger knows up to " +
                                           std::to_string(latest) + ": upgrade lapak-ledger");
}

TEST(PostgresOpenTest, AnEmptyDatabaseIsNotFoundUnlessCreating) {
  LAPAK_SKIP_UNLESS(test::PostgresAvailable(), "LAPAK_TEST_POSTGRES is not set");
  const std::string uri = test::FreshPostgresDatabase();
  Result<std::unique_ptr<Connection>> opened = Open(At(uri), false, kHint);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(opened.status().refusal(), Refusal::kLedgerDatabaseEmpty);
  EXPECT_EQ(opened.status().message(),
            "the ledger database " + uri + " is empty; create it with `lapak-ledger init`");
}

// Needs no server: nothing listens on port 1.
TEST(PostgresOpenTest, ConnectionFailureDoesNotShowThePassword) {
  for (const std::string uri :
       {"postgresql://lapak:sekret@127.0.0.1:1/ledger", "postgresql://lapak:sekret@[::1/ledger"}) {
    Result<std::unique_ptr<Connection>> opened = Open(At(uri), true, kHint);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), StatusCode::kIoError);
    EXPECT_EQ(opened.status().refusal(), Refusal::kCannotConnectToPostgres);
    EXPECT_TRUE(opened.status().message().starts_with("cannot connect to PostgreSQL at "))
        << opened.status().message();
    EXPECT_EQ(opened.status().message().find("sekret"), std::string::npos)
        << opened.status().message();
    EXPECT_EQ(Explain(opened.status(), Language::kIndonesian).find("sekret"), std::string::npos);
  }
}

}  // namespace
}  // namespace lapak::ledger::sql
