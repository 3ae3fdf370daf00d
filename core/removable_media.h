// Files brought on a USB stick: where Debian mounts sticks and how a file is found on them.
//
// Where:  each root of MediaRoots() and the folders one and two levels below it, where Debian
//         mounts sticks (/media/USER/LABEL, /run/media/USER/LABEL, /mnt/LABEL). At most
//         kMaxFoldersPerLevel entries of each folder are looked at, so a big tree mounted there
//         costs little. When several sticks hold a file looked for, the newest one (by
//         modification time) is taken.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lapak {

inline constexpr size_t kMaxFoldersPerLevel = 64;

// Where sticks are looked for: $LAPAK_MEDIA_ROOTS (folders separated by ':') when set and not
// empty, else /media, /run/media and /mnt.
std::vector<std::string> MediaRoots();

// The newest regular file under `roots` (as above) named one of `names`, compared exactly;
// none when there is none.
std::optional<std::string> FindNewestOnMedia(const std::vector<std::string>& roots,
                                             const std::vector<std::string>& names);

// The roots as one text for a message: "/media, /run/media, /mnt".
std::string ListRoots(const std::vector<std::string>& roots);

}  // namespace lapak
