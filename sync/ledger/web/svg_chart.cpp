#include "sync/ledger/web/svg_chart.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/money.h"
#include "sync/ledger/web/dashboard_text.h"

namespace lapak::ledger {

namespace {

constexpr double kWidth = 360;
constexpr int kFont = 15;
constexpr double kCharWidth = 8.4;  // a wide estimate of one character at kFont
constexpr const char* kBarColour = "#0b3a75";
constexpr const char* kTrackColour = "#e4e4e4";
constexpr const char* kInk = "#111111";
constexpr const char* kGrid = "#9a9a9a";

struct Unit {
  uint64_t size;
  const char* suffix;
};
constexpr std::array<Unit, 4> kUnits = {Unit{1'000, "rb"}, Unit{1'000'000, "jt"},
                                        Unit{1'000'000'000, "M"}, Unit{1'000'000'000'000, "T"}};

std::string ShortMagnitude(uint64_t magnitude, bool negative) {
  const char* sign = negative ? "-Rp" : "Rp";
  if (magnitude < kUnits[0].size) return fmt::format("{}{}", sign, magnitude);
  size_t unit = 0;
  while (unit + 1 < kUnits.size() && magnitude >= kUnits[unit + 1].size) ++unit;
  for (;; ++unit) {
    const uint64_t size = kUnits[unit].size;
    const bool last = unit + 1 == kUnits.size();
    const uint64_t tenths = magnitude / (size / 10) + (magnitude % (size / 10) >= size / 20);
    if (tenths < 1000) {  // below 100 units: one decimal
      if (tenths % 10 == 0) return fmt::format("{}{} {}", sign, tenths / 10, kUnits[unit].suffix);
      return fmt::format("{}{},{} {}", sign, tenths / 10, tenths % 10, kUnits[unit].suffix);
    }
    const uint64_t whole = magnitude / size + (magnitude % size >= size / 2);
    if (whole < 1000 || last) {
      // FormatMoney groups the thousands of triliun: "Rp9.223.372 T".
      std::string grouped = FormatMoney(Money::Rupiah(static_cast<int64_t>(whole)));
      return fmt::format("{}{} {}", sign, grouped.substr(2), kUnits[unit].suffix);
    }
  }
}

// The number of UTF-8 code points in `text`.
size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// `text` cut to at most `limit` code points, the last of them "…" when cut.
std::string Shorten(std::string_view text, size_t limit) {
  if (CodePoints(text) <= limit) return std::string(text);
  if (limit == 0) return "";
  size_t kept = 0;
  size_t end = 0;
  while (end < text.size()) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
      if (kept == limit - 1) break;
      ++kept;
    }
    ++end;
  }
  return std::string(text.substr(0, end)) + "…";
}

double TextWidth(std::string_view text) {
  return static_cast<double>(CodePoints(text)) * kCharWidth;
}

// The rupiah a bar is drawn for: none below zero.
int64_t Drawn(Money value) { return std::max<int64_t>(value.rupiah(), 0); }

std::string BarTitle(const ChartBar& bar) {
  return HtmlEscape(bar.label + ": " + FormatMoney(bar.value));
}

bool HasSales(const Chart& chart) {
  return std::any_of(chart.bars.begin(), chart.bars.end(),
                     [](const ChartBar& bar) { return bar.value > Money(); });
}

std::string SvgOpen(const Chart& chart, double height) {
  return fmt::format(
      "<svg role=\"img\" aria-label=\"{}\" "
      "viewBox=\"0 0 {} {}\" width=\"100%\" font-size=\"{}\" fill=\"{}\">",
      HtmlEscape(chart.description), kWidth, height, kFont, kInk);
}

std::string EmptyChart(const Chart& chart) {
  return SvgOpen(chart, 64) +
         fmt::format(
             "<rect x=\"1\" y=\"1\" width=\"{}\" height=\"62\" fill=\"#ffffff\" "
             "stroke=\"{}\" stroke-width=\"2\"/>"
             "<text x=\"{}\" y=\"38\" text-anchor=\"middle\" font-size=\"17\">{}</text>",
             kWidth - 2, kGrid, kWidth / 2, HtmlEscape(chart.empty_text)) +
         "</svg>";
}

// Round gridlines for a column chart: the smallest step of 1, 2 or 5 × 10^k such that at
// most four steps reach `max`, and how many steps do.
struct Axis {
  uint64_t step = 1;
  uint64_t steps = 1;
};

Axis RoundAxis(uint64_t max) {
  const uint64_t needed = max / 4 + (max % 4 != 0);
  for (uint64_t power = 1;; power *= 10) {
    for (uint64_t multiple : {1, 2, 5}) {
      const uint64_t step = multiple * power;
      if (step >= needed) return Axis{step, max / step + (max % step != 0)};
    }
  }
}

}  // namespace

std::string ShortRupiah(Money amount) {
  const int64_t rupiah = amount.rupiah();
  const bool negative = rupiah < 0;
  const uint64_t magnitude =
      negative ? 0 - static_cast<uint64_t>(rupiah) : static_cast<uint64_t>(rupiah);
  return ShortMagnitude(magnitude, negative);
}

std::string HorizontalBarChart(const Chart& chart) {
  if (!HasSales(chart)) return EmptyChart(chart);
  constexpr double kRow = 52;
  constexpr double kBarHeight = 20;
  int64_t max = 0;
  for (const ChartBar& bar : chart.bars) max = std::max(max, Drawn(bar.value));

  std::string svg = SvgOpen(chart, kRow * static_cast<double>(chart.bars.size()));
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const ChartBar& bar = chart.bars[i];
    const double top = kRow * static_cast<double>(i);
    const std::string amount = ShortRupiah(bar.value);
    const double label_room = kWidth - TextWidth(amount) - 12;
    const auto label_chars = static_cast<size_t>(std::max(label_room / kCharWidth, 3.0));
    const double length = kWidth * static_cast<double>(Drawn(bar.value)) / static_cast<double>(max);
    svg += fmt::format(
        "<g><title>{}</title>"
        "<text x=\"0\" y=\"{}\">{}</text>"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-weight=\"700\">{}</text>"
        "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>"
        "<rect x=\"0\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/></g>",
        BarTitle(bar), top + 17, HtmlEscape(Shorten(bar.label, label_chars)), kWidth, top + 17,
        HtmlEscape(amount), top + 24, kWidth, kBarHeight, kTrackColour, top + 24, length,
        kBarHeight, kBarColour);
  }
  return svg + "</svg>";
}

std::string ColumnChart(const Chart& chart) {
  if (!HasSales(chart)) return EmptyChart(chart);
  constexpr double kTop = 12;
  constexpr double kPlotHeight = 170;
  constexpr double kLabelGap = 22;
  int64_t max = 0;
  size_t longest_label = 1;
  for (const ChartBar& bar : chart.bars) {
    max = std::max(max, Drawn(bar.value));
    longest_label = std::max(longest_label, CodePoints(bar.label));
  }
  const Axis axis = RoundAxis(static_cast<uint64_t>(max));
  const double axis_top = static_cast<double>(axis.step) * static_cast<double>(axis.steps);
  double axis_room = 0;
  for (uint64_t k = 0; k <= axis.steps; ++k) {
    axis_room = std::max(axis_room, TextWidth(ShortMagnitude(axis.step * k, false)));
  }
  const double left = axis_room + 8;
  const double plot_width = kWidth - left;
  const double bottom = kTop + kPlotHeight;

  std::string svg = SvgOpen(chart, bottom + kLabelGap + 6);
  for (uint64_t k = 0; k <= axis.steps; ++k) {
    const double y =
        bottom - kPlotHeight * static_cast<double>(k) / static_cast<double>(axis.steps);
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\" "
        "stroke-width=\"1\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
        left, y, kWidth, y, k == 0 ? kInk : kGrid, left - 6, y + 5,
        HtmlEscape(ShortMagnitude(axis.step * k, false)));
  }
  const double slot = plot_width / static_cast<double>(chart.bars.size());
  const double label_width = static_cast<double>(longest_label) * kCharWidth + 8;
  const size_t label_every = std::max<size_t>(1, static_cast<size_t>(label_width / slot) + 1);
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const ChartBar& bar = chart.bars[i];
    const double x = left + slot * static_cast<double>(i);
    const double height = kPlotHeight * static_cast<double>(Drawn(bar.value)) / axis_top;
    svg += fmt::format(
        "<g><title>{}</title>"
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"transparent\"/>"
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>",
        BarTitle(bar), x, kTop, slot, kPlotHeight, x + slot * 0.15, bottom - height, slot * 0.7,
        height, kBarColour);
    if (i % label_every == 0) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                         x + slot / 2, bottom + kLabelGap, HtmlEscape(bar.label));
    }
    svg += "</g>";
  }
  return svg + "</svg>";
}

}  // namespace lapak::ledger
