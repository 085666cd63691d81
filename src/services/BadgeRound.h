#pragma once
// A badge round (spec/member-file.md "Badges"): the proposal list for an award day with the covering memo,
// and the ceremony list of the badges awarded for it. Party age is core/PartyAge's (services/PartyFile);
// milestones, award days, the early months and the waiting times after a discipline are dated rule values.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {

class Services;

/// A member proposed for a badge in a round.
struct BadgeProposal {
  std::string code, fullName, cellCode;
  std::optional<core::PartialDate> birthDate;
  core::Date firstAdmitted;  ///< party age counts from it
  int milestone = 0;         ///< the badge proposed
  core::Date reachedOn;      ///< the day party age reaches it
  /// due (reached since the previous award day), missed (reached earlier, never awarded), ill (seriously ill,
  /// proposed early), posthumous (deceased).
  std::string reason;
  std::optional<core::Date> diedOn;  ///< posthumous: the death
  int partyYears = 0;                ///< full years of party age on the award day (posthumous: at death)
};

/// A member whose milestone is reached but who waits after a discipline.
struct BadgeWaiting {
  std::string code, fullName, cellCode;
  int milestone = 0;
  core::Date reachedOn;
  core::Date allowedFrom;  ///< the first day the member may be proposed
};

/// The proposals of one award day.
struct BadgeRound {
  core::Date awardDay;                   ///< the round
  std::optional<core::Date> previous;    ///< the award day before it (badge.award_dates)
  std::vector<BadgeProposal> proposals;  ///< by milestone (highest first), then code
  std::vector<BadgeWaiting> waiting;     ///< by code
};

/// The round of `awardDay` (any day; the award days of badge.award_dates are the usual ones). Members active
/// or exempt whose party age reaches a milestone not awarded (the highest such one) by the award day: due
/// when reached after the previous award day, missed when earlier; with a request `ill`, the next milestone
/// reached within badge.early_months_ill (badge.early_months_ill_70 for a badge of 70 years or more) after
/// the award day; deceased members with a request `posthumous`, a milestone reached within
/// badge.early_months_posthumous after the death. A member whose last reprimand, warning or dismissal is less
/// than badge.discipline_wait_months_<form> before the award day waits. A secretary sees their cell.
BadgeRound badgeRound(Services& s, const Actor& actor, const core::Date& awardDay);

/// A proposal's reason in words ("Milestone passed without an award").
std::string badgeReasonLabel(const std::string& reason);

/// The award days of `year` (badge.award_dates in force on each), in order: the rounds a page offers.
std::vector<core::Date> badgeAwardDays(Services& s, int year);

/// The proposal list with its covering memo, as a report ("badge-proposals").
ReportModel badgeProposalsReport(Services& s, const Actor& actor, const core::Date& awardDay);
/// The ceremony list of an award day ("badge-ceremony"): the badges awarded with their ceremony after the
/// previous award day and on or before `awardDay`, with the badge numbers.
ReportModel badgeCeremonyReport(Services& s, const Actor& actor, const core::Date& awardDay);

}  // namespace dangbo::services
