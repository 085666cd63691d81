// Kinds `target` (the targets tab: Services::saveTarget, deleteTarget), `rule` (the rules tab: addRuleValue,
// deleteRuleValue), `committee` (the committee tab: saveCommittee) and `committee_seat` (a seat in a term's
// committee: services::saveCommitteeSeat, the door of the import's cap_uy.csv). Office or administrator only:
// the services refuse every other account.
#include <cstdlib>
#include <sstream>

#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/CommitteeSeats.h"
#include "services/Services.h"

namespace dangbo::cli::record {

namespace {

// KEY "ket_nap_nam/2025-2030" -> the target's key and term; its origin from the values.
core::Target targetOf(const std::string& key, const std::string& origin) {
  const auto [name, term] = splitKey(key, "TARGET/FROM-TO");
  const auto dash = term.find('-');
  if (dash == std::string::npos)
    throw UsageError(format(tr("The key \"{1}\" is not {2}."), {key, "TARGET/FROM-TO"}));
  core::Target t;
  t.key = name;
  t.fromYear = yearOf(term.substr(0, dash));
  t.toYear = yearOf(term.substr(dash + 1));
  t.origin = origin;
  return t;
}

Kind targetKind() {
  Kind k{"target",
         N_("a target of a term; KEY: TARGET/FROM-TO (ket_nap_nam/2025-2030)"),
         {field("value", N_("Value")), field("origin", N_("Former unit"))}};
  k.show = [](Context& c, const std::string& key) {
    const core::Target want = targetOf(key, "");
    for (const auto& t : c.s.targets())
      if (t.key == want.key && t.fromYear == want.fromYear && t.toYear == want.toYear) {
        std::ostringstream value;
        value << t.value;
        line(c.out, t.origin.empty() ? std::string("value") : "value@" + t.origin, value.str());
      }
  };
  k.set = [](Context& c, const std::string& key, const Values& v) {
    core::Target t = targetOf(key, v.text("origin"));
    const std::string text = v.needText("value");
    char* end = nullptr;
    t.value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0')
      throw core::DataError(format(tr("value: \"{1}\" is not a number."), {text}));
    c.s.saveTarget(c.actor, t);
    c.err << format(tr("Target {1} saved."), {key}) << "\n";
  };
  k.add = k.set;
  k.del = [](Context& c, const std::string& key, const Values& v) {
    c.s.deleteTarget(c.actor, targetOf(key, v.text("origin")));
    c.err << format(tr("Target {1} removed."), {key}) << "\n";
  };
  return k;
}

Kind ruleKind() {
  Kind k{"rule",
         N_("a dated rule value (age limit, deadline, quota); KEY: the rule (admission.min_age)"),
         {field("valid_from", N_("Valid from"), T::Date), field("value", N_("Value")),
          field("regulation", N_("Regulation")), field("note", N_("Note"))}};
  k.show = [](Context& c, const std::string& key) {
    for (const auto& r : c.s.rules())
      if (r.def && key == r.def->key)
        for (const auto& v : r.values) line(c.out, v.validFrom.iso(), v.value + " | " + v.regulation);
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    core::RuleValue r{key, v.needDate("valid_from"), v.text("value"), v.text("regulation"), v.text("note")};
    c.s.addRuleValue(c.actor, r);
    c.err << format(tr("Rule {1}: value from {2} saved."), {key, r.validFrom.vn()}) << "\n";
  };
  k.set = k.add;
  k.del = [](Context& c, const std::string& key, const Values& v) {
    const core::Date from = v.needDate("valid_from");
    c.s.deleteRuleValue(c.actor, key, from);
    c.err << format(tr("Rule {1}: value from {2} removed."), {key, from.vn()}) << "\n";
  };
  return k;
}

// The committee's identity and signature block, FIELD by FIELD.
struct CommitteeField {
  const char* name;
  std::string core::CommitteeInfo::*member;
};
const std::vector<CommitteeField>& committeeFields() {
  static const std::vector<CommitteeField> k = {{"name", &core::CommitteeInfo::name},
                                                {"place", &core::CommitteeInfo::place},
                                                {"province", &core::CommitteeInfo::province},
                                                {"superior", &core::CommitteeInfo::superior},
                                                {"executive", &core::CommitteeInfo::executive},
                                                {"signer_on_behalf", &core::CommitteeInfo::signerOnBehalf},
                                                {"signer_title", &core::CommitteeInfo::signerTitle},
                                                {"signer_name", &core::CommitteeInfo::signerName},
                                                {"recipients", &core::CommitteeInfo::recipients}};
  return k;
}

Kind committeeKind() {
  Kind k{"committee",
         N_("the committee's identity and signature block; KEY: -"),
         {field("name", N_("Name")), field("place", N_("Place")), field("province", N_("Province")),
          field("superior", N_("Superior")), field("executive", N_("Executive")),
          field("signer_on_behalf", N_("On behalf of")), field("signer_title", N_("Signer's title")),
          field("signer_name", N_("Signer's name")), field("recipients", N_("Recipients"))}};
  k.show = [](Context& c, const std::string&) {
    const auto info = c.s.committee();
    for (const auto& f : committeeFields()) line(c.out, f.name, info.*f.member);
  };
  k.set = [](Context& c, const std::string&, const Values& v) {
    auto info = c.s.committee();
    for (const auto& f : committeeFields())
      if (v.has(f.name)) info.*f.member = v.text(f.name);
    // The recipients one per line, written as `show` writes them: "- Tỉnh ủy,\n- Lưu."
    for (size_t at = info.recipients.find("\\n"); at != std::string::npos;
         at = info.recipients.find("\\n", at))
      info.recipients.replace(at, 2, "\n");
    c.s.saveCommittee(c.actor, info);
    c.err << tr("The committee's details saved.") << "\n";
  };
  return k;
}

}  // namespace

// A seat: KEY "2025-2030/DV00123"; the position by its code, judged by the door alone (its refusal is the
// import's).
Kind committeeSeatKind() {
  Kind k{"committee_seat",
         N_("a seat in the party committee of a term (position: bi_thu, pho_bi_thu, uv_btv, uv_bch); KEY: "
            "TERM/MEMBER (2025-2030/DV00123)"),
         {field("position", N_("Position"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto [term, member] = splitKey(key, "TERM/MEMBER");
    line(c.out, "position", services::committeeSeatPosition(c.s, c.actor, term, member).value_or(""));
  };
  k.set = [](Context& c, const std::string& key, const Values& v) {
    const auto [term, member] = splitKey(key, "TERM/MEMBER");
    services::saveCommitteeSeat(c.s, c.actor, term, member, v.needText("position"));
    c.err << format(tr("Committee seat {1} saved."), {key}) << "\n";
  };
  k.add = k.set;
  return k;
}

void addSettingsKinds(std::vector<Kind>& k) {
  k.insert(k.end(), {targetKind(), ruleKind(), committeeKind(), committeeSeatKind()});
}

}  // namespace dangbo::cli::record
