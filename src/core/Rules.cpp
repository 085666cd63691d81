#include "core/Rules.h"

#include <charconv>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"

namespace dangbo::core {

namespace {
using K = RuleKind;
const std::vector<RuleDef> kRules = {
    {"admission.min_age", N_("Minimum age at the cell's vote"), N_("years"), K::Integer},
    {"member.youngest_admission_age",
     N_("Youngest age at admission a member's file may show (older records)"), N_("years"), K::Integer},
    {"admission.max_age", N_("Maximum age at the cell's vote (above it: provincial approval)"), N_("years"),
     K::Integer},
    {"admission.certificate_validity_months", N_("Validity of the awareness-course certificate"),
     N_("months"), K::Integer},
    {"admission.sponsor_min_months", N_("Time a sponsor has known the candidate"), N_("months"), K::Integer},
    {"admission.cell_vote_share", N_("Share of the cell's official members needed to admit"), "",
     K::Fraction},
    {"admission.committee_vote_share", N_("Share of the commune committee needed to admit"), "", K::Fraction},
    {"admission.decision_working_days", N_("Admission decision after the cell's vote"), N_("working days"),
     K::Integer},
    {"admission.decision_extension_working_days", N_("Extension of the admission decision"),
     N_("working days"), K::Integer},
    {"admission.ceremony_working_days", N_("Ceremony after the admission decision"), N_("working days"),
     K::Integer},
    {"admission.history_working_days", N_("Member's personal history after admission"), N_("working days"),
     K::Integer},
    {"admission.probation_months", N_("Probation"), N_("months"), K::Integer},
    {"recognition.review_working_days", N_("Cell's review after probation ends"), N_("working days"),
     K::Integer},
    {"recognition.decision_working_days", N_("Recognition decision after the cell's review"),
     N_("working days"), K::Integer},
    {"recognition.decision_extension_working_days", N_("Extension of the recognition decision"),
     N_("working days"), K::Integer},
    {"readmission.wait_months", N_("Wait before re-admission"), N_("months"), K::Integer},
    {"readmission.excluded_removal_grounds",
     N_("Removal grounds after which a former member is never admitted again"), "", K::GroundList},
    {"rating.excellent_max_percent_of_good", N_("Excellent ratings at most, as a share of good ratings"),
     N_("%"), K::Integer},
    {"rating.min_months_since_admission",
     N_("Members admitted less than this before the year's end are not rated"), N_("months"), K::Integer},
    {"rating.org_disciplined_subunits_percent",
     N_("Disciplined sub-units above which a cell is not complete"), N_("%"), K::Integer},
    {"rating.score_bands", N_("Minimum scores for the three upper levels"), N_("points"), K::Bands},
    {"discipline.limitation_years_reprimand", N_("Statute of limitations, reprimand level"), N_("years"),
     K::Integer},
    {"discipline.limitation_years_warning", N_("Statute of limitations, warning and dismissal level"),
     N_("years"), K::Integer},
    {"discipline.complaint_days", N_("Complaint after receiving a decision"), N_("days"), K::Integer},
    {"discipline.lapse_months", N_("A decision lapses after its announcement"), N_("months"), K::Integer},
    {"removal.inactive_months", N_("Months without activity or dues that ground a removal"), N_("months"),
     K::Integer},
    {"report.age_bands", N_("Age bands of the members' structure (upper ends)"), N_("years"), K::IntList},
    {"badge.milestones", N_("Party-age milestones for the badge"), N_("years"), K::IntList},
    {"badge.award_dates", N_("Badge award days"), "", K::DayMonths},
    {"badge.early_months_ill", N_("Seriously ill: badge brought forward at most"), N_("months"), K::Integer},
    {"badge.early_months_ill_70", N_("Seriously ill, badges of 70 years or more: brought forward at most"),
     N_("months"), K::Integer},
    {"badge.early_months_posthumous", N_("Deceased: badge awarded posthumously brought forward at most"),
     N_("months"), K::Integer},
    {"badge.discipline_wait_months_khien_trach", N_("Badge after a reprimand: wait"), N_("months"),
     K::Integer},
    {"badge.discipline_wait_months_canh_cao", N_("Badge after a warning: wait"), N_("months"), K::Integer},
    {"badge.discipline_wait_months_cach_chuc", N_("Badge after a dismissal: wait"), N_("months"), K::Integer},
    {"transfer.permanent_working_days", N_("Permanent transfer completed within"), N_("working days"),
     K::Integer},
    {"register.reconcile_months", N_("Register reconciliation every"), N_("months"), K::Integer},
    {"dues.salary_percent", N_("Dues: share of the insured salary"), N_("%"), K::Decimal},
    {"dues.pension_percent", N_("Dues: share of a pension"), N_("%"), K::Decimal},
    {"dues.student_vnd", N_("Dues: students, each month"), N_("dong"), K::Integer},
    {"dues.exempt_party_years", N_("Dues exemption from party age"), N_("years"), K::Integer},
    {"dues.other_vnd", N_("Dues: other members (farmers, self-employed), each month"), N_("dong"),
     K::Integer},
    {"dues.rounding_vnd", N_("Dues: amounts rounded to a multiple of"), N_("dong"), K::Integer},
    {"dues.cell_keeps_percent", N_("Dues: share of the collected dues the cell keeps"), N_("%"), K::Decimal},
    {"dues.commune_keeps_percent", N_("Dues: share of the dues received the commune keeps"), N_("%"),
     K::Decimal},
    {"meetings.regular_per_month", N_("Regular cell meetings each month"), N_("meetings"), K::Integer},
    {"meetings.thematic_per_quarter", N_("Thematic cell meetings each quarter, at least"), N_("meetings"),
     K::Integer},
    {"meetings.good_rate_percent", N_("A good meeting: attendance above"), N_("%"), K::Integer},
    {"meetings.good_min_minutes", N_("A good meeting: lasting at least"), N_("minutes"), K::Integer},
};

std::optional<long> parseInt(std::string_view s) {
  long v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}
}  // namespace

const std::vector<RuleDef>& ruleDefinitions() {
  return kRules;
}

const RuleDef* findRule(std::string_view key) {
  for (const auto& d : kRules)
    if (d.key == key) return &d;
  return nullptr;
}

std::string ruleValueError(const RuleDef& def, std::string_view value) {
  switch (def.kind) {
    case RuleKind::Integer: {
      auto v = parseInt(value);
      if (!v || *v < 0) return tr("Enter a whole number, 0 or more.");
      return {};
    }
    case RuleKind::Decimal: {
      auto parts = split(value, '.');
      if (parts.size() > 2 || !parseInt(parts[0]) || (parts.size() == 2 && !parseInt(parts[1])))
        return tr("Enter a number with a dot before the decimals, e.g. 0.5.");
      return {};
    }
    case RuleKind::Fraction: {
      auto parts = split(value, '/');
      if (parts.size() != 2) return tr("Enter a fraction such as 2/3.");
      auto n = parseInt(parts[0]), d = parseInt(parts[1]);
      if (!n || !d || *d <= 0 || *n <= 0 || *n > *d) return tr("Enter a fraction such as 2/3.");
      return {};
    }
    case RuleKind::IntList:
    case RuleKind::Bands: {
      char sep = def.kind == RuleKind::Bands ? '/' : ',';
      long prev = def.kind == RuleKind::Bands ? 1000000 : -1;
      for (auto p : split(value, sep)) {
        auto v = parseInt(p);
        if (!v || *v < 0) return tr("Enter whole numbers separated as in the current value.");
        if (def.kind == RuleKind::Bands ? *v >= prev : *v <= prev)
          return tr("The numbers must be in order, each different from the previous one.");
        prev = *v;
      }
      return {};
    }
    case RuleKind::GroundList: {
      if (value.empty()) return {};
      for (auto p : split(value, ','))
        if (!enums::removalGround.contains(std::string(p)))
          return tr("Enter removal ground codes separated by commas, e.g. bo_sinh_hoat.");
      return {};
    }
    case RuleKind::DayMonths: {
      for (auto p : split(value, ',')) {
        auto dm = split(p, '/');
        if (dm.size() != 2) return tr("Enter days as dd/mm separated by commas, e.g. 03/02,19/05.");
        auto d = parseInt(dm[0]), m = parseInt(dm[1]);
        if (!d || !m || !Date::make(2024, int(*m), int(*d)))
          return tr("Enter days as dd/mm separated by commas, e.g. 03/02,19/05.");
      }
      return {};
    }
  }
  return {};
}

RuleBook::RuleBook(const std::vector<RuleValue>& values) {
  for (const auto& v : values) values_[v.key][v.validFrom] = v.value;
}

std::optional<std::string> RuleBook::valueOn(std::string_view key, const Date& on) const {
  auto it = values_.find(key);
  if (it == values_.end()) return std::nullopt;
  auto ub = it->second.upper_bound(on);
  if (ub == it->second.begin()) return std::nullopt;
  return std::prev(ub)->second;
}

std::string RuleBook::require(std::string_view key, const Date& on) const {
  auto v = valueOn(key, on);
  if (!v)
    throw DataError(format(tr("The rule \"{1}\" has no value on {2}: add one in Settings."), {key, on.vn()}));
  return *v;
}

int RuleBook::intOn(std::string_view key, const Date& on) const {
  auto s = require(key, on);
  auto v = parseInt(s);
  if (!v) throw DataError(format(tr("The rule \"{1}\" has an invalid value \"{2}\"."), {key, s}));
  return int(*v);
}

Fraction RuleBook::fractionOn(std::string_view key, const Date& on) const {
  auto s = require(key, on);
  auto parts = split(s, '/');
  auto n = parts.size() == 2 ? parseInt(parts[0]) : std::nullopt;
  auto d = parts.size() == 2 ? parseInt(parts[1]) : std::nullopt;
  if (!n || !d || *d <= 0)
    throw DataError(format(tr("The rule \"{1}\" has an invalid value \"{2}\"."), {key, s}));
  return {int(*n), int(*d)};
}

std::vector<int> RuleBook::intListOn(std::string_view key, const Date& on) const {
  auto s = require(key, on);
  std::vector<int> out;
  for (auto p : split(s, s.find('/') != std::string::npos ? '/' : ',')) {
    auto v = parseInt(p);
    if (!v) throw DataError(format(tr("The rule \"{1}\" has an invalid value \"{2}\"."), {key, s}));
    out.push_back(int(*v));
  }
  return out;
}

}  // namespace dangbo::core
