#include "services/AuditAnchor.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Sql.h"

namespace dangbo::services {

namespace fs = std::filesystem;
using core::format;
using core::tr;

namespace {
std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

fs::path anchorPathOf(const fs::path& db) {
  fs::path p = core::platform::realPath(db);
  p += ".anchor";
  return p;
}

std::optional<AuditAnchor> anchorAuditHead(Services& s, const std::string& why) {
  return anchorAuditHead(storeOf(s), s.path(), why);
}

std::optional<AuditAnchor> anchorAuditHead(store::Database& db, const fs::path& registerPath,
                                           const std::string& why) {
  // An empty trail is anchored as row 0 (a register restored from a copy made before any change).
  auto head = store::AuditRepository(db).head().value_or(std::pair<int64_t, std::string>{0, "-"});
  AuditAnchor a{head.first, head.second, store::sql::nowUtc(), why};
  const fs::path file = anchorPathOf(registerPath);
  std::string text = readAll(file);
  if (!text.empty() && text.back() != '\n') text += '\n';
  // One line per anchor: the reason last, as it may hold spaces.
  text += std::to_string(a.id) + " " + a.hash + " " + a.at + " " + a.why + "\n";
  try {
    core::platform::writeAtomically(file, [&](const fs::path& tmp) {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << text;
      out.flush();
      if (!out) throw core::DataError(file.string());
    });
  } catch (const core::DataError&) {
    return std::nullopt;
  }
  return a;
}

std::optional<AuditAnchor> lastAuditAnchor(const fs::path& db) {
  std::istringstream in(readAll(anchorPathOf(db)));
  std::optional<AuditAnchor> last;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    AuditAnchor a;
    if (!(f >> a.id >> a.hash >> a.at)) continue;
    std::getline(f >> std::ws, a.why);
    last = a;
  }
  return last;
}

std::string auditAnchorProblem(Services& s) {
  const auto anchor = lastAuditAnchor(s.path());
  if (!anchor || anchor->id == 0) return {};
  const auto hash = store::AuditRepository(storeOf(s)).hashOf(anchor->id);
  if (!hash)
    return format(
        tr("The audit trail no longer holds row {1}, anchored at {2} ({3}): rows were deleted from its "
           "end outside dangbo."),
        {std::to_string(anchor->id), anchor->at, anchor->why});
  if (*hash != anchor->hash)
    return format(
        tr("Audit row {1} no longer has the hash anchored at {2} ({3}): the audit trail was rewritten "
           "outside dangbo."),
        {std::to_string(anchor->id), anchor->at, anchor->why});
  return {};
}

}  // namespace dangbo::services
