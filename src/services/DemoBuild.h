#pragma once
// Internals of the demo generator shared by its two source files: the generation state and small helpers.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "services/DemoGenerator.h"
#include "services/DemoNames.h"

namespace dangbo::services::demo_build {

using core::Date;
using core::Id;
using core::PartialDate;
using demo::padNum;
using demo::Rng;
using demo::Table;

constexpr int64_t kNever = int64_t{1} << 40;

inline Date ymd(int y, int m, int d) {
  return *Date::make(y, m, d);
}
inline Date ser(int64_t s) {
  return Date::fromSerial(s);
}
/// The next working weekday (Saturday and Sunday move to Monday).
inline int64_t weekday(int64_t s) {
  const int w = ser(s).isoWeekday();
  return w == 6 ? s + 2 : (w == 7 ? s + 1 : s);
}
inline int digits(int64_t v) {
  return static_cast<int>(std::to_string(v).size());
}

enum Cat { kCoQuanDang, kChinhQuyen, kQuanSu, kCongAn, kYTe, kBan, kTruong };
constexpr std::string_view kCatCode[] = {"co_quan_dang", "chinh_quyen", "quan_su", "cong_an",
                                         "y_te",         "ban",         "truong"};

struct OrgAux {
  Cat cat = kBan;
  int64_t founded = 0, ceased = kNever;
  std::vector<size_t> fallbacks;  // where members went before the cell was founded
  int weight = 0;
  std::string place;  // village or school name
  int forcedKYear = 0;
};

struct MemberAux {
  int64_t join = 0, end = kNever, exempt = kNever, move = kNever, due = kNever,
          adm = 0;  // due: ceremony + 12 months
  size_t cell0 = 0, cell1 = 0;
  bool anchor = false, here = true, failedProbation = false, disciplined = false;
  std::string_view ground;     // removal ground
  std::vector<int> kYears;     // years rated KHTNV whatever happens
  std::string admitNo, endNo;  // decision numbers of the admission and of the terminal event
};

struct Gen {
  const DemoOptions& o;
  Rng r;
  DemoData& d;
  int64_t t = 0, ws = 0;  // today, start of the history window
  int y0 = 0, firstRated = 0, lastRated = 0;
  std::vector<OrgAux> oa;
  std::vector<MemberAux> ma;
  std::vector<size_t> current;
  std::vector<int64_t> cumAll, cumStaff;
  std::vector<size_t> staffCells;
  uint64_t persons = 0, offset[3] = {0, 0, 0};  // CCCD, card and file numbers: bijections of a counter
  std::vector<std::string> villages;

  Gen(const DemoOptions& opt, DemoData& data) : o(opt), r(opt.seed ^ 0x5DEECE66Dull), d(data) {}
  Date today() const { return o.today; }
  int age(const core::Member& m, int64_t on) const {
    return core::completedYears(m.birthDate->anchor(), ser(on));
  }
  size_t cellAt(const MemberAux& a, int64_t on) const { return on >= a.move ? a.cell1 : a.cell0; }
  bool activeOn(const MemberAux& a, int64_t on) const { return a.join <= on && a.end > on; }
  /// The k-th of distinct numbers below `mod` in a scrambled order (distinct while k < mod).
  uint64_t unique(uint64_t k, uint64_t mod, uint64_t mult, int which) {
    return (k * mult + offset[which]) % mod;
  }
  size_t pickCell(const std::vector<int64_t>& cum, const std::vector<size_t>& cells) {
    const int64_t x = r.range(0, cum.back() - 1);
    return cells[static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), x) - cum.begin())];
  }
};

inline std::string committeeOf(const demo::Place& p, int64_t on) {
  std::string s = "Đảng bộ " + std::string(p.commune);
  if (!p.district.empty() && on < ymd(2025, 7, 1).serial()) s += ", " + std::string(p.district);
  return s + ", " + std::string(p.province);
}
inline std::string decisionNo(Gen& g, int64_t on, std::string_view kind) {
  const bool district = on < ymd(2025, 7, 1).serial();
  return std::to_string(g.r.range(district ? 120 : 10, district ? 2400 : 480)) + "-" + std::string(kind) +
         (district ? "/HU" : "/ĐU");
}

/// Fills who the person is (DemoNames.cpp) with the next distinct CCCD and file numbers.
void fillPerson(Gen& g, core::Member& m, size_t cell, Date birth);

/// Cells, their mergers and founding dates.
void buildOrganizations(Gen& g);
/// Members and their fields.
void buildMembers(Gen& g);
/// The dated history of every member.
void buildEvents(Gen& g);
/// Inspections, disciplinary decisions and removals.
void buildDiscipline(Gen& g);
/// Annual ratings of cells and members.
void buildRatings(Gen& g);
/// Candidates at every stage of the admission file.
void buildCandidates(Gen& g);
/// The commune committee of each term.
void buildCommittee(Gen& g);
/// Cell secretaries over time and their trainings.
void buildLeaders(Gen& g);

}  // namespace dangbo::services::demo_build
