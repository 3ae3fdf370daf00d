// Bar charts of rupiah amounts as inline SVG, for the dashboard's pages.
//
// Each chart is one <svg role="img" aria-label="…" viewBox="0 0 360 H" width="100%"> element
// for inline use in an HTML page (no xmlns: the HTML parser gives it its namespace), so it takes
// the width of its container and scales with it; at the width of a phone's page (about 360 CSS px)
// one unit is one pixel, and every text is 15 units high. Bars are dark
// (#0b3a75) on white. Every bar carries a <title> "label: Rp12.345.678" with the exact amount.
// All text is escaped. A chart with no bar above zero shows its empty text instead of bars.
// Values below zero (which no report should hold) are drawn as zero; their title keeps the
// real amount.
#pragma once

#include <string>
#include <vector>

#include "core/money.h"

namespace lapak::ledger {

struct ChartBar {
  std::string label;  // shortened on the chart when long; whole in the bar's <title>
  Money value;
};

struct Chart {
  std::string description;  // the aria-label: what the chart shows, e.g. "Per kategori"
  std::string empty_text;   // shown instead of bars when no value is above 0
  std::vector<ChartBar> bars;
};

// One row per bar, in the given order: the label on the left and the short amount on the
// right of a line, the bar under it, scaled to the largest value. For categories, regencies
// and stalls.
std::string HorizontalBarChart(const Chart& chart);

// One column per bar, left to right, over a rupiah axis with round gridlines; the labels
// under the columns are thinned out when they would not fit. For hours and days.
std::string ColumnChart(const Chart& chart);

// A rupiah amount in a few characters, Indonesian style: "Rp950", "Rp15 rb", "Rp1,2 jt",
// "Rp600 jt", "Rp3,5 M" (miliar), "Rp2 T" (triliun), "-Rp1,2 jt". One decimal (with a
// comma) below 100 of a unit, none from 100 up; rounded half up; ",0" is left out.
std::string ShortRupiah(Money amount);

}  // namespace lapak::ledger
