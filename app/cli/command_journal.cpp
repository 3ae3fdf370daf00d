// lapak verify | export.
#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "core/csv.h"
#include "core/refusal.h"
#include "core/small_file.h"

namespace lapak::cli {

namespace {

// Journal CSV, version 1 (one row per entry, oldest first):
//   seq,uuid,kind,time_utc,business_day,prev_hash,hash,body
// hashes in lowercase hex; body is the entry's canonical JSON (see core/journal.h); seq is a
// number cell, the others text cells (core/csv.h).
Result<std::string> JournalCsv(StallStore& store) {
  std::string csv;
  AppendCsvRecord(csv, {"seq", "uuid", "kind", "time_utc", "business_day", "prev_hash", "hash", "body"});
  constexpr int64_t kPage = 1000;
  for (int64_t from = 1;; from += kPage) {
    Result<std::vector<JournalEntry>> entries = store.Entries(from, kPage);
    if (!entries.ok()) return entries.status();
    for (const JournalEntry& e : *entries) {
      AppendCsvRecord(csv,
                      {CsvCell::Integer(e.seq), e.uuid, EntryKindName(e.kind), FormatUtc(e.time),
                       e.business_day, HexEncode(e.prev_hash), HexEncode(e.hash), e.body});
    }
    if (static_cast<int64_t>(entries->size()) < kPage) return csv;
  }
}

}  // namespace

void AddVerifyCommand(CLI::App& app, Context& ctx) {
  CLI::App* command = app.add_subcommand("verify", "Walk the hash chain and the totals; name the first bad entry");
  command->callback([&ctx] {
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    Result<VerifyReport> report = store->Verify();
    if (!Check(ctx, report.status())) return;
    if (!report->ok) {  // the report on stdout for scripts, the error on stderr
      if (ctx.json) Emit(ctx, {{"ok", false}, {"entries", report->entries}, {"sales", report->sales},
                               {"first_bad_seq", report->first_bad_seq}, {"problem", report->problem}}, "");
      Check(ctx, RefuseAt(Refusal::kBooksFailVerification, report->first_bad_seq)(Status::Corruption(report->problem)));
      return;
    }
    Emit(ctx, {{"ok", true}, {"entries", report->entries}, {"sales", report->sales}},
         fmt::format("Jurnal utuh: {} entri, {} penjualan\n", report->entries, report->sales));
  });
}

void AddExportCommand(CLI::App& app, Context& ctx) {
  auto path = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("export", "Write the whole journal as CSV");
  command->add_option("--out", *path, "File to write (default: standard output)");
  command->callback([&ctx, path] {
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    Result<std::string> csv = JournalCsv(*store);
    if (!Check(ctx, csv.status())) return;
    if (path->empty()) {
      std::cout << *csv;
      return;
    }
    Check(ctx, WriteFileAtomically(*path, *csv));
  });
}

}  // namespace lapak::cli
