// Printing (app/print): the receipt and the Z laid out at 32 columns, the e-receipt, and the
// ESC/POS job read back from a fake printer of each kind Linux reaches — a file standing for
// /dev/usb/lp0, a socket on 127.0.0.1 for a network printer on port 9100, a pty for an rfcomm
// serial device — by a test-side decoder (tests/support/escpos_decoder.h), its QR code read by
// zbarimg. A printer that takes nothing, or goes away part-way, is said and never hangs.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/print/escpos.h"
#include "app/print/print_jobs.h"
#include "app/print/printer.h"
#include "app/print/slip.h"
#include "core/refusal.h"
#include "tests/support/escpos_decoder.h"
#include "tests/support/process.h"

namespace lapak::print {
namespace {

const StallInfo kStall{"BKS-07", "Bakso Pak Kumis", "T1", "Asia/Jakarta", "04:00"};

Receipt SampleReceipt(size_t extra_lines = 0) {
  Cart cart;
  EXPECT_TRUE(cart.AddProduct({"BKS-01", "Bakso Urat Jumbo Isi Telur Puyuh dan Keju Mozarella", "Makanan",
                               Money::Rupiah(25000), true}, 2).ok());
  EXPECT_TRUE(cart.AddProduct({"TPL-01", "Taplak Sulaman 40×40 cm", "Kriya", Money::Rupiah(85000), true}).ok());
  for (size_t i = 0; i < extra_lines; ++i) {
    EXPECT_TRUE(cart.AddCustom(Money::Rupiah(1000 + static_cast<int64_t>(i)), 1, "Kerupuk " + std::to_string(i)).ok());
  }
  EXPECT_TRUE(cart.SetDiscount(Discount::Percent(1000)).ok());
  EXPECT_TRUE(cart.AddPayment(PaymentMethod::kQris, Money::Rupiah(100000)).ok());
  // Rp100.000 in cash for the sample (change Rp78.500); exact cash for a longer one.
  const Money cash = extra_lines == 0 ? Money::Rupiah(100000) : cart.Totals()->remaining;
  EXPECT_TRUE(cart.AddPayment(PaymentMethod::kCash, cash).ok());
  Receipt receipt;
  receipt.receipt = "20261122-0007";
  receipt.business_day = "2026-11-22";
  receipt.local_time = "2026-11-22 19:05 WIB";
  receipt.sale = cart.Complete().value();
  return receipt;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

size_t Columns(const std::string& text) {
  size_t columns = 0;
  for (const char c : text) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return columns;
}

TEST(SlipTest, TheReceiptFitsThirtyTwoColumnsWithLongNamesWrapped) {
  const std::string slip = ReceiptSlip(kStall, SampleReceipt(), kPrinterColumns, "Terima kasih, datang lagi ya!");
  for (const std::string& line : Lines(slip)) EXPECT_LE(Columns(line), 32u) << line;
  EXPECT_EQ(
      "Bakso Pak Kumis\n"
      "Struk 20261122-0007\n"
      "            2026-11-22 19:05 WIB\n"
      "--------------------------------\n"
      "Bakso Urat Jumbo Isi Telur Puyuh\n"
      "dan Keju Mozarella\n"
      "  2 x Rp25.000          Rp50.000\n"
      "Taplak Sulaman 40×40 cm\n"
      "  1 x Rp85.000          Rp85.000\n"
      "--------------------------------\n"
      "Subtotal               Rp135.000\n"
      "Diskon 10%             -Rp13.500\n"
      "TOTAL                  Rp121.500\n"
      "QRIS                   Rp100.000\n"
      "Tunai                  Rp100.000\n"
      "Kembali                 Rp78.500\n"
      "--------------------------------\n"
      "Terima kasih, datang lagi ya!\n",
      slip);
}

TEST(SlipTest, TheEReceiptIsCompactPlainTextAndBounded) {
  EXPECT_EQ(
      "Bakso Pak Kumis\n"
      "Struk 20261122-0007 2026-11-22 19:05 WIB\n"
      "2x Bakso Urat Jumbo Isi Telur Puyuh dan Keju Mozarella 50.000\n"
      "1x Taplak Sulaman 40×40 cm 85.000\n"
      "Diskon 13.500\n"
      "Total Rp121.500\n"
      "QRIS 100.000\n"
      "Tunai 100.000\n"
      "Kembali 78.500\n",
      EReceiptText(kStall, SampleReceipt()));
  const std::string long_one = EReceiptText(kStall, SampleReceipt(150));
  EXPECT_LE(long_one.size(), kMaxEReceiptBytes);
  EXPECT_NE(std::string::npos, long_one.find(" baris lagi\n")) << long_one;
  EXPECT_NE(std::string::npos, long_one.find("\nTotal Rp")) << long_one;  // the totals are never cut
}

// What a fake printer received, decoded; its QR code read by zbarimg.
struct ReadBack {
  testing::PrintedPage page;
  std::string qr_text;
};

ReadBack Decode(const std::string& bytes, const testing::TempDir& dir) {
  ReadBack back{testing::DecodeEscPos(bytes), {}};
  if (!back.page.images.empty()) {
    const std::string png = dir.File("qr.png");
    EXPECT_TRUE(testing::WritePrintedImagePng(back.page.images.front(), png));
    const testing::RunResult read = testing::Run({"/usr/bin/zbarimg", "--quiet", "--raw", png});
    EXPECT_EQ(0, read.exit_code) << read.err;
    back.qr_text = read.out;
  }
  return back;
}

// The receipt as printed: the slip's lines in ASCII, the e-receipt's QR, one cut.
void ExpectTheReceipt(const ReadBack& back) {
  EXPECT_TRUE(back.page.initialised);
  EXPECT_EQ(std::vector<std::string>(), back.page.errors);
  const std::vector<std::string> slip = Lines(PrinterAscii(ReceiptSlip(kStall, SampleReceipt(), kPrinterColumns)));
  ASSERT_GE(back.page.lines.size(), slip.size());
  EXPECT_EQ(slip, std::vector<std::string>(back.page.lines.begin(), back.page.lines.begin() + static_cast<long>(slip.size())));
  EXPECT_EQ("Taplak Sulaman 40x40 cm", back.page.lines[7]);  // "×" printed as "x"
  ASSERT_EQ(1u, back.page.images.size());
  EXPECT_LE(back.page.images.front().width, kPrinterDots);
  // zbarimg gives the text as the phone shows it, with one line end of its own.
  EXPECT_EQ(EReceiptText(kStall, SampleReceipt()) + "\n", back.qr_text);
  EXPECT_EQ(1, back.page.cuts);
}

TEST(PrinterTest, AUsbPrintersDeviceGetsTheWholeReceipt) {
  testing::TempDir dir;
  const std::string lp0 = dir.File("lp0");
  testing::WriteFile(lp0, "");  // the device exists while the printer is plugged in
  ASSERT_TRUE(SendToPrinter(lp0, ReceiptJob(kStall, SampleReceipt())).ok());
  ExpectTheReceipt(Decode(testing::ReadFile(lp0), dir));
  // Unplugged: said, in Bahasa Indonesia, and nothing is created.
  const Status gone = SendToPrinter(dir.File("lp1"), ReceiptJob(kStall, SampleReceipt()));
  EXPECT_EQ(Refusal::kPrinterNotReached, gone.refusal());
  EXPECT_EQ("Printer " + dir.File("lp1") +
                " tidak terjangkau (No such file or directory); yang sudah tercatat tetap tersimpan, cetak ulang nanti",
            Explain(gone, Language::kIndonesian));
  EXPECT_FALSE(std::ifstream(dir.File("lp1")).good());
  EXPECT_EQ(Refusal::kPrinterAddressBad, SendToPrinter("lp0", "x").refusal());
  EXPECT_EQ(Refusal::kPrinterAddressBad, SendToPrinter("tcp:printer:99999", "x").refusal());
}

// A listening socket on 127.0.0.1, its receive buffer as small as the kernel allows when
// `small_buffer` (a printer's own buffer is a few kilobytes).
struct Listener {
  int fd = -1;
  int port = 0;
  explicit Listener(bool small_buffer = false) {
    fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (small_buffer) {
      const int bytes = 1024;
      ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(0, ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address));
    EXPECT_EQ(0, ::listen(fd, 4));
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
  }
  ~Listener() { ::close(fd); }
  std::string Address() const { return "tcp:127.0.0.1:" + std::to_string(port); }
};

// The receipt as the paper comes out (the README's picture is drawn so, from the bytes a
// printer gets): the lines in font A's 12×24 cells, the footer, the e-receipt's code under
// them, which zbarimg reads from the picture.
TEST(PrinterTest, TheRenderedPaperShowsTheReceiptAndItsCodeReads) {
  testing::TempDir dir;
  const testing::PrintedPage page =
      testing::DecodeEscPos(ReceiptJob(kStall, SampleReceipt(), "Terima kasih, sampai jumpa lagi"));
  ASSERT_EQ(std::vector<std::string>(), page.errors);
  ASSERT_EQ(page.lines.size(), page.looks.size());
  EXPECT_TRUE(page.looks[0].bold) << "the stall's name stands out";
  EXPECT_NE(std::find(page.lines.begin(), page.lines.end(), "Terima kasih, sampai jumpa lagi"), page.lines.end());
  const std::string png = dir.File("paper.png");
  ASSERT_TRUE(testing::WritePrintedPagePng(page, "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", png));
  const testing::RunResult read = testing::Run({"/usr/bin/zbarimg", "--quiet", "--raw", png});
  ASSERT_EQ(0, read.exit_code) << read.err;
  EXPECT_EQ(EReceiptText(kStall, SampleReceipt()) + "\n", read.out);
  EXPECT_FALSE(testing::WritePrintedPagePng(page, dir.File("no-such-font.ttf"), dir.File("none.png")));
}

TEST(PrinterTest, ANetworkPrinterOnRawTcpGetsTheWholeReceipt) {
  testing::TempDir dir;
  Listener printer;
  std::string received;
  std::thread reader([&] {
    const int client = ::accept(printer.fd, nullptr, nullptr);
    char buffer[4096];
    for (ssize_t n; (n = ::read(client, buffer, sizeof buffer)) > 0;) received.append(buffer, static_cast<size_t>(n));
    ::close(client);
  });
  const Status sent = SendToPrinter(printer.Address(), ReceiptJob(kStall, SampleReceipt()));
  reader.join();
  ASSERT_TRUE(sent.ok()) << sent.ToString();
  ExpectTheReceipt(Decode(received, dir));
}

TEST(PrinterTest, ANetworkPrinterThatTakesNothingTimesOutAndOneThatGoesAwayIsSaid) {
  std::string job;  // four receipts at once: more than the two small buffers hold
  for (int i = 0; i < 4; ++i) job += ReceiptJob(kStall, SampleReceipt());
  ASSERT_GT(job.size(), 40000u);
  {
    Listener silent(/*small_buffer=*/true);  // accepts (the kernel does) and never reads
    const Status timed_out = SendToPrinter(silent.Address(), job, std::chrono::milliseconds(300));
    EXPECT_EQ(Refusal::kPrinterTimedOut, timed_out.refusal()) << timed_out.ToString();
  }
  {
    Listener printer(/*small_buffer=*/true);
    std::thread reader([&] {  // reads a little, then is switched off: a reset
      const int client = ::accept(printer.fd, nullptr, nullptr);
      char buffer[100];
      ASSERT_GT(::read(client, buffer, sizeof buffer), 0);
      const linger reset{1, 0};
      ::setsockopt(client, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
      ::close(client);
    });
    const Status gone = SendToPrinter(printer.Address(), job, std::chrono::seconds(30));
    reader.join();
    EXPECT_EQ(Refusal::kPrinterGone, gone.refusal()) << gone.ToString();
  }
  Listener closed;
  const std::string address = closed.Address();
  ::close(closed.fd);
  closed.fd = ::socket(AF_INET, SOCK_STREAM, 0);  // the port now refuses connections
  EXPECT_EQ(Refusal::kPrinterNotReached, SendToPrinter(address, job).refusal());
}

// A pty stands for /dev/rfcomm0: a terminal device, which SendToPrinter sets raw (a cooked
// one would turn each LF of the job into CR LF).
struct Pty {
  int master = -1;
  std::string slave;
  Pty() {
    master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    EXPECT_GE(master, 0);
    EXPECT_EQ(0, ::grantpt(master));
    EXPECT_EQ(0, ::unlockpt(master));
    slave = ::ptsname(master);
  }
  ~Pty() {
    if (master >= 0) ::close(master);
  }
};

TEST(PrinterTest, ABluetoothPrintersSerialDeviceGetsTheJobRawAndOneNeverReadTimesOut) {
  testing::TempDir dir;
  const std::string job = ReceiptJob(kStall, SampleReceipt());
  {
    Pty rfcomm;
    std::string received;
    std::thread reader([&] {
      char buffer[4096];
      while (received.size() < job.size()) {
        const ssize_t n = ::read(rfcomm.master, buffer, sizeof buffer);
        if (n <= 0) break;
        received.append(buffer, static_cast<size_t>(n));
      }
    });
    const Status sent = SendToPrinter(rfcomm.slave, job);
    reader.join();
    ASSERT_TRUE(sent.ok()) << sent.ToString();
    EXPECT_EQ(job, received);
    ExpectTheReceipt(Decode(received, dir));
  }
  {
    Pty out_of_range;  // nobody reads: the pty's buffer (a few kilobytes) fills
    const std::string four = job + job + job + job;
    EXPECT_EQ(Refusal::kPrinterTimedOut, SendToPrinter(out_of_range.slave, four, std::chrono::milliseconds(300)).refusal());
  }
  {
    Pty switched_off;
    ::close(switched_off.master);  // the far end is gone before the job is done
    switched_off.master = -1;
    const Status gone = SendToPrinter(switched_off.slave, job, std::chrono::seconds(30));
    EXPECT_TRUE(gone.refusal() == Refusal::kPrinterGone || gone.refusal() == Refusal::kPrinterNotReached)
        << gone.ToString();
  }
}

TEST(PrinterTest, TheZReportPrintsAtThirtyTwoColumnsWithACut) {
  ZReport z;
  z.z_number = 3;
  z.business_day = "2026-11-22";
  z.opening_float = Money::Rupiah(200000);
  z.figures = DayFigures{12, 1, Money::Rupiah(640000), Money::Rupiah(25000), Money::Rupiah(615000),
                         {{Money::Rupiah(300000), Money::Rupiah(250000), Money::Rupiah(65000)}}};
  z.counted_cash = Money::Rupiah(498000);
  ASSERT_TRUE(SettleCash(z).ok());
  const testing::PrintedPage page = testing::DecodeEscPos(ZReportJob(kStall, z));
  EXPECT_EQ(std::vector<std::string>(), page.errors);
  EXPECT_EQ(Lines(ZReportSlip(kStall, z, kPrinterColumns)), page.lines);
  EXPECT_EQ("LAPORAN Z #3          2026-11-22", page.lines[1]);
  EXPECT_EQ(1, page.cuts);
}

}  // namespace
}  // namespace lapak::print
