#include "services/DemoMark.h"

#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"

namespace dangbo::services {

bool isDemoRegister(Services& s) {
  store::AuditQuery q;
  q.record = "database";
  q.limit = 100;
  for (const auto& row : store::AuditRepository(storeOf(s)).search(q))
    if (row.action == "demo") return true;
  return false;
}

}  // namespace dangbo::services
