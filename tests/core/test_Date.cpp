#include <doctest/doctest.h>

#include "core/Date.h"

using dangbo::core::completedMonths;
using dangbo::core::completedYears;
using dangbo::core::Date;
using dangbo::core::PartialDate;

namespace {
Date D(int y, int m, int d) {
  return Date::make(y, m, d).value();
}
}  // namespace

TEST_CASE("Date: default, accessors and formatting") {
  Date d;
  CHECK(d.year() == 1970);
  CHECK(d.month() == 1);
  CHECK(d.day() == 1);
  CHECK(d.serial() == 0);
  CHECK(d.iso() == "1970-01-01");
  CHECK(d.vn() == "01/01/1970");
  const Date e = D(2024, 12, 31);
  CHECK(e.iso() == "2024-12-31");
  CHECK(e.vn() == "31/12/2024");
  CHECK(D(1800, 3, 5).vn() == "05/03/1800");
}

TEST_CASE("Date: leap years and month lengths") {
  CHECK_FALSE(Date::isLeap(1900));
  CHECK(Date::isLeap(2000));
  CHECK(Date::isLeap(2024));
  CHECK_FALSE(Date::isLeap(2023));
  CHECK_FALSE(Date::isLeap(2100));
  CHECK(Date::isLeap(1804));
  CHECK(Date::daysInMonth(1900, 2) == 28);
  CHECK(Date::daysInMonth(2000, 2) == 29);
  CHECK(Date::daysInMonth(2024, 2) == 29);
  CHECK(Date::daysInMonth(2023, 2) == 28);
  CHECK(Date::daysInMonth(2024, 4) == 30);
  CHECK(Date::daysInMonth(2024, 12) == 31);
  CHECK(Date::daysInMonth(2024, 13) == 0);
  CHECK(Date::daysInMonth(2024, 0) == 0);
}

TEST_CASE("Date::make rejects impossible dates and years outside 1800..2200") {
  CHECK(Date::make(2024, 2, 29).has_value());
  CHECK(Date::make(2000, 2, 29).has_value());
  CHECK_FALSE(Date::make(1900, 2, 29).has_value());
  CHECK_FALSE(Date::make(2023, 2, 29).has_value());
  CHECK_FALSE(Date::make(2024, 2, 31).has_value());
  CHECK_FALSE(Date::make(2024, 4, 31).has_value());
  CHECK_FALSE(Date::make(2024, 0, 1).has_value());
  CHECK_FALSE(Date::make(2024, 13, 1).has_value());
  CHECK_FALSE(Date::make(2024, 1, 0).has_value());
  CHECK_FALSE(Date::make(2024, 1, 32).has_value());
  CHECK(Date::make(1800, 1, 1).has_value());
  CHECK(Date::make(2200, 12, 31).has_value());
  CHECK_FALSE(Date::make(1799, 12, 31).has_value());
  CHECK_FALSE(Date::make(2201, 1, 1).has_value());
  CHECK_FALSE(Date::make(0, 1, 1).has_value());
  CHECK_FALSE(Date::make(-5, 1, 1).has_value());
}

TEST_CASE("Date::parse accepts ISO and Vietnamese forms") {
  CHECK(Date::parse("2024-12-31") == D(2024, 12, 31));
  CHECK(Date::parse("31/12/2024") == D(2024, 12, 31));
  CHECK(Date::parse("5/3/1967") == D(1967, 3, 5));
  CHECK(Date::parse("05/3/1967") == D(1967, 3, 5));
  CHECK(Date::parse("5/03/1967") == D(1967, 3, 5));
  CHECK(Date::parse("  29/02/2024 ") == D(2024, 2, 29));
  CHECK(Date::parse("\t2024-02-29\r\n") == D(2024, 2, 29));
  CHECK(Date::parse("01/01/1800") == D(1800, 1, 1));
  CHECK(Date::parse("31/12/2200") == D(2200, 12, 31));
}

TEST_CASE("Date::parse rejects malformed and impossible input") {
  CHECK_FALSE(Date::parse("31/02/2024").has_value());
  CHECK_FALSE(Date::parse("29/02/2023").has_value());
  CHECK_FALSE(Date::parse("29/02/1900").has_value());
  CHECK_FALSE(Date::parse("2024-02-30").has_value());
  // ISO needs two-digit month and day.
  CHECK_FALSE(Date::parse("2024-2-3").has_value());
  CHECK_FALSE(Date::parse("2024-02-3").has_value());
  CHECK_FALSE(Date::parse("2024/02/03").has_value());
  CHECK_FALSE(Date::parse("").has_value());
  CHECK_FALSE(Date::parse("   ").has_value());
  CHECK_FALSE(Date::parse("31/12/24").has_value());
  CHECK_FALSE(Date::parse("31/12/02024").has_value());
  CHECK_FALSE(Date::parse("031/12/2024").has_value());
  CHECK_FALSE(Date::parse("/12/2024").has_value());
  CHECK_FALSE(Date::parse("1/2/3/2024").has_value());
  CHECK_FALSE(Date::parse("12/2024").has_value());
  CHECK_FALSE(Date::parse("2024").has_value());
  CHECK_FALSE(Date::parse("2024-12").has_value());
  CHECK_FALSE(Date::parse("1/1/1799").has_value());
  CHECK_FALSE(Date::parse("2201-01-01").has_value());
  CHECK_FALSE(Date::parse("2024-12-31x").has_value());
  CHECK_FALSE(Date::parse("3 1/12/2024").has_value());
  CHECK_FALSE(Date::parse("+1/12/2024").has_value());
  CHECK_FALSE(Date::parse("-1/12/2024").has_value());
  CHECK_FALSE(Date::parse("2024-12-3l").has_value());
  CHECK_FALSE(Date::parse("31.12.2024").has_value());
}

TEST_CASE("Date: serial numbers and weekdays") {
  CHECK(D(1970, 1, 2).serial() == 1);
  CHECK(D(1969, 12, 31).serial() == -1);
  CHECK(D(2000, 1, 1).serial() == 10957);
  CHECK(D(1800, 1, 1).serial() == -62091);
  CHECK(D(2200, 12, 31).serial() == 84370);
  CHECK(Date::fromSerial(10957) == D(2000, 1, 1));
  CHECK(Date::fromSerial(-62091) == D(1800, 1, 1));

  CHECK(D(1970, 1, 1).isoWeekday() == 4);    // Thursday
  CHECK(D(1800, 1, 1).isoWeekday() == 3);    // Wednesday
  CHECK(D(2200, 12, 31).isoWeekday() == 3);  // Wednesday
  CHECK(D(2024, 2, 10).isoWeekday() == 6);   // Tết Giáp Thìn, Saturday
  CHECK(D(2025, 5, 2).isoWeekday() == 5);    // Friday
  CHECK(D(2025, 4, 26).isoWeekday() == 6);   // Saturday
  CHECK(D(2024, 1, 1).isoWeekday() == 1);    // Monday
  CHECK(D(1969, 12, 28).isoWeekday() == 7);  // Sunday
  CHECK(D(2024, 2, 11).isWeekend());
  CHECK_FALSE(D(2024, 2, 12).isWeekend());
}

TEST_CASE("Date: serial round trip over every day of 1800..2200") {
  const Date first = D(1800, 1, 1);
  const Date last = D(2200, 12, 31);
  Date prev = first;
  int64_t s = first.serial();
  int weekday = first.isoWeekday();
  int64_t failures = 0;
  int64_t days = 1;
  while (prev < last) {
    ++s;
    const Date cur = Date::fromSerial(s);
    weekday = weekday % 7 + 1;
    // Each serial is the next calendar day, valid, and converts back to itself.
    const bool nextDay =
        (cur.day() == prev.day() + 1 && cur.month() == prev.month() && cur.year() == prev.year()) ||
        (cur.day() == 1 && prev.day() == Date::daysInMonth(prev.year(), prev.month()) &&
         ((cur.month() == prev.month() + 1 && cur.year() == prev.year()) ||
          (cur.month() == 1 && prev.month() == 12 && cur.year() == prev.year() + 1)));
    if (!nextDay || cur.serial() != s || !Date::make(cur.year(), cur.month(), cur.day()) ||
        cur.isoWeekday() != weekday || !(prev < cur) || prev.addDays(1) != cur || cur.addDays(-1) != prev ||
        Date::parse(cur.iso()) != cur || Date::parse(cur.vn()) != cur)
      ++failures;
    prev = cur;
    ++days;
  }
  CHECK(failures == 0);
  CHECK(days == 84370 + 62091 + 1);
  CHECK(prev == last);
}

TEST_CASE("Date: adding days, months and years") {
  CHECK(D(2024, 2, 28).addDays(1) == D(2024, 2, 29));
  CHECK(D(2023, 2, 28).addDays(1) == D(2023, 3, 1));
  CHECK(D(2024, 12, 31).addDays(1) == D(2025, 1, 1));
  CHECK(D(2024, 1, 1).addDays(-1) == D(2023, 12, 31));
  CHECK(D(2024, 1, 1).addDays(366) == D(2025, 1, 1));
  CHECK(D(2024, 1, 1).addDays(0) == D(2024, 1, 1));

  CHECK(D(2024, 1, 31).addMonths(1) == D(2024, 2, 29));
  CHECK(D(2023, 1, 31).addMonths(1) == D(2023, 2, 28));
  CHECK(D(2024, 3, 31).addMonths(1) == D(2024, 4, 30));
  CHECK(D(2024, 3, 31).addMonths(-1) == D(2024, 2, 29));
  CHECK(D(2024, 11, 15).addMonths(2) == D(2025, 1, 15));
  CHECK(D(2024, 1, 15).addMonths(-1) == D(2023, 12, 15));
  CHECK(D(2024, 1, 15).addMonths(-13) == D(2022, 12, 15));
  CHECK(D(2024, 5, 31).addMonths(12) == D(2025, 5, 31));
  CHECK(D(2024, 5, 31).addMonths(0) == D(2024, 5, 31));

  CHECK(D(2024, 2, 29).addYears(1) == D(2025, 2, 28));
  CHECK(D(2024, 2, 29).addYears(4) == D(2028, 2, 29));
  CHECK(D(2000, 2, 29).addYears(100) == D(2100, 2, 28));
  CHECK(D(2024, 2, 29).addYears(-1) == D(2023, 2, 28));
  CHECK(D(2024, 6, 15).addYears(-30) == D(1994, 6, 15));

  CHECK(D(2024, 2, 10).firstOfMonth() == D(2024, 2, 1));
  CHECK(D(2024, 2, 10).lastOfMonth() == D(2024, 2, 29));
  CHECK(D(1900, 2, 10).lastOfMonth() == D(1900, 2, 28));
}

TEST_CASE("Date: ordering") {
  CHECK(D(2024, 1, 31) < D(2024, 2, 1));
  CHECK(D(2023, 12, 31) < D(2024, 1, 1));
  CHECK(D(2024, 2, 1) > D(2024, 1, 31));
  CHECK(D(2024, 2, 1) <= D(2024, 2, 1));
  CHECK(D(2024, 2, 1) != D(2024, 2, 2));
}

TEST_CASE("Date::today is a plausible local date") {
  const Date t = Date::today();
  CHECK(t.year() >= 2024);
  CHECK(t.year() <= 2200);
  CHECK(Date::make(t.year(), t.month(), t.day()).has_value());
}

TEST_CASE("completedYears") {
  CHECK(completedYears(D(1990, 6, 15), D(2024, 6, 14)) == 33);
  CHECK(completedYears(D(1990, 6, 15), D(2024, 6, 15)) == 34);
  CHECK(completedYears(D(1990, 6, 15), D(2024, 12, 31)) == 34);
  CHECK(completedYears(D(1990, 6, 15), D(1990, 6, 15)) == 0);
  CHECK(completedYears(D(1990, 6, 15), D(1991, 6, 14)) == 0);
  // 29/02 birthdays are reached on 01/03 in common years, on 29/02 in leap years.
  CHECK(completedYears(D(2000, 2, 29), D(2023, 2, 28)) == 22);
  CHECK(completedYears(D(2000, 2, 29), D(2023, 3, 1)) == 23);
  CHECK(completedYears(D(2000, 2, 29), D(2024, 2, 28)) == 23);
  CHECK(completedYears(D(2000, 2, 29), D(2024, 2, 29)) == 24);
  // 18 on the day of the cell's consideration.
  CHECK(completedYears(D(2007, 3, 10), D(2025, 3, 9)) == 17);
  CHECK(completedYears(D(2007, 3, 10), D(2025, 3, 10)) == 18);
  // Reversed arguments give the negative.
  CHECK(completedYears(D(2024, 6, 15), D(1990, 6, 15)) == -34);
  CHECK(completedYears(D(2024, 6, 15), D(1990, 6, 16)) == -33);
}

TEST_CASE("completedMonths") {
  CHECK(completedMonths(D(2024, 1, 15), D(2024, 1, 15)) == 0);
  CHECK(completedMonths(D(2024, 1, 15), D(2024, 2, 14)) == 0);
  CHECK(completedMonths(D(2024, 1, 15), D(2024, 2, 15)) == 1);
  CHECK(completedMonths(D(2024, 1, 15), D(2025, 1, 14)) == 11);
  CHECK(completedMonths(D(2024, 1, 15), D(2025, 1, 15)) == 12);
  // Month ends follow addMonths clamping: 31/01 + 1 month = 29/02.
  CHECK(completedMonths(D(2024, 1, 31), D(2024, 2, 28)) == 0);
  CHECK(completedMonths(D(2024, 1, 31), D(2024, 2, 29)) == 1);
  CHECK(completedMonths(D(2024, 1, 31), D(2024, 3, 30)) == 1);
  CHECK(completedMonths(D(2024, 1, 31), D(2024, 3, 31)) == 2);
  CHECK(completedMonths(D(2023, 12, 20), D(2024, 1, 19)) == 0);
  CHECK(completedMonths(D(2023, 12, 20), D(2024, 1, 20)) == 1);
  CHECK(completedMonths(D(2024, 3, 1), D(2024, 1, 1)) == -2);
  // The 12-month probation: official on the exact 12-month date.
  const Date admitted = D(2024, 2, 29);
  CHECK(completedMonths(admitted, admitted.addMonths(12)) == 12);
  CHECK(completedMonths(admitted, admitted.addMonths(12).addDays(-1)) == 11);
  // Consistency with addMonths over a range of dates.
  int bad = 0;
  for (Date from = D(2023, 1, 1); from <= D(2024, 12, 31); from = from.addDays(7)) {
    for (int k = 0; k <= 30; ++k) {
      const Date to = from.addMonths(k);
      if (completedMonths(from, to) != k || (to > from && completedMonths(from, to.addDays(-1)) != k - 1))
        ++bad;
    }
  }
  CHECK(bad == 0);
}

TEST_CASE("PartialDate: construction, precision and forms") {
  const PartialDate def;
  CHECK(def.year() == 1970);
  CHECK(def.precision() == PartialDate::Precision::Year);
  CHECK_FALSE(def.month().has_value());
  CHECK(def.storage() == "1970");

  const auto y = PartialDate::make(1967);
  REQUIRE(y);
  CHECK(y->precision() == PartialDate::Precision::Year);
  CHECK(y->storage() == "1967");
  CHECK(y->vn() == "1967");
  CHECK_FALSE(y->month().has_value());
  CHECK_FALSE(y->day().has_value());
  CHECK_FALSE(y->date().has_value());

  const auto ym = PartialDate::make(1967, 3);
  REQUIRE(ym);
  CHECK(ym->precision() == PartialDate::Precision::Month);
  CHECK(ym->storage() == "1967-03");
  CHECK(ym->vn() == "03/1967");
  CHECK(ym->month() == 3);
  CHECK_FALSE(ym->day().has_value());

  const auto ymd = PartialDate::make(1967, 3, 5);
  REQUIRE(ymd);
  CHECK(ymd->precision() == PartialDate::Precision::Day);
  CHECK(ymd->storage() == "1967-03-05");
  CHECK(ymd->vn() == "05/03/1967");
  CHECK(ymd->day() == 5);
  CHECK(ymd->date() == D(1967, 3, 5));
  CHECK(*ymd == PartialDate::ofDate(D(1967, 3, 5)));
  CHECK_FALSE(*ym == *ymd);
  CHECK_FALSE(*y == *ym);

  CHECK_FALSE(PartialDate::make(1967, std::nullopt, 5).has_value());
  CHECK_FALSE(PartialDate::make(1967, 13).has_value());
  CHECK_FALSE(PartialDate::make(1967, 0).has_value());
  CHECK_FALSE(PartialDate::make(1967, 2, 29).has_value());
  CHECK(PartialDate::make(1968, 2, 29).has_value());
  CHECK_FALSE(PartialDate::make(1799).has_value());
  CHECK_FALSE(PartialDate::make(2201, 1).has_value());
}

TEST_CASE("PartialDate::parse") {
  CHECK(PartialDate::parse("05/03/1967") == PartialDate::make(1967, 3, 5));
  CHECK(PartialDate::parse("5/3/1967") == PartialDate::make(1967, 3, 5));
  CHECK(PartialDate::parse("1967-03-05") == PartialDate::make(1967, 3, 5));
  CHECK(PartialDate::parse("03/1967") == PartialDate::make(1967, 3));
  CHECK(PartialDate::parse("3/1967") == PartialDate::make(1967, 3));
  CHECK(PartialDate::parse("1967-03") == PartialDate::make(1967, 3));
  CHECK(PartialDate::parse("1967") == PartialDate::make(1967));
  CHECK(PartialDate::parse("  1967 ") == PartialDate::make(1967));
  CHECK(PartialDate::parse(" 12/1967") == PartialDate::make(1967, 12));

  CHECK_FALSE(PartialDate::parse("31/02/2024").has_value());
  CHECK_FALSE(PartialDate::parse("13/1967").has_value());
  CHECK_FALSE(PartialDate::parse("0/1967").has_value());
  CHECK_FALSE(PartialDate::parse("1967-13").has_value());
  CHECK_FALSE(PartialDate::parse("1967-3").has_value());
  CHECK_FALSE(PartialDate::parse("1967-00").has_value());
  CHECK_FALSE(PartialDate::parse("1967-03-00").has_value());
  CHECK_FALSE(PartialDate::parse("67").has_value());
  CHECK_FALSE(PartialDate::parse("19670").has_value());
  CHECK_FALSE(PartialDate::parse("1799").has_value());
  CHECK_FALSE(PartialDate::parse("3/67").has_value());
  CHECK_FALSE(PartialDate::parse("/1967").has_value());
  CHECK_FALSE(PartialDate::parse("").has_value());
  CHECK_FALSE(PartialDate::parse("abcd").has_value());
  CHECK_FALSE(PartialDate::parse("1/2/3/1967").has_value());

  // Round trips through both text forms.
  for (const char* s : {"1967", "1967-03", "1967-03-05", "2000-02-29", "1800", "2200-12"}) {
    const auto p = PartialDate::parse(s);
    REQUIRE(p);
    CHECK(p->storage() == s);
    CHECK(PartialDate::parse(p->vn()) == p);
  }
}

TEST_CASE("PartialDate: storage order equals date order") {
  const PartialDate a = PartialDate::make(1967).value();
  const PartialDate b = PartialDate::make(1967, 1).value();
  const PartialDate c = PartialDate::make(1967, 1, 1).value();
  const PartialDate d = PartialDate::make(1967, 1, 2).value();
  const PartialDate e = PartialDate::make(1967, 10).value();
  const PartialDate f = PartialDate::make(1968).value();
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c < d);
  CHECK(d < e);
  CHECK(e < f);
  CHECK(a.storage() < b.storage());
  CHECK(b.storage() < c.storage());
  CHECK(c.storage() < d.storage());
  CHECK(d.storage() < e.storage());
  CHECK(e.storage() < f.storage());
}

TEST_CASE("PartialDate::anchor and ages from partial birth dates") {
  CHECK(PartialDate::make(1967)->anchor() == D(1967, 7, 1));
  CHECK(PartialDate::make(1967, 3)->anchor() == D(1967, 3, 1));
  CHECK(PartialDate::make(1967, 3, 5)->anchor() == D(1967, 3, 5));
  CHECK(PartialDate().anchor() == D(1970, 7, 1));

  const Date asOf = D(2025, 6, 30);
  // Year only: aged from 1 July.
  CHECK(completedYears(PartialDate::make(1983)->anchor(), asOf) == 41);
  CHECK(completedYears(PartialDate::make(1983)->anchor(), D(2025, 7, 1)) == 42);
  // Month and year: aged from the 1st of the month.
  CHECK(completedYears(PartialDate::make(1983, 6)->anchor(), asOf) == 42);
  CHECK(completedYears(PartialDate::make(1983, 7)->anchor(), asOf) == 41);
  CHECK(completedYears(PartialDate::make(1983, 7)->anchor(), D(2025, 7, 1)) == 42);
  // Full date.
  CHECK(completedYears(PartialDate::make(1983, 6, 30)->anchor(), asOf) == 42);
  CHECK(completedYears(PartialDate::make(1983, 7, 1)->anchor(), asOf) == 41);
}
