#include "services/Administration.h"

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"

namespace dangbo::services {

using core::format;
using core::tr;

std::vector<AuditRow> auditTrail(Services& s, const Actor& actor, const AuditFilter& f) {
  if (actor.role != "admin")
    throw core::PermissionError(format(tr("The account {1} ({2}) may not read the audit trail."),
                                       {actor.username, core::enums::userRole.label(actor.role)}));
  if (f.from && f.to && *f.to < *f.from)
    throw core::DataError(tr("The end of the period comes before its start."));
  store::AuditQuery q;
  q.username = f.username;
  q.record = f.record;
  if (f.from) q.fromDay = f.from->iso();
  if (f.to) q.toDay = f.to->iso();
  q.limit = f.limit;
  std::vector<AuditRow> out;
  for (auto& e : store::AuditRepository(storeOf(s)).search(q))
    out.push_back({e.id, e.at, e.username, e.action, e.record, e.oldValue, e.newValue, e.reason});
  return out;
}

bool mayManageBackups(const Actor& actor) {
  return actor.role == "admin";
}

void requireBackupRights(const Actor& actor) {
  if (mayManageBackups(actor)) return;
  throw core::PermissionError(format(tr("The account {1} ({2}) may not make or restore backups."),
                                     {actor.username, core::enums::userRole.label(actor.role)}));
}

}  // namespace dangbo::services
