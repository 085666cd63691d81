#pragma once
// User accounts: the first-run administrator, account management (administrator only), Argon2id password
// hashes through libsodium, login with a failure counter and a temporary lock, and reading a password
// for the CLI from a file descriptor or a terminal with echo off. Passwords are never stored or logged.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// The clock whose time points login() takes (passed in so tests can move time).
using Clock = std::chrono::system_clock;

/// Consecutive wrong passwords that lock an account.
constexpr int kMaxFailedLogins = 5;
/// How long a locked account stays locked.
constexpr std::chrono::minutes kLockDuration{15};
/// Each further lock of the same run of failures lasts twice the one before, up to this.
constexpr std::chrono::hours kMaxLockDuration{24};
/// An administrator's account is never locked longer than this, so that nobody can shut the office out for
/// good by typing wrong passwords (the owner of the file may also clear it at once: `user unlock`).
constexpr std::chrono::minutes kAdminMaxLock{15};
/// The shortest password accepted (in characters).
constexpr int kMinPasswordLength = 8;

/// How expensive a password hash is.
enum class HashStrength {
  Interactive,  ///< crypto_pwhash OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (the real setting)
  Fast,         ///< the minimum limits: for tests only
};
/// Fast when the environment variable DANGBO_FAST_HASH is "1" (tests), else Interactive.
HashStrength defaultHashStrength();
/// An Argon2id hash string (crypto_pwhash_str_alg) of `password`.
std::string hashPassword(const std::string& password, HashStrength strength = defaultHashStrength());
/// True when `password` matches `hash` (false for an empty or malformed hash).
bool verifyPassword(const std::string& hash, const std::string& password);

/// One account as listed: never the password hash.
struct UserInfo {
  core::Id id = 0;
  std::string username;
  std::string fullName;
  std::string role;                ///< admin | office | secretary | inspection | leadership
  std::optional<core::Id> cellId;  ///< a secretary's cell
  bool active = true;
  int failedLogins = 0;                          ///< consecutive wrong passwords
  std::optional<Clock::time_point> lockedUntil;  ///< set while (or after) a lock
  std::string createdAt;                         ///< ISO UTC
};

/// A new account, as the administrator fills it in.
struct NewUser {
  std::string username;  ///< normalized by normalizeUsername()
  std::string fullName;
  std::string role;                ///< admin | office | secretary | inspection | leadership
  std::optional<core::Id> cellId;  ///< required (and must exist) for a secretary; ignored otherwise
  std::string password;            ///< at least kMinPasswordLength characters
};

/// Trims and lower-cases ASCII; throws DataError unless the result is 2-32 characters of a-z 0-9 . _ -.
std::string normalizeUsername(const std::string& username);

// --- first-run set-up ---
/// True while the file has no account at all.
bool needsSetup(Services& s);
/// Creates the first account, an administrator; refused (DataError) once any account exists.
void createAdministrator(Services& s, const std::string& username, const std::string& fullName,
                         const std::string& password);

// --- account management: administrator only (PermissionError otherwise) ---
/// Creates an account; returns its id.
core::Id createUser(Services& s, const Actor& actor, const NewUser& user);
/// Changes the role (and the cell, required for a secretary). The last active administrator keeps the role.
void changeRole(Services& s, const Actor& actor, const std::string& username, const std::string& role,
                const std::optional<core::Id>& cellId = std::nullopt);
/// Deactivates an account (it can no longer log in). Not one's own, not the last active administrator.
void deactivateUser(Services& s, const Actor& actor, const std::string& username);
/// Sets a new password and clears the failure counter and any lock.
void resetPassword(Services& s, const Actor& actor, const std::string& username,
                   const std::string& newPassword);
/// Every account by user name, without password hashes.
std::vector<UserInfo> listUsers(Services& s, const Actor& actor);

// --- login ---
/// The actor of an active account whose password matches; nullopt for an unknown or inactive account or a
/// wrong password (each failure counted in one write transaction, so that attempts made at once are all
/// counted, and, outside tests, answered after a growing delay). Every kMaxFailedLogins-th failure in a row
/// locks the account: kLockDuration the first time, twice as long each further lock (at most
/// kMaxLockDuration; kAdminMaxLock for an administrator). An attempt while locked is refused even with the
/// right password and counted too: both throw PermissionError saying until when. A success clears the
/// counter. Every attempt writes an audit row (never the password).
std::optional<Actor> login(Services& s, const std::string& username, const std::string& password,
                           Clock::time_point now = Clock::now());

/// Clears the failure counter and the lock of `username` (administrators only; audited).
void unlockAccount(Services& s, const Actor& actor, const std::string& username);
/// How long the lock set at the `failures`-th failure in a row lasts for an account of `role`.
std::chrono::minutes lockDuration(int failures, const std::string& role);

// --- reading a password for the CLI ---
/// One line read from `fd`, the trailing newline (and carriage return) stripped; DataError on a read error.
std::string readPasswordFromFd(int fd);
/// Writes `prompt` to stderr and reads one line from stdin with echo off when stdin is a terminal
/// (plain read otherwise).
std::string readPasswordFromTerminal(const std::string& prompt);

}  // namespace dangbo::services
