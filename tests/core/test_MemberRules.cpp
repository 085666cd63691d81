// The youngest admission age of a member's file is a dated rule value (member.youngest_admission_age), judged
// on the admission day, not a constant.
#include <doctest/doctest.h>

#include "core/MemberRules.h"

using namespace dangbo::core;

namespace {

Date day(int y, int m, int d) {
  return *Date::make(y, m, d);
}

bool admissionRefused(const RuleBook& rules, const char* birth, const Date& admitted) {
  MemberDates d;
  d.birth = PartialDate::parse(birth);
  d.admitted = admitted;
  for (const auto& p : memberDateProblems(d, day(2026, 12, 1), rules))
    if (p.field == "admitted_on") return true;
  return false;
}

}  // namespace

TEST_CASE("member rules: the youngest admission age is the rule value in force on the admission day") {
  const RuleBook sixteen({{std::string(kYoungestAdmissionAgeRule), day(1930, 2, 3), "16", "Điều lệ", ""}});
  CHECK_FALSE(admissionRefused(sixteen, "1990-01-01", day(2007, 1, 1)));  // 17
  CHECK(admissionRefused(sixteen, "1990-01-01", day(2005, 12, 31)));      // 15
  CHECK(admissionRefused(sixteen, "2019", day(2024, 5, 19)));             // a child of 5
  // A stricter value from 2020 on: the same age is refused after it, still accepted before it.
  const RuleBook stricter({{std::string(kYoungestAdmissionAgeRule), day(1930, 2, 3), "16", "Điều lệ", ""},
                           {std::string(kYoungestAdmissionAgeRule), day(2020, 1, 1), "18", "Thử", ""}});
  CHECK(admissionRefused(stricter, "2004-01-01", day(2021, 6, 1)));        // 17 in 2021
  CHECK_FALSE(admissionRefused(stricter, "1990-01-01", day(2007, 6, 1)));  // 17 in 2007
  // No value on the admission day: not judged (the other date rules still are).
  CHECK_FALSE(admissionRefused(RuleBook(), "2019", day(2024, 5, 19)));
}
