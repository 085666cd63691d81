#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "core/Numbers.h"

using dangbo::core::formatCountVn;
using dangbo::core::formatPercentVn;
using dangbo::core::formatTenthsJson;
using dangbo::core::percentTenths;

TEST_CASE("percentTenths: the examples of the specification") {
  CHECK(percentTenths(142, 140) == 1014);  // 101,43% -> 101,4%
  CHECK(percentTenths(924, 960) == 963);   // 96,25% -> 96,3%
  CHECK(percentTenths(24, 25) == 960);
  CHECK(percentTenths(3, 25) == 120);
  CHECK(percentTenths(7, 25) == 280);
  CHECK(percentTenths(25, 25) == 1000);
  CHECK(percentTenths(0, 25) == 0);
  CHECK_FALSE(percentTenths(1, 0).has_value());
  CHECK_FALSE(percentTenths(0, 0).has_value());
}

TEST_CASE("percentTenths: exact halves round away from zero") {
  CHECK(percentTenths(1, 8) == 125);   // exactly 12,5%
  CHECK(percentTenths(1, 16) == 63);   // 6,25% -> 6,3%
  CHECK(percentTenths(3, 16) == 188);  // 18,75% -> 18,8%
  CHECK(percentTenths(1, 80) == 13);   // 1,25% -> 1,3%
  CHECK(percentTenths(1, 2000) == 1);  // 0,05% -> 0,1%
  CHECK(percentTenths(1, 2001) == 0);  // 0,0499..% -> 0,0%
  CHECK(percentTenths(1, 1999) == 1);
  CHECK(percentTenths(1, 3) == 333);  // 33,33..%
  CHECK(percentTenths(2, 3) == 667);  // 66,66..%
  CHECK(percentTenths(1, 6) == 167);
  CHECK(percentTenths(1, 7) == 143);  // 14,2857%
  CHECK(percentTenths(5, 7) == 714);  // 71,428%
  CHECK(percentTenths(1, 1) == 1000);
  CHECK(percentTenths(3, 2) == 1500);
  // Values like 0.145 that are not exact in binary floating point are exact here.
  CHECK(percentTenths(29, 200) == 145);      // 14,5%
  CHECK(percentTenths(2897, 20000) == 145);  // 14,485% -> 14,5%
  CHECK(percentTenths(2899, 20000) == 145);  // 14,495% -> 14,5%
  CHECK(percentTenths(2891, 20000) == 145);  // 14,455% -> 14,5%
  CHECK(percentTenths(2889, 20000) == 144);  // 14,445% -> 14,4%
}

TEST_CASE("percentTenths: negatives are symmetric") {
  CHECK(percentTenths(-1, 8) == -125);
  CHECK(percentTenths(1, -8) == -125);
  CHECK(percentTenths(-1, -8) == 125);
  CHECK(percentTenths(-1, 16) == -63);
  CHECK(percentTenths(1, -16) == -63);
  CHECK(percentTenths(-142, 140) == -1014);
  CHECK(percentTenths(-924, 960) == -963);
  CHECK(percentTenths(-1, 2001) == 0);
  CHECK(percentTenths(0, -5) == 0);
}

TEST_CASE("percentTenths: brute force against a reference on small numbers") {
  int bad = 0;
  for (int64_t den = 1; den <= 300; ++den) {
    for (int64_t num = -400; num <= 400; ++num) {
      // Reference: 2 * 1000 * |num| / den, then (x + 1) / 2 rounds the half up.
      const int64_t a = num < 0 ? -num : num;
      const int64_t twice = (2000 * a) / den;
      const int64_t mag = (twice + 1) / 2;
      const int64_t expected = num < 0 ? -mag : mag;
      if (percentTenths(num, den) != expected) ++bad;
      if (percentTenths(-num, -den) != expected) ++bad;
    }
  }
  CHECK(bad == 0);
}

TEST_CASE("percentTenths: extreme values do not overflow") {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  CHECK(percentTenths(kMax, kMax) == 1000);
  CHECK(percentTenths(kMin, kMin) == 1000);
  CHECK(percentTenths(kMin, kMax) == -1000);  // 100,0000000001% -> 100,0%
  CHECK(percentTenths(1, kMax) == 0);
  CHECK(percentTenths(kMax / 2, kMax) == 500);  // just under half
  CHECK(percentTenths(kMax / 2 + 1, kMax) == 500);
  CHECK(percentTenths(kMax / 1000, 1) == (kMax / 1000) * 1000);
  CHECK_FALSE(percentTenths(kMax / 1000 + 1, 1).has_value());
  CHECK_FALSE(percentTenths(kMax, 1).has_value());
  CHECK_FALSE(percentTenths(kMin, 1).has_value());
}

TEST_CASE("formatPercentVn") {
  CHECK(formatPercentVn(1014) == "101,4%");
  CHECK(formatPercentVn(963) == "96,3%");
  CHECK(formatPercentVn(960) == "96,0%");
  CHECK(formatPercentVn(1000) == "100,0%");
  CHECK(formatPercentVn(0) == "0,0%");
  CHECK(formatPercentVn(5) == "0,5%");
  CHECK(formatPercentVn(-5) == "-0,5%");
  CHECK(formatPercentVn(-1014) == "-101,4%");
  CHECK(formatPercentVn(12345) == "1.234,5%");
  CHECK(formatPercentVn(9999) == "999,9%");
  CHECK(formatPercentVn(10000) == "1.000,0%");
  CHECK(formatPercentVn(-12345678) == "-1.234.567,8%");
  CHECK(formatPercentVn(percentTenths(142, 140).value()) == "101,4%");
}

TEST_CASE("formatTenthsJson") {
  CHECK(formatTenthsJson(1014) == "101.4");
  CHECK(formatTenthsJson(960) == "96.0");
  CHECK(formatTenthsJson(963) == "96.3");
  CHECK(formatTenthsJson(0) == "0.0");
  CHECK(formatTenthsJson(5) == "0.5");
  CHECK(formatTenthsJson(-5) == "-0.5");
  CHECK(formatTenthsJson(12345) == "1234.5");
  CHECK(formatTenthsJson(1000) == "100.0");
  CHECK(formatTenthsJson(std::numeric_limits<int64_t>::min()) == "-922337203685477580.8");
}

TEST_CASE("formatCountVn") {
  CHECK(formatCountVn(0) == "0");
  CHECK(formatCountVn(7) == "7");
  CHECK(formatCountVn(999) == "999");
  CHECK(formatCountVn(1000) == "1.000");
  CHECK(formatCountVn(1046) == "1.046");
  CHECK(formatCountVn(12345) == "12.345");
  CHECK(formatCountVn(123456) == "123.456");
  CHECK(formatCountVn(1234567) == "1.234.567");
  CHECK(formatCountVn(-5) == "-5");
  CHECK(formatCountVn(-1000) == "-1.000");
  CHECK(formatCountVn(-12345678) == "-12.345.678");
  CHECK(formatCountVn(std::numeric_limits<int64_t>::max()) == "9.223.372.036.854.775.807");
  CHECK(formatCountVn(std::numeric_limits<int64_t>::min()) == "-9.223.372.036.854.775.808");
}
