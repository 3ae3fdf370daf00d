// sql::Connection on PostgreSQL, through libpqxx 6.4.
//
// Each distinct SQL text is prepared once per connection (named s1, s2 …) and executed with
// text parameters: integers in decimal, bytes as bytea hex ("\x00ff…"), so every byte value
// survives. The server infers each parameter's type from where it stands; a parameter whose
// type the text does not fix (`SELECT $1`) is text. Outside a transaction each statement
// commits on its own. A lost connection is replaced by a new one at the next statement or
// Begin outside a transaction (libpqxx's own reactivation is never relied on).
#include <fmt/core.h>

#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "core/refusal.h"
#include "sync/ledger/store/postgres_schema.h"
#include "sync/ledger/store/sql_engines.h"

namespace lapak::ledger::sql {
namespace {

// Type OIDs of the result columns read as integers and bytes (pg_type.dat).
constexpr pqxx::oid kByteaOid = 17;
constexpr pqxx::oid kInt8Oid = 20;
constexpr pqxx::oid kInt2Oid = 21;
constexpr pqxx::oid kInt4Oid = 23;

// `text` on one line, whitespace runs collapsed, cut after `limit` characters.
std::string OneLine(std::string_view text, size_t limit) {
  std::string line;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (line.empty() || line.back() == ' ')) continue;
    if (line.size() == limit) break;
    line += space ? ' ' : c;
  }
  if (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// The server's message without its "ERROR:  " prefix, on one line.
std::string MessageOf(const std::exception& e) {
  std::string_view message = e.what();
  if (message.starts_with("ERROR:  ")) message.remove_prefix(8);
  return OneLine(message, 1000);
}

// A broken connection, a COMMIT whose answer was lost, SQLSTATE class 08 (connection
// exception) and 57P01-57P03 (the server shutting down or terminating this session).
bool IsLostConnection(const std::exception& e) {
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) return true;
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) return true;
  const auto* sql_error = dynamic_cast<const pqxx::sql_error*>(&e);
  if (sql_error == nullptr) return false;
  const std::string& state = sql_error->sqlstate();
  return state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03";
}

// The Status for an exception thrown while running `sql`.
Status ToStatus(const std::exception& e, std::string_view sql) {
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return Status::IoError(fmt::format(
        "lost the connection to PostgreSQL while committing; the transaction may or may not "
        "have been committed: {}",
        MessageOf(e)));
  }
  if (IsLostConnection(e)) {
    return Status::IoError(
        fmt::format("lost the connection to PostgreSQL in {}: {}", OneLine(sql, 80), MessageOf(e)));
  }
  const auto* sql_error = dynamic_cast<const pqxx::sql_error*>(&e);
  const std::string message = fmt::format("PostgreSQL: {} in {}", MessageOf(e), OneLine(sql, 80));
  if (sql_error != nullptr && sql_error->sqlstate() == "23505") {
    return Status::AlreadyExists(message);
  }
  return Status::IoError(message);
}

// Parameters as libpq text: NULL, decimal integers, text, bytea hex.
std::vector<std::optional<std::string>> TextParams(std::span<const Value> params) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::vector<std::optional<std::string>> texts;
  texts.reserve(params.size());
  for (const Value& value : params) {
    if (const auto* number = std::get_if<int64_t>(&value)) {
      texts.emplace_back(std::to_string(*number));
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      texts.emplace_back(*text);
    } else if (const auto* blob = std::get_if<Blob>(&value)) {
      std::string hex = "\\x";
      hex.reserve(2 + 2 * blob->bytes.size());
      for (unsigned char byte : blob->bytes) {
        hex += kHex[byte >> 4];
        hex += kHex[byte & 0xf];
      }
      texts.emplace_back(std::move(hex));
    } else {
      texts.emplace_back(std::nullopt);
    }
  }
  return texts;
}

// One column value by its column's type: integers, bytes, or text for every other type.
Value ToValue(const pqxx::field& field, pqxx::oid type) {
  if (field.is_null()) return std::monostate{};
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      int64_t number = 0;
      std::from_chars(field.c_str(), field.c_str() + field.size(), number);
      return number;
    }
    case kByteaOid:
      return Blob{pqxx::binarystring(field).str()};
    default:
      return std::string(field.c_str(), field.size());
  }
}

Rows ToRows(const pqxx::result& result) {
  std::vector<pqxx::oid> types;
  for (pqxx::row::size_type column = 0; column < result.columns(); ++column) {
    types.push_back(result.column_type(column));
  }
  std::vector<std::vector<Value>> rows;
  rows.reserve(result.size());
  for (const pqxx::row& row : result) {
    std::vector<Value>& values = rows.emplace_back();
    values.reserve(types.size());
    for (pqxx::row::size_type column = 0; column < types.size(); ++column) {
      values.push_back(ToValue(row[column], types[column]));
    }
  }
  return Rows(std::move(rows));
}

// Brings the database to the last of PostgresLedgerMigrations(), one migration per
// transaction together with the version in lapak_schema. Each transaction first takes an
// advisory lock, so a second process opening the database waits and then finds it migrated.
Status MigrateSchema(pqxx::connection& connection, bool create, const std::string& described,
                     std::string_view create_hint) {
  const std::span<const Migration> migrations = PostgresLedgerMigrations();
  const int latest = migrations.back().version;
  std::string_view statement = "BEGIN";
  try {
    while (true) {
      pqxx::work work(connection);
      statement = "SELECT pg_advisory_xact_lock(hashtext('lapak_schema'))";
      work.exec(std::string(statement));
      statement = "SELECT to_regclass('lapak_schema')";
      if (work.exec(std::string(statement))[0][0].is_null()) {
        if (!create) {
          return Refuse(Refusal::kLedgerDatabaseEmpty, described, create_hint);
        }
        statement = "CREATE TABLE lapak_schema (version INTEGER NOT NULL)";
        work.exec(std::string(statement) + "; INSERT INTO lapak_schema VALUES (0)");
      }
      statement = "SELECT version FROM lapak_schema";
      const pqxx::result version_rows = work.exec(std::string(statement));
      if (version_rows.size() != 1) {
        return Status::Corruption(
            fmt::format("the ledger database {} has {} rows in lapak_schema; it must have one",
                        described, version_rows.size()));
      }
      const int version = version_rows[0][0].as<int>();
      if (version > latest) {
        return Refuse(Refusal::kLedgerSchemaTooNew, version, latest);
      }
      if (version == latest) return Status::Ok();
      for (const Migration& migration : migrations) {
        if (migration.version <= version) continue;
        statement = migration.sql;
        work.exec(std::string(statement));
        statement = "UPDATE lapak_schema SET version = $1";
        work.exec_params(std::string(statement), migration.version);
        statement = "COMMIT";
        work.commit();
        break;
      }
    }
  } catch (const std::exception& e) {
    return ToStatus(e, statement);
  }
}

// A connection to the server, every transaction of it read-only if `read_only`; throws what
// libpqxx throws.
std::unique_ptr<pqxx::connection> Connect(const std::string& uri, bool read_only) {
  auto connection = std::make_unique<pqxx::connection>(uri);
  connection->set_variable("client_encoding", "'UTF8'");
  connection->set_variable("synchronous_commit", "on");  // ok means durable
  // A writer waits for a terminal's row (another batch of it, here or in another `serve`) a
  // few milliseconds; one that holds it much longer has hung (a frozen peer): the waiter gives
  // up after 10 s (the batch gets a 503 and comes again) instead of holding a worker, and the
  // server ends a transaction left idle for 60 s, releasing what it locked.
  connection->set_variable("lock_timeout", "'10s'");
  connection->set_variable("idle_in_transaction_session_timeout", "'60s'");
  if (read_only) connection->set_variable("default_transaction_read_only", "on");
  return connection;
}

class PostgresConnection final : public Connection {
 public:
  // Connects; throws what libpqxx throws.
  explicit PostgresConnection(std::string uri)
      : uri_(std::move(uri)), connection_(Connect(uri_, /*read_only=*/false)) {}

  Status Migrate(bool create, const std::string& described, std::string_view create_hint) {
    return MigrateSchema(*connection_, create, described, create_hint);
  }

  // From now on, and on any connection that replaces this one, every transaction is read-only.
  Status MakeReadOnly() {
    try {
      connection_->set_variable("default_transaction_read_only", "on");
      read_only_ = true;
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failed(e, "SET default_transaction_read_only");
    }
  }

  Engine engine() const override { return Engine::kPostgres; }

  Result<Rows> Query(std::string_view sql, std::span<const Value> params) override {
    try {
      return ToRows(Run(sql, params));
    } catch (const std::exception& e) {
      return Failed(e, sql);
    }
  }

  Result<int64_t> Execute(std::string_view sql, std::span<const Value> params) override {
    try {
      return static_cast<int64_t>(Run(sql, params).affected_rows());
    } catch (const std::exception& e) {
      return Failed(e, sql);
    }
  }

  // Writers run at READ COMMITTED: batches applied at once (the store's pool, or another
  // `serve`) are ordered by the terminal's row, locked FOR UPDATE first, and a writer that
  // waited for it reads the row as the other one committed it. Readers see one snapshot.
  Status Begin(bool write) override {
    if (transaction_ != nullptr) return Status::FailedPrecondition("a transaction is already open");
    try {
      ReconnectIfLost();
      if (write) {
        transaction_ = std::make_unique<pqxx::work>(*connection_);
      } else {
        transaction_ = std::make_unique<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(
            *connection_);
      }
      statement_failed_ = false;
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failed(e, "BEGIN");
    }
  }

  Status Commit() override {
    if (transaction_ == nullptr) return Status::FailedPrecondition("no transaction is open");
    // PostgreSQL would answer this COMMIT by rolling back, and libpqxx would call that ok.
    if (statement_failed_) {
      Rollback();
      return Status::IoError(
          "PostgreSQL: the transaction was rolled back: a statement in it failed");
    }
    // Gone from transaction_ whatever happens; destroying it rolls back an uncommitted one.
    const std::unique_ptr<pqxx::dbtransaction> transaction = std::move(transaction_);
    try {
      transaction->commit();
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failed(e, "COMMIT");
    }
  }

  void Rollback() override {
    if (transaction_ == nullptr) return;
    try {
      transaction_->abort();
    } catch (const std::exception&) {
      // The connection is gone, and the server rolled the transaction back with it.
    }
    transaction_.reset();
  }

 private:
  // Runs the statement prepared for `sql` in the open transaction, or on its own. Throws.
  pqxx::result Run(std::string_view sql, std::span<const Value> params) {
    if (transaction_ == nullptr) ReconnectIfLost();
    auto statement = statements_.find(sql);
    if (statement == statements_.end()) {
      std::string name = fmt::format("s{}", statements_.size() + 1);
      connection_->prepare(name, std::string(sql));
      statement = statements_.emplace(std::string(sql), std::move(name)).first;
    }
    const std::vector<std::optional<std::string>> texts = TextParams(params);
    const auto dynamic = pqxx::prepare::make_dynamic_params(texts);
    if (transaction_ != nullptr) return transaction_->exec_prepared(statement->second, dynamic);
    pqxx::nontransaction autocommit(*connection_);
    return autocommit.exec_prepared(statement->second, dynamic);
  }

  // A new connection after the old one was lost, with its statements prepared anew. Only
  // between transactions: a transaction begun on the old connection is over, and each of its
  // further statements fails until the store rolls it back.
  void ReconnectIfLost() {
    if (!lost_) return;
    statements_.clear();
    connection_ = Connect(uri_, read_only_);
    lost_ = false;
  }

  // The Status for `e`, thrown while running `sql`; remembers what it did to the connection.
  Status Failed(const std::exception& e, std::string_view sql) {
    if (IsLostConnection(e)) lost_ = true;
    if (transaction_ != nullptr) statement_failed_ = true;
    return ToStatus(e, sql);
  }

  const std::string uri_;
  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pqxx::dbtransaction> transaction_;            // the open transaction, if any
  std::map<std::string, std::string, std::less<>> statements_;  // SQL text -> its name
  bool read_only_ = false;         // MakeReadOnly() was called
  bool lost_ = false;              // connection_ broke: replace it before the next transaction
  bool statement_failed_ = false;  // a statement in transaction_ failed: it cannot commit
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& uri, bool create,
                                                 std::string_view create_hint, bool read_only) {
  const std::string described = Location{.postgres_uri = uri}.Describe();
  std::unique_ptr<PostgresConnection> connection;
  try {
    connection = std::make_unique<PostgresConnection>(uri);
  } catch (const std::exception& e) {
    // libpq quotes a malformed URI whole in its message: never its password.
    std::string message = MessageOf(e);
    for (size_t at = uri.empty() ? std::string::npos : message.find(uri); at != std::string::npos;
         at = message.find(uri, at + described.size())) {
      message.replace(at, uri.size(), described);
    }
    return RefuseAt(Refusal::kCannotConnectToPostgres, described)(Status::IoError(message));
  }
  LAPAK_RETURN_IF_ERROR(connection->Migrate(create, described, create_hint));
  if (read_only) LAPAK_RETURN_IF_ERROR(connection->MakeReadOnly());
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace lapak::ledger::sql
