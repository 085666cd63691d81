#include "reports/CongressReport.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/Enums.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "reports/DocxRenderer.h"
#include "reports/HtmlRenderer.h"
#include "reports/Json.h"
#include "reports/PdfRenderer.h"
#include "reports/XlsxRenderer.h"

namespace dangbo::reports {

using core::format;
using core::tr;
using services::CongressFigures;

namespace {

// ---------------------------------------------------------------------------------------------
// JSON

void percentOrNull(JsonWriter& j, std::string_view key, const std::optional<int64_t>& tenths) {
  j.key(key);
  if (tenths) j.raw(core::formatTenthsJson(*tenths));
  else j.null();
}

void writeLevels(JsonWriter& j, std::string_view key, const services::RatingLevels& r) {
  j.key(key).beginObject();
  j.key("HTXSNV").value(r.htxsnv).key("HTTNV").value(r.httnv).key("HTNV").value(r.htnv).key("KHTNV").value(r.khtnv);
  j.key("rated").value(r.rated);
  percentOrNull(j, "good_or_better_percent", r.goodOrBetterPercent);
  j.endObject();
}

// ---------------------------------------------------------------------------------------------
// The printed document



std::string count(int64_t n) { return core::formatCountVn(n); }

std::string percent(const std::optional<int64_t>& tenths) { return tenths ? core::formatPercentVn(*tenths) : "-"; }

std::string share(int64_t n, int64_t of) { return percent(core::percentTenths(n, of)); }

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// "45 chi bộ bản" for a category code.
std::string cellsOfCategory(const std::string& category, int n) {
  const char* pattern = "";
  if (category == "ban") pattern = tr("{1} village cells");
  else if (category == "truong") pattern = tr("{1} school cells");
  else if (category == "co_quan_dang") pattern = tr("{1} party agency cells");
  else if (category == "chinh_quyen") pattern = tr("{1} government cells");
  else if (category == "quan_su") pattern = tr("{1} military cells");
  else if (category == "cong_an") pattern = tr("{1} police cells");
  else if (category == "y_te") pattern = tr("{1} health station cells");
  else pattern = tr("{1} other cells");
  return format(pattern, {count(n)});
}

// A table with one header row of plain texts.
Table newTable(std::string caption, const std::vector<std::string>& headers) {
  Table t;
  t.caption = std::move(caption);
  std::vector<Cell> head;
  for (const auto& h : headers) head.push_back(Cell::textCell(h));
  t.header.push_back(std::move(head));
  return t;
}

// A row: a label and figure cells.
void row(Table& t, std::string label, std::vector<Cell> cells, bool total = false) {
  TableRow r;
  r.total = total;
  r.cells.push_back(Cell::textCell(std::move(label)));
  for (auto& c : cells) r.cells.push_back(std::move(c));
  t.rows.push_back(std::move(r));
}

void organizationsAndMembers(Document& doc, const CongressFigures& f) {
  const auto& o = f.organizations;
  const auto& m = f.members;
  doc.heading(tr("1. Party organizations and members"), 2);
  std::string s = format(tr("As of {1}, the whole Party Committee has {2} party organizations"),
                         {f.asOf.vn(), count(o.total)});
  std::vector<std::string> kinds;
  if (o.grassroots > 0) kinds.push_back(format(tr("{1} grassroots cells"), {count(o.grassroots)}));
  if (o.subordinate > 0) {
    std::string sub = format(tr("{1} subordinate cells"), {count(o.subordinate)});
    std::vector<std::string> cats;
    for (const auto& [code, n] : o.subordinateByCategory)
      if (n > 0) cats.push_back(cellsOfCategory(code, n));
    if (!cats.empty()) sub += " (" + join(cats, ", ") + ")";
    kinds.push_back(sub);
  }
  if (!kinds.empty()) s += format(tr(", comprising {1}"), {join(kinds, tr(" and "))});
  s += format(tr(", with {1} members"), {count(m.total)});
  if (m.total > 0) s += format(tr(" ({1} official and {2} probationary)"), {count(m.official), count(m.probationary)});
  s += ".";
  if (o.villageCells > 0)
    s += " " + format(tr("{1} of {2} village cells have a cell committee ({3})."),
                      {count(o.villageCellsWithCommittee), count(o.villageCells),
                       share(o.villageCellsWithCommittee, o.villageCells)});
  doc.paragraph(s);
  if (m.total > 0)
    doc.paragraph(format(tr("Among the members, {1} are women ({2}), {3} belong to ethnic minorities ({4}) and {5} "
                            "are exempt from party work and activities ({6})."),
                         {count(m.women), share(m.women, m.total), count(m.ethnicMinority),
                          share(m.ethnicMinority, m.total), count(m.exempt), share(m.exempt, m.total)}));

  // Members by age group.
  Table ages = newTable(tr("Members by age group"), {tr("Age group"), tr("Number of members"), tr("Share")});
  for (const auto& [group, n] : m.byAgeGroup) {
    const std::string label = group == "18-30" ? tr("30 or under") : group == "71+" ? tr("71 or over") : group;
    row(ages, label, {Cell::count(n), Cell::share(n, m.total)});
  }
  if (m.ageUnknown > 0)
    row(ages, tr("Birth date not recorded"), {Cell::count(m.ageUnknown), Cell::share(m.ageUnknown, m.total)});
  row(ages, tr("Total"), {Cell::count(m.total), Cell::share(m.total, m.total)}, true);
  doc.table(std::move(ages));

  // Members by standing, gender and ethnicity: each block adds up to the total.
  Table st = newTable(tr("Members by standing, gender and ethnicity"), {"", tr("Number of members"), tr("Share")});
  auto line = [&](const char* label, int64_t n, bool total = false) {
    row(st, tr(label), {Cell::count(n), Cell::share(n, m.total)}, total);
  };
  line(core::N_("Official members"), m.official);
  line(core::N_("Probationary members"), m.probationary);
  line(core::N_("Total"), m.total, true);
  line(core::N_("Men"), m.total - m.women);
  line(core::N_("Women"), m.women);
  line(core::N_("Total"), m.total, true);
  line(core::N_("Kinh"), m.total - m.ethnicMinority - m.ethnicityUnknown);
  line(core::N_("Ethnic minorities"), m.ethnicMinority);
  if (m.ethnicityUnknown > 0) line(core::N_("Ethnicity not recorded"), m.ethnicityUnknown);
  line(core::N_("Total"), m.total, true);
  line(core::N_("Of whom exempt from party work and activities"), m.exempt);
  doc.table(std::move(st));
  // Members by age group (the report's groups), drawn.
  Chart ageChart;
  ageChart.title = tr("Members by age group");
  ageChart.categoryLabel = tr("Age");
  ageChart.axisLabel = tr("Members");
  ChartSeries series{tr("Members"), {}};
  for (const auto& [group, n] : m.byAgeGroup) {
    ageChart.categories.push_back(group);
    series.values.push_back(double(n));
  }
  ageChart.series.push_back(std::move(series));
  if (m.total > 0) doc.chart(std::move(ageChart));
}

// Admissions per year against the yearly target: each year's ket_nap_nam when the target is their sum;
// when the target is the term's, its yearly pace (target / the term's length in years);
// without a target, the yearly targets that exist.
Chart admissionsChart(const CongressFigures& f) {
  const auto& a = f.admissions;
  Chart c;
  c.title = tr("Members admitted per year against the target");
  c.categoryLabel = tr("Year");
  c.axisLabel = tr("Members admitted");
  ChartSeries admitted{tr("Members admitted"), {}};
  const bool termPace = a.targetSource == services::TargetSource::Term && a.target && *a.target > 0;
  // The term's target spread over the term's years (150 for 2025-2029: 30 a year), whatever the period;
  // without the term's length, the whole years of the period (at least one): 01/08/2020 - 31/07/2025 is five.
  const int64_t days = f.to.serial() + 1 - f.from.serial();
  const int64_t years =
      a.targetYears > 0 ? a.targetYears : std::max<int64_t>(1, (days * 100 + 18262) / 36525);
  bool anyTarget = false;
  for (size_t i = 0; i < a.byYear.size(); ++i) {
    c.categories.push_back(std::to_string(a.byYear[i].first));
    admitted.values.push_back(double(a.byYear[i].second));
    std::optional<double> target;
    if (termPace) target = std::round(double(*a.target) * 10.0 / double(years)) / 10.0;
    else if (i < a.yearTargets.size() && a.yearTargets[i].second) target = double(*a.yearTargets[i].second);
    anyTarget = anyTarget || target.has_value();
    c.target.push_back(target);
  }
  c.series.push_back(std::move(admitted));
  if (anyTarget) c.targetLabel = termPace ? tr("Average yearly target") : tr("Yearly target");
  else c.target.clear();
  return c;
}

void admissions(Document& doc, const CongressFigures& f) {
  const auto& a = f.admissions;
  doc.heading(tr("2. Admission of new members"), 2);
  const std::string from = f.from.vn(), to = f.to.vn();
  const bool hasTarget = a.target && *a.target > 0;
  std::string s;
  if (a.total > 0 && hasTarget && a.percentOfTarget)
    s = format(tr("From {1} to {2}, {3}/{4} new members were admitted, reaching {5} of the target."),
               {from, to, count(a.total), count(*a.target), core::formatPercentVn(*a.percentOfTarget)});
  else if (a.total > 0)
    s = format(tr("From {1} to {2}, {3} new members were admitted."), {from, to, count(a.total)});
  else if (hasTarget)
    s = format(tr("From {1} to {2}, no new member was admitted (target: {3} members)."), {from, to, count(*a.target)});
  else
    s = format(tr("From {1} to {2}, no new member was admitted."), {from, to});
  if (a.total > 0 && a.byYear.size() > 1) {
    std::vector<std::string> years;
    for (const auto& [y, n] : a.byYear) years.push_back(format(tr("{1} in {2}"), {count(n), std::to_string(y)}));
    s += " " + format(tr("By year: {1}."), {join(years, "; ")});
  }
  doc.paragraph(s);

  const bool yearly = a.targetSource == services::TargetSource::Years;
  std::vector<std::string> headers = {tr("Year"), tr("Members admitted")};
  if (yearly) headers.push_back(tr("Target"));
  Table t = newTable(tr("Admissions by year"), headers);
  for (size_t i = 0; i < a.byYear.size(); ++i) {
    std::vector<Cell> cells = {Cell::count(a.byYear[i].second)};
    if (yearly) cells.push_back(a.yearTargets[i].second ? Cell::count(*a.yearTargets[i].second) : Cell::textCell("-"));
    row(t, std::to_string(a.byYear[i].first), std::move(cells));
  }
  std::vector<Cell> total = {Cell::count(a.total)};
  if (yearly) total.push_back(Cell::count(*a.target));
  row(t, tr("Total"), std::move(total), true);
  if (!yearly) row(t, tr("Target of the term"), {a.target ? Cell::count(*a.target) : Cell::textCell("-")});
  std::vector<Cell> shareCells = {Cell::percent(a.percentOfTarget)};
  if (yearly) shareCells.push_back(Cell::textCell(""));
  row(t, tr("Share of the target"), std::move(shareCells));
  t.align = {Align::Left, Align::Right, Align::Right};
  doc.table(std::move(t));
  if (!a.byYear.empty()) doc.chart(admissionsChart(f));
}

// The share rated good or better per year, cells and members, against 90%.
Chart ratingsChart(const CongressFigures& f) {
  Chart c;
  c.title = tr("Share rated good or better per year");
  c.categoryLabel = tr("Year");
  c.axisLabel = tr("Share (%)");
  c.percent = true;
  ChartSeries orgs{tr("Party organizations"), {}}, members{tr("Members"), {}};
  auto value = [](const std::optional<int64_t>& tenths) {
    return tenths ? std::optional<double>(double(*tenths) / 10.0) : std::nullopt;
  };
  for (const auto& y : f.ratings) {
    c.categories.push_back(std::to_string(y.year));
    orgs.values.push_back(value(y.organizations.goodOrBetterPercent));
    members.values.push_back(value(y.members.goodOrBetterPercent));
    // The dated target of the year's term (dang_vien_tot, else to_chuc_tot): the line moves with the terms.
    c.target.push_back(value(y.memberTarget ? y.memberTarget : y.organizationTarget));
  }
  c.series = {std::move(orgs), std::move(members)};
  std::optional<int64_t> first;
  bool same = true;
  for (const auto& y : f.ratings) {
    const auto t = y.memberTarget ? y.memberTarget : y.organizationTarget;
    if (!t) continue;
    if (first && *first != *t) same = false;
    if (!first) first = t;
  }
  if (!first) c.target.clear();
  else if (same) c.targetLabel = format(tr("Target: {1}"), {core::formatPercentVn(*first)});
  else c.targetLabel = tr("Target of the term (members)");
  return c;
}

void ratings(Document& doc, const CongressFigures& f) {
  doc.heading(tr("3. Annual quality rating"), 2);
  if (f.ratings.empty()) {
    doc.paragraph(tr("No quality rating is recorded for the years of the period."));
    return;
  }
  std::vector<std::string> sentences;
  for (const auto& y : f.ratings) {
    const std::string year = std::to_string(y.year);
    const auto& o = y.organizations.goodOrBetterPercent;
    const auto& m = y.members.goodOrBetterPercent;
    if (o && m)
      sentences.push_back(format(tr("In {1}, {2} of party organizations and {3} of members completed their tasks well "
                                    "or better."),
                                 {year, core::formatPercentVn(*o), core::formatPercentVn(*m)}));
    else if (o)
      sentences.push_back(format(tr("In {1}, {2} of party organizations completed their tasks well or better."),
                                 {year, core::formatPercentVn(*o)}));
    else if (m)
      sentences.push_back(format(tr("In {1}, {2} of members completed their tasks well or better."),
                                 {year, core::formatPercentVn(*m)}));
  }
  doc.paragraph(join(sentences, " "));

  Table t = newTable(tr("Quality ratings by year"),
                     {tr("Year"), "HTXSNV", "HTTNV", "HTNV", "KHTNV", tr("Rated"), tr("Well or better")});
  for (const auto& y : f.ratings) {
    for (const auto* r : {&y.organizations, &y.members}) {
      if (r->rated == 0) continue;
      const std::string label = format(r == &y.organizations ? tr("{1}: party organizations") : tr("{1}: members"),
                                       {std::to_string(y.year)});
      row(t, label,
          {Cell::count(r->htxsnv), Cell::count(r->httnv), Cell::count(r->htnv), Cell::count(r->khtnv),
           Cell::count(r->rated), Cell::percent(r->goodOrBetterPercent)});
    }
  }
  doc.table(std::move(t));
  doc.chart(ratingsChart(f));
}

void inspectionAndDiscipline(Document& doc, const CongressFigures& f) {
  const auto& i = f.inspections;
  const auto& d = f.discipline;
  doc.heading(tr("4. Inspection, supervision and discipline"), 2);
  std::vector<std::string> clauses;

  std::vector<std::string> inspected;
  if (i.organizations > 0) inspected.push_back(format(tr("{1} party organizations"), {count(i.organizations)}));
  if (i.members > 0) inspected.push_back(format(tr("{1} members"), {count(i.members)}));
  clauses.push_back(inspected.empty() ? std::string(tr("no party organization or member was inspected"))
                                      : format(tr("party committees inspected {1}"), {join(inspected, ", ")}));

  // "6 đảng viên bằng hình thức khiển trách, 2 cảnh cáo, 1 khai trừ"
  auto forms = [](const std::vector<std::pair<int, const char*>>& counts, const char* first) {
    std::vector<std::string> parts;
    for (const auto& [n, form] : counts) {
      if (n <= 0) continue;
      const std::string name = core::toLower(core::enums::disciplineForm.label(form));
      parts.push_back(parts.empty() ? format(tr(first), {count(n), name}) : count(n) + " " + name);
    }
    return join(parts, ", ");
  };
  const std::string members = forms({{d.khienTrach, "khien_trach"}, {d.canhCao, "canh_cao"},
                                     {d.cachChuc, "cach_chuc"}, {d.khaiTru, "khai_tru"}},
                                    core::N_("{1} members by {2}"));
  const std::string orgs = forms({{d.orgKhienTrach, "khien_trach"}, {d.orgCanhCao, "canh_cao"}, {d.orgGiaiTan, "giai_tan"}},
                                 core::N_("{1} party organizations by {2}"));
  std::vector<std::string> disciplined;
  if (!members.empty()) disciplined.push_back(members);
  if (!orgs.empty()) disciplined.push_back(orgs);
  clauses.push_back(disciplined.empty() ? std::string(tr("no member or party organization was disciplined"))
                                        : format(tr("disciplined {1}"), {join(disciplined, "; ")}));
  if (d.xoaTen > 0) clauses.push_back(format(tr("removed {1} members from the list"), {count(d.xoaTen)}));
  doc.paragraph(format(tr("From {1} to {2}, {3}."), {f.from.vn(), f.to.vn(), join(clauses, "; ")}));
}

void committeeComposition(Document& doc, const CongressFigures& f) {
  doc.heading(tr("5. The executive committee of the Party Committee"), 2);
  if (!f.committeeComposition) {
    doc.paragraph(tr("No committee term is recorded."));
    return;
  }
  const auto& c = *f.committeeComposition;
  if (c.members == 0) {
    doc.paragraph(format(tr("No member of the executive committee of the term {1} is recorded."), {c.term}));
    return;
  }
  doc.paragraph(format(tr("The executive committee of the term {1} has {2} members, {3} of them in the standing "
                          "committee."),
                       {c.term, count(c.members), count(c.standing)}));
  doc.paragraph(format(tr("Women: {1}; ethnic minorities: {2}; women from ethnic minorities: {3}; aged 42 or under: "
                          "{4}; university or above: {5}, of which postgraduate: {6}; political theory intermediate "
                          "or above: {7}, of which advanced: {8}."),
                       {percent(c.womenPercent), percent(c.ethnicMinorityPercent),
                        percent(c.womenEthnicMinorityPercent), percent(c.age42OrUnderPercent),
                        percent(c.universityOrAbovePercent), percent(c.postgraduatePercent),
                        percent(c.theoryIntermediateOrAbovePercent), percent(c.theoryAdvancedPercent)}));
  Table t = newTable(format(tr("Composition of the executive committee, term {1}"), {c.term}),
                     {"", tr("Number"), tr("Share")});
  row(t, tr("Members of the executive committee"), {Cell::count(c.members), Cell::share(c.members, c.members)}, true);
  row(t, tr("Members of the standing committee"), {Cell::count(c.standing), Cell::share(c.standing, c.members)});
  row(t, tr("Women"), {Cell::count(c.women), Cell::percent(c.womenPercent)});
  row(t, tr("Ethnic minorities"), {Cell::count(c.ethnicMinority), Cell::percent(c.ethnicMinorityPercent)});
  row(t, tr("Women from ethnic minorities"),
      {Cell::count(c.womenEthnicMinority), Cell::percent(c.womenEthnicMinorityPercent)});
  row(t, tr("Aged 42 or under"), {Cell::count(c.age42OrUnder), Cell::percent(c.age42OrUnderPercent)});
  row(t, tr("University or above"), {Cell::count(c.universityOrAbove), Cell::percent(c.universityOrAbovePercent)});
  row(t, tr("Postgraduate"), {Cell::count(c.postgraduate), Cell::percent(c.postgraduatePercent)});
  row(t, tr("Political theory intermediate or above"),
      {Cell::count(c.theoryIntermediateOrAbove), Cell::percent(c.theoryIntermediateOrAbovePercent)});
  row(t, tr("Political theory advanced"), {Cell::count(c.theoryAdvanced), Cell::percent(c.theoryAdvancedPercent)});
  doc.table(std::move(t));
}
}  // namespace

void writeCongressJson(std::ostream& out, const CongressFigures& f) {
  JsonWriter j(out);
  j.beginObject();
  j.key("committee").value(f.committee);
  j.key("period").beginObject().key("from").value(f.from.iso()).key("to").value(f.to.iso()).endObject();
  j.key("as_of").value(f.asOf.iso());

  const auto& o = f.organizations;
  j.key("organizations").beginObject();
  j.key("total").value(o.total).key("grassroots").value(o.grassroots).key("subordinate").value(o.subordinate);
  j.key("by_category").beginObject();
  for (const auto& [code, n] : o.byCategory) j.key(code).value(n);
  j.endObject();
  j.key("village_cells_with_committee").value(o.villageCellsWithCommittee);
  j.endObject();

  const auto& m = f.members;
  j.key("members").beginObject();
  j.key("total").value(m.total).key("official").value(m.official).key("probationary").value(m.probationary);
  j.key("women").value(m.women).key("ethnic_minority").value(m.ethnicMinority).key("exempt").value(m.exempt);
  j.key("by_age_group").beginObject();
  for (const auto& [group, n] : m.byAgeGroup) j.key(group).value(n);
  j.endObject();
  j.endObject();

  const auto& a = f.admissions;
  j.key("admissions").beginObject();
  j.key("by_year").beginObject();
  for (const auto& [year, n] : a.byYear) j.key(std::to_string(year)).value(n);
  j.endObject();
  j.key("total").value(a.total);
  j.key("target");
  if (a.target) j.value(*a.target);
  else j.null();
  percentOrNull(j, "percent_of_target", a.percentOfTarget);
  j.endObject();

  j.key("ratings").beginObject();
  for (const auto& y : f.ratings) {
    j.key(std::to_string(y.year)).beginObject();
    writeLevels(j, "organizations", y.organizations);
    writeLevels(j, "members", y.members);
    j.endObject();
  }
  j.endObject();

  j.key("inspections").beginObject();
  j.key("organizations").value(f.inspections.organizations).key("members").value(f.inspections.members);
  j.endObject();

  const auto& d = f.discipline;
  j.key("discipline").beginObject();
  j.key("khien_trach").value(d.khienTrach).key("canh_cao").value(d.canhCao).key("cach_chuc").value(d.cachChuc);
  j.key("khai_tru").value(d.khaiTru).key("xoa_ten").value(d.xoaTen);
  j.key("organizations").beginObject();
  j.key("khien_trach").value(d.orgKhienTrach).key("canh_cao").value(d.orgCanhCao).key("giai_tan").value(d.orgGiaiTan);
  j.endObject();
  j.endObject();

  j.key("committee_composition");
  if (const auto& c = f.committeeComposition) {
    j.beginObject();
    j.key("term").value(c->term).key("members").value(c->members).key("standing").value(c->standing);
    percentOrNull(j, "women_percent", c->womenPercent);
    percentOrNull(j, "ethnic_minority_percent", c->ethnicMinorityPercent);
    percentOrNull(j, "women_ethnic_minority_percent", c->womenEthnicMinorityPercent);
    percentOrNull(j, "age_42_or_under_percent", c->age42OrUnderPercent);
    percentOrNull(j, "university_or_above_percent", c->universityOrAbovePercent);
    percentOrNull(j, "postgraduate_percent", c->postgraduatePercent);
    percentOrNull(j, "theory_intermediate_or_above_percent", c->theoryIntermediateOrAbovePercent);
    percentOrNull(j, "theory_advanced_percent", c->theoryAdvancedPercent);
    j.endObject();
  } else {
    j.null();
  }
  j.endObject();
}

Document congressDocument(const CongressFigures& f, const core::CommitteeInfo& committee) {
  const std::string name = committee.name.empty() ? f.committee : committee.name;
  const std::string title = core::toUpper(tr("Report"));
  Document doc;
  doc.title = title + " - " + name;
  // The header block of a party document: the issuing body on the left, the Party's name and the
  // place and date (filled in by hand) on the right.
  DocumentHeader h;
  h.superior = core::toUpper(committee.superior);
  h.executive = core::toUpper(committee.executive);
  h.number = tr("No. ...-BC/DU");
  h.party = tr("COMMUNIST PARTY OF VIETNAM");
  h.placeDate = format(tr("{1}, day .. month .. year ...."), {committee.place});
  doc.header = std::move(h);
  doc.titleLine(title, TitleStyle::Title);
  doc.titleLine(core::toUpper(format(tr("Party building figures of {1}"), {name})), TitleStyle::Subtitle);
  doc.titleLine(format(tr("(from {1} to {2}; standing figures as of {3})"), {f.from.vn(), f.to.vn(), f.asOf.vn()}),
                TitleStyle::Note);
  doc.heading(tr("Party building work"), 1);
  organizationsAndMembers(doc, f);
  admissions(doc, f);
  ratings(doc, f);
  inspectionAndDiscipline(doc, f);
  committeeComposition(doc, f);
  return doc;
}

void writeCongressHtml(std::ostream& out, const CongressFigures& f, const core::CommitteeInfo& committee) {
  renderHtml(out, congressDocument(f, committee));
}

void writeCongressDocument(const std::filesystem::path& out, const CongressFigures& f,
                           const core::CommitteeInfo& committee, const std::string& format) {
  const Document doc = congressDocument(f, committee);
  if (format == "pdf") {
    renderPdf(out, doc);
  } else if (format == "docx") {
    renderDocx(out, doc);
  } else if (format == "xlsx") {
    renderXlsx(out, doc);
  } else if (format == "html") {
    std::ofstream file(out, std::ios::binary);
    if (!file) throw std::runtime_error("cannot write " + out.string());
    renderHtml(file, doc);
    if (!file.flush()) throw std::runtime_error("cannot write " + out.string());
  } else {
    throw std::invalid_argument("unknown document format: " + format);
  }
}

}  // namespace dangbo::reports
