// PosModel's receipt printer: the address kept by the terminal, jobs handed to a spooler so
// the screen never waits for paper, and each outcome said once it is known.
#include "app/pos/pos_model.h"

#include "app/print/print_jobs.h"
#include "app/print/print_spooler.h"
#include "core/refusal.h"

namespace lapak::pos {

bool PosModel::SetPrinter(const std::string& address) {
  if (Status set = terminal_.SetPrinter(address); !set.ok()) return Refuse(set);
  printer_ = address;
  message_.clear();
  print_status_.clear();
  return true;
}

bool PosModel::PrintReceipt(const Receipt& receipt) {
  if (printer_.empty()) return false;
  spooler_->Submit(printer_, print::ReceiptJob(stall_, receipt, receipt_footer_), receipt.receipt);
  print_status_ = std::string(Tr(language_, Text::kPrinting)) + " " + receipt.receipt;
  return true;
}

bool PosModel::PrintZ(const ZReport& z) {
  if (printer_.empty()) return false;
  const std::string what = "Z #" + std::to_string(z.z_number);
  spooler_->Submit(printer_, print::ZReportJob(stall_, z), what);
  print_status_ = std::string(Tr(language_, Text::kPrinting)) + " " + what;
  return true;
}

bool PosModel::SetReceiptFooter(const std::string& footer) {
  if (Status set = terminal_.SetReceiptFooter(footer); !set.ok()) return Refuse(set);
  receipt_footer_ = footer;
  message_ = Tr(language_, Text::kFooterSaved);
  return true;
}

bool PosModel::TestPrint() {
  if (printer_.empty()) return false;
  spooler_->Submit(printer_, print::TestPageJob(stall_, printer_), Tr(language_, Text::kTestPrint));
  print_status_ = std::string(Tr(language_, Text::kPrinting)) + " " + Tr(language_, Text::kTestPrint);
  return true;
}

void PosModel::PollPrints() {
  while (std::optional<print::PrintSpooler::Outcome> outcome = spooler_->TakeOutcome()) {
    if (outcome->status.ok()) {
      print_status_ = outcome->what + " " + Tr(language_, Text::kPrinted);
    } else {
      print_status_ = Explain(outcome->status, language_);
      message_ = print_status_;
    }
  }
}

void PosModel::WaitForPrints() {
  spooler_->WaitIdle();
  PollPrints();
}

}  // namespace lapak::pos
