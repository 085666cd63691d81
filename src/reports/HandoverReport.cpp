#include "reports/HandoverReport.h"

#include <map>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "services/MemberList.h"
#include "services/Merge.h"
#include "services/Services.h"

namespace dangbo::reports {

using core::format;
using core::tr;

bool isHandoverReport(const std::string& name) {
  return name == "handover" || name == "handover-list";
}

services::ReportModel handoverReport(services::Services& s, const services::Actor& actor,
                                     const std::string& name, const std::string& origin,
                                     const std::string& cellCode, core::Date asOf) {
  const std::string folded = core::fold(core::normalizeText(origin));
  if (folded.empty()) throw core::DataError(tr("The handover needs --origin NAME, the former commune."));
  // The cells of the origin, by code; the origin as recorded.
  std::map<std::string, const core::Organization*> cells;
  const auto orgs = s.organizations(actor);
  std::string originName;
  for (const auto& o : orgs)
    if (!o.origin.empty() && core::fold(o.origin) == folded) {
      cells[o.code] = &o;
      originName = o.origin;
    }
  if (cells.empty())
    throw core::DataError(format(tr("No cell comes from the former commune {1}."), {origin}));
  std::string cell;
  if (!cellCode.empty()) {
    for (const auto& [code, o] : cells)
      if (core::sameCode(code, cellCode)) cell = code;
    if (cell.empty())
      throw core::DataError(
          format(tr("The cell {1} does not come from the former commune {2}."), {cellCode, originName}));
  }
  // Handed over as on the day before the merge (after it, the merged cells' members are in the new cells).
  if (auto merged = services::mergedOn(s, originName); merged && !(asOf < *merged))
    asOf = merged->addDays(-1);

  services::ReportModel m;
  m.name = name;
  m.committee = s.committee().name;
  m.from = m.to = m.asOf = asOf;
  m.handingOver = originName;
  m.title = name == "handover"
                ? format(tr("Record of the handover of party members of {1}"), {originName})
                : format(tr("List of party members of {1} attached to the receiving decision"), {originName});
  std::map<std::string, std::vector<const services::RegisterEntry*>> byCell;
  const auto entries = services::registerEntries(s, actor, asOf, false);
  for (const auto& e : entries)
    if (cells.count(e.cellCode) && (cell.empty() || e.cellCode == cell)) byCell[e.cellCode].push_back(&e);
  int members = 0, probationary = 0, organizations = 0;
  for (const auto& [code, o] : cells) {
    if (!cell.empty() && code != cell) continue;
    const bool exists = (!o->founded || !(asOf < *o->founded)) && (!o->ceased || asOf < *o->ceased);
    if (exists) ++organizations;
  }
  services::ReportSection summary;
  services::ReportTable counts;
  counts.key = "counts";
  counts.caption = tr("Organizations and members handed over");
  counts.columns = {tr("Party cell"), tr("Members"), tr("Probationary members")};
  std::vector<services::ReportSection> lists;
  for (const auto& [code, list] : byCell) {
    const core::Organization& o = *cells.at(code);
    services::ReportTable t;
    t.key = "cell_" + code;
    t.caption = format(tr("{1} ({2})"), {o.name, code});
    t.columns = {tr("No."),         tr("Full name"),   tr("Date of birth"), tr("Admitted"),
                 tr("Official on"), tr("Card number"), tr("File number"),   tr("Probationary")};
    t.sums = false;
    int n = 0, prob = 0;
    for (const auto* e : list) {
      const core::Member& mb = e->member;
      const bool isProbationary = !mb.officialOn || asOf < *mb.officialOn;
      prob += isProbationary;
      t.rows.push_back({mb.code,
                        {services::Figure::count(++n), services::Figure::label(mb.fullName),
                         services::Figure::label(mb.birthDate ? mb.birthDate->vn() : ""),
                         services::Figure::label(mb.admittedOn ? mb.admittedOn->vn() : ""),
                         services::Figure::label(mb.officialOn && !isProbationary ? mb.officialOn->vn() : ""),
                         services::Figure::label(mb.cardNo), services::Figure::label(mb.fileNo),
                         services::Figure::label(isProbationary ? tr("Yes") : "")}});
    }
    members += n;
    probationary += prob;
    counts.rows.push_back(
        {code, {services::Figure::label(o.name), services::Figure::count(n), services::Figure::count(prob)}});
    services::ReportSection sec;
    sec.heading = format(tr("{1}: {2} members"), {o.name, core::formatCountVn(n)});
    sec.tables.push_back(std::move(t));
    lists.push_back(std::move(sec));
  }
  counts.rows.push_back({"total",
                         {services::Figure::label(tr("Total")), services::Figure::count(members),
                          services::Figure::count(probationary)},
                         services::RowRole::Total});
  if (name == "handover")
    summary.paragraphs.push_back(format(
        tr("The party committee of {1} hands over to {2}, as on {3}: {4} party organizations, {5} party "
           "members, of whom {6} probationary members, with the files of every member listed below."),
        {originName, m.committee, asOf.vn(), core::formatCountVn(organizations), core::formatCountVn(members),
         core::formatCountVn(probationary)}));
  else
    summary.paragraphs.push_back(
        format(tr("{1} party members ({2} probationary) of {3}, as on {4}."),
               {core::formatCountVn(members), core::formatCountVn(probationary), originName, asOf.vn()}));
  summary.tables.push_back(std::move(counts));
  m.sections.push_back(std::move(summary));
  for (auto& sec : lists) m.sections.push_back(std::move(sec));
  return m;
}

}  // namespace dangbo::reports
