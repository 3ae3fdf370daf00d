#include "app/common/qr_scan.h"

#include <stb/stb_image.h>
#include <zbar.h>

#include <memory>

#include "core/refusal.h"
#include "core/small_file.h"

namespace lapak::app {

namespace {

struct ImageFree {
  void operator()(stbi_uc* pixels) const { stbi_image_free(pixels); }
};
struct ScannerFree {
  void operator()(zbar::zbar_image_scanner_t* scanner) const { zbar::zbar_image_scanner_destroy(scanner); }
};
struct ZbarImageFree {
  void operator()(zbar::zbar_image_t* image) const { zbar::zbar_image_destroy(image); }
};

}  // namespace

Result<std::vector<std::string>> ReadQrCodesInImage(const std::string& path) {
  Result<std::string> bytes = ReadSmallFile(path, kMaxImageFileBytes);
  if (!bytes.ok()) return bytes.status();
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes->data());
  const int length = static_cast<int>(bytes->size());
  int width = 0;
  int height = 0;
  int channels = 0;
  if (!stbi_info_from_memory(data, length, &width, &height, &channels)) {
    return Refuse(Refusal::kImageUnreadable, path, stbi_failure_reason());
  }
  if (width > kMaxImageSide || height > kMaxImageSide) {
    return Refuse(Refusal::kImageTooLarge, path, width, height, kMaxImageSide);
  }
  // One grey byte a pixel: what zbar's Y800 format takes.
  std::unique_ptr<stbi_uc, ImageFree> grey(stbi_load_from_memory(data, length, &width, &height, &channels, 1));
  if (!grey) return Refuse(Refusal::kImageUnreadable, path, stbi_failure_reason());

  std::unique_ptr<zbar::zbar_image_scanner_t, ScannerFree> scanner(zbar::zbar_image_scanner_create());
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  std::unique_ptr<zbar::zbar_image_t, ZbarImageFree> image(zbar::zbar_image_create());
  zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(image.get(), static_cast<unsigned>(width), static_cast<unsigned>(height));
  zbar::zbar_image_set_data(image.get(), grey.get(), static_cast<unsigned long>(width) * static_cast<unsigned long>(height),
                      nullptr);  // `grey` keeps the pixels
  std::vector<std::string> codes;
  if (zbar::zbar_scan_image(scanner.get(), image.get()) > 0) {
    for (const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(image.get()); symbol != nullptr;
         symbol = zbar::zbar_symbol_next(symbol)) {
      codes.emplace_back(zbar::zbar_symbol_get_data(symbol), zbar::zbar_symbol_get_data_length(symbol));
    }
  }
  if (codes.empty()) return Refuse(Refusal::kNoQrInImage, path);
  return codes;
}

}  // namespace lapak::app
