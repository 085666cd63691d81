#include "core/Date.h"

#include <ctime>
#include <ostream>

namespace dangbo::core {

namespace {

// Floor division and modulo for a positive divisor.
int64_t floorDiv(int64_t a, int64_t b) {
  return (a >= 0) ? a / b : -((-a + b - 1) / b);
}
int64_t floorMod(int64_t a, int64_t b) {
  return a - floorDiv(a, b) * b;
}

// Days from 1970-01-01 to y-m-d (proleptic Gregorian; the "days from civil" algorithm).
int64_t daysFromCivil(int64_t y, int m, int d) {
  y -= (m <= 2) ? 1 : 0;
  const int64_t era = floorDiv(y, 400);
  const int64_t yoe = y - era * 400;                                   // [0, 399]
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int64_t y;
  int m;
  int d;
};

Ymd civilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = floorDiv(z, 146097);
  const int64_t doe = z - era * 146097;                                       // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Parses a run of 1..maxDigits ASCII digits taking the whole of `s`; -1 otherwise.
int digits(std::string_view s, std::size_t minDigits, std::size_t maxDigits) {
  if (s.size() < minDigits || s.size() > maxDigits) return -1;
  int v = 0;
  for (char c : s) {
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

void pad(std::string& out, int v, int width) {
  std::string s = std::to_string(v < 0 ? -v : v);
  if (v < 0) out += '-';
  for (int i = static_cast<int>(s.size()); i < width; ++i) out += '0';
  out += s;
}

// Splits "a/b/c" into its parts; returns the number of parts (up to 3; 4 means "too many").
int splitSlash(std::string_view s, std::string_view parts[3]) {
  int n = 0;
  std::size_t start = 0;
  for (;;) {
    const std::size_t pos = s.find('/', start);
    if (n == 3) return 4;
    parts[n++] = s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
    if (pos == std::string_view::npos) return n;
    start = pos + 1;
  }
}

// "YYYY-MM-DD" (exactly), or "YYYY-MM" / "YYYY" when allowed; fills y, m, d (0 = absent).
bool parseIso(std::string_view s, int& y, int& m, int& d) {
  y = m = d = 0;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    y = digits(s.substr(0, 4), 4, 4);
    m = digits(s.substr(5, 2), 2, 2);
    d = digits(s.substr(8, 2), 2, 2);
    return y >= 0 && m >= 0 && d >= 0;
  }
  if (s.size() == 7 && s[4] == '-') {
    y = digits(s.substr(0, 4), 4, 4);
    m = digits(s.substr(5, 2), 2, 2);
    return y >= 0 && m >= 0;
  }
  if (s.size() == 4) {
    y = digits(s, 4, 4);
    return y >= 0;
  }
  return false;
}

}  // namespace

bool Date::isLeap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int Date::daysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return (m == 2 && isLeap(y)) ? 29 : kDays[m - 1];
}

bool Date::isValid(int y, int m, int d) {
  return y >= kMinYear && y <= kMaxYear && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

std::optional<Date> Date::make(int y, int m, int d) {
  if (!isValid(y, m, d)) return std::nullopt;
  return Date(y, m, d);
}

std::optional<Date> Date::parse(std::string_view s) {
  s = trim(s);
  if (s.find('/') != std::string_view::npos) {
    std::string_view parts[3];
    if (splitSlash(s, parts) != 3) return std::nullopt;
    const int d = digits(parts[0], 1, 2);
    const int m = digits(parts[1], 1, 2);
    const int y = digits(parts[2], 4, 4);
    if (d < 0 || m < 0 || y < 0) return std::nullopt;
    return make(y, m, d);
  }
  if (s.size() != 10) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parseIso(s, y, m, d)) return std::nullopt;
  return make(y, m, d);
}

Date Date::fromSerial(int64_t daysSince1970) {
  const Ymd c = civilFromDays(daysSince1970);
  return Date(static_cast<int>(c.y), c.m, c.d);
}

Date Date::today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
#if defined(_WIN32)
  localtime_s(&tm, &t);
#else
  localtime_r(&t, &tm);
#endif
  return Date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int64_t Date::serial() const {
  return daysFromCivil(y_, m_, d_);
}

std::string Date::iso() const {
  std::string out;
  out.reserve(10);
  pad(out, y_, 4);
  out += '-';
  pad(out, m_, 2);
  out += '-';
  pad(out, d_, 2);
  return out;
}

std::string Date::vn() const {
  std::string out;
  out.reserve(10);
  pad(out, d_, 2);
  out += '/';
  pad(out, m_, 2);
  out += '/';
  pad(out, y_, 4);
  return out;
}

int Date::isoWeekday() const {
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(floorMod(serial() + 3, 7)) + 1;
}

Date Date::addDays(int64_t n) const {
  return n == 0 ? *this : fromSerial(serial() + n);
}

Date Date::addMonths(int n) const {
  const int64_t total = static_cast<int64_t>(y_) * 12 + (m_ - 1) + n;
  const int y = static_cast<int>(floorDiv(total, 12));
  const int m = static_cast<int>(floorMod(total, 12)) + 1;
  const int dim = daysInMonth(y, m);
  return Date(y, m, d_ > dim ? dim : d_);
}

Date Date::addYears(int n) const {
  return addMonths(n * 12);
}

Date Date::firstOfMonth() const {
  return Date(y_, m_, 1);
}

Date Date::lastOfMonth() const {
  return Date(y_, m_, daysInMonth(y_, m_));
}

std::ostream& operator<<(std::ostream& os, const Date& d) {
  return os << d.iso();
}

int completedYears(const Date& birth, const Date& on) {
  if (on < birth) return -completedYears(on, birth);
  int years = on.year() - birth.year();
  // Compare (month, day) directly: a 29/02 birthday is reached on 01/03 in a common year.
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --years;
  return years;
}

int completedMonths(const Date& from, const Date& on) {
  if (on < from) return -completedMonths(on, from);
  int months = (on.year() - from.year()) * 12 + (on.month() - from.month());
  if (from.addMonths(months) > on) --months;
  return months;
}

// ---------------------------------------------------------------------------------------------
// PartialDate

PartialDate PartialDate::ofDate(const Date& d) {
  PartialDate p;
  p.y_ = d.year();
  p.m_ = d.month();
  p.d_ = d.day();
  return p;
}

std::optional<PartialDate> PartialDate::make(int y, std::optional<int> m, std::optional<int> d) {
  if (y < Date::kMinYear || y > Date::kMaxYear) return std::nullopt;
  if (d && !m) return std::nullopt;
  if (m && (*m < 1 || *m > 12)) return std::nullopt;
  if (d && !Date::isValid(y, *m, *d)) return std::nullopt;
  PartialDate p;
  p.y_ = y;
  p.m_ = m ? *m : 0;
  p.d_ = d ? *d : 0;
  return p;
}

std::optional<PartialDate> PartialDate::parse(std::string_view s) {
  s = trim(s);
  if (s.find('/') != std::string_view::npos) {
    std::string_view parts[3];
    const int n = splitSlash(s, parts);
    if (n == 3) {
      if (auto d = Date::parse(s)) return ofDate(*d);
      return std::nullopt;
    }
    if (n != 2) return std::nullopt;
    const int m = digits(parts[0], 1, 2);
    const int y = digits(parts[1], 4, 4);
    if (m < 0 || y < 0) return std::nullopt;
    return make(y, m);
  }
  int y = 0, m = 0, d = 0;
  if (!parseIso(s, y, m, d)) return std::nullopt;
  if (d != 0 || s.size() == 10) {
    if (auto full = Date::make(y, m, d)) return ofDate(*full);
    return std::nullopt;
  }
  if (s.size() == 7) return make(y, m);
  return make(y);
}

PartialDate::Precision PartialDate::precision() const {
  if (m_ == 0) return Precision::Year;
  if (d_ == 0) return Precision::Month;
  return Precision::Day;
}

std::optional<int> PartialDate::month() const {
  if (m_ == 0) return std::nullopt;
  return m_;
}

std::optional<int> PartialDate::day() const {
  if (d_ == 0) return std::nullopt;
  return d_;
}

std::optional<Date> PartialDate::date() const {
  if (d_ == 0) return std::nullopt;
  return Date::fromSerial(daysFromCivil(y_, m_, d_));
}

std::string PartialDate::storage() const {
  std::string out;
  pad(out, y_, 4);
  if (m_ != 0) {
    out += '-';
    pad(out, m_, 2);
    if (d_ != 0) {
      out += '-';
      pad(out, d_, 2);
    }
  }
  return out;
}

std::string PartialDate::vn() const {
  std::string out;
  if (d_ != 0) {
    pad(out, d_, 2);
    out += '/';
  }
  if (m_ != 0) {
    pad(out, m_, 2);
    out += '/';
  }
  pad(out, y_, 4);
  return out;
}

Date PartialDate::anchor() const {
  // Built through the serial so that a PartialDate made by ofDate() from an out-of-range Date still works.
  const int m = (m_ == 0) ? 7 : m_;
  const int d = (m_ == 0 || d_ == 0) ? 1 : d_;
  return Date::fromSerial(daysFromCivil(y_, m, d));
}

std::ostream& operator<<(std::ostream& os, const PartialDate& d) {
  return os << d.storage();
}

}  // namespace dangbo::core
