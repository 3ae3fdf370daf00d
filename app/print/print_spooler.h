// Print jobs off the caller's thread: the touchscreen hands a job over and goes on; one worker
// sends the jobs in turn (SendToPrinter, each within its deadline) and keeps each outcome for
// the screen to pick up. A sale is committed before its receipt is handed over, so nothing a
// printer does can delay or undo it.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/status.h"

namespace lapak::print {

class PrintSpooler {
 public:
  PrintSpooler();
  // Lets the job in hand finish (within its deadline) and drops the ones not started.
  ~PrintSpooler();
  PrintSpooler(const PrintSpooler&) = delete;
  PrintSpooler& operator=(const PrintSpooler&) = delete;

  // `what` names the job for its outcome ("20261122-0007", "tes").
  void Submit(std::string address, std::string job, std::string what);

  struct Outcome {
    std::string what;
    Status status;
  };
  // Each finished job's outcome, oldest first, once.
  std::optional<Outcome> TakeOutcome();
  // Whether a job is waiting or being sent.
  bool Busy() const;
  // Returns once every job submitted so far has finished.
  void WaitIdle();

 private:
  struct Job {
    std::string address;
    std::string bytes;
    std::string what;
  };
  void Run();

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> jobs_;
  std::deque<Outcome> outcomes_;
  bool sending_ = false;
  bool stopping_ = false;
  std::thread worker_;  // last: started once the rest is ready
};

}  // namespace lapak::print
