#pragma once
// The period semantics and the target rules that every report applies the same way (the congress report,
// the admissions and ratings reports, the overview): spec/congress-report.md, version 2.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"

namespace dangbo::core {

/// The last year whose 31 December lies on or before `to`: a period ending on `to` reports the ratings (and
/// the secretaries' training) of the years up to this one, since a year's rating is made in December.
int lastYearEndingIn(const Date& to);

/// ket_nap_nhiem_ky and ket_nap_nam: counts of members, which the former communes' rows add up to.
bool isCountTarget(const std::string& key);

/// The value of the target `key` for the term fromYear-toYear: for a count, the sum of that term's rows (the
/// former communes' and the committee's own); for a percentage, the committee's own row (without origin),
/// else the lowest of the former communes' values. nullopt when the term has no row of the key.
std::optional<double> termTargetValue(const std::vector<Target>& targets, const std::string& key,
                                      int fromYear, int toYear);

/// The term (first and last year) of the rows of `key` that contains `year`; the later-starting one where two
/// do. nullopt when no row of the key contains the year.
std::optional<std::pair<int, int>> targetTermOf(const std::vector<Target>& targets, const std::string& key,
                                                int year);

/// The target `key` in force in `year`: termTargetValue of targetTermOf.
std::optional<double> targetInYear(const std::vector<Target>& targets, const std::string& key, int year);

}  // namespace dangbo::core
