#pragma once
// The annual quality rating: rounds (one per year: open or locked) and the ratings of cells and members,
// with the facts the rating rules read (status events, disciplinary decisions, cell leaders).
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// A rating round (rating_rounds).
struct RatingRound {
  int year = 0;          ///< the rated year
  core::Date openedOn;   ///< the day the office opened it
  std::string status;    ///< open | locked
  std::string lockedAt;  ///< UTC ISO time of the lock; empty while open
  std::string lockedBy;  ///< username who locked it; empty while open
};

/// A dated change of a member's standing that the rating reads: exempted, exemption_ended, suspended,
/// suspension_ended.
struct StandingEvent {
  core::Date date;   ///< the event's day
  std::string kind;  ///< the event kind
};

/// Reads and writes rounds and ratings. Each call runs its own statements; writes join the caller's
/// transaction.
class RatingRepository {
 public:
  explicit RatingRepository(Database& db) : db_(db) {}

  /// The round of `year`, if one was opened.
  std::optional<RatingRound> round(int year);
  /// Every round, by year.
  std::vector<RatingRound> rounds();
  /// Inserts a new round (status as given).
  void insertRound(const RatingRound& r);
  /// Sets a round's status, lock time and locker (empty strings store NULL / '').
  void setRoundStatus(int year, const std::string& status, const std::string& lockedAt,
                      const std::string& lockedBy);

  /// The rating of one subject in one year.
  std::optional<core::Rating> rating(int year, const std::string& subjectType, core::Id subjectId);
  /// Every rating of the years fromYear..toYear (both types), by year, subject type, subject id.
  std::vector<core::Rating> ratingsBetween(int fromYear, int toYear);
  /// Inserts (id 0) or updates (by id) a rating; returns its id.
  core::Id saveRating(const core::Rating& r);
  /// Deletes a rating.
  void deleteRating(core::Id id);
  /// Years having any rating, ascending.
  std::vector<int> ratedYears();

  /// Per member: the exempted / exemption_ended / suspended / suspension_ended events, oldest first.
  std::unordered_map<core::Id, std::vector<StandingEvent>> standingEvents();
  /// The subjects of `subjectType` (to_chuc | dang_vien) with a disciplinary decision dated in `year`.
  std::unordered_set<core::Id> disciplinedIn(int year, const std::string& subjectType);
  /// The cell leaders (every role) whose term overlaps `year` (from_date on or before 31/12, to_date none
  /// or on or after 1/1).
  std::vector<core::CellLeader> leadersDuring(int year);

 private:
  Database& db_;
};

}  // namespace dangbo::store
