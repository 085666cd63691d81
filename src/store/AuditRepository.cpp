#include "store/AuditRepository.h"

#include <sodium.h>

#include "store/Sql.h"

namespace dangbo::store {

std::string auditHash(const AuditEntry& e) {
  static const int sodiumReady = sodium_init();
  (void)sodiumReady;
  // Fields are length-prefixed so that no two different rows give the same input.
  std::string in;
  for (const std::string* f :
       {&e.prevHash, &e.at, &e.username, &e.action, &e.record, &e.oldValue, &e.newValue, &e.reason}) {
    in += std::to_string(f->size());
    in += ':';
    in += *f;
  }
  in += std::to_string(e.id);
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(in.data()), in.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

int64_t AuditRepository::append(const std::string& user, const std::string& action, const std::string& record,
                                const std::string& oldValue, const std::string& newValue,
                                const std::string& reason) {
  AuditEntry e;
  auto last = db_.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  e.id = 1;
  if (last.executeStep()) {
    e.id = last.getColumn(0).getInt64() + 1;
    e.prevHash = last.getColumn(1).getString();
  }
  e.at = sql::nowUtc();
  e.username = user;
  e.action = action;
  e.record = record;
  e.oldValue = oldValue;
  e.newValue = newValue;
  e.reason = reason;
  e.hash = auditHash(e);
  auto q = db_.prepare(
      "INSERT INTO audit_log (id, at, username, action, record, old_value, new_value, reason, "
      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, e.id);
  q.bind(2, e.at);
  q.bind(3, e.username);
  q.bind(4, e.action);
  q.bind(5, e.record);
  q.bind(6, e.oldValue);
  q.bind(7, e.newValue);
  q.bind(8, e.reason);
  q.bind(9, e.prevHash);
  q.bind(10, e.hash);
  q.exec();
  return e.id;
}

namespace {
AuditEntry readRow(SQLite::Statement& q) {
  AuditEntry e;
  e.id = q.getColumn(0).getInt64();
  e.at = q.getColumn(1).getString();
  e.username = q.getColumn(2).getString();
  e.action = q.getColumn(3).getString();
  e.record = q.getColumn(4).getString();
  e.oldValue = q.getColumn(5).getString();
  e.newValue = q.getColumn(6).getString();
  e.reason = q.getColumn(7).getString();
  e.prevHash = q.getColumn(8).getString();
  e.hash = q.getColumn(9).getString();
  return e;
}
constexpr const char* kColumns =
    "SELECT id, at, username, action, record, old_value, new_value, reason, prev_hash, hash FROM audit_log ";
}  // namespace

std::vector<AuditEntry> AuditRepository::latest(int limit) {
  std::vector<AuditEntry> out;
  auto q = db_.prepare(std::string(kColumns) + "ORDER BY id DESC LIMIT ?");
  q.bind(1, limit);
  while (q.executeStep()) out.push_back(readRow(q));
  return out;
}

std::vector<AuditEntry> AuditRepository::search(const AuditQuery& f) {
  std::vector<AuditEntry> out;
  auto q = db_.prepare(std::string(kColumns) +
                       "WHERE (?1 = '' OR username = ?1) AND (?2 = '' OR instr(record, ?2) > 0) "
                       "AND (?3 = '' OR substr(at, 1, 10) >= ?3) AND (?4 = '' OR substr(at, 1, 10) <= ?4) "
                       "ORDER BY id DESC LIMIT ?5");
  q.bind(1, f.username);
  q.bind(2, f.record);
  q.bind(3, f.fromDay);
  q.bind(4, f.toDay);
  q.bind(5, f.limit);
  while (q.executeStep()) out.push_back(readRow(q));
  return out;
}

std::optional<std::pair<int64_t, std::string>> AuditRepository::head() {
  auto q = db_.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return std::pair<int64_t, std::string>{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

std::optional<std::string> AuditRepository::hashOf(int64_t id) {
  auto q = db_.prepare("SELECT hash FROM audit_log WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::optional<int64_t> AuditRepository::firstBrokenRow() {
  auto q = db_.prepare(std::string(kColumns) + "ORDER BY id");
  std::string prev;
  while (q.executeStep()) {
    AuditEntry e = readRow(q);
    if (e.prevHash != prev || auditHash(e) != e.hash) return e.id;
    prev = e.hash;
  }
  return std::nullopt;
}

}  // namespace dangbo::store
