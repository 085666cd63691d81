#include "store/UserRepository.h"

#include <utility>

#include "store/Sql.h"

namespace dangbo::store {

namespace {
constexpr const char* kColumns =
    "SELECT id, username, full_name, role, cell_id, password_hash, failed_logins, locked_until, active, "
    "created_at "
    "FROM users";

UserRow readRow(SQLite::Statement& q) {
  UserRow u;
  u.id = q.getColumn(0).getInt64();
  u.username = q.getColumn(1).getString();
  u.fullName = q.getColumn(2).getString();
  u.role = q.getColumn(3).getString();
  u.cellId = sql::optId(q.getColumn(4));
  u.passwordHash = q.getColumn(5).getString();
  u.failedLogins = q.getColumn(6).getInt();
  if (!q.getColumn(7).isNull()) u.lockedUntil = q.getColumn(7).getString();
  u.active = q.getColumn(8).getInt() != 0;
  u.createdAt = q.getColumn(9).getString();
  return u;
}
}  // namespace

int UserRepository::count() {
  SQLite::Statement q(db_.db(), "SELECT COUNT(*) FROM users");
  q.executeStep();
  return q.getColumn(0).getInt();
}

int UserRepository::countActiveAdmins() {
  SQLite::Statement q(db_.db(), "SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1");
  q.executeStep();
  return q.getColumn(0).getInt();
}

std::optional<UserRow> UserRepository::find(const std::string& username) {
  SQLite::Statement q(db_.db(), std::string(kColumns) + " WHERE username = ?");
  q.bind(1, username);
  if (!q.executeStep()) return std::nullopt;
  return readRow(q);
}

std::vector<UserRow> UserRepository::all() {
  SQLite::Statement q(db_.db(), std::string(kColumns) + " ORDER BY username");
  std::vector<UserRow> out;
  while (q.executeStep()) out.push_back(readRow(q));
  return out;
}

core::Id UserRepository::insert(const UserRow& u) {
  SQLite::Statement q(db_.db(),
                      "INSERT INTO users (username, full_name, role, cell_id, password_hash, failed_logins, "
                      "locked_until, active, created_at) VALUES (?, ?, ?, ?, ?, 0, NULL, ?, ?)");
  q.bind(1, u.username);
  q.bind(2, u.fullName);
  q.bind(3, u.role);
  sql::bind(q, 4, u.cellId);
  q.bind(5, u.passwordHash);
  q.bind(6, u.active ? 1 : 0);
  q.bind(7, sql::nowUtc());
  q.exec();
  return db_.db().getLastInsertRowid();
}

void UserRepository::updateRole(core::Id id, const std::string& role, const std::optional<core::Id>& cellId) {
  SQLite::Statement q(db_.db(), "UPDATE users SET role = ?, cell_id = ? WHERE id = ?");
  q.bind(1, role);
  sql::bind(q, 2, cellId);
  q.bind(3, static_cast<int64_t>(id));
  q.exec();
}

void UserRepository::setActive(core::Id id, bool active) {
  SQLite::Statement q(db_.db(), "UPDATE users SET active = ? WHERE id = ?");
  q.bind(1, active ? 1 : 0);
  q.bind(2, static_cast<int64_t>(id));
  q.exec();
}

void UserRepository::setPasswordHash(core::Id id, const std::string& hash) {
  SQLite::Statement q(
      db_.db(), "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?");
  q.bind(1, hash);
  q.bind(2, static_cast<int64_t>(id));
  q.exec();
}

std::pair<int, std::optional<std::string>> UserRepository::countFailure(core::Id id) {
  SQLite::Statement q(
      db_.db(),
      "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins, "
      "locked_until");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return {0, std::nullopt};
  std::optional<std::string> lock;
  if (!q.getColumn(1).isNull()) lock = q.getColumn(1).getString();
  std::pair<int, std::optional<std::string>> out{q.getColumn(0).getInt(), lock};
  while (q.executeStep()) {
  }
  return out;
}

void UserRepository::setLock(core::Id id, const std::optional<std::string>& lockedUntil) {
  SQLite::Statement q(db_.db(), "UPDATE users SET locked_until = ? WHERE id = ?");
  if (lockedUntil)
    q.bind(1, *lockedUntil);
  else
    q.bind(1);
  q.bind(2, static_cast<int64_t>(id));
  q.exec();
}

std::optional<std::string> UserRepository::lockOf(core::Id id) {
  SQLite::Statement q(db_.db(), "SELECT locked_until FROM users WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getString();
}

void UserRepository::recordSuccess(core::Id id) {
  SQLite::Statement q(db_.db(), "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  q.exec();
}

bool UserRepository::organizationExists(core::Id id) {
  SQLite::Statement q(db_.db(), "SELECT 1 FROM organizations WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  return q.executeStep();
}

}  // namespace dangbo::store
