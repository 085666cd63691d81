#include "reports/CongressReport.h"

#include <string>
#include <string_view>
#include <vector>

#include "core/Enums.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "reports/Json.h"

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
// HTML helpers

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

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

// A table row: a label cell and right-aligned number cells.
void row(std::ostream& out, std::string_view label, const std::vector<std::string>& cells, bool total = false) {
  out << (total ? "<tr class=\"total\">" : "<tr>") << "<td>" << esc(label) << "</td>";
  for (const auto& c : cells) out << "<td class=\"n\">" << esc(c) << "</td>";
  out << "</tr>\n";
}

void tableHead(std::ostream& out, std::string_view caption, const std::vector<std::string>& headers) {
  out << "<table class=\"data\">\n<caption>" << esc(caption) << "</caption>\n<tr>";
  for (const auto& h : headers) out << "<th>" << esc(h) << "</th>";
  out << "</tr>\n";
}

void paragraph(std::ostream& out, std::string_view text) { out << "<p>" << esc(text) << "</p>\n"; }

// ---------------------------------------------------------------------------------------------
// The sections

void organizationsAndMembers(std::ostream& out, const CongressFigures& f) {
  const auto& o = f.organizations;
  const auto& m = f.members;
  out << "<h3>" << esc(tr("1. Party organizations and members")) << "</h3>\n";
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
  paragraph(out, s);
  if (m.total > 0)
    paragraph(out, format(tr("Among the members, {1} are women ({2}), {3} belong to ethnic minorities ({4}) and {5} "
                             "are exempt from party work and activities ({6})."),
                          {count(m.women), share(m.women, m.total), count(m.ethnicMinority),
                           share(m.ethnicMinority, m.total), count(m.exempt), share(m.exempt, m.total)}));

  // Members by age group.
  tableHead(out, tr("Members by age group"), {tr("Age group"), tr("Number of members"), tr("Share")});
  for (const auto& [group, n] : m.byAgeGroup) {
    const std::string label = group == "18-30" ? tr("30 or under") : group == "71+" ? tr("71 or over") : group;
    row(out, label, {count(n), share(n, m.total)});
  }
  if (m.ageUnknown > 0) row(out, tr("Birth date not recorded"), {count(m.ageUnknown), share(m.ageUnknown, m.total)});
  row(out, tr("Total"), {count(m.total), share(m.total, m.total)}, true);
  out << "</table>\n";

  // Members by standing, gender and ethnicity: each block adds up to the total.
  tableHead(out, tr("Members by standing, gender and ethnicity"), {"", tr("Number of members"), tr("Share")});
  row(out, tr("Official members"), {count(m.official), share(m.official, m.total)});
  row(out, tr("Probationary members"), {count(m.probationary), share(m.probationary, m.total)});
  row(out, tr("Total"), {count(m.total), share(m.total, m.total)}, true);
  row(out, tr("Men"), {count(m.total - m.women), share(m.total - m.women, m.total)});
  row(out, tr("Women"), {count(m.women), share(m.women, m.total)});
  row(out, tr("Total"), {count(m.total), share(m.total, m.total)}, true);
  const int kinh = m.total - m.ethnicMinority - m.ethnicityUnknown;
  row(out, tr("Kinh"), {count(kinh), share(kinh, m.total)});
  row(out, tr("Ethnic minorities"), {count(m.ethnicMinority), share(m.ethnicMinority, m.total)});
  if (m.ethnicityUnknown > 0)
    row(out, tr("Ethnicity not recorded"), {count(m.ethnicityUnknown), share(m.ethnicityUnknown, m.total)});
  row(out, tr("Total"), {count(m.total), share(m.total, m.total)}, true);
  row(out, tr("Of whom exempt from party work and activities"), {count(m.exempt), share(m.exempt, m.total)});
  out << "</table>\n";
}

void admissions(std::ostream& out, const CongressFigures& f) {
  const auto& a = f.admissions;
  out << "<h3>" << esc(tr("2. Admission of new members")) << "</h3>\n";
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
  paragraph(out, s);

  const bool yearly = a.targetSource == services::TargetSource::Years;
  std::vector<std::string> headers = {tr("Year"), tr("Members admitted")};
  if (yearly) headers.push_back(tr("Target"));
  tableHead(out, tr("Admissions by year"), headers);
  for (size_t i = 0; i < a.byYear.size(); ++i) {
    std::vector<std::string> cells = {count(a.byYear[i].second)};
    if (yearly) cells.push_back(a.yearTargets[i].second ? count(*a.yearTargets[i].second) : "-");
    row(out, std::to_string(a.byYear[i].first), cells);
  }
  std::vector<std::string> total = {count(a.total)};
  if (yearly) total.push_back(count(*a.target));
  row(out, tr("Total"), total, true);
  if (!yearly) row(out, tr("Target of the term"), {a.target ? count(*a.target) : "-"});
  row(out, tr("Share of the target"), yearly ? std::vector<std::string>{percent(a.percentOfTarget), ""}
                                             : std::vector<std::string>{percent(a.percentOfTarget)});
  out << "</table>\n";
}

void ratings(std::ostream& out, const CongressFigures& f) {
  out << "<h3>" << esc(tr("3. Annual quality rating")) << "</h3>\n";
  if (f.ratings.empty()) {
    paragraph(out, tr("No quality rating is recorded for the years of the period."));
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
  paragraph(out, join(sentences, " "));

  tableHead(out, tr("Quality ratings by year"),
            {tr("Year"), "HTXSNV", "HTTNV", "HTNV", "KHTNV", tr("Rated"), tr("Well or better")});
  for (const auto& y : f.ratings) {
    for (const auto* r : {&y.organizations, &y.members}) {
      if (r->rated == 0) continue;
      const std::string label = format(r == &y.organizations ? tr("{1}: party organizations") : tr("{1}: members"),
                                       {std::to_string(y.year)});
      row(out, label,
          {count(r->htxsnv), count(r->httnv), count(r->htnv), count(r->khtnv), count(r->rated),
           percent(r->goodOrBetterPercent)});
    }
  }
  out << "</table>\n";
}

void inspectionAndDiscipline(std::ostream& out, const CongressFigures& f) {
  const auto& i = f.inspections;
  const auto& d = f.discipline;
  out << "<h3>" << esc(tr("4. Inspection, supervision and discipline")) << "</h3>\n";
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
  paragraph(out, format(tr("From {1} to {2}, {3}."), {f.from.vn(), f.to.vn(), join(clauses, "; ")}));
}

void committeeComposition(std::ostream& out, const CongressFigures& f) {
  out << "<h3>" << esc(tr("5. The executive committee of the Party Committee")) << "</h3>\n";
  if (!f.committeeComposition) {
    paragraph(out, tr("No committee term is recorded."));
    return;
  }
  const auto& c = *f.committeeComposition;
  if (c.members == 0) {
    paragraph(out, format(tr("No member of the executive committee of the term {1} is recorded."), {c.term}));
    return;
  }
  paragraph(out, format(tr("The executive committee of the term {1} has {2} members, {3} of them in the standing "
                           "committee."),
                        {c.term, count(c.members), count(c.standing)}));
  paragraph(out, format(tr("Women: {1}; ethnic minorities: {2}; women from ethnic minorities: {3}; aged 42 or under: "
                           "{4}; university or above: {5}, of which postgraduate: {6}; political theory intermediate "
                           "or above: {7}, of which advanced: {8}."),
                        {percent(c.womenPercent), percent(c.ethnicMinorityPercent),
                         percent(c.womenEthnicMinorityPercent), percent(c.age42OrUnderPercent),
                         percent(c.universityOrAbovePercent), percent(c.postgraduatePercent),
                         percent(c.theoryIntermediateOrAbovePercent), percent(c.theoryAdvancedPercent)}));
  tableHead(out, format(tr("Composition of the executive committee, term {1}"), {c.term}),
            {"", tr("Number"), tr("Share")});
  row(out, tr("Members of the executive committee"), {count(c.members), share(c.members, c.members)}, true);
  row(out, tr("Members of the standing committee"), {count(c.standing), share(c.standing, c.members)});
  row(out, tr("Women"), {count(c.women), percent(c.womenPercent)});
  row(out, tr("Ethnic minorities"), {count(c.ethnicMinority), percent(c.ethnicMinorityPercent)});
  row(out, tr("Women from ethnic minorities"), {count(c.womenEthnicMinority), percent(c.womenEthnicMinorityPercent)});
  row(out, tr("Aged 42 or under"), {count(c.age42OrUnder), percent(c.age42OrUnderPercent)});
  row(out, tr("University or above"), {count(c.universityOrAbove), percent(c.universityOrAbovePercent)});
  row(out, tr("Postgraduate"), {count(c.postgraduate), percent(c.postgraduatePercent)});
  row(out, tr("Political theory intermediate or above"),
      {count(c.theoryIntermediateOrAbove), percent(c.theoryIntermediateOrAbovePercent)});
  row(out, tr("Political theory advanced"), {count(c.theoryAdvanced), percent(c.theoryAdvancedPercent)});
  out << "</table>\n";
}

constexpr const char* kStyle = R"(@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.35; }
table.header { width: 100%; border-collapse: collapse; }
table.header td { width: 50%; vertical-align: top; text-align: center; font-size: 13pt; }
.motto { font-weight: bold; text-decoration: underline; }
.date { font-style: italic; }
h1 { font-size: 14pt; font-weight: bold; text-align: center; margin: 18pt 0 0; }
p.subtitle { font-weight: bold; text-align: center; text-indent: 0; margin: 0; }
p.period { font-style: italic; text-align: center; text-indent: 0; margin: 0 0 12pt; }
h2, h3 { font-size: 14pt; font-weight: bold; margin: 10pt 0 4pt; }
h3 { font-style: italic; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
table.data { width: 100%; border-collapse: collapse; font-size: 13pt; margin: 4pt 0 10pt; page-break-inside: avoid; }
table.data caption { font-weight: bold; text-align: left; margin-bottom: 2pt; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 5pt; }
table.data th { text-align: center; }
table.data td.n { text-align: right; }
table.data tr.total td { font-weight: bold; }
)";

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

void writeCongressHtml(std::ostream& out, const CongressFigures& f, const core::CommitteeInfo& committee) {
  const std::string name = committee.name.empty() ? f.committee : committee.name;
  const std::string title = core::toUpper(tr("Report"));
  out << "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << esc(title) << " - "
      << esc(name) << "</title>\n<style>\n"
      << kStyle << "</style>\n</head>\n<body>\n";
  // The header block of a party document: the issuing body on the left, the Party's name and the
  // place and date (filled in by hand) on the right.
  out << "<table class=\"header\"><tr>\n<td>" << esc(core::toUpper(committee.superior)) << "<br>\n<b>"
      << esc(core::toUpper(committee.executive)) << "</b><br>\n*<br>\n" << esc(tr("No. ...-BC/DU")) << "</td>\n<td>"
      << "<span class=\"motto\">" << esc(tr("COMMUNIST PARTY OF VIETNAM")) << "</span><br>\n<span class=\"date\">"
      << esc(format(tr("{1}, day .. month .. year ...."), {committee.place})) << "</span></td>\n</tr></table>\n";
  out << "<h1>" << esc(title) << "</h1>\n<p class=\"subtitle\">"
      << esc(core::toUpper(format(tr("Party building figures of {1}"), {name}))) << "</p>\n<p class=\"period\">"
      << esc(format(tr("(from {1} to {2}; standing figures as of {3})"), {f.from.vn(), f.to.vn(), f.asOf.vn()}))
      << "</p>\n";
  out << "<h2>" << esc(tr("Party building work")) << "</h2>\n";
  organizationsAndMembers(out, f);
  admissions(out, f);
  ratings(out, f);
  inspectionAndDiscipline(out, f);
  committeeComposition(out, f);
  out << "</body>\n</html>\n";
}

}  // namespace dangbo::reports
