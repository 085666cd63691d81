#include "reports/CongressReport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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
#include "reports/ReportDocument.h"
#include "reports/ReportTemplate.h"
#include "reports/XlsxRenderer.h"
#include "services/MemberList.h"

namespace dangbo::reports {

using core::format;
using core::tr;
using services::CongressFigures;

namespace {

// ---------------------------------------------------------------------------------------------
// JSON

void percentOrNull(JsonWriter& j, std::string_view key, const std::optional<int64_t>& tenths) {
  j.key(key);
  if (tenths)
    j.raw(core::formatTenthsJson(*tenths));
  else
    j.null();
}

void writeLevels(JsonWriter& j, std::string_view key, const services::RatingLevels& r) {
  j.key(key).beginObject();
  j.key("HTXSNV").value(r.htxsnv).key("HTTNV").value(r.httnv).key("HTNV").value(r.htnv).key("KHTNV").value(
      r.khtnv);
  j.key("rated").value(r.rated);
  percentOrNull(j, "good_or_better_percent", r.goodOrBetterPercent);
  j.endObject();
}

// A map of counts ({"Phiêng Pằn": 6, ...}) in the order given.
void countMap(JsonWriter& j, std::string_view key, const std::vector<std::pair<std::string, int>>& counts) {
  j.key(key).beginObject();
  for (const auto& [k, n] : counts) j.key(k).value(n);
  j.endObject();
}

// A target value as a JSON number: whole values without a decimal (30, 90), others as written (92.5).
std::string targetNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// The keys version 2 adds (spec/congress-report.md "Version 2"), after the version-1 keys.
void writeVersion2(JsonWriter& j, const CongressFigures& f) {
  const auto& o = f.organizationsFounded;
  j.key("organizations_founded").beginObject();
  j.key("total").value(o.total);
  countMap(j, "by_category", o.byCategory);
  countMap(j, "by_origin", o.byOrigin);
  j.endObject();
  j.key("organizations_merged").beginArray();
  for (const auto& m : f.organizationsMerged)
    j.beginObject()
        .key("origin")
        .value(m.origin)
        .key("category")
        .value(m.category)
        .key("from")
        .value(m.from)
        .key("into")
        .value(m.into)
        .endObject();
  j.endArray();
  if (f.secretaryTraining) {
    j.key("secretary_training").beginObject();
    for (const auto& y : *f.secretaryTraining) {
      j.key(std::to_string(y.year)).beginObject();
      j.key("trained").value(y.trained).key("secretaries").value(y.secretaries);
      percentOrNull(j, "percent", y.percent);
      j.endObject();
    }
    j.endObject();
  }
  if (const auto& r = f.ratingTargets) {
    j.key("rating_targets").beginObject();
    percentOrNull(j, "organizations_percent", r->organizationsPercent);
    percentOrNull(j, "members_percent", r->membersPercent);
    j.key("met").beginObject();
    for (const auto& m : r->met)
      j.key(std::to_string(m.year))
          .beginObject()
          .key("organizations")
          .value(m.organizations)
          .key("members")
          .value(m.members)
          .endObject();
    j.endObject();
    j.endObject();
  }
  j.key("next_term_targets").beginArray();
  for (const auto& t : f.nextTermTargets)
    j.beginObject()
        .key("code")
        .value(t.code)
        .key("value")
        .raw(targetNumber(t.value))
        .key("from")
        .value(t.from)
        .key("to")
        .value(t.to)
        .endObject();
  j.endArray();
}

// ---------------------------------------------------------------------------------------------
// The printed document

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
    if (termPace)
      target = std::round(double(*a.target) * 10.0 / double(years)) / 10.0;
    else if (i < a.yearTargets.size() && a.yearTargets[i].second)
      target = double(*a.yearTargets[i].second);
    anyTarget = anyTarget || target.has_value();
    c.target.push_back(target);
  }
  c.series.push_back(std::move(admitted));
  if (anyTarget)
    c.targetLabel = termPace ? tr("Average yearly target") : tr("Yearly target");
  else
    c.target.clear();
  return c;
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
  if (!first)
    c.target.clear();
  else if (same)
    c.targetLabel = format(tr("Target: {1}"), {core::formatPercentVn(*first)});
  else
    c.targetLabel = tr("Target of the term (members)");
  return c;
}

// The tables and charts a congress template may place (@table NAME, @chart NAME).
TemplateBlocks congressBlocks(const CongressFigures& f, const core::CommitteeInfo& committee) {
  TemplateBlocks b;
  const auto& m = f.members;
  // Members by age group.
  Table ages = newTable(tr("Members by age group"), {tr("Age group"), tr("Number of members"), tr("Share")});
  for (const auto& [group, n] : m.byAgeGroup) {
    row(ages, services::ageGroupLabel(group), {Cell::count(n), Cell::share(n, m.total)});
  }
  if (m.ageUnknown > 0)
    row(ages, tr("Birth date not recorded"), {Cell::count(m.ageUnknown), Cell::share(m.ageUnknown, m.total)});
  row(ages, tr("Total"), {Cell::count(m.total), Cell::share(m.total, m.total)}, true);
  b.tables["age_groups"] = std::move(ages);

  // Members by standing, gender and ethnicity: each block adds up to the total.
  Table st =
      newTable(tr("Members by standing, gender and ethnicity"), {"", tr("Number of members"), tr("Share")});
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
  b.tables["members"] = std::move(st);

  Chart ageChart;
  ageChart.title = tr("Members by age group");
  ageChart.categoryLabel = tr("Age");
  ageChart.axisLabel = tr("Members");
  ChartSeries series{tr("Members"), {}};
  if (m.total > 0)
    for (const auto& [group, n] : m.byAgeGroup) {
      ageChart.categories.push_back(services::ageGroupLabel(group));
      series.values.push_back(double(n));
    }
  ageChart.series.push_back(std::move(series));
  b.charts["age_groups"] = std::move(ageChart);

  // Admissions by year.
  const auto& a = f.admissions;
  const bool yearly = a.targetSource == services::TargetSource::Years;
  std::vector<std::string> headers = {tr("Year"), tr("Members admitted")};
  if (yearly) headers.push_back(tr("Target"));
  Table t = newTable(tr("Admissions by year"), headers);
  for (size_t i = 0; i < a.byYear.size(); ++i) {
    std::vector<Cell> cells = {Cell::count(a.byYear[i].second)};
    if (yearly)
      cells.push_back(a.yearTargets[i].second ? Cell::count(*a.yearTargets[i].second) : Cell::textCell("-"));
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
  b.tables["admissions"] = std::move(t);
  b.charts["admissions"] = admissionsChart(f);

  // Admissions by former commune.
  Table byOrigin =
      newTable(tr("Admissions by former commune"), {tr("Former commune"), tr("Members admitted")});
  for (const auto& [origin, n] : a.byOrigin)
    row(byOrigin, origin.empty() ? tr("Not recorded") : origin, {Cell::count(n)});
  row(byOrigin, tr("Total"), {Cell::count(a.total)}, true);
  b.tables["admissions_by_origin"] = std::move(byOrigin);

  // Ratings by year.
  Table rt = newTable(tr("Quality ratings by year"),
                      {tr("Year"), "HTXSNV", "HTTNV", "HTNV", "KHTNV", tr("Rated"), tr("Well or better")});
  for (const auto& y : f.ratings) {
    for (const auto* r : {&y.organizations, &y.members}) {
      if (r->rated == 0) continue;
      const std::string label =
          format(r == &y.organizations ? tr("{1}: party organizations") : tr("{1}: members"),
                 {std::to_string(y.year)});
      row(rt, label,
          {Cell::count(r->htxsnv), Cell::count(r->httnv), Cell::count(r->htnv), Cell::count(r->khtnv),
           Cell::count(r->rated), Cell::percent(r->goodOrBetterPercent)});
    }
  }
  b.tables["ratings"] = std::move(rt);
  Chart rc = ratingsChart(f);
  if (f.ratings.empty()) rc.categories.clear();
  b.charts["ratings"] = std::move(rc);

  // Secretaries trained.
  Table tt = newTable(tr("Village cell secretaries trained"),
                      {tr("Year"), tr("Secretaries"), tr("Trained"), tr("Share")});
  if (f.secretaryTraining)
    for (const auto& y : *f.secretaryTraining)
      row(tt, std::to_string(y.year),
          {Cell::count(y.secretaries), Cell::count(y.trained), Cell::percent(y.percent)});
  b.tables["secretary_training"] = std::move(tt);

  // The committee's composition.
  Table ct = newTable(tr("Composition of the executive committee"), {"", tr("Number"), tr("Share")});
  if (const auto& c = f.committeeComposition) {
    ct.caption = format(tr("Composition of the executive committee, term {1}"), {termName(c->term)});
    row(ct, tr("Members of the executive committee"),
        {Cell::count(c->members), Cell::share(c->members, c->members)}, true);
    row(ct, tr("Members of the standing committee"),
        {Cell::count(c->standing), Cell::share(c->standing, c->members)});
    row(ct, tr("Women"), {Cell::count(c->women), Cell::percent(c->womenPercent)});
    row(ct, tr("Ethnic minorities"),
        {Cell::count(c->ethnicMinority), Cell::percent(c->ethnicMinorityPercent)});
    row(ct, tr("Women from ethnic minorities"),
        {Cell::count(c->womenEthnicMinority), Cell::percent(c->womenEthnicMinorityPercent)});
    row(ct, tr("Aged 42 or under"), {Cell::count(c->age42OrUnder), Cell::percent(c->age42OrUnderPercent)});
    row(ct, tr("University or above"),
        {Cell::count(c->universityOrAbove), Cell::percent(c->universityOrAbovePercent)});
    row(ct, tr("Postgraduate"), {Cell::count(c->postgraduate), Cell::percent(c->postgraduatePercent)});
    row(ct, tr("Political theory intermediate or above"),
        {Cell::count(c->theoryIntermediateOrAbove), Cell::percent(c->theoryIntermediateOrAbovePercent)});
    row(ct, tr("Political theory advanced"),
        {Cell::count(c->theoryAdvanced), Cell::percent(c->theoryAdvancedPercent)});
  }
  b.tables["committee"] = std::move(ct);
  b.closing = closingBlocks(committee);
  return b;
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
  if (a.target)
    j.value(*a.target);
  else
    j.null();
  percentOrNull(j, "percent_of_target", a.percentOfTarget);
  countMap(j, "by_origin", a.byOrigin);
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
  j.key("supervisions").beginObject();
  j.key("organizations").value(f.supervisions.organizations).key("members").value(f.supervisions.members);
  j.endObject();

  const auto& d = f.discipline;
  j.key("discipline").beginObject();
  j.key("khien_trach")
      .value(d.khienTrach)
      .key("canh_cao")
      .value(d.canhCao)
      .key("cach_chuc")
      .value(d.cachChuc);
  j.key("khai_tru").value(d.khaiTru).key("xoa_ten").value(d.xoaTen);
  j.key("organizations").beginObject();
  j.key("khien_trach")
      .value(d.orgKhienTrach)
      .key("canh_cao")
      .value(d.orgCanhCao)
      .key("giai_tan")
      .value(d.orgGiaiTan);
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
  writeVersion2(j, f);
  j.endObject();
}

Document congressDocument(const CongressFigures& f, const core::CommitteeInfo& committee,
                          const std::string& templateFolder) {
  const std::string name = committee.name.empty() ? f.committee : committee.name;
  Document doc;
  doc.title = core::toUpper(tr("Report")) + " - " + name;
  doc.header = partyHeader(committee);
  const TemplateBlocks blocks = congressBlocks(f, committee);
  const ReportTemplate t =
      loadTemplate("congress", templateFolder, congressFields(sampleCongressFigures()), blocks);
  t.render(congressFields(f, committee), blocks, doc);
  return doc;
}

void writeCongressHtml(std::ostream& out, const CongressFigures& f, const core::CommitteeInfo& committee,
                       const std::string& templateFolder) {
  renderHtml(out, congressDocument(f, committee, templateFolder));
}

void writeCongressDocument(const std::filesystem::path& out, const CongressFigures& f,
                           const core::CommitteeInfo& committee, const std::string& format,
                           const std::string& templateFolder) {
  const Document doc = congressDocument(f, committee, templateFolder);
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
