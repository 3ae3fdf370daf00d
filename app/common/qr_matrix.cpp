#include "app/common/qr_matrix.h"

#include <qrencode.h>

#include <memory>

#include "core/refusal.h"

namespace lapak::app {

Result<QrMatrix> QrMatrix::Encode(std::string_view text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) return Refuse(Refusal::kTooLongForQr);
  QrMatrix matrix;
  matrix.size_ = code->width;
  const size_t modules = static_cast<size_t>(code->width) * static_cast<size_t>(code->width);
  matrix.dark_.resize(modules);
  for (size_t i = 0; i < modules; ++i) matrix.dark_[i] = code->data[i] & 1;  // bit 0: dark
  return matrix;
}

}  // namespace lapak::app
