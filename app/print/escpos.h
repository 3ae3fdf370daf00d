// ESC/POS bytes for a 58 mm thermal printer: 384 dots across, 32 columns of font A (12×24).
// Only the commands every cheap printer (and its Bluetooth clones) takes:
//   ESC @            1B 40            initialise: font A, left, normal size
//   ESC a n          1B 61 n          align: 0 left, 1 centre
//   ESC E n          1B 45 n          bold off (0) / on (1)
//   GS ! n           1D 21 n          size: 0x00 normal, 0x11 double width and height
//   LF               0A               print the line, go to the next
//   ESC d n          1B 64 n          feed n lines
//   GS v 0 m xL xH yL yH d…           a raster image, m = 0: (xL + 256 xH) bytes a row, each
//                    1D 76 30 00 …    byte 8 dots, the most significant bit leftmost, 1 black;
//                                     (yL + 256 yH) rows
//   GS V 66 n        1D 56 42 n       feed n and cut (partly); a printer without a cutter
//                                     ignores it
// QR codes go as raster images: many printers lack GS ( k.
// Text is printed in the printer's default code page (PC437): Lapak sends ASCII only, and
// writes the few other characters a receipt holds as their nearest ASCII ("×" as "x", "–"
// as "-", curly quotes straight), anything else as "?".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/common/qr_matrix.h"

namespace lapak::print {

inline constexpr int kPrinterDots = 384;

class EscPosJob {
 public:
  EscPosJob();  // starts with ESC @

  // Each line of `text` (ending with '\n' or not), printed as ASCII (see above).
  EscPosJob& Text(std::string_view text);
  EscPosJob& Centre(bool on);
  EscPosJob& Bold(bool on);
  EscPosJob& DoubleSize(bool on);
  EscPosJob& Feed(int lines);
  // The code as a raster image centred on the paper, each module `dots` dots square, with its
  // quiet zone; made smaller when it would not fit in kPrinterDots.
  EscPosJob& Qr(const app::QrMatrix& code, int dots);
  // Feeds past the tear bar and cuts.
  EscPosJob& Cut();

  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// `text` as the printer's ASCII (see above).
std::string PrinterAscii(std::string_view text);

}  // namespace lapak::print
