// Kinds `member` (the member form: services::addMember, updateMember) and `member_event` (the action dialog's
// dated actions: services::recordAction).
#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Register.h"

namespace dangbo::cli::record {

namespace {

// The member's fields given, put into `m`; a field only a dated action changes is refused (code on add).
void put(core::Member& m, const Values& v, bool adding) {
  std::string problems;
  for (const auto& [name, value] : v.all()) {
    if (name == "cell") continue;
    const core::FieldDescription* f = core::memberField(name);
    if (!f->details && !(adding && name == "code")) {
      problems +=
          format(tr("{1}: {2} changes only through a dated action (transfer, exemption, death, ...)."),
                 {name, tr(f->label)}) +
          "\n";
      continue;
    }
    f->put(m, value);
  }
  if (!problems.empty()) {
    problems.pop_back();
    throw core::DataError(problems);
  }
}

Kind memberKind() {
  Kind k{"member", N_("a member's file; KEY: the member code"), core::memberFields()};
  k.fields.push_back(field("cell", N_("Cell (when adding)")));
  k.options = {"--reason", "--decision"};
  k.show = [](Context& c, const std::string& key) {
    const auto file = services::memberFile(c.s, c.actor, key);
    for (const auto& f : core::memberFields()) line(c.out, f.name, f.get(file.member));
    line(c.out, "cell", file.cellCode);
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    if (v.text("cell").empty()) throw UsageError(tr("record add member needs cell=CELL."));
    core::Member m;
    m.code = key;
    put(m, v, true);
    services::addMember(c.s, c.actor, m, v.text("cell"), c.p.get("--decision").value_or(""));
    c.err << format(tr("Member {1} added."), {key}) << "\n";
  };
  k.set = [](Context& c, const std::string& key, const Values& v) {
    if (v.all().empty()) throw UsageError(tr("record set needs at least one FIELD=VALUE."));
    if (v.has("cell"))
      throw core::DataError(
          format(tr("{1}: {2} changes only through a dated action (transfer, exemption, death, ...)."),
                 {std::string("cell"), tr("Cell")}));
    core::Member m = services::memberFile(c.s, c.actor, key).member;
    put(m, v, false);
    services::updateMember(c.s, c.actor, m, c.p.get("--reason").value_or(""));
    c.err << format(tr("Member {1} changed."), {key}) << "\n";
  };
  k.del = [](Context&, const std::string& key, const Values&) {
    throw core::DataError(
        format(tr("The file of member {1} is never deleted: record a dated action (transfer, "
                  "removal, death) instead."),
               {key}));
  };
  return k;
}

Kind eventKind() {
  using T = core::FieldType;
  Kind k{"member_event",
         N_("a dated action on a member (recognition, transfer, move, exemption, death, ...); KEY: the "
            "member code"),
         {field("kind", N_("Action"), T::Enum, &core::enums::memberEvent), field("date", N_("Date"), T::Date),
          field("to_cell", N_("To cell")), field("place", N_("Committee transferred to or from")),
          field("decision", N_("Decision number")), field("reason", N_("Reason or ground"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto file = services::memberFile(c.s, c.actor, key);
    for (const auto& e : file.events)
      line(c.out, "event", e.date.iso() + " " + e.kind + (e.decisionNo.empty() ? "" : " " + e.decisionNo));
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    services::MemberAction a;
    a.kind = v.needText("kind");
    a.date = v.needDate("date");
    a.toCellCode = v.text("to_cell");
    a.place = v.text("place");
    a.decisionNo = v.text("decision");
    a.reason = v.text("reason");
    services::recordAction(c.s, c.actor, key, a);
    c.err << format(tr("Action recorded for member {1}."), {key}) << "\n";
  };
  return k;
}

}  // namespace

void addMemberKinds(std::vector<Kind>& k) {
  k.insert(k.end(), {memberKind(), eventKind()});
}

}  // namespace dangbo::cli::record
