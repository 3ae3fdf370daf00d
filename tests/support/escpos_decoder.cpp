#include "tests/support/escpos_decoder.h"

#include <stb_image_write.h>
#include <stb_truetype.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

namespace lapak::testing {

namespace {

constexpr size_t kColumns = 32;

}  // namespace

PrintedPage DecodeEscPos(std::string_view bytes) {
  PrintedPage page;
  std::string line;
  LineLook look;
  auto end_line = [&](const std::string& text) {
    page.lines.push_back(text);
    page.looks.push_back(look);
  };
  auto byte = [&](size_t at) { return static_cast<uint8_t>(bytes[at]); };
  size_t at = 0;
  auto need = [&](size_t count) {
    if (at + count <= bytes.size()) return true;
    page.errors.push_back("truncated command at byte " + std::to_string(at));
    at = bytes.size();
    return false;
  };
  while (at < bytes.size()) {
    const uint8_t c = byte(at);
    if (c == 0x0A) {
      const size_t columns = line.size() * (look.double_width ? 2 : 1);
      if (columns > kColumns) page.errors.push_back("line wider than 32 columns: " + line);
      end_line(line);
      line.clear();
      ++at;
    } else if (c == 0x1B) {  // ESC
      if (!need(2)) break;
      const uint8_t command = byte(at + 1);
      if (command == 0x40) {
        page.initialised = page.initialised || at == 0;
        at += 2;
      } else if (command == 0x61 || command == 0x45 || command == 0x64) {
        if (!need(3)) break;
        if (command == 0x61) look.align = byte(at + 2);
        if (command == 0x45) look.bold = byte(at + 2) != 0;
        if (command == 0x64) {
          for (int fed = 0; fed < byte(at + 2); ++fed) end_line("");
        }
        at += 3;
      } else {
        page.errors.push_back("unknown ESC command " + std::to_string(command));
        at += 2;
      }
    } else if (c == 0x1D) {  // GS
      if (!need(2)) break;
      const uint8_t command = byte(at + 1);
      if (command == 0x21) {
        if (!need(3)) break;
        look.double_width = (byte(at + 2) & 0x70) != 0;
        look.double_height = (byte(at + 2) & 0x07) != 0;
        at += 3;
      } else if (command == 0x56) {
        if (!need(4)) break;
        ++page.cuts;
        at += 4;
      } else if (command == 0x76) {
        if (!need(8)) break;
        const int row_bytes = byte(at + 4) | byte(at + 5) << 8;
        const int rows = byte(at + 6) | byte(at + 7) << 8;
        at += 8;
        const size_t size = static_cast<size_t>(row_bytes) * static_cast<size_t>(rows);
        if (!need(size)) break;
        PrintedImage image{row_bytes * 8, rows, {}, page.lines.size(), look.align};
        image.black.reserve(static_cast<size_t>(image.width) * static_cast<size_t>(rows));
        for (size_t i = 0; i < size; ++i) {
          for (int bit = 7; bit >= 0; --bit) image.black.push_back((byte(at + i) >> bit) & 1);
        }
        page.images.push_back(std::move(image));
        at += size;
      } else {
        page.errors.push_back("unknown GS command " + std::to_string(command));
        at += 2;
      }
    } else if (c < 0x20 || c >= 0x80) {
      page.errors.push_back("byte " + std::to_string(c) + " is not printable ASCII");
      ++at;
    } else {
      line += static_cast<char>(c);
      ++at;
    }
  }
  if (!line.empty()) page.errors.push_back("text without its line end: " + line);
  return page;
}

bool WritePrintedImagePng(const PrintedImage& image, const std::string& path, int scale) {
  const int margin = 16;
  const int width = image.width * scale + 2 * margin;
  const int height = image.height * scale + 2 * margin;
  std::vector<uint8_t> grey(static_cast<size_t>(width) * static_cast<size_t>(height), 255);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      if (!image.black[static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)]) continue;
      for (int dy = 0; dy < scale; ++dy) {
        for (int dx = 0; dx < scale; ++dx) {
          grey[static_cast<size_t>(margin + y * scale + dy) * static_cast<size_t>(width) +
               static_cast<size_t>(margin + x * scale + dx)] = 0;
        }
      }
    }
  }
  return stbi_write_png(path.c_str(), width, height, 1, grey.data(), width) != 0;
}

namespace {

constexpr int kPaperDots = 384;  // a 58 mm printer's line
constexpr int kCellWidth = 12;   // font A
constexpr int kCellHeight = 24;
constexpr int kMargin = 24;

// A grey canvas the width of the paper plus margins; 255 is paper, 0 is ink.
struct Canvas {
  int width = kPaperDots + 2 * kMargin;
  int height = 0;
  std::vector<uint8_t> grey;
  void Ink(int x, int y, uint8_t coverage) {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    uint8_t& pixel = grey[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)];
    pixel = static_cast<uint8_t>(std::min<int>(pixel, 255 - coverage));
  }
};

int LineHeight(const LineLook& look) { return look.double_height ? 2 * kCellHeight : kCellHeight; }

int AlignedLeft(int content_width, int align) {
  const int free = std::max(0, kPaperDots - content_width);
  return kMargin + (align == 1 ? free / 2 : align == 2 ? free : 0);
}

}  // namespace

bool WritePrintedPagePng(const PrintedPage& page, const std::string& font_path, const std::string& path) {
  std::ifstream in(font_path, std::ios::binary);
  const std::vector<unsigned char> font_file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  stbtt_fontinfo font;
  if (font_file.empty() || !stbtt_InitFont(&font, font_file.data(), stbtt_GetFontOffsetForIndex(font_file.data(), 0))) {
    return false;
  }
  Canvas canvas;
  canvas.height = 2 * kMargin;
  for (size_t i = 0; i < page.lines.size(); ++i) canvas.height += LineHeight(page.looks[i]);
  for (const PrintedImage& image : page.images) canvas.height += image.height;
  canvas.grey.assign(static_cast<size_t>(canvas.width) * static_cast<size_t>(canvas.height), 255);

  // A monospaced glyph fills its 12-dot cell when its advance is 12 dots.
  int advance = 0;
  int bearing = 0;
  stbtt_GetCodepointHMetrics(&font, 'M', &advance, &bearing);
  const float base_scale = static_cast<float>(kCellWidth) / static_cast<float>(advance);
  int ascent = 0;
  int descent = 0;
  int gap = 0;
  stbtt_GetFontVMetrics(&font, &ascent, &descent, &gap);

  int y = kMargin;
  size_t next_image = 0;
  auto draw_images_before = [&](size_t line) {
    for (; next_image < page.images.size() && page.images[next_image].after_lines <= line; ++next_image) {
      const PrintedImage& image = page.images[next_image];
      const int left = AlignedLeft(image.width, image.align);
      for (int row = 0; row < image.height; ++row) {
        for (int column = 0; column < image.width; ++column) {
          if (image.black[static_cast<size_t>(row) * static_cast<size_t>(image.width) + static_cast<size_t>(column)]) {
            canvas.Ink(left + column, y + row, 255);
          }
        }
      }
      y += image.height;
    }
  };
  for (size_t i = 0; i < page.lines.size(); ++i) {
    draw_images_before(i);
    const LineLook& look = page.looks[i];
    const float scale_x = base_scale * (look.double_width ? 2.0f : 1.0f);
    const float scale_y = base_scale * (look.double_height ? 2.0f : 1.0f);
    const int cell = kCellWidth * (look.double_width ? 2 : 1);
    const int left = AlignedLeft(cell * static_cast<int>(page.lines[i].size()), look.align);
    const int baseline = y + static_cast<int>(static_cast<float>(ascent) * scale_y) +
                         (LineHeight(look) - static_cast<int>(static_cast<float>(ascent - descent) * scale_y)) / 2;
    for (size_t k = 0; k < page.lines[i].size(); ++k) {
      int x0 = 0;
      int y0 = 0;
      int x1 = 0;
      int y1 = 0;
      const int codepoint = static_cast<unsigned char>(page.lines[i][k]);
      stbtt_GetCodepointBitmapBox(&font, codepoint, scale_x, scale_y, &x0, &y0, &x1, &y1);
      const int w = x1 - x0;
      const int h = y1 - y0;
      if (w <= 0 || h <= 0) continue;
      std::vector<unsigned char> glyph(static_cast<size_t>(w) * static_cast<size_t>(h));
      stbtt_MakeCodepointBitmap(&font, glyph.data(), w, h, w, scale_x, scale_y, codepoint);
      const int origin = left + cell * static_cast<int>(k);
      for (int gy = 0; gy < h; ++gy) {
        for (int gx = 0; gx < w; ++gx) {
          const uint8_t coverage = glyph[static_cast<size_t>(gy) * static_cast<size_t>(w) + static_cast<size_t>(gx)];
          if (coverage == 0) continue;
          canvas.Ink(origin + x0 + gx, baseline + y0 + gy, coverage);
          if (look.bold) canvas.Ink(origin + x0 + gx + 1, baseline + y0 + gy, coverage);  // as a printer's emphasis
        }
      }
    }
    y += LineHeight(look);
  }
  draw_images_before(page.lines.size());
  return stbi_write_png(path.c_str(), canvas.width, canvas.height, 1, canvas.grey.data(), canvas.width) != 0;
}

}  // namespace lapak::testing
