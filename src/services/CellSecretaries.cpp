#include "services/CellSecretaries.h"

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Actor.h"
#include "services/Lookup.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;

namespace {

// A period recordSecretaryPeriod would write, after its checks.
struct CheckedPeriod {
  core::Organization cell;
  core::Member member;
  core::CellLeader period;
  std::optional<core::CellLeader> stored;  ///< the stored period of the same member and first day
  PeriodChange change = PeriodChange::New;
};

// The cell `m` belonged to on `day` by its dated events (the member's cell now when none names one); nullopt
// before the member joined.
std::optional<core::Id> cellOfOn(store::RegisterRepository& repo, const core::Member& m, const Date& day) {
  std::optional<core::Id> cell;
  bool named = false;
  for (const auto& e : repo.events(m.id)) {
    if (!e.toCell) continue;
    named = true;
    if (e.date <= day) cell = e.toCell;
  }
  if (!named) return m.cellId;
  return cell;
}

std::string periodText(const core::CellLeader& p) {
  return p.from.vn() + " - " + (p.to ? p.to->vn() : tr("now"));
}

std::string auditText(const std::string& memberCode, const core::CellLeader& p) {
  return "bi_thu " + memberCode + " " + p.from.iso() + ".." + (p.to ? p.to->iso() : std::string());
}

CheckedPeriod checkedPeriod(Services& s, const Actor& actor, const std::string& cellCode,
                            const std::string& memberCode, const Date& from, const std::optional<Date>& to,
                            std::string* field) {
  require(actor, Permission::EditSettings);
  auto refuse = [&](const char* f, const std::string& why) {
    if (field) *field = f;
    throw core::DataError(why);
  };
  if (field) *field = "cell";
  store::RegisterRepository repo(storeOf(s));
  CheckedPeriod c;
  c.cell = organizationByCode(repo, cellCode);
  if (field) *field = "member";
  c.member = memberByCode(repo, memberCode);
  c.period = {c.cell.id, c.member.id, "bi_thu", from, to};
  const Date today = Date::today();
  if (from > today) refuse("from", format(tr("The first day {1} is in the future."), {from.vn()}));
  if (to && *to > today) refuse("to", format(tr("The last day {1} is in the future."), {to->vn()}));
  if (to && *to < from)
    refuse("to", format(tr("The last day {1} is before the first day {2}."), {to->vn(), from.vn()}));
  if ((c.cell.founded && *c.cell.founded > from) || (c.cell.ceased && *c.cell.ceased <= from))
    refuse("from", format(tr("The cell {1} does not exist on {2}."), {c.cell.code, from.vn()}));
  if (c.cell.ceased && (!to || *to > *c.cell.ceased))
    refuse("to", format(tr("The cell {1} ended on {2}: its secretary's last day is on or before it."),
                        {c.cell.code, c.cell.ceased->vn()}));
  if (cellOfOn(repo, c.member, from) != c.cell.id)
    refuse("member", format(tr("{1} ({2}) was not a member of {3} on {4}."),
                            {c.member.fullName, c.member.code, c.cell.code, from.vn()}));
  if (!c.member.officialOn || *c.member.officialOn > from)
    refuse("member", format(tr("{1} ({2}) must be an official member to lead the cell."),
                            {c.member.fullName, c.member.code}));
  for (const auto& p : repo.leaders(c.cell.id)) {
    if (p.role != "bi_thu") continue;
    if (p.memberId == c.member.id && p.from == from) {
      c.stored = p;
      continue;
    }
    // Two periods overlap when they begin on the same day or each begins before the other ends (a handover
    // day shared by the two is not an overlap).
    const bool overlaps = p.from == from || ((!p.to || from < *p.to) && (!to || p.from < *to));
    if (!overlaps) continue;
    const auto other = repo.memberById(p.memberId);
    refuse("from",
           format(tr("{1} was the secretary of {2} over {3}: the period {4} of {5} ({6}) overlaps it."),
                  {other ? other->fullName + " (" + other->code + ")" : std::string("?"), c.cell.code,
                   periodText(p), periodText(c.period), c.member.fullName, c.member.code}));
  }
  c.change = !c.stored            ? PeriodChange::New
             : c.stored->to == to ? PeriodChange::Unchanged
                                  : PeriodChange::EndChanged;
  if (field) field->clear();
  return c;
}

}  // namespace

PeriodCheck checkSecretaryPeriod(Services& s, const Actor& actor, const std::string& cellCode,
                                 const std::string& memberCode, const Date& from,
                                 const std::optional<Date>& to, std::string* field) {
  const CheckedPeriod c = checkedPeriod(s, actor, cellCode, memberCode, from, to, field);
  return {c.change, c.stored ? c.stored->to : std::nullopt};
}

PeriodChange recordSecretaryPeriod(Services& s, const Actor& actor, const std::string& cellCode,
                                   const std::string& memberCode, const Date& from,
                                   const std::optional<Date>& to, const std::string& decisionNo) {
  const CheckedPeriod c = checkedPeriod(s, actor, cellCode, memberCode, from, to, nullptr);
  if (c.change == PeriodChange::Unchanged) return c.change;
  storeOf(s).transaction([&] {
    store::RegisterRepository repo(storeOf(s));
    if (c.stored)
      repo.setLeaderEnd(c.period);
    else
      repo.insertLeader(c.period);
    s.audit(actor, "cell_leader.period", "organization:" + c.cell.code,
            c.stored ? auditText(c.member.code, *c.stored) : std::string(),
            auditText(c.member.code, c.period), core::normalizeText(decisionNo));
  });
  return c.change;
}

}  // namespace dangbo::services
