#pragma once
// The append-only audit trail, chained by SHA-256 so that an edit outside dangbo is detected.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/Database.h"

namespace dangbo::store {

/// One audit row.
struct AuditEntry {
  int64_t id = 0;
  std::string at, username, action, record, oldValue, newValue, reason, prevHash, hash;
};

/// Which audit rows to read (empty fields: no condition).
struct AuditQuery {
  std::string username;  ///< exactly this user
  std::string record;    ///< the record contains this text (e.g. "member:DV0012" or "DV0012")
  std::string fromDay;   ///< YYYY-MM-DD, rows of this UTC day or later
  std::string toDay;     ///< YYYY-MM-DD, rows of this UTC day or earlier
  int limit = 5000;      ///< the newest rows first, at most this many
};

/// Appends and verifies audit rows.
class AuditRepository {
 public:
  explicit AuditRepository(Database& db) : db_(db) {}
  /// Appends a row chained to the last one; returns its id.
  int64_t append(const std::string& user, const std::string& action, const std::string& record,
                 const std::string& oldValue, const std::string& newValue, const std::string& reason);
  /// The newest rows first, at most `limit`.
  std::vector<AuditEntry> latest(int limit);
  /// The rows matching `q`, newest first.
  std::vector<AuditEntry> search(const AuditQuery& q);
  /// The id and hash of the newest row; nullopt when the trail is empty.
  std::optional<std::pair<int64_t, std::string>> head();
  /// The hash stored for row `id`; nullopt when there is no such row.
  std::optional<std::string> hashOf(int64_t id);
  /// The id of the first row whose hash does not match its content or chain; nullopt when all match.
  std::optional<int64_t> firstBrokenRow();

 private:
  Database& db_;
};

/// The hash of a row's content chained to the previous hash (hex SHA-256).
std::string auditHash(const AuditEntry& e);

}  // namespace dangbo::store
