#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/WorkCalendar.h"
#include "exchange/HolidayFile.h"

using dangbo::core::Date;
using dangbo::core::WorkCalendar;
using Kind = dangbo::core::WorkCalendar::Kind;

namespace {

Date D(int y, int m, int d) {
  return Date::make(y, m, d).value();
}

// The rows of data/holidays_vn.csv for 2024-2026, copied verbatim.
constexpr const char* kHolidays2024to2026 = R"csv(date,kind,name
2024-01-01,holiday,Tết Dương lịch
2024-02-08,holiday,Tết Nguyên Đán Giáp Thìn (kỳ nghỉ 08/02–14/02/2024)
2024-02-09,holiday,Tết Nguyên Đán Giáp Thìn (kỳ nghỉ 08/02–14/02/2024)
2024-02-10,holiday,Tết Nguyên Đán Giáp Thìn (kỳ nghỉ 08/02–14/02/2024)
2024-02-11,holiday,Tết Nguyên Đán Giáp Thìn (kỳ nghỉ 08/02–14/02/2024)
2024-02-12,holiday,Tết Nguyên Đán Giáp Thìn (kỳ nghỉ 08/02–14/02/2024)
2024-02-13,compensatory_off,"Nghỉ bù Tết Nguyên Đán (mùng 1, mùng 2 trùng thứ Bảy, Chủ nhật)"
2024-02-14,compensatory_off,"Nghỉ bù Tết Nguyên Đán (mùng 1, mùng 2 trùng thứ Bảy, Chủ nhật)"
2024-04-18,holiday,Giỗ Tổ Hùng Vương (10/3 âm lịch)
2024-04-29,compensatory_off,Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024) – kỳ nghỉ 27/4–01/5/2024
2024-04-30,holiday,"Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)"
2024-05-01,holiday,Ngày Quốc tế Lao động
2024-05-04,working_swap,Làm bù cho ngày nghỉ hoán đổi thứ Hai 29/4/2024
2024-09-02,holiday,Quốc khánh
2024-09-03,holiday,Quốc khánh (ngày liền kề)
2025-01-01,holiday,Tết Dương lịch
2025-01-27,holiday,Tết Nguyên Đán Ất Tỵ (kỳ nghỉ 25/01–02/02/2025)
2025-01-28,holiday,Tết Nguyên Đán Ất Tỵ (kỳ nghỉ 25/01–02/02/2025)
2025-01-29,holiday,Tết Nguyên Đán Ất Tỵ (kỳ nghỉ 25/01–02/02/2025)
2025-01-30,holiday,Tết Nguyên Đán Ất Tỵ (kỳ nghỉ 25/01–02/02/2025)
2025-01-31,holiday,Tết Nguyên Đán Ất Tỵ (kỳ nghỉ 25/01–02/02/2025)
2025-04-07,holiday,Giỗ Tổ Hùng Vương (10/3 âm lịch)
2025-04-26,working_swap,Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/5/2025
2025-04-30,holiday,"Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)"
2025-05-01,holiday,Ngày Quốc tế Lao động
2025-05-02,compensatory_off,Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025) – kỳ nghỉ 30/4–04/5/2025
2025-09-01,holiday,Quốc khánh (ngày liền kề)
2025-09-02,holiday,Quốc khánh
2026-01-01,holiday,Tết Dương lịch
2026-01-02,compensatory_off,Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026) – kỳ nghỉ 01/01–04/01/2026
2026-01-10,working_swap,Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/01/2026
2026-02-16,holiday,Tết Nguyên Đán Bính Ngọ (kỳ nghỉ 14/02–22/02/2026)
2026-02-17,holiday,Tết Nguyên Đán Bính Ngọ (kỳ nghỉ 14/02–22/02/2026)
2026-02-18,holiday,Tết Nguyên Đán Bính Ngọ (kỳ nghỉ 14/02–22/02/2026)
2026-02-19,holiday,Tết Nguyên Đán Bính Ngọ (kỳ nghỉ 14/02–22/02/2026)
2026-02-20,holiday,Tết Nguyên Đán Bính Ngọ (kỳ nghỉ 14/02–22/02/2026)
2026-04-26,holiday,Giỗ Tổ Hùng Vương (10/3 âm lịch)
2026-04-27,compensatory_off,Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)
2026-04-30,holiday,"Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)"
2026-05-01,holiday,Ngày Quốc tế Lao động
2026-08-22,working_swap,Làm bù cho ngày nghỉ hoán đổi thứ Hai 31/8/2026
2026-08-31,compensatory_off,Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026) – kỳ nghỉ 29/8–02/9/2026
2026-09-01,holiday,Quốc khánh (ngày liền kề)
2026-09-02,holiday,Quốc khánh
)csv";

WorkCalendar embedded() {
  return WorkCalendar(dangbo::exchange::parseHolidayCsv(kHolidays2024to2026, "embedded"));
}

// Working days counted one by one, as the data README describes (reference for the fast count).
int slowCount(const WorkCalendar& cal, const Date& from, const Date& to) {
  int n = 0;
  for (Date d = from.addDays(1); d <= to; d = d.addDays(1))
    if (cal.isWorkingDay(d)) ++n;
  return n;
}

int workingDaysInYear(const WorkCalendar& cal, int y) {
  return cal.workingDaysBetween(D(y - 1, 12, 31), D(y, 12, 31));
}

// Checks the fast count and addWorkingDays against day-by-day counting over [first, last]; returns the
// mismatches.
int crossCheck(const WorkCalendar& cal, const Date& first, const Date& last) {
  int bad = 0;
  for (Date a = first; a <= last; a = a.addDays(5)) {
    for (int len : {0, 1, 2, 3, 6, 7, 8, 13, 30, 45, 90, 200, 400}) {
      const Date b = a.addDays(len);
      const int expected = slowCount(cal, a, b);
      if (cal.workingDaysBetween(a, b) != expected) ++bad;
      if (cal.workingDaysBetween(b, a) != -expected) ++bad;
    }
    for (int n : {0, 1, 2, 5, 10, 30, 60}) {
      const Date r = cal.addWorkingDays(a, n);
      if (cal.workingDaysBetween(a, r) != n) ++bad;
      if (n > 0 && !cal.isWorkingDay(r)) ++bad;
      if (n > 0 && cal.workingDaysBetween(a, r.addDays(-1)) != n - 1) ++bad;
      const Date back = cal.addWorkingDays(a, -n);
      // Going back: `back` is a working day and [back, a) holds exactly n working days.
      if (cal.workingDaysBetween(back.addDays(-1), a.addDays(-1)) != (n > 0 ? n : 0)) ++bad;
      if (n > 0 && !cal.isWorkingDay(back)) ++bad;
      if (n == 0 && back != a) ++bad;
    }
  }
  return bad;
}

}  // namespace

TEST_CASE("WorkCalendar: kind codes") {
  CHECK(WorkCalendar::kindFromCode("holiday") == Kind::Holiday);
  CHECK(WorkCalendar::kindFromCode("compensatory_off") == Kind::CompensatoryOff);
  CHECK(WorkCalendar::kindFromCode("working_swap") == Kind::WorkingSwap);
  CHECK_FALSE(WorkCalendar::kindFromCode("Holiday").has_value());
  CHECK_FALSE(WorkCalendar::kindFromCode("").has_value());
  for (Kind k : {Kind::Holiday, Kind::CompensatoryOff, Kind::WorkingSwap})
    CHECK(WorkCalendar::kindFromCode(WorkCalendar::kindCode(k)) == k);
  CHECK(WorkCalendar::kindCode(Kind::CompensatoryOff) == "compensatory_off");
}

TEST_CASE("WorkCalendar: an empty calendar works Monday to Friday") {
  const WorkCalendar cal;
  CHECK(cal.entries().empty());
  CHECK(cal.isWorkingDay(D(2024, 2, 12)));        // Monday
  CHECK(cal.isWorkingDay(D(2024, 2, 16)));        // Friday
  CHECK_FALSE(cal.isWorkingDay(D(2024, 2, 17)));  // Saturday
  CHECK_FALSE(cal.isWorkingDay(D(2024, 2, 18)));  // Sunday
  CHECK(cal.addWorkingDays(D(2024, 2, 16), 1) == D(2024, 2, 19));
  CHECK(cal.addWorkingDays(D(2024, 2, 17), 1) == D(2024, 2, 19));
  CHECK(cal.addWorkingDays(D(2024, 2, 12), 5) == D(2024, 2, 19));
  CHECK(cal.addWorkingDays(D(2024, 2, 17), 0) == D(2024, 2, 17));
  CHECK(cal.addWorkingDays(D(2024, 2, 19), -1) == D(2024, 2, 16));
  CHECK(cal.workingDaysBetween(D(2024, 2, 11), D(2024, 2, 18)) == 5);
  CHECK(cal.workingDaysBetween(D(2024, 2, 12), D(2024, 2, 12)) == 0);
  CHECK(cal.workingDaysBetween(D(2024, 2, 18), D(2024, 2, 11)) == -5);
  CHECK(workingDaysInYear(cal, 2024) == 262);
  // Across 1970-01-01 and far from it (the fast count uses floor arithmetic).
  CHECK(crossCheck(cal, D(1969, 11, 1), D(1970, 3, 1)) == 0);
  CHECK(crossCheck(cal, D(1800, 1, 1), D(1800, 3, 1)) == 0);
  CHECK(crossCheck(cal, D(2199, 1, 1), D(2199, 3, 1)) == 0);
  CHECK(cal.workingDaysBetween(D(1800, 1, 1), D(2200, 12, 31)) ==
        slowCount(cal, D(1800, 1, 1), D(2200, 12, 31)));
}

TEST_CASE("WorkCalendar: add, replace, find, remove and sorting") {
  WorkCalendar cal({{D(2025, 5, 2), Kind::CompensatoryOff, "b"},
                    {D(2025, 4, 26), Kind::WorkingSwap, "a"},
                    {D(2025, 5, 2), Kind::Holiday, "c"}});
  REQUIRE(cal.entries().size() == 2);
  CHECK(cal.entries()[0].date == D(2025, 4, 26));
  CHECK(cal.entries()[1].name == "c");  // the later entry for the same date wins
  cal.add({D(2025, 5, 1), Kind::Holiday, "Ngày Quốc tế Lao động"});
  cal.add({D(2025, 4, 26), Kind::Holiday, "replaced"});
  REQUIRE(cal.entries().size() == 3);
  CHECK(cal.entries()[0].date == D(2025, 4, 26));
  CHECK(cal.entries()[0].kind == Kind::Holiday);
  CHECK(cal.entries()[1].date == D(2025, 5, 1));
  CHECK(cal.entries()[2].date == D(2025, 5, 2));
  CHECK_FALSE(cal.isWorkingDay(D(2025, 4, 26)));
  REQUIRE(cal.find(D(2025, 5, 1)) != nullptr);
  CHECK(cal.find(D(2025, 5, 1))->name == "Ngày Quốc tế Lao động");
  CHECK(cal.find(D(2025, 5, 5)) == nullptr);
  CHECK(cal.remove(D(2025, 5, 1)));
  CHECK_FALSE(cal.remove(D(2025, 5, 1)));
  CHECK(cal.isWorkingDay(D(2025, 5, 1)));
  CHECK(cal.entries().size() == 2);
}

TEST_CASE("WorkCalendar: every kind on weekdays and weekends") {
  // A working_swap on a weekday is still one working day; a holiday on a Sunday removes nothing.
  const WorkCalendar cal({{D(2025, 3, 5), Kind::WorkingSwap, "Wednesday swap"},
                          {D(2025, 3, 8), Kind::WorkingSwap, "Saturday swap"},
                          {D(2025, 3, 9), Kind::Holiday, "Sunday holiday"},
                          {D(2025, 3, 10), Kind::CompensatoryOff, "Monday off"},
                          {D(2025, 3, 15), Kind::CompensatoryOff, "Saturday off"},
                          {D(2025, 3, 19), Kind::Holiday, "Wednesday holiday"}});
  CHECK(cal.isWorkingDay(D(2025, 3, 5)));
  CHECK(cal.isWorkingDay(D(2025, 3, 8)));
  CHECK_FALSE(cal.isWorkingDay(D(2025, 3, 9)));
  CHECK_FALSE(cal.isWorkingDay(D(2025, 3, 10)));
  CHECK_FALSE(cal.isWorkingDay(D(2025, 3, 15)));
  CHECK_FALSE(cal.isWorkingDay(D(2025, 3, 19)));
  // March 2025 has 21 weekdays; +1 Saturday swap, -1 Monday off, -1 Wednesday holiday.
  CHECK(cal.workingDaysBetween(D(2025, 2, 28), D(2025, 3, 31)) == 20);
  CHECK(cal.workingDaysBetween(D(2025, 3, 4), D(2025, 3, 5)) == 1);
  CHECK(crossCheck(cal, D(2025, 1, 1), D(2025, 4, 30)) == 0);
}

TEST_CASE("WorkCalendar: real days off 2024-2026 (embedded rows of holidays_vn.csv)") {
  const WorkCalendar cal = embedded();
  REQUIRE(cal.entries().size() == 44);

  // Tết Giáp Thìn: 08/02 (Thursday) to 14/02 (Wednesday) 2024 are all off.
  CHECK(cal.isWorkingDay(D(2024, 2, 7)));
  for (int d = 8; d <= 14; ++d) CHECK_FALSE(cal.isWorkingDay(D(2024, 2, d)));
  CHECK(cal.isWorkingDay(D(2024, 2, 15)));
  CHECK(cal.addWorkingDays(D(2024, 2, 7), 1) == D(2024, 2, 15));
  CHECK(cal.workingDaysBetween(D(2024, 2, 7), D(2024, 2, 15)) == 1);
  CHECK(cal.workingDaysBetween(D(2024, 1, 31), D(2024, 2, 29)) == 16);   // February 2024
  CHECK(cal.workingDaysBetween(D(2023, 12, 31), D(2024, 3, 31)) == 59);  // Q1 2024

  // 2024: Monday 29/04 off, swapped with Saturday 04/05.
  CHECK_FALSE(cal.isWorkingDay(D(2024, 4, 29)));
  CHECK(cal.isWorkingDay(D(2024, 5, 4)));
  CHECK_FALSE(cal.isWorkingDay(D(2024, 5, 5)));
  CHECK(cal.addWorkingDays(D(2024, 4, 26), 2) == D(2024, 5, 3));

  // 2025: Friday 02/05 off, Saturday 26/04 working.
  CHECK_FALSE(cal.isWorkingDay(D(2025, 5, 2)));
  CHECK(cal.isWorkingDay(D(2025, 4, 26)));
  CHECK_FALSE(cal.isWorkingDay(D(2025, 4, 27)));
  CHECK(cal.addWorkingDays(D(2025, 4, 25), 1) == D(2025, 4, 26));
  CHECK(cal.addWorkingDays(D(2025, 4, 29), 3) == D(2025, 5, 7));
  CHECK(cal.workingDaysBetween(D(2025, 4, 25), D(2025, 5, 4)) == 3);  // 26/04, 28/04, 29/04
  CHECK(cal.addWorkingDays(D(2025, 5, 7), -3) == D(2025, 4, 29));

  // 2026: Saturday 10/01 working (for Friday 02/01); Tết Bính Ngọ 16-20/02 off.
  CHECK(cal.isWorkingDay(D(2026, 1, 10)));
  CHECK_FALSE(cal.isWorkingDay(D(2026, 1, 2)));
  CHECK(cal.addWorkingDays(D(2026, 1, 1), 5) == D(2026, 1, 9));
  CHECK(cal.addWorkingDays(D(2026, 2, 13), 1) == D(2026, 2, 23));
  CHECK(cal.isWorkingDay(D(2026, 8, 22)));
  CHECK_FALSE(cal.isWorkingDay(D(2026, 8, 31)));

  // 60 working days spanning Tết.
  CHECK(cal.addWorkingDays(D(2024, 1, 15), 60) == D(2024, 4, 15));
  CHECK(cal.addWorkingDays(D(2024, 2, 7), 60) == D(2024, 5, 13));
  CHECK(cal.addWorkingDays(D(2025, 1, 20), 60) == D(2025, 4, 22));
  CHECK(cal.addWorkingDays(D(2026, 2, 10), 30) == D(2026, 3, 31));
  CHECK(cal.workingDaysBetween(D(2024, 1, 15), D(2024, 4, 15)) == 60);
  CHECK(cal.workingDaysBetween(D(2024, 4, 15), D(2024, 1, 15)) == -60);

  // Whole years.
  CHECK(workingDaysInYear(cal, 2024) == 251);
  CHECK(workingDaysInYear(cal, 2025) == 250);
  CHECK(workingDaysInYear(cal, 2026) == 250);

  CHECK(crossCheck(cal, D(2023, 11, 1), D(2027, 1, 31)) == 0);
}

TEST_CASE("WorkCalendar: the whole data/holidays_vn.csv") {
#ifndef DANGBO_SHARED_DATA_DIR
  MESSAGE("DANGBO_SHARED_DATA_DIR is not defined: skipping the test on data/holidays_vn.csv");
#else
  const std::string path = std::string(DANGBO_SHARED_DATA_DIR) + "/holidays_vn.csv";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    MESSAGE("cannot open " << path << ": skipping");
    return;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const auto cal =
      std::optional<WorkCalendar>(WorkCalendar(dangbo::exchange::parseHolidayCsv(ss.str(), path)));
  CHECK(cal->entries().size() == 102);

  // Every year 2020-2026, counted from the file.
  CHECK(workingDaysInYear(*cal, 2020) == 252);
  CHECK(workingDaysInYear(*cal, 2021) == 250);
  CHECK(workingDaysInYear(*cal, 2022) == 249);
  CHECK(workingDaysInYear(*cal, 2023) == 249);
  CHECK(workingDaysInYear(*cal, 2024) == 251);
  CHECK(workingDaysInYear(*cal, 2025) == 250);
  CHECK(workingDaysInYear(*cal, 2026) == 250);

  // The embedded subset agrees with the file.
  const WorkCalendar sub = embedded();
  for (const auto& e : sub.entries()) {
    const auto* f = cal->find(e.date);
    REQUIRE(f != nullptr);
    CHECK(*f == e);
  }

  // Tết 2020 (23/01-29/01, nghỉ bù 28-29/01) and 2023 (20/01-26/01).
  for (int d = 23; d <= 29; ++d) CHECK_FALSE(cal->isWorkingDay(D(2020, 1, d)));
  CHECK(cal->isWorkingDay(D(2020, 1, 30)));
  CHECK(cal->addWorkingDays(D(2023, 1, 19), 1) == D(2023, 1, 27));
  CHECK(cal->addWorkingDays(D(2023, 12, 29), 1) == D(2024, 1, 2));

  CHECK(crossCheck(*cal, D(2019, 11, 1), D(2027, 1, 31)) == 0);
#endif
}
