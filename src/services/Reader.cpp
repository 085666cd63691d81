#include "services/Reader.h"

#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/ReadSnapshot.h"

namespace dangbo::services {

std::unique_ptr<Services> openReader(const std::filesystem::path& path, const std::atomic<bool>* stop) {
  auto s = Services::openReadOnlyBeside(path);  // the window's locks kept
  // The window's connection checkpoints the WAL when it closes; this one, closed first, never does.
  storeOf(*s).keepWalOnClose();
  store::stopWhen(storeOf(*s), stop);
  return s;
}

}  // namespace dangbo::services
