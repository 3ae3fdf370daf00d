#include "app/pos/strings.h"

#include <array>
#include <cstddef>

namespace lapak::pos {

namespace {

struct Entry {
  Text text;
  const char* indonesian;
  const char* english;
};

// In the order of the enum; the static_assert below keeps the two in step.
constexpr std::array kTable = {
    Entry{Text::kAppName, "Lapak", "Lapak"},
    Entry{Text::kEnterPin, "Masukkan PIN", "Enter PIN"},
    Entry{Text::kCashier, "Kasir", "Cashier"},
    Entry{Text::kOwner, "Pemilik", "Owner"},
    Entry{Text::kEnter, "Masuk", "Enter"},
    Entry{Text::kClear, "Hapus", "Clear"},
    Entry{Text::kSell, "Jual", "Sell"},
    Entry{Text::kHistory, "Riwayat", "History"},
    Entry{Text::kDay, "Hari", "Day"},
    Entry{Text::kCatalog, "Katalog", "Catalog"},
    Entry{Text::kSettings, "Pengaturan", "Settings"},
    Entry{Text::kAll, "Semua", "All"},
    Entry{Text::kCustomAmount, "Nominal lain", "Other amount"},
    Entry{Text::kAdd, "Tambah", "Add"},
    Entry{Text::kCart, "Keranjang", "Cart"},
    Entry{Text::kEmptyCart, "Keranjang kosong", "Cart is empty"},
    Entry{Text::kTotal, "Total", "Total"},
    Entry{Text::kPay, "Bayar", "Pay"},
    Entry{Text::kExact, "Uang pas", "Exact"},
    Entry{Text::kDue, "Tagihan", "Due"},
    Entry{Text::kPaid, "Dibayar", "Paid"},
    Entry{Text::kChange, "Kembalian", "Change"},
    Entry{Text::kRemaining, "Kurang", "Still due"},
    Entry{Text::kArrived, "sudah masuk", "received"},
    Entry{Text::kBack, "Kembali", "Back"},
    Entry{Text::kPaidDone, "LUNAS", "PAID"},
    Entry{Text::kNewSale, "Transaksi baru", "New sale"},
    Entry{Text::kReceipt, "Struk", "Receipt"},
    Entry{Text::kBusinessDay, "Hari dagang", "Business day"},
    Entry{Text::kLogout, "Keluar", "Log out"},
    Entry{Text::kVoid, "Batalkan", "Void"},
    Entry{Text::kVoided, "BATAL", "VOIDED"},
    Entry{Text::kVoidReason, "Alasan batal", "Reason"},
    Entry{Text::kReasonWrongEntry, "Salah input", "Wrong entry"},
    Entry{Text::kReasonCustomerCancelled, "Pembeli batal", "Customer cancelled"},
    Entry{Text::kReasonSoldOut, "Barang habis", "Sold out"},
    Entry{Text::kOwnerPin, "PIN pemilik", "Owner's PIN"},
    Entry{Text::kConfirmVoid, "Batalkan transaksi", "Void the sale"},
    Entry{Text::kNoSales, "Belum ada penjualan", "No sales yet"},
    Entry{Text::kOpenDay, "Buka hari", "Open the day"},
    Entry{Text::kCloseDay, "Tutup hari", "Close the day"},
    Entry{Text::kOpeningFloat, "Modal awal", "Opening float"},
    Entry{Text::kDayClosed, "Hari ditutup", "Day closed"},
    Entry{Text::kSales, "Transaksi", "Sales"},
    Entry{Text::kGross, "Omzet", "Gross"},
    Entry{Text::kNet, "Bersih", "Net"},
    Entry{Text::kExpectedCash, "Kas seharusnya", "Expected cash"},
    Entry{Text::kCounted, "Kas dihitung", "Counted"},
    Entry{Text::kOverShort, "Selisih", "Over/short"},
    Entry{Text::kCountCash, "Hitung uang di laci", "Count the drawer"},
    Entry{Text::kImported, "produk diimpor", "products imported"},
    Entry{Text::kNewProduct, "Produk baru", "New product"},
    Entry{Text::kSku, "Kode", "SKU"},
    Entry{Text::kName, "Nama", "Name"},
    Entry{Text::kCategory, "Kategori", "Category"},
    Entry{Text::kPrice, "Harga", "Price"},
    Entry{Text::kSave, "Simpan", "Save"},
    Entry{Text::kActive, "Dijual", "On sale"},
    Entry{Text::kInactive, "Tidak dijual", "Not on sale"},
    Entry{Text::kImportCsv, "Impor CSV", "Import CSV"},
    Entry{Text::kCsvPath, "Berkas CSV", "CSV file"},
    Entry{Text::kLanguage, "Bahasa", "Language"},
    Entry{Text::kTextSize, "Ukuran teks", "Text size"},
    Entry{Text::kStall, "Lapak", "Stall"},
    Entry{Text::kTerminal, "Terminal", "Terminal"},
    Entry{Text::kTimeZone, "Zona waktu", "Time zone"},
    Entry{Text::kDayCutoff, "Ganti hari", "Day cut-off"},
    Entry{Text::kEarlierZ, "Laporan Z sebelumnya", "Earlier Z reports"},
    Entry{Text::kSetUpStall, "Siapkan lapak", "Set up the stall"},
    Entry{Text::kStallId, "Kode lapak", "Stall id"},
    Entry{Text::kStallName, "Nama lapak", "Stall name"},
    Entry{Text::kTerminalId, "Kode terminal", "Terminal id"},
    Entry{Text::kCashierPin, "PIN kasir", "Cashier's PIN"},
    Entry{Text::kTryDemo, "Coba lapak demo", "Try the demo stall"},
    Entry{Text::kDatabase, "Database lain", "Other database"},
    Entry{Text::kOpen, "Buka", "Open"},
    Entry{Text::kSyncTitle, "Ledger bazar", "Bazaar ledger"},
    Entry{Text::kLedger, "Ledger", "Ledger"},
    Entry{Text::kNotEnrolled, "Belum terdaftar", "Not enrolled"},
    Entry{Text::kUnsent, "Belum terkirim", "Unsent"},
    Entry{Text::kAllSent, "Semua terkirim", "All sent"},
    Entry{Text::kLastSuccess, "Terakhir berhasil", "Last success"},
    Entry{Text::kNever, "belum pernah", "never"},
    Entry{Text::kLastError, "Galat terakhir", "Last error"},
    Entry{Text::kEnrolmentCode, "Kode pendaftaran", "Enrolment code"},
    Entry{Text::kPaste, "Tempel", "Paste"},
    Entry{Text::kEnrol, "Daftarkan", "Enrol"},
    Entry{Text::kEnrolled, "Terminal terdaftar di ledger", "Terminal enrolled with the ledger"},
    Entry{Text::kEnrolFromUsb, "Daftar dari USB", "Enrol from USB"},
    Entry{Text::kCodeFileKept, "Hapus sendiri berkas kode dari USB (tidak bisa dihapus terminal)",
          "Delete the code file from the stick yourself (the terminal could not)"},
    Entry{Text::kSyncNow, "Kirim sekarang", "Sync now"},
    Entry{Text::kSent, "Terkirim", "Sent"},
    Entry{Text::kNotSent, "Belum kirim", "Unsent"},
    Entry{Text::kConfirmCloseDay, "Tutup hari dan buat laporan Z? Ini tidak bisa dibatalkan.",
          "Close the day and take the Z report? This cannot be undone."},
    Entry{Text::kYesCloseDay, "Ya, tutup hari", "Yes, close the day"},
    Entry{Text::kCashShort, "kurang", "short"},
    Entry{Text::kCashOver, "lebih", "over"},
    Entry{Text::kCashExact, "pas", "exact"},
    Entry{Text::kNotClosedYet, "belum ditutup", "is not closed"},
    Entry{Text::kCloseBeforeSelling, "Hitung laci dan buat laporan Z dulu, lalu berjualan lagi hari ini.",
          "Count the drawer and take the Z report first, then sell again today."},
    Entry{Text::kOffline, "Tidak terhubung", "Offline"},
    Entry{Text::kOfflineShort, "Offline", "Offline"},
    Entry{Text::kCashIn, "Kas masuk", "Cash in"},
    Entry{Text::kCashOut, "Kas keluar", "Cash out"},
    Entry{Text::kCashMoveReason, "Alasan", "Reason"},
    Entry{Text::kReasonMoreChange, "Tambah uang kembalian", "More change for the drawer"},
    Entry{Text::kReasonFloatCorrection, "Koreksi kas awal", "Opening float corrected"},
    Entry{Text::kReasonToOwner, "Setor ke pemilik", "Handed to the owner"},
    Entry{Text::kReasonPurchase, "Beli keperluan lapak", "Bought supplies for the stall"},
    Entry{Text::kNext, "Lanjut", "Next"},
    Entry{Text::kSaveCashIn, "Simpan kas masuk", "Record cash in"},
    Entry{Text::kSaveCashOut, "Simpan kas keluar", "Record cash out"},
    Entry{Text::kDiscount, "Diskon", "Discount"},
    Entry{Text::kNoDiscount, "Tanpa diskon", "No discount"},
    Entry{Text::kClearCart, "Kosongkan", "Clear"},
    Entry{Text::kConfirmClearCart, "Kosongkan keranjang? Semua barang dihapus.", "Clear the cart? Every item is removed."},
    Entry{Text::kYesClearCart, "Ya, kosongkan", "Yes, clear it"},
    Entry{Text::kToday, "Hari ini", "Today"},
    Entry{Text::kItemsSold, "Barang terjual", "Items sold"},
    Entry{Text::kRepeatPin, "Ulangi", "Again:"},
    Entry{Text::kStallQris, "QRIS lapak", "Stall's QRIS"},
    Entry{Text::kNotSet, "belum diatur", "not set"},
    Entry{Text::kPasteQris, "Tempel kode QRIS", "Paste QRIS code"},
    Entry{Text::kQrisSaved, "Kode QRIS disimpan", "QRIS code saved"},
    Entry{Text::kScanToPay, "Pindai dengan aplikasi bank atau e-wallet. Nominal sudah terisi.",
          "Scan with a bank or e-wallet app. The amount is filled in."},
    Entry{Text::kOtherMethod, "Cara lain", "Other method"},
    Entry{Text::kQrisNotSetHint, "Kode QRIS belum diatur: pemilik memasukkannya di Pengaturan, lalu kode dengan nominal tampil di sini.",
          "No QRIS code set: the owner enters it in Settings, then a code with the amount shows here."},
    Entry{Text::kPrinter, "Printer struk", "Receipt printer"},
    Entry{Text::kNoPrinter, "Tanpa printer", "No printer"},
    Entry{Text::kPrinterUsb, "USB", "USB"},
    Entry{Text::kPrinterBluetooth, "Bluetooth", "Bluetooth"},
    Entry{Text::kTestPrint, "Tes cetak", "Test print"},
    Entry{Text::kReprint, "Cetak ulang", "Print again"},
    Entry{Text::kPrinting, "Mencetak", "Printing"},
    Entry{Text::kPrinted, "tercetak", "printed"},
    Entry{Text::kPrinterNetwork, "Jaringan", "Network"},
    Entry{Text::kPrinterHost, "Alamat IP printer", "Printer's IP address"},
    Entry{Text::kReceiptFooter, "Catatan kaki struk", "Receipt footer"},
    Entry{Text::kFooterSaved, "Catatan kaki struk disimpan", "Receipt footer saved"},
    Entry{Text::kEReceipt, "Struk di HP", "Receipt on phone"},
    Entry{Text::kShowReceipt, "Lihat struk", "Show receipt"},
    Entry{Text::kScanEReceipt, "Pindai dengan kamera HP: struk tampil sebagai teks, tanpa internet.",
          "Scan with a phone's camera: the receipt shows as text, no internet needed."},
    Entry{Text::kPrintZ, "Cetak Z", "Print Z"},
    Entry{Text::kEdit, "Ubah", "Change"},
    Entry{Text::kQrisFromUsb, "QRIS dari USB", "QRIS from USB"},
    Entry{Text::kQrisFee, "biaya layanan", "convenience fee"},
    Entry{Text::kCustomerPays, "pelanggan membayar", "the customer pays"},
};
static_assert(kTable.size() == static_cast<size_t>(Text::kCount), "one entry per Text");

constexpr bool InEnumOrder() {
  for (size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<size_t>(kTable[i].text) != i) return false;
  }
  return true;
}
static_assert(InEnumOrder(), "kTable follows the order of enum Text");

}  // namespace

const char* Tr(Language language, Text text) {
  const Entry& entry = kTable[static_cast<size_t>(text)];
  return language == Language::kEnglish ? entry.english : entry.indonesian;
}

std::string OverShortText(Language language, Money over_short) {
  if (over_short.is_zero()) return Tr(language, Text::kCashExact);
  if (over_short.is_negative()) {
    return std::string(Tr(language, Text::kCashShort)) + " " + FormatMoney(*Money().Minus(over_short));
  }
  return std::string(Tr(language, Text::kCashOver)) + " " + FormatMoney(over_short);
}

std::string MethodLabel(Language language, PaymentMethod method) {
  const PaymentMethodInfo& info = InfoOf(method);
  return std::string(language == Language::kEnglish ? info.label_en : info.label_id);
}

}  // namespace lapak::pos
