// Every text the terminal shows, in Bahasa Indonesia (the default) and English, from one
// table. Screens ask for Tr(language, Text::kPay); nothing on screen is spelled elsewhere.
#pragma once

namespace lapak::pos {

enum class Language { kIndonesian, kEnglish };

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
  kCash,
  kQris,
  kTransfer,
  kExact,
  kDue,
  kPaid,
  kChange,
  kRemaining,
  kConfirmQris,
  kConfirmTransfer,
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
  kCount,  // not a text: the number of texts
};

const char* Tr(Language language, Text text);

}  // namespace lapak::pos
