// Pictures of a QR code for tests that read codes from photos: `text` encoded as the product
// encodes it (app/common/qr_matrix.h), black on white with its quiet zone, each module
// `module_pixels` square, written as PNG or JPEG (stb_image_write).
#pragma once

#include <string>
#include <string_view>

namespace lapak::testing {

enum class PictureFormat { kPng, kJpeg };

// False when `text` does not fit in a QR code or the file cannot be written.
bool WriteQrPicture(std::string_view text, const std::string& path, PictureFormat format, int module_pixels = 6);

// A white PNG of `width`×`height` with no code in it.
bool WriteWhitePicture(const std::string& path, int width, int height);

}  // namespace lapak::testing
