// How the CLI shows the books: plain text for a person (Bahasa Indonesia, 42 columns; the
// receipt and the Z laid out by app/print/slip.h, as the printer prints them at 32) and JSON
// for scripts. Money in JSON is whole rupiah.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/day_figures.h"
#include "core/store.h"

namespace lapak::cli {

std::string ReceiptText(const StallInfo& stall, const Receipt& receipt);
nlohmann::json ReceiptJson(const Receipt& receipt);

std::string ZReportText(const StallInfo& stall, const ZReport& z);
nlohmann::json ZReportJson(const ZReport& z);

// Kas masuk/keluar: "Kas keluar 2026-11-22 19:05 WIB   -Rp50.000" and its reason below.
std::string CashMoveText(const CashMoveRecord& record);
nlohmann::json CashMoveJson(const CashMoveRecord& record);

std::string DayReportText(const StallInfo& stall, const DayReport& report);
nlohmann::json DayReportJson(const DayReport& report);

std::string ProductsText(const std::vector<Product>& products);
nlohmann::json ProductsJson(const std::vector<Product>& products);

}  // namespace lapak::cli
