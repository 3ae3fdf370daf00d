// StallStore: the catalog.
#include <fmt/core.h>

#include "core/refusal.h"
#include "core/sqlite.h"
#include "core/store.h"

namespace lapak {

namespace {

// Inserts or updates one product inside the caller's transaction, keeping its position.
Status UpsertProduct(sqlite::Database& db, const Product& product) {
  sqlite::Statement upsert(db,
                           "INSERT INTO products (sku, name, category, price, active, position) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, (SELECT IFNULL(MAX(position), 0) + 1 FROM products)) "
                           "ON CONFLICT (sku) DO UPDATE SET name = ?2, category = ?3, price = ?4, "
                           "active = ?5");
  return upsert.Bind(1, product.sku)
      .Bind(2, product.name)
      .Bind(3, product.category)
      .Bind(4, product.price.rupiah())
      .Bind(5, int64_t{product.active ? 1 : 0})
      .Run();
}

Product ReadProduct(const sqlite::Statement& row) {
  return Product{row.ColumnText(0), row.ColumnText(1), row.ColumnText(2),
                 Money::Rupiah(row.ColumnInt(3)), row.ColumnInt(4) != 0};
}

constexpr const char* kSelectProduct = "SELECT sku, name, category, price, active FROM products";

}  // namespace

Status StallStore::ImportCatalog(const std::vector<Product>& products, bool deactivate_missing) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  for (const Product& product : products) {
    if (Status s = ValidateProduct(product); !s.ok()) {
      return RefuseAt(Refusal::kAtProduct, product.sku)(s);
    }
  }
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  if (deactivate_missing) LAPAK_RETURN_IF_ERROR(db_->Exec("UPDATE products SET active = 0"));
  for (Product product : products) {
    product.active = true;
    LAPAK_RETURN_IF_ERROR(UpsertProduct(*db_, product));
  }
  return transaction.Commit();
}

Status StallStore::SaveProduct(const Product& product) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  LAPAK_RETURN_IF_ERROR(ValidateProduct(product));
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  LAPAK_RETURN_IF_ERROR(UpsertProduct(*db_, product));
  return transaction.Commit();
}

Result<Product> StallStore::FindProduct(const std::string& sku) {
  sqlite::Statement select(*db_, fmt::format("{} WHERE sku = ?", kSelectProduct));
  select.Bind(1, sku);
  if (select.Step()) return ReadProduct(select);
  LAPAK_RETURN_IF_ERROR(select.status());
  return Refuse(Refusal::kNoSuchProduct, sku);
}

Result<std::vector<Product>> StallStore::Products(bool include_inactive) {
  sqlite::Statement select(*db_, fmt::format("{} {} ORDER BY position", kSelectProduct,
                                             include_inactive ? "" : "WHERE active = 1"));
  std::vector<Product> products;
  while (select.Step()) products.push_back(ReadProduct(select));
  LAPAK_RETURN_IF_ERROR(select.status());
  return products;
}

}  // namespace lapak
