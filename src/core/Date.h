#pragma once
// Civil dates (Date) and dates known only to the year or month (PartialDate).
// Proleptic Gregorian calendar, no time of day, no time zone.
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace dangbo::core {

/// A civil date (proleptic Gregorian, no time zone).
class Date {
 public:
  /// The smallest year accepted by make() and parse().
  static constexpr int kMinYear = 1800;
  /// The largest year accepted by make() and parse().
  static constexpr int kMaxYear = 2200;

  /// 1970-01-01.
  Date() = default;
  /// The date y-m-d; nullopt when impossible (31/02, 29/02/2023) or y outside kMinYear..kMaxYear.
  static std::optional<Date> make(int y, int m, int d);
  /// Parses "YYYY-MM-DD", "dd/mm/yyyy" and "d/m/yyyy" (surrounding spaces allowed); nullopt otherwise or
  /// impossible. ISO form needs exactly 4-2-2 digits ("2024-2-3" is rejected); the slash form takes 1 or 2
  /// digit day/month and a 4-digit year.
  static std::optional<Date> parse(std::string_view s);
  /// The date `daysSince1970` days after 1970-01-01 (negative: before). Not range-checked.
  static Date fromSerial(int64_t daysSince1970);
  /// Today's date in the local time zone of the computer.
  static Date today();

  /// The year, e.g. 2024.
  int year() const { return y_; }
  /// The month, 1..12.
  int month() const { return m_; }
  /// The day of the month, 1..31.
  int day() const { return d_; }
  /// Days since 1970-01-01 (negative before it).
  int64_t serial() const;
  /// ISO form "2024-12-31".
  std::string iso() const;
  /// Vietnamese form "31/12/2024".
  std::string vn() const;
  /// 1 = Monday .. 7 = Sunday.
  int isoWeekday() const;
  /// True on Saturday and Sunday.
  bool isWeekend() const { return isoWeekday() >= 6; }
  /// The date n days later (n < 0: earlier).
  Date addDays(int64_t n) const;
  /// The date n months later, clamped to the month's last day: 31/01 + 1 month = 29/02 or 28/02.
  Date addMonths(int n) const;
  /// The date n years later, clamped: 29/02 + 1 year = 28/02.
  Date addYears(int n) const;
  /// The first day of this date's month.
  Date firstOfMonth() const;
  /// The last day of this date's month.
  Date lastOfMonth() const;

  /// True for Gregorian leap years (2000 and 2024 yes, 1900 and 2023 no).
  static bool isLeap(int y);
  /// Days in month m (1..12) of year y; 0 when m is out of range.
  static int daysInMonth(int y, int m);
  /// True when y-m-d is a real date with y in kMinYear..kMaxYear.
  static bool isValid(int y, int m, int d);

  /// Chronological ordering.
  friend auto operator<=>(const Date&, const Date&) = default;
  /// Same day.
  friend bool operator==(const Date&, const Date&) = default;

 private:
  Date(int y, int m, int d) : y_(y), m_(m), d_(d) {}
  int y_ = 1970, m_ = 1, d_ = 1;
};

/// Writes the ISO form (used by test frameworks to print values).
std::ostream& operator<<(std::ostream& os, const Date& d);

/// Completed years from `birth` to `on`. A 29/02 birthday is reached on 01/03 in common years
/// (28/02 is NOT used). When `on` is before `birth` the result is -completedYears(on, birth).
int completedYears(const Date& birth, const Date& on);
/// Completed months from `from` to `on`: the largest k with from.addMonths(k) <= on (so 31/01 -> 29/02 is one
/// month). When `on` is before `from` the result is -completedMonths(on, from).
int completedMonths(const Date& from, const Date& on);

/// A date that may be known only to the year or to the month (old records).
class PartialDate {
 public:
  /// How much of the date is known.
  enum class Precision { Year, Month, Day };

  /// Year 1970, precision Year.
  PartialDate() = default;
  /// A full date (precision Day).
  static PartialDate ofDate(const Date& d);
  /// Year, year+month or year+month+day; nullopt when impossible or a day is given without a month.
  static std::optional<PartialDate> make(int y, std::optional<int> m = {}, std::optional<int> d = {});
  /// Parses everything Date::parse takes plus "mm/yyyy", "m/yyyy", "yyyy", and the storage forms "YYYY-MM",
  /// "YYYY".
  static std::optional<PartialDate> parse(std::string_view s);

  /// How much of the date is known.
  Precision precision() const;
  /// The year.
  int year() const { return y_; }
  /// The month when known.
  std::optional<int> month() const;
  /// The day when known.
  std::optional<int> day() const;
  /// The full date when the precision is Day.
  std::optional<Date> date() const;
  /// Storage form "1967", "1967-03", "1967-03-05" (sorts as text in date order).
  std::string storage() const;
  /// Vietnamese form "1967", "03/1967", "05/03/1967".
  std::string vn() const;
  /// The day used to compute an age: year only -> 1 July of it; month/year -> the 1st of that month; full ->
  /// itself.
  Date anchor() const;

  /// Same value and same precision.
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
  /// The order of storage(): by year, then month (unknown first), then day (unknown first).
  friend auto operator<=>(const PartialDate&, const PartialDate&) = default;

 private:
  int y_ = 1970, m_ = 0, d_ = 0;  // 0 = unknown
};

/// Writes the storage form (used by test frameworks to print values).
std::ostream& operator<<(std::ostream& os, const PartialDate& d);

}  // namespace dangbo::core
