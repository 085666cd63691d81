// The period reports of Reports.h as printable models: admissions, ratings, discipline and deadlines.
#include <algorithm>
#include <map>

#include "core/Enums.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "services/Admissions.h"
#include "services/Deadlines.h"
#include "services/Discipline.h"
#include "services/Ratings.h"
#include "services/Reports.h"
#include "services/Services.h"

namespace dangbo::services {

using core::format;
using core::tr;

namespace {

ReportRow row(std::string key, std::string label, std::vector<Figure> figures, RowRole role = RowRole::Body) {
  ReportRow r;
  r.key = std::move(key);
  r.cells.push_back(Figure::label(std::move(label)));
  for (auto& f : figures) r.cells.push_back(std::move(f));
  r.role = role;
  return r;
}

std::optional<double> tenthsValue(const std::optional<int64_t>& t) {
  return t ? std::optional<double>(double(*t) / 10.0) : std::nullopt;
}

}  // namespace

ReportModel admissionsReport(Services& s, const Actor& actor, const core::Date& from, const core::Date& to,
                             const core::Date& asOf) {
  ReportModel m = periodReportModel(s, "admissions", core::N_("Admission of new members"), from, to, asOf);
  const auto years = admissionsByYear(s, actor, from, to, asOf);
  ReportSection sec;
  ReportTable t;
  t.key = "by_year";
  t.caption = tr("Admissions by year");
  t.columns = {tr("Year"),  tr("Members admitted"), tr("Awaiting the ceremony"),
               tr("Total"), tr("Target"),           tr("Share of the target")};
  int admitted = 0, awaiting = 0;
  int64_t target = 0;
  bool everyTarget = true;
  ReportChart chart;
  chart.title = tr("Members admitted per year against the target");
  chart.categoryLabel = tr("Year");
  chart.axisLabel = tr("Members admitted");
  ReportSeries series{tr("Members admitted"), {}};
  for (const auto& y : years) {
    admitted += y.admitted;
    awaiting += y.awaitingCeremony;
    if (y.target)
      target += *y.target;
    else
      everyTarget = false;
    t.rows.push_back(
        row(std::to_string(y.year), std::to_string(y.year),
            {Figure::count(y.admitted), Figure::count(y.awaitingCeremony), Figure::count(y.total),
             y.target ? Figure::count(*y.target) : Figure::label("-"), Figure::percent(y.percentOfTarget)}));
    chart.categories.push_back(std::to_string(y.year));
    series.values.push_back(double(y.total));
    chart.target.push_back(y.target ? std::optional<double>(double(*y.target)) : std::nullopt);
  }
  const bool hasTarget = everyTarget && !years.empty();
  t.rows.push_back(
      row("total", tr("Total"),
          {Figure::count(admitted), Figure::count(awaiting), Figure::count(admitted + awaiting),
           hasTarget ? Figure::count(target) : Figure::label("-"),
           hasTarget ? Figure::share(admitted + awaiting, target) : Figure::percent(std::nullopt)},
          RowRole::Total));
  if (hasTarget && target > 0)
    sec.paragraphs.push_back(
        format(tr("From {1} to {2}, {3}/{4} new members were admitted, reaching {5} of the target."),
               {from.vn(), to.vn(), core::formatCountVn(admitted + awaiting), core::formatCountVn(target),
                core::formatPercentVn(*core::percentTenths(admitted + awaiting, target))}));
  else
    sec.paragraphs.push_back(format(tr("From {1} to {2}, {3} new members were admitted."),
                                    {from.vn(), to.vn(), core::formatCountVn(admitted + awaiting)}));
  sec.tables.push_back(std::move(t));

  // Admissions by cell over the period.
  std::map<std::string, std::pair<std::string, std::pair<int, int>>> cells;
  for (const auto& y : years)
    for (const auto& c : y.cells) {
      auto& e = cells[c.cellCode];
      e.first = c.cellName;
      e.second.first += c.admitted;
      e.second.second += c.awaitingCeremony;
    }
  ReportTable byCell;
  byCell.key = "by_cell";
  byCell.caption = tr("Admissions by cell");
  byCell.columns = {tr("Cell"), tr("Members admitted"), tr("Awaiting the ceremony")};
  int ca = 0, cw = 0;
  for (const auto& [code, e] : cells) {
    byCell.rows.push_back(
        row(code, code + " " + e.first, {Figure::count(e.second.first), Figure::count(e.second.second)}));
    ca += e.second.first;
    cw += e.second.second;
  }
  byCell.rows.push_back(row("total", tr("Total"), {Figure::count(ca), Figure::count(cw)}, RowRole::Total));
  // A secretary sees only their cell: that table is then a part, not the whole.
  byCell.sums = true;
  sec.tables.push_back(std::move(byCell));
  chart.series.push_back(std::move(series));
  if (std::any_of(chart.target.begin(), chart.target.end(), [](const auto& v) { return v.has_value(); }))
    chart.targetLabel = tr("Yearly target");
  else
    chart.target.clear();
  sec.charts.push_back(std::move(chart));
  m.sections.push_back(std::move(sec));
  return m;
}

ReportModel ratingsReport(Services& s, const Actor& actor, const core::Date& from, const core::Date& to) {
  ReportModel m = periodReportModel(s, "ratings", core::N_("Annual quality rating"), from, to, to);
  const auto sum = ratingSummaryOf(s, actor, from, to);
  ReportSection sec;
  ReportTable t;
  t.key = "by_year";
  t.caption = tr("Quality ratings by year");
  t.columns = {tr("Year"),           "HTXSNV",    "HTTNV", "HTNV", "KHTNV", tr("Rated"),
               tr("Well or better"), tr("Target")};
  t.sums = false;  // every row is a year and subject; "rated" is checked against the levels below
  ReportChart chart;
  chart.title = tr("Share rated good or better per year");
  chart.categoryLabel = tr("Year");
  chart.axisLabel = tr("Share (%)");
  chart.percent = true;
  ReportSeries orgs{tr("Party organizations"), {}}, members{tr("Members"), {}};
  std::vector<std::string> sentences;
  for (const auto& y : sum.years) {
    const std::string year = std::to_string(y.year);
    for (const auto* r : {&y.organizations, &y.members}) {
      const bool org = r == &y.organizations;
      const auto& target = org ? y.organizationTarget : y.memberTarget;
      t.rows.push_back(row(
          year + (org ? ":organizations" : ":members"),
          format(org ? tr("{1}: party organizations") : tr("{1}: members"), {year}),
          {Figure::count(r->htxsnv), Figure::count(r->httnv), Figure::count(r->htnv), Figure::count(r->khtnv),
           Figure::count(r->rated), Figure::percent(r->goodOrBetterPercent), Figure::percent(target)}));
    }
    chart.categories.push_back(year);
    orgs.values.push_back(tenthsValue(y.organizations.goodOrBetterPercent));
    members.values.push_back(tenthsValue(y.members.goodOrBetterPercent));
    chart.target.push_back(tenthsValue(y.memberTarget ? y.memberTarget : y.organizationTarget));
    if (y.members.goodOrBetterPercent)
      sentences.push_back(format(tr("In {1}, {2} of members completed their tasks well or better."),
                                 {year, core::formatPercentVn(*y.members.goodOrBetterPercent)}));
  }
  if (sentences.empty())
    sec.paragraphs.push_back(tr("No quality rating is recorded for the years of the period."));
  else {
    std::string p;
    for (const auto& x : sentences) p += (p.empty() ? "" : " ") + x;
    sec.paragraphs.push_back(p);
  }
  sec.tables.push_back(std::move(t));
  chart.series = {std::move(orgs), std::move(members)};
  if (std::any_of(chart.target.begin(), chart.target.end(), [](const auto& v) { return v.has_value(); }))
    chart.targetLabel = tr("Target of the term (members)");
  else
    chart.target.clear();
  if (!chart.categories.empty()) sec.charts.push_back(std::move(chart));
  m.sections.push_back(std::move(sec));
  return m;
}

ReportModel disciplineReport(Services& s, const Actor& actor, const core::Date& from, const core::Date& to) {
  ReportModel m =
      periodReportModel(s, "discipline", core::N_("Inspection, supervision and discipline"), from, to, to);
  const auto f = disciplineFigures(s, actor, from, to);
  ReportSection sec;
  ReportTable forms;
  forms.key = "forms";
  forms.caption = tr("Disciplinary decisions by form");
  forms.columns = {tr("Form"), tr("Party organizations"), tr("Members"), tr("Total")};
  int orgs = 0, members = 0;
  for (const auto& item : core::enums::disciplineForm.items()) {
    const std::string code(item.code);
    const int o = f.organizationForms.count(code) ? f.organizationForms.at(code) : 0;
    const int mm = f.memberForms.count(code) ? f.memberForms.at(code) : 0;
    orgs += o;
    members += mm;
    forms.rows.push_back(
        row(code, tr(item.label), {Figure::count(o), Figure::count(mm), Figure::count(o + mm)}));
  }
  forms.rows.push_back(row("total", tr("Total"),
                           {Figure::count(orgs), Figure::count(members), Figure::count(orgs + members)},
                           RowRole::Total));
  sec.paragraphs.push_back(
      format(tr("From {1} to {2}: {3} disciplinary decisions on party organizations, {4} on "
                "members; {5} members removed from the list."),
             {from.vn(), to.vn(), core::formatCountVn(orgs), core::formatCountVn(members),
              core::formatCountVn(f.removals)}));
  sec.tables.push_back(std::move(forms));

  ReportTable removals;
  removals.key = "removals";
  removals.caption = tr("Removals from the list by ground");
  removals.columns = {tr("Ground"), tr("Removals")};
  int total = 0;
  for (const auto& item : core::enums::removalGround.items()) {
    const std::string code(item.code);
    const int n = f.removalsByGround.count(code) ? f.removalsByGround.at(code) : 0;
    total += n;
    removals.rows.push_back(row(code, tr(item.label), {Figure::count(n)}));
  }
  for (const auto& [code, n] : f.removalsByGround)
    if (!core::enums::removalGround.byCode(code)) {
      total += n;
      removals.rows.push_back(
          row(code, code.empty() ? std::string(tr("Not recorded")) : code, {Figure::count(n)}));
    }
  removals.rows.push_back(row("total", tr("Total"), {Figure::count(total)}, RowRole::Total));
  sec.tables.push_back(std::move(removals));

  ReportTable insp;
  insp.key = "inspections";
  insp.caption = tr("Inspected party organizations and members by kind");
  insp.columns = {tr("Kind"), tr("Party organizations"), tr("Members")};
  insp.sums = false;  // a subject inspected twice under different kinds counts once overall
  for (const auto& item : core::enums::inspectionKind.items()) {
    const std::string code(item.code);
    const InspectedCount c =
        f.inspectionsByKind.count(code) ? f.inspectionsByKind.at(code) : InspectedCount{};
    insp.rows.push_back(
        row(code, tr(item.label), {Figure::count(c.organizations), Figure::count(c.members)}));
  }
  insp.rows.push_back(row("total", tr("Distinct subjects of any kind"),
                          {Figure::count(f.inspected.organizations), Figure::count(f.inspected.members)},
                          RowRole::Detail));
  sec.tables.push_back(std::move(insp));
  m.sections.push_back(std::move(sec));
  return m;
}

ReportModel deadlinesReport(Services& s, const Actor& actor, const core::Date& asOf) {
  ReportModel m = periodReportModel(s, "deadlines", core::N_("Deadlines"), asOf, asOf, asOf);
  m.hasPeriod = false;
  const auto list = deadlines(s, actor, asOf);
  ReportSection sec;
  const std::vector<std::string> kinds = {"certificate_expiry", "decision_due", "ceremony_due",
                                          "recognition_due",    "badge_due",    "transfer_due"};
  ReportTable byKind;
  byKind.key = "by_kind";
  byKind.caption = tr("Deadlines by kind");
  byKind.columns = {tr("Deadline"), tr("Overdue"), tr("Ahead"), tr("Total")};
  int overdue = 0, ahead = 0;
  for (const auto& k : kinds) {
    int o = 0, a = 0;
    for (const auto& d : list)
      if (d.kind == k) (d.overdueDays > 0 ? o : a)++;
    overdue += o;
    ahead += a;
    byKind.rows.push_back(
        row(k, deadlineKindLabel(k), {Figure::count(o), Figure::count(a), Figure::count(o + a)}));
  }
  byKind.rows.push_back(row("total", tr("Total"),
                            {Figure::count(overdue), Figure::count(ahead), Figure::count(overdue + ahead)},
                            RowRole::Total));
  sec.paragraphs.push_back(
      format(tr("On {1}: {2} deadlines open, {3} of them overdue."),
             {asOf.vn(), core::formatCountVn(overdue + ahead), core::formatCountVn(overdue)}));
  sec.tables.push_back(std::move(byKind));
  ReportTable t;
  t.key = "list";
  t.caption = tr("Open deadlines");
  t.columns = {tr("Deadline"), tr("Code"), tr("Full name"), tr("Cell"), tr("Due"), tr("Days overdue")};
  t.sums = false;
  for (const auto& d : list) {
    ReportRow r;
    r.key = d.kind + ":" + d.code + ":" + d.step;
    r.cells = {Figure::label(deadlineKindLabel(d.kind)), Figure::label(d.code), Figure::label(d.name),
               Figure::label(d.cellCode), Figure::label(d.due.vn()),
               // Not yet due: the days left, never a negative number of days overdue.
               d.overdueDays > 0
                   ? Figure::count(d.overdueDays)
                   : Figure::label(format(tr("{1} days left"), {core::formatCountVn(-d.overdueDays)}))};
    t.rows.push_back(std::move(r));
  }
  sec.tables.push_back(std::move(t));
  m.sections.push_back(std::move(sec));
  return m;
}

}  // namespace dangbo::services
