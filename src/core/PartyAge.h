// Party age (tuổi đảng): counted from the first admission, less every interruption (the time between a
// removal or expulsion and the re-admission, or any other gap the office records). The one definition used by
// badges, the dues exemption at 50 years, the member form and every report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"

namespace dangbo::core {

/// A time outside the party: from `from` (the day the membership ended) to `to` (the day it began again;
/// none while it has not).
struct PartyAgeGap {
  Date from;
  std::optional<Date> to;
};

/// The day on which party age reaches `years` full years: the first admission plus `years`, moved later by
/// the length of every gap that began before it; none while an open gap holds it back.
std::optional<Date> dayPartyAgeReaches(Date firstAdmitted, std::vector<PartyAgeGap> gaps, int years);

/// Full years of party age on `day` (0 before the first admission's first anniversary or before it).
int partyYearsOn(Date firstAdmitted, const std::vector<PartyAgeGap>& gaps, Date day);

/// An interruption as the register records it (table party_interruptions).
struct PartyInterruption {
  Id id = 0;
  Id memberId = 0;
  std::string kind;                     ///< readmission | out_of_contact | transfer_gap | other
  Date from;                            ///< the day the membership ended (or contact was lost, ...)
  std::optional<Date> to;               ///< the day it began again; none while it has not
  std::optional<Date> firstAdmittedOn;  ///< readmission: the first admission of the earlier membership
  std::optional<Id> formerMemberId;     ///< readmission: the earlier membership's row, when kept
  std::string note;                     ///< free text
};

/// The kinds of interruption, in the order of a list.
const std::vector<std::string>& interruptionKinds();
/// The Vietnamese label of an interruption kind ("Kết nạp lại").
std::string interruptionKindLabel(const std::string& kind);

/// The first admission of a member: the earliest of `admittedOn` and the first admissions the member's
/// re-admissions carry; none when neither is known.
std::optional<Date> firstAdmission(const std::optional<Date>& admittedOn,
                                   const std::vector<PartyInterruption>& interruptions);
/// The gaps of a member's interruptions, for dayPartyAgeReaches and partyYearsOn.
std::vector<PartyAgeGap> gapsOf(const std::vector<PartyInterruption>& interruptions);

/// A party badge awarded (table badge_awards).
struct BadgeAward {
  Id id = 0;
  Id memberId = 0;
  int milestone = 0;       ///< years of party age: 30, 40, ...
  std::string decisionNo;  ///< the decision awarding it
  std::optional<Date> decisionOn;
  std::string badgeNo;             ///< the badge's number (register 7-HSĐV, column 8)
  std::optional<Date> ceremonyOn;  ///< the award ceremony
  std::string note;
};

/// A request to propose a badge ahead of its milestone (table badge_requests).
struct BadgeRequest {
  Id id = 0;
  Id memberId = 0;
  std::string kind;  ///< ill (seriously ill) | posthumous
  Date requestedOn;  ///< the cell's request
  std::string note;
};

}  // namespace dangbo::core
