#include "services/BadgeRound.h"

#include <algorithm>
#include <map>

#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/Rules.h"
#include "services/Deadlines.h"
#include "services/PartyFile.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/PartyFileRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;

std::string badgeReasonLabel(const std::string& reason) {
  if (reason == "due") return tr("Reaches the milestone");
  if (reason == "missed") return tr("Milestone passed without an award");
  if (reason == "ill") return tr("Seriously ill: proposed early");
  if (reason == "posthumous") return tr("Posthumous");
  return reason;
}

namespace {

// The first day a member disciplined with `form` on `on` may be proposed.
Date allowedAfter(const core::RuleBook& rules, const store::MemberDiscipline& d) {
  return d.on.addMonths(rules.intOn("badge.discipline_wait_months_" + d.form, d.on));
}

ReportModel model(Services& s, const char* name, const char* title, const Date& awardDay) {
  ReportModel m;
  m.name = name;
  m.title = tr(title);
  m.committee = s.committee().name;
  m.from = m.to = m.asOf = awardDay;
  return m;
}

}  // namespace

BadgeRound badgeRound(Services& s, const Actor& actor, const Date& awardDay) {
  require(actor, Permission::ReadRegister);
  const core::RuleBook rules = s.ruleBook();
  BadgeRound round;
  round.awardDay = awardDay;
  if (auto w = badgeAwardWindow(rules, awardDay)) round.previous = w->first;

  store::PartyFileRepository repo(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  std::map<core::Id, std::string> cellCodes;
  for (const auto& o : reg.organizations()) cellCodes[o.id] = o.code;
  std::map<core::Id, std::vector<int>> awarded;
  for (const auto& a : repo.badgeAwards()) awarded[a.memberId].push_back(a.milestone);
  std::map<core::Id, std::vector<core::BadgeRequest>> requests;
  for (auto& r : repo.badgeRequests()) requests[r.memberId].push_back(std::move(r));
  const auto disciplines = repo.memberDisciplines();
  const PartyAgeBook book(storeOf(s));
  const std::vector<int> milestones = rules.intListOn("badge.milestones", awardDay);

  for (const auto& m : repo.badgeMembers()) {
    if (actor.role == "secretary" && actor.cellId != m.cellId) continue;
    const PartyAgeFacts f = book.facts(m.id, m.admittedOn);
    if (!f.firstAdmitted || *f.firstAdmitted > awardDay) continue;
    const auto& has = awarded[m.id];
    const int highestAwarded = has.empty() ? 0 : *std::max_element(has.begin(), has.end());
    auto reach = [&](int years) { return core::dayPartyAgeReaches(*f.firstAdmitted, f.gaps, years); };
    auto hasRequest = [&](const char* kind) {
      for (const auto& r : requests[m.id])
        if (r.kind == kind && r.requestedOn <= awardDay) return true;
      return false;
    };
    // The highest milestone above every badge awarded whose day is on or before limitOf(milestone).
    auto highestWithin = [&](const auto& limitOf) -> std::optional<std::pair<int, Date>> {
      std::optional<std::pair<int, Date>> best;
      for (int years : milestones) {
        if (years <= highestAwarded) continue;
        auto day = reach(years);
        if (day && *day <= limitOf(years)) best = std::pair{years, *day};
      }
      return best;
    };
    auto highestBy = [&](const Date& limit) { return highestWithin([&](int) { return limit; }); };
    BadgeProposal p{m.code, m.fullName, cellCodes[m.cellId], m.birthDate, *f.firstAdmitted, 0,
                    Date(), "",         std::nullopt};
    if (m.status == "deceased") {
      if (!m.statusSince || !hasRequest("posthumous")) continue;
      auto best = highestWithin([&](int milestone) {
        return m.statusSince->addMonths(badgeEarlyMonths(rules, "posthumous", milestone, awardDay));
      });
      if (!best) continue;
      p.milestone = best->first;
      p.reachedOn = best->second;
      p.reason = "posthumous";
      p.diedOn = m.statusSince;
    } else if (auto best = highestBy(awardDay)) {
      p.milestone = best->first;
      p.reachedOn = best->second;
      p.reason = (!round.previous || best->second > *round.previous) ? "due" : "missed";
    } else if (hasRequest("ill")) {
      // Brought forward by the months allowed for the badge proposed (24 for the badges of 70 years and
      // more, Hướng dẫn 01-HD/TW 2021 §18), whatever the member's party age today.
      best = highestWithin([&](int milestone) {
        return awardDay.addMonths(badgeEarlyMonths(rules, "ill", milestone, awardDay));
      });
      if (!best) continue;
      p.milestone = best->first;
      p.reachedOn = best->second;
      p.reason = "ill";
    } else {
      continue;
    }
    p.partyYears = core::partyYearsOn(*f.firstAdmitted, f.gaps, p.diedOn.value_or(awardDay));
    // Waiting after a discipline (the living only): the latest decision that still holds the member back.
    std::optional<Date> allowed;
    if (m.status != "deceased")
      if (auto it = disciplines.find(m.id); it != disciplines.end())
        for (const auto& d : it->second) {
          const Date from = allowedAfter(rules, d);
          if (from > awardDay && (!allowed || from > *allowed)) allowed = from;
        }
    if (allowed) {
      round.waiting.push_back({p.code, p.fullName, p.cellCode, p.milestone, p.reachedOn, *allowed});
      continue;
    }
    round.proposals.push_back(std::move(p));
  }
  std::stable_sort(round.proposals.begin(), round.proposals.end(),
                   [](const BadgeProposal& a, const BadgeProposal& b) { return a.milestone > b.milestone; });
  return round;
}

std::vector<Date> badgeAwardDays(Services& s, int year) {
  const core::RuleBook rules = s.ruleBook();
  std::vector<Date> out;
  for (Date from = *Date::make(year, 1, 1);;) {
    const auto w = badgeAwardWindow(rules, from);
    if (!w || w->second.year() != year) break;
    out.push_back(w->second);
    from = w->second.addDays(1);
  }
  return out;
}

ReportModel badgeProposalsReport(Services& s, const Actor& actor, const Date& awardDay) {
  const BadgeRound round = badgeRound(s, actor, awardDay);
  ReportModel m = model(s, "badge-proposals", core::N_("Proposal of Party badges"), awardDay);
  std::map<int, int> byMilestone;
  std::map<std::string, int> byReason;
  for (const auto& p : round.proposals) {
    ++byMilestone[p.milestone];
    ++byReason[p.reason];
  }
  ReportSection memo;
  memo.paragraphs.push_back(format(
      tr("Pursuant to the rules on awarding the Party badge, the committee has reviewed the party age of its "
         "members for the award day {1} and proposes to award the Party badge to {2} members:"),
      {awardDay.vn(), core::formatCountVn(int64_t(round.proposals.size()))}));
  for (const auto& [years, n] : byMilestone)
    memo.paragraphs.push_back(format(tr("- Badge of {1} years of party age: {2} members."),
                                     {std::to_string(years), core::formatCountVn(n)}));
  if (byReason["missed"] > 0)
    memo.paragraphs.push_back(
        format(tr("Of whom {1} members reached their milestone before the previous award day "
                  "and have not been awarded yet."),
               {core::formatCountVn(byReason["missed"])}));
  if (byReason["ill"] + byReason["posthumous"] > 0)
    memo.paragraphs.push_back(
        format(tr("Proposed ahead of the milestone: {1} seriously ill members, {2} "
                  "posthumously."),
               {core::formatCountVn(byReason["ill"]), core::formatCountVn(byReason["posthumous"])}));
  if (!round.waiting.empty())
    memo.paragraphs.push_back(
        format(tr("{1} members who reach a milestone are not proposed in this round: the "
                  "waiting time after a disciplinary decision has not ended."),
               {core::formatCountVn(int64_t(round.waiting.size()))}));
  memo.paragraphs.push_back(tr("The list of members proposed is attached."));
  m.sections.push_back(std::move(memo));

  ReportSection listSec;
  listSec.heading =
      format(tr("List of members proposed for the Party badge, award day {1}"), {awardDay.vn()});
  ReportTable list;
  list.key = "proposals";
  list.caption = "";
  list.columns = {tr("No."),         tr("Full name"),     tr("Date of birth"), tr("Cell"),
                  tr("Admitted on"), tr("Badge (years)"), tr("Reached on"),    tr("Reason")};
  list.sums = false;
  int n = 0;
  for (const auto& p : round.proposals) {
    ReportRow r;
    r.key = p.code;
    std::string reason = badgeReasonLabel(p.reason);
    if (p.diedOn) reason += " (" + format(tr("died {1}"), {p.diedOn->vn()}) + ")";
    r.cells = {Figure::count(++n),
               Figure::label(p.fullName),
               Figure::label(p.birthDate ? p.birthDate->vn() : std::string()),
               Figure::label(p.cellCode),
               Figure::label(p.firstAdmitted.vn()),
               Figure::count(p.milestone),
               Figure::label(p.reachedOn.vn()),
               Figure::label(reason)};
    list.rows.push_back(std::move(r));
  }
  listSec.tables.push_back(std::move(list));
  if (!round.waiting.empty()) {
    ReportTable wait;
    wait.key = "waiting";
    wait.caption = tr("Members waiting after a disciplinary decision");
    wait.columns = {tr("Code"),          tr("Full name"),  tr("Cell"),
                    tr("Badge (years)"), tr("Reached on"), tr("May be proposed from")};
    wait.sums = false;
    for (const auto& w : round.waiting) {
      ReportRow r;
      r.key = w.code;
      r.cells = {Figure::label(w.code),           Figure::label(w.fullName),
                 Figure::label(w.cellCode),       Figure::count(w.milestone),
                 Figure::label(w.reachedOn.vn()), Figure::label(w.allowedFrom.vn())};
      wait.rows.push_back(std::move(r));
    }
    listSec.tables.push_back(std::move(wait));
  }
  m.sections.push_back(std::move(listSec));
  return m;
}

ReportModel badgeCeremonyReport(Services& s, const Actor& actor, const Date& awardDay) {
  require(actor, Permission::ReadRegister);
  const core::RuleBook rules = s.ruleBook();
  std::optional<Date> previous;
  if (auto w = badgeAwardWindow(rules, awardDay)) previous = w->first;
  ReportModel m = model(s, "badge-ceremony", core::N_("Party badge award ceremony"), awardDay);
  store::PartyFileRepository repo(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  std::map<core::Id, std::string> cellCodes;
  for (const auto& o : reg.organizations()) cellCodes[o.id] = o.code;
  ReportSection sec;
  ReportTable list;
  list.key = "awards";
  list.caption = format(tr("Members awarded the Party badge, ceremony of {1}"), {awardDay.vn()});
  list.columns = {tr("No."),      tr("Full name"),    tr("Cell"),          tr("Badge (years)"),
                  tr("Decision"), tr("Badge number"), tr("Award ceremony")};
  list.sums = false;
  std::vector<core::BadgeAward> awards;
  for (const auto& a : repo.badgeAwards())
    if (a.ceremonyOn && *a.ceremonyOn <= awardDay && (!previous || *a.ceremonyOn > *previous))
      awards.push_back(a);
  std::stable_sort(awards.begin(), awards.end(), [](const core::BadgeAward& a, const core::BadgeAward& b) {
    return a.milestone > b.milestone;
  });
  int n = 0;
  for (const auto& a : awards) {
    const auto mem = reg.memberById(a.memberId);
    if (!mem || (actor.role == "secretary" && actor.cellId != mem->cellId)) continue;
    ReportRow r;
    r.key = mem->code;
    r.cells = {Figure::count(++n),
               Figure::label(mem->fullName),
               Figure::label(cellCodes[mem->cellId]),
               Figure::count(a.milestone),
               Figure::label(a.decisionNo + (a.decisionOn ? ", " + a.decisionOn->vn() : std::string())),
               Figure::label(a.badgeNo),
               Figure::label(a.ceremonyOn->vn())};
    list.rows.push_back(std::move(r));
  }
  sec.paragraphs.push_back(format(tr("{1} members receive the Party badge at the ceremony of {2}."),
                                  {core::formatCountVn(int64_t(list.rows.size())), awardDay.vn()}));
  sec.tables.push_back(std::move(list));
  m.sections.push_back(std::move(sec));
  return m;
}

}  // namespace dangbo::services
