// The test side of a 58 mm ESC/POS printer: reads back the bytes Lapak sent (app/print/
// escpos.h) into the text lines a customer would see and the raster images (QR codes) it
// would print, independently of the code that wrote them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lapak::testing {

struct PrintedImage {
  int width = 0;   // dots
  int height = 0;  // dots
  std::vector<uint8_t> black;  // row by row, 1 for a black dot
  size_t after_lines = 0;      // how many lines were printed before it
  int align = 0;               // ESC a: 0 left, 1 centre, 2 right
};

// How a line was printed: ESC E (bold), GS ! (double width, double height), ESC a (align).
struct LineLook {
  bool bold = false;
  bool double_width = false;
  bool double_height = false;
  int align = 0;
  bool operator==(const LineLook&) const = default;
};

struct PrintedPage {
  std::vector<std::string> lines;   // each LF-ended line; ESC d n adds n empty lines
  std::vector<LineLook> looks;      // one per line
  std::vector<PrintedImage> images;
  int cuts = 0;
  bool initialised = false;         // began with ESC @
  std::vector<std::string> errors;  // an unknown command, a line wider than 32 columns, a truncated image
};

PrintedPage DecodeEscPos(std::string_view bytes);

// The image as an 8-bit grey PNG, each dot `scale` pixels, with a white margin: false when it
// cannot be written.
bool WritePrintedImagePng(const PrintedImage& image, const std::string& path, int scale = 2);

// The whole page as the paper would come out of a 58 mm printer (384 dots across, font A of
// 12×24 dots drawn with the monospaced TrueType font at `font_path`), text and images in the
// order printed, as an 8-bit grey PNG with a margin: false when it cannot be drawn or written.
bool WritePrintedPagePng(const PrintedPage& page, const std::string& font_path, const std::string& path);

}  // namespace lapak::testing
