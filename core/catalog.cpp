#include "core/catalog.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

#include "core/csv.h"
#include "core/refusal.h"

namespace lapak {

Status ValidateSku(std::string_view sku) {
  if (sku.empty() || sku.size() > kMaxIdentifierBytes) {
    return Refuse(Refusal::kSkuLength);
  }
  if (!IsIdentifier(sku)) {
    return Refuse(Refusal::kSkuCharacters, sku);
  }
  return Status::Ok();
}

static Status ValidatePrice(Money price) {
  if (price <= Money()) return Refuse(Refusal::kPriceNotPositive);
  if (price > kMaxUnitPrice) return Refuse(Refusal::kPriceAboveLimit, price, kMaxUnitPrice);
  return Status::Ok();
}

Status ValidateProduct(const Product& product) {
  LAPAK_RETURN_IF_ERROR(ValidateSku(product.sku));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kName, product.name, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kCategory, product.category, kMaxCategoryBytes));
  return ValidatePrice(product.price);
}

namespace {

constexpr std::array<std::string_view, 4> kColumns = {"sku", "name", "category", "price"};
constexpr std::array<std::string_view, 4> kIndonesianColumns = {"kode", "nama", "kategori", "harga"};
constexpr std::array<Word, 4> kColumnWords = {Word::kSku, Word::kName, Word::kCategory, Word::kPrice};
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
    const auto found = std::find_if(header.fields.begin(), header.fields.end(), [&](const std::string& f) {
      const std::string name = Lowercase(f);
      return name == kColumns[c] || name == kIndonesianColumns[c];
    });
    if (found == header.fields.end()) {
      return Refuse(Refusal::kCsvHeaderMissingColumn, header.line, kColumns[c]);
    }
    map.index[c] = static_cast<size_t>(found - header.fields.begin());
  }
  if (header.fields.size() != kColumns.size()) {
    return Refuse(Refusal::kCsvHeaderColumnCount, header.line, header.fields.size());
  }
  return map;
}

// Where in the file a field is: "line 3, column 4 (price)".
auto AtField(const CsvRecord& record, const ColumnMap& columns, size_t column) {
  return RefuseAt(Refusal::kAtCsvField, record.line, columns.index[column] + 1, kColumnWords[column]);
}

// Reads one data record into `product`; appends a refusal per bad field to `errors`.
void ReadProduct(const CsvRecord& record, const ColumnMap& columns, Product& product,
                 std::vector<Status>& errors) {
  auto field_error = [&](size_t column, const Status& status) {
    errors.push_back(AtField(record, columns, column)(status));
  };
  if (record.fields.size() != kColumns.size()) {
    errors.push_back(Refuse(Refusal::kCsvFieldCount, record.line, record.fields.size()));
    return;
  }
  auto text = [&](size_t column) {  // a text cell, as it was before export neutralised it
    return std::string(RestoreCsvText(record.fields[columns.index[column]]));
  };
  product.sku = text(0);
  product.name = text(1);
  product.category = text(2);
  if (Status s = ValidateSku(product.sku); !s.ok()) field_error(0, s);
  if (Status s = ValidateText(Word::kName, product.name, kMaxNameBytes); !s.ok()) field_error(1, s);
  if (Status s = ValidateText(Word::kCategory, product.category, kMaxCategoryBytes); !s.ok()) field_error(2, s);
  Result<Money> price = ParseMoney(record.fields[columns.index[3]]);
  if (!price.ok()) {
    field_error(3, price.status());
  } else if (Status s = ValidatePrice(*price); !s.ok()) {
    field_error(3, s);
  } else {
    product.price = *price;
  }
}

// UTF-16 (what Excel saves as "Unicode Text"): a UTF-16 byte-order mark, or NUL bytes, which
// no UTF-8 text of a catalog holds.
bool LooksLikeUtf16(std::string_view text) {
  return text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
         text.substr(0, 512).find('\0') != std::string_view::npos;
}

// The separator of the header line (the first line): ';' when it has more semicolons than
// commas, else ','.
char SeparatorOf(std::string_view text) {
  const std::string_view header = text.substr(0, text.find_first_of("\r\n"));
  return std::count(header.begin(), header.end(), ';') > std::count(header.begin(), header.end(), ',') ? ';' : ',';
}

}  // namespace

Result<std::vector<Product>> ParseCatalogCsv(std::string_view text) {
  if (text.size() > kMaxCatalogCsvBytes) {
    return Refuse(Refusal::kCatalogFileTooLarge, kMaxCatalogCsvBytes);
  }
  if (LooksLikeUtf16(text)) return Refuse(Refusal::kCatalogNotUtf8);
  Result<std::vector<CsvRecord>> records = ParseCsv(text, SeparatorOf(text));
  if (!records.ok()) return records.status();
  if (records->empty()) return Refuse(Refusal::kCatalogFileEmpty);
  Result<ColumnMap> columns = ReadHeader(records->front());
  if (!columns.ok()) return columns.status();
  if (records->size() - 1 > kMaxCatalogProducts) {
    return Refuse(Refusal::kCatalogTooManyProducts, kMaxCatalogProducts);
  }

  std::vector<Product> products;
  std::vector<Status> errors;
  std::map<std::string, int> line_of_sku;
  for (size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    Product product;
    const size_t errors_before = errors.size();
    ReadProduct(record, *columns, product, errors);
    if (errors.size() != errors_before) continue;
    const auto [it, inserted] = line_of_sku.emplace(product.sku, record.line);
    if (!inserted) {
      errors.push_back(AtField(record, *columns, 0)(Refuse(Refusal::kSkuRepeated, product.sku, it->second)));
      continue;
    }
    products.push_back(std::move(product));
  }
  if (!errors.empty()) {
    const size_t count = errors.size();
    if (count > kMaxReportedErrors) {
      errors.resize(kMaxReportedErrors);
      errors.push_back(Refuse(Refusal::kCatalogMoreErrors, count - kMaxReportedErrors));
    }
    return RefuseWithList(std::move(errors), Refusal::kCatalogNotImported, count);
  }
  if (products.empty()) return Refuse(Refusal::kCatalogNoProducts);
  return products;
}

std::string FormatCatalogCsv(const std::vector<Product>& products) {
  std::string out;
  AppendCsvRecord(out, std::vector<CsvCell>(kColumns.begin(), kColumns.end()));
  for (const Product& p : products) {
    if (!p.active) continue;
    AppendCsvRecord(out, {p.sku, p.name, p.category, CsvCell::Integer(p.price.rupiah())});
  }
  return out;
}

}  // namespace lapak
