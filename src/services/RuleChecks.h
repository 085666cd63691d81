#pragma once
// The rule checks of `check` (spec/cli.md) beyond the register's own: annual ratings and candidates' ages.
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"
#include "services/MemberList.h"

namespace dangbo::services {

class Services;

/// Findings of the rules rating_quota (subject: the cell), rating_disciplined and rating_not_eligible
/// (subject: the member), each with its year; and age_limit (subject: the candidate; year of the cell's
/// vote, or none when judged on `asOf` because there was no vote yet). Rule values are those in force on
/// 31 December of the rated year, on the vote day, or on `asOf`.
std::vector<CheckFinding> checkRules(Services& s, const Actor& actor, const core::Date& asOf);
/// Findings about the file itself: rule "integrity" (SQLite's integrity_check and foreign_key_check; subject
/// "database" or the table) and rule "audit_chain" (subject "audit_log:ID": the first audit row whose content
/// or chain no longer matches its hash, i.e. edited outside dangbo).
std::vector<CheckFinding> checkIntegrity(Services& s, const Actor& actor);

}  // namespace dangbo::services
