// Who may do what on a terminal: the one table both front ends (`lapak-pos` and `lapak`)
// consult before a use case runs. A role is what the person proved with a PIN; no front end
// decides by hiding a button.
//
//   action         kasir   pemilik   why
//   sell            yes     yes      the vendor's daily work
//   open/close day  yes     yes      counting the drawer is the vendor's too
//   void            no      yes      a sale taken back: the owner's PIN, each time
//   edit catalog    no      yes      prices are the owner's
//   enrol           no      yes      where the books go is the owner's decision
//   set QRIS        no      yes      where customers' money goes is the owner's decision
//   reset           no      yes      retiring the books is the owner's decision
// Language and text size are anyone's, before logging in too: they change the look, not the
// books, so they are not actions here.
#pragma once

#include <optional>

#include "core/pin.h"
#include "core/status.h"

namespace lapak {

enum class Action { kSell, kOpenDay, kCloseDay, kVoid, kEditCatalog, kEnrol, kSetQris, kSetReceiptFooter, kReset };

bool MayDo(Role role, Action action);

// Ok when `role` may do `action`; a coded refusal (core/refusal.h) otherwise, and when no one
// has logged in (`role` empty).
[[nodiscard]] Status Authorise(std::optional<Role> role, Action action);

}  // namespace lapak
