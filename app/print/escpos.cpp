#include "app/print/escpos.h"

#include <algorithm>
#include <array>
#include <utility>

namespace lapak::print {

namespace {

// The non-ASCII characters a receipt may hold, by their UTF-8 bytes, and what is printed.
constexpr std::array<std::pair<std::string_view, char>, 9> kNearestAscii = {{
    {"\u00d7", 'x'}, {"\u2013", '-'}, {"\u2014", '-'}, {"\u2018", '\''}, {"\u2019", '\''},
    {"\u201c", '"'}, {"\u201d", '"'}, {"\u2022", '*'}, {"\u00b7", '.'},
}};

}  // namespace

std::string PrinterAscii(std::string_view text) {
  std::string out;
  for (size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      out += byte == '\t' || byte >= 0x20 || byte == '\n' ? static_cast<char>(byte) : ' ';
      ++at;
      continue;
    }
    const auto known = std::find_if(kNearestAscii.begin(), kNearestAscii.end(),
                                    [&](const auto& entry) { return text.substr(at).starts_with(entry.first); });
    if (known != kNearestAscii.end()) {
      out += known->second;
      at += known->first.size();
      continue;
    }
    out += '?';  // one for the whole code point
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return out;
}

EscPosJob::EscPosJob() : bytes_("\x1b\x40") {}

EscPosJob& EscPosJob::Text(std::string_view text) {
  bytes_ += PrinterAscii(text);
  if (!text.empty() && text.back() != '\n') bytes_ += '\n';
  return *this;
}

EscPosJob& EscPosJob::Centre(bool on) {
  bytes_ += std::string("\x1b\x61", 2) + static_cast<char>(on ? 1 : 0);
  return *this;
}

EscPosJob& EscPosJob::Bold(bool on) {
  bytes_ += std::string("\x1b\x45", 2) + static_cast<char>(on ? 1 : 0);
  return *this;
}

EscPosJob& EscPosJob::DoubleSize(bool on) {
  bytes_ += std::string("\x1d\x21", 2) + static_cast<char>(on ? 0x11 : 0x00);
  return *this;
}

EscPosJob& EscPosJob::Feed(int lines) {
  bytes_ += std::string("\x1b\x64", 2) + static_cast<char>(std::clamp(lines, 0, 255));
  return *this;
}

EscPosJob& EscPosJob::Qr(const app::QrMatrix& code, int dots) {
  const int modules = code.size() + 2 * app::QrMatrix::kQuietZone;
  dots = std::clamp(dots, 1, kPrinterDots / modules);
  const int side = modules * dots;
  const int left = (kPrinterDots - side) / 2;  // centred on the paper
  const int row_bytes = kPrinterDots / 8;
  bytes_ += std::string("\x1d\x76\x30\x00", 4);
  bytes_ += static_cast<char>(row_bytes & 0xFF);
  bytes_ += static_cast<char>(row_bytes >> 8);
  bytes_ += static_cast<char>(side & 0xFF);
  bytes_ += static_cast<char>(side >> 8);
  for (int y = 0; y < side; ++y) {
    std::string row(static_cast<size_t>(row_bytes), '\0');
    for (int x = 0; x < side; ++x) {
      const int module_x = x / dots - app::QrMatrix::kQuietZone;
      const int module_y = y / dots - app::QrMatrix::kQuietZone;
      if (!code.Dark(module_x, module_y)) continue;
      const int dot = left + x;
      row[static_cast<size_t>(dot / 8)] = static_cast<char>(row[static_cast<size_t>(dot / 8)] | (0x80 >> (dot % 8)));
    }
    bytes_ += row;
  }
  return *this;
}

EscPosJob& EscPosJob::Cut() {
  bytes_ += std::string("\x1d\x56\x42", 3) + static_cast<char>(3);
  return *this;
}

}  // namespace lapak::print
