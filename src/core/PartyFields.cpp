#include "core/PartyFields.h"

#include "core/I18n.h"

namespace dangbo::core {

namespace {

template <class R, std::string R::*F>
std::string text(const R& r) {
  return r.*F;
}
template <class R, std::string R::*F>
void putText(R& r, std::string v) {
  r.*F = std::move(v);
}
template <class R, std::optional<Date> R::*F>
std::string optDate(const R& r) {
  return (r.*F) ? (r.*F)->iso() : std::string();
}
template <class R, std::optional<Date> R::*F>
void putOptDate(R& r, std::string v) {
  r.*F = v.empty() ? std::nullopt : Date::parse(v);
}
template <class R, Date R::*F>
std::string date(const R& r) {
  return (r.*F).iso();
}
template <class R, Date R::*F>
void putDate(R& r, std::string v) {
  if (auto d = Date::parse(v)) r.*F = *d;
}
std::string milestone(const BadgeAward& a) {
  return a.milestone ? std::to_string(a.milestone) : std::string();
}
void putMilestone(BadgeAward& a, std::string v) {
  a.milestone = 0;
  for (char c : v) {
    if (c < '0' || c > '9' || a.milestone > 1000) {
      a.milestone = -1;  // not a number: the service names it
      return;
    }
    a.milestone = a.milestone * 10 + (c - '0');
  }
}

using T = FieldType;
using I = PartyInterruption;
using B = BadgeAward;
using Q = BadgeRequest;

}  // namespace

const std::vector<RecordField<PartyInterruption>>& interruptionFields() {
  static const std::vector<RecordField<I>> k = {
      {"kind", N_("Kind (readmission, out_of_contact, transfer_gap, other)"), T::Text, true,
       text<I, &I::kind>, putText<I, &I::kind>},
      {"from", N_("Interrupted from"), T::Date, true, date<I, &I::from>, putDate<I, &I::from>},
      {"to", N_("Interrupted until"), T::Date, false, optDate<I, &I::to>, putOptDate<I, &I::to>},
      {"first_admitted_on", N_("First admission (re-admission)"), T::Date, false,
       optDate<I, &I::firstAdmittedOn>, putOptDate<I, &I::firstAdmittedOn>},
      {"note", N_("Note"), T::Text, false, text<I, &I::note>, putText<I, &I::note>},
  };
  return k;
}

const std::vector<RecordField<BadgeAward>>& badgeFields() {
  static const std::vector<RecordField<B>> k = {
      {"milestone", N_("Milestone (years of party age)"), T::Text, true, milestone, putMilestone},
      {"decision_no", N_("Decision number"), T::Text, true, text<B, &B::decisionNo>,
       putText<B, &B::decisionNo>},
      {"decision_on", N_("Decision date"), T::Date, true, optDate<B, &B::decisionOn>,
       putOptDate<B, &B::decisionOn>},
      {"badge_no", N_("Badge number"), T::Text, false, text<B, &B::badgeNo>, putText<B, &B::badgeNo>},
      {"ceremony_on", N_("Award ceremony"), T::Date, false, optDate<B, &B::ceremonyOn>,
       putOptDate<B, &B::ceremonyOn>},
      {"note", N_("Note"), T::Text, false, text<B, &B::note>, putText<B, &B::note>},
  };
  return k;
}

const std::vector<RecordField<BadgeRequest>>& badgeRequestFields() {
  static const std::vector<RecordField<Q>> k = {
      {"kind", N_("Kind (ill, posthumous)"), T::Text, true, text<Q, &Q::kind>, putText<Q, &Q::kind>},
      {"requested_on", N_("Requested on"), T::Date, true, date<Q, &Q::requestedOn>,
       putDate<Q, &Q::requestedOn>},
      {"note", N_("Note"), T::Text, false, text<Q, &Q::note>, putText<Q, &Q::note>},
  };
  return k;
}

std::optional<std::string> readRecordField(FieldType type, std::string_view text, std::string& why) {
  static const FieldDescription date{"", "", "", FieldType::Date, nullptr, false, true, nullptr, nullptr};
  static const FieldDescription plain{"", "", "", FieldType::Text, nullptr, false, true, nullptr, nullptr};
  return readField(type == FieldType::Date ? date : plain, text, why);
}

}  // namespace dangbo::core
