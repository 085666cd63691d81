#pragma once
// Who is acting: every service call takes one, and permission checks live in the services.
#include <optional>
#include <string>

#include "core/Records.h"

namespace dangbo::services {

/// The acting user.
struct Actor {
  std::string username;
  std::string role;                ///< admin | office | secretary | inspection | leadership
  std::optional<core::Id> cellId;  ///< for a secretary: the one cell
  /// The local user of a single-user installation before accounts exist: office staff and administrator.
  static Actor localOffice() { return {"office", "admin", std::nullopt}; }
};

/// What an actor may do.
enum class Permission {
  ReadRegister,   ///< see organizations and members
  WriteRegister,  ///< change organizations and members
  EditSettings,   ///< committee identity, rules, targets, holidays
  ReadCaseFiles,  ///< inspection and discipline case contents
};

/// True when `actor` has `p` (for a secretary, cell scope is checked separately).
bool allows(const Actor& actor, Permission p);
/// Throws PermissionError with a Vietnamese message naming the action when not allowed.
void require(const Actor& actor, Permission p);

}  // namespace dangbo::services
