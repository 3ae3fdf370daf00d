#include "core/catalog.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

#include "core/csv.h"

namespace lapak {

Status ValidateSku(std::string_view sku) {
  if (sku.empty() || sku.size() > kMaxIdentifierBytes) {
    return Status::InvalidArgument("sku must be 1 to 32 characters");
  }
  if (!IsIdentifier(sku)) {
    return Status::InvalidArgument(
        fmt::format("sku '{}' may hold only letters, digits, '.', '_' and '-'", sku));
  }
  return Status::Ok();
}

static Status ValidatePrice(Money price) {
  if (price <= Money()) return Status::InvalidArgument("price must be more than Rp0");
  if (price > kMaxUnitPrice) {
    return Status::InvalidArgument(
        fmt::format("price {} is above the limit of {}", FormatMoney(price), FormatMoney(kMaxUnitPrice)));
  }
  return Status::Ok();
}

Status ValidateProduct(const Product& product) {
  LAPAK_RETURN_IF_ERROR(ValidateSku(product.sku));
  LAPAK_RETURN_IF_ERROR(ValidateText("name", product.name, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText("category", product.category, kMaxCategoryBytes));
  return ValidatePrice(product.price);
}

namespace {

constexpr std::array<std::string_view, 4> kColumns = {"sku", "name", "category", "price"};
constexpr size_t kMaxReportedErrors = 50;

struct ColumnMap {
  std::array<size_t, 4> index{};  // position of each of kColumns in the file
};

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

Result<ColumnMap> ReadHeader(const CsvRecord& header) {
  ColumnMap map;
  for (size_t c = 0; c < kColumns.size(); ++c) {
    const auto found = std::find_if(header.fields.begin(), header.fields.end(),
                                    [&](const std::string& f) { return Lowercase(f) == kColumns[c]; });
    if (found == header.fields.end()) {
      return Status::InvalidArgument(fmt::format(
          "line {}: the header must name the columns sku,name,category,price; '{}' is missing",
          header.line, kColumns[c]));
    }
    map.index[c] = static_cast<size_t>(found - header.fields.begin());
  }
  if (header.fields.size() != kColumns.size()) {
    return Status::InvalidArgument(fmt::format(
        "line {}: expected exactly the 4 columns sku,name,category,price, found {}", header.line,
        header.fields.size()));
  }
  return map;
}

// Reads one data record into `product`; appends a message per bad field to `errors`.
void ReadProduct(const CsvRecord& record, const ColumnMap& columns, Product& product,
                 std::vector<std::string>& errors) {
  auto field_error = [&](size_t column, std::string_view message) {
    errors.push_back(fmt::format("line {}, column {} ({}): {}", record.line,
                                 columns.index[column] + 1, kColumns[column], message));
  };
  if (record.fields.size() != kColumns.size()) {
    errors.push_back(fmt::format("line {}: expected 4 fields, found {}", record.line,
                                 record.fields.size()));
    return;
  }
  product.sku = record.fields[columns.index[0]];
  product.name = record.fields[columns.index[1]];
  product.category = record.fields[columns.index[2]];
  if (Status s = ValidateSku(product.sku); !s.ok()) field_error(0, s.message());
  if (Status s = ValidateText("name", product.name, kMaxNameBytes); !s.ok()) field_error(1, s.message());
  if (Status s = ValidateText("category", product.category, kMaxCategoryBytes); !s.ok()) field_error(2, s.message());
  Result<Money> price = ParseMoney(record.fields[columns.index[3]]);
  if (!price.ok()) {
    field_error(3, price.status().message());
  } else if (Status s = ValidatePrice(*price); !s.ok()) {
    field_error(3, s.message());
  } else {
    product.price = *price;
  }
}

}  // namespace

Result<std::vector<Product>> ParseCatalogCsv(std::string_view text) {
  if (text.size() > kMaxCatalogCsvBytes) {
    return Status::InvalidArgument(
        fmt::format("the file is larger than {} bytes", kMaxCatalogCsvBytes));
  }
  Result<std::vector<CsvRecord>> records = ParseCsv(text);
  if (!records.ok()) return records.status();
  if (records->empty()) return Status::InvalidArgument("the file is empty; expected a header line");
  Result<ColumnMap> columns = ReadHeader(records->front());
  if (!columns.ok()) return columns.status();
  if (records->size() - 1 > kMaxCatalogProducts) {
    return Status::InvalidArgument(
        fmt::format("the file holds more than {} products", kMaxCatalogProducts));
  }

  std::vector<Product> products;
  std::vector<std::string> errors;
  std::map<std::string, int> line_of_sku;
  for (size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    Product product;
    const size_t errors_before = errors.size();
    ReadProduct(record, *columns, product, errors);
    if (errors.size() != errors_before) continue;
    const auto [it, inserted] = line_of_sku.emplace(product.sku, record.line);
    if (!inserted) {
      errors.push_back(fmt::format("line {}, column {} (sku): '{}' already appears on line {}",
                                   record.line, columns->index[0] + 1, product.sku, it->second));
      continue;
    }
    products.push_back(std::move(product));
  }
  if (!errors.empty()) {
    std::string message = fmt::format("{} error(s); nothing was imported", errors.size());
    for (size_t e = 0; e < errors.size() && e < kMaxReportedErrors; ++e) message += "\n" + errors[e];
    if (errors.size() > kMaxReportedErrors) message += "\n…";
    return Status::InvalidArgument(message);
  }
  if (products.empty()) return Status::InvalidArgument("the file holds no products");
  return products;
}

std::string FormatCatalogCsv(const std::vector<Product>& products) {
  std::string out;
  AppendCsvRecord(out, std::vector<std::string>(kColumns.begin(), kColumns.end()));
  for (const Product& p : products) {
    if (!p.active) continue;
    AppendCsvRecord(out, {p.sku, p.name, p.category, std::to_string(p.price.rupiah())});
  }
  return out;
}

}  // namespace lapak
