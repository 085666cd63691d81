#pragma once
// The user accounts of a dangbo file: who may log in, with which role, and the login-failure counters.
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// One row of the users table, hash included (services never hand the hash out).
struct UserRow {
  core::Id id = 0;
  std::string username;
  std::string fullName;
  std::string role;                        ///< admin | office | secretary | inspection | leadership
  std::optional<core::Id> cellId;          ///< a secretary's cell
  std::string passwordHash;                ///< libsodium crypto_pwhash_str text
  int failedLogins = 0;                    ///< consecutive failed logins
  std::optional<std::string> lockedUntil;  ///< ISO UTC "YYYY-MM-DDTHH:MM:SSZ", or none
  bool active = true;
  std::string createdAt;  ///< ISO UTC
};

/// Reads and writes the users table.
class UserRepository {
 public:
  explicit UserRepository(Database& db) : db_(db) {}
  /// How many accounts exist (active or not).
  int count();
  /// How many active administrators exist.
  int countActiveAdmins();
  /// The account with this (already normalized) user name.
  std::optional<UserRow> find(const std::string& username);
  /// Every account, by user name.
  std::vector<UserRow> all();
  /// Inserts an account (id and createdAt are set here); returns its id.
  core::Id insert(const UserRow& u);
  /// Changes role and cell.
  void updateRole(core::Id id, const std::string& role, const std::optional<core::Id>& cellId);
  /// Activates or deactivates.
  void setActive(core::Id id, bool active);
  /// Replaces the password hash and clears the failure counter and the lock.
  void setPasswordHash(core::Id id, const std::string& hash);
  /// Adds one to the failure counter in a single statement (two processes never count the same failure) and
  /// returns the new count with the lock as stored.
  std::pair<int, std::optional<std::string>> countFailure(core::Id id);
  /// Sets the lock (or clears it).
  void setLock(core::Id id, const std::optional<std::string>& lockedUntil);
  /// The lock as stored now.
  std::optional<std::string> lockOf(core::Id id);
  /// Clears the failure counter and the lock after a successful login.
  void recordSuccess(core::Id id);
  /// True when an organization (a cell) with this id exists.
  bool organizationExists(core::Id id);

 private:
  Database& db_;
};

}  // namespace dangbo::store
