#include "app/print/print_jobs.h"

#include "app/common/qr_matrix.h"
#include "app/print/escpos.h"
#include "app/print/slip.h"

namespace lapak::print {

namespace {

constexpr int kQrDots = 4;

}  // namespace

std::string ReceiptJob(const StallInfo& stall, const Receipt& receipt, std::string_view footer) {
  EscPosJob job;
  // The slip opens with the stall's name as SlipWrapped lays it out: printed centred and bold.
  const std::string name = SlipWrapped(stall.stall_name, kPrinterColumns);
  const std::string slip = ReceiptSlip(stall, receipt, kPrinterColumns, footer);
  job.Centre(true).Bold(true).Text(name).Bold(false).Centre(false).Text(slip.substr(name.size()));
  if (Result<app::QrMatrix> code = app::QrMatrix::Encode(EReceiptText(stall, receipt)); code.ok()) {
    job.Feed(1).Centre(true).Text("Struk di HP: pindai kode ini").Qr(*code, kQrDots).Centre(false);
  }
  return job.Cut().bytes();
}

std::string ZReportJob(const StallInfo& stall, const ZReport& z) {
  EscPosJob job;
  job.Text(ZReportSlip(stall, z, kPrinterColumns));
  return job.Cut().bytes();
}

std::string TestPageJob(const StallInfo& stall, std::string_view address) {
  EscPosJob job;
  job.Centre(true).Bold(true).DoubleSize(true).Text("LAPAK").DoubleSize(false).Bold(false);
  job.Text(SlipWrapped(stall.stall_name, kPrinterColumns)).Text("Printer siap").Text(SlipWrapped(address, kPrinterColumns));
  job.Centre(false).Text(SlipRule(kPrinterColumns)).Text("12345678901234567890123456789012");
  return job.Cut().bytes();
}

}  // namespace lapak::print
