#pragma once
// Candidates, ratings, inspections, disciplinary decisions, removals and committee seats.
#include <memory>
#include <optional>
#include <string>

#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// Counts of the records tables, for summaries and tests.
struct RecordCounts {
  int candidates = 0;  ///< in the admission pipeline now
  int ratings = 0, inspections = 0, disciplines = 0, removals = 0, seats = 0, trainings = 0;
};

/// Writes and reads the non-register records. Statements are prepared at their first use, once per repository
/// (and once per bulk: store/Prepared.h).
class RecordsRepository {
 public:
  explicit RecordsRepository(Database& db);
  ~RecordsRepository();
  /// Inserts a candidate (id 0: assigned); returns the id.
  core::Id insertCandidate(const core::Candidate& c);
  /// Inserts a rating; returns the id.
  core::Id insertRating(const core::Rating& r);
  /// Inserts an inspection case; returns the id.
  core::Id insertInspection(const core::Inspection& i);
  /// Inserts a disciplinary decision; returns the id.
  core::Id insertDiscipline(const core::Discipline& d);
  /// Inserts a removal; returns the id.
  core::Id insertRemoval(const core::Removal& r);
  /// Inserts a committee seat.
  void insertSeat(const core::CommitteeSeat& s);
  /// The position of `memberId` in the committee of term `termId`; nullopt when they hold no seat in it.
  std::optional<std::string> seatPosition(core::Id termId, core::Id memberId);
  /// Changes the position of a stored seat.
  void updateSeatPosition(const core::CommitteeSeat& s);
  /// The id of the term named `name` ("2025-2030"); nullopt when none.
  std::optional<core::Id> termByName(const std::string& name);
  /// Inserts a term; returns its id.
  core::Id insertTerm(const core::Term& t);
  /// Row counts.
  RecordCounts counts();

 private:
  struct Statements;
  Database& db_;
  std::unique_ptr<Statements> st_;
};

}  // namespace dangbo::store
