#include "app/pos/qr_image.h"

#include <imgui.h>

#include <cmath>

#include "app/pos/ui_probe.h"

namespace lapak::pos {

void QrImage::Draw(std::string_view text, float side, const char* probe_label) {
  if (!matrix_ || text != text_) {
    text_ = std::string(text);
    Result<app::QrMatrix> encoded = app::QrMatrix::Encode(text);
    matrix_ = encoded.ok() ? std::optional(std::move(encoded).value()) : std::nullopt;
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  if (!matrix_) return;
  const int modules = matrix_->size() + 2 * app::QrMatrix::kQuietZone;
  module_pixels_ = static_cast<int>(std::floor(side / static_cast<float>(modules)));
  ProbeLastItem(probe_label, module_pixels_ >= kMinModulePixels);
  if (module_pixels_ < 1) return;
  const float module = static_cast<float>(module_pixels_);
  const float drawn = module * static_cast<float>(modules);
  const ImVec2 corner(std::round(origin.x + (side - drawn) / 2), std::round(origin.y + (side - drawn) / 2));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(corner, ImVec2(corner.x + drawn, corner.y + drawn), IM_COL32(255, 255, 255, 255));
  const float quiet = module * app::QrMatrix::kQuietZone;
  // Each run of dark modules in a row as one rectangle.
  for (int y = 0; y < matrix_->size(); ++y) {
    for (int x = 0; x < matrix_->size();) {
      if (!matrix_->Dark(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < matrix_->size() && matrix_->Dark(x, y)) ++x;
      const ImVec2 min(corner.x + quiet + module * static_cast<float>(start), corner.y + quiet + module * static_cast<float>(y));
      draw->AddRectFilled(min, ImVec2(min.x + module * static_cast<float>(x - start), min.y + module),
                          IM_COL32(0, 0, 0, 255));
    }
  }
}

}  // namespace lapak::pos
