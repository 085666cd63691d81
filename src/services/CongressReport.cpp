#include "services/CongressReport.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/PeriodRules.h"
#include "core/VietText.h"
#include "services/MemberList.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberQuery.h"
#include "store/RatingRepository.h"
#include "store/ReportQueries.h"

namespace dangbo::services {

namespace {

constexpr const char* kKinh = "01";  // the ethnic group code of Kinh (QĐ 121-TCTK/PPCĐ)

int& countOf(std::vector<std::pair<std::string, int>>& counts, const std::string& key) {
  for (auto& [k, n] : counts)
    if (k == key) return n;
  return counts.emplace_back(key, 0).second;
}

std::vector<std::pair<std::string, int>> zeroCounts(const std::vector<std::string>& keys) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& k : keys) out.emplace_back(k, 0);
  return out;
}

bool isMinority(const core::Member& m) {
  return !m.ethnicity.empty() && m.ethnicity != kKinh;
}

std::optional<int> ageOn(const core::Member& m, const core::Date& on) {
  if (!m.birthDate) return std::nullopt;
  return core::completedYears(m.birthDate->anchor(), on);
}

// The term containing every year of [first, last]; the later-starting one when several do
// (terms are ordered by from_year, then id).
const core::Term* termContaining(const std::vector<core::Term>& terms, int first, int last) {
  const core::Term* found = nullptr;
  for (const auto& t : terms)
    if (t.fromYear <= first && last <= t.toYear) found = &t;
  return found;
}

// The value of a term's count target among `targets` (those of one key): the rows of the former communes and
// the row without origin are added up (version 2; core/PeriodRules, as every report).
std::optional<int64_t> targetOfTerm(const std::vector<core::Target>& targets, const core::Term& term) {
  if (targets.empty()) return std::nullopt;
  const auto v = core::termTargetValue(targets, targets.front().key, term.fromYear, term.toYear);
  return v ? std::optional<int64_t>(static_cast<int64_t>(std::llround(*v))) : std::nullopt;
}

// The exact value of a term's percentage target (such as 90 or 92.5): the row without origin, else the lowest
// of the former communes' values (percentages are not added).
std::optional<double> targetValueOfTerm(const std::vector<core::Target>& targets, const core::Term& term) {
  if (targets.empty()) return std::nullopt;
  return core::termTargetValue(targets, targets.front().key, term.fromYear, term.toYear);
}

using core::isCountTarget;
using core::lastYearEndingIn;

std::optional<int64_t> toTenths(const std::optional<double>& v) {
  return v ? std::optional<int64_t>(static_cast<int64_t>(std::llround(*v * 10.0))) : std::nullopt;
}

// Counts keyed by origin name, in the Vietnamese order of the names ("" first), zeros left out.
std::vector<std::pair<std::string, int>> byOriginName(const std::map<std::string, int>& counts) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& [k, n] : counts)
    if (n > 0) out.emplace_back(k, n);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return core::compareText(a.first, b.first) < 0; });
  return out;
}

int categoryRank(const std::string& code) {
  const auto& c = congressCategories();
  return int(std::find(c.begin(), c.end(), code) - c.begin());
}

CongressOrganizations organizationFigures(store::Database& db, const core::Date& asOf) {
  CongressOrganizations o;
  o.byCategory = zeroCounts(congressCategories());
  o.subordinateByCategory = zeroCounts(congressCategories());
  for (const auto& org : store::organizationsOn(db, asOf)) {
    ++o.total;
    ++countOf(o.byCategory, org.category);
    if (org.kind == "co_so") ++o.grassroots;
    if (org.kind == "truc_thuoc") {
      ++o.subordinate;
      ++countOf(o.subordinateByCategory, org.category);
    }
    if (org.category == "ban") {
      ++o.villageCells;
      if (org.cellCommittee) ++o.villageCellsWithCommittee;
    }
  }
  return o;
}

CongressMembers memberFigures(store::Database& db, const core::Date& asOf) {
  CongressMembers f;
  f.byAgeGroup = zeroCounts(ageGroups());
  // Members alike in what is counted come as one group (an aggregate query); the rules are applied here.
  for (const auto& g : store::presentGroups(db, asOf)) {
    core::Member m;
    m.birthDate = g.birthDate;
    m.gender = g.gender;
    m.ethnicity = g.ethnicity;
    const int n = int(g.count);
    f.total += n;
    f.official += int(g.official);
    if (m.gender == "nu") f.women += n;
    if (m.ethnicity.empty())
      f.ethnicityUnknown += n;
    else if (isMinority(m))
      f.ethnicMinority += n;
    // The file's status applies from status_since, and always when that date is not recorded (as presentOn).
    f.exempt += int(g.exempt);
    if (auto age = ageOn(m, asOf))
      countOf(f.byAgeGroup, ageGroupOf(*age)) += n;
    else
      f.ageUnknown += n;
  }
  f.probationary = f.total - f.official;
  return f;
}

CongressAdmissions admissionFigures(store::Database& db, const core::Date& from, const core::Date& to) {
  CongressAdmissions a;
  const auto counted = store::admissionsByYear(db, from, to);
  for (int y = from.year(); y <= to.year(); ++y) {
    auto it = counted.find(y);
    const int n = it == counted.end() ? 0 : it->second;
    a.byYear.emplace_back(y, n);
    a.total += n;
  }
  const auto terms = store::termsByStart(db);
  const auto termTargets = store::targetsWithKey(db, "ket_nap_nhiem_ky");
  const auto yearTargets = store::targetsWithKey(db, "ket_nap_nam");
  bool everyYear = true;
  int64_t sum = 0;
  for (int y = from.year(); y <= to.year(); ++y) {
    std::optional<int64_t> v;
    if (const core::Term* t = termContaining(terms, y, y)) v = targetOfTerm(yearTargets, *t);
    a.yearTargets.emplace_back(y, v);
    if (v)
      sum += *v;
    else
      everyYear = false;
  }
  if (const core::Term* t = termContaining(terms, from.year(), to.year());
      t && targetOfTerm(termTargets, *t)) {
    a.target = targetOfTerm(termTargets, *t);
    a.targetSource = TargetSource::Term;
    a.targetYears = t->toYear - t->fromYear + 1;
  } else if (everyYear) {
    a.target = sum;
    a.targetSource = TargetSource::Years;
  }
  if (a.target) a.percentOfTarget = core::percentTenths(a.total, *a.target);
  return a;
}

void finish(RatingLevels& r) {
  r.rated = r.htxsnv + r.httnv + r.htnv + r.khtnv;
  r.goodOrBetterPercent = core::percentTenths(r.htxsnv + r.httnv, r.rated);
}

std::vector<CongressRatingYear> ratingFigures(store::Database& db, const core::Date& from,
                                              const core::Date& to) {
  std::map<int, CongressRatingYear> years;
  // Only the years whose 31 December lies in the period (version 2): the year's rating is made in December.
  // A year whose round is still open has no ratings yet to state: what is entered may still change.
  store::RatingRepository rounds(db);
  std::map<int, bool> open;
  for (const auto& r : rounds.rounds()) open[r.year] = r.status == "open";
  for (const auto& c : store::ratingCounts(db, from.year(), lastYearEndingIn(to))) {
    if (open[c.year]) continue;
    CongressRatingYear& y = years[c.year];
    y.year = c.year;
    RatingLevels& r = c.subjectType == "to_chuc" ? y.organizations : y.members;
    if (c.level == "HTXSNV")
      r.htxsnv += c.count;
    else if (c.level == "HTTNV")
      r.httnv += c.count;
    else if (c.level == "HTNV")
      r.htnv += c.count;
    else if (c.level == "KHTNV")
      r.khtnv += c.count;
  }
  const auto terms = store::termsByStart(db);
  const auto orgTargets = store::targetsWithKey(db, "to_chuc_tot");
  const auto memberTargets = store::targetsWithKey(db, "dang_vien_tot");
  const auto tenths = toTenths;
  std::vector<CongressRatingYear> out;
  for (auto& [year, y] : years) {
    finish(y.organizations);
    finish(y.members);
    if (const core::Term* t = termContaining(terms, year, year)) {
      y.organizationTarget = tenths(targetValueOfTerm(orgTargets, *t));
      y.memberTarget = tenths(targetValueOfTerm(memberTargets, *t));
    }
    if (y.organizations.rated + y.members.rated > 0) out.push_back(y);
  }
  return out;
}

CongressDiscipline disciplineFigures(store::Database& db, const core::Date& from, const core::Date& to) {
  CongressDiscipline d;
  for (const auto& c : store::disciplineCounts(db, from, to)) {
    if (c.subjectType == "dang_vien") {
      if (c.form == "khien_trach")
        d.khienTrach += c.count;
      else if (c.form == "canh_cao")
        d.canhCao += c.count;
      else if (c.form == "cach_chuc")
        d.cachChuc += c.count;
      else if (c.form == "khai_tru")
        d.khaiTru += c.count;
    } else if (c.subjectType == "to_chuc") {
      if (c.form == "khien_trach")
        d.orgKhienTrach += c.count;
      else if (c.form == "canh_cao")
        d.orgCanhCao += c.count;
      else if (c.form == "giai_tan")
        d.orgGiaiTan += c.count;
    }
  }
  d.xoaTen = store::membersRemovedIn(db, from, to);
  return d;
}

std::optional<CongressCommittee> committeeFigures(store::Database& db, const core::Date& asOf) {
  const core::Term* term = nullptr;
  const auto terms = store::termsByStart(db);
  for (const auto& t : terms)
    if (t.fromYear <= asOf.year()) term = &t;  // the latest start wins (ordered by from_year, then id)
  if (!term) return std::nullopt;
  CongressCommittee c;
  c.term = term->name;
  for (const auto& seat : store::committeeOfTerm(db, term->id)) {
    const core::Member& m = seat.member;
    ++c.members;
    if (seat.position == "bi_thu" || seat.position == "pho_bi_thu" || seat.position == "uv_btv") ++c.standing;
    const bool woman = m.gender == "nu", minority = isMinority(m);
    if (woman) ++c.women;
    if (minority) ++c.ethnicMinority;
    if (woman && minority) ++c.womenEthnicMinority;
    if (auto age = ageOn(m, asOf); age && *age <= 42) ++c.age42OrUnder;
    const std::string& q = m.qualification;
    if (q == "dai_hoc" || q == "thac_si" || q == "tien_si") ++c.universityOrAbove;
    if (q == "thac_si" || q == "tien_si") ++c.postgraduate;
    const std::string& t = m.theory;
    if (t == "trung_cap" || t == "cao_cap" || t == "cu_nhan") ++c.theoryIntermediateOrAbove;
    if (t == "cao_cap" || t == "cu_nhan") ++c.theoryAdvanced;
  }
  auto pct = [&](int n) { return core::percentTenths(n, c.members); };
  c.womenPercent = pct(c.women);
  c.ethnicMinorityPercent = pct(c.ethnicMinority);
  c.womenEthnicMinorityPercent = pct(c.womenEthnicMinority);
  c.age42OrUnderPercent = pct(c.age42OrUnder);
  c.universityOrAbovePercent = pct(c.universityOrAbove);
  c.postgraduatePercent = pct(c.postgraduate);
  c.theoryIntermediateOrAbovePercent = pct(c.theoryIntermediateOrAbove);
  c.theoryAdvancedPercent = pct(c.theoryAdvanced);
  return c;
}

// organizations_founded and organizations_merged.
void structureFigures(store::Database& db, const core::Date& from, const core::Date& to, CongressFigures& f) {
  const auto lives = store::organizationLives(db);
  std::map<std::string, int> byCategory, byOrigin;
  std::map<std::pair<std::string, std::string>, std::pair<int, std::set<core::Id>>> merged;
  for (const auto& o : lives) {
    if (o.founded && from <= *o.founded && *o.founded <= to) {
      ++f.organizationsFounded.total;
      ++byCategory[o.category];
      ++byOrigin[o.origin];
    }
    if (o.ceased && o.mergedInto && from <= *o.ceased && *o.ceased <= to) {
      auto& g = merged[{o.origin, o.category}];
      ++g.first;
      g.second.insert(*o.mergedInto);
    }
  }
  for (const auto& code : congressCategories())
    if (auto it = byCategory.find(code); it != byCategory.end() && it->second > 0)
      f.organizationsFounded.byCategory.emplace_back(code, it->second);
  f.organizationsFounded.byOrigin = byOriginName(byOrigin);
  for (const auto& [key, g] : merged)
    f.organizationsMerged.push_back({key.first, key.second, g.first, int(g.second.size())});
  std::stable_sort(f.organizationsMerged.begin(), f.organizationsMerged.end(),
                   [](const auto& a, const auto& b) {
                     if (int c = core::compareText(a.origin, b.origin)) return c < 0;
                     return categoryRank(a.category) < categoryRank(b.category);
                   });
}

// admissions.by_origin: the admissions of the period (as admissionsByYear counts them: no transfer-in date,
// admitted_on in the period) by the origin of the cell the member belonged to on the admission date.
std::vector<std::pair<std::string, int>> admissionsByOrigin(store::Database& db, const core::Date& from,
                                                            const core::Date& to) {
  std::map<core::Id, std::string> originOf;
  for (const auto& o : store::organizationLives(db)) originOf[o.id] = o.origin;
  // Counted by the store's aggregate query (no member is read here).
  std::map<std::string, int> counts;
  for (const auto& [cell, n] : store::admissionsByCell(db, from, to)) counts[originOf[cell]] += n;
  return byOriginName(counts);
}

std::optional<std::vector<SecretaryTrainingYear>> trainingFigures(store::Database& db, const core::Date& from,
                                                                  const core::Date& to) {
  if (!store::anyTraining(db)) return std::nullopt;
  std::vector<SecretaryTrainingYear> out;
  for (int y = from.year(); y <= lastYearEndingIn(to); ++y) {
    const auto secretaries = store::villageSecretariesOn(db, *core::Date::make(y, 12, 31));
    const auto trained = store::membersTrainedIn(db, y);
    SecretaryTrainingYear t;
    t.year = y;
    t.secretaries = int(secretaries.size());
    for (core::Id id : secretaries)
      if (std::binary_search(trained.begin(), trained.end(), id)) ++t.trained;
    t.percent = core::percentTenths(t.trained, t.secretaries);
    out.push_back(t);
  }
  return out;
}

// The term containing `year`, the later-starting of two.
const core::Term* termOfYear(const std::vector<core::Term>& terms, int year) {
  return termContaining(terms, year, year);
}

std::optional<CongressRatingTargets> ratingTargetFigures(store::Database& db, const core::Date& to,
                                                         const std::vector<CongressRatingYear>& ratings) {
  const auto terms = store::termsByStart(db);
  const core::Term* term = termOfYear(terms, to.year());
  if (!term) return std::nullopt;
  CongressRatingTargets r;
  r.organizationsPercent = toTenths(targetValueOfTerm(store::targetsWithKey(db, "to_chuc_tot"), *term));
  r.membersPercent = toTenths(targetValueOfTerm(store::targetsWithKey(db, "dang_vien_tot"), *term));
  if (!r.organizationsPercent && !r.membersPercent) return std::nullopt;
  auto met = [](const std::optional<int64_t>& percent, const std::optional<int64_t>& target) {
    return percent && target && *percent >= *target;
  };
  for (const auto& y : ratings)
    r.met.push_back({y.year, met(y.organizations.goodOrBetterPercent, r.organizationsPercent),
                     met(y.members.goodOrBetterPercent, r.membersPercent)});
  return r;
}

void nextTermFigures(store::Database& db, const core::Date& asOf, CongressFigures& f) {
  const core::Term* term = nullptr;
  const auto terms = store::termsByStart(db);
  for (const auto& t : terms)
    if (t.fromYear == asOf.year()) term = &t;
  if (!term) return;
  f.nextTerm = term->name;
  for (const auto& code : targetCodes()) {
    const auto rows = store::targetsWithKey(db, code);
    std::optional<double> v;
    if (isCountTarget(code)) {
      if (auto n = targetOfTerm(rows, *term)) v = double(*n);
    } else {
      v = targetValueOfTerm(rows, *term);
    }
    if (v) f.nextTermTargets.push_back({code, *v, term->fromYear, term->toYear});
  }
}

}  // namespace

const std::vector<std::string>& targetCodes() {
  static const std::vector<std::string> codes = {"ket_nap_nhiem_ky",     "ket_nap_nam",
                                                 "to_chuc_tot",          "dang_vien_tot",
                                                 "chi_bo_ban_co_chi_uy", "bi_thu_tap_huan"};
  return codes;
}

const std::vector<std::string>& congressCategories() {
  static const std::vector<std::string> codes = {"ban",     "truong",  "co_quan_dang", "chinh_quyen",
                                                 "quan_su", "cong_an", "y_te",         "khac"};
  return codes;
}

CongressFigures congressFigures(Services& services, const Actor& actor, const core::Date& from,
                                const core::Date& to, const core::Date& asOf) {
  require(actor, Permission::ReadRegister);
  if (to < from)
    throw core::DataError(
        core::format(core::tr("The period ends ({2}) before it begins ({1})."), {from.vn(), to.vn()}));
  store::Database& db = storeOf(services);
  CongressFigures f;
  f.committee = services.committee().name;
  f.from = from;
  f.to = to;
  f.asOf = asOf;
  f.organizations = organizationFigures(db, asOf);
  f.members = memberFigures(db, asOf);
  f.admissions = admissionFigures(db, from, to);
  f.ratings = ratingFigures(db, from, to);
  f.inspections = [&] {
    const auto s = store::inspectedSubjects(db, from, to, store::InspectionKinds::Inspections);
    return CongressInspections{s.organizations, s.members};
  }();
  f.supervisions = [&] {
    const auto s = store::inspectedSubjects(db, from, to, store::InspectionKinds::Supervisions);
    return CongressInspections{s.organizations, s.members};
  }();
  f.discipline = disciplineFigures(db, from, to);
  f.committeeComposition = committeeFigures(db, asOf);
  structureFigures(db, from, to, f);
  f.admissions.byOrigin = admissionsByOrigin(db, from, to);
  f.secretaryTraining = trainingFigures(db, from, to);
  f.ratingTargets = ratingTargetFigures(db, to, f.ratings);
  nextTermFigures(db, asOf, f);
  return f;
}

}  // namespace dangbo::services
