// PosModel: the terminal's link to the bazaar ledger.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>

#include "app/pos/pos_model.h"
#include "core/removable_media.h"
#include "sync/enrolment_file.h"

namespace lapak::pos {

void PosModel::NoteNewEntries() {
  if (sync_request_ == SyncRequest::kNone) sync_request_ = SyncRequest::kNewEntries;
  RefreshSync();
}

void PosModel::RefreshSync() {
  Result<SyncProgress> progress = store_->Progress();
  if (progress.ok()) sync_progress_ = *progress;
}

std::string PosModel::AgeText(TimePoint time) const {
  const bool english = language_ == Language::kEnglish;
  const int64_t minutes =
      std::max<int64_t>(0, std::chrono::duration_cast<std::chrono::minutes>(clock_.Now() - time).count());
  if (minutes < 120) return fmt::format("{} {}", minutes, english ? "min" : "menit");
  if (minutes < 48 * 60) return fmt::format("{} {}", minutes / 60, english ? "h" : "jam");
  return fmt::format("{} {}", minutes / (24 * 60), english ? "days" : "hari");
}

std::string PosModel::SyncSummary() const {
  if (!sync_progress_ || !sync_progress_->enrolled) return Tr(language_, Text::kNotEnrolled);
  const SyncProgress& p = *sync_progress_;
  if (p.unsent() == 0) return Tr(language_, Text::kAllSent);
  std::string text = sync_state() == SyncState::kOffline
                         ? fmt::format("{} · {}: {}", Tr(language_, Text::kOffline),
                                       Tr(language_, Text::kUnsent), p.unsent())
                         : fmt::format("{}: {}", Tr(language_, Text::kUnsent), p.unsent());
  if (p.oldest_unsent_at) text += fmt::format(" ({})", AgeText(*p.oldest_unsent_at));
  return text;
}

std::string PosModel::SyncBadge() const {
  if (!sync_progress_ || !sync_progress_->enrolled) return "";
  if (sync_progress_->unsent() == 0) return Tr(language_, Text::kSent);
  const Text words = sync_state() == SyncState::kOffline ? Text::kOfflineShort : Text::kNotSent;
  return fmt::format("{} {}", Tr(language_, words), sync_progress_->unsent());
}

PosModel::SyncState PosModel::sync_state() const {
  if (!sync_progress_ || !sync_progress_->enrolled) return SyncState::kNotEnrolled;
  if (sync_progress_->unsent() == 0) return SyncState::kSent;
  return sync_progress_->last_error.ok() ? SyncState::kSending : SyncState::kOffline;
}

bool PosModel::EnrolSync(const std::string& code) {
  if (Status enrolled = terminal_.Enrol(code); !enrolled.ok()) return Refuse(enrolled);
  message_ = Tr(language_, Text::kEnrolled);
  sync_request_ = SyncRequest::kNow;
  RefreshSync();
  return true;
}

bool PosModel::EnrolFromUsb() {
  Result<app::Terminal::EnrolledFromFile> enrolled = terminal_.EnrolFromMedia(MediaRoots());
  if (!enrolled.ok()) return Refuse(enrolled.status());
  message_ = Tr(language_, Text::kEnrolled);
  if (!enrolled->deleted) message_ += fmt::format(". {}: {}", Tr(language_, Text::kCodeFileKept), enrolled->path);
  sync_request_ = SyncRequest::kNow;
  RefreshSync();
  return true;
}

}  // namespace lapak::pos
