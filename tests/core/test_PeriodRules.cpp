// core/PeriodRules: the one definition of a period's rated years and of a term's target value, which the
// congress report, the admissions and ratings reports and the overview all apply.
#include <doctest/doctest.h>

#include "core/PeriodRules.h"

using namespace dangbo::core;

TEST_CASE("period rules: the last year whose 31 December lies in the period") {
  CHECK(lastYearEndingIn(*Date::make(2025, 7, 31)) == 2024);
  CHECK(lastYearEndingIn(*Date::make(2024, 12, 31)) == 2024);
  CHECK(lastYearEndingIn(*Date::make(2024, 12, 30)) == 2023);
  CHECK(lastYearEndingIn(*Date::make(2025, 1, 1)) == 2024);
}

TEST_CASE(
    "period rules: counts of the former communes add up, percentages take the committee's or the lowest") {
  std::vector<Target> t = {{"ket_nap_nhiem_ky", 2020, 2025, 50, "Phiêng Pằn"},
                           {"ket_nap_nhiem_ky", 2020, 2025, 50, "Chiềng Lương"},
                           {"ket_nap_nhiem_ky", 2020, 2025, 40, "Nà Ớt"},
                           {"ket_nap_nhiem_ky", 2015, 2020, 99, ""},
                           {"to_chuc_tot", 2020, 2025, 92, "Chiềng Lương"},
                           {"to_chuc_tot", 2020, 2025, 90, "Nà Ớt"},
                           {"dang_vien_tot", 2020, 2025, 85, "Nà Ớt"},
                           {"dang_vien_tot", 2020, 2025, 90, ""},
                           {"ket_nap_nam", 2025, 2030, 30, ""}};
  CHECK(isCountTarget("ket_nap_nam"));
  CHECK(!isCountTarget("to_chuc_tot"));
  CHECK(termTargetValue(t, "ket_nap_nhiem_ky", 2020, 2025) == 140);
  CHECK(termTargetValue(t, "to_chuc_tot", 2020, 2025) == 90);      // the lowest former commune's
  CHECK(termTargetValue(t, "dang_vien_tot", 2020, 2025) == 90);    // the committee's own row wins
  CHECK(!termTargetValue(t, "chi_bo_ban_co_chi_uy", 2020, 2025));  // missing
  CHECK(!termTargetValue(t, "ket_nap_nam", 2020, 2025));
  // The committee's own count is added to the former communes'.
  t.push_back({"ket_nap_nhiem_ky", 2020, 2025, 2, ""});
  CHECK(termTargetValue(t, "ket_nap_nhiem_ky", 2020, 2025) == 142);
  // The year 2020 lies in two terms: the later-starting one.
  CHECK(targetTermOf(t, "ket_nap_nhiem_ky", 2020) == std::make_pair(2020, 2025));
  CHECK(targetTermOf(t, "ket_nap_nhiem_ky", 2016) == std::make_pair(2015, 2020));
  CHECK(targetInYear(t, "ket_nap_nhiem_ky", 2016) == 99);
  CHECK(targetInYear(t, "to_chuc_tot", 2022) == 90);
  CHECK(!targetInYear(t, "to_chuc_tot", 2026));
}
