#pragma once
// One window per register file: a second program instance on the same file is told who holds it.
#include <filesystem>
#include <string>

namespace dangbo::services {

/// An exclusive lock on a register file for the life of the object (flock on FILE.lock).
class InstanceLock {
 public:
  /// Takes the lock; throws core::DataError naming the process that holds it when it is taken.
  explicit InstanceLock(const std::filesystem::path& databasePath);
  ~InstanceLock();
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;

 private:
  int fd_ = -1;
  std::filesystem::path lockPath_;
};

}  // namespace dangbo::services
