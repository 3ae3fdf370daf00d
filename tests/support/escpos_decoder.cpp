#include "tests/support/escpos_decoder.h"

#include <stb_image_write.h>

#include <string>

namespace lapak::testing {

namespace {

constexpr size_t kColumns = 32;

}  // namespace

PrintedPage DecodeEscPos(std::string_view bytes) {
  PrintedPage page;
  std::string line;
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
      if (line.size() > kColumns) page.errors.push_back("line wider than 32 columns: " + line);
      page.lines.push_back(line);
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
        if (command == 0x64) page.lines.insert(page.lines.end(), byte(at + 2), "");
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
        PrintedImage image{row_bytes * 8, rows, {}};
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

}  // namespace lapak::testing
