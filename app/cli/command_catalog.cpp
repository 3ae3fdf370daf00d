// lapak catalog import|export|list.
#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/cli.h"
#include "app/cli/render.h"

namespace lapak::cli {

namespace {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("cannot read '{}'", path));
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxCatalogCsvBytes) {
      return Status::InvalidArgument(fmt::format("'{}' is larger than {} bytes", path, kMaxCatalogCsvBytes));
    }
  }
  return text;
}

struct ImportOptions {
  std::string path;
  bool replace = false;
  PinOptions pin;
};

void RunImport(Context& ctx, const ImportOptions& options) {
  std::unique_ptr<StallStore> store = OpenStore(ctx);
  if (!store || !Authorise(ctx, *store, options.pin, Action::kEditCatalog)) return;
  Result<std::string> text = ReadWholeFile(options.path);
  if (!Check(ctx, text.status())) return;
  Result<std::vector<Product>> products = ParseCatalogCsv(*text);
  if (!products.ok()) {
    Check(ctx, Status(products.status().code(), options.path + ": " + products.status().message()));
    return;
  }
  if (!Check(ctx, store->ImportCatalog(*products, options.replace))) return;
  Emit(ctx, {{"imported", products->size()}, {"file", options.path}},
       fmt::format("{} produk diimpor dari {}\n", products->size(), options.path));
}

}  // namespace

void AddCatalogCommand(CLI::App& app, Context& ctx) {
  CLI::App* catalog = app.add_subcommand("catalog", "The stall's products");
  catalog->require_subcommand(1);

  auto import = std::make_shared<ImportOptions>();
  CLI::App* import_command = catalog->add_subcommand("import", "Import products from a CSV file (all or nothing)");
  import_command->add_option("file", import->path, "CSV: sku,name,category,price")->required();
  import_command->add_flag("--replace", import->replace, "Deactivate products that are not in the file");
  AddPinOptions(*import_command, import->pin, Role::kOwner);
  import_command->callback([&ctx, import] { RunImport(ctx, *import); });

  auto export_path = std::make_shared<std::string>();
  CLI::App* export_command = catalog->add_subcommand("export", "Write the active products as CSV");
  export_command->add_option("--out", *export_path, "File to write (default: standard output)");
  export_command->callback([&ctx, export_path] {
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    Result<std::vector<Product>> products = store->Products(false);
    if (!Check(ctx, products.status())) return;
    const std::string csv = FormatCatalogCsv(*products);
    if (export_path->empty()) {
      std::cout << csv;
      return;
    }
    Check(ctx, WriteFileAtomically(*export_path, csv));
  });

  auto include_inactive = std::make_shared<bool>(false);
  CLI::App* list_command = catalog->add_subcommand("list", "List the products");
  list_command->add_flag("--all", *include_inactive, "Include deactivated products");
  list_command->callback([&ctx, include_inactive] {
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    Result<std::vector<Product>> products = store->Products(*include_inactive);
    if (!Check(ctx, products.status())) return;
    Emit(ctx, ProductsJson(*products), ProductsText(*products));
  });
}

}  // namespace lapak::cli
