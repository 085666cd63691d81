#include <cstdio>
#include <ctime>
// The cells' monthly work as read (services/CellWork.h): the meetings with their attendance counts, the dues
// book and summary, the removal grounds and the findings of `check`, each from the door's own register view.
#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "services/CellWork.h"
#include "services/CellWorkInternal.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/CellWorkFindingsQueries.h"

namespace dangbo::services {

using cellwork::requireRead;

namespace {

std::string money(int64_t v) {
  return core::formatCountVn(v);
}

std::string monthsText(const std::vector<YearMonth>& months) {
  std::string out;
  for (const auto& m : months) out.append(out.empty() ? "" : ", ").append(m.vn());
  return out;
}

}  // namespace

// --- reading ---

namespace {
/// The dues of the members of one cell (or all cells) for the months of a year up to as_of.
struct DuesYear {
  struct Line {
    size_t member;
    core::Id cellId;
    std::map<int, DuesBookMonth> months;
  };
  std::vector<Line> lines;                                     // one per member and cell
  std::map<std::pair<core::Id, int>, DuesMonthTotals> totals;  // (cell, month)
};

/// The totals by cell and month, summed member-month by member-month (one lookup per member and cell), then
/// the collections and what was sent; kept at the end for the months something counted in, with the shares.
class CellTotals {
 public:
  DuesMonthTotals& at(core::Id cellId, int m) {
    Cell& cell = acc_[cellId];
    cell.touched |= 1u << m;
    return cell.month[size_t(m)];
  }
  /// One member's month of the cell.
  static void count(DuesMonthTotals& t, const DuesBookMonth& bm) {
    ++t.members;
    if (bm.due.exempt) ++t.exempt;
    if (bm.owed > 0) ++t.unpaid;
    t.due += bm.due.due.value_or(0);
    t.owed += bm.owed;
  }
  /// What each cell sent up for the months first..last (one cell or all).
  void addSent(store::CellWorkRepository& repo, const YearMonth& first, const YearMonth& last,
               std::optional<core::Id> onlyCell) {
    for (const auto& r : repo.remittancesFor(first, last))
      if (!onlyCell || r.cellId == *onlyCell) at(r.cellId, r.month.month).sent += r.amount;
  }
  std::map<std::pair<core::Id, int>, DuesMonthTotals> finish(const core::RuleBook& rules, int year) const {
    std::map<std::pair<core::Id, int>, DuesMonthTotals> out;
    for (const auto& [cellId, cell] : acc_)
      for (int m = 1; m <= 12; ++m)
        if (cell.touched & (1u << m)) out[{cellId, m}] = cell.month[size_t(m)];
    for (auto& [key, t] : out) {
      const Date on = YearMonth{year, key.second}.first();
      if (auto share = rules.valueOn(core::duesRule::kCellKeepsPercent, on)) {
        t.kept = core::percentOf(t.collected, *share);
        if (t.kept) t.toSend = t.collected - *t.kept;
      }
    }
    return out;
  }

 private:
  struct Cell {
    std::array<DuesMonthTotals, 13> month{};
    unsigned touched = 0;  // bit m: month m counted
  };
  std::unordered_map<core::Id, Cell> acc_;
};

/// The months 1..lastMonth at whose end member `i` belonged to a cell (one cell or any), by cell in id order
/// (usually one cell).
void cellMonthsOf(const Register& reg, size_t i, const std::array<Date, 13>& ends, int lastMonth,
                  std::optional<core::Id> onlyCell, std::vector<std::pair<core::Id, std::vector<int>>>& out) {
  out.clear();
  for (int m = 1; m <= lastMonth; ++m) {
    const Date& end = ends[size_t(m)];
    if (!reg.presentOn(i, end)) continue;
    const core::Id c = reg.cellOn(i, end);
    if (onlyCell && c != *onlyCell) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& x) { return x.first == c; });
    if (it == out.end()) it = out.insert(out.end(), {c, {}});
    it->second.push_back(m);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });  // the order of a map by cell
}

std::array<Date, 13> monthEnds(int year, int lastMonth) {
  std::array<Date, 13> ends{};
  for (int m = 1; m <= lastMonth; ++m) ends[size_t(m)] = YearMonth{year, m}.last();
  return ends;
}

/// Every member's dues basis rows, oldest first.
std::unordered_map<core::Id, std::vector<core::DuesBasis>> basesByMember(store::CellWorkRepository& repo) {
  std::unordered_map<core::Id, std::vector<core::DuesBasis>> out;
  for (auto& b : repo.allBases()) out[b.memberId].push_back(std::move(b.basis));
  return out;
}

DuesYear computeDuesYear(Services& s, const Register& reg, int year, const Date& asOf,
                         std::optional<core::Id> onlyCell, int lastMonth) {
  store::CellWorkRepository repo(storeOf(s));
  const core::RuleBook rules = s.ruleBook();
  const YearMonth first{year, 1}, last{year, lastMonth};
  // Payments for this year's months, and those paid this year for earlier months (arrears collected).
  auto payments = repo.paymentsOfPeriod(first, last, onlyCell);
  std::unordered_map<core::Id, std::vector<const store::PaymentRow*>> paysBy;
  for (const auto& p : payments) paysBy[p.memberId].push_back(&p);
  // Members who belonged to the cell(s) at some month's end.
  DuesYear out;
  std::unordered_map<core::Id, std::vector<core::DuesBasis>> basesBy;
  if (!onlyCell) basesBy = basesByMember(repo);
  const std::array<Date, 13> ends = monthEnds(year, lastMonth);
  CellTotals acc;
  std::vector<std::pair<core::Id, std::vector<int>>> cellMonths;
  for (size_t i = 0; i < reg.snap.members.size(); ++i) {
    cellMonthsOf(reg, i, ends, lastMonth, onlyCell, cellMonths);
    if (cellMonths.empty()) continue;
    const core::Id id = reg.member(i).id;
    std::vector<core::DuesBasis> own;
    const std::vector<core::DuesBasis>* bases = &own;
    if (onlyCell)
      own = repo.bases(id);
    else if (auto it = basesBy.find(id); it != basesBy.end())
      bases = &it->second;
    static const std::vector<const store::PaymentRow*> kNone;
    auto payIt = paysBy.find(id);
    const auto& pays = payIt == paysBy.end() ? kNone : payIt->second;
    for (auto& [cellId, months] : cellMonths) {
      DuesYear::Line line{i, cellId, {}};
      for (int m : months) {
        const YearMonth ym{year, m};
        DuesBookMonth bm;
        bm.due = core::duesDue(*bases, ym, reg.firstAdmitted(i), rules);
        if (const auto* b = core::basisIn(*bases, ym)) bm.base = b->baseVnd;
        for (const auto* p : pays) {
          if (p->month == ym && p->paidOn <= asOf) bm.paid += p->amount;
          if (p->month < ym && YearMonth::of(p->paidOn) == ym && p->paidOn <= asOf) bm.arrears += p->amount;
        }
        if (bm.due.due && *bm.due.due > bm.paid) bm.owed = *bm.due.due - bm.paid;
        CellTotals::count(acc.at(cellId, m), bm);
        line.months[m] = bm;
      }
      out.lines.push_back(std::move(line));
    }
  }
  // Collected in a month: every payment made in it by the cell, whatever month it is for.
  for (const auto& p : payments)
    if (p.paidOn.year() == year && p.paidOn.month() <= lastMonth && p.paidOn <= asOf)
      acc.at(p.cellId, p.paidOn.month()).collected += p.amount;
  acc.addSent(repo, first, last, onlyCell);
  out.totals = acc.finish(rules, year);
  return out;
}

/// Calls visit(member index, cell, month, the month's dues) for every month 1..lastMonth of `year` at whose
/// end a member belonged to a cell, with what the member paid for the month (`paidRows`, the aggregate of
/// store::paymentFigures) against what was due from their bases.
void forEachDuesMonth(const Register& reg, const core::RuleBook& rules,
                      const std::vector<store::PaidMonth>& paidRows,
                      const std::unordered_map<core::Id, std::vector<core::DuesBasis>>& basesBy, int year,
                      int lastMonth,
                      const std::function<void(size_t, core::Id, int, const DuesBookMonth&)>& visit) {
  std::unordered_map<core::Id, std::array<int64_t, 13>> paid;
  for (const auto& p : paidRows) paid[p.memberId][size_t(p.month.month)] += p.amount;
  const std::array<Date, 13> ends = monthEnds(year, lastMonth);
  static const std::vector<core::DuesBasis> kNoBasis;
  static const std::array<int64_t, 13> kNothingPaid{};
  std::vector<std::pair<core::Id, std::vector<int>>> cellMonths;
  for (size_t i = 0; i < reg.snap.members.size(); ++i) {
    cellMonthsOf(reg, i, ends, lastMonth, std::nullopt, cellMonths);
    if (cellMonths.empty()) continue;
    const core::Id id = reg.member(i).id;
    auto b = basesBy.find(id);
    const auto& bases = b == basesBy.end() ? kNoBasis : b->second;
    auto p = paid.find(id);
    const auto& paidFor = p == paid.end() ? kNothingPaid : p->second;
    for (auto& [cellId, months] : cellMonths)
      for (int m : months) {
        DuesBookMonth bm;
        bm.due = core::duesDue(bases, {year, m}, reg.firstAdmitted(i), rules);
        bm.paid = paidFor[size_t(m)];
        if (bm.due.due && *bm.due.due > bm.paid) bm.owed = *bm.due.due - bm.paid;
        visit(i, cellId, m, bm);
      }
  }
}

/// The totals of every cell and month of a year for the commune's summary: the same figures as
/// computeDuesYear's totals over all cells, from what each member paid for each month and what each cell
/// collected in each month (aggregates of the payments, not the rows).
std::map<std::pair<core::Id, int>, DuesMonthTotals> summaryTotals(Services& s, const Register& reg, int year,
                                                                  const Date& asOf, int lastMonth) {
  CellTotals acc;
  const core::RuleBook rules = s.ruleBook();
  if (lastMonth < 1) return acc.finish(rules, year);
  store::CellWorkRepository repo(storeOf(s));
  const YearMonth first{year, 1}, last{year, lastMonth};
  const auto figures = repo.paymentFigures(first, last, asOf);
  forEachDuesMonth(reg, rules, figures.paid, basesByMember(repo), year, lastMonth,
                   [&](size_t, core::Id cellId, int m, const DuesBookMonth& bm) {
                     CellTotals::count(acc.at(cellId, m), bm);
                   });
  // Collected: the payments made from January to the last month listed (and on or before as_of).
  for (const auto& c : figures.collected)
    if (c.month.year == year && c.month.month >= 1 && c.month.month <= lastMonth)
      acc.at(c.cellId, c.month.month).collected += c.amount;
  acc.addSent(repo, first, last, std::nullopt);
  return acc.finish(rules, year);
}

/// Expected attendance of each meeting day: the members present in each cell that day, less the exempt and
/// those on leave, counted by one pass over the members per distinct day (by cell and day).
std::map<std::pair<core::Id, Date>, int> expectedAttendance(const Register& reg,
                                                            const std::vector<store::MeetingRow>& meetings) {
  std::map<std::pair<core::Id, Date>, int> expected;
  std::set<Date> countedDays;
  for (const auto& m : meetings) {
    if (!countedDays.insert(m.heldOn).second) continue;
    for (size_t i = 0; i < reg.snap.members.size(); ++i)
      if (reg.presentOn(i, m.heldOn) && !reg.exemptOn(i, m.heldOn) &&
          !reg.onLeave(reg.member(i).id, m.heldOn, m.heldOn))
        ++expected[{reg.cellOn(i, m.heldOn), m.heldOn}];
  }
  return expected;
}

/// The lines of a year's dues of every member (no totals), from the aggregate of what each member paid for
/// each month (store::paymentFigures): what the findings need, without reading each payment.
DuesYear duesLinesOfYear(Services& s, const Register& reg, int year, const Date& asOf, int lastMonth) {
  store::CellWorkRepository repo(storeOf(s));
  const auto figures = repo.paymentFigures({year, 1}, {year, lastMonth}, asOf);
  DuesYear out;
  forEachDuesMonth(
      reg, s.ruleBook(), figures.paid, basesByMember(repo), year, lastMonth,
      [&](size_t i, core::Id cellId, int m, const DuesBookMonth& bm) {
        if (out.lines.empty() || out.lines.back().member != i || out.lines.back().cellId != cellId)
          out.lines.push_back({i, cellId, {}});
        out.lines.back().months[m] = bm;
      });
  return out;
}

int monthsListed(int year, const Date& asOf) {
  if (asOf.year() > year) return 12;
  if (asOf.year() < year) return 0;
  return asOf.month();
}
}  // namespace

std::vector<CellMemberOnDay> cellMembersOn(Services& s, const Actor& actor, const std::string& cellCode,
                                           const Date& on) {
  Register reg(storeOf(s), cellCode);
  const auto& cell = reg.cellByCode(cellCode);
  requireRead(actor, cell.id);
  std::vector<CellMemberOnDay> out;
  for (size_t i = 0; i < reg.snap.members.size(); ++i)
    if (reg.inCellOn(i, cell.id, on))
      out.push_back({reg.member(i).code, reg.member(i).fullName, reg.exemptOn(i, on),
                     reg.onLeave(reg.member(i).id, on, on)});
  return out;
}

std::vector<MeetingView> meetingsBetween(Services& s, const Actor& actor, const Date& from, const Date& to,
                                         const std::string& cellCode) {
  Register reg(storeOf(s));
  std::optional<core::Id> only;
  if (!cellCode.empty()) only = reg.cellByCode(cellCode).id;
  if (actor.role == "secretary" && !only) only = actor.cellId;
  requireRead(actor, only);
  store::CellWorkRepository repo(storeOf(s));
  auto meetings = repo.meetingsBetween(from, to, only);
  std::unordered_map<core::Id, std::vector<store::AttendanceRow>> att;
  for (auto& a : repo.attendanceBetween(from, to, only)) att[a.meetingId].push_back(std::move(a));
  // Expected attendance: the cell's members that day less exempt and on leave, counted per cell and day.
  const auto expected = expectedAttendance(reg, meetings);
  std::vector<MeetingView> out;
  for (const auto& m : meetings) {
    MeetingView v;
    const auto& cell = reg.org(m.cellId);
    v.cellCode = cell.code;
    v.cellName = cell.name;
    v.heldOn = m.heldOn;
    v.kind = m.kind;
    v.topic = m.topic;
    v.startsAt = m.startsAt;
    v.endsAt = m.endsAt;
    v.grade = m.grade;
    v.resolution = m.resolution;
    v.chairCode = memberCodeOf(reg, m.chairId);
    v.minutesByCode = memberCodeOf(reg, m.minutesBy);
    v.place = m.place;
    auto found = expected.find({m.cellId, m.heldOn});
    v.expected = found == expected.end() ? 0 : found->second;
    for (const auto& a : att[m.id]) {
      if (a.status == "co_mat")
        ++v.present;
      else if (a.status == "vang_co_ly_do")
        ++v.excused;
      else
        ++v.absent;
      v.attendance[memberCodeOf(reg, a.memberId)] = {memberCodeOf(reg, a.memberId), a.status, a.reason};
    }
    v.rateTenths = core::attendanceRateTenths(v.present, v.expected);
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const MeetingView& a, const MeetingView& b) {
    return std::tie(a.cellCode, a.heldOn) < std::tie(b.cellCode, b.heldOn);
  });
  return out;
}

DuesBook duesBook(Services& s, const Actor& actor, const std::string& cellCode, int year, const Date& asOf) {
  Register reg(storeOf(s), cellCode);  // the members who ever belonged to the cell: the book's lines
  const auto& cell = reg.cellByCode(cellCode);
  requireRead(actor, cell.id);
  DuesBook book;
  book.cellCode = cell.code;
  book.cellName = cell.name;
  book.year = year;
  book.asOf = asOf;
  book.lastMonth = monthsListed(year, asOf);
  auto y = computeDuesYear(s, reg, year, asOf, cell.id, book.lastMonth);
  for (auto& l : y.lines)
    book.members.push_back({reg.member(l.member).code, reg.member(l.member).fullName, std::move(l.months)});
  for (int m = 1; m <= book.lastMonth; ++m) book.months[m] = y.totals[{cell.id, m}];
  return book;
}

DuesSummary duesSummary(Services& s, const Actor& actor, int year, const Date& asOf) {
  require(actor, Permission::ReadRegister);
  if (actor.role == "secretary")
    throw core::PermissionError(
        format(tr("The account {1} may read the work of its own cell only."), {actor.username}));
  Register reg(storeOf(s), Register::MembershipOnly{});  // figures: no member is named
  DuesSummary sum;
  sum.year = year;
  sum.asOf = asOf;
  sum.lastMonth = monthsListed(year, asOf);

  std::map<core::Id, DuesSummary::Cell> cells;
  for (auto& [key, t] : summaryTotals(s, reg, year, asOf, sum.lastMonth)) {
    auto& c = cells[key.first];
    c.months[key.second] = t;
  }
  const core::RuleBook rules = s.ruleBook();
  for (auto& [id, c] : cells) {
    const auto& o = reg.org(id);
    c.code = o.code;
    c.name = o.name;
    for (auto& [m, t] : c.months) {
      auto& all = sum.months[m];
      all.members += t.members;
      all.exempt += t.exempt;
      all.unpaid += t.unpaid;
      all.due += t.due;
      all.owed += t.owed;
      all.collected += t.collected;
      all.sent += t.sent;
      if (t.kept) all.kept = all.kept.value_or(0) + *t.kept;
      if (t.toSend) all.toSend = all.toSend.value_or(0) + *t.toSend;
    }
    sum.cells.push_back(std::move(c));
  }
  std::sort(sum.cells.begin(), sum.cells.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  for (int m = 1; m <= sum.lastMonth; ++m) {
    auto& all = sum.months[m];
    auto share = rules.valueOn(core::duesRule::kCommuneKeepsPercent, YearMonth{year, m}.first());
    sum.communeKept[m] = share ? core::percentOf(all.sent, *share) : std::nullopt;
  }
  return sum;
}

namespace {
/// Per member: the months of unexcused absence, from the attendance recorded.
std::unordered_map<core::Id, std::map<int, std::vector<YearMonth>>> absencesByMember(
    Services& s, std::optional<core::Id> cell) {
  // Only the absences without reason count: SQLite picks them out of the attendance rows.
  std::unordered_map<core::Id, std::vector<core::AttendanceSeen>> seen;
  for (const auto& a : store::unexcusedAbsences(storeOf(s), cell))
    seen[a.memberId].push_back({a.on, "vang_khong_ly_do"});
  std::unordered_map<core::Id, std::map<int, std::vector<YearMonth>>> out;
  for (auto& [id, list] : seen)
    if (auto months = core::unexcusedAbsenceMonths(list); !months.empty()) out[id] = std::move(months);
  return out;
}
}  // namespace

namespace {
using Absences = std::unordered_map<core::Id, std::map<int, std::vector<YearMonth>>>;

/// The removal grounds of a year from what is already read: the register, the absences, the year's dues.
std::vector<RemovalGround> groundsOf(Services& s, const Register& reg, const core::RuleBook& rules,
                                     const Absences& absences, const DuesYear* dues, int year,
                                     const Date& asOf, std::optional<core::Id> only) {
  const int needed = rules.valueOn(core::duesRule::kRemovalMonths, *Date::make(year, 12, 31))
                         ? rules.intOn(core::duesRule::kRemovalMonths, *Date::make(year, 12, 31))
                         : 3;
  std::map<core::Id, RemovalGround> byMember;
  auto ground = [&](size_t i) -> RemovalGround& {
    auto& g = byMember[reg.member(i).id];
    g.memberCode = reg.member(i).code;
    g.memberName = reg.member(i).fullName;
    g.year = year;
    return g;
  };
  for (const auto& [id, years] : absences) {
    auto it = years.find(year);
    if (it == years.end() || static_cast<int>(it->second.size()) < needed) continue;
    std::vector<YearMonth> past;
    for (const auto& m : it->second)
      if (m.first() <= asOf) past.push_back(m);
    if (static_cast<int>(past.size()) >= needed && reg.byId.contains(id))
      ground(reg.byId.at(id)).absenceMonths = past;
  }
  if (dues) {
    const auto& y = *dues;
    std::unordered_map<size_t, std::vector<core::DuesMonthState>> states;
    for (const auto& l : y.lines)
      for (const auto& [m, bm] : l.months) {
        core::DuesMonthState st{
            YearMonth{year, m}, bm.due, bm.paid, bm.owed,
            reg.onLeave(reg.member(l.member).id, YearMonth{year, m}.first(), YearMonth{year, m}.last())};
        states[l.member].push_back(st);
      }
    for (auto& [i, list] : states) {
      auto months = core::duesGroundMonths(list, year, asOf);
      if (static_cast<int>(months.size()) >= needed) ground(i).duesMonths = months;
    }
  }
  std::unordered_set<core::Id> proposed;
  for (auto id : store::CellWorkRepository(storeOf(s)).membersWithRemoval()) proposed.insert(id);
  std::vector<RemovalGround> out;
  for (auto& [id, g] : byMember) {
    const size_t i = reg.byId.at(id);
    const Date day = std::min(asOf, *Date::make(year, 12, 31));
    g.cellCode = reg.org(reg.cellOn(i, day)).code;
    if (only && reg.cellOn(i, day) != *only) continue;
    g.proposed = proposed.contains(id);
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const RemovalGround& a, const RemovalGround& b) {
    return std::tie(a.cellCode, a.memberCode) < std::tie(b.cellCode, b.memberCode);
  });
  return out;
}
}  // namespace

std::vector<RemovalGround> removalGrounds(Services& s, const Actor& actor, int year, const Date& asOf) {
  std::optional<core::Id> only;
  if (actor.role == "secretary") only = actor.cellId;
  requireRead(actor, actor.role == "secretary" ? only : std::optional<core::Id>(0));
  Register reg(storeOf(s));
  const int last = monthsListed(year, asOf);
  std::optional<DuesYear> dues;
  if (last > 0) dues = computeDuesYear(s, reg, year, asOf, only, last);
  return groundsOf(s, reg, s.ruleBook(), absencesByMember(s, only), dues ? &*dues : nullptr, year, asOf,
                   only);
}

std::vector<CheckFinding> checkCellWork(Services& s, const Actor& actor, const Date& asOf) {
  require(actor, Permission::ReadRegister);
  std::optional<core::Id> only;
  if (actor.role == "secretary") only = actor.cellId;
  std::vector<CheckFinding> out;
  Register reg(storeOf(s));
  store::CellWorkRepository repo(storeOf(s));
  const core::RuleBook rules = s.ruleBook();
  // Meetings: per cell, from its first recorded meeting.
  const Date from = *Date::make(1900, 1, 1), to = *Date::make(2199, 12, 31);
  const auto meetings = repo.meetingsBetween(from, to, only);
  std::map<core::Id, std::vector<core::MeetingSeen>> byCell;
  for (const auto& m : meetings) byCell[m.cellId].push_back({m.heldOn, m.kind});
  auto perYear = [](const std::vector<YearMonth>& months) {
    std::map<int, std::vector<YearMonth>> out;
    for (const auto& m : months) out[m.year].push_back(m);
    return out;
  };
  for (const auto& [cellId, list] : byCell) {
    const auto& cell = reg.org(cellId);
    for (auto& [y, months] : perYear(core::monthsMissingMeeting(list, asOf, rules)))
      out.push_back(
          {"meeting_missing", cell.code, y,
           format(tr("The cell {1} held no regular meeting in {2}."), {cell.code, monthsText(months)})});
    for (auto& [y, quarters] : perYear(core::quartersMissingThematic(list, asOf, rules))) {
      std::string q;
      for (const auto& m : quarters)
        q.append(q.empty() ? "" : ", ").append(format(tr("quarter {1}"), {std::to_string(m.quarter())}));
      out.push_back({"thematic_missing", cell.code, y,
                     format(tr("The cell {1} held no thematic meeting in {2} of {3}."),
                            {cell.code, q, std::to_string(y)})});
    }
  }
  // Meetings below a good meeting (attendance, length): one finding per cell and year naming them.
  if (!meetings.empty()) {
    std::map<std::pair<std::string, int>, std::string> shortBy;
    // The meetings held by asOf in the order of the meetings' list (cell code, day), each with those present
    // (one aggregate query) against those expected.
    std::vector<store::MeetingRow> held;
    for (const auto& m : meetings)
      if (m.heldOn <= asOf) held.push_back(m);
    const auto presentBy = store::presentByMeeting(storeOf(s), asOf, only);
    const auto expected = expectedAttendance(reg, held);
    struct Held {
      std::string cellCode, startsAt, endsAt;
      Date heldOn;
      std::optional<int64_t> rateTenths;
    };
    std::vector<Held> views;
    for (const auto& m : held) {
      auto p = presentBy.find(m.id);
      auto e = expected.find({m.cellId, m.heldOn});
      views.push_back({reg.org(m.cellId).code, m.startsAt, m.endsAt, m.heldOn,
                       core::attendanceRateTenths(p == presentBy.end() ? 0 : p->second,
                                                  e == expected.end() ? 0 : e->second)});
    }
    std::stable_sort(views.begin(), views.end(), [](const Held& a, const Held& b) {
      return std::tie(a.cellCode, a.heldOn) < std::tie(b.cellCode, b.heldOn);
    });
    for (const auto& v : views) {
      const int rate = rules.valueOn(core::duesRule::kGoodRatePercent, v.heldOn)
                           ? rules.intOn(core::duesRule::kGoodRatePercent, v.heldOn)
                           : 0;
      const int minutes = rules.valueOn(core::duesRule::kGoodMinMinutes, v.heldOn)
                              ? rules.intOn(core::duesRule::kGoodMinMinutes, v.heldOn)
                              : 0;
      std::vector<std::string> why;
      if (v.rateTenths && *v.rateTenths <= rate * 10)
        why.push_back(format(tr("attendance {1}, not above {2}%"),
                             {core::formatPercentVn(*v.rateTenths), std::to_string(rate)}));
      if (auto len = core::meetingMinutes(v.startsAt, v.endsAt); len && *len < minutes)
        why.push_back(format(tr("{1} minutes, under {2}"), {std::to_string(*len), std::to_string(minutes)}));
      if (why.empty()) continue;
      std::string text = v.heldOn.vn() + " (";
      for (size_t k = 0; k < why.size(); ++k) text.append(k ? "; " : "").append(why[k]);
      text += ")";
      auto& all = shortBy[{v.cellCode, v.heldOn.year()}];
      all.append(all.empty() ? "" : ", ").append(text);
    }
    for (const auto& [key, text] : shortBy)
      out.push_back({"meeting_short", key.first, key.second,
                     format(tr("Meetings of the cell {1} below a good meeting: {2}."), {key.first, text})});
  }
  // Removal grounds and arrears, by year.
  const auto firstDues = repo.firstDuesMonth();
  int firstYear = asOf.year();
  if (!meetings.empty()) firstYear = std::min(firstYear, meetings.front().heldOn.year());
  for (const auto& m : meetings) firstYear = std::min(firstYear, m.heldOn.year());
  if (firstDues) firstYear = std::min(firstYear, firstDues->year);
  if (meetings.empty() && !firstDues) return out;
  const Absences absences = absencesByMember(s, only);
  for (int year = firstYear; year <= asOf.year(); ++year) {
    const int last = monthsListed(year, asOf);
    std::optional<DuesYear> dues;
    if (last > 0 && firstDues && firstDues->year <= year)
      dues =
          only ? computeDuesYear(s, reg, year, asOf, only, last) : duesLinesOfYear(s, reg, year, asOf, last);
    for (const auto& g : groundsOf(s, reg, rules, absences, dues ? &*dues : nullptr, year, asOf, only)) {
      if (!g.absenceMonths.empty())
        out.push_back(
            {"absence_removal_ground", g.memberCode, year,
             format(tr("{1} ({2}, cell {3}) was absent without reason in {4}: a ground for removal."),
                    {g.memberName, g.memberCode, g.cellCode, monthsText(g.absenceMonths)})});
      if (!g.duesMonths.empty())
        out.push_back({"dues_removal_ground", g.memberCode, year,
                       format(tr("{1} ({2}, cell {3}) paid no dues for {4}: a ground for removal."),
                              {g.memberName, g.memberCode, g.cellCode, monthsText(g.duesMonths)})});
    }
    if (!dues) continue;
    const auto& y = *dues;
    std::map<size_t, std::pair<std::vector<YearMonth>, int64_t>> arrears;
    std::set<size_t> missingBasis;
    for (const auto& l : y.lines)
      for (const auto& [m, bm] : l.months) {
        const YearMonth ym{year, m};
        if (bm.owed > 0 && core::monthPast(ym, asOf)) {
          arrears[l.member].first.push_back(ym);
          arrears[l.member].second += bm.owed;
        }
        if (!bm.due.due && bm.due.missingRule.empty() && ym >= *firstDues) missingBasis.insert(l.member);
      }
    for (auto& [i, a] : arrears) {
      const auto& mem = reg.member(i);
      out.push_back({"dues_arrears", mem.code, year,
                     format(tr("{1} ({2}) owes {3} đ of dues for {4}."),
                            {mem.fullName, mem.code, money(a.second), monthsText(a.first)})});
    }
    for (size_t i : missingBasis) {
      const auto& mem = reg.member(i);
      out.push_back(
          {"dues_basis_missing", mem.code, year,
           format(tr("{1} ({2}) has no dues basis for some months of {3}: the amount due is unknown."),
                  {mem.fullName, mem.code, std::to_string(year)})});
    }
  }
  return out;
}

}  // namespace dangbo::services
