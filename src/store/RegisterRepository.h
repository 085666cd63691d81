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
  int organizations = 0;  ///< cells existing on the day
  int grassroots = 0;
  int subordinate = 0;
  int members = 0;  ///< active or exempt on the day
  int official = 0;
  int probationary = 0;
  int exempt = 0;
  int women = 0;
};

/// Reads and writes the register tables. Statements are prepared at their first use, once per repository (and
/// once per bulk: store/Prepared.h).
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
  /// The organization with this code.
  std::optional<core::Organization> organizationByCode(const std::string& code);
  /// Writes every field of an existing organization (by id) and its search key.
  void updateOrganization(const core::Organization& o);
  /// Appends a dated organization event (founded, merged, split, dissolved, ...).
  void insertOrganizationEvent(core::Id orgId, const core::Date& date, const std::string& kind,
                               std::optional<core::Id> related, const std::string& decisionNo,
                               const std::string& detail);
  /// Opens a cell-committee period from `from` (none open: else nothing).
  void openCellCommittee(core::Id orgId, const std::optional<core::Date>& from,
                         const std::string& decisionNo);
  /// Closes the open cell-committee period on `on`; false when none was open.
  bool closeCellCommittee(core::Id orgId, const core::Date& on);
  /// Ends the open term of every leader of `orgId` in `role` on `on`.
  void closeLeaders(core::Id orgId, const std::string& role, const core::Date& on);
  /// The leaders of a cell over time, newest first.
  std::vector<core::CellLeader> leaders(core::Id orgId);
  /// Sets the last day (nullopt: still in office) of the period of `l` (by cell, member, role and first day).
  void setLeaderEnd(const core::CellLeader& l);

  /// The member with this code.
  std::optional<core::Member> memberByCode(const std::string& code);
  /// The member with this id.
  std::optional<core::Member> memberById(core::Id id);
  /// Writes every field of an existing member (by id), keeping search and sort keys in step.
  void updateMember(const core::Member& m);
  /// The history of a member, oldest first (same day: in order of entry).
  std::vector<core::MemberEvent> events(core::Id memberId);
  /// Members whose current cell is `orgId`, of any status.
  std::vector<core::Id> membersOfCell(core::Id orgId);
  /// Trainings of a member, newest first.
  std::vector<core::Training> trainings(core::Id memberId);
  /// True when an ethnic group has this code.
  bool ethnicGroupExists(const std::string& code);
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
