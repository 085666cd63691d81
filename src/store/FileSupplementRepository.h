#pragma once
// The yearly supplement to the members' files (phiếu bổ sung hồ sơ đảng viên, Mẫu 3-HSĐV): the sheets
// returned (table file_supplement_returns) and the dated records of a year the sheets are pre-filled from
// (badge awards, discipline decisions on members, trainings).
#include <map>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// A sheet marked returned.
struct SupplementReturnRow {
  core::Id memberId = 0;
  int year = 0;
  core::Date returnedOn;
  std::string recordedBy;
};

/// A dated record of a member in a year, as the sheet words it from its parts.
struct SupplementRecord {
  core::Id memberId = 0;
  core::Date on;      ///< its day (a training known only by its year: 31/12 of the year)
  std::string kind;   ///< badge | discipline | training
  std::string code;   ///< badge: the milestone; discipline: the form (khien_trach ...); training: ""
  std::string text;   ///< badge and discipline: the decision's number; training: the course
  bool dated = true;  ///< false for a training known only by its year
};

class FileSupplementRepository {
 public:
  explicit FileSupplementRepository(Database& db) : db_(db) {}
  /// The sheets of `year` marked returned, by member id.
  std::map<core::Id, SupplementReturnRow> returnsOf(int year);
  /// Inserts a return (one per member and year: the caller checks first).
  void insertReturn(const SupplementReturnRow& row);
  /// The badge awards decided, the discipline decisions on members dated, and the trainings of members held
  /// in `year`, by member id then day.
  std::vector<SupplementRecord> recordsOf(int year);

 private:
  Database& db_;
};

}  // namespace dangbo::store
