// Sending a print job to a receipt printer the way Linux reaches one, with a deadline: a
// printer that is off, out of paper or out of Bluetooth range never holds up its caller for
// longer than `timeout`, and what was recorded before the print stays recorded.
//
// Addresses:
//   /dev/usb/lp0, /dev/usb/lp1 …   a USB printer (the kernel's usblp driver)
//   /dev/rfcomm0 …                 a Bluetooth printer bound to an rfcomm serial device
//                                  (`rfcomm bind 0 MAC`); any terminal device is set raw
//   any other absolute path        written to as a device or a file (a spool, a test)
//   tcp:HOST[:PORT]                a network printer on raw TCP, port 9100 by default
// The device must exist: a printer that is not plugged in is "not reached", not created.
// The job's bytes go out through a small send buffer (kSendBufferBytes on TCP), so that a
// printer that takes nothing is noticed within the deadline rather than hidden by the kernel.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::print {

inline constexpr std::chrono::milliseconds kPrintTimeout{8000};
inline constexpr int kSendBufferBytes = 4096;
inline constexpr std::string_view kNetworkPrefix = "tcp:";
inline constexpr size_t kMaxHostBytes = 253;  // the longest DNS name

// Ok when `address` is one of the forms above (nothing is opened).
[[nodiscard]] Status CheckPrinterAddress(std::string_view address);

// Writes `job` whole to the printer at `address` within `timeout`. PrinterAddressBad,
// PrinterNotReached (no such device, connection refused), PrinterTimedOut (it took no more
// data in time), PrinterGone (it went away part-way).
[[nodiscard]] Status SendToPrinter(std::string_view address, std::string_view job,
                                   std::chrono::milliseconds timeout = kPrintTimeout);

}  // namespace lapak::print
