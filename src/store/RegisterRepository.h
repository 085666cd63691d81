#pragma once
// Organizations, members and their dated history, cell leadership and trainings.
#include <memory>
#include <optional>
#include <vector>

#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// Counts of the register on one day.
struct RegisterCounts {
  int organizations = 0;   ///< cells existing on the day
  int grassroots = 0;
  int subordinate = 0;
  int members = 0;         ///< active or exempt on the day
  int official = 0;
  int probationary = 0;
  int exempt = 0;
  int women = 0;
};

/// Reads and writes the register tables. Statements are prepared once per repository.
class RegisterRepository {
 public:
  explicit RegisterRepository(Database& db);
  ~RegisterRepository();

  /// Inserts an organization (id 0: assigned); returns the id.
  core::Id insertOrganization(const core::Organization& o);
  /// Inserts a member (id 0: assigned) with its search and sort keys; returns the id.
  core::Id insertMember(const core::Member& m);
  /// Appends a history event; returns the id.
  core::Id insertEvent(const core::MemberEvent& e);
  /// Records a cell leader.
  void insertLeader(const core::CellLeader& l);
  /// Records a training.
  void insertTraining(const core::Training& t);

  /// Every organization, by code.
  std::vector<core::Organization> organizations();
  /// The figures of the register on `on` (congress-report definitions).
  RegisterCounts countsOn(const core::Date& on);
  /// Number of member rows of any status.
  int memberRows();

 private:
  struct Statements;
  Database& db_;
  std::unique_ptr<Statements> st_;
};

}  // namespace dangbo::store
