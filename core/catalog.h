// The stall's catalog and its CSV form.
//
// CSV columns (header required, names case-insensitive, any order, UTF-8, RFC 4180):
//   sku,name,category,price      or in Bahasa Indonesia: kode,nama,kategori,harga
// separated by ',' or, as Excel saves "CSV" in an Indonesian locale, by ';' (the separator is
// the header line's: ';' when it has more semicolons than commas). A UTF-8 byte-order mark is
// skipped; a UTF-16 file (Excel's "Unicode Text") is refused with a message saying how to
// save it as UTF-8.
//   sku      := 1-32 of [A-Za-z0-9._-]
//   name     := 1-80 bytes of UTF-8 text, no control characters
//   category := 1-40 bytes of UTF-8 text, no control characters
//   price    := an amount as ParseMoney reads it, from Rp1 to kMaxUnitPrice
// sku, name and category are text cells (core/csv.h): export writes a "'" in front of one that
// would start a spreadsheet formula ("=HYPERLINK(…)" is written "'=HYPERLINK(…)", "-Diskon"
// "'-Diskon"), and import takes that one "'" off again (RestoreCsvText), before the checks
// above. price is a number cell, written as integer rupiah.
// Import is all or nothing: every error is reported with its line and column, and a file
// with any error changes nothing. Export writes the active products in the same form, so an
// exported file imports back unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "core/text.h"

namespace lapak {

inline constexpr Money kMaxUnitPrice = Money::Rupiah(100'000'000);  // Rp100 juta
inline constexpr size_t kMaxCatalogCsvBytes = 4 * 1024 * 1024;
inline constexpr size_t kMaxCatalogProducts = 5000;

struct Product {
  std::string sku;
  std::string name;
  std::string category;
  Money price;
  bool active = true;

  bool operator==(const Product&) const = default;
};

// Each check returns a message naming the field, or ok.
[[nodiscard]] Status ValidateSku(std::string_view sku);
[[nodiscard]] Status ValidateProduct(const Product& product);

// Parses a whole catalog file. On any error the Status message lists every bad line,
// one per line of text ("line 4, column 4 (price): 'abc' is not an amount"), up to 50.
[[nodiscard]] Result<std::vector<Product>> ParseCatalogCsv(std::string_view text);

// The active products of `products`, in the order given, as CSV with a header.
std::string FormatCatalogCsv(const std::vector<Product>& products);

}  // namespace lapak
