// render_receipt BYTES PNG: draws what a 58 mm ESC/POS printer would print from the job in
// BYTES (as `lapak receipt R --print FILE` writes it) into PNG, with the test-side decoder
// (tests/support/escpos_decoder.h). For the README's picture of a printed receipt.
#include <cstdio>
#include <string>

#include "tests/support/escpos_decoder.h"
#include "tests/support/process.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: render_receipt BYTES PNG\n");
    return 2;
  }
  const lapak::testing::PrintedPage page = lapak::testing::DecodeEscPos(lapak::testing::ReadFile(argv[1]));
  for (const std::string& error : page.errors) std::fprintf(stderr, "render_receipt: %s\n", error.c_str());
  if (!page.errors.empty()) return 1;
  if (!lapak::testing::WritePrintedPagePng(page, "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", argv[2])) {
    std::fprintf(stderr, "render_receipt: cannot draw %s\n", argv[2]);
    return 1;
  }
  return 0;
}
