#include "services/Deadlines.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Rules.h"
#include "core/WorkCalendar.h"
#include "services/Lookup.h"
#include "services/PartyFile.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AdmissionRepository.h"
#include "store/Database.h"
#include "store/PartyFileRepository.h"
#include "store/RegisterRepository.h"
#include "store/TransferQueries.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;

namespace {

std::string num(int64_t n) {
  return std::to_string(n);
}

// The award days of a year from a "dd/mm,dd/mm" value (invalid items are skipped: the settings validate
// them).
std::vector<Date> awardDays(const std::string& value, int year) {
  std::vector<Date> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    const std::string item = value.substr(start, end - start);
    const size_t slash = item.find('/');
    if (slash != std::string::npos) {
      try {
        if (auto d = Date::make(year, std::stoi(item.substr(slash + 1)), std::stoi(item.substr(0, slash))))
          out.push_back(*d);
      } catch (const std::exception&) {
      }
    }
    start = end + 1;
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

// The next award day on or after asOf and the one before it.
std::optional<std::pair<Date, Date>> badgeAwardWindow(const core::RuleBook& rules, const Date& asOf) {
  auto v = rules.valueOn("badge.award_dates", asOf);
  if (!v) return std::nullopt;
  std::vector<Date> days;
  for (int y = asOf.year() - 1; y <= asOf.year() + 1; ++y)
    for (const auto& d : awardDays(*v, y)) days.push_back(d);
  std::sort(days.begin(), days.end());
  for (size_t i = 1; i < days.size(); ++i)
    if (days[i] >= asOf) return std::pair{days[i - 1], days[i]};
  return std::nullopt;
}

std::string deadlineKindLabel(const std::string& kind) {
  if (kind == "certificate_expiry") return tr("Awareness-course certificate expires");
  if (kind == "decision_due") return tr("Admission decision due");
  if (kind == "ceremony_due") return tr("Admission ceremony due");
  if (kind == "recognition_due") return tr("Recognition as official member due");
  if (kind == "badge_due") return tr("Party badge due");
  if (kind == "transfer_due") return tr("Transfer due");
  return kind;
}

std::vector<Deadline> deadlines(Services& s, const Actor& actor, const Date& asOf) {
  require(actor, Permission::ReadRegister);
  const core::RuleBook rules = s.ruleBook();
  const core::WorkCalendar cal = s.calendar();
  store::AdmissionRepository repo(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  std::map<core::Id, std::string> cellCodes;
  for (const auto& o : reg.organizations()) cellCodes[o.id] = o.code;
  const bool secretary = actor.role == "secretary";
  auto visible = [&](core::Id cellId) { return !secretary || actor.cellId == cellId; };
  std::vector<Deadline> out;
  auto add = [&](Deadline d) {
    d.overdueDays = int(asOf.serial() - d.due.serial());
    out.push_back(std::move(d));
  };

  // Candidates in progress.
  for (const auto& c : repo.candidates(std::nullopt, "in_progress")) {
    if (!visible(c.cellId)) continue;
    Deadline base{"",     "candidate", c.code,       c.fullName, cellCodes[c.cellId],
                  Date(), Date(),      std::nullopt, "",         0};
    if (c.certificateOn && *c.certificateOn <= asOf && !c.decisionOn) {
      Deadline d = base;
      d.kind = "certificate_expiry";
      d.from = *c.certificateOn;
      d.due =
          c.certificateOn->addMonths(rules.intOn("admission.certificate_validity_months", *c.certificateOn));
      add(d);
    }
    if (c.cellVoteOn && *c.cellVoteOn <= asOf && !c.decisionOn) {
      Deadline d = base;
      d.kind = "decision_due";
      d.from = *c.cellVoteOn;
      const int days = rules.intOn("admission.decision_working_days", d.from);
      d.due = cal.addWorkingDays(d.from, days);
      d.extendedDue =
          cal.addWorkingDays(d.from, days + rules.intOn("admission.decision_extension_working_days", d.from));
      add(d);
    }
    if (c.decisionOn && *c.decisionOn <= asOf && !c.ceremonyOn) {
      Deadline d = base;
      d.kind = "ceremony_due";
      d.from = *c.decisionOn;
      d.due = cal.addWorkingDays(d.from, rules.intOn("admission.ceremony_working_days", d.from));
      add(d);
    }
  }

  // Probationary members: the cell's review, then the decision.
  std::map<core::Id, store::Recognition> records;
  for (auto& r : repo.recognitions()) records[r.memberId] = r;
  for (const auto& m : repo.probationaryMembers()) {
    if (!visible(m.cellId) || !m.admittedOn || *m.admittedOn > asOf) continue;
    const Date start = m.ceremonyOn ? *m.ceremonyOn : *m.admittedOn;
    const Date ends = start.addMonths(rules.intOn("admission.probation_months", start));
    Deadline d{"recognition_due", "member", m.code, m.fullName, cellCodes[m.cellId], ends, Date(),
               std::nullopt,      "review", 0};
    auto rec = records.find(m.id);
    if (rec != records.end() && rec->second.result != "pending") continue;
    if (rec != records.end() && rec->second.cellReviewOn && *rec->second.cellReviewOn <= asOf) {
      d.step = "decision";
      d.from = *rec->second.cellReviewOn;
      const int days = rules.intOn("recognition.decision_working_days", d.from);
      d.due = cal.addWorkingDays(d.from, days);
      d.extendedDue = cal.addWorkingDays(
          d.from, days + rules.intOn("recognition.decision_extension_working_days", d.from));
    } else {
      d.due = cal.addWorkingDays(ends, rules.intOn("recognition.review_working_days", ends));
    }
    add(d);
  }

  // Badges on the next award day.
  if (auto window = badgeAwardWindow(rules, asOf)) {
    const auto [previous, next] = *window;
    const std::vector<int> milestones = rules.intListOn("badge.milestones", next);
    const PartyAgeBook book(storeOf(s));  // party age: the first admission less every interruption
    std::map<core::Id, std::vector<int>> awarded;
    for (const auto& a : store::PartyFileRepository(storeOf(s)).badgeAwards())
      awarded[a.memberId].push_back(a.milestone);
    for (const auto& m : repo.admittedPresentMembers()) {
      if (!visible(m.cellId) || *m.admittedOn > asOf) continue;
      const auto& has = awarded[m.id];
      for (int years : milestones) {
        if (std::find(has.begin(), has.end(), years) != has.end()) continue;
        const auto reached = book.reaches(m.id, m.admittedOn, years);
        if (reached && *reached > previous && *reached <= next) {
          add({"badge_due", "member", m.code, m.fullName, cellCodes[m.cellId], *reached, next, std::nullopt,
               num(years), 0});
          break;
        }
      }
    }
  }

  // Permanent transfers out whose papers the receiving committee has not confirmed yet.
  for (const auto& t : store::pendingTransfers(storeOf(s))) {
    if (!visible(t.cellId) || t.on > asOf) continue;
    add({"transfer_due", "member", t.code, t.fullName, cellCodes[t.cellId], t.on,
         cal.addWorkingDays(t.on, rules.intOn("transfer.permanent_working_days", t.on)), std::nullopt,
         t.place, 0});
  }

  std::sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    if (a.due != b.due) return a.due < b.due;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.code < b.code;
  });
  return out;
}

std::vector<CheckFinding> checkOverdue(Services& s, const Actor& actor, const Date& asOf) {
  std::vector<CheckFinding> out;
  for (const auto& d : deadlines(s, actor, asOf)) {
    if (d.overdueDays <= 0) continue;
    const std::string late = num(d.overdueDays);
    std::string message;
    if (d.kind == "certificate_expiry")
      message =
          format(tr("{1} ({2}): the awareness-course certificate of {3} was valid until {4}; it expired {5} "
                    "days ago."),
                 {d.name, d.code, d.from.vn(), d.due.vn(), late});
    else if (d.kind == "decision_due")
      message =
          format(tr("{1} ({2}): the cell voted on {3}; the admission decision was due by {4} ({5} with the "
                    "extension), {6} days ago."),
                 {d.name, d.code, d.from.vn(), d.due.vn(), d.extendedDue ? d.extendedDue->vn() : "", late});
    else if (d.kind == "ceremony_due")
      message =
          format(tr("{1} ({2}): admitted by the decision of {3}; the ceremony was due by {4}, {5} days ago."),
                 {d.name, d.code, d.from.vn(), d.due.vn(), late});
    else if (d.kind == "recognition_due" && d.step == "review")
      message =
          format(tr("{1} ({2}): probation ended on {3}; the cell's review was due by {4}, {5} days ago."),
                 {d.name, d.code, d.from.vn(), d.due.vn(), late});
    else if (d.kind == "recognition_due")
      message =
          format(tr("{1} ({2}): the cell reviewed the probation on {3}; the recognition decision was due by "
                    "{4} ({5} with the extension), {6} days ago."),
                 {d.name, d.code, d.from.vn(), d.due.vn(), d.extendedDue ? d.extendedDue->vn() : "", late});
    else if (d.kind == "transfer_due")
      message =
          format(tr("{1} ({2}): transferred to {3} on {4}; the receipt of the transfer papers was due by "
                    "{5}, {6} days ago."),
                 {d.name, d.code, d.step, d.from.vn(), d.due.vn(), late});
    else
      message = format(tr("{1} ({2}): \"{3}\" was due by {4}, {5} days ago."),
                       {d.name, d.code, deadlineKindLabel(d.kind), d.due.vn(), late});
    out.push_back({"overdue", d.code, std::nullopt, message});
  }
  return out;
}

void recordTransferReceipt(Services& s, const Actor& actor, const std::string& memberCode,
                           const Date& receivedOn) {
  require(actor, Permission::WriteRegister);
  store::RegisterRepository reg(storeOf(s));
  const core::Member m = memberByCode(reg, memberCode);
  if (actor.role == "secretary" && actor.cellId != m.cellId)
    throw core::PermissionError(
        format(tr("The account {1} may change only the members of its own cell."), {actor.username}));
  std::optional<store::PendingTransfer> open;
  for (auto& t : store::pendingTransfers(storeOf(s)))
    if (t.memberId == m.id) open = std::move(t);
  if (!open)
    throw core::DataError(format(tr("{1} ({2}) has no transfer out waiting for the receiving committee's "
                                    "confirmation."),
                                 {m.fullName, m.code}));
  if (receivedOn < open->on)
    throw core::DataError(
        format(tr("{1} ({2}) transferred out on {3}: the confirmation cannot be dated {4}."),
               {m.fullName, m.code, open->on.vn(), receivedOn.vn()}));
  if (receivedOn > Date::today())
    throw core::DataError(format(tr("The confirmation date {1} is in the future."), {receivedOn.vn()}));
  storeOf(s).transaction([&] {
    store::setTransferReceived(storeOf(s), open->eventId, receivedOn);
    s.audit(actor, "member.transfer_receipt", "member:" + m.code, "", open->place + " " + receivedOn.iso());
  });
}

}  // namespace dangbo::services
