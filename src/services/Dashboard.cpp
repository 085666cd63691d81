// The overview's figures: targets against the register's actual figures, and the deadlines.
#include "services/Dashboard.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/PeriodRules.h"
#include "core/Records.h"
#include "core/VietText.h"
#include "services/Admissions.h"
#include "services/Deadlines.h"
#include "services/Discipline.h"
#include "services/Ratings.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/DashboardQueries.h"
#include "store/RegisterRepository.h"
#include "store/ReportQueries.h"

namespace dangbo::services {

using core::Date;
using core::tr;

namespace {

struct Cell {
  std::string code, name;
};

// The target of `key` for the term containing `year` (the later-starting one where two do), with the term.
std::optional<core::Target> targetFor(const std::vector<core::Target>& targets, const std::string& key,
                                      int year) {
  std::optional<core::Target> found;
  for (const auto& t : targets)
    if (t.key == key && t.fromYear <= year && year <= t.toYear && (!found || t.fromYear > found->fromYear))
      found = t;
  // Its value as every report takes it: the former communes' counts added up, a percentage the committee's
  // own or the lowest (core/PeriodRules).
  if (found) found->value = *core::termTargetValue(targets, key, found->fromYear, found->toYear);
  return found;
}

std::string periodOf(const core::Target& t) {
  return std::to_string(t.fromYear) + "-" + std::to_string(t.toYear);
}

// A share against a percentage target: progress = percent / target.
void judgeShare(DashboardFigure& f, const std::optional<core::Target>& t, bool periodOver) {
  f.isShare = true;
  f.percent = core::percentTenths(f.actual, f.base);
  if (!t) return;
  f.target = static_cast<int64_t>(std::llround(t->value * 10));
  f.period = periodOf(*t);
  if (!f.percent) return;
  f.progress = *f.target > 0 ? core::percentTenths(*f.percent, *f.target) : std::nullopt;
  if (*f.percent >= *f.target)
    f.status = FigureStatus::Met;
  else
    f.status = periodOver ? FigureStatus::Behind : FigureStatus::OnTrack;
}

// Rows that count last would hide the gaps: the rows that do not count come first, each group by cell
// then name.
void orderRows(std::vector<DashboardRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const DashboardRow& a, const DashboardRow& b) {
    if (a.counts != b.counts) return !a.counts;
    if (a.cellCode != b.cellCode) return a.cellCode < b.cellCode;
    return core::compareNames(a.name, b.name) < 0;
  });
}

std::string levelDetail(const std::string& level) {
  return core::enums::ratingLevel.label(level);
}

bool goodOrBetter(const std::string& level) {
  return level == "HTXSNV" || level == "HTTNV";
}

std::string disciplineLabel(const std::string& kind) {
  if (kind == "complaint_due") return tr("Complaint period ends");
  if (kind == "lapse_due") return tr("Disciplinary decision lapses");
  if (kind == "statute_expiry") return tr("Statute of limitations runs out");
  return kind;
}

}  // namespace

std::string figureTitle(const std::string& key) {
  if (key == "admissions") return tr("Admissions this year");
  if (key == "members_good") return tr("Members rated good or better");
  if (key == "cells_good") return tr("Organizations rated good or better");
  if (key == "village_committee") return tr("Village cells with a cell committee");
  if (key == "secretaries_trained") return tr("Cell secretaries trained this year");
  return key;
}

Dashboard dashboard(Services& s, const Actor& actor, const Date& asOf, int soonDays) {
  require(actor, Permission::ReadRegister);
  store::Database& db = storeOf(s);
  store::RegisterRepository reg(db);
  const bool secretary = actor.role == "secretary";
  const core::Id ownCell = actor.cellId.value_or(0);
  auto visible = [&](core::Id cellId) { return !secretary || cellId == ownCell; };
  std::map<core::Id, Cell> cells;
  for (const auto& o : reg.organizations()) cells[o.id] = {o.code, o.name};
  auto rowIn = [&](core::Id cellId) {
    DashboardRow r;
    if (auto it = cells.find(cellId); it != cells.end()) {
      r.cellCode = it->second.code;
      r.cellName = it->second.name;
    }
    return r;
  };
  const auto targets = s.targets();
  auto countTarget = [&](const std::optional<core::Target>& t) { return secretary ? std::nullopt : t; };

  Dashboard d;
  d.asOf = asOf;
  d.year = asOf.year();
  d.soonDays = soonDays;
  const Date yearStart = *Date::make(d.year, 1, 1), yearEnd = *Date::make(d.year, 12, 31);

  // Admissions decided this year up to asOf.
  {
    DashboardFigure f;
    f.key = "admissions";
    f.year = d.year;
    for (const auto& a : store::admissionEntries(db, yearStart, asOf)) {
      if (!visible(a.cellId)) continue;
      DashboardRow r = rowIn(a.cellId);
      r.code = a.code;
      r.name = a.name;
      r.date = a.on;
      r.detail = a.member ? tr("admitted") : tr("decided, ceremony not yet held");
      if (!a.member) ++f.pending;
      r.counts = true;
      f.rows.push_back(std::move(r));
    }
    f.actual = int(f.rows.size());
    if (auto t = countTarget(targetFor(targets, "ket_nap_nam", d.year))) {
      f.target = static_cast<int64_t>(std::llround(t->value));
      f.period = periodOf(*t);
      if (*f.target > 0) f.progress = core::percentTenths(f.actual, *f.target);
      if (f.actual >= *f.target) {
        f.status = FigureStatus::Met;
      } else if (asOf >= yearEnd) {
        f.status = FigureStatus::Behind;
      } else {
        // On the year's pace: actual / target at least the share of the year gone (integer arithmetic).
        const int64_t gone = asOf.serial() - yearStart.serial() + 1,
                      days = yearEnd.serial() - yearStart.serial() + 1;
        f.status =
            int64_t(f.actual) * days >= *f.target * gone ? FigureStatus::OnTrack : FigureStatus::Behind;
      }
    }
    std::sort(f.rows.begin(), f.rows.end(), [](const DashboardRow& a, const DashboardRow& b) {
      if (a.date != b.date) return a.date < b.date;
      return a.code < b.code;
    });
    d.figures.push_back(std::move(f));
  }

  // Ratings of the last completed year.
  {
    std::map<int, std::string> rounds;
    for (const auto& r : ratingRounds(s, actor)) rounds[r.year] = r.status;
    std::map<int, int> counted;
    for (const auto& c : store::ratingCounts(db, Date::kMinYear, d.year)) counted[c.year] += c.count;
    for (auto it = counted.rbegin(); it != counted.rend(); ++it) {
      auto round = rounds.find(it->first);
      if (it->second > 0 && (round == rounds.end() || round->second == "locked")) {
        d.ratingYear = it->first;
        break;
      }
    }
    DashboardFigure members, orgs;
    members.key = "members_good";
    orgs.key = "cells_good";
    if (d.ratingYear) {
      members.year = orgs.year = *d.ratingYear;
      for (const auto& r : store::ratedSubjects(db, *d.ratingYear)) {
        if (!visible(r.cellId)) continue;
        DashboardRow row = rowIn(r.cellId);
        row.code = r.code;
        row.name = r.name;
        row.detail = levelDetail(r.level);
        row.counts = goodOrBetter(r.level);
        (r.subjectType == "to_chuc" ? orgs : members).rows.push_back(std::move(row));
      }
    }
    for (DashboardFigure* f : {&members, &orgs}) {
      f->base = int(f->rows.size());
      f->actual = int(std::count_if(f->rows.begin(), f->rows.end(), [](const auto& r) { return r.counts; }));
      if (d.ratingYear)
        judgeShare(*f, targetFor(targets, f == &members ? "dang_vien_tot" : "to_chuc_tot", *d.ratingYear),
                   true);
      else
        f->isShare = true;
      orderRows(f->rows);
    }
    d.figures.push_back(std::move(members));
    d.figures.push_back(std::move(orgs));
  }

  // Village cells with a cell committee on asOf; secretaries in office on asOf trained this year.
  const auto existing = store::organizationsOn(db, asOf);
  {
    DashboardFigure f;
    f.key = "village_committee";
    f.year = d.year;
    for (const auto& o : existing) {
      if (o.category != "ban" || !visible(o.id)) continue;
      DashboardRow r = rowIn(o.id);
      r.code = r.cellCode;
      r.name = r.cellName;
      r.counts = o.cellCommittee;
      r.detail = o.cellCommittee ? tr("has a cell committee") : tr("no cell committee");
      f.rows.push_back(std::move(r));
    }
    f.base = int(f.rows.size());
    f.actual = int(std::count_if(f.rows.begin(), f.rows.end(), [](const auto& r) { return r.counts; }));
    const auto t = targetFor(targets, "chi_bo_ban_co_chi_uy", d.year);
    judgeShare(f, t, t && asOf > *Date::make(t->toYear, 12, 31));
    orderRows(f.rows);
    d.figures.push_back(std::move(f));
  }
  {
    DashboardFigure f;
    f.key = "secretaries_trained";
    f.year = d.year;
    std::map<core::Id, bool> exists;
    for (const auto& o : existing) exists[o.id] = true;
    core::Id last = 0;
    for (const auto& sec : store::secretariesOn(db, asOf, d.year)) {
      if (!exists.count(sec.orgId) || !visible(sec.orgId) || sec.orgId == last) continue;
      last = sec.orgId;  // one secretary a cell: the latest appointed
      DashboardRow r = rowIn(sec.orgId);
      r.code = sec.code;
      r.name = sec.name;
      r.date = sec.trainedOn;
      r.counts = sec.trained;
      r.detail =
          sec.trained ? (sec.course.empty() ? tr("trained") : sec.course) : tr("not trained this year");
      f.rows.push_back(std::move(r));
    }
    f.base = int(f.rows.size());
    f.actual = int(std::count_if(f.rows.begin(), f.rows.end(), [](const auto& r) { return r.counts; }));
    f.isShare = true;
    f.percent = core::percentTenths(f.actual, f.base);
    f.period = std::to_string(d.year);
    if (f.base > 0) {
      f.target = 1000;  // every secretary in office (domain.md): the whole list
      f.progress = f.percent;
      f.status = f.actual == f.base ? FigureStatus::Met
                 : asOf >= yearEnd  ? FigureStatus::Behind
                                    : FigureStatus::OnTrack;
    }
    orderRows(f.rows);
    d.figures.push_back(std::move(f));
  }

  // Deadlines.
  auto place = [&](DashboardDeadline x) {
    if (x.overdueDays > 0)
      d.overdue.push_back(std::move(x));
    else if (-x.overdueDays <= soonDays)
      d.soon.push_back(std::move(x));
  };
  std::map<std::string, core::Id> cellIds;
  for (const auto& [id, c] : cells) cellIds[c.code] = id;
  for (const auto& x : deadlines(s, actor, asOf)) {
    DashboardDeadline dl;
    dl.area = "admission";
    dl.kind = x.kind;
    dl.label = deadlineKindLabel(x.kind);
    dl.subject = rowIn(cellIds.count(x.cellCode) ? cellIds[x.cellCode] : 0);
    dl.subject.code = x.code;
    dl.subject.name = x.name;
    dl.subject.date = x.due;
    dl.subject.detail =
        x.kind == "badge_due" ? core::format(tr("{1} years of party age"), {x.step}) : std::string();
    dl.overdueDays = x.overdueDays;
    place(std::move(dl));
  }
  try {
    for (const auto& x : disciplineDeadlines(s, actor, asOf)) {
      DashboardDeadline dl;
      dl.area = "discipline";
      dl.kind = x.kind;
      dl.label = disciplineLabel(x.kind);
      dl.subject.code = x.subjectCode;
      dl.subject.name = x.subjectName;
      dl.subject.date = x.due;
      dl.subject.detail = x.note;
      dl.overdueDays = x.overdueDays;
      place(std::move(dl));
    }
    d.disciplineShown = true;
  } catch (const core::PermissionError&) {
    d.disciplineShown = false;  // this user does not see the discipline work
  }
  std::stable_sort(d.overdue.begin(), d.overdue.end(),
                   [](const auto& a, const auto& b) { return a.overdueDays > b.overdueDays; });
  std::stable_sort(d.soon.begin(), d.soon.end(),
                   [](const auto& a, const auto& b) { return a.overdueDays > b.overdueDays; });
  return d;
}

}  // namespace dangbo::services
