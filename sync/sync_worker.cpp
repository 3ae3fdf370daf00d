#include "sync/sync_worker.h"

#include <random>

#include "sync/backoff.h"
#include "sync/uploader.h"

namespace lapak::sync {

SyncWorker::SyncWorker(std::string db_path, const Clock& clock, SyncWorkerOptions options,
                       RoundCallback on_round)
    : db_path_(std::move(db_path)),
      clock_(clock),
      options_(options),
      on_round_(std::move(on_round)),
      thread_([this] { Run(); }) {}

SyncWorker::~SyncWorker() { Stop(); }

void SyncWorker::Nudge() {
  std::lock_guard lock(mutex_);
  nudged_ = true;
  wake_.notify_all();
}

void SyncWorker::SyncNow() {
  std::lock_guard lock(mutex_);
  forced_ = true;
  wake_.notify_all();
}

void SyncWorker::Stop() {
  stop_requested_ = true;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

std::optional<SyncProgress> SyncWorker::progress() const {
  std::lock_guard lock(mutex_);
  return progress_;
}

int64_t SyncWorker::rounds() const {
  std::lock_guard lock(mutex_);
  return rounds_;
}

bool SyncWorker::WaitFor(std::chrono::milliseconds wait, bool backing_off) {
  std::unique_lock lock(mutex_);
  backing_off_ = backing_off;
  wake_.wait_for(lock, wait, [this] { return stopping_ || forced_ || (nudged_ && !backing_off_); });
  nudged_ = false;
  forced_ = false;
  return !stopping_;
}

void SyncWorker::Run() {
  Backoff backoff(options_.backoff_base, options_.backoff_cap,
                  options_.seed != 0 ? options_.seed : std::random_device{}());
  std::unique_ptr<StallStore> store;
  std::vector<std::unique_ptr<Transport>> lanes;
  std::unique_ptr<Uploader> uploader;
  std::string transport_url;
  do {
    bool caught_up = true;  // nothing to do until a nudge: no stall or no enrolment yet
    std::optional<SyncProgress> progress;
    if (!store) {
      // A store opened before the stall was set up keeps saying so: open it only after.
      Result<std::unique_ptr<StallStore>> opened = StallStore::Open(db_path_, clock_, OpenMode::kMustExist);
      if (opened.ok() && (*opened)->Info().ok()) store = std::move(opened).value();
    }
    if (store) {
      Result<std::optional<SyncLink>> link = store->FindSyncLink();
      if (link.ok() && link->has_value() && (*link)->ledger_url != transport_url) {
        Result<std::vector<std::unique_ptr<Transport>>> made = MakeHttpTransports((*link)->ledger_url, kSyncLanes);
        if (made.ok()) {
          uploader.reset();  // before the lanes it sends on
          lanes = std::move(made).value();
          uploader = std::make_unique<Uploader>(*store, Lanes(lanes));
          transport_url = (*link)->ledger_url;
        }
      }
      if (uploader) {
        Result<SyncRound> round = uploader->SyncOnce(&stop_requested_);
        caught_up = round.ok() && round->unsent == 0;
        if (round.ok()) backoff.Reset();
      }
      if (Result<SyncProgress> read = store->Progress(); read.ok()) progress = *read;
      std::lock_guard lock(mutex_);
      if (progress) progress_ = progress;
      ++rounds_;
    }
    if (on_round_) on_round_(progress);
    if (!WaitFor(caught_up ? options_.poll : backoff.Next(), /*backing_off=*/!caught_up)) break;
  } while (true);
}

}  // namespace lapak::sync
