#pragma once
// The audit trail's head anchored outside the register: each backup and each published report appends the
// newest audit row's number and hash to FILE.anchor beside the register. `check` then finds a tail deleted
// after the anchor, or a chain rewritten and recomputed, which the chain alone cannot show.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace dangbo::store {
class Database;
}

namespace dangbo::services {

class Services;

/// One anchor: the newest audit row when it was taken.
struct AuditAnchor {
  int64_t id = 0;    ///< the row's number
  std::string hash;  ///< its hash
  std::string at;    ///< when (ISO UTC)
  std::string why;   ///< "backup FILE", "report N"
};

/// The anchor file of a register (its real path + ".anchor").
std::filesystem::path anchorPathOf(const std::filesystem::path& db);
/// Appends the current head of the audit trail to the anchor file (owner-only, written whole); nullopt for an
/// empty trail (anchored as row 0). A failure to write it is not an error of the backup or the report (it is
/// returned empty).
std::optional<AuditAnchor> anchorAuditHead(Services& s, const std::string& why);
/// The same for the register at `registerPath` open as `db` (a restore anchors the restored trail, so that
/// the anchors of the replaced one do not count against it).
std::optional<AuditAnchor> anchorAuditHead(store::Database& db, const std::filesystem::path& registerPath,
                                           const std::string& why);
/// The last anchor of a register; nullopt when there is none.
std::optional<AuditAnchor> lastAuditAnchor(const std::filesystem::path& db);
/// The problem found against the last anchor, in the user's language; empty when the trail still holds the
/// anchored row with the anchored hash (or there is no anchor).
std::string auditAnchorProblem(Services& s);

}  // namespace dangbo::services
