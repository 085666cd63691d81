#include "services/NationalDatabase.h"

#include <algorithm>
#include <map>

#include "core/Enums.h"
#include "core/I18n.h"
#include "services/MemberList.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/MemberQuery.h"
#include "store/ReportQueries.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;

ReportModel changesReport(Services& s, const Actor& actor, const Date& from, const Date& to) {
  require(actor, Permission::EditSettings);
  ReportModel r;
  r.name = "changes";
  r.title = tr("Changes to enter into the national member database");
  r.committee = s.committee().name;
  r.from = from;
  r.to = r.asOf = to;
  r.hasPeriod = true;
  struct Change {
    Date on;
    std::string code, name, cell, what, detail;
  };
  std::vector<Change> changes;
  std::map<std::string, std::pair<std::string, std::string>> who;  // code -> name, cell
  store::AuditQuery q;
  q.record = "member:";
  q.fromDay = from.iso();
  q.toDay = to.iso();
  q.limit = 100000;
  const auto audit = store::AuditRepository(storeOf(s)).search(q);
  // Only the members the list can name are read (by key): those with an event or a change of details in the
  // period, as the register on the last day lists them (departed ones too).
  std::vector<std::string> updated;
  for (const auto& a : audit)
    if (a.action == "member.update" && a.record.rfind("member:", 0) == 0)
      updated.push_back(a.record.substr(7));
  store::MemberQueryOptions listed;
  listed.asOf = to;
  listed.withEvents = true;
  listed.includeDeparted = true;
  listed.ids = store::membersChangedBetween(storeOf(s), from, to, updated);
  for (const auto& e : store::membersOn(storeOf(s), listed)) {
    who[e.member.code] = {e.member.fullName, e.cellCode};
    for (const auto& ev : e.events) {
      if (ev.date < from || to < ev.date) continue;
      std::string detail = ev.decisionNo;
      if (!ev.place.empty()) detail += (detail.empty() ? "" : "; ") + ev.place;
      changes.push_back({ev.date, e.member.code, e.member.fullName, e.cellCode,
                         core::enums::memberEvent.label(ev.kind), detail});
    }
  }
  for (const auto& a : audit) {
    if (a.action != "member.update" || a.record.rfind("member:", 0) != 0) continue;
    const std::string code = a.record.substr(7);
    auto it = who.find(code);
    if (it == who.end()) continue;  // outside the actor's scope
    const auto on = Date::parse(a.at.substr(0, 10));
    if (!on) continue;
    changes.push_back({*on, code, it->second.first, it->second.second, tr("Details changed"),
                       a.oldValue + " → " + a.newValue});
  }
  std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    return a.on != b.on ? a.on < b.on : a.code < b.code;
  });
  ReportSection sec;
  sec.paragraphs.push_back(
      format(tr("{1} changes from {2} to {3}."), {std::to_string(changes.size()), from.vn(), to.vn()}));
  ReportTable t;
  t.key = "changes";
  t.columns = {tr("Date"), tr("Code"), tr("Full name"), tr("Cell"), tr("Change"), tr("Details")};
  t.sums = false;
  for (const auto& c : changes)
    t.rows.push_back({c.code,
                      {Figure::label(c.on.vn()), Figure::label(c.code), Figure::label(c.name),
                       Figure::label(c.cell), Figure::label(c.what), Figure::label(c.detail)},
                      RowRole::Body});
  sec.tables.push_back(std::move(t));
  r.sections.push_back(std::move(sec));
  return r;
}

}  // namespace dangbo::services
