#include "core/PeriodRules.h"

namespace dangbo::core {

int lastYearEndingIn(const Date& to) {
  return to.month() == 12 && to.day() == 31 ? to.year() : to.year() - 1;
}

bool isCountTarget(const std::string& key) {
  return key == "ket_nap_nhiem_ky" || key == "ket_nap_nam";
}

std::optional<double> termTargetValue(const std::vector<Target>& targets, const std::string& key,
                                      int fromYear, int toYear) {
  const bool count = isCountTarget(key);
  std::optional<double> sum, own, lowest;
  for (const auto& t : targets) {
    if (t.key != key || t.fromYear != fromYear || t.toYear != toYear) continue;
    sum = sum.value_or(0) + t.value;
    if (t.origin.empty())
      own = t.value;
    else if (!lowest || t.value < *lowest)
      lowest = t.value;
  }
  if (count) return sum;
  return own ? own : lowest;
}

std::optional<std::pair<int, int>> targetTermOf(const std::vector<Target>& targets, const std::string& key,
                                                int year) {
  std::optional<std::pair<int, int>> term;
  for (const auto& t : targets)
    if (t.key == key && t.fromYear <= year && year <= t.toYear && (!term || t.fromYear > term->first))
      term = std::make_pair(t.fromYear, t.toYear);
  return term;
}

std::optional<double> targetInYear(const std::vector<Target>& targets, const std::string& key, int year) {
  const auto term = targetTermOf(targets, key, year);
  if (!term) return std::nullopt;
  return termTargetValue(targets, key, term->first, term->second);
}

}  // namespace dangbo::core
