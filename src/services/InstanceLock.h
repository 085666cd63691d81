#pragma once
// One window per register file: a second program instance on the same file is told who holds it.
#include <filesystem>
#include <memory>
#include <string>

namespace dangbo::core::platform {
class FileLock;
}

namespace dangbo::services {

/// An exclusive lock on a register file for the life of the object (on REALFILE.lock, REALFILE being the
/// file with its symbolic links resolved).
class InstanceLock {
 public:
  /// Takes the lock; throws core::DataError naming the process that holds it when it is taken.
  explicit InstanceLock(const std::filesystem::path& databasePath);
  ~InstanceLock();
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;
  /// The lock file of a register.
  static std::filesystem::path lockPathOf(const std::filesystem::path& databasePath);

 private:
  std::filesystem::path lockPath_;
  std::unique_ptr<core::platform::FileLock> lock_;
};

}  // namespace dangbo::services
