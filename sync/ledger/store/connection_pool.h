// ConnectionPool: connections to the ledger's database, so that batches of several terminals
// are handled at once (LedgerStore::ApplyBatch): on PostgreSQL applied, each in a transaction
// on a connection of its own; on SQLite worked out on read-only connections beside the one
// writer. At most `max` connections; each is opened when first needed, kept for the next
// batch and used by one thread at a time. A connection that breaks mid-batch replaces itself
// on its next transaction (sql::Connection, PostgreSQL).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "core/status.h"
#include "sync/ledger/store/sql.h"

namespace lapak::ledger {

class ConnectionPool {
 public:
  // A connection, given back to the pool when the lease ends.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<sql::Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    sql::Connection& operator*() const { return *connection_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<sql::Connection> connection_;
  };

  // `where` is a database whose schema is already migrated (LedgerStore::Open); `use` as
  // sql::Open's.
  ConnectionPool(sql::Location where, size_t max, DatabaseUse use);
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;
  ~ConnectionPool();

  // A free connection; waits while all `max` are leased. A connection that cannot be opened
  // is the open's error (and leaves room for the next try).
  [[nodiscard]] Result<Lease> Take();

 private:
  void GiveBack(std::unique_ptr<sql::Connection> connection);

  const sql::Location where_;
  const size_t max_;
  const DatabaseUse use_;
  std::mutex mutex_;
  std::condition_variable given_back_;
  std::vector<std::unique_ptr<sql::Connection>> idle_;
  size_t open_ = 0;  // idle or leased
};

}  // namespace lapak::ledger
