#include "services/PartyFile.h"

#include <algorithm>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/Rules.h"
#include "core/VietText.h"
#include "services/Lookup.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AdmissionRepository.h"
#include "store/Database.h"
#include "store/PartyFileRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::DataError;
using core::Date;
using core::format;
using core::tr;

namespace {

// Re-admissions followed back at most this far (a file pointing at itself is a damaged file, not a loop).
constexpr int kMaxMemberships = 8;

// Office and administrator only: the interruptions and the badges are the office's records.
void requireOffice(const Actor& actor) {
  require(actor, Permission::WriteRegister);
  if (actor.role == "secretary")
    throw core::PermissionError(
        format(tr("The account {1} may not record interruptions of party age or party badges: the "
                  "committee's office records them."),
               {actor.username}));
}

// Every problem found, one a line: nothing is written.
void refuseIfAny(const std::vector<std::string>& problems) {
  if (problems.empty()) return;
  std::string all;
  for (const auto& p : problems) all += (all.empty() ? "" : "\n") + p;
  throw DataError(all);
}

std::string describe(const core::PartyInterruption& i) {
  std::string s = i.kind + " " + i.from.iso() + " - " + (i.to ? i.to->iso() : std::string("?"));
  if (i.firstAdmittedOn) s += " first " + i.firstAdmittedOn->iso();
  if (!i.note.empty()) s += " | " + i.note;
  return s;
}

}  // namespace

// --- PartyAgeBook -----------------------------------------------------------------------------------------
PartyAgeBook::PartyAgeBook(store::Database& db) {
  store::PartyFileRepository repo(db);
  byMember_ = repo.allInterruptions();
}

void PartyAgeBook::collect(core::Id memberId, int depth, std::vector<core::PartyInterruption>& out) const {
  auto it = byMember_.find(memberId);
  if (it == byMember_.end()) return;
  for (const auto& i : it->second) {
    out.push_back(i);
    if (i.formerMemberId && depth < kMaxMemberships) collect(*i.formerMemberId, depth + 1, out);
  }
}

PartyAgeFacts PartyAgeBook::facts(core::Id memberId, const std::optional<Date>& admittedOn) const {
  std::vector<core::PartyInterruption> all;
  collect(memberId, 0, all);
  return {core::firstAdmission(admittedOn, all), core::gapsOf(all)};
}

std::optional<Date> PartyAgeBook::reaches(core::Id memberId, const std::optional<Date>& admittedOn,
                                          int years) const {
  auto f = facts(memberId, admittedOn);
  if (!f.firstAdmitted) return std::nullopt;
  return core::dayPartyAgeReaches(*f.firstAdmitted, f.gaps, years);
}

// --- the member form --------------------------------------------------------------------------------------
PartyAgeView partyAgeOf(Services& s, const Actor& actor, const std::string& memberCode, const Date& on) {
  const core::Member m = memberFile(s, actor, memberCode).member;  // scope: a secretary, their cell
  store::PartyFileRepository repo(storeOf(s));
  PartyAgeBook book(storeOf(s));
  PartyAgeView v;
  v.interruptions = repo.interruptions(m.id);
  v.awards = repo.badgeAwards(m.id);
  v.requests = repo.badgeRequests(m.id);
  const PartyAgeFacts f = book.facts(m.id, m.admittedOn);
  v.firstAdmitted = f.firstAdmitted;
  if (!f.firstAdmitted) return v;
  v.years = core::partyYearsOn(*f.firstAdmitted, f.gaps, on);
  // The badge the round proposes: the highest milestone reached by `on` above every award; when none is
  // reached, the next one ahead.
  for (int years : s.ruleBook().intListOn("badge.milestones", on)) {
    const bool awarded = std::any_of(v.awards.begin(), v.awards.end(),
                                     [&](const core::BadgeAward& a) { return a.milestone >= years; });
    if (awarded) continue;
    const auto day = core::dayPartyAgeReaches(*f.firstAdmitted, f.gaps, years);
    const bool reached = day && *day <= on;
    if (reached || !v.nextMilestone) {
      v.nextMilestone = years;
      v.nextMilestoneOn = day;
    }
    if (!reached) break;
  }
  return v;
}

// --- interruptions ----------------------------------------------------------------------------------------
core::Id addInterruption(Services& s, const Actor& actor, const std::string& memberCode,
                         core::PartyInterruption i) {
  requireOffice(actor);
  const core::Member m = memberFile(s, actor, memberCode).member;
  store::PartyFileRepository repo(storeOf(s));
  const std::string who = m.fullName + " (" + m.code + ")";
  i.memberId = m.id;
  i.kind = core::normalizeText(i.kind);
  i.note = core::cleanName(i.note, tr("Note"));
  i.formerMemberId.reset();  // only the ceremony links an earlier membership's row
  std::vector<std::string> problems;
  const auto& kinds = core::interruptionKinds();
  if (std::find(kinds.begin(), kinds.end(), i.kind) == kinds.end())
    problems.push_back(format(tr("\"{1}\" is not a kind of interruption (readmission, out_of_contact, "
                                 "transfer_gap, other)."),
                              {i.kind}));
  const Date today = Date::today();
  if (i.from > today) problems.push_back(format(tr("The start {1} is in the future."), {i.from.vn()}));
  if (i.to && *i.to > today) problems.push_back(format(tr("The end {1} is in the future."), {i.to->vn()}));
  if (i.to && *i.to <= i.from)
    problems.push_back(format(tr("The end {1} must come after the start {2}."), {i.to->vn(), i.from.vn()}));
  if (i.kind == "readmission") {
    if (!i.firstAdmittedOn)
      problems.push_back(tr("A re-admission needs the first admission (first_admitted_on)."));
    else if (!(*i.firstAdmittedOn < i.from))
      problems.push_back(
          format(tr("The first admission {1} must come before the end of that membership {2}."),
                 {i.firstAdmittedOn->vn(), i.from.vn()}));
    if (!i.to) problems.push_back(tr("A re-admission needs the day of the re-admission (to)."));
    if (i.to && m.admittedOn && *i.to > *m.admittedOn)
      problems.push_back(format(tr("The re-admission {1} cannot come after {2}'s admission {3}."),
                                {i.to->vn(), who, m.admittedOn->vn()}));
  } else {
    i.firstAdmittedOn.reset();
  }
  const auto first = core::firstAdmission(m.admittedOn, {i});
  if (!first)
    problems.push_back(format(tr("{1} has no admission date: party age cannot be counted."), {who}));
  else if (i.kind != "readmission" && i.from < *first)
    problems.push_back(
        format(tr("The start {1} comes before {2}'s admission {3}."), {i.from.vn(), who, first->vn()}));
  for (const auto& o : repo.interruptions(m.id)) {
    const bool overlaps = (!o.to || i.from < *o.to) && (!i.to || o.from < *i.to);
    if (overlaps)
      problems.push_back(format(tr("It overlaps the interruption recorded from {1} to {2}."),
                                {o.from.vn(), o.to ? o.to->vn() : std::string("…")}));
  }
  refuseIfAny(problems);
  core::Id id = 0;
  storeOf(s).transaction([&] {
    id = repo.insertInterruption(i);
    s.audit(actor, "member.interruption_add", "member:" + m.code, "", describe(i));
  });
  return id;
}

void deleteInterruption(Services& s, const Actor& actor, core::Id id) {
  requireOffice(actor);
  store::PartyFileRepository repo(storeOf(s));
  auto i = repo.interruption(id);
  if (!i) throw DataError(format(tr("There is no interruption number {1}."), {std::to_string(id)}));
  store::RegisterRepository reg(storeOf(s));
  const auto m = reg.memberById(i->memberId);
  const std::string code = m ? m->code : std::to_string(i->memberId);
  storeOf(s).transaction([&] {
    repo.deleteInterruption(id);
    s.audit(actor, "member.interruption_delete", "member:" + code, describe(*i), "");
  });
}

void noteReadmission(Services& s, const Actor& actor, core::Id memberId, const Date& admittedOn) {
  store::RegisterRepository reg(storeOf(s));
  const auto m = reg.memberById(memberId);
  if (!m) return;
  store::AdmissionRepository adm(storeOf(s));
  const std::string key = core::fold(m->fullName);
  std::optional<store::MemberFacts> former;
  for (const auto& f : adm.membersLike(m->cccd, key)) {
    if (f.id == memberId || !f.statusSince || !f.admittedOn) continue;
    if (f.status != "removed" && f.status != "left" && f.status != "expelled") continue;
    const bool sameId = !m->cccd.empty() && f.cccd == m->cccd;
    const bool sameBirth = m->birthDate && f.birthDate && f.searchKey == key &&
                           f.birthDate->storage() == m->birthDate->storage();
    if (!sameId && !sameBirth) continue;
    if (!(*f.statusSince < admittedOn)) continue;
    if (!former || *former->statusSince < *f.statusSince) former = f;
  }
  if (!former) return;
  PartyAgeBook book(storeOf(s));
  core::PartyInterruption i;
  i.memberId = memberId;
  i.kind = "readmission";
  i.from = *former->statusSince;
  i.to = admittedOn;
  i.firstAdmittedOn = book.facts(former->id, former->admittedOn).firstAdmitted;
  i.formerMemberId = former->id;
  i.note = former->code;
  store::PartyFileRepository(storeOf(s)).insertInterruption(i);
  s.audit(actor, "member.interruption_add", "member:" + m->code, "", describe(i));
}

// --- badges -----------------------------------------------------------------------------------------------
int badgeEarlyMonths(const core::RuleBook& rules, const std::string& kind, int milestone, const Date& on) {
  if (kind == "ill")
    return rules.intOn(milestone >= 70 ? "badge.early_months_ill_70" : "badge.early_months_ill", on);
  if (kind == "posthumous") return rules.intOn("badge.early_months_posthumous", on);
  return 0;
}

core::Id recordBadgeAward(Services& s, const Actor& actor, const std::string& memberCode,
                          core::BadgeAward a) {
  requireOffice(actor);
  const core::Member m = memberFile(s, actor, memberCode).member;
  store::PartyFileRepository repo(storeOf(s));
  const std::string who = m.fullName + " (" + m.code + ")";
  a.memberId = m.id;
  a.decisionNo = core::cleanName(a.decisionNo, tr("Decision number"));
  a.badgeNo = core::cleanName(a.badgeNo, tr("Badge number"));
  a.note = core::cleanName(a.note, tr("Note"));
  std::vector<std::string> problems;
  const Date today = Date::today();
  const Date on = a.ceremonyOn ? *a.ceremonyOn : a.decisionOn.value_or(today);
  const core::RuleBook rules = s.ruleBook();
  const auto milestones = rules.intListOn("badge.milestones", on);
  if (std::find(milestones.begin(), milestones.end(), a.milestone) == milestones.end())
    problems.push_back(
        format(tr("{1} years is not a badge milestone on {2}."), {std::to_string(a.milestone), on.vn()}));
  if (a.decisionNo.empty()) problems.push_back(tr("Enter the number of the decision awarding the badge."));
  if (!a.decisionOn) problems.push_back(tr("Enter the date of the decision awarding the badge."));
  if (a.decisionOn && *a.decisionOn > today)
    problems.push_back(format(tr("The decision's date {1} is in the future."), {a.decisionOn->vn()}));
  if (a.ceremonyOn && *a.ceremonyOn > today)
    problems.push_back(format(tr("The ceremony's date {1} is in the future."), {a.ceremonyOn->vn()}));
  if (a.ceremonyOn && a.decisionOn && *a.ceremonyOn < *a.decisionOn)
    problems.push_back(format(tr("The ceremony {1} cannot come before the decision {2}."),
                              {a.ceremonyOn->vn(), a.decisionOn->vn()}));
  for (const auto& o : repo.badgeAwards(m.id))
    if (o.milestone == a.milestone)
      problems.push_back(format(tr("{1} already has the {2}-year badge (decision {3})."),
                                {who, std::to_string(a.milestone), o.decisionNo}));
  if (!a.badgeNo.empty())
    for (const auto& o : repo.badgeAwards())
      if (o.badgeNo == a.badgeNo)
        problems.push_back(
            format(tr("The badge number {1} is already recorded for another award."), {a.badgeNo}));
  PartyAgeBook book(storeOf(s));
  const auto reached = book.reaches(m.id, m.admittedOn, a.milestone);
  int early = 0;
  if (reached)
    for (const auto& r : repo.badgeRequests(m.id))
      early = std::max(early, badgeEarlyMonths(rules, r.kind, a.milestone, on));
  // A deceased member: the milestone counts against the death (posthumous), not the ceremony.
  const Date ref = (m.status == "deceased" && m.statusSince && *m.statusSince < on) ? *m.statusSince : on;
  if (!reached || reached->addMonths(-early) > ref)
    problems.push_back(format(tr("{1}'s party age does not reach {2} years by {3}."),
                              {who, std::to_string(a.milestone), on.vn()}));
  refuseIfAny(problems);
  core::Id id = 0;
  storeOf(s).transaction([&] {
    id = repo.insertBadgeAward(a);
    s.audit(actor, "member.badge_award", "member:" + m.code, "",
            std::to_string(a.milestone) + " " + a.decisionNo + " " +
                (a.decisionOn ? a.decisionOn->iso() : "") + " " + a.badgeNo);
  });
  return id;
}

core::Id recordBadgeRequest(Services& s, const Actor& actor, const std::string& memberCode,
                            core::BadgeRequest r) {
  requireOffice(actor);
  const core::Member m = memberFile(s, actor, memberCode).member;
  store::PartyFileRepository repo(storeOf(s));
  const std::string who = m.fullName + " (" + m.code + ")";
  r.memberId = m.id;
  r.kind = core::normalizeText(r.kind);
  r.note = core::cleanName(r.note, tr("Note"));
  std::vector<std::string> problems;
  if (r.kind != "ill" && r.kind != "posthumous")
    problems.push_back(format(tr("\"{1}\" is not a kind of early proposal (ill, posthumous)."), {r.kind}));
  if (r.kind == "posthumous" && m.status != "deceased")
    problems.push_back(format(tr("{1} is not recorded as deceased: a posthumous proposal needs the death "
                                 "recorded first."),
                              {who}));
  if (r.kind == "ill" && m.status != "active" && m.status != "exempt")
    problems.push_back(format(tr("{1} is not a present member."), {who}));
  if (r.requestedOn > Date::today())
    problems.push_back(format(tr("The date {1} is in the future."), {r.requestedOn.vn()}));
  for (const auto& o : repo.badgeRequests(m.id))
    if (o.kind == r.kind)
      problems.push_back(
          format(tr("The request for {1} is already recorded ({2})."), {who, o.requestedOn.vn()}));
  refuseIfAny(problems);
  core::Id id = 0;
  storeOf(s).transaction([&] {
    id = repo.insertBadgeRequest(r);
    s.audit(actor, "member.badge_request", "member:" + m.code, "", r.kind + " " + r.requestedOn.iso());
  });
  return id;
}

}  // namespace dangbo::services
