#pragma once
// Party age and badges of a member's file (spec/member-file.md "Party age", "Badges"): the interruptions
// party age does not count (entered by the office; the ceremony of a re-admitted candidate creates one), the
// party age shown on the member form, badge awards as records and the requests to propose a badge early.
// Each write checks the actor (the office or an administrator; a cell secretary reads only), validates
// and writes in one transaction with its audit row; the window and `dangbo-cli record` call the same
// functions.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/PartyAge.h"
#include "core/Rules.h"
#include "services/Actor.h"

namespace dangbo::store {
class Database;
}

namespace dangbo::services {

class Services;

/// The facts party age is computed from, for one member.
struct PartyAgeFacts {
  std::optional<core::Date> firstAdmitted;  ///< the first admission (kept across a re-admission)
  std::vector<core::PartyAgeGap> gaps;      ///< every interruption counted, earlier memberships' included
};

/// Party age of every member at once, for lists (deadlines, badge rounds, dues): loads the interruptions
/// once and follows each re-admission back to the earlier membership.
class PartyAgeBook {
 public:
  explicit PartyAgeBook(store::Database& db);
  /// The facts of the member `memberId` whose own admission decision is `admittedOn`.
  PartyAgeFacts facts(core::Id memberId, const std::optional<core::Date>& admittedOn) const;
  /// The day the member's party age reaches `years`; none when unknown or held back by an open gap.
  std::optional<core::Date> reaches(core::Id memberId, const std::optional<core::Date>& admittedOn,
                                    int years) const;

 private:
  void collect(core::Id memberId, int depth, std::vector<core::PartyInterruption>& out) const;
  std::map<core::Id, std::vector<core::PartyInterruption>> byMember_;
};

/// Party age as the member form shows it.
struct PartyAgeView {
  std::optional<core::Date> firstAdmitted;             ///< the first admission
  std::vector<core::PartyInterruption> interruptions;  ///< the member's own, by start
  int years = 0;                                       ///< full years on the day asked
  std::optional<int>
      nextMilestone;  ///< the badge due (the highest milestone reached, above every award), else the next
  std::optional<core::Date> nextMilestoneOn;  ///< the day party age reaches it
  std::vector<core::BadgeAward> awards;       ///< badges awarded, by milestone
  std::vector<core::BadgeRequest> requests;   ///< requests to propose a badge early
};

/// The party age of a member on `on` (a secretary: only of their cell).
PartyAgeView partyAgeOf(Services& s, const Actor& actor, const std::string& memberCode, const core::Date& on);

/// Records an interruption of a member's party membership; returns its id. Refused: a secretary or a reader;
/// an unknown kind; a start before the first admission or in the future; an end before the start or in the
/// future; an overlap with another interruption of the member; a re-admission without the first admission
/// (or with one not before the start).
core::Id addInterruption(Services& s, const Actor& actor, const std::string& memberCode,
                         core::PartyInterruption i);
/// Deletes an interruption recorded by mistake (the audit row keeps what it was).
void deleteInterruption(Services& s, const Actor& actor, core::Id id);

/// Inside the ceremony's transaction: when the new member `memberId` is a former member (same CCCD, or same
/// folded name and date of birth, removed, expelled or out of the Party), records the interruption from the
/// end of the latest earlier membership to `admittedOn`, with the earlier membership's first admission.
void noteReadmission(Services& s, const Actor& actor, core::Id memberId, const core::Date& admittedOn);

/// How many months before its milestone the badge of `milestone` years may be proposed for a request of
/// `kind` (ill, posthumous) on `on`: badge.early_months_ill (for the badges of 70 years and more,
/// badge.early_months_ill_70: Hướng dẫn 01-HD/TW 2021 §18), badge.early_months_posthumous; 0 for any other
/// kind.
int badgeEarlyMonths(const core::RuleBook& rules, const std::string& kind, int milestone,
                     const core::Date& on);

/// Records a badge awarded to a member; returns its id. Refused: a secretary or a reader; a milestone that is
/// not one of badge.milestones on the ceremony; one already awarded; dates in the future or a ceremony before
/// the decision; a decision or badge number missing; a milestone the member's party age does not reach by the
/// ceremony (less the early months the rules allow for an ill or deceased member with a request).
core::Id recordBadgeAward(Services& s, const Actor& actor, const std::string& memberCode, core::BadgeAward a);
/// Records the cell's request to propose a member's badge early: `ill` (seriously ill) or `posthumous` (the
/// member has died). Refused for a secretary or a reader, a date in the future, a request already recorded,
/// `posthumous` for a living member.
core::Id recordBadgeRequest(Services& s, const Actor& actor, const std::string& memberCode,
                            core::BadgeRequest r);

}  // namespace dangbo::services
