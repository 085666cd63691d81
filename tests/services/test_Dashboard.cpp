#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "../TestUtil.h"
#include "DemoRegister.h"
#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "services/Admissions.h"
#include "services/CongressReport.h"
#include "services/Dashboard.h"
#include "services/Deadlines.h"
#include "services/Discipline.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;
using services::Dashboard;
using services::DashboardFigure;
using services::FigureStatus;

namespace {

const Actor kOffice = Actor::localOffice();
const core::Date kToday = *core::Date::make(2026, 11, 29);

/// The demo register of seed 1 on 29/11/2026, built once for the file.
services::Services& demo() {
  return test::demoRegister(kToday);
}

const DashboardFigure& figure(const Dashboard& d, const std::string& key) {
  auto it = std::find_if(d.figures.begin(), d.figures.end(), [&](const auto& f) { return f.key == key; });
  REQUIRE(it != d.figures.end());
  return *it;
}

int countRows(const DashboardFigure& f, const std::string& detail) {
  return int(std::count_if(f.rows.begin(), f.rows.end(), [&](const auto& r) { return r.detail == detail; }));
}

}  // namespace

TEST_CASE("dashboard: the year's admissions are the listed admissions, against ket_nap_nam") {
  auto& s = demo();
  const Dashboard d = services::dashboard(s, kOffice, kToday);
  REQUIRE(d.figures.size() == 5);
  CHECK(d.year == 2026);
  std::string seen;
  for (const auto& f : d.figures)
    seen += f.key + " " + std::to_string(f.year) + ": " + std::to_string(f.actual) + "/" +
            std::to_string(f.base) + " target " + (f.target ? std::to_string(*f.target) : "-") + " status " +
            std::to_string(int(f.status)) + "\n";
  seen += "overdue " + std::to_string(d.overdue.size()) + ", soon " + std::to_string(d.soon.size());
  MESSAGE(seen);
  const auto& f = figure(d, "admissions");
  const auto progress = services::admissionProgress(s, kOffice, 2026, kToday);
  CHECK(f.actual == int(f.rows.size()));
  CHECK(f.actual == progress.total);
  CHECK(f.actual > 0);
  int members = 0;
  std::set<std::string> codes;
  for (const auto& r : f.rows) {
    REQUIRE(r.date);
    CHECK(r.date->year() == 2026);
    CHECK(*r.date <= kToday);
    CHECK(!r.cellCode.empty());
    codes.insert(r.code);
    if (r.detail == core::tr("admitted")) {
      ++members;
      // A member of the register, admitted on that day by this committee.
      const auto file = services::memberFile(s, kOffice, r.code);
      CHECK(file.member.admittedOn == r.date);
      CHECK(!file.member.transferredInOn);
    }
  }
  CHECK(codes.size() == f.rows.size());
  CHECK(members == progress.admitted);
  // The overview explains the difference with the admissions report (members only).
  CHECK(f.pending == f.actual - members);
  REQUIRE(f.target);
  CHECK(*f.target == 30);
  CHECK(f.period == "2025-2030");
  CHECK(f.progress == core::percentTenths(f.actual, 30));
  // Met at 30, and otherwise judged against the pace of the year (333 of 365 days gone on 29/11).
  if (f.actual >= 30)
    CHECK(f.status == FigureStatus::Met);
  else
    CHECK(f.status == (f.actual * 365 >= 30 * 333 ? FigureStatus::OnTrack : FigureStatus::Behind));
}

TEST_CASE("dashboard: the shares rated good or better are recounted from the listed ratings") {
  auto& s = demo();
  const Dashboard d = services::dashboard(s, kOffice, kToday);
  REQUIRE(d.ratingYear);
  // The last rating year with a locked round (or an imported one) is not after this year.
  CHECK(*d.ratingYear <= 2026);
  const auto summary = services::ratingSummary(s, kOffice, *d.ratingYear, *d.ratingYear);
  REQUIRE(summary.years.size() == 1);
  CHECK(summary.years[0].roundStatus != "open");
  const std::string excellent = core::enums::ratingLevel.label("HTXSNV");
  const std::string good = core::enums::ratingLevel.label("HTTNV");
  for (const char* key : {"members_good", "cells_good"}) {
    CAPTURE(key);
    const auto& f = figure(d, key);
    const auto& levels =
        std::string(key) == "members_good" ? summary.years[0].members : summary.years[0].organizations;
    CHECK(f.year == *d.ratingYear);
    CHECK(f.base == int(f.rows.size()));
    CHECK(f.base == levels.rated);
    const int recounted = countRows(f, excellent) + countRows(f, good);
    CHECK(f.actual == recounted);
    CHECK(f.actual == levels.htxsnv + levels.httnv);
    CHECK(f.percent == levels.goodOrBetterPercent);
    REQUIRE(f.target);
    CHECK(*f.target == 900);
    CHECK(f.status == (*f.percent >= 900 ? FigureStatus::Met : FigureStatus::Behind));
    // The rows that fall short come first.
    if (!f.rows.empty() && f.actual < f.base) CHECK(!f.rows.front().counts);
  }
}

TEST_CASE("dashboard: village cells with a committee and trained secretaries, row by row") {
  auto& s = demo();
  const Dashboard d = services::dashboard(s, kOffice, kToday);
  const auto congress = services::congressFigures(s, kOffice, *core::Date::make(2026, 1, 1), kToday, kToday);

  const auto& v = figure(d, "village_committee");
  CHECK(v.base == congress.organizations.villageCells);
  CHECK(v.actual == congress.organizations.villageCellsWithCommittee);
  CHECK(v.base - v.actual == countRows(v, core::tr("no cell committee")));
  CHECK(v.actual == countRows(v, core::tr("has a cell committee")));
  CHECK(v.target == 1000);
  CHECK(v.period == "2025-2030");
  CHECK(v.status == (v.actual == v.base ? FigureStatus::Met : FigureStatus::OnTrack));
  std::map<std::string, core::Organization> orgs;
  for (auto& o : s.organizations(kOffice)) orgs[o.code] = o;
  for (const auto& r : v.rows) {
    REQUIRE(orgs.count(r.code));
    CHECK(orgs[r.code].category == "ban");
    CHECK(orgs[r.code].hasCommittee == r.counts);
  }

  const auto& t = figure(d, "secretaries_trained");
  CHECK(t.base == int(t.rows.size()));
  CHECK(t.base > 0);
  std::set<std::string> cellsSeen;
  int trained = 0;
  for (const auto& r : t.rows) {
    CHECK(cellsSeen.insert(r.cellCode).second);  // one secretary a cell
    const auto file = services::memberFile(s, kOffice, r.code);
    const bool has = std::any_of(file.trainings.begin(), file.trainings.end(),
                                 [](const core::Training& x) { return x.year == 2026; });
    CHECK(has == r.counts);
    if (has) ++trained;
    // The member is the cell's secretary today.
    bool secretaryNow = false;
    for (const auto& l : services::cellLeaders(s, kOffice, r.cellCode))
      if (l.role == "bi_thu" && l.memberId == file.member.id && l.from <= kToday && (!l.to || *l.to > kToday))
        secretaryNow = true;
    CHECK(secretaryNow);
  }
  CHECK(t.actual == trained);
  CHECK(t.percent == core::percentTenths(trained, t.base));
}

TEST_CASE("dashboard: overdue and soon-due deadlines of admissions and discipline") {
  auto& s = demo();
  const Dashboard d = services::dashboard(s, kOffice, kToday, 30);
  CHECK(d.disciplineShown);
  int overdue = 0, soon = 0;
  for (const auto& x : services::deadlines(s, kOffice, kToday)) {
    if (x.overdueDays > 0)
      ++overdue;
    else if (x.overdueDays >= -30)
      ++soon;
  }
  for (const auto& x : services::disciplineDeadlines(s, kOffice, kToday)) {
    if (x.overdueDays > 0)
      ++overdue;
    else if (x.overdueDays >= -30)
      ++soon;
  }
  CHECK(int(d.overdue.size()) == overdue);
  CHECK(int(d.soon.size()) == soon);
  CHECK(overdue > 0);
  for (size_t i = 0; i < d.overdue.size(); ++i) {
    CHECK(d.overdue[i].overdueDays > 0);
    REQUIRE(d.overdue[i].subject.date);
    CHECK(d.overdue[i].subject.date->serial() + d.overdue[i].overdueDays == kToday.serial());
    if (i) CHECK(d.overdue[i - 1].overdueDays >= d.overdue[i].overdueDays);  // the longest overdue first
  }
  for (size_t i = 1; i < d.soon.size(); ++i) CHECK(*d.soon[i - 1].subject.date <= *d.soon[i].subject.date);
  // A narrower window keeps fewer of the coming ones and the same overdue ones.
  const Dashboard narrow = services::dashboard(s, kOffice, kToday, 0);
  CHECK(narrow.overdue.size() == d.overdue.size());
  CHECK(narrow.soon.size() <= d.soon.size());
}

TEST_CASE("dashboard: a cell secretary sees their cell only, without the committee's targets") {
  auto& s = demo();
  const auto orgs = s.organizations(kOffice);
  const auto cell = std::find_if(orgs.begin(), orgs.end(), [](const auto& o) { return o.category == "ban"; });
  REQUIRE(cell != orgs.end());
  const Actor secretary{"bt", "secretary", cell->id};
  const Dashboard d = services::dashboard(s, secretary, kToday);
  CHECK_FALSE(d.disciplineShown);
  for (const auto& f : d.figures)
    for (const auto& r : f.rows) CHECK(r.cellCode == cell->code);
  const auto& a = figure(d, "admissions");
  CHECK_FALSE(a.target);
  CHECK(a.status == FigureStatus::NoTarget);
  const auto& v = figure(d, "village_committee");
  CHECK(v.base == 1);
  for (const auto& x : d.overdue) CHECK(x.subject.cellCode == cell->code);
  CHECK_THROWS_AS(services::dashboard(s, Actor{"x", "nobody", std::nullopt}, kToday), core::PermissionError);
}
