#include "tests/support/qr_picture.h"

#include <stb_image_write.h>

#include <cstdint>
#include <vector>

#include "app/common/qr_matrix.h"

namespace lapak::testing {

bool WriteQrPicture(std::string_view text, const std::string& path, PictureFormat format, int module_pixels) {
  Result<app::QrMatrix> matrix = app::QrMatrix::Encode(text);
  if (!matrix.ok()) return false;
  const int modules = matrix->size() + 2 * app::QrMatrix::kQuietZone;
  const int side = modules * module_pixels;
  std::vector<uint8_t> grey(static_cast<size_t>(side) * static_cast<size_t>(side), 255);
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const int mx = x / module_pixels - app::QrMatrix::kQuietZone;
      const int my = y / module_pixels - app::QrMatrix::kQuietZone;
      if (matrix->Dark(mx, my)) grey[static_cast<size_t>(y) * static_cast<size_t>(side) + static_cast<size_t>(x)] = 0;
    }
  }
  if (format == PictureFormat::kPng) return stbi_write_png(path.c_str(), side, side, 1, grey.data(), side) != 0;
  return stbi_write_jpg(path.c_str(), side, side, 1, grey.data(), 85) != 0;
}

bool WriteWhitePicture(const std::string& path, int width, int height) {
  const std::vector<uint8_t> white(static_cast<size_t>(width) * static_cast<size_t>(height), 255);
  return stbi_write_png(path.c_str(), width, height, 1, white.data(), width) != 0;
}

}  // namespace lapak::testing
