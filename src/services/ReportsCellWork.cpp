// The reports of the cells' monthly work as report models: the dues book S01/ĐP, the commune's dues summary
// S02/ĐP, the monthly meeting table and the removal-ground list (spec/cell-work.md "Outputs").
#include <array>
#include <map>
#include <set>

#include "core/CellWork.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "services/CellWork.h"
#include "services/ReportModel.h"
#include "services/Services.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;
using core::YearMonth;

namespace {
Figure amount(const std::optional<int64_t>& v) {
  return v ? Figure::count(*v) : Figure::label("-");
}

ReportRow row(std::string key, std::vector<Figure> cells, RowRole role = RowRole::Body) {
  ReportRow r;
  r.key = std::move(key);
  r.cells = std::move(cells);
  r.role = role;
  return r;
}

std::string monthName(int m) {
  return format(tr("Month {1}"), {std::to_string(m)});
}

std::string monthsList(const std::vector<YearMonth>& months) {
  std::string out;
  for (const auto& m : months) out.append(out.empty() ? "" : ", ").append(m.vn());
  return out;
}

ReportTable monthTotals(const std::string& key, const std::string& caption,
                        const std::map<int, DuesMonthTotals>& months) {
  ReportTable t;
  t.key = key;
  t.caption = caption;
  t.columns = {tr("Month"),     tr("Members"),          tr("Exempt"),  tr("Unpaid"), tr("Amount due"),
               tr("Collected"), tr("Kept by the cell"), tr("To send"), tr("Sent")};
  t.sums = false;
  for (const auto& [m, x] : months)
    t.rows.push_back(row(std::to_string(m),
                         {Figure::label(monthName(m)), Figure::count(x.members), Figure::count(x.exempt),
                          Figure::count(x.unpaid), Figure::count(x.due), Figure::count(x.collected),
                          amount(x.kept), amount(x.toSend), Figure::count(x.sent)}));
  return t;
}
}  // namespace

ReportModel duesReport(Services& s, const Actor& actor, int year, const std::string& cellCode,
                       const Date& asOf) {
  const Date from = *Date::make(year, 1, 1), to = *Date::make(year, 12, 31);
  if (!cellCode.empty()) {
    const DuesBook book = duesBook(s, actor, cellCode, year, asOf);
    ReportModel m = periodReportModel(s, "dues", core::N_("Party dues book (form S01/ĐP)"), from, to, asOf);
    ReportSection head;
    head.heading = format(tr("{1} ({2}), year {3}"), {book.cellName, book.cellCode, std::to_string(year)});
    int64_t owed = 0;
    int owing = 0;
    ReportTable part1;
    part1.key = "members";
    part1.caption = tr("Part I. Dues of each member by month");
    part1.columns = {tr("Member"), tr("Month"),      tr("Exempt"),
                     tr("Income"), tr("Amount due"), tr("Arrears collected"),
                     tr("Total"),  tr("Paid"),       tr("Unpaid at month end")};
    part1.sums = false;
    for (const auto& mem : book.members) {
      int64_t memberOwed = 0;
      for (const auto& [mo, x] : mem.months) {
        const int64_t total = x.due.due.value_or(0) + x.arrears;
        part1.rows.push_back(row(
            mem.code + "/" + std::to_string(mo),
            {Figure::label(mem.name + " (" + mem.code + ")"), Figure::label(monthName(mo)),
             Figure::label(x.due.exempt ? "x" : ""), amount(x.base), amount(x.due.due),
             Figure::count(x.arrears), Figure::count(total), Figure::count(x.paid), Figure::count(x.owed)}));
        if (core::monthPast({year, mo}, asOf)) memberOwed += x.owed;
      }
      if (memberOwed > 0) {
        owed += memberOwed;
        ++owing;
      }
    }
    int64_t collected = 0;
    for (const auto& [mo, x] : book.months) collected += x.collected;
    head.paragraphs.push_back(
        format(tr("On {1}: {2} members; {3} đ collected this year; {4} members owe {5} đ."),
               {asOf.vn(), std::to_string(book.members.size()), core::formatCountVn(collected),
                std::to_string(owing), core::formatCountVn(owed)}));
    head.tables.push_back(std::move(part1));
    ReportSection part2;
    part2.tables.push_back(monthTotals("months", tr("Part II. The cell's collection by month"), book.months));
    m.sections = {std::move(head), std::move(part2)};
    return m;
  }
  const DuesSummary sum = duesSummary(s, actor, year, asOf);
  ReportModel m = periodReportModel(s, "dues", core::N_("Party dues summary of the committee (form S02/ĐP)"),
                                    from, to, asOf);
  ReportSection cells;
  ReportTable byCell;
  byCell.key = "cells";
  byCell.caption = tr("Dues collected by each cell, by quarter");
  byCell.columns = {tr("Cell"),      tr("Quarter 1"), tr("Quarter 2"),  tr("Quarter 3"),
                    tr("Quarter 4"), tr("Year"),      tr("Amount due"), tr("Sent")};
  std::array<int64_t, 7> all{};
  for (const auto& c : sum.cells) {
    std::array<int64_t, 7> v{};
    for (const auto& [mo, x] : c.months) {
      v[static_cast<size_t>((mo - 1) / 3)] += x.collected;
      v[4] += x.collected;
      v[5] += x.due;
      v[6] += x.sent;
    }
    std::vector<Figure> f{Figure::label(c.name + " (" + c.code + ")")};
    for (size_t k = 0; k < v.size(); ++k) {
      f.push_back(Figure::count(v[k]));
      all[k] += v[k];
    }
    byCell.rows.push_back(row(c.code, std::move(f)));
  }
  std::vector<Figure> total{Figure::label(tr("Total"))};
  for (auto v : all) total.push_back(Figure::count(v));
  byCell.rows.push_back(row("total", std::move(total), RowRole::Total));
  cells.tables.push_back(std::move(byCell));
  ReportSection commune;
  ReportTable months = monthTotals("months", tr("The committee's dues by month"), sum.months);
  months.columns.push_back(tr("Kept by the committee"));
  for (auto& r : months.rows) r.cells.push_back(amount(sum.communeKept.at(std::stoi(r.key))));
  commune.tables.push_back(std::move(months));
  m.sections = {std::move(cells), std::move(commune)};
  return m;
}

ReportModel meetingsReport(Services& s, const Actor& actor, const Date& from, const Date& to,
                           const std::string& cellCode) {
  ReportModel m = periodReportModel(s, "meetings", core::N_("Cell meetings by month"), from, to, to);
  const auto list = meetingsBetween(s, actor, from, to, cellCode);
  ReportSection sec;
  ReportTable t;
  t.key = "meetings";
  t.caption = tr("Meetings held");
  t.columns = {tr("Cell"), tr("Day"), tr("Kind"), tr("Present"), tr("Expected"), tr("Rate"), tr("Grade")};
  t.sums = false;
  std::map<std::string, std::set<YearMonth>> regular;
  for (const auto& v : list) {
    t.rows.push_back(row(v.cellCode + "/" + v.heldOn.iso() + "/" + v.kind,
                         {Figure::label(v.cellName + " (" + v.cellCode + ")"), Figure::label(v.heldOn.vn()),
                          Figure::label(core::enums::meetingKind.label(v.kind)), Figure::count(v.present),
                          Figure::count(v.expected), Figure::percent(v.rateTenths),
                          Figure::label(v.grade.empty() ? "" : core::enums::meetingGrade.label(v.grade))}));
    if (v.kind == "thuong_ky") regular[v.cellCode].insert(YearMonth::of(v.heldOn));
  }
  sec.paragraphs.push_back(format(tr("{1} meetings recorded from {2} to {3}."),
                                  {std::to_string(list.size()), from.vn(), to.vn()}));
  sec.tables.push_back(std::move(t));
  // The cells without their regular meeting in a month of the period (past months only).
  ReportTable missing;
  missing.key = "missing";
  missing.caption = tr("Cells without a regular meeting");
  missing.columns = {tr("Cell"), tr("Months")};
  missing.sums = false;
  // Counted as check counts them (core::monthsMissingMeeting, from each cell's first recorded meeting), over
  // the cell's meetings up to the period's end; only the months of the period are listed.
  std::map<std::string, std::vector<core::MeetingSeen>> seen;
  for (const auto& v : meetingsBetween(s, actor, *Date::make(1900, 1, 1), to, cellCode))
    seen[v.cellCode].push_back({v.heldOn, v.kind});
  const core::RuleBook rules = s.ruleBook();
  for (const auto& [code, list] : seen) {
    std::vector<YearMonth> months;
    for (const auto& m : core::monthsMissingMeeting(list, to, rules))
      if (m.last() >= from) months.push_back(m);
    if (!months.empty())
      missing.rows.push_back(row(code, {Figure::label(code), Figure::label(monthsList(months))}));
  }
  if (!missing.rows.empty()) sec.tables.push_back(std::move(missing));
  m.sections = {std::move(sec)};
  return m;
}

ReportModel removalGroundsReport(Services& s, const Actor& actor, int year, const Date& asOf) {
  ReportModel m = periodReportModel(s, "removal-grounds", core::N_("Members with a ground for removal"),
                                    *Date::make(year, 1, 1), *Date::make(year, 12, 31), asOf);
  const auto list = removalGrounds(s, actor, year, asOf);
  ReportSection sec;
  sec.paragraphs.push_back(
      format(tr("On {1}: {2} members missed party activity or dues for the months the rules set in {3}."),
             {asOf.vn(), std::to_string(list.size()), std::to_string(year)}));
  ReportTable t;
  t.key = "grounds";
  t.caption = tr("Removal grounds");
  t.columns = {tr("Member"), tr("Cell"), tr("Absent without reason"), tr("Dues unpaid"),
               tr("Removal proposed")};
  t.sums = false;
  for (const auto& g : list)
    t.rows.push_back(row(g.memberCode,
                         {Figure::label(g.memberName + " (" + g.memberCode + ")"), Figure::label(g.cellCode),
                          Figure::label(monthsList(g.absenceMonths)), Figure::label(monthsList(g.duesMonths)),
                          Figure::label(g.proposed ? tr("Yes") : tr("Not yet"))}));
  sec.tables.push_back(std::move(t));
  m.sections = {std::move(sec)};
  return m;
}

}  // namespace dangbo::services
