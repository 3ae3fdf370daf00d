// Debian's chromium, headless, for tests that look at the dashboard in a real browser; and
// what a screenshot holds, for telling a drawn page from a blank one.
//
// Each call starts a fresh chromium (its own temporary profile, removed afterwards) as a child
// process without a shell, in a process group of its own, with
//   --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars
//   --no-first-run --user-data-dir=<fresh temp dir> --window-size=W,H
// (--no-sandbox because tests run as root in CI). A run that takes longer than
// kChromiumTimeout is killed, group and all, and is an error. Errors carry the exit status and
// the end of chromium's stderr.
#pragma once

#include <chrono>
#include <string>

#include "core/status.h"

namespace lapak::testing {

inline constexpr const char* kChromiumPath = "/usr/bin/chromium";
inline constexpr std::chrono::seconds kChromiumTimeout{60};

// True when kChromiumPath can be run here; tests skip without it.
bool ChromiumAvailable();

// The DOM of `url` (e.g. "file:///tmp/x/page.html") as chromium serialises it after loading it
// in a window of width × height CSS pixels.
[[nodiscard]] Result<std::string> ChromiumDumpDom(const std::string& url, int width, int height);

// A PNG of the first width × height CSS pixels of `url`, written to `png_path`.
[[nodiscard]] Status ChromiumScreenshot(const std::string& url, const std::string& png_path,
                                        int width, int height);

// `url` printed to `pdf_path` as the browser's "print to PDF" does it (the page's print style,
// its own page size; no header or footer).
[[nodiscard]] Status ChromiumPrintToPdf(const std::string& url, const std::string& pdf_path);

// What an image holds, counted over every pixel (RGB; alpha ignored).
struct PngStats {
  static constexpr int kColourCap = 4096;
  int width = 0;
  int height = 0;
  int colours = 0;              // distinct colours, at most kColourCap
  double not_background = 0.0;  // fraction of pixels unlike the most common colour
};

// An error when `path` cannot be read or is not an image stb_image decodes.
[[nodiscard]] Result<PngStats> ReadPngStats(const std::string& path);

}  // namespace lapak::testing
