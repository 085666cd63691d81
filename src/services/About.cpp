#include "services/About.h"

#include "services/DataPaths.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/Migrations.h"

namespace dangbo::services {

AboutInfo aboutRegister(Services& s) {
  AboutInfo a;
  std::error_code ec;
  a.file = std::filesystem::absolute(s.path(), ec);
  if (ec) a.file = s.path();
  a.schemaVersion = storeOf(s).schemaVersion();
  a.latestSchemaVersion = store::latestVersion();
  a.dataFolder = dataFolder();
  return a;
}

}  // namespace dangbo::services
