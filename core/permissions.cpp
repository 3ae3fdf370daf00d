#include "core/permissions.h"

#include "core/refusal.h"

namespace lapak {

namespace {

// What the refusal of an owner-only action says.
Refusal OwnerOnly(Action action) {
  switch (action) {
    case Action::kVoid: return Refusal::kOwnerVoids;
    case Action::kEditCatalog: return Refusal::kOwnerEditsCatalog;
    case Action::kEnrol: return Refusal::kOwnerEnrols;
    case Action::kSetQris: return Refusal::kOwnerSetsQris;
    case Action::kSetReceiptFooter: return Refusal::kOwnerSetsReceiptFooter;
    case Action::kReset:
    case Action::kSell:
    case Action::kOpenDay:
    case Action::kCloseDay: break;
  }
  return Refusal::kOwnerResets;
}

}  // namespace

bool MayDo(Role role, Action action) {
  switch (action) {
    case Action::kSell:
    case Action::kOpenDay:
    case Action::kCloseDay: return true;
    case Action::kVoid:
    case Action::kEditCatalog:
    case Action::kEnrol:
    case Action::kSetQris:
    case Action::kSetReceiptFooter:
    case Action::kReset: return role == Role::kOwner;
  }
  return false;
}

Status Authorise(std::optional<Role> role, Action action) {
  if (!role) return Refuse(Refusal::kLogInFirst);
  if (!MayDo(*role, action)) return Refuse(OwnerOnly(action), RoleName(*role));
  return Status::Ok();
}

}  // namespace lapak
