// `dangbo-cli record show|add|set|delete KIND KEY [FIELD=VALUE ...]`: a record through the same service call
// as the window's dialog (scope, validation, audit), its fields read from their description in core.
#include <algorithm>
#include <map>

#include "cli/CliCommon.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/MemberFields.h"
#include "services/Register.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;

std::string recordUsage() {
  return std::string("  record show KIND [KEY]\n      ") +
         tr("without KEY: the fields of KIND; with KEY: the record, one FIELD=VALUE a line. KIND: member") +
         "\n" + "  record add member CODE cell=CELL FIELD=VALUE ... [--decision NUMBER]\n      " +
         tr("add a member admitted here (admitted_on) or transferred in (transferred_in_on), as the window "
            "does") +
         "\n" + "  record set member CODE FIELD=VALUE ... [--reason TEXT]\n      " +
         tr("change the details of a member (status and cell change only through dated actions)") + "\n" +
         "  record delete member CODE\n      " + tr("refused: a member's file is never deleted") + "\n" +
         partyRecordUsage();
}

namespace {

// The FIELD=VALUE arguments, each read by its description; "cell" (for add) is kept aside.
std::map<std::string, std::string> fieldValues(const std::vector<std::string>& args, size_t from, bool adding,
                                               std::string& cell) {
  std::map<std::string, std::string> out;
  std::string problems;
  for (size_t i = from; i < args.size(); ++i) {
    const auto eq = args[i].find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError(format(tr("\"{1}\" is not FIELD=VALUE."), {args[i]}));
    const std::string name = args[i].substr(0, eq), text = args[i].substr(eq + 1);
    if (adding && name == "cell") {
      cell = text;
      continue;
    }
    const core::FieldDescription* f = core::memberField(name);
    if (!f)
      throw UsageError(format(tr("A member has no field \"{1}\" (record show member lists them)."), {name}));
    if (!f->details && !(adding && name == "code")) {
      problems +=
          format(tr("{1}: {2} changes only through a dated action (transfer, exemption, death, ...)."),
                 {name, tr(f->label)}) +
          "\n";
      continue;
    }
    std::string why;
    if (auto v = core::readField(*f, text, why))
      out[name] = *v;
    else
      problems += name + ": " + why + "\n";
  }
  if (!problems.empty()) {
    problems.pop_back();
    throw core::DataError(problems);
  }
  return out;
}

void apply(core::Member& m, const std::map<std::string, std::string>& values) {
  for (const auto& [name, v] : values) core::memberField(name)->put(m, v);
}

}  // namespace

int cmdRecord(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (p.positional.size() < 2)
    throw UsageError(tr("record needs an action (show, add, set, delete) and a KIND."));
  const std::string& action = p.positional[0];
  const std::string& kind = p.positional[1];
  if (kind == "interruption" || kind == "badge" || kind == "badge_request") return cmdPartyRecord(p, out, err);
  if (kind != "member")
    throw UsageError(format(tr("Unknown record kind \"{1}\". Kinds: member, interruption, badge, badge_request."),
                            {kind}));
  if (action == "show") {
    allowOnly(p, {}, 3);
    if (p.positional.size() == 2) {
      for (const auto& f : core::memberFields()) {
        out << f.name << "\t" << tr(f.label);
        if (!f.details) out << "\t" << tr("dated actions only");
        out << "\n";
      }
      return kOk;
    }
    auto s = services::Services::openForReading(dbPath(p));
    const auto file = services::memberFile(*s, actingUser(p, *s), p.positional[2]);
    for (const auto& f : core::memberFields()) out << f.name << "=" << f.get(file.member) << "\n";
    out << "cell=" << file.cellCode << "\n";
    return kOk;
  }
  if (p.positional.size() < 3) throw UsageError(tr("record add, set and delete need the record's KEY."));
  const std::string& code = p.positional[2];
  if (action == "delete") {
    allowOnly(p, {}, 3);
    throw core::DataError(
        format(tr("The file of member {1} is never deleted: record a dated action (transfer, "
                  "removal, death) instead."),
               {code}));
  }
  if (action != "add" && action != "set")
    throw UsageError(format(tr("Unknown record action \"{1}\"."), {action}));
  allowOnly(p, {"--reason", "--decision"}, 1000);
  auto lock = lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  const auto actor = actingUser(p, *s);
  std::string cell;
  const auto values = fieldValues(p.positional, 3, action == "add", cell);
  if (action == "add") {
    if (cell.empty()) throw UsageError(tr("record add member needs cell=CELL."));
    core::Member m;
    m.code = code;
    apply(m, values);
    services::addMember(*s, actor, m, cell, p.get("--decision").value_or(""));
    err << format(tr("Member {1} added."), {code}) << "\n";
    return kOk;
  }
  if (values.empty()) throw UsageError(tr("record set needs at least one FIELD=VALUE."));
  core::Member m = services::memberFile(*s, actor, code).member;
  apply(m, values);
  services::updateMember(*s, actor, m, p.get("--reason").value_or(""));
  err << format(tr("Member {1} changed."), {code}) << "\n";
  return kOk;
}

}  // namespace dangbo::cli
