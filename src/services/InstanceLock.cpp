#include "services/InstanceLock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/Errors.h"
#include "core/I18n.h"

namespace dangbo::services {

InstanceLock::InstanceLock(const std::filesystem::path& databasePath)
    : lockPath_(databasePath.string() + ".lock") {
  fd_ = ::open(lockPath_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw core::DataError(core::format(core::tr("Cannot create the lock file {1}."), {lockPath_.string()}));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    char buf[32] = {};
    ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
    std::string holder = n > 0 ? std::string(buf, size_t(n)) : std::string("?");
    ::close(fd_);
    fd_ = -1;
    throw core::DataError(core::format(core::tr("The register {1} is already open in another dangbo window "
                                                "(process {2}). Close it there first."),
                                       {databasePath.string(), holder}));
  }
  std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The holder's number is only informative.
  }
}

InstanceLock::~InstanceLock() {
  if (fd_ >= 0) {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
}

}  // namespace dangbo::services
