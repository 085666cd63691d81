// The named fields of the congress template (reports/congress.txt, listed in reports/README.md): the
// figures of services::CongressFigures written the way the seed writes them in sentences ("05", "100%",
// "2025 - 2030"). The wording itself is the template's.
#include <algorithm>
#include <cmath>

#include "core/Enums.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "reports/CongressReport.h"

namespace dangbo::reports {

using core::tr;
using services::CongressFigures;

namespace {

std::string count(int64_t n) {
  return sentenceCount(n);
}

std::string percent(const std::optional<int64_t>& tenths) {
  return tenths ? sentencePercent(*tenths) : "";
}

std::string share(int64_t n, int64_t of) {
  return percent(core::percentTenths(n, of));
}

// A count field: printed with a leading zero below 10, true when not 0.
void countField(TemplateData& d, const std::string& name, int64_t n) {
  d.field(name, count(n), n != 0);
}

// A percentage field: true when there is a percentage.
void percentField(TemplateData& d, const std::string& name, const std::optional<int64_t>& tenths) {
  d.field(name, percent(tenths), tenths.has_value());
}

// A target value as the seed writes it: "30", "90%".
std::string targetText(const std::string& code, double v) {
  if (code == "ket_nap_nhiem_ky" || code == "ket_nap_nam") return count(std::llround(v));
  return sentencePercent(std::llround(v * 10.0));
}

// "Chi bộ Công an xã" for a category code, as the seed names the cells founded.
std::string cellsLabel(const std::string& category) {
  if (category == "ban") return tr("village cells");
  if (category == "truong") return tr("school cells");
  if (category == "co_quan_dang") return tr("party agency cells");
  if (category == "chinh_quyen") return tr("government cells");
  if (category == "quan_su") return tr("commune military cell");
  if (category == "cong_an") return tr("commune police cell");
  if (category == "y_te") return tr("health station cells");
  return tr("other cells");
}

// The unit counted in a merger: "bản" for villages, else "chi bộ".
std::string mergedUnit(const std::string& category) {
  return category == "ban" ? tr("villages") : tr("cells");
}

std::vector<TemplateData> originCounts(const std::vector<std::pair<std::string, int>>& counts) {
  std::vector<TemplateData> out;
  for (const auto& [origin, n] : counts) {
    TemplateData d;
    d.text("origin", origin.empty() ? std::string(tr("not recorded")) : origin);
    countField(d, "count", n);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

TemplateData congressFields(const CongressFigures& f, const core::CommitteeInfo& committee) {
  TemplateData d;
  d.text("committee", committee.name.empty() ? f.committee : committee.name);
  d.text("committee.upper", core::toUpper(committee.name.empty() ? f.committee : committee.name));
  d.text("place", committee.place);
  d.text("from", f.from.vn());
  d.text("to", f.to.vn());
  d.text("to.month", std::to_string(f.to.month()) + "/" + std::to_string(f.to.year()));
  d.text("as_of", f.asOf.vn());
  d.text("period.years", termYears(f.from.year(), f.to.year()));

  // Whether the cells come from former communes: the report speaks of "the communes".
  bool origins = false;
  for (const auto& [o, n] : f.organizationsFounded.byOrigin) origins = origins || !o.empty();
  for (const auto& m : f.organizationsMerged) origins = origins || !m.origin.empty();
  for (const auto& [o, n] : f.admissions.byOrigin) origins = origins || !o.empty();
  d.flag("merged_commune", origins);

  const auto& o = f.organizations;
  countField(d, "organizations.total", o.total);
  countField(d, "organizations.grassroots", o.grassroots);
  countField(d, "organizations.subordinate", o.subordinate);
  countField(d, "organizations.village", o.villageCells);
  countField(d, "organizations.village_with_committee", o.villageCellsWithCommittee);
  d.field("organizations.village_with_committee_percent", share(o.villageCellsWithCommittee, o.villageCells),
          o.villageCells > 0);
  std::vector<TemplateData> subordinate;
  for (const auto& [code, n] : o.subordinateByCategory) {
    if (n <= 0) continue;
    TemplateData c;
    c.text("category", code).text("label", cellsLabel(code));
    countField(c, "count", n);
    subordinate.push_back(std::move(c));
  }
  d.list("organizations.subordinate_by_category", std::move(subordinate));

  const auto& m = f.members;
  countField(d, "members.total", m.total);
  countField(d, "members.official", m.official);
  countField(d, "members.probationary", m.probationary);
  countField(d, "members.women", m.women);
  d.field("members.women_percent", share(m.women, m.total), m.total > 0);
  countField(d, "members.ethnic_minority", m.ethnicMinority);
  d.field("members.ethnic_minority_percent", share(m.ethnicMinority, m.total), m.total > 0);
  countField(d, "members.exempt", m.exempt);
  d.field("members.exempt_percent", share(m.exempt, m.total), m.total > 0);

  // Cells founded and merged in the term.
  const auto& fo = f.organizationsFounded;
  countField(d, "founded.total", fo.total);
  std::vector<TemplateData> foundedByCategory;
  for (const auto& [code, n] : fo.byCategory) {
    TemplateData c;
    c.text("category", code).text("label", cellsLabel(code));
    countField(c, "count", n);
    foundedByCategory.push_back(std::move(c));
  }
  d.list("founded.by_category", std::move(foundedByCategory));
  d.list("founded.by_origin", originCounts(fo.byOrigin));
  int mergedFrom = 0;
  bool villagesOnly = true;
  std::vector<TemplateData> merged;
  for (const auto& g : f.organizationsMerged) {
    mergedFrom += g.from;
    villagesOnly = villagesOnly && g.category == "ban";
    TemplateData c;
    c.text("origin", g.origin).text("category", g.category).text("label", cellsLabel(g.category));
    c.text("unit", mergedUnit(g.category));
    countField(c, "from", g.from);
    countField(c, "into", g.into);
    merged.push_back(std::move(c));
  }
  countField(d, "merged.total", mergedFrom);
  d.text("merged.label", villagesOnly && mergedFrom > 0 ? cellsLabel("ban") : std::string(tr("cells")));
  d.list("merged", std::move(merged));

  // Admissions.
  const auto& a = f.admissions;
  countField(d, "admissions.total", a.total);
  d.field("admissions.target", a.target ? count(*a.target) : "", a.target && *a.target > 0);
  percentField(d, "admissions.percent_of_target", a.percentOfTarget);
  std::vector<TemplateData> years;
  for (const auto& [y, n] : a.byYear) {
    TemplateData c;
    c.text("year", std::to_string(y));
    countField(c, "count", n);
    years.push_back(std::move(c));
  }
  d.list("admissions.by_year", std::move(years));
  d.list("admissions.by_origin", originCounts(a.byOrigin));

  // Ratings and whether the targets were met.
  const auto& rtg = f.ratingTargets;
  percentField(d, "rating_targets.organizations", rtg ? rtg->organizationsPercent : std::nullopt);
  percentField(d, "rating_targets.members", rtg ? rtg->membersPercent : std::nullopt);
  std::vector<TemplateData> ratings;
  for (const auto& y : f.ratings) {
    TemplateData c;
    c.text("year", std::to_string(y.year));
    percentField(c, "organizations", y.organizations.goodOrBetterPercent);
    percentField(c, "members", y.members.goodOrBetterPercent);
    bool orgMet = false, memberMet = false;
    if (rtg)
      for (const auto& met : rtg->met)
        if (met.year == y.year) {
          orgMet = met.organizations;
          memberMet = met.members;
        }
    c.flag("organizations.met", orgMet).flag("members.met", memberMet);
    c.flag("organizations.has_target",
           rtg && rtg->organizationsPercent && y.organizations.goodOrBetterPercent);
    c.flag("members.has_target", rtg && rtg->membersPercent && y.members.goodOrBetterPercent);
    ratings.push_back(std::move(c));
  }
  d.list("ratings", std::move(ratings));

  // Secretaries trained.
  std::vector<TemplateData> training;
  if (f.secretaryTraining)
    for (const auto& y : *f.secretaryTraining) {
      TemplateData c;
      c.text("year", std::to_string(y.year));
      countField(c, "trained", y.trained);
      countField(c, "secretaries", y.secretaries);
      percentField(c, "percent", y.percent);
      training.push_back(std::move(c));
    }
  d.list("secretary_training", std::move(training));

  // Inspection, supervision and discipline.
  countField(d, "inspections.organizations", f.inspections.organizations);
  countField(d, "inspections.members", f.inspections.members);
  d.flag("inspections.any", f.inspections.organizations + f.inspections.members > 0);
  countField(d, "supervisions.organizations", f.supervisions.organizations);
  countField(d, "supervisions.members", f.supervisions.members);
  d.flag("supervisions.any", f.supervisions.organizations + f.supervisions.members > 0);
  const auto& dis = f.discipline;
  countField(d, "discipline.khien_trach", dis.khienTrach);
  countField(d, "discipline.canh_cao", dis.canhCao);
  countField(d, "discipline.cach_chuc", dis.cachChuc);
  countField(d, "discipline.khai_tru", dis.khaiTru);
  countField(d, "discipline.xoa_ten", dis.xoaTen);
  countField(d, "discipline.organizations.khien_trach", dis.orgKhienTrach);
  countField(d, "discipline.organizations.canh_cao", dis.orgCanhCao);
  countField(d, "discipline.organizations.giai_tan", dis.orgGiaiTan);
  d.flag("discipline.any", dis.khienTrach + dis.canhCao + dis.cachChuc + dis.khaiTru + dis.orgKhienTrach +
                                   dis.orgCanhCao + dis.orgGiaiTan >
                               0);
  // The decisions by form, those on members first, leaving out the forms not used, so that a sentence lists
  // them with commas: "khiển trách 06 đảng viên, cảnh cáo 02 đảng viên, giải tán 01 tổ chức đảng".
  std::vector<TemplateData> decisions;
  const std::pair<const char*, int> onMembers[] = {{"khien_trach", dis.khienTrach},
                                                   {"canh_cao", dis.canhCao},
                                                   {"cach_chuc", dis.cachChuc},
                                                   {"khai_tru", dis.khaiTru}};
  const std::pair<const char*, int> onOrganizations[] = {
      {"khien_trach", dis.orgKhienTrach}, {"canh_cao", dis.orgCanhCao}, {"giai_tan", dis.orgGiaiTan}};
  for (bool members : {true, false})
    for (const auto& [code, n] : members
                                     ? std::vector(std::begin(onMembers), std::end(onMembers))
                                     : std::vector(std::begin(onOrganizations), std::end(onOrganizations))) {
      if (n <= 0) continue;
      TemplateData c;
      const auto* item = core::enums::disciplineForm.byCode(code);
      c.text("form", core::toLower(item ? std::string(tr(item->label)) : std::string(code)));
      countField(c, "count", n);
      c.flag("members", members);
      decisions.push_back(std::move(c));
    }
  d.list("discipline.decisions", std::move(decisions));

  // The committee elected.
  const auto& c = f.committeeComposition;
  d.flag("committee.recorded", c && c->members > 0);
  // "2025-2030" as the seed writes terms: "2025 - 2030".
  d.text("committee.term", c ? termName(c->term) : std::string());
  countField(d, "committee.members", c ? c->members : 0);
  countField(d, "committee.standing", c ? c->standing : 0);
  percentField(d, "committee.women_percent", c ? c->womenPercent : std::nullopt);
  percentField(d, "committee.ethnic_minority_percent", c ? c->ethnicMinorityPercent : std::nullopt);
  percentField(d, "committee.women_ethnic_minority_percent",
               c ? c->womenEthnicMinorityPercent : std::nullopt);
  percentField(d, "committee.age_42_or_under_percent", c ? c->age42OrUnderPercent : std::nullopt);
  percentField(d, "committee.university_or_above_percent", c ? c->universityOrAbovePercent : std::nullopt);
  percentField(d, "committee.postgraduate_percent", c ? c->postgraduatePercent : std::nullopt);
  percentField(d, "committee.theory_intermediate_or_above_percent",
               c ? c->theoryIntermediateOrAbovePercent : std::nullopt);
  percentField(d, "committee.theory_advanced_percent", c ? c->theoryAdvancedPercent : std::nullopt);

  // The new term's targets.
  d.flag("next.any", !f.nextTermTargets.empty());
  int nextFrom = 0, nextTo = 0;
  for (const auto& t : f.nextTermTargets) {
    nextFrom = t.from;
    nextTo = t.to;
  }
  d.text("next.term", nextFrom ? termYears(nextFrom, nextTo) : std::string());
  d.text("next.last_year", nextTo ? std::to_string(nextTo) : std::string());
  for (const auto& code : services::targetCodes()) {
    const auto it = std::find_if(f.nextTermTargets.begin(), f.nextTermTargets.end(),
                                 [&](const auto& t) { return t.code == code; });
    d.field("next." + code, it == f.nextTermTargets.end() ? std::string() : targetText(code, it->value),
            it != f.nextTermTargets.end());
  }
  return d;
}

CongressFigures sampleCongressFigures() {
  CongressFigures f;
  f.organizations.subordinateByCategory = {{"ban", 1}};
  f.organizationsFounded.byCategory = {{"ban", 1}};
  f.organizationsFounded.byOrigin = {{"", 1}};
  f.organizationsMerged = {{"", "ban", 1, 1}};
  f.admissions.byYear = {{2020, 1}};
  f.admissions.byOrigin = {{"", 1}};
  f.ratings.resize(1);
  f.ratingTargets = services::CongressRatingTargets{};
  f.secretaryTraining = std::vector<services::SecretaryTrainingYear>(1);
  f.discipline.khienTrach = 1;  // an item of discipline.decisions
  return f;
}

}  // namespace dangbo::reports
