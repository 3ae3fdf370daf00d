#include "core/wal_checkpointer.h"

#include <sqlite3.h>

#include "core/sqlite.h"

namespace lapak {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(sqlite::Database& writer,
                                                                const std::string& path) {
  Result<std::unique_ptr<sqlite::Database>> own = sqlite::Database::Open(path, /*create=*/false);
  if (!own.ok()) return own.status();
  LAPAK_RETURN_IF_ERROR((*own)->Exec("PRAGMA synchronous = FULL"));
  std::unique_ptr<WalCheckpointer> checkpointer(new WalCheckpointer(writer, std::move(own).value()));
  checkpointer->thread_ = std::thread([raw = checkpointer.get()] { raw->Run(); });
  sqlite3_wal_hook(writer.handle(), &WalCheckpointer::AfterCommit, checkpointer.get());
  return checkpointer;
}

WalCheckpointer::WalCheckpointer(sqlite::Database& writer, std::unique_ptr<sqlite::Database> own)
    : writer_(writer), own_(std::move(own)) {}

WalCheckpointer::~WalCheckpointer() {
  sqlite3_wal_autocheckpoint(writer_.handle(), kPagesBeforeCheckpoint);  // replaces the hook
  Stop();
}

void WalCheckpointer::Stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

int64_t WalCheckpointer::checkpoints() const {
  const std::lock_guard lock(mutex_);
  return checkpoints_;
}

// Called by SQLite on the writer's thread, inside its COMMIT, with the writer's database
// lock held: it only marks a checkpoint due. Its answer is SQLite's "no error".
int WalCheckpointer::AfterCommit(void* self, sqlite3*, const char*, int pages_in_log) {
  if (pages_in_log < kPagesBeforeCheckpoint) return SQLITE_OK;
  auto* checkpointer = static_cast<WalCheckpointer*>(self);
  {
    const std::lock_guard lock(checkpointer->mutex_);
    checkpointer->due_ = true;
  }
  checkpointer->wake_.notify_one();
  return SQLITE_OK;
}

void WalCheckpointer::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return due_ || stopping_; });
    if (due_) {
      due_ = false;
      lock.unlock();
      // SQLITE_BUSY (another checkpoint under way, e.g. a closing connection's) or an I/O
      // error: the pages stay in the log for the next one.
      (void)sqlite3_wal_checkpoint_v2(own_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
      ++checkpoints_;
      continue;  // a commit may have made another due meanwhile
    }
    return;  // stopping, nothing due
  }
}

}  // namespace lapak
