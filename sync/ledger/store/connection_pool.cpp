// ConnectionPool: see the header.
#include "sync/ledger/store/connection_pool.h"

#include <utility>

namespace lapak::ledger {

ConnectionPool::Lease::~Lease() {
  if (connection_) pool_->GiveBack(std::move(connection_));
}

ConnectionPool::ConnectionPool(sql::Location where, size_t max, DatabaseUse use)
    : where_(std::move(where)), max_(max), use_(use) {}

ConnectionPool::~ConnectionPool() = default;

Result<ConnectionPool::Lease> ConnectionPool::Take() {
  std::unique_lock lock(mutex_);
  given_back_.wait(lock, [this] { return !idle_.empty() || open_ < max_; });
  if (!idle_.empty()) {
    std::unique_ptr<sql::Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_;
  lock.unlock();  // connecting takes a round trip or more: others may take idle ones meanwhile
  Result<std::unique_ptr<sql::Connection>> opened =
      sql::Open(where_, /*create=*/false, "lapak-ledger event add", use_);
  if (!opened.ok()) {
    lock.lock();
    --open_;
    given_back_.notify_one();
    return opened.status();
  }
  return Lease(*this, std::move(opened).value());
}

void ConnectionPool::GiveBack(std::unique_ptr<sql::Connection> connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  given_back_.notify_one();
}

}  // namespace lapak::ledger
