#include "core/WorkCalendar.h"

#include <algorithm>
#include <cstdint>

namespace dangbo::core {

namespace {

int64_t floorDiv(int64_t a, int64_t b) {
  return (a >= 0) ? a / b : -((-a + b - 1) / b);
}

// Number of Monday-Friday days with serial < s, counted from serial 0 (negative for s < 0).
// Serial 0 (1970-01-01) is a Thursday; prefix[r] = weekdays among the first r days Thu, Fri, Sat, Sun, Mon,
// Tue.
int64_t weekdaysBefore(int64_t s) {
  static constexpr int64_t kPrefix[7] = {0, 1, 2, 2, 2, 3, 4};
  const int64_t weeks = floorDiv(s, 7);
  return weeks * 5 + kPrefix[s - weeks * 7];
}

bool isWeekday(const Date& d) {
  return d.isoWeekday() <= 5;
}

bool entryDateLess(const WorkCalendar::Entry& e, const Date& d) {
  return e.date < d;
}

}  // namespace

WorkCalendar::WorkCalendar(std::vector<Entry> entries) {
  // Stable sort keeps input order among equal dates, so the last one for a date wins.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.date < b.date; });
  for (auto& e : entries) {
    if (!entries_.empty() && entries_.back().date == e.date)
      entries_.back() = std::move(e);
    else
      entries_.push_back(std::move(e));
  }
}

void WorkCalendar::add(const Entry& e) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), e.date, entryDateLess);
  if (it != entries_.end() && it->date == e.date)
    *it = e;
  else
    entries_.insert(it, e);
}

bool WorkCalendar::remove(const Date& d) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), d, entryDateLess);
  if (it == entries_.end() || it->date != d) return false;
  entries_.erase(it);
  return true;
}

const WorkCalendar::Entry* WorkCalendar::find(const Date& d) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), d, entryDateLess);
  if (it == entries_.end() || it->date != d) return nullptr;
  return &*it;
}

bool WorkCalendar::isWorkingDay(const Date& d) const {
  if (const Entry* e = find(d)) return e->kind == Kind::WorkingSwap;
  return isWeekday(d);
}

Date WorkCalendar::addWorkingDays(const Date& start, int n) const {
  // Every week outside the listed days has five working days, so these loops always end.
  Date d = start;
  if (n >= 0) {
    for (int count = 0; count < n;) {
      d = d.addDays(1);
      if (isWorkingDay(d)) ++count;
    }
  } else {
    for (int count = 0; count < -static_cast<int64_t>(n);) {
      d = d.addDays(-1);
      if (isWorkingDay(d)) ++count;
    }
  }
  return d;
}

int WorkCalendar::workingDaysBetween(const Date& from, const Date& to) const {
  if (to < from) return -workingDaysBetween(to, from);
  const int64_t a = from.serial();
  const int64_t b = to.serial();
  // Weekdays in (a, b] = weekdays with serial in [a+1, b+1).
  int64_t count = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
  // Listed days in (from, to] adjust the plain weekday count.
  auto it = std::upper_bound(entries_.begin(), entries_.end(), from,
                             [](const Date& d, const Entry& e) { return d < e.date; });
  for (; it != entries_.end() && it->date <= to; ++it) {
    const bool weekday = isWeekday(it->date);
    if (it->kind == Kind::WorkingSwap) {
      if (!weekday) ++count;
    } else if (weekday) {
      --count;
    }
  }
  return static_cast<int>(count);
}

std::optional<WorkCalendar::Kind> WorkCalendar::kindFromCode(std::string_view code) {
  if (code == "holiday") return Kind::Holiday;
  if (code == "compensatory_off") return Kind::CompensatoryOff;
  if (code == "working_swap") return Kind::WorkingSwap;
  return std::nullopt;
}

std::string_view WorkCalendar::kindCode(Kind k) {
  switch (k) {
    case Kind::Holiday:
      return "holiday";
    case Kind::CompensatoryOff:
      return "compensatory_off";
    case Kind::WorkingSwap:
      return "working_swap";
  }
  return "holiday";
}

}  // namespace dangbo::core
