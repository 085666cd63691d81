#include "services/Actor.h"

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"

namespace dangbo::services {

bool allows(const Actor& a, Permission p) {
  const std::string& r = a.role;
  switch (p) {
    case Permission::ReadRegister:
      return r == "admin" || r == "office" || r == "secretary" || r == "inspection" || r == "leadership";
    case Permission::WriteRegister:
      return r == "admin" || r == "office" || r == "secretary";
    case Permission::EditSettings:
      return r == "admin" || r == "office";
    case Permission::ReadCaseFiles:
      return r == "inspection";
  }
  return false;
}

void require(const Actor& a, Permission p) {
  if (allows(a, p)) return;
  const char* what = "";
  switch (p) {
    case Permission::ReadRegister:
      what = core::tr("read the register");
      break;
    case Permission::WriteRegister:
      what = core::tr("change the register");
      break;
    case Permission::EditSettings:
      what = core::tr("change the settings");
      break;
    case Permission::ReadCaseFiles:
      what = core::tr("open inspection and discipline case files");
      break;
  }
  throw core::PermissionError(core::format(core::tr("The account {1} ({2}) may not {3}."),
                                           {a.username, core::enums::userRole.label(a.role), what}));
}

}  // namespace dangbo::services
