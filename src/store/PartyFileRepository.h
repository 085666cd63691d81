#pragma once
// The SQL of a member's party file beyond the member row (issue 19): the interruptions that party age does
// not count, the badges awarded, the requests to propose a badge early, and the facts a badge round reads.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/PartyAge.h"
#include "store/Database.h"

namespace dangbo::store {

/// A member as a badge round reads it.
struct BadgeMemberFacts {
  core::Id id = 0;
  std::string code, fullName;
  std::optional<core::PartialDate> birthDate;
  core::Id cellId = 0;
  std::optional<core::Date> admittedOn;
  std::string status;  ///< active | exempt | deceased
  std::optional<core::Date> statusSince;
};

/// A disciplinary decision on a member that delays a badge (reprimand, warning, dismissal).
struct MemberDiscipline {
  std::string form;  ///< khien_trach | canh_cao | cach_chuc
  core::Date on;     ///< the decision's date
};

class PartyFileRepository {
 public:
  explicit PartyFileRepository(Database& db) : db_(db) {}

  /// The interruptions of one member, by start.
  std::vector<core::PartyInterruption> interruptions(core::Id memberId);
  /// Every member's interruptions, by member.
  std::map<core::Id, std::vector<core::PartyInterruption>> allInterruptions();
  /// One interruption by id.
  std::optional<core::PartyInterruption> interruption(core::Id id);
  /// Stores a new interruption; returns its id.
  core::Id insertInterruption(const core::PartyInterruption& i);
  /// Deletes an interruption.
  void deleteInterruption(core::Id id);

  /// The badges of one member (none: of every member), by member and milestone.
  std::vector<core::BadgeAward> badgeAwards(std::optional<core::Id> memberId = std::nullopt);
  /// Stores a badge award; returns its id.
  core::Id insertBadgeAward(const core::BadgeAward& a);
  /// The badge number of every member who has one decided on or before `asOf` (the highest milestone's), by
  /// member id.
  std::map<core::Id, std::string> badgeNumbers(const core::Date& asOf);

  /// The requests of one member (none: of every member).
  std::vector<core::BadgeRequest> badgeRequests(std::optional<core::Id> memberId = std::nullopt);
  /// Stores a request; returns its id.
  core::Id insertBadgeRequest(const core::BadgeRequest& r);

  /// The members a badge round considers: admitted, active, exempt or deceased.
  std::vector<BadgeMemberFacts> badgeMembers();
  /// The reprimands, warnings and dismissals of members, by member id.
  std::map<core::Id, std::vector<MemberDiscipline>> memberDisciplines();

 private:
  Database& db_;
};

}  // namespace dangbo::store
