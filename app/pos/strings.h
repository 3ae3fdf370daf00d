// Every text the terminal shows, in Bahasa Indonesia (the default) and English, from one
// table. Screens ask for Tr(language, Text::kPay); nothing on screen is spelled elsewhere,
// but for the payment methods' labels, which are in their own list (core/payment_method.h)
// and asked for with MethodLabel.
#pragma once

#include <string>

#include "core/language.h"
#include "core/money.h"
#include "core/payment_method.h"

namespace lapak::pos {

enum class Text {
  kAppName,
  kEnterPin,
  kCashier,
  kOwner,
  kEnter,
  kClear,
  kSell,
  kHistory,
  kDay,
  kCatalog,
  kSettings,
  kAll,
  kCustomAmount,
  kAdd,
  kCart,
  kEmptyCart,
  kTotal,
  kPay,
  kExact,
  kDue,
  kPaid,
  kChange,
  kRemaining,
  kArrived,  // after a method's label: the vendor confirms that an exact payment arrived
  kBack,
  kPaidDone,
  kNewSale,
  kReceipt,
  kBusinessDay,
  kLogout,
  kVoid,
  kVoided,
  kVoidReason,
  kReasonWrongEntry,
  kReasonCustomerCancelled,
  kReasonSoldOut,
  kOwnerPin,
  kConfirmVoid,
  kNoSales,
  kOpenDay,
  kCloseDay,
  kOpeningFloat,
  kDayClosed,
  kSales,
  kGross,
  kNet,
  kExpectedCash,
  kCounted,
  kOverShort,
  kCountCash,
  kImported,
  kNewProduct,
  kSku,
  kName,
  kCategory,
  kPrice,
  kSave,
  kActive,
  kInactive,
  kImportCsv,
  kCsvPath,
  kLanguage,
  kTextSize,
  kStall,
  kTerminal,
  kTimeZone,
  kDayCutoff,
  kEarlierZ,
  kSetUpStall,
  kStallId,
  kStallName,
  kTerminalId,
  kCashierPin,
  kTryDemo,
  kDatabase,
  kOpen,
  kSyncTitle,
  kLedger,
  kNotEnrolled,
  kUnsent,
  kAllSent,
  kLastSuccess,
  kNever,
  kLastError,
  kEnrolmentCode,
  kPaste,
  kEnrol,
  kEnrolled,
  kSyncNow,
  kSent,
  kNotSent,
  kConfirmCloseDay,
  kYesCloseDay,
  kCashShort,
  kCashOver,
  kCashExact,
  kNotClosedYet,
  kCloseBeforeSelling,
  kOffline,
  kOfflineShort,
  kCashIn,
  kCashOut,
  kCashMoveAmount,
  kCashMoveReason,
  kReasonMoreChange,
  kReasonFloatCorrection,
  kReasonToOwner,
  kReasonPurchase,
  kNext,
  kSaveCashIn,
  kSaveCashOut,
  kCashMoved,
  kCount,  // not a text: the number of texts
};

const char* Tr(Language language, Text text);

// A drawer's over/short in words: "kurang Rp1.000", "lebih Rp500", "pas".
std::string OverShortText(Language language, Money over_short);

// "Tunai" / "Cash", "QRIS", "Transfer".
std::string MethodLabel(Language language, PaymentMethod method);

}  // namespace lapak::pos
