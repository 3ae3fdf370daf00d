// The enrolment code as a file on a USB stick: how a terminal is enrolled in a few taps
// without typing 97 characters, and without its key ever crossing the bazaar's Wi-Fi.
//
// The organiser runs `lapak-ledger terminal enrol STALL TERMINAL --out /media/…/STICK`; the
// stick goes to the stall; the owner plugs it in and taps "Daftar dari USB" in Pengaturan
// (or runs `lapak enrol --usb`). The terminal looks for the file named after its own stall
// and terminal, enrols with the code inside and deletes the file, so that a stick lost later
// carries no key. The key is as safe as with a typed code: it goes from hand to hand.
//
// File name:  "lapak-enrol-" stall_id "-" terminal_id ".txt"
// File text:  UTF-8 lines; lines starting with '#' are notes for whoever opens the file; blank
//             lines are ignored; exactly one other line, the code (sync/enrolment.h). At most
//             kMaxEnrolmentFileBytes.
// Where:      on the sticks mounted under MediaRoots() (core/removable_media.h); when several
//             hold a file for this terminal, the newest one is used: enrolling again gives a
//             new key.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "sync/enrolment.h"

namespace lapak::sync {

inline constexpr size_t kMaxEnrolmentFileBytes = 4096;

std::string EnrolmentFileName(std::string_view stall_id, std::string_view terminal_id);

// Ok when `folder` is an existing folder a code file may be written to; EnrolmentOutNotAFolder
// otherwise.
[[nodiscard]] Status CheckEnrolmentFolder(const std::string& folder);

// Writes the code for `stall_id`'s terminal into `folder` (which must exist), atomically and
// readable by its owner only where the filesystem keeps modes; the file's path.
[[nodiscard]] Result<std::string> WriteEnrolmentFile(const std::string& folder, std::string_view stall_id,
                                                     const EnrolmentCode& code);

// The newest file for this stall's terminal under `roots`; NoEnrolmentFile when there is none.
[[nodiscard]] Result<std::string> FindEnrolmentFile(const std::vector<std::string>& roots,
                                                    std::string_view stall_id, std::string_view terminal_id);

// The code's line of the file at `path`, not yet parsed; refusals say the file's path.
[[nodiscard]] Result<std::string> ReadEnrolmentFile(const std::string& path);

}  // namespace lapak::sync
