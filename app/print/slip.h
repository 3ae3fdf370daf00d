// A receipt and a Z report as a person reads them: lines of text at a given width in columns
// (42 for the command line, 32 for a 58 mm thermal printer's font A), Bahasa Indonesia. One
// layout for the screen of `lapak`, the printer and the e-receipt, so they never disagree.
//
// Width: one column per code point. A name longer than the width wraps at spaces (a word
// longer than the width is cut into pieces); "label …… value" rows put at least one space
// between the two and, when both do not fit on one line, the value on a line of its own,
// right-aligned.
//
// The e-receipt (EReceiptText) is the same receipt, compact, for a QR code that a phone's
// camera shows as plain text with no internet:
//   line 1   the stall's name
//   line 2   "Struk " receipt number " " local time
//   a line per sale line: quantity "x " name " " total (digits grouped by '.', no "Rp")
//   "Diskon " amount (when there is one), "Total Rp" amount
//   a line per payment: its label " " amount, then "Kembali " change (when there is some)
//   "BATAL: " reason (a voided sale)
// Lines end with "\n"; at most kMaxEReceiptBytes: sale lines beyond that are summed in one
// line "… N baris lagi" so the code stays readable by a cheap phone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/day_figures.h"
#include "core/sale.h"
#include "core/status.h"
#include "core/store.h"

namespace lapak::print {

inline constexpr int kCliColumns = 42;
inline constexpr int kPrinterColumns = 32;
inline constexpr size_t kMaxEReceiptBytes = 600;
// The owner's footer under each printed receipt ("Terima kasih, sampai jumpa di Expo"):
// printable UTF-8, one paragraph, at most two lines of the printer.
inline constexpr size_t kMaxFooterBytes = 2 * kPrinterColumns;

// Ok for a footer as above, or empty (none); else a refusal naming the footer.
[[nodiscard]] Status CheckReceiptFooter(std::string_view footer);

// "label …… value" across `width` columns, with its line end.
std::string SlipRow(std::string_view label, std::string_view value, int width);
// `text` wrapped at spaces to `width` columns, each line with its line end.
std::string SlipWrapped(std::string_view text, int width);
// A rule of '-' across `width`, with its line end.
std::string SlipRule(int width);

// Sales, gross, voids and net, then the net of each payment method indented under it.
std::string FiguresSlip(const DayFigures& figures, int width);

// The receipt: the stall's name (first, exactly as SlipWrapped lays it out: ReceiptJob prints
// those lines bold), number and time, lines, discount, total, payments and change, the
// owner's `footer` (wrapped), and BATAL for a voided sale.
std::string ReceiptSlip(const StallInfo& stall, const Receipt& receipt, int width, std::string_view footer = {});

// The Z report: opened and closed, the figures, the drawer counted against what it should hold.
std::string ZReportSlip(const StallInfo& stall, const ZReport& z, int width);

std::string EReceiptText(const StallInfo& stall, const Receipt& receipt);

}  // namespace lapak::print
