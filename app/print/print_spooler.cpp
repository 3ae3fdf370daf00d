#include "app/print/print_spooler.h"

#include "app/print/printer.h"

namespace lapak::print {

PrintSpooler::PrintSpooler() : worker_([this] { Run(); }) {}

PrintSpooler::~PrintSpooler() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  changed_.notify_all();
  worker_.join();
}

void PrintSpooler::Submit(std::string address, std::string job, std::string what) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back({std::move(address), std::move(job), std::move(what)});
  }
  changed_.notify_all();
}

std::optional<PrintSpooler::Outcome> PrintSpooler::TakeOutcome() {
  std::lock_guard lock(mutex_);
  if (outcomes_.empty()) return std::nullopt;
  Outcome outcome = std::move(outcomes_.front());
  outcomes_.pop_front();
  return outcome;
}

bool PrintSpooler::Busy() const {
  std::lock_guard lock(mutex_);
  return sending_ || !jobs_.empty();
}

void PrintSpooler::WaitIdle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !sending_ && jobs_.empty(); });
}

void PrintSpooler::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (stopping_) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    sending_ = true;
    lock.unlock();
    Status sent = SendToPrinter(job.address, job.bytes);
    lock.lock();
    sending_ = false;
    outcomes_.push_back({std::move(job.what), std::move(sent)});
    changed_.notify_all();
  }
}

}  // namespace lapak::print
