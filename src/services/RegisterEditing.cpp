#include <algorithm>
#include <map>
#include <set>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/MemberFields.h"
#include "core/MemberRules.h"
#include "core/VietText.h"
#include "services/AuditText.h"
#include "services/Lookup.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/MergeRepository.h"
#include "store/RecordsRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::DataError;
using core::Date;
using core::format;
using core::tr;

namespace {

bool existsOn(const core::Organization& o, const Date& d) {
  return (!o.founded || *o.founded <= d) && (!o.ceased || *o.ceased > d);
}

bool present(const core::Member& m) {
  return m.status == "active" || m.status == "exempt";
}

// Write permission; a secretary only within their own cell.
void requireWrite(const Actor& actor, core::Id cellId) {
  require(actor, Permission::WriteRegister);
  if (actor.role == "secretary" && actor.cellId != cellId)
    throw core::PermissionError(
        format(tr("The account {1} may change only the members of its own cell."), {actor.username}));
}

void requireOffice(const Actor& actor) {
  require(actor, Permission::WriteRegister);
  if (actor.role == "secretary")
    throw core::PermissionError(
        format(tr("The account {1} may not change party organizations."), {actor.username}));
}

std::string joinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// The fields of the member's file that differ, by their description (core/MemberFields), for the audit row.
std::vector<ChangedField> memberChanges(const core::Member& a, const core::Member& b) {
  std::vector<ChangedField> out;
  for (const auto& f : core::memberFields())
    if (f.details || std::string_view(f.name) == "code")
      if (std::string x = f.get(a), y = f.get(b); x != y) out.push_back({f.name, x, y});
  return out;
}

core::Member normalized(core::Member m) {
  m.code = core::cleanCode(m.code, core::tr("The member's code"));
  m.fullName = core::cleanName(m.fullName, core::tr("The full name"));
  for (std::string* f :
       {&m.code, &m.fullName, &m.birthName, &m.birthPlace, &m.hometown, &m.residence, &m.religion, &m.cccd,
        &m.phone, &m.education, &m.occupation, &m.cardNo, &m.fileNo, &m.transferredInFrom})
    *f = core::normalizeText(*f);
  if (m.religion.empty()) m.religion = "Không";
  if (m.qualification.empty()) m.qualification = "khong";
  if (m.theory.empty()) m.theory = "chua";
  return m;
}

// Moves a present member to another cell on a day, with its event.
void moveMember(store::RegisterRepository& repo, core::Member m, core::Id toCell, const Date& date,
                const std::string& decisionNo, const std::string& reason) {
  repo.insertEvent({0, m.id, date, "moved", m.cellId, toCell, "", decisionNo, reason, std::nullopt});
  m.cellId = toCell;
  repo.updateMember(m);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
MemberFile memberFile(Services& s, const Actor& actor, const std::string& code) {
  require(actor, Permission::ReadRegister);
  store::RegisterRepository repo(storeOf(s));
  MemberFile f;
  f.member = memberByCode(repo, code);
  if (actor.role == "secretary" && actor.cellId != f.member.cellId)
    throw core::PermissionError(
        format(tr("The account {1} may read only the members of its own cell."), {actor.username}));
  for (const auto& o : repo.organizations())
    if (o.id == f.member.cellId) {
      f.cellCode = o.code;
      f.cellName = o.name;
      f.cellOrigin = o.origin;
    }
  f.events = repo.events(f.member.id);
  f.oldCodes = store::MergeRepository(storeOf(s)).oldCodes("member", f.member.id);
  f.trainings = repo.trainings(f.member.id);
  return f;
}

std::vector<std::string> validateMember(Services& s, const core::Member& in, bool isNew) {
  core::Member m = normalized(in);
  store::RegisterRepository repo(storeOf(s));
  std::vector<std::string> p;
  const Date today = Date::today();
  if (m.code.empty())
    p.push_back(tr("The member code is required."));
  else if (auto other = repo.memberByCode(m.code); other && (isNew || other->id != m.id))
    p.push_back(format(tr("The member code {1} is already used by {2}."), {m.code, other->fullName}));
  if (m.fullName.empty()) p.push_back(tr("The full name is required."));
  if (!core::enums::gender.contains(m.gender)) p.push_back(tr("Choose the gender."));
  if (!m.birthDate)
    p.push_back(tr("The date of birth is required (the year alone is enough for old records)."));
  if (m.ethnicity.empty() || !repo.ethnicGroupExists(m.ethnicity))
    p.push_back(tr("Choose one of the 54 ethnic groups."));
  if (!m.cccd.empty() && (m.cccd.size() != 12 || m.cccd.find_first_not_of("0123456789") != std::string::npos))
    p.push_back(format(tr("The CCCD number \"{1}\" must have exactly 12 digits."), {m.cccd}));
  if (m.phone.find_first_not_of("0123456789 +.-") != std::string::npos)
    p.push_back(format(tr("The phone number \"{1}\" may hold only digits, spaces and + . -"), {m.phone}));
  if (!core::enums::qualification.contains(m.qualification))
    p.push_back(tr("Choose the professional qualification."));
  if (!core::enums::theory.contains(m.theory)) p.push_back(tr("Choose the political theory level."));
  if (!m.admittedOn && !m.transferredInOn)
    p.push_back(
        tr("Enter the date of the admission decision (or, for a member who transferred in, the transfer "
           "date)."));
  for (auto& fp : core::memberDateProblems(
           {m.birthDate, m.admittedOn, m.ceremonyOn, m.officialOn, m.transferredInOn}, today, s.ruleBook()))
    p.push_back(std::move(fp.message));
  if (m.transferredInOn && m.transferredInFrom.empty())
    p.push_back(tr("Name the committee the member transferred in from."));
  return p;
}

core::Id addMember(Services& s, const Actor& actor, core::Member m, const std::string& cellCode,
                   const std::string& decisionNo) {
  m = normalized(m);
  store::RegisterRepository repo(storeOf(s));
  core::Organization cell = organizationByCode(repo, cellCode);
  requireWrite(actor, cell.id);
  auto problems = validateMember(s, m, true);
  Date joined = m.transferredInOn ? *m.transferredInOn : m.admittedOn.value_or(Date::today());
  if (problems.empty() && !existsOn(cell, joined))
    problems.push_back(format(tr("The cell {1} did not exist on {2}."), {cell.code, joined.vn()}));
  if (!problems.empty()) throw DataError(joinLines(problems));
  m.id = 0;
  m.cellId = cell.id;
  m.status = "active";
  m.statusSince.reset();
  core::Id id = 0;
  storeOf(s).transaction([&] {
    id = repo.insertMember(m);
    if (m.transferredInOn)
      repo.insertEvent({0, id, *m.transferredInOn, "transfer_in", std::nullopt, cell.id, m.transferredInFrom,
                        decisionNo, "", std::nullopt});
    else
      repo.insertEvent(
          {0, id, *m.admittedOn, "admitted", std::nullopt, cell.id, "", decisionNo, "", std::nullopt});
    if (m.officialOn && !m.transferredInOn)
      repo.insertEvent(
          {0, id, *m.officialOn, "recognized", std::nullopt, std::nullopt, "", "", "", std::nullopt});
    s.audit(actor, "member.add", "member:" + m.code, "", m.fullName + " | " + cell.code);
  });
  return id;
}

void updateMember(Services& s, const Actor& actor, const core::Member& in, const std::string& reason) {
  store::RegisterRepository repo(storeOf(s));
  auto stored = in.id ? repo.memberById(in.id) : repo.memberByCode(core::normalizeText(in.code));
  if (!in.id && !stored)
    stored = repo.memberByCode(core::toUpper(core::normalizeText(in.code)));  // dv0001 is DV0001
  if (!stored) throw DataError(format(tr("There is no member with the code {1}."), {in.code}));
  requireWrite(actor, stored->cellId);
  core::Member m = normalized(in);
  m.id = stored->id;
  // The state follows the dated actions only.
  m.cellId = stored->cellId;
  m.status = stored->status;
  m.statusSince = stored->statusSince;
  m.candidateId = stored->candidateId;
  if (auto problems = validateMember(s, m, false); !problems.empty()) throw DataError(joinLines(problems));
  const auto changes = memberChanges(*stored, m);
  if (changes.empty()) return;
  const auto [before, after] = auditValues(changes);
  storeOf(s).transaction([&] {
    repo.updateMember(m);
    s.audit(actor, "member.update", "member:" + m.code, before, after, core::normalizeText(reason));
  });
}

void recordAction(Services& s, const Actor& actor, const std::string& memberCode, const MemberAction& a) {
  store::RegisterRepository repo(storeOf(s));
  core::Member m = memberByCode(repo, memberCode);
  requireWrite(actor, m.cellId);
  if (!core::enums::memberEvent.contains(a.kind) || a.kind == "admitted")
    throw DataError(format(tr("\"{1}\" is not an action on a member's record."), {a.kind}));
  const std::string label = core::enums::memberEvent.label(a.kind);
  auto refuse = [&](const std::string& why) {
    throw DataError(
        format(tr("{1} for {2} ({3}) on {4}: {5}"), {label, m.fullName, m.code, a.date.vn(), why}));
  };
  auto events = repo.events(m.id);
  if (!events.empty() && a.date < events.back().date)
    refuse(format(tr("the member's latest recorded change is dated {1}; record changes in date order."),
                  {events.back().date.vn()}));
  std::optional<Date> joined = m.transferredInOn ? m.transferredInOn : m.admittedOn;
  if (joined && a.date < *joined) refuse(format(tr("the member joined on {1}."), {joined->vn()}));
  std::string decisionNo = core::normalizeText(a.decisionNo), place = core::normalizeText(a.place);
  std::string reason = core::normalizeText(a.reason);
  core::MemberEvent e{0,     m.id,       a.date, a.kind,      std::nullopt, std::nullopt,
                      place, decisionNo, reason, std::nullopt};
  core::Member after = m;
  std::optional<core::Removal> removal;
  auto needPresent = [&] {
    if (!present(m))
      refuse(format(tr("the member's status is \"{1}\"."), {core::enums::memberStatus.label(m.status)}));
  };
  auto endWith = [&](const char* status) {
    needPresent();
    after.status = status;
    after.statusSince = a.date;
  };
  if (a.kind == "recognized") {
    needPresent();
    if (m.officialOn) refuse(format(tr("the member has been official since {1}."), {m.officialOn->vn()}));
    std::optional<Date> from = m.ceremonyOn ? m.ceremonyOn : m.admittedOn;
    if (from && a.date <= *from) refuse(format(tr("probation began on {1}."), {from->vn()}));
    after.officialOn = a.date;
  } else if (a.kind == "transfer_out") {
    if (place.empty()) refuse(tr("name the committee the member transfers to."));
    endWith("transferred_out");
    e.fromCell = m.cellId;
  } else if (a.kind == "temp_out" || a.kind == "temp_back") {
    needPresent();
    bool away = false;
    for (const auto& ev : events)
      if (ev.kind == "temp_out")
        away = true;
      else if (ev.kind == "temp_back")
        away = false;
    if (a.kind == "temp_out" && away) refuse(tr("the member is already temporarily away."));
    if (a.kind == "temp_back" && !away) refuse(tr("the member is not temporarily away."));
    if (a.kind == "temp_out" && place.empty()) refuse(tr("name where the member goes temporarily."));
  } else if (a.kind == "moved" || a.kind == "transfer_in") {
    if (a.kind == "moved")
      needPresent();
    else if (m.status != "transferred_out")
      refuse(tr("only a member who transferred out can transfer back in."));
    core::Organization to = organizationByCode(repo, a.toCellCode);
    if (!existsOn(to, a.date)) refuse(format(tr("the cell {1} does not exist on that day."), {to.code}));
    if (a.kind == "moved" && to.id == m.cellId) refuse(tr("the member is already in that cell."));
    if (actor.role == "secretary" && a.kind == "moved")
      throw core::PermissionError(
          format(tr("The account {1} may not move members to another cell."), {actor.username}));
    e.fromCell = m.cellId;
    e.toCell = to.id;
    after.cellId = to.id;
    if (a.kind == "transfer_in") {
      after.status = "active";
      after.statusSince = a.date;
    }
  } else if (a.kind == "exempted") {
    if (m.status != "active")
      refuse(format(tr("the member's status is \"{1}\"."), {core::enums::memberStatus.label(m.status)}));
    after.status = "exempt";
    after.statusSince = a.date;
  } else if (a.kind == "exemption_ended") {
    if (m.status != "exempt") refuse(tr("the member is not exempt."));
    after.status = "active";
    after.statusSince = a.date;
  } else if (a.kind == "suspended" || a.kind == "suspension_ended") {
    needPresent();
  } else if (a.kind == "deceased") {
    endWith("deceased");
  } else if (a.kind == "removed") {
    if (!core::enums::removalGround.contains(reason)) refuse(tr("choose the ground of the removal."));
    if (decisionNo.empty()) refuse(tr("enter the number of the decision."));
    endWith("removed");
    removal = core::Removal{0, m.id, reason, std::nullopt, decisionNo, a.date};
  } else if (a.kind == "expelled") {
    if (decisionNo.empty()) refuse(tr("enter the number of the decision."));
    endWith("expelled");
  } else if (a.kind == "left") {
    endWith("left");
  }
  storeOf(s).transaction([&] {
    repo.insertEvent(e);
    if (removal) store::RecordsRepository(storeOf(s)).insertRemoval(*removal);
    repo.updateMember(after);
    s.audit(actor, "member." + a.kind, "member:" + m.code, m.status, after.status + " " + a.date.iso(),
            decisionNo + (reason.empty() ? "" : " " + reason));
  });
}

// ---------------------------------------------------------------------------------------------
namespace {
void validateOrganization(store::RegisterRepository& repo, const core::Organization& o) {
  std::vector<std::string> p;
  if (o.code.empty())
    p.push_back(tr("The organization code is required."));
  else if (auto other = repo.organizationByCode(o.code); other && other->id != o.id)
    p.push_back(format(tr("The code {1} is already used by {2}."), {o.code, other->name}));
  if (o.name.empty()) p.push_back(tr("The organization's name is required."));
  if (!core::enums::orgKind.contains(o.kind)) p.push_back(tr("Choose grassroots or subordinate cell."));
  if (!core::enums::orgCategory.contains(o.category)) p.push_back(tr("Choose the organization's category."));
  if (o.founded && *o.founded > Date::today())
    p.push_back(format(tr("The founding date {1} is in the future."), {o.founded->vn()}));
  if (o.parent) {
    // The organization it belongs to must exist, and following the links up must never come back to it.
    std::map<core::Id, const core::Organization*> byId;
    const auto all = repo.organizations();
    for (const auto& x : all) byId[x.id] = &x;
    std::optional<core::Id> up = o.parent;
    for (size_t steps = 0; up && steps <= all.size(); ++steps) {
      auto it = byId.find(*up);
      if (it == byId.end()) {
        p.push_back(tr("The organization it belongs to does not exist."));
        break;
      }
      if (o.id && *up == o.id) {
        p.push_back(format(tr("The organization {1} cannot belong to itself or to one of its own sub-units."),
                           {o.code}));
        break;
      }
      up = it->second->parent;
    }
  }
  if (!p.empty()) throw DataError(joinLines(p));
}

// "CODE" of the organization an organization belongs to, "" when none.
std::string parentCode(store::RegisterRepository& repo, const core::Organization& o) {
  if (!o.parent) return {};
  for (const auto& x : repo.organizations())
    if (x.id == *o.parent) return x.code;
  return {};
}

core::Organization normalizedOrg(core::Organization o) {
  o.code = core::cleanCode(o.code, core::tr("The code of the organization"));
  o.name = core::cleanName(o.name, core::tr("The name of the organization"));
  o.origin = core::normalizeText(o.origin);
  return o;
}

// The present members of a cell: those who would move with it.
std::vector<core::Member> presentMembers(store::RegisterRepository& repo, core::Id orgId) {
  std::vector<core::Member> out;
  for (core::Id id : repo.membersOfCell(orgId))
    if (auto m = repo.memberById(id); m && present(*m)) out.push_back(*m);
  return out;
}

void endCell(store::RegisterRepository& repo, core::Organization& o, const Date& date) {
  o.ceased = date;
  repo.updateOrganization(o);
  repo.closeCellCommittee(o.id, date);
  for (const char* role : {"bi_thu", "pho_bi_thu", "chi_uy_vien"}) repo.closeLeaders(o.id, role, date);
}
}  // namespace

core::Id addOrganization(Services& s, const Actor& actor, core::Organization o) {
  requireOffice(actor);
  o = normalizedOrg(o);
  o.id = 0;
  o.ceased.reset();
  o.mergedInto.reset();
  store::RegisterRepository repo(storeOf(s));
  validateOrganization(repo, o);
  core::Id id = 0;
  storeOf(s).transaction([&] {
    id = repo.insertOrganization(o);
    if (o.founded) repo.insertOrganizationEvent(id, *o.founded, "founded", std::nullopt, "", "");
    s.audit(actor, "organization.add", "organization:" + o.code, "", o.name);
  });
  return id;
}

void updateOrganization(Services& s, const Actor& actor, const core::Organization& in) {
  requireOffice(actor);
  store::RegisterRepository repo(storeOf(s));
  core::Organization o = normalizedOrg(in);
  std::optional<core::Organization> stored;
  for (const auto& x : repo.organizations())
    if (x.id == o.id) stored = x;
  if (!stored) throw DataError(format(tr("There is no party organization with the code {1}."), {in.code}));
  o.ceased = stored->ceased;  // structure changes only through merge, split and dissolve
  o.mergedInto = stored->mergedInto;
  validateOrganization(repo, o);
  storeOf(s).transaction([&] {
    repo.updateOrganization(o);
    if (stored->name != o.name)
      repo.insertOrganizationEvent(o.id, Date::today(), "renamed", std::nullopt, "", stored->name);
    // One row with the old and new value of each changed field, as an import of the same change writes it.
    auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    std::vector<ChangedField> changes;
    auto field = [&](const char* name, const std::string& before, const std::string& after) {
      if (before != after) changes.push_back({name, before, after});
    };
    field("code", stored->code, o.code);
    field("name", stored->name, o.name);
    field("kind", stored->kind, o.kind);
    field("category", stored->category, o.category);
    field("founded", iso(stored->founded), iso(o.founded));
    field("parent", parentCode(repo, *stored), parentCode(repo, o));
    field("origin", stored->origin, o.origin);
    const auto [before, after] = auditValues(changes);
    s.audit(actor, "organization.update", "organization:" + o.code, before, after);
  });
}

void mergeOrganizations(Services& s, const Actor& actor, const std::vector<std::string>& fromCodes,
                        const std::string& intoCode, const Date& date, const std::string& decisionNo) {
  requireOffice(actor);
  store::RegisterRepository repo(storeOf(s));
  core::Organization into = organizationByCode(repo, intoCode);
  if (!existsOn(into, date))
    throw DataError(format(tr("The cell {1} does not exist on {2}."), {into.code, date.vn()}));
  if (fromCodes.empty()) throw DataError(tr("Choose the cells to merge."));
  std::vector<core::Organization> from;
  std::set<core::Id> seen;
  for (const auto& c : fromCodes) {
    core::Organization o = organizationByCode(repo, c);
    if (o.id == into.id) throw DataError(format(tr("The cell {1} cannot be merged into itself."), {o.code}));
    if (!existsOn(o, date))
      throw DataError(format(tr("The cell {1} does not exist on {2}."), {o.code, date.vn()}));
    if (seen.insert(o.id).second) from.push_back(o);
  }
  storeOf(s).transaction([&] {
    std::string codes;
    for (auto& o : from) {
      for (auto& m : presentMembers(repo, o.id)) moveMember(repo, m, into.id, date, decisionNo, "merge");
      o.mergedInto = into.id;
      endCell(repo, o, date);
      repo.insertOrganizationEvent(o.id, date, "merged", into.id, decisionNo, "");
      codes += (codes.empty() ? "" : ", ") + o.code;
    }
    s.audit(actor, "organization.merge", "organization:" + into.code, codes, into.code + " " + date.iso(),
            decisionNo);
  });
}

core::Id splitOrganization(Services& s, const Actor& actor, const std::string& code,
                           core::Organization newCell, const std::vector<std::string>& memberCodes,
                           const Date& date, const std::string& decisionNo) {
  requireOffice(actor);
  store::RegisterRepository repo(storeOf(s));
  core::Organization from = organizationByCode(repo, code);
  if (!existsOn(from, date))
    throw DataError(format(tr("The cell {1} does not exist on {2}."), {from.code, date.vn()}));
  newCell = normalizedOrg(newCell);
  newCell.id = 0;
  newCell.founded = date;
  newCell.ceased.reset();
  newCell.mergedInto.reset();
  validateOrganization(repo, newCell);
  std::vector<core::Member> moving;
  for (const auto& c : memberCodes) {
    core::Member m = memberByCode(repo, c);
    if (m.cellId != from.id || !present(m))
      throw DataError(format(tr("{1} ({2}) is not a member of {3}."), {m.fullName, m.code, from.code}));
    moving.push_back(m);
  }
  core::Id id = 0;
  storeOf(s).transaction([&] {
    id = repo.insertOrganization(newCell);
    repo.insertOrganizationEvent(id, date, "founded", from.id, decisionNo, "split");
    repo.insertOrganizationEvent(from.id, date, "split", id, decisionNo, "");
    for (auto& m : moving) moveMember(repo, m, id, date, decisionNo, "split");
    s.audit(actor, "organization.split", "organization:" + from.code, "",
            newCell.code + " (" + std::to_string(moving.size()) + ")", decisionNo);
  });
  return id;
}

void dissolveOrganization(Services& s, const Actor& actor, const std::string& code, const Date& date,
                          const std::string& decisionNo, const std::string& moveTo) {
  requireOffice(actor);
  store::RegisterRepository repo(storeOf(s));
  core::Organization o = organizationByCode(repo, code);
  if (!existsOn(o, date))
    throw DataError(format(tr("The cell {1} does not exist on {2}."), {o.code, date.vn()}));
  auto members = presentMembers(repo, o.id);
  std::optional<core::Organization> to;
  if (!members.empty()) {
    if (core::normalizeText(moveTo).empty())
      throw DataError(format(tr("The cell {1} still has {2} members: choose the cell they move to."),
                             {o.code, std::to_string(members.size())}));
    to = organizationByCode(repo, moveTo);
    if (to->id == o.id || !existsOn(*to, date))
      throw DataError(format(tr("The cell {1} does not exist on {2}."), {to->code, date.vn()}));
  }
  storeOf(s).transaction([&] {
    for (auto& m : members) moveMember(repo, m, to->id, date, decisionNo, "dissolution");
    endCell(repo, o, date);
    repo.insertOrganizationEvent(o.id, date, "dissolved", to ? std::optional(to->id) : std::nullopt,
                                 decisionNo, "");
    s.audit(actor, "organization.dissolve", "organization:" + o.code, "", date.iso(), decisionNo);
  });
}

void setCellCommittee(Services& s, const Actor& actor, const std::string& code, bool has,
                      const std::optional<Date>& date, const std::string& decisionNo) {
  requireOffice(actor);
  store::RegisterRepository repo(storeOf(s));
  core::Organization o = organizationByCode(repo, code);
  if (!date && !has) throw DataError(format(tr("{1}: {2}"), {tr("Date"), tr("a value is required.")}));
  if (date && !existsOn(o, *date))
    throw DataError(format(tr("The cell {1} does not exist on {2}."), {o.code, date->vn()}));
  if (has && o.hasCommittee)
    throw DataError(format(tr("The cell {1} already has a cell committee."), {o.code}));
  if (!has && !o.hasCommittee) throw DataError(format(tr("The cell {1} has no cell committee."), {o.code}));
  storeOf(s).transaction([&] {
    if (has)
      repo.openCellCommittee(o.id, date, core::normalizeText(decisionNo));
    else
      repo.closeCellCommittee(o.id, *date);
    s.audit(actor, has ? "cell_committee.open" : "cell_committee.close", "organization:" + o.code, "",
            date ? date->iso() : std::string(), decisionNo);
  });
}

void setCellLeader(Services& s, const Actor& actor, const std::string& orgCode, const std::string& memberCode,
                   const std::string& role, const Date& from, const std::string& decisionNo) {
  requireOffice(actor);
  store::RegisterRepository repo(storeOf(s));
  core::Organization o = organizationByCode(repo, orgCode);
  core::Member m = memberByCode(repo, memberCode);
  if (!core::enums::cellRole.contains(role)) throw DataError(format(tr("Unknown role \"{1}\"."), {role}));
  if (!existsOn(o, from))
    throw DataError(format(tr("The cell {1} does not exist on {2}."), {o.code, from.vn()}));
  if (m.cellId != o.id || !present(m))
    throw DataError(format(tr("{1} ({2}) is not a member of {3}."), {m.fullName, m.code, o.code}));
  if (!m.officialOn || *m.officialOn > from)
    throw DataError(
        format(tr("{1} ({2}) must be an official member to lead the cell."), {m.fullName, m.code}));
  storeOf(s).transaction([&] {
    if (role != "chi_uy_vien") repo.closeLeaders(o.id, role, from);
    repo.insertLeader({o.id, m.id, role, from, std::nullopt});
    s.audit(actor, "cell_leader.set", "organization:" + o.code, "", role + " " + m.code + " " + from.iso(),
            decisionNo);
  });
}

std::vector<core::CellLeader> cellLeaders(Services& s, const Actor& actor, const std::string& orgCode) {
  require(actor, Permission::ReadRegister);
  store::RegisterRepository repo(storeOf(s));
  return repo.leaders(organizationByCode(repo, orgCode).id);
}

namespace {
// The member of a training addTraining would record, after its checks (the refusal thrown otherwise).
core::Member checkedTraining(store::RegisterRepository& repo, const Actor& actor,
                             const std::string& memberCode, int year, const std::optional<Date>& date,
                             const std::string& course) {
  core::Member m = memberByCode(repo, memberCode);
  requireWrite(actor, m.cellId);
  if (year < 1950 || year > Date::today().year() + 1)
    throw DataError(format(tr("The year {1} is not possible for a training."), {std::to_string(year)}));
  if (date && date->year() != year)
    throw DataError(format(tr("The training date {1} is not in {2}."), {date->vn(), std::to_string(year)}));
  if (core::normalizeText(course).empty()) throw DataError(tr("Name the training course."));
  return m;
}
}  // namespace

void checkTraining(Services& s, const Actor& actor, const std::string& memberCode, int year,
                   const std::optional<Date>& date, const std::string& course) {
  store::RegisterRepository repo(storeOf(s));
  checkedTraining(repo, actor, memberCode, year, date, course);
}

void addTraining(Services& s, const Actor& actor, const std::string& memberCode, int year,
                 const std::optional<Date>& date, const std::string& course) {
  store::RegisterRepository repo(storeOf(s));
  const core::Member m = checkedTraining(repo, actor, memberCode, year, date, course);
  const std::string c = core::normalizeText(course);
  storeOf(s).transaction([&] {
    repo.insertTraining({0, m.id, year, date, c});
    s.audit(actor, "training.add", "member:" + m.code, "", std::to_string(year) + " " + c);
  });
}

}  // namespace dangbo::services
