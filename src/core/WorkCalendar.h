#pragma once
// Working days for civil servants: Monday-Friday minus announced days off plus swapped Saturdays
// (data/holidays_vn.csv).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Date.h"

namespace dangbo::core {

/// The public-holiday calendar: a day is a working day if it is Monday-Friday and not listed as holiday or
/// compensatory_off, or if it is listed as working_swap.
class WorkCalendar {
 public:
  /// What a listed day is.
  enum class Kind { Holiday, CompensatoryOff, WorkingSwap };
  /// One listed day.
  struct Entry {
    Date date;         ///< the day
    Kind kind;         ///< holiday, compensatory day off or working Saturday
    std::string name;  ///< "Tết Nguyên Đán Giáp Thìn (kỳ nghỉ 08/02–14/02/2024)"
    /// Same date, kind and name.
    friend bool operator==(const Entry&, const Entry&) = default;
  };

  /// An empty calendar: every Monday-Friday is a working day.
  WorkCalendar() = default;
  /// A calendar with these entries (a later entry for the same date replaces an earlier one).
  explicit WorkCalendar(std::vector<Entry> entries);

  /// Adds an entry; a later entry for the same date replaces the earlier.
  void add(const Entry& e);
  /// Removes the entry for this date; false when there was none.
  bool remove(const Date& d);
  /// The entry listed for this date, or nullptr.
  const Entry* find(const Date& d) const;
  /// True when d is a working day.
  bool isWorkingDay(const Date& d) const;
  /// The date that is `n` working days after `start` (start itself not counted; n == 0 returns start).
  /// For n < 0, the working day that is -n working days before start.
  Date addWorkingDays(const Date& start, int n) const;
  /// Number of working days in (from, to] ; negative (minus those in (to, from]) when to < from.
  int workingDaysBetween(const Date& from, const Date& to) const;

  /// "holiday", "compensatory_off", "working_swap" -> Kind; nullopt for anything else.
  static std::optional<Kind> kindFromCode(std::string_view code);
  /// Kind -> "holiday", "compensatory_off", "working_swap".
  static std::string_view kindCode(Kind k);
  /// All entries, sorted by date (one per date).
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;  // sorted by date, unique dates
};

}  // namespace dangbo::core
