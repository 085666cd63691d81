// The year's admissions against the target, for the committee and per cell.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/Numbers.h"
#include "core/PeriodRules.h"
#include "services/Admissions.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AdmissionRepository.h"
#include "store/Database.h"
#include "store/RegisterRepository.h"
#include "store/SettingsRepository.h"

namespace dangbo::services {

using core::Date;

namespace {
// The term's count target: the former communes' rows and the committee's own added up (core/PeriodRules, as
// the congress report).
std::optional<int64_t> targetFor(const std::vector<core::Target>& targets, const std::string& key, int from,
                                 int to) {
  const auto v = core::termTargetValue(targets, key, from, to);
  return v ? std::optional<int64_t>(int64_t(std::llround(*v))) : std::nullopt;
}
}  // namespace

namespace {
// The progress of `year` counted over [first, last] (within the year): the one definition of admissions
// (store/DomainRules) over those days.
AdmissionProgress progressBetween(Services& s, const Actor& actor, int year, const Date& first,
                                  const Date& last);
}  // namespace

AdmissionProgress admissionProgress(Services& s, const Actor& actor, int year, const Date& asOf) {
  return progressBetween(s, actor, year, *Date::make(year, 1, 1), std::min(asOf, *Date::make(year, 12, 31)));
}

namespace {
AdmissionProgress progressBetween(Services& s, const Actor& actor, int year, const Date& first,
                                  const Date& last) {
  require(actor, Permission::ReadRegister);
  store::AdmissionRepository repo(storeOf(s));
  store::SettingsRepository settings(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  AdmissionProgress p;
  p.year = year;
  p.asOf = last;
  std::map<core::Id, CellAdmissions> byCell;
  if (p.asOf >= first)
    for (const auto& a : repo.admissionsBetween(first, p.asOf)) {
      (a.member ? p.admitted : p.awaitingCeremony)++;
      if (actor.role == "secretary" && actor.cellId != a.cellId) continue;
      auto& c = byCell[a.cellId];
      (a.member ? c.admitted : c.awaitingCeremony)++;
    }
  p.total = p.admitted + p.awaitingCeremony;
  // The term containing the year (the later-starting one where two do): from the terms, or where none is
  // recorded, from the years of the admission targets.
  const auto targets = settings.targets();
  std::vector<core::Term> periods = settings.terms();
  for (const auto& t : targets)
    if (t.key == "ket_nap_nam" || t.key == "ket_nap_nhiem_ky")
      periods.push_back(
          {0, std::to_string(t.fromYear) + "-" + std::to_string(t.toYear), t.fromYear, t.toYear});
  std::optional<core::Term> term;
  for (const auto& t : periods)
    if (t.fromYear <= year && year <= t.toYear && (!term || t.fromYear > term->fromYear)) term = t;
  if (term) {
    p.termName = term->name;
    p.target = targetFor(targets, "ket_nap_nam", term->fromYear, term->toYear);
    p.termTarget = targetFor(targets, "ket_nap_nhiem_ky", term->fromYear, term->toYear);
    const Date termFirst = *Date::make(term->fromYear, 1, 1);
    if (p.asOf >= termFirst) p.termTotal = int(repo.admissionsBetween(termFirst, p.asOf).size());
    if (p.termTarget) p.termPercent = core::percentTenths(p.termTotal, *p.termTarget);
  }
  if (p.target) p.percentOfTarget = core::percentTenths(p.total, *p.target);
  std::map<core::Id, core::Organization> orgs;
  for (auto& o : reg.organizations()) orgs[o.id] = o;
  for (auto& [id, c] : byCell) {
    c.cellCode = orgs[id].code;
    c.cellName = orgs[id].name;
    p.cells.push_back(c);
  }
  std::sort(p.cells.begin(), p.cells.end(),
            [](const auto& a, const auto& b) { return a.cellCode < b.cellCode; });
  return p;
}
}  // namespace

std::vector<AdmissionProgress> admissionsByYear(Services& s, const Actor& actor, const Date& from,
                                                const Date& to, const Date& asOf) {
  std::vector<AdmissionProgress> out;
  for (int y = from.year(); y <= to.year(); ++y)
    out.push_back(progressBetween(s, actor, y, std::max(from, *Date::make(y, 1, 1)),
                                  std::min({to, asOf, *Date::make(y, 12, 31)})));
  return out;
}

}  // namespace dangbo::services
