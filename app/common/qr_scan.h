// QR codes read from a photo: the stall's printed QRIS sticker, photographed or scanned, so
// that the owner never types its ~150 characters. PNG or JPEG (stb_image), read with libzbar.
//
// Bounds: the file at most kMaxImageFileBytes, the picture at most kMaxImageSide pixels on a
// side (a 12-megapixel phone photo is 4000x3000), so that a hostile file costs little.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"

namespace lapak::app {

inline constexpr size_t kMaxImageFileBytes = 16 * 1024 * 1024;
inline constexpr int kMaxImageSide = 6000;

// The text of every QR code found in the image at `path`, in the order zbar found them;
// ImageUnreadable, ImageTooLarge (or FileTooLarge), NoQrInImage.
[[nodiscard]] Result<std::vector<std::string>> ReadQrCodesInImage(const std::string& path);

}  // namespace lapak::app
