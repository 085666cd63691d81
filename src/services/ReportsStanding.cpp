// The standing reports of Reports.h: organizations, the members' structure, the committee and badges.
#include <algorithm>
#include <map>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "services/CongressReport.h"
#include "services/Deadlines.h"
#include "services/MemberList.h"
#include "services/Reports.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/ReportQueries.h"

namespace dangbo::services {

using core::format;
using core::tr;

namespace {

ReportModel newModel(Services& s, const char* name, const char* title, const core::Date& asOf) {
  ReportModel m;
  m.name = name;
  m.title = tr(title);
  m.committee = s.committee().name;
  m.from = m.to = m.asOf = asOf;
  return m;
}

ReportRow row(std::string key, std::string label, std::vector<Figure> figures, RowRole role = RowRole::Body) {
  ReportRow r;
  r.key = std::move(key);
  r.cells.push_back(Figure::label(std::move(label)));
  for (auto& f : figures) r.cells.push_back(std::move(f));
  r.role = role;
  return r;
}

// A table of one count per part, then the total, and each part's share of it.
ReportTable partsTable(std::string key, std::string caption,
                       const std::vector<std::pair<std::string, std::string>>& parts,
                       const std::map<std::string, int>& counts, int total) {
  ReportTable t;
  t.key = std::move(key);
  t.caption = std::move(caption);
  t.columns = {"", tr("Number"), tr("Share")};
  for (const auto& [code, label] : parts) {
    auto it = counts.find(code);
    const int n = it == counts.end() ? 0 : it->second;
    t.rows.push_back(row(code, label, {Figure::count(n), Figure::share(n, total)}));
  }
  t.rows.push_back(
      row("total", tr("Total"), {Figure::count(total), Figure::share(total, total)}, RowRole::Total));
  return t;
}

std::string orEmpty(const std::string& s, const char* none) {
  return s.empty() ? std::string(tr(none)) : s;
}

}  // namespace

// --- organizations ---

ReportModel organizationsReport(Services& s, const Actor& actor, const core::Date& asOf) {
  require(actor, Permission::ReadRegister);
  ReportModel m = newModel(s, "organizations", core::N_("Party organizations"), asOf);
  store::Database& db = storeOf(s);
  const auto orgs = store::organizationsOn(db, asOf);
  std::map<core::Id, std::string> names;
  for (const auto& o : s.organizations(actor)) names[o.id] = o.name;
  std::map<core::Id, int> membersOf;
  int members = 0;
  for (const auto& mem : store::membersPresentOn(db, asOf)) {
    ++membersOf[mem.cellId];
    ++members;
  }

  ReportSection sec;
  ReportTable byCat;
  byCat.key = "by_category";
  byCat.caption = tr("Party organizations by category");
  byCat.columns = {tr("Category"), tr("Grassroots cells"), tr("Subordinate cells"), tr("Total")};
  int grass = 0, sub = 0, villages = 0, villagesWithCommittee = 0;
  for (const auto& cat : congressCategories()) {
    int g = 0, u = 0;
    for (const auto& o : orgs) {
      if (o.category != cat) continue;
      (o.kind == "co_so" ? g : u)++;
      if (cat == "ban") {
        ++villages;
        if (o.cellCommittee) ++villagesWithCommittee;
      }
    }
    grass += g;
    sub += u;
    byCat.rows.push_back(row(cat, core::enums::orgCategory.label(cat),
                             {Figure::count(g), Figure::count(u), Figure::count(g + u)}));
  }
  byCat.rows.push_back(row("total", tr("Total"),
                           {Figure::count(grass), Figure::count(sub), Figure::count(grass + sub)},
                           RowRole::Total));
  sec.paragraphs.push_back(
      format(tr("On {1}, the Party Committee has {2} party organizations: {3} grassroots cells "
                "and {4} subordinate cells, with {5} members."),
             {asOf.vn(), core::formatCountVn(grass + sub), core::formatCountVn(grass),
              core::formatCountVn(sub), core::formatCountVn(members)}));
  sec.paragraphs.push_back(
      format(tr("{1}/{2} village cells have a cell committee ({3})."),
             {core::formatCountVn(villagesWithCommittee), core::formatCountVn(villages),
              core::formatPercentVn(core::percentTenths(villagesWithCommittee, villages).value_or(0))}));
  sec.tables.push_back(std::move(byCat));

  ReportTable list;
  list.key = "cells";
  list.caption = tr("Party organizations and their members");
  list.columns = {tr("Code"), tr("Name"), tr("Kind"), tr("Cell committee"), tr("Members")};
  for (const auto& o : orgs) {
    ReportRow r;
    r.key = o.code;
    r.cells = {Figure::label(o.code), Figure::label(names[o.id]),
               Figure::label(core::enums::orgKind.label(o.kind)),
               Figure::label(o.cellCommittee ? tr("Yes") : tr("No")), Figure::count(membersOf[o.id])};
    list.rows.push_back(std::move(r));
  }
  list.rows.push_back(row("total", tr("Total"),
                          {Figure::label(""), Figure::label(""), Figure::label(""), Figure::count(members)},
                          RowRole::Total));
  sec.tables.push_back(std::move(list));
  m.sections.push_back(std::move(sec));
  return m;
}

// --- members ---

std::vector<int> ageBandsOn(Services& s, const core::Date& on) {
  return s.ruleBook().intListOn("report.age_bands", on);
}

std::string ageBandLabel(const std::vector<int>& bands, size_t i) {
  if (bands.empty()) return tr("All ages");
  // Worded as ../data/age_bands.csv: "Từ 18 - 30 tuổi", "Từ 31 - 35 tuổi", ..., "Trên 60 tuổi".
  if (i == 0) return format(tr("{1} to {2} years"), {"18", std::to_string(bands[0])});
  if (i >= bands.size()) return format(tr("Over {1} years"), {std::to_string(bands.back())});
  return format(tr("{1} to {2} years"), {std::to_string(bands[i - 1] + 1), std::to_string(bands[i])});
}

size_t ageBandOf(const std::vector<int>& bands, int age) {
  size_t i = 0;
  while (i < bands.size() && age > bands[i]) ++i;
  return i;
}

ReportModel membersReport(Services& s, const Actor& actor, const core::Date& asOf) {
  require(actor, Permission::ReadRegister);
  ReportModel m = newModel(s, "members", core::N_("Structure of the party membership"), asOf);
  const auto bands = ageBandsOn(s, asOf);
  int total = 0;
  std::map<std::string, int> age, gender, ethnicity, religion, education, qualification, theory, standing;
  std::map<std::string, std::string> ethnicityNames;
  int exempt = 0;
  // The register read a page at a time: a province's is never held whole.
  forEachRegisterEntry(s, actor, asOf, [&](RegisterEntry&& e) {
    ++total;
    const core::Member& mem = e.member;
    if (mem.birthDate)
      ++age["band" + std::to_string(ageBandOf(bands, core::completedYears(mem.birthDate->anchor(), asOf)))];
    else
      ++age["unknown"];
    ++gender[mem.gender.empty() ? "unknown" : mem.gender];
    const std::string eth = mem.ethnicity.empty() ? "unknown" : mem.ethnicity;
    ++ethnicity[eth];
    ethnicityNames[eth] =
        mem.ethnicity.empty() ? std::string(tr("Not recorded")) : orEmpty(e.ethnicityName, "Not recorded");
    ++religion[mem.religion.empty() ? std::string(tr("Not recorded")) : mem.religion];
    ++education[mem.education.empty() ? std::string(tr("Not recorded")) : mem.education];
    ++qualification[mem.qualification.empty() ? "unknown" : mem.qualification];
    ++theory[mem.theory.empty() ? "unknown" : mem.theory];
    ++standing[mem.officialOn && *mem.officialOn <= asOf ? "official" : "probationary"];
    if (mem.status == "exempt" && (!mem.statusSince || *mem.statusSince <= asOf)) ++exempt;
  });
  auto withUnknown = [&](std::vector<std::pair<std::string, std::string>> parts,
                         const std::map<std::string, int>& c) {
    if (c.count("unknown")) parts.emplace_back("unknown", tr("Not recorded"));
    return parts;
  };
  auto enumParts = [&](const core::EnumSet& set, const std::map<std::string, int>& c) {
    std::vector<std::pair<std::string, std::string>> parts;
    for (const auto& item : set.items()) parts.emplace_back(item.code, tr(item.label));
    // Codes outside the enumeration (old imports) keep their own row.
    for (const auto& [code, n] : c)
      if (code != "unknown" && !set.byCode(code)) parts.emplace_back(code, code);
    return withUnknown(parts, c);
  };
  auto keyParts = [&](const std::map<std::string, int>& c, bool byCount) {
    std::vector<std::pair<std::string, std::string>> parts;
    for (const auto& [k, n] : c) parts.emplace_back(k, k);
    if (byCount)
      std::stable_sort(parts.begin(), parts.end(),
                       [&](const auto& a, const auto& b) { return c.at(a.first) > c.at(b.first); });
    return parts;
  };

  ReportSection sec;
  sec.paragraphs.push_back(
      format(tr("On {1}, the Party Committee has {2} members: {3} official and {4} probationary; "
                "{5} women; {6} exempt from party work and activities."),
             {asOf.vn(), core::formatCountVn(total), core::formatCountVn(standing["official"]),
              core::formatCountVn(standing["probationary"]), core::formatCountVn(gender["nu"]),
              core::formatCountVn(exempt)}));
  std::vector<std::pair<std::string, std::string>> ageParts;
  for (size_t i = 0; i <= bands.size(); ++i)
    ageParts.emplace_back("band" + std::to_string(i), ageBandLabel(bands, i));
  sec.tables.push_back(partsTable("age", tr("Members by age"), withUnknown(ageParts, age), age, total));
  sec.tables.push_back(
      partsTable("gender", tr("Members by gender"), enumParts(core::enums::gender, gender), gender, total));
  std::vector<std::pair<std::string, std::string>> ethParts;
  for (const auto& [code, n] : ethnicity) ethParts.emplace_back(code, ethnicityNames[code]);
  std::stable_sort(ethParts.begin(), ethParts.end(), [&](const auto& a, const auto& b) {
    if ((a.first == "unknown") != (b.first == "unknown")) return b.first == "unknown";
    return ethnicity[a.first] > ethnicity[b.first];
  });
  sec.tables.push_back(partsTable("ethnicity", tr("Members by ethnicity"), ethParts, ethnicity, total));
  sec.tables.push_back(
      partsTable("religion", tr("Members by religion"), keyParts(religion, true), religion, total));
  // General education "9/12": by the system (10 or 12 years), then the grade.
  auto educationParts = keyParts(education, false);
  auto gradeOf = [](const std::string& e) {
    const auto slash = e.find('/');
    if (slash == std::string::npos) return std::pair{1000, 0};
    try {
      return std::pair{std::stoi(e.substr(slash + 1)), std::stoi(e.substr(0, slash))};
    } catch (const std::exception&) {
      return std::pair{1000, 0};
    }
  };
  std::stable_sort(educationParts.begin(), educationParts.end(),
                   [&](const auto& a, const auto& b) { return gradeOf(a.first) < gradeOf(b.first); });
  sec.tables.push_back(
      partsTable("education", tr("Members by general education"), educationParts, education, total));
  sec.tables.push_back(partsTable("qualification", tr("Members by professional qualification"),
                                  enumParts(core::enums::qualification, qualification), qualification,
                                  total));
  sec.tables.push_back(partsTable("theory", tr("Members by political theory"),
                                  enumParts(core::enums::theory, theory), theory, total));
  ReportTable st = partsTable(
      "standing", tr("Official and probationary members"),
      {{"official", tr("Official members")}, {"probationary", tr("Probationary members")}}, standing, total);
  st.rows.push_back(row("exempt", tr("Of whom exempt from party work and activities"),
                        {Figure::count(exempt), Figure::share(exempt, total)}, RowRole::Detail));
  sec.tables.push_back(std::move(st));

  ReportChart chart;
  chart.title = tr("Members by age");
  chart.categoryLabel = tr("Age");
  chart.axisLabel = tr("Members");
  ReportSeries series{tr("Members"), {}};
  for (size_t i = 0; i <= bands.size(); ++i) {
    // Short labels under the bars: "≤ 30", "31-35", "> 60".
    if (bands.empty())
      chart.categories.push_back(tr("All ages"));
    else if (i == 0)
      chart.categories.push_back("≤ " + std::to_string(bands[0]));
    else if (i >= bands.size())
      chart.categories.push_back("> " + std::to_string(bands.back()));
    else
      chart.categories.push_back(std::to_string(bands[i - 1] + 1) + "-" + std::to_string(bands[i]));
    series.values.push_back(double(age["band" + std::to_string(i)]));
  }
  chart.series.push_back(std::move(series));
  sec.charts.push_back(std::move(chart));
  m.sections.push_back(std::move(sec));
  return m;
}

// --- committee ---

ReportModel committeeReport(Services& s, const Actor& actor, const core::Date& asOf) {
  require(actor, Permission::ReadRegister);
  ReportModel m = newModel(s, "committee", core::N_("Composition of the executive committee"), asOf);
  store::Database& db = storeOf(s);
  const core::Term* term = nullptr;
  const auto terms = store::termsByStart(db);
  for (const auto& t : terms)
    if (t.fromYear <= asOf.year()) term = &t;
  ReportSection sec;
  if (!term) {
    sec.paragraphs.push_back(tr("No committee term is recorded."));
    m.sections.push_back(std::move(sec));
    return m;
  }
  const auto figures = congressFigures(s, actor, asOf, asOf, asOf);
  const CongressCommittee c = figures.committeeComposition.value_or(CongressCommittee{});
  auto seats = store::committeeOfTerm(db, term->id);
  sec.paragraphs.push_back(
      format(tr("The executive committee of the term {1} has {2} members, {3} of them in the "
                "standing committee."),
             {term->name, core::formatCountVn(c.members), core::formatCountVn(c.standing)}));
  std::map<std::string, int> byPosition;
  for (const auto& seat : seats) ++byPosition[seat.position];
  std::vector<std::pair<std::string, std::string>> positions;
  for (const auto& item : core::enums::committeePosition.items())
    positions.emplace_back(item.code, tr(item.label));
  sec.tables.push_back(partsTable("positions", format(tr("Seats by position, term {1}"), {term->name}),
                                  positions, byPosition, c.members));

  ReportTable comp;
  comp.key = "composition";
  comp.caption = format(tr("Composition of the executive committee, term {1}"), {term->name});
  comp.columns = {"", tr("Number"), tr("Share")};
  comp.sums = false;
  auto add = [&](const char* key, const char* label, int n) {
    comp.rows.push_back(
        row(key, tr(label), {Figure::count(n), Figure::share(n, c.members)}, RowRole::Detail));
  };
  comp.rows.push_back(row("members", tr("Members of the executive committee"),
                          {Figure::count(c.members), Figure::share(c.members, c.members)}, RowRole::Total));
  add("standing", core::N_("Members of the standing committee"), c.standing);
  add("women", core::N_("Women"), c.women);
  add("ethnic_minority", core::N_("Ethnic minorities"), c.ethnicMinority);
  add("women_ethnic_minority", core::N_("Women from ethnic minorities"), c.womenEthnicMinority);
  add("age_42_or_under", core::N_("Aged 42 or under"), c.age42OrUnder);
  add("university_or_above", core::N_("University or above"), c.universityOrAbove);
  add("postgraduate", core::N_("Postgraduate"), c.postgraduate);
  add("theory_intermediate_or_above", core::N_("Political theory intermediate or above"),
      c.theoryIntermediateOrAbove);
  add("theory_advanced", core::N_("Political theory advanced"), c.theoryAdvanced);
  sec.tables.push_back(std::move(comp));

  ReportTable list;
  list.key = "seats";
  list.caption = tr("Members of the executive committee");
  list.columns = {tr("Full name"), tr("Position"),      tr("Gender"),
                  tr("Age"),       tr("Qualification"), tr("Political theory")};
  list.sums = false;
  std::stable_sort(seats.begin(), seats.end(), [](const auto& a, const auto& b) {
    auto rank = [](const std::string& p) {
      const auto items = core::enums::committeePosition.items();
      for (size_t i = 0; i < items.size(); ++i)
        if (p == items[i].code) return i;
      return items.size();
    };
    if (rank(a.position) != rank(b.position)) return rank(a.position) < rank(b.position);
    return core::compareNames(a.member.fullName, b.member.fullName) < 0;
  });
  for (const auto& seat : seats) {
    ReportRow r;
    r.key = seat.member.code;
    const auto& mem = seat.member;
    r.cells = {Figure::label(mem.fullName),
               Figure::label(core::enums::committeePosition.label(seat.position)),
               Figure::label(core::enums::gender.label(mem.gender)),
               mem.birthDate ? Figure::count(core::completedYears(mem.birthDate->anchor(), asOf))
                             : Figure::label("-"),
               Figure::label(core::enums::qualification.label(mem.qualification)),
               Figure::label(core::enums::theory.label(mem.theory))};
    list.rows.push_back(std::move(r));
  }
  sec.tables.push_back(std::move(list));
  m.sections.push_back(std::move(sec));
  return m;
}

// --- badges ---

ReportModel badgesReport(Services& s, const Actor& actor, const core::Date& asOf) {
  require(actor, Permission::ReadRegister);
  ReportModel m = newModel(s, "badges", core::N_("Party badges due at the next award day"), asOf);
  std::vector<Deadline> due;
  for (auto& d : deadlines(s, actor, asOf))
    if (d.kind == "badge_due") due.push_back(std::move(d));
  ReportSection sec;
  if (due.empty()) {
    sec.paragraphs.push_back(
        format(tr("No member reaches a badge milestone at the next award day after {1}."), {asOf.vn()}));
  } else {
    sec.paragraphs.push_back(
        format(tr("At the award day {1}, {2} members reach a milestone of party age for the Party "
                  "badge."),
               {due.front().due.vn(), core::formatCountVn(int64_t(due.size()))}));
  }
  std::map<std::string, int> byMilestone;
  for (const auto& d : due) ++byMilestone[d.step];
  std::vector<std::pair<std::string, std::string>> parts;
  for (int years : s.ruleBook().intListOn("badge.milestones", due.empty() ? asOf : due.front().due))
    parts.emplace_back(std::to_string(years), format(tr("{1} years of party age"), {std::to_string(years)}));
  sec.tables.push_back(
      partsTable("by_milestone", tr("Badges by milestone"), parts, byMilestone, int(due.size())));

  ReportTable list;
  list.key = "members";
  list.caption = tr("Members due for the Party badge");
  list.columns = {
      tr("Code"),     tr("Full name"), tr("Cell"), tr("Milestone reached on"), tr("Years of party age"),
      tr("Award day")};
  list.sums = false;
  for (const auto& d : due) {
    ReportRow r;
    r.key = d.code;
    r.cells = {Figure::label(d.code),
               Figure::label(d.name),
               Figure::label(d.cellCode),
               Figure::label(d.from.vn()),
               Figure::count(std::stoi(d.step)),
               Figure::label(d.due.vn())};
    list.rows.push_back(std::move(r));
  }
  sec.tables.push_back(std::move(list));
  m.sections.push_back(std::move(sec));
  return m;
}

}  // namespace dangbo::services
