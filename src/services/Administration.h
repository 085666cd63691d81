#pragma once
// The administrator's tools besides accounts: reading the audit trail and the right to back up and restore.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// Which audit rows to show; empty fields set no condition.
struct AuditFilter {
  std::string username;            ///< rows written by this account
  std::string record;              ///< rows whose record contains this text ("DV0012", "member:DV0012")
  std::optional<core::Date> from;  ///< rows of this day (UTC) or later
  std::optional<core::Date> to;    ///< rows of this day (UTC) or earlier
  int limit = 5000;                ///< the newest rows first, at most this many
};

/// One row of the audit trail as shown.
struct AuditRow {
  long long id = 0;
  std::string at;  ///< ISO UTC
  std::string username, action, record, oldValue, newValue, reason;
};

/// The audit rows matching `f`, newest first. Administrator only (PermissionError otherwise); reading
/// writes nothing.
std::vector<AuditRow> auditTrail(Services& s, const Actor& actor, const AuditFilter& f);

/// True when `actor` may make a backup on demand, restore a backup or change how many automatic
/// backups are kept (the administrator; automatic backups run for everyone).
bool mayManageBackups(const Actor& actor);
/// Throws PermissionError naming the account unless mayManageBackups(actor).
void requireBackupRights(const Actor& actor);

}  // namespace dangbo::services
