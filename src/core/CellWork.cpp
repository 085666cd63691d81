#include "core/CellWork.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

#include "core/I18n.h"
#include "core/PartyAge.h"

namespace dangbo::core {

namespace {
std::optional<int> number(std::string_view s) {
  int v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<int64_t> wholeValue(const RuleBook& rules, std::string_view key, const Date& on) {
  auto v = rules.valueOn(key, on);
  if (!v) return std::nullopt;
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size() || n < 0) return std::nullopt;
  return n;
}

constexpr EnumItem kMeetingKind[] = {
    {"thuong_ky", N_("Regular")}, {"chuyen_de", N_("Thematic")}, {"bat_thuong", N_("Extraordinary")}};
constexpr EnumItem kMeetingGrade[] = {
    {"tot", N_("Good")}, {"kha", N_("Fair")}, {"trung_binh", N_("Average")}, {"kem", N_("Poor")}};
constexpr EnumItem kAttendance[] = {{"co_mat", N_("Present")},
                                    {"vang_co_ly_do", N_("Absent with reason")},
                                    {"vang_khong_ly_do", N_("Absent without reason")}};
constexpr EnumItem kDuesCategory[] = {{"bhxh", N_("Salary with social insurance")},
                                      {"huu_tri", N_("Pension")},
                                      {"hoc_sinh", N_("Pupil or student")},
                                      {"khac", N_("Other")}};
constexpr EnumItem kDuesRelief[] = {{"mien", N_("Exempt")},
                                    {"giam30", N_("Reduced 30%")},
                                    {"giam50", N_("Reduced 50%")},
                                    {"giam70", N_("Reduced 70%")}};
constexpr EnumItem kDuesChannel[] = {{"tien_mat", N_("Cash")}, {"cong_dvc", N_("Public service portal")}};
}  // namespace

namespace enums {
const EnumSet meetingKind("meeting_kind", kMeetingKind);
const EnumSet meetingGrade("meeting_grade", kMeetingGrade);
const EnumSet attendanceStatus("attendance_status", kAttendance);
const EnumSet duesCategory("dues_category", kDuesCategory);
const EnumSet duesRelief("dues_relief", kDuesRelief);
const EnumSet duesChannel("dues_channel", kDuesChannel);
}  // namespace enums

std::optional<YearMonth> YearMonth::parse(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  std::optional<int> y, m;
  if (s.size() == 7 && s[4] == '-') {
    y = number(s.substr(0, 4));
    m = number(s.substr(5, 2));
  } else if (auto slash = s.find('/');
             slash != std::string_view::npos && (slash == 1 || slash == 2) && s.size() == slash + 5) {
    m = number(s.substr(0, slash));
    y = number(s.substr(slash + 1));
  }
  if (!y || !m || *m < 1 || *m > 12 || *y < Date::kMinYear || *y > Date::kMaxYear) return std::nullopt;
  return YearMonth{*y, *m};
}

std::string YearMonth::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string YearMonth::vn() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%04d", month, year);
  return buf;
}

Date YearMonth::first() const {
  return *Date::make(year, month, 1);
}
Date YearMonth::last() const {
  return first().lastOfMonth();
}

YearMonth YearMonth::plus(int n) const {
  const int i = index() + n;
  return {i / 12, i % 12 + 1};
}

const DuesBasis* basisIn(std::span<const DuesBasis> bases, YearMonth month) {
  const DuesBasis* found = nullptr;
  for (const auto& b : bases) {
    if (b.from > month) break;
    found = &b;
  }
  return found;
}

std::optional<int64_t> percentOf(int64_t amount, std::string_view percent, int reducedPercent,
                                 int64_t rounding) {
  // percent as an exact fraction num / den of 100.
  auto dot = percent.find('.');
  std::string_view whole = percent.substr(0, dot),
                   frac = dot == std::string_view::npos ? "" : percent.substr(dot + 1);
  if (whole.empty() || frac.size() > 6) return std::nullopt;
  auto w = number(whole);
  auto f = frac.empty() ? std::optional<int>(0) : number(frac);
  if (!w || !f || *w < 0 || *f < 0) return std::nullopt;
  __int128 den = 100;
  for (size_t i = 0; i < frac.size(); ++i) den *= 10;
  __int128 num = static_cast<__int128>(*w) * (den / 100) + *f;
  num *= amount;
  num *= (100 - reducedPercent);
  den *= 100;
  if (rounding < 1) rounding = 1;
  den *= rounding;
  const __int128 q = (2 * num + den) / (2 * den);  // half up
  return static_cast<int64_t>(q * rounding);
}

DuesDue duesDue(std::span<const DuesBasis> bases, YearMonth month, std::optional<Date> firstAdmitted,
                const RuleBook& rules) {
  DuesDue out;
  const DuesBasis* b = basisIn(bases, month);
  const Date on = month.first();
  if (firstAdmitted) {
    if (auto years = wholeValue(rules, duesRule::kExemptPartyYears, on); years && *years > 0) {
      auto reached = dayPartyAgeReaches(*firstAdmitted, {}, static_cast<int>(*years));
      if (reached && *reached <= month.last()) {
        out.exempt = true;
        out.due = 0;
        return out;
      }
    }
  }
  if (!b) return out;
  if (b->relief == "mien") {
    out.exempt = true;
    out.due = 0;
    return out;
  }
  int reduced = 0;
  if (b->relief.size() == 6 && b->relief.starts_with("giam") && month.index() - b->from.index() < 12)
    reduced = number(std::string_view(b->relief).substr(4)).value_or(0);
  const int64_t rounding = wholeValue(rules, duesRule::kRoundingVnd, on).value_or(1);
  auto missing = [&](std::string_view key) {
    out.missingRule = std::string(key);
    return out;
  };
  if (b->category == "bhxh" || b->category == "huu_tri") {
    const auto key = b->category == "bhxh" ? duesRule::kSalaryPercent : duesRule::kPensionPercent;
    auto pct = rules.valueOn(key, on);
    if (!pct) return missing(key);
    if (!b->baseVnd) return out;
    out.due = percentOf(*b->baseVnd, *pct, reduced, rounding);
    if (!out.due) return missing(key);
  } else {
    const auto key = b->category == "hoc_sinh" ? duesRule::kStudentVnd : duesRule::kOtherVnd;
    auto amount = wholeValue(rules, key, on);
    if (!amount) return missing(key);
    out.due = percentOf(*amount, "100", reduced, rounding);
  }
  out.reducedPercent = reduced;
  return out;
}

bool monthPast(YearMonth m, const Date& asOf) {
  return m.last() <= asOf;
}

std::vector<YearMonth> duesGroundMonths(std::span<const DuesMonthState> months, int year, const Date& asOf) {
  std::vector<YearMonth> out;
  for (const auto& m : months)
    if (m.month.year == year && monthPast(m.month, asOf) && m.due.due && *m.due.due > 0 && m.owed > 0 &&
        !m.onLeave)
      out.push_back(m.month);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<int64_t> attendanceRateTenths(int present, int expected) {
  if (expected <= 0) return std::nullopt;
  // present / expected * 100, in tenths, half up (integer arithmetic, as core/Numbers).
  const int64_t num = static_cast<int64_t>(present) * 1000;
  return (2 * num + expected) / (2 * static_cast<int64_t>(expected));
}

std::optional<int> meetingMinutes(std::string_view startsAt, std::string_view endsAt) {
  auto minutes = [](std::string_view t) -> std::optional<int> {
    auto colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || t.size() != colon + 3)
      return std::nullopt;
    auto h = number(t.substr(0, colon)), m = number(t.substr(colon + 1));
    if (!h || !m || *h < 0 || *h > 23 || *m < 0 || *m > 59) return std::nullopt;
    return *h * 60 + *m;
  };
  auto a = minutes(startsAt), b = minutes(endsAt);
  if (!a || !b || *b <= *a) return std::nullopt;
  return *b - *a;
}

std::vector<YearMonth> monthsMissingMeeting(std::span<const MeetingSeen> meetings, const Date& asOf,
                                            const RuleBook& rules) {
  std::vector<YearMonth> out;
  if (meetings.empty()) return out;
  std::map<YearMonth, int> regular;
  YearMonth firstSeen = YearMonth::of(meetings.front().on);
  for (const auto& m : meetings) {
    firstSeen = std::min(firstSeen, YearMonth::of(m.on));
    if (m.kind == "thuong_ky") ++regular[YearMonth::of(m.on)];
  }
  for (YearMonth ym = firstSeen; monthPast(ym, asOf); ym = ym.plus(1)) {
    const int64_t need = wholeValue(rules, duesRule::kRegularPerMonth, ym.first()).value_or(0);
    auto it = regular.find(ym);
    if ((it == regular.end() ? 0 : it->second) < need) out.push_back(ym);
  }
  return out;
}

std::vector<YearMonth> quartersMissingThematic(std::span<const MeetingSeen> meetings, const Date& asOf,
                                               const RuleBook& rules) {
  std::vector<YearMonth> out;
  if (meetings.empty()) return out;
  std::map<YearMonth, int> thematic;  // by the quarter's first month
  YearMonth firstSeen = YearMonth::of(meetings.front().on);
  auto quarterOf = [](YearMonth ym) { return YearMonth{ym.year, (ym.quarter() - 1) * 3 + 1}; };
  for (const auto& m : meetings) {
    firstSeen = std::min(firstSeen, YearMonth::of(m.on));
    if (m.kind == "chuyen_de") ++thematic[quarterOf(YearMonth::of(m.on))];
  }
  YearMonth q = quarterOf(firstSeen);
  if (q < firstSeen) q = q.plus(3);
  for (; monthPast(q.plus(2), asOf); q = q.plus(3)) {
    const int64_t need = wholeValue(rules, duesRule::kThematicPerQuarter, q.first()).value_or(0);
    auto it = thematic.find(q);
    if ((it == thematic.end() ? 0 : it->second) < need) out.push_back(q);
  }
  return out;
}

std::map<int, std::vector<YearMonth>> unexcusedAbsenceMonths(std::span<const AttendanceSeen> seen) {
  std::map<int, std::set<YearMonth>> months;
  for (const auto& a : seen)
    if (a.status == "vang_khong_ly_do") months[a.on.year()].insert(YearMonth::of(a.on));
  std::map<int, std::vector<YearMonth>> out;
  for (auto& [y, set] : months) out[y].assign(set.begin(), set.end());
  return out;
}

}  // namespace dangbo::core
