#include "services/RuleChecks.h"

#include <map>

#include "core/Enums.h"
#include "core/I18n.h"
#include "services/Services.h"
#include "store/AuditRepository.h"
#include "store/CheckQueries.h"
#include "store/Database.h"

namespace dangbo::services {

using core::format;
using core::tr;

std::vector<CheckFinding> checkRules(Services& s, const Actor& actor, const core::Date& asOf) {
  require(actor, Permission::ReadRegister);
  std::vector<CheckFinding> out;
  const core::RuleBook rules = s.ruleBook();
  auto yearEnd = [](int y) { return *core::Date::make(y, 12, 31); };

  // Ratings: eligibility and discipline per member; the quota per cell and year.
  struct Tally {
    int excellent = 0, good = 0;
  };
  std::map<std::pair<int, std::string>, Tally> tallies;
  for (const auto& r : store::ratedMembers(s.database())) {
    const core::Date end = yearEnd(r.year);
    const std::string level = core::enums::ratingLevel.label(r.level);
    if (r.level == "HTXSNV") ++tallies[{r.year, r.cellCode}].excellent;
    if (r.level == "HTTNV") ++tallies[{r.year, r.cellCode}].good;
    if (r.disciplined && r.level != "KHTNV")
      out.push_back({"rating_disciplined", r.code, r.year,
                     format(tr("{1} ({2}) was disciplined in {3} but is rated \"{4}\"; the rating must be \"{5}\"."),
                            {r.name, r.code, std::to_string(r.year), level,
                             core::enums::ratingLevel.label("KHTNV")})});
    const bool exempt = r.status == "exempt" && r.statusSince && *r.statusSince <= end;
    const int minMonths = rules.intOn("rating.min_months_since_admission", end);
    // Admitted after the cutoff (30 June with 6 months) is too recent to be rated for the year.
    const core::Date cutoff = end.addMonths(-minMonths);
    const bool tooRecent = r.admittedOn && *r.admittedOn > cutoff;
    if (exempt)
      out.push_back({"rating_not_eligible", r.code, r.year,
                     format(tr("{1} ({2}) was exempt from activities on 31/12/{3} and may not be rated."),
                            {r.name, r.code, std::to_string(r.year)})});
    else if (tooRecent)
      out.push_back({"rating_not_eligible", r.code, r.year,
                     format(tr("{1} ({2}) was admitted on {3}, after {4}, and is not rated for {5}."),
                            {r.name, r.code, r.admittedOn->vn(), cutoff.vn(), std::to_string(r.year)})});
  }
  for (const auto& [key, t] : tallies) {
    const int percent = rules.intOn("rating.excellent_max_percent_of_good", yearEnd(key.first));
    if (int64_t(t.excellent) * 100 > int64_t(percent) * t.good)
      out.push_back({"rating_quota", key.second, key.first,
                     format(tr("In {1}, cell {2} rated {3} members \"excellent\" against {4} \"good\": more than {5}% "
                               "of the good ones."),
                            {std::to_string(key.first), key.second, std::to_string(t.excellent),
                             std::to_string(t.good), std::to_string(percent)})});
  }

  // Candidates' ages at the cell's vote, or today when there was no vote yet.
  for (const auto& c : store::candidateAges(s.database())) {
    if (!c.birthDate) continue;  // missing data is another finding's business
    auto birth = core::PartialDate::parse(*c.birthDate);
    if (!birth) continue;
    const core::Date on = c.cellVoteOn ? *c.cellVoteOn : asOf;
    if (!c.cellVoteOn && c.status != "in_progress") continue;
    const int minAge = rules.intOn("admission.min_age", on), maxAge = rules.intOn("admission.max_age", on);
    const core::Date b = birth->anchor();
    std::optional<int> year = c.cellVoteOn ? std::optional(c.cellVoteOn->year()) : std::nullopt;
    if (on < b.addYears(minAge))
      out.push_back({"age_limit", c.code, year,
                     format(tr("{1} ({2}), born {3}, is under {4} on {5}."),
                            {c.name, c.code, birth->vn(), std::to_string(minAge), on.vn()})});
    else if (on > b.addYears(maxAge))
      out.push_back({"age_limit", c.code, year,
                     format(tr("{1} ({2}), born {3}, is over {4} on {5}: admission needs the province's approval."),
                            {c.name, c.code, birth->vn(), std::to_string(maxAge), on.vn()})});
  }
  return out;
}

std::vector<CheckFinding> checkIntegrity(Services& s, const Actor& actor) {
  require(actor, Permission::ReadRegister);
  std::vector<CheckFinding> out;
  std::string integrity = s.database().integrityCheck();
  if (integrity != "ok")
    out.push_back({"integrity", "database", std::nullopt, format(tr("The file is damaged: {1}"), {integrity})});
  for (const auto& v : s.database().foreignKeyViolations()) {
    std::string table = v.substr(0, v.find(' '));
    out.push_back({"integrity", table, std::nullopt, format(tr("A row refers to a record that does not exist: {1}."), {v})});
  }
  if (auto broken = store::AuditRepository(s.database()).firstBrokenRow())
    out.push_back({"audit_chain", "audit_log:" + std::to_string(*broken), std::nullopt,
                   format(tr("Audit row {1} does not match its recorded hash: the audit trail was changed outside "
                             "dangbo from this row on."),
                          {std::to_string(*broken)})});
  return out;
}

}  // namespace dangbo::services
