#include "core/MemberRules.h"

#include "core/I18n.h"

namespace dangbo::core {

namespace {
void notFuture(std::vector<FieldProblem>& p, const char* field, const std::optional<Date>& d,
               const char* what, const Date& today) {
  if (d && *d > today)
    p.push_back({field, format(tr("The {1} ({2}) is in the future."), {tr(what), d->vn()})});
}
void birthNotFuture(std::vector<FieldProblem>& p, const std::optional<PartialDate>& birth,
                    const Date& today) {
  if (birth && birth->anchor() > today)
    p.push_back({"birth_date", format(tr("The date of birth ({1}) is in the future."), {birth->vn()})});
}
}  // namespace

std::vector<FieldProblem> memberDateProblems(const MemberDates& d, const Date& today, const RuleBook& rules) {
  std::vector<FieldProblem> p;
  birthNotFuture(p, d.birth, today);
  notFuture(p, "admitted_on", d.admitted, N_("admission date"), today);
  notFuture(p, "ceremony_on", d.ceremony, N_("ceremony date"), today);
  notFuture(p, "official_on", d.official, N_("official date"), today);
  notFuture(p, "transferred_in_on", d.transferredIn, N_("transfer date"), today);
  const auto youngest = d.admitted ? rules.valueOn(kYoungestAdmissionAgeRule, *d.admitted) : std::nullopt;
  if (d.birth && d.admitted && youngest &&
      completedYears(d.birth->anchor(), *d.admitted) < std::stoi(*youngest))
    p.push_back({"admitted_on", format(tr("Born {1} and admitted {2}: the dates cannot both be right."),
                                       {d.birth->vn(), d.admitted->vn()})});
  if (d.admitted && d.ceremony && *d.ceremony < *d.admitted)
    p.push_back(
        {"ceremony_on", format(tr("The ceremony ({1}) cannot come before the admission decision ({2})."),
                               {d.ceremony->vn(), d.admitted->vn()})});
  if (d.official) {
    const std::optional<Date> from = d.ceremony ? d.ceremony : d.admitted;
    if (from && *d.official <= *from)
      p.push_back({"official_on",
                   format(tr("The official date ({1}) must come after the ceremony or admission ({2})."),
                          {d.official->vn(), from->vn()})});
  }
  return p;
}

std::vector<FieldProblem> candidateDateProblems(const std::optional<PartialDate>& birth,
                                                const std::optional<Date>& listed, const Date& today) {
  std::vector<FieldProblem> p;
  birthNotFuture(p, birth, today);
  if (listed && *listed > today)
    p.push_back({"listed_on", format(tr("The date {1} is in the future."), {listed->vn()})});
  if (birth && listed && birth->anchor() > *listed)
    p.push_back(
        {"listed_on", format(tr("Listed on {1}, before the birth ({2})."), {listed->vn(), birth->vn()})});
  return p;
}

}  // namespace dangbo::core
