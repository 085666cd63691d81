#pragma once
// The door of a year's rating written as one value, the committee's level (issue 14, "One door per record"):
// the rows of xep_loai.csv (an import, a merge's ratings) and `dangbo-cli record add|set|show year_rating`.
// - A year whose round is open goes through the ratings page's own calls: enterMemberRatings (the
//   committee's decision: the office only) and rateOrganizations, their checks and audit rows.
// - A year whose round is locked is refused: the office reopens the round, with a reason, first.
// - A past year without a round (the office's records from before the program: the history of the years
//   before the current one) is recorded as the committee's level of that year, with the page's audit row
//   (rating.decide, rating.organization: the old and the new values): a member present in the committee on
//   31 December of the year, rated in the cell they belonged to then (a secretary: only the members of their
//   own cell that year; the office: any); a cell existing on that day (the office only); a level of the four.
//   No year after the current one; the current year needs its round.
#include <memory>
#include <string>

#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// One year's rating of a member or a cell.
struct YearRating {
  int year = 0;             ///< the rated year
  std::string subjectType;  ///< dang_vien | to_chuc
  std::string code;         ///< the member's or the cell's code
  std::string level;        ///< HTXSNV | HTTNV | HTNV | KHTNV, or its Vietnamese label
};

/// The door for a run of ratings (a bulk caller keeps one: the register is read once).
class YearRatingDoor {
 public:
  YearRatingDoor(Services& s, const Actor& actor);
  ~YearRatingDoor();
  YearRatingDoor(const YearRatingDoor&) = delete;
  YearRatingDoor& operator=(const YearRatingDoor&) = delete;
  /// The door's checks alone, writing nothing: PermissionError or DataError (Vietnamese), with `field` set
  /// to the value refused ("year", "subject_type", "code", "level").
  void check(const YearRating& r, std::string* field = nullptr);
  /// Checks and records `r` (an unchanged level writes nothing). A rating of an open round waits for
  /// flush(), which hands the round's ratings to the page's calls at once.
  void record(const YearRating& r);
  /// Writes the waiting ratings of open rounds through the ratings page's calls.
  void flush();

 private:
  struct State;
  std::unique_ptr<State> st_;
};

/// checkYearRating and recordYearRating: one rating through a door of its own.
void checkYearRating(Services& s, const Actor& actor, const YearRating& r, std::string* field = nullptr);
void recordYearRating(Services& s, const Actor& actor, const YearRating& r);

/// The stored level of a year's rating ("" when none); needs ReadRegister, a secretary only for the members
/// of their own cell that year (PermissionError otherwise).
std::string yearRatingLevel(Services& s, const Actor& actor, const YearRating& key);

}  // namespace dangbo::services
