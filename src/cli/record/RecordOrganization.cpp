// Kinds `organization` (the organization dialog: services::addOrganization, updateOrganization) and
// `organization_event` (the organization action dialog: merge, dissolution, cell committee, cell leader; and
// a secretary's past or present period, services::recordSecretaryPeriod).
#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/CellSecretaries.h"
#include "services/Register.h"
#include "services/Services.h"

namespace dangbo::cli::record {

namespace {

core::Organization byCode(Context& c, const std::string& code) {
  for (const auto& o : c.s.organizations(c.actor))
    if (o.code == code) return o;
  throw core::DataError(format(tr("There is no party organization with the code {1}."), {code}));
}

std::string codeOf(Context& c, const std::optional<core::Id>& id) {
  if (id)
    for (const auto& o : c.s.organizations(c.actor))
      if (o.id == *id) return o.code;
  return {};
}

void put(Context& c, core::Organization& o, const Values& v) {
  if (v.has("code")) o.code = v.text("code");
  if (v.has("name")) o.name = v.text("name");
  if (v.has("kind")) o.kind = v.text("kind");
  if (v.has("category")) o.category = v.text("category");
  if (v.has("founded")) o.founded = v.date("founded");
  if (v.has("origin")) o.origin = v.text("origin");
  if (v.has("parent"))
    o.parent = v.text("parent").empty() ? std::nullopt : std::optional(byCode(c, v.text("parent")).id);
}

Kind organizationKind() {
  Kind k{"organization",
         N_("a party organization (cell); KEY: its code"),
         {field("code", N_("Code")), field("name", N_("Name")),
          field("kind", N_("Kind"), T::Enum, &core::enums::orgKind),
          field("category", N_("Category"), T::Enum, &core::enums::orgCategory),
          field("founded", N_("Founded on"), T::Date), field("parent", N_("Belongs to (code)")),
          field("origin", N_("Former unit"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto o = byCode(c, key);
    line(c.out, "code", o.code);
    line(c.out, "name", o.name);
    line(c.out, "kind", o.kind);
    line(c.out, "category", o.category);
    line(c.out, "founded", iso(o.founded));
    line(c.out, "parent", codeOf(c, o.parent));
    line(c.out, "origin", o.origin);
    line(c.out, "ceased", iso(o.ceased));
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    core::Organization o;
    o.code = key;
    put(c, o, v);
    services::addOrganization(c.s, c.actor, o);
    c.err << format(tr("Organization {1} added."), {o.code}) << "\n";
  };
  k.set = [](Context& c, const std::string& key, const Values& v) {
    core::Organization o = byCode(c, key);
    put(c, o, v);
    services::updateOrganization(c.s, c.actor, o);
    c.err << format(tr("Organization {1} changed."), {o.code}) << "\n";
  };
  k.del = [](Context&, const std::string& key, const Values&) {
    throw core::DataError(format(
        tr("Organization {1} is never deleted: record its merger or dissolution (organization_event)."),
        {key}));
  };
  return k;
}

void recordOrgEvent(Context& c, const std::string& key, const Values& v) {
  const std::string action = v.needText("action");
  const core::Date on = v.needDate("date");
  const std::string decision = v.text("decision");
  if (action == "merge")
    services::mergeOrganizations(c.s, c.actor, {key}, v.needText("into"), on, decision);
  else if (action == "dissolve")
    services::dissolveOrganization(c.s, c.actor, key, on, decision, v.text("move_to"));
  else if (action == "committee" || action == "committee_end")
    services::setCellCommittee(c.s, c.actor, key, action == "committee", on, decision);
  else if (action == "leader")
    services::setCellLeader(c.s, c.actor, key, v.needText("member"), v.needText("role"), on, decision);
  else if (action == "secretary_period")
    services::recordSecretaryPeriod(c.s, c.actor, key, v.needText("member"), on, v.date("to"), decision);
  else
    throw core::DataError(
        format(tr("action: \"{1}\" is not one of merge, dissolve, committee, committee_end, leader, "
                  "secretary_period."),
               {action}));
  c.err << format(tr("Organization {1}: {2} recorded."), {key, action}) << "\n";
}

Kind eventKind() {
  Kind k{"organization_event",
         N_("a dated action on a cell: merge (into), dissolve (move_to), committee, committee_end, leader "
            "(member, role), secretary_period (member; date: the first day, to: the last day, empty while in "
            "office); KEY: the cell code"),
         {field("action", N_("Action")), field("date", N_("Date"), T::Date),
          field("decision", N_("Decision number")), field("into", N_("Merged into (code)")),
          field("move_to", N_("Members move to (code)")), field("member", N_("Member code")),
          field("role", N_("Role"), T::Enum, &core::enums::cellRole), field("to", N_("Last day"), T::Date)}};
  k.add = recordOrgEvent;
  return k;
}

}  // namespace

void addOrganizationKinds(std::vector<Kind>& k) {
  k.insert(k.end(), {organizationKind(), eventKind()});
}

}  // namespace dangbo::cli::record
