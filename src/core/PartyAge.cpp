#include "core/PartyAge.h"

#include <algorithm>

#include "core/I18n.h"

namespace dangbo::core {

std::optional<Date> dayPartyAgeReaches(Date firstAdmitted, std::vector<PartyAgeGap> gaps, int years) {
  std::sort(gaps.begin(), gaps.end(),
            [](const PartyAgeGap& a, const PartyAgeGap& b) { return a.from < b.from; });
  Date reached = firstAdmitted.addYears(years);
  for (const auto& g : gaps) {
    if (g.from < firstAdmitted) continue;  // a gap before the first admission is not one
    if (!(g.from < reached)) break;
    if (!g.to) return std::nullopt;
    if (*g.to > g.from) reached = reached.addDays(g.to->serial() - g.from.serial());
  }
  return reached;
}

int partyYearsOn(Date firstAdmitted, const std::vector<PartyAgeGap>& gaps, Date day) {
  if (day < firstAdmitted) return 0;
  // At most one year per calendar year: count up from a lower bound.
  int years = 0;
  for (int n = 1; n <= day.year() - firstAdmitted.year() + 1; ++n) {
    auto d = dayPartyAgeReaches(firstAdmitted, gaps, n);
    if (!d || *d > day) break;
    years = n;
  }
  return years;
}

const std::vector<std::string>& interruptionKinds() {
  static const std::vector<std::string> k = {"readmission", "out_of_contact", "transfer_gap", "other"};
  return k;
}

std::string interruptionKindLabel(const std::string& kind) {
  if (kind == "readmission") return tr("Re-admission");
  if (kind == "out_of_contact") return tr("Out of contact");
  if (kind == "transfer_gap") return tr("Gap between transfers");
  if (kind == "other") return tr("Other interruption");
  return kind;
}

std::optional<Date> firstAdmission(const std::optional<Date>& admittedOn,
                                   const std::vector<PartyInterruption>& interruptions) {
  std::optional<Date> first = admittedOn;
  for (const auto& i : interruptions)
    if (i.firstAdmittedOn && (!first || *i.firstAdmittedOn < *first)) first = i.firstAdmittedOn;
  return first;
}

std::vector<PartyAgeGap> gapsOf(const std::vector<PartyInterruption>& interruptions) {
  std::vector<PartyAgeGap> out;
  out.reserve(interruptions.size());
  for (const auto& i : interruptions) out.push_back({i.from, i.to});
  return out;
}

}  // namespace dangbo::core
