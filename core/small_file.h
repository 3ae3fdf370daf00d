// Small files a person hands to Lapak or takes from it (a catalog CSV, an export, an
// enrolment code on a USB stick): read whole with a bound, written whole or not at all.
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"

namespace lapak {

// The whole file, refused (FileTooLarge) as soon as it is longer than `max_bytes`, so that a
// wrong or hostile file never takes more memory than that; CannotReadFile when it cannot be
// opened.
[[nodiscard]] Result<std::string> ReadSmallFile(const std::string& path, size_t max_bytes);

// Writes `contents` to `path` so that a crash or a pulled stick leaves either the old file or
// the new one, never a part: a temporary beside it, fsync, rename over `path`, fsync of the
// directory. `mode` applies to a new file (0600 for a secret). CannotWriteFile with the
// system's reason otherwise, and no temporary left behind.
[[nodiscard]] Status WriteFileAtomically(const std::string& path, const std::string& contents,
                                         unsigned mode = 0644);

}  // namespace lapak
