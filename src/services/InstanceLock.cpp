#include "services/InstanceLock.h"

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"

namespace dangbo::services {

namespace platform = core::platform;

std::filesystem::path InstanceLock::lockPathOf(const std::filesystem::path& databasePath) {
  // Named after the real file, so a symbolic link or another spelling of the path meets the same lock.
  std::filesystem::path lock = platform::realPath(databasePath);
  lock += ".lock";
  return lock;
}

InstanceLock::InstanceLock(const std::filesystem::path& databasePath) : lockPath_(lockPathOf(databasePath)) {
  lock_ = std::make_unique<platform::FileLock>(lockPath_, platform::FileLock::Mode::Try);
  if (!lock_->held()) {
    const std::string content = lock_->content();
    const std::string holder = content.empty() ? std::string("?") : content;
    lock_.reset();
    throw core::DataError(core::format(core::tr("The register {1} is already open in another dangbo window "
                                                "(process {2}). Close it there first."),
                                       {databasePath.string(), holder}));
  }
  lock_->write(std::to_string(platform::processId()));
}

InstanceLock::~InstanceLock() = default;

}  // namespace dangbo::services
