#pragma once
// Correcting a candidate's details after "Lập hồ sơ": the name, the birth date, the CCCD, the occupation and
// the day the cell listed them, with a reason kept in the audit row candidate.correct (old and new values).
#include <optional>
#include <string>

#include "core/Date.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// The corrected details (all of them, as the form shows them).
struct CandidateCorrection {
  std::string fullName;
  std::optional<core::PartialDate> birthDate;  ///< required
  std::string cccd;                            ///< 12 digits or empty
  std::string occupation;
  core::Date listedOn;  ///< not in the future, the cell existed, not after the file's next recorded stage
  std::string reason;   ///< required
};

/// Corrects a candidate whose file is in progress; office or the cell's secretary (as every candidate write).
/// Refused (DataError, nothing written) without a reason, with no change, or with an invalid value.
void correctCandidate(Services& s, const Actor& actor, const std::string& code,
                      const CandidateCorrection& in);
/// The checks of correctCandidate alone, nothing written (an import's plan and dry run): throws what it would
/// throw; `field` (when given) names the first field refused ("code", "reason", "full_name", "birth_date",
/// "cccd", "listed_on"; empty for "Nothing was changed").
void checkCandidateCorrection(Services& s, const Actor& actor, const std::string& code,
                              const CandidateCorrection& in, std::string* field = nullptr);

}  // namespace dangbo::services
