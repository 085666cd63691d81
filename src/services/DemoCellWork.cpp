#include "services/DemoCellWork.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/CellWork.h"
#include "services/DemoNames.h"
#include "store/CellWorkRepository.h"
#include "store/MemberQuery.h"
#include "store/RegisterRepository.h"
#include "store/SettingsRepository.h"

namespace dangbo::services {

using core::Date;
using core::YearMonth;

namespace {
constexpr const char* kDemoRegulation = "Dữ liệu mẫu: giá trị do văn phòng nhập";

struct Plan {
  std::set<size_t> absent, defaulters, onLeave, reduced, exempted;
  std::map<size_t, YearMonth> missedMonth;  // one unpaid month
  std::set<core::Id> skipRegular, skipThematic;
};

Date dayOf(YearMonth m, int day) {
  return *Date::make(m.year, m.month, std::min(day, m.last().day()));
}
}  // namespace

DemoCellWorkCounts writeDemoCellWork(store::Database& db, uint64_t seed, const Date& today) {
  DemoCellWorkCounts n;
  demo::Rng r(seed ^ 0xCE11'0F'D0E5ull);
  store::SettingsRepository settings(db);
  // The values the office enters (our sources give none): the demo commune's choice.
  for (auto [key, value] : {std::pair{"dues.other_vnd", "10000"},
                            {"dues.cell_keeps_percent", "30"},
                            {"dues.commune_keeps_percent", "50"}})
    settings.saveRuleValue({key, *Date::make(2000, 1, 1), value, kDemoRegulation, ""}, "dangbo");
  const core::RuleBook rules(settings.ruleValues());
  const auto snap = store::loadListSnapshot(db);
  const auto orgs = store::RegisterRepository(db).organizations();
  store::CellWorkRepository repo(db);

  const YearMonth last = YearMonth::of(today), first = last.plus(-24);
  const size_t M = snap.members.size();
  auto present = [&](size_t i, const Date& d) {
    const auto s = static_cast<int32_t>(d.serial());
    return snap.joinedDay[i] <= s && s < snap.endDay[i];
  };
  // The plants, among the members present today.
  std::vector<size_t> now;
  for (size_t i = 0; i < M; ++i)
    if (present(i, today) && snap.members[i].status == "active") now.push_back(i);
  Plan plan;
  auto pick = [&](std::set<size_t>& into, size_t count) {
    for (size_t tries = 0; into.size() < count && tries < 1000 && !now.empty(); ++tries) {
      size_t i = now[static_cast<size_t>(r.range(0, static_cast<int64_t>(now.size()) - 1))];
      if (!plan.absent.contains(i) && !plan.defaulters.contains(i) && !plan.onLeave.contains(i) &&
          !plan.reduced.contains(i) && !plan.exempted.contains(i))
        into.insert(i);
    }
  };
  const size_t scale = std::max<size_t>(1, now.size() / 1000);
  pick(plan.absent, 3 * scale);
  pick(plan.defaulters, 4 * scale);
  pick(plan.onLeave, 3 * scale);
  pick(plan.reduced, 2 * scale);
  pick(plan.exempted, 1 * scale);
  for (size_t k = 0; k < 8 * scale && !now.empty(); ++k) {
    size_t i = now[static_cast<size_t>(r.range(0, static_cast<int64_t>(now.size()) - 1))];
    if (!plan.defaulters.contains(i)) plan.missedMonth[i] = last.plus(-static_cast<int>(r.range(2, 6)));
  }
  std::vector<core::Id> cellIds;
  for (const auto& o : orgs) cellIds.push_back(o.id);
  for (size_t k = 0; k < 2 * scale && !cellIds.empty(); ++k)
    plan.skipRegular.insert(
        cellIds[static_cast<size_t>(r.range(0, static_cast<int64_t>(cellIds.size()) - 1))]);
  for (size_t k = 0; k < scale && !cellIds.empty(); ++k)
    plan.skipThematic.insert(
        cellIds[static_cast<size_t>(r.range(0, static_cast<int64_t>(cellIds.size()) - 1))]);
  const YearMonth missedMeetingMonth = last.plus(-3);
  const YearMonth thisYearFirst{today.year(), 1};
  // Temporary leaves: from March to August of this year (or the last six months).
  std::unordered_map<size_t, std::pair<Date, Date>> leaves;
  for (size_t i : plan.onLeave) {
    const YearMonth from = std::max(thisYearFirst.plus(2), last.plus(-8));
    const Date a = from.first(), b = from.plus(5).last();
    if (!present(i, a)) continue;
    repo.saveLeave({0, snap.members[i].id, a, b, "Đi làm ăn xa", "Quyết định của chi bộ (dữ liệu mẫu)"});
    leaves[i] = {a, b};
    ++n.leaves;
  }
  auto onLeave = [&](size_t i, const Date& from, const Date& to) {
    auto it = leaves.find(i);
    return it != leaves.end() && it->second.first <= to && from <= it->second.second;
  };
  auto exemptOn = [&](size_t i, const Date& d) {
    const auto& m = snap.members[i];
    return m.status == "exempt" && (!m.statusSince || *m.statusSince <= d);
  };
  const int absenceMonths[] = {2, 5, 8};

  // Meetings with their attendance: the regular meeting on the 24th (villages) or 25th (agencies, schools), a
  // thematic meeting on the 10th of each quarter's second month.
  for (YearMonth m = first; m <= last; m = m.plus(1)) {
    std::unordered_map<int, std::unordered_map<core::Id, std::vector<size_t>>>
        byDay;  // day -> cell -> members
    for (int day : {10, 24, 25}) {
      const Date d = dayOf(m, day);
      if (d > today) continue;
      auto& cells = byDay[day];
      for (size_t i = 0; i < M; ++i)
        if (present(i, d)) cells[store::cellOn(snap, i, d)].push_back(i);
    }
    for (const auto& o : orgs) {
      auto meet = [&](int day, const char* kind) {
        const Date d = dayOf(m, day);
        if (d > today || (o.founded && d < *o.founded) || (o.ceased && d >= *o.ceased)) return;
        auto& list = byDay[day][o.id];
        if (list.empty()) return;
        store::MeetingRow row;
        row.cellId = o.id;
        row.heldOn = d;
        row.kind = kind;
        row.topic = std::string(kind) == "chuyen_de"
                        ? "Học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
                        : "Đánh giá nhiệm vụ tháng, triển khai nhiệm vụ tháng tới";
        const bool brief = r.permille(15);
        row.startsAt = brief ? "20:00" : "19:30";
        row.endsAt = "21:00";
        std::vector<store::AttendanceRow> att;
        int came = 0, expected = 0;
        for (size_t i : list) {
          store::AttendanceRow a{0, snap.members[i].id, "co_mat", ""};
          if (exemptOn(i, d) || onLeave(i, d, d)) {
            a.status = "vang_co_ly_do";
            a.reason = exemptOn(i, d) ? "Miễn sinh hoạt" : "Tạm miễn sinh hoạt";
          } else {
            ++expected;
            const bool planted = plan.absent.contains(i) && m.year == today.year() &&
                                 std::string(kind) == "thuong_ky" &&
                                 std::find(std::begin(absenceMonths), std::end(absenceMonths), m.month) !=
                                     std::end(absenceMonths);
            if (planted || r.permille(3)) {
              a.status = "vang_khong_ly_do";
            } else if (r.permille(20)) {
              a.status = "vang_co_ly_do";
              a.reason = r.permille(500) ? "Ốm" : "Đi làm xa";
            } else {
              ++came;
            }
          }
          att.push_back(std::move(a));
        }
        const auto rate = core::attendanceRateTenths(came, expected).value_or(0);
        row.grade = rate > 850 && !brief ? "tot" : rate > 700 ? "kha" : "trung_binh";
        row.id = repo.saveMeeting(row);
        repo.replaceAttendance(row.id, att);
        ++n.meetings;
        n.attendance += static_cast<int>(att.size());
      };
      const bool village = o.category == "ban";
      if (!(plan.skipRegular.contains(o.id) && m == missedMeetingMonth)) meet(village ? 24 : 25, "thuong_ky");
      const YearMonth lastQuarterMid = YearMonth{last.year, (last.quarter() - 1) * 3 + 2}.plus(-3);
      if (m.month % 3 == 2 && !(plan.skipThematic.contains(o.id) && m == lastQuarterMid))
        meet(10, "chuyen_de");
    }
  }

  // Dues: a basis for each member from the first month they belong in the window, the payments of each month
  // at its regular meeting (a few late), the plants unpaid, and what each cell sent up.
  std::map<std::pair<core::Id, YearMonth>, int64_t> collected;  // (cell, month paid) -> amount
  for (size_t i = 0; i < M; ++i) {
    const auto& mem = snap.members[i];
    std::optional<YearMonth> from;
    for (YearMonth m = first; m <= last && !from; m = m.plus(1))
      if (present(i, std::min(m.last(), today))) from = m;
    if (!from) continue;
    const int age = mem.birthDate ? core::completedYears(mem.birthDate->anchor(), today) : 40;
    const auto cellCategory =
        snap.cells.count(mem.cellId) ? snap.cells.at(mem.cellId).category : std::string("ban");
    std::vector<core::DuesBasis> bases;
    core::DuesBasis b;
    b.from = *from;
    if (age >= 62) {
      b.category = "huu_tri";
      b.baseVnd = r.range(350, 650) * 10000;
    } else if (age <= 22) {
      b.category = "hoc_sinh";
    } else if (cellCategory != "ban") {
      b.category = "bhxh";
      b.baseVnd = r.range(450, 1200) * 10000;
    } else {
      b.category = "khac";
    }
    bases.push_back(b);
    if (b.category == "bhxh" && r.permille(150) && YearMonth{first.year + 1, 7} > *from) {
      core::DuesBasis raised = b;
      raised.from = {first.year + 1, 7};
      raised.baseVnd = *b.baseVnd / 10000 * 11000;
      bases.push_back(raised);
    }
    if (plan.reduced.contains(i) || plan.exempted.contains(i)) {
      core::DuesBasis relief = bases.back();
      relief.from = std::max(thisYearFirst, *from);
      relief.relief = plan.reduced.contains(i) ? "giam50" : "mien";
      relief.decision = "Quyết định của Đảng ủy xã (dữ liệu mẫu)";
      if (relief.from > bases.back().from)
        bases.push_back(relief);
      else
        bases.back() = relief;
    }
    for (const auto& x : bases) {
      repo.saveBasis(mem.id, x);
      ++n.bases;
    }
    for (YearMonth m = *from; m <= last; m = m.plus(1)) {
      const Date end = m.last();
      if (!present(i, std::min(end, today))) continue;
      const auto due = core::duesDue(bases, m, mem.admittedOn, rules);
      if (!due.due || *due.due <= 0) continue;
      if (plan.defaulters.contains(i) && m >= last.plus(-4)) continue;
      if (auto it = plan.missedMonth.find(i); it != plan.missedMonth.end() && it->second == m) continue;
      if (onLeave(i, m.first(), end)) continue;
      const core::Id cell = store::cellOn(snap, i, std::min(end, today));
      const bool village = snap.cells.count(cell) && snap.cells.at(cell).category == "ban";
      Date paid = dayOf(m, village ? 24 : 25);
      if (r.permille(40)) paid = dayOf(m.plus(1), village ? 24 : 25);
      if (paid > today) continue;
      repo.savePayment({0, mem.id, m, *due.due, paid, r.permille(150) ? "cong_dvc" : "tien_mat",
                        "BL" + demo::padNum(n.payments + 1, 6), cell});
      collected[{cell, YearMonth::of(paid)}] += *due.due;
      ++n.payments;
    }
  }
  for (const auto& [key, amount] : collected) {
    const Date sent = dayOf(key.second.plus(1), 5);
    if (sent > today) continue;
    const auto kept = core::percentOf(
        amount, rules.valueOn(core::duesRule::kCellKeepsPercent, key.second.first()).value_or("0"));
    repo.saveRemittance({key.first, key.second, amount - kept.value_or(0), sent});
  }
  return n;
}

}  // namespace dangbo::services
