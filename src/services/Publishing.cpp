#include "services/Publishing.h"

#include <chrono>
#include <ctime>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/AuditAnchor.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/PublishedReportRepository.h"
#include "store/Sql.h"

namespace dangbo::services {

namespace {

Published fromRow(store::PublishedReport r) {
  return {r.id,
          std::move(r.name),
          std::move(r.title),
          std::move(r.options),
          std::move(r.publishedAt),
          std::move(r.username),
          std::move(r.model)};
}

// The scope a report was made in, kept with its options: the cell of a secretary, and the role (a role that
// reads case files may have put them in).
std::string scopeOptions(const Actor& actor) {
  std::string out = " by_role=" + actor.role;
  if (actor.cellId) out += " cell=" + std::to_string(*actor.cellId);
  return out;
}

std::string optionValue(const std::string& options, const std::string& key) {
  const std::string k = " " + key + "=";
  const std::string padded = " " + options;
  const size_t at = padded.find(k);
  if (at == std::string::npos) return "";
  const size_t start = at + k.size();
  return padded.substr(start, padded.find(' ', start) - start);
}

// True when `reader` may read everything the published report holds: the whole commune unless it was made
// for one cell (then that cell's secretary too), and case files when its maker could read them. A report
// published before scopes were kept counts as the whole commune's.
bool mayRead(const Actor& reader, const Published& p) {
  const std::string cell = optionValue(p.options, "cell");
  const bool wholeCommune = !reader.cellId;
  if (cell.empty() ? !wholeCommune : !(wholeCommune || std::to_string(*reader.cellId) == cell)) return false;
  const std::string role = optionValue(p.options, "by_role");
  const bool casesInside = role.empty() ? p.name == "discipline"
                                        : allows(Actor{"", role, std::nullopt}, Permission::ReadCaseFiles);
  return !casesInside || allows(reader, Permission::ReadCaseFiles);
}
}  // namespace

core::Id publishReport(Services& s, const Actor& actor, const std::string& name, const std::string& title,
                       const std::string& options, const std::string& archive) {
  require(actor, Permission::ReadRegister);
  if (archive.empty()) throw core::DataError(core::tr("The report to publish is empty."));
  core::Id id = 0;
  storeOf(s).transaction([&] {
    store::PublishedReport r;
    r.name = name;
    r.title = title;
    r.options = options + scopeOptions(actor);
    r.publishedAt = store::sql::nowUtc();
    r.username = actor.username;
    r.model = archive;
    id = store::insertPublishedReport(storeOf(s), r);
    s.audit(actor, "report.publish", "published_report:" + std::to_string(id), "", name + " " + options);
  });
  anchorAuditHead(s, "report " + std::to_string(id));  // the trail's head kept outside the file
  return id;
}

std::vector<Published> publishedReports(Services& s, const Actor& actor) {
  require(actor, Permission::ReadRegister);
  std::vector<Published> out;
  for (auto& r : store::listPublishedReports(storeOf(s))) {
    Published p = fromRow(std::move(r));
    if (mayRead(actor, p)) out.push_back(std::move(p));
  }
  return out;
}

Published publishedReport(Services& s, const Actor& actor, core::Id id) {
  require(actor, Permission::ReadRegister);
  auto r = store::findPublishedReport(storeOf(s), id);
  if (!r)
    throw core::DataError(
        core::format(core::tr("There is no published report number {1}."), {std::to_string(id)}));
  Published p = fromRow(std::move(*r));
  if (!mayRead(actor, p))
    throw core::PermissionError(core::format(
        core::tr(
            "The published report number {1} holds more than the account {2} may read: it is not shown."),
        {std::to_string(id), actor.username}));
  return p;
}

}  // namespace dangbo::services
