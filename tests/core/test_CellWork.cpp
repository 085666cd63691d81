#include <doctest/doctest.h>

#include "core/CellWork.h"

using namespace dangbo::core;

namespace {
Date d(const char* s) {
  return *Date::parse(s);
}
YearMonth ym(const char* s) {
  return *YearMonth::parse(s);
}

RuleValue rv(const char* key, const char* from, const char* value) {
  return {key, d(from), value, "", ""};
}

// The values of the migrations: 342-QĐ/TW before 1/2/2026, 01-QĐ/TW from then; no pupils' amount before.
RuleBook book(const char* rounding = "1") {
  return RuleBook(
      {rv("dues.salary_percent", "2000-01-01", "1"), rv("dues.salary_percent", "2026-02-01", "1"),
       rv("dues.pension_percent", "2000-01-01", "0.5"), rv("dues.pension_percent", "2026-02-01", "0.5"),
       rv("dues.student_vnd", "2026-02-01", "5000"), rv("dues.exempt_party_years", "2026-02-01", "50"),
       rv("dues.rounding_vnd", "2000-01-01", rounding), rv("meetings.regular_per_month", "2018-01-01", "1"),
       rv("meetings.thematic_per_quarter", "2018-01-01", "1")});
}

DuesBasis basis(const char* from, const char* category, std::optional<int64_t> base,
                const char* relief = "") {
  return {ym(from), category, base, relief, ""};
}

std::optional<int64_t> due(const std::vector<DuesBasis>& b, const char* month, const RuleBook& r = book(),
                           std::optional<Date> admitted = std::nullopt) {
  return duesDue(b, ym(month), admitted, r).due;
}
}  // namespace

TEST_CASE("year-month: parsing, forms and arithmetic") {
  CHECK(ym("02/2026") == YearMonth{2026, 2});
  CHECK(ym("2/2026") == YearMonth{2026, 2});
  CHECK(ym("2026-02") == YearMonth{2026, 2});
  CHECK_FALSE(YearMonth::parse("13/2026"));
  CHECK_FALSE(YearMonth::parse("2026-2"));
  CHECK_FALSE(YearMonth::parse("02/26"));
  CHECK(ym("12/2025").plus(1) == YearMonth{2026, 1});
  CHECK(ym("01/2026").plus(-1) == YearMonth{2025, 12});
  CHECK(ym("02/2024").last() == d("2024-02-29"));
  CHECK(ym("02/2026").vn() == "02/2026");
  CHECK(ym("02/2026").iso() == "2026-02");
}

TEST_CASE("dues: 1% of the salary, 0,5% of a pension, pupils a fixed amount") {
  CHECK(due({basis("01/2026", "bhxh", 6000000)}, "03/2026") == 60000);
  CHECK(due({basis("01/2026", "huu_tri", 4200000)}, "03/2026") == 21000);
  CHECK(due({basis("01/2026", "hoc_sinh", std::nullopt)}, "03/2026") == 5000);
  // No basis at all: no amount (check names it dues_basis_missing).
  CHECK_FALSE(due({}, "03/2026"));
  CHECK_FALSE(due({basis("04/2026", "bhxh", 6000000)}, "03/2026"));
  // A salaried member without the salary recorded: no amount.
  CHECK_FALSE(due({basis("01/2026", "bhxh", std::nullopt)}, "03/2026"));
}

TEST_CASE("dues: 342-QĐ/TW before 1/2/2026 and 01-QĐ/TW from then") {
  std::vector<DuesBasis> pupil{basis("09/2025", "hoc_sinh", std::nullopt)};
  // The pupils' amount before 2/2026 is a setting our sources do not give: none, and the rule is named.
  auto jan = duesDue(pupil, ym("01/2026"), std::nullopt, book());
  CHECK_FALSE(jan.due);
  CHECK(jan.missingRule == "dues.student_vnd");
  CHECK(due(pupil, "02/2026") == 5000);
  // A rate that changes on 1/2/2026 (a later 342 value unlike 01's) applies by the month's first day.
  RuleBook changed(
      {rv("dues.salary_percent", "2000-01-01", "1.5"), rv("dues.salary_percent", "2026-02-01", "1")});
  std::vector<DuesBasis> salaried{basis("01/2020", "bhxh", 5000000)};
  CHECK(due(salaried, "01/2026", changed) == 75000);
  CHECK(due(salaried, "02/2026", changed) == 50000);
  // Other members: the office's amount; none until entered.
  std::vector<DuesBasis> other{basis("01/2026", "khac", std::nullopt)};
  CHECK_FALSE(due(other, "03/2026"));
  RuleBook withOther({rv("dues.other_vnd", "2026-02-01", "10000")});
  CHECK(due(other, "03/2026", withOther) == 10000);
}

TEST_CASE("dues: a basis change in the middle of the year applies from its month") {
  std::vector<DuesBasis> b{basis("01/2026", "bhxh", 5000000), basis("07/2026", "bhxh", 5600000),
                           basis("10/2026", "huu_tri", 5600000)};
  CHECK(due(b, "06/2026") == 50000);
  CHECK(due(b, "07/2026") == 56000);
  CHECK(due(b, "09/2026") == 56000);
  CHECK(due(b, "10/2026") == 28000);
}

TEST_CASE("dues: an exemption decision of 12 months, then the full amount again") {
  std::vector<DuesBasis> b{basis("01/2026", "bhxh", 6000000), basis("03/2026", "bhxh", 6000000, "mien"),
                           basis("03/2027", "bhxh", 6000000)};
  auto feb = duesDue(b, ym("02/2026"), std::nullopt, book());
  CHECK(feb.due == 60000);
  CHECK_FALSE(feb.exempt);
  auto mar = duesDue(b, ym("03/2026"), std::nullopt, book());
  CHECK(mar.exempt);
  CHECK(mar.due == 0);
  CHECK(duesDue(b, ym("02/2027"), std::nullopt, book()).exempt);
  CHECK(due(b, "03/2027") == 60000);
}

TEST_CASE("dues: exempt from the month party age reaches 50 years") {
  std::vector<DuesBasis> b{basis("01/2026", "huu_tri", 4000000)};
  const Date admitted = d("1976-05-19");
  CHECK(due(b, "04/2026", book(), admitted) == 20000);
  auto may = duesDue(b, ym("05/2026"), admitted, book());
  CHECK(may.exempt);  // 19/5/2026 is on or before 31/5
  CHECK(may.due == 0);
  CHECK(duesDue(b, ym("12/2026"), admitted, book()).exempt);
  // Admitted on the last day of a month: that month is already exempt fifty years on.
  CHECK(duesDue(b, ym("05/2026"), d("1976-05-31"), book()).exempt);
  CHECK_FALSE(duesDue(b, ym("05/2026"), d("1976-06-01"), book()).exempt);
  // Before 01-QĐ/TW gives the rule a value on 1/2/2026 there is no exemption by party age in this book.
  CHECK(due(b, "01/2026", book(), d("1970-01-01")) == 20000);
  CHECK(duesDue(b, ym("02/2026"), d("1970-01-01"), book()).exempt);
}

TEST_CASE("dues: a reduction applies for at most 12 months from its basis row") {
  std::vector<DuesBasis> b{basis("03/2026", "bhxh", 6000000, "giam50")};
  auto mar = duesDue(b, ym("03/2026"), std::nullopt, book());
  CHECK(mar.due == 30000);
  CHECK(mar.reducedPercent == 50);
  CHECK(due(b, "02/2027") == 30000);
  CHECK(due(b, "03/2027") == 60000);  // the 13th month: full amount
  CHECK(due({basis("03/2026", "bhxh", 6000000, "giam30")}, "03/2026") == 42000);
  CHECK(due({basis("03/2026", "bhxh", 6000000, "giam70")}, "03/2026") == 18000);
  CHECK(due({basis("03/2026", "hoc_sinh", std::nullopt, "giam70")}, "03/2026") == 1500);
  // The next basis row ends a reduction early.
  std::vector<DuesBasis> ended{basis("03/2026", "bhxh", 6000000, "giam50"),
                               basis("06/2026", "bhxh", 6000000)};
  CHECK(due(ended, "05/2026") == 30000);
  CHECK(due(ended, "06/2026") == 60000);
}

TEST_CASE("dues: rounding to the office's setting, half up") {
  std::vector<DuesBasis> b{basis("01/2026", "bhxh", 4321500)};
  CHECK(due(b, "03/2026") == 43215);
  CHECK(due(b, "03/2026", book("1000")) == 43000);
  CHECK(due({basis("01/2026", "bhxh", 4350000)}, "03/2026", book("1000")) == 44000);
  // 0,5% of 3.333.333 = 16.666,665: whole đồng, half up.
  CHECK(due({basis("01/2026", "huu_tri", 3333333)}, "03/2026") == 16667);
  CHECK(due({basis("01/2026", "huu_tri", 3333300)}, "03/2026") == 16667);  // 16.666,5
  CHECK(due({basis("01/2026", "huu_tri", 3333200)}, "03/2026") == 16666);
  CHECK(percentOf(1000000, "0.125") == 1250);
  CHECK_FALSE(percentOf(1000000, "abc"));
  CHECK_FALSE(percentOf(1000000, "0,5"));
}

TEST_CASE("dues: the months that ground a removal, a temporary leave and late payments") {
  auto month = [](const char* m, int64_t due, int64_t paid, bool leave = false) {
    DuesMonthState s;
    s.month = ym(m);
    s.due.due = due;
    s.paid = paid;
    s.owed = due > paid ? due - paid : 0;
    s.onLeave = leave;
    return s;
  };
  std::vector<DuesMonthState> months{month("01/2026", 60000, 0),     month("02/2026", 60000, 60000),
                                     month("03/2026", 60000, 30000), month("04/2026", 60000, 0, true),
                                     month("05/2026", 0, 0),         month("06/2026", 60000, 0),
                                     month("12/2025", 60000, 0)};
  // Owed during the leave, but the leave month does not count; an exempt month (due 0) neither.
  auto g = duesGroundMonths(months, 2026, d("2026-06-30"));
  REQUIRE(g.size() == 3);
  CHECK(g[0] == ym("01/2026"));
  CHECK(g[1] == ym("03/2026"));
  CHECK(g[2] == ym("06/2026"));
  // June is past only on its last day.
  CHECK(duesGroundMonths(months, 2026, d("2026-06-29")).size() == 2);
  // A month without an amount (a setting not entered) never counts.
  DuesMonthState unknown;
  unknown.month = ym("07/2026");
  unknown.owed = 0;
  months.push_back(unknown);
  CHECK(duesGroundMonths(months, 2026, d("2026-12-31")).size() == 3);
  CHECK(duesGroundMonths(months, 2025, d("2026-12-31")).size() == 1);
}

TEST_CASE("attendance rate: present over expected, one decimal, half up") {
  CHECK(attendanceRateTenths(12, 13) == 923);
  CHECK(attendanceRateTenths(2, 3) == 667);
  CHECK(attendanceRateTenths(13, 13) == 1000);
  CHECK(attendanceRateTenths(0, 5) == 0);
  CHECK(attendanceRateTenths(17, 20) == 850);
  CHECK_FALSE(attendanceRateTenths(0, 0));
  CHECK(meetingMinutes("19:30", "21:00") == 90);
  CHECK(meetingMinutes("8:00", "9:15") == 75);
  CHECK_FALSE(meetingMinutes("21:00", "19:30"));
  CHECK_FALSE(meetingMinutes("", "19:30"));
  CHECK_FALSE(meetingMinutes("25:00", "26:00"));
}

TEST_CASE("meetings: months without a regular meeting and quarters without a thematic one") {
  std::vector<MeetingSeen> m{{d("2026-02-24"), "thuong_ky"},  {d("2026-03-24"), "thuong_ky"},
                             {d("2026-05-24"), "thuong_ky"},  {d("2026-05-10"), "chuyen_de"},
                             {d("2026-06-24"), "bat_thuong"}, {d("2026-08-24"), "thuong_ky"}};
  auto missing = monthsMissingMeeting(m, d("2026-08-31"), book());
  REQUIRE(missing.size() == 3);
  CHECK(missing[0] == ym("04/2026"));
  CHECK(missing[1] == ym("06/2026"));  // an extraordinary meeting is not the regular one
  CHECK(missing[2] == ym("07/2026"));
  // August is not past before its last day; counting starts at February, the first recorded meeting.
  CHECK(monthsMissingMeeting(m, d("2026-08-30"), book()).size() == 3);
  CHECK(monthsMissingMeeting(m, d("2026-07-30"), book()).size() == 2);
  CHECK(monthsMissingMeeting({}, d("2026-12-31"), book()).empty());
  // Quarters: Q1 2026 is not whole after the first meeting (February), so counting starts with Q2, which had
  // one; Q3 had none.
  auto q = quartersMissingThematic(m, d("2026-09-30"), book());
  REQUIRE(q.size() == 1);
  CHECK(q[0] == ym("07/2026"));
  CHECK(quartersMissingThematic(m, d("2026-09-29"), book()).empty());
  std::vector<MeetingSeen> fromJanuary{{d("2026-01-24"), "thuong_ky"}};
  auto q1 = quartersMissingThematic(fromJanuary, d("2026-03-31"), book());
  REQUIRE(q1.size() == 1);
  CHECK(q1[0] == ym("01/2026"));
}

TEST_CASE("absences: distinct months with an unexcused absence, by calendar year") {
  std::vector<AttendanceSeen> a{{d("2026-01-24"), "vang_khong_ly_do"}, {d("2026-01-30"), "vang_khong_ly_do"},
                                {d("2026-02-24"), "vang_co_ly_do"},    {d("2026-03-24"), "vang_khong_ly_do"},
                                {d("2026-04-24"), "co_mat"},           {d("2026-06-24"), "vang_khong_ly_do"},
                                {d("2025-12-24"), "vang_khong_ly_do"}};
  auto m = unexcusedAbsenceMonths(a);
  REQUIRE(m[2026].size() == 3);
  CHECK(m[2026][0] == ym("01/2026"));
  CHECK(m[2026][1] == ym("03/2026"));
  CHECK(m[2026][2] == ym("06/2026"));
  CHECK(m[2025].size() == 1);
}
