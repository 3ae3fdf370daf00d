#include "core/permissions.h"

#include <fmt/core.h>

namespace lapak {

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kSell: return "sell";
    case Action::kOpenDay: return "open the day";
    case Action::kCloseDay: return "close the day";
    case Action::kVoid: return "void a sale";
    case Action::kEditCatalog: return "change the catalog";
    case Action::kEnrol: return "enrol the terminal";
    case Action::kReset: return "reset the terminal";
  }
  return "?";
}

bool MayDo(Role role, Action action) {
  switch (action) {
    case Action::kSell:
    case Action::kOpenDay:
    case Action::kCloseDay: return true;
    case Action::kVoid:
    case Action::kEditCatalog:
    case Action::kEnrol:
    case Action::kReset: return role == Role::kOwner;
  }
  return false;
}

Status Authorise(std::optional<Role> role, Action action) {
  if (!role) return Status::PermissionDenied(fmt::format("log in to {}", ActionName(action)));
  if (!MayDo(*role, action)) {
    return Status::PermissionDenied(
        fmt::format("only the owner (pemilik) may {}, not the {}", ActionName(action), RoleName(*role)));
  }
  return Status::Ok();
}

}  // namespace lapak
