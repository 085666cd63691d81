#pragma once
// The committee's identity, dated rule values, targets, terms and the holiday calendar.
#include <vector>

#include "core/Records.h"
#include "core/Rules.h"
#include "core/WorkCalendar.h"
#include "store/Database.h"

namespace dangbo::store {

/// A Gregorian date pair of a lunar year.
struct LunarAnchor {
  int year = 0;
  core::Date tetDay1;
  core::Date gioTo;
};

/// Reads and writes the settings tables.
class SettingsRepository {
 public:
  explicit SettingsRepository(Database& db) : db_(db) {}
  /// The committee row; throws DatabaseError when missing.
  core::CommitteeInfo committee();
  /// Writes the committee row (creating it when missing).
  void saveCommittee(const core::CommitteeInfo& info);
  /// The change counter of the file.
  int64_t revision();
  /// Increments the change counter.
  void bumpRevision();

  /// Every stored rule value.
  std::vector<core::RuleValue> ruleValues();
  /// Adds a value; replaces the one of the same key and date.
  void saveRuleValue(const core::RuleValue& v, const std::string& user);
  /// Removes one value; false when there was none.
  bool deleteRuleValue(const std::string& key, const core::Date& validFrom);

  /// Every target.
  std::vector<core::Target> targets();
  /// Inserts or replaces a target.
  void saveTarget(const core::Target& t);
  /// Removes a target; false when there was none.
  bool deleteTarget(const std::string& key, int fromYear, int toYear, const std::string& origin = {});

  /// Every term.
  std::vector<core::Term> terms();
  /// Inserts a term (id 0: assigned) or updates it; returns the id.
  core::Id saveTerm(const core::Term& t);

  /// The holiday entries, by date.
  std::vector<core::WorkCalendar::Entry> holidays();
  /// Inserts or replaces holiday entries.
  void saveHolidays(const std::vector<core::WorkCalendar::Entry>& entries, const std::string& source);
  /// Removes one holiday entry; false when there was none.
  bool deleteHoliday(const core::Date& d);
  /// The lunar anchors (Tết, Giỗ Tổ) by year.
  std::vector<LunarAnchor> lunarAnchors();

 private:
  Database& db_;
};

}  // namespace dangbo::store
