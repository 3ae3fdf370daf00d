// What Lapak prints, as ESC/POS jobs for a 58 mm printer (escpos.h): the receipt, with the
// e-receipt's QR code under it for a customer who wants it on the phone, and the Z report.
#pragma once

#include <string>
#include <string_view>

#include "core/day_figures.h"
#include "core/store.h"

namespace lapak::print {

// The receipt laid out at kPrinterColumns (slip.h), the stall's name centred and bold, the
// owner's footer, then the e-receipt (EReceiptText) as a QR code of 4 dots a module, and a cut.
std::string ReceiptJob(const StallInfo& stall, const Receipt& receipt, std::string_view footer = {});

// The Z report laid out at kPrinterColumns, and a cut.
std::string ZReportJob(const StallInfo& stall, const ZReport& z);

// A few lines that say the printer is reached and set up (settings' test print).
std::string TestPageJob(const StallInfo& stall, std::string_view address);

}  // namespace lapak::print
