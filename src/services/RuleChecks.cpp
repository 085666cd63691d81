#include "services/RuleChecks.h"

#include "core/Enums.h"
#include "core/I18n.h"
#include "services/AuditAnchor.h"
#include "services/Ratings.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
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

  // Ratings: eligibility, discipline and the quota, judged as the rating rounds judge them.
  for (auto& f : ratingFindings(s, actor)) out.push_back(std::move(f));

  // Candidates' ages at the cell's vote, or today when there was no vote yet.
  for (const auto& c : store::candidateAges(storeOf(s))) {
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
    else if (on > b.addYears(maxAge) && c.provincialApprovalNo.empty())  // with the approval: allowed
      out.push_back(
          {"age_limit", c.code, year,
           format(tr("{1} ({2}), born {3}, is over {4} on {5}: admission needs the province's approval."),
                  {c.name, c.code, birth->vn(), std::to_string(maxAge), on.vn()})});
  }
  return out;
}

std::vector<CheckFinding> checkIntegrity(Services& s, const Actor& actor) {
  require(actor, Permission::ReadRegister);
  std::vector<CheckFinding> out;
  std::string integrity = storeOf(s).integrityCheck();
  if (integrity != "ok")
    out.push_back(
        {"integrity", "database", std::nullopt, format(tr("The file is damaged: {1}"), {integrity})});
  for (const auto& v : storeOf(s).foreignKeyViolations()) {
    std::string table = v.substr(0, v.find(' '));
    out.push_back({"integrity", table, std::nullopt,
                   format(tr("A row refers to a record that does not exist: {1}."), {v})});
  }
  if (auto broken = store::AuditRepository(storeOf(s)).firstBrokenRow())
    out.push_back(
        {"audit_chain", "audit_log:" + std::to_string(*broken), std::nullopt,
         format(tr("Audit row {1} does not match its recorded hash: the audit trail was changed outside "
                   "dangbo from this row on."),
                {std::to_string(*broken)})});
  // Against the last anchor kept outside the file: a deleted tail or a recomputed chain.
  if (const std::string anchor = auditAnchorProblem(s); !anchor.empty())
    out.push_back({"audit_anchor", "audit_log", std::nullopt, anchor});
  return out;
}

}  // namespace dangbo::services
