// lapak catalog import|export|list.
#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/cli/render.h"
#include "core/small_file.h"

namespace lapak::cli {

namespace {

struct ImportOptions {
  std::string path;
  bool replace = false;
  PinOptions pin;
};

void RunImport(Context& ctx, const ImportOptions& options) {
  std::unique_ptr<StallStore> store = OpenStore(ctx);
  if (!store) return;
  app::Terminal terminal(*store, *ctx.clock);
  if (!LogIn(ctx, terminal, options.pin)) return;
  Result<size_t> imported = terminal.ImportCatalogFile(options.path, options.replace);
  if (!Check(ctx, imported.status())) return;
  Emit(ctx, {{"imported", *imported}, {"file", options.path}},
       fmt::format("{} produk diimpor dari {}\n", *imported, options.path));
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
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
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
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    Result<std::vector<Product>> products = store->Products(*include_inactive);
    if (!Check(ctx, products.status())) return;
    Emit(ctx, ProductsJson(*products), ProductsText(*products));
  });
}

}  // namespace lapak::cli
