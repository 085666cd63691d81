#pragma once
// Exact percentages and Vietnamese number formatting (1.046 ; 101,4%).
#include <cstdint>
#include <optional>
#include <string>

namespace dangbo::core {

/// Percent of num/den to one decimal, exactly in integer arithmetic, rounded half away from zero, as tenths
/// of a percent: percentTenths(142,140) == 1014 ; percentTenths(924,960) == 963 ; nullopt when den == 0 (or
/// the result does not fit in int64).
std::optional<int64_t> percentTenths(int64_t num, int64_t den);
/// "101,4%" (Vietnamese: comma decimal separator, '.' thousands separator: 1.234,5%), from tenths.
std::string formatPercentVn(int64_t tenths);
/// "101.4" for JSON output (always one decimal: "96.0"; no thousands separator).
std::string formatTenthsJson(int64_t tenths);
/// "1.046" ; "-12.345.678" (dot thousands separator).
std::string formatCountVn(int64_t n);

}  // namespace dangbo::core
