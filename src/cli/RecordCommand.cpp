// `dangbo-cli record show|add|set|delete KIND KEY [FIELD=VALUE ...]`: a record through the same service call
// as the window's dialog (scope, validation, audit). The kinds and their fields are in src/cli/record/.
#include <set>

#include "cli/CliCommon.h"
#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;

std::string recordUsage() {
  std::string kinds;
  for (const auto& k : record::kinds()) kinds += std::string(kinds.empty() ? "" : ", ") + k.name;
  return std::string("  record show [KIND [KEY]]\n      ") +
         tr("without KIND: the kinds; without KEY: the fields of KIND; with KEY: the record, one FIELD=VALUE "
            "a line") +
         "\n  record add|set|delete KIND KEY FIELD=VALUE ...\n      " +
         tr("a record through the window's own door: the same scope, rules, refusals and audit row") +
         "\n      " + tr("kinds:") + " " + kinds + ", interruption, badge, badge_request\n" +
         partyRecordUsage();
}

namespace {

const record::Kind& findKind(const std::string& name) {
  for (const auto& k : record::kinds())
    if (name == k.name) return k;
  std::string names;
  for (const auto& k : record::kinds()) names += std::string(names.empty() ? "" : ", ") + k.name;
  throw UsageError(format(tr("Unknown record kind \"{1}\". Kinds: {2}."), {name, names}));
}

// The FIELD=VALUE arguments from `from` on, each read by its description; every bad value named at once.
record::Values readValues(const record::Kind& kind, const std::vector<std::string>& args, size_t from) {
  std::map<std::string, std::string> out;
  std::string problems;
  for (size_t i = from; i < args.size(); ++i) {
    const auto eq = args[i].find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError(format(tr("\"{1}\" is not FIELD=VALUE."), {args[i]}));
    const std::string name = args[i].substr(0, eq), text = args[i].substr(eq + 1);
    const core::FieldDescription* f = kind.field(name);
    if (!f)
      throw UsageError(format(tr("A record of kind {1} has no field \"{2}\" (record show {1} lists them)."),
                              {kind.name, name}));
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
  return record::Values(kind, std::move(out));
}

void listFields(const record::Kind& kind, std::ostream& out) {
  out << "# " << tr(kind.about) << "\n";
  for (const auto& f : kind.fields) {
    out << f.name << "\t" << tr(f.label);
    if (!f.details) out << "\t" << tr("dated actions only");
    out << "\n";
  }
}

}  // namespace

int cmdRecord(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (p.positional.empty())
    throw UsageError(tr("record needs an action (show, add, set, delete) and a KIND."));
  const std::string& action = p.positional[0];
  if (action == "show" && p.positional.size() == 1) {
    allowOnly(p, {}, 1);
    for (const auto& k : record::kinds()) out << k.name << "\t" << tr(k.about) << "\n";
    return kOk;
  }
  if (p.positional.size() < 2)
    throw UsageError(tr("record needs an action (show, add, set, delete) and a KIND."));
  // The kinds of a member's party file have their own command (PartyRecordCommand.cpp).
  if (const auto& k = p.positional[1]; k == "interruption" || k == "badge" || k == "badge_request")
    return cmdPartyRecord(p, out, err);
  const record::Kind& kind = findKind(p.positional[1]);
  if (action == "show") {
    allowOnly(p, {}, 3);
    if (p.positional.size() == 2) {
      listFields(kind, out);
      return kOk;
    }
    if (!kind.show)
      throw UsageError(format(tr("Records of kind {1} are not shown one by one."), {kind.name}));
    auto s = services::Services::openForReading(dbPath(p));
    const auto actor = actingUser(p, *s);
    record::Context c{*s, actor, p, out, err};
    kind.show(c, p.positional[2]);
    return kOk;
  }
  const std::function<void(record::Context&, const std::string&, const record::Values&)>* call =
      action == "add"      ? &kind.add
      : action == "set"    ? &kind.set
      : action == "delete" ? &kind.del
                           : nullptr;
  if (!call) throw UsageError(format(tr("Unknown record action \"{1}\"."), {action}));
  if (!*call)
    throw core::DataError(format(tr("A record of kind {1} cannot be {2} this way."),
                                 {kind.name, action == "add"   ? tr("added")
                                             : action == "set" ? tr("changed")
                                                               : tr("deleted")}));
  const bool keyed = !(action == "add" && kind.keyAssigned);
  if (keyed && (p.positional.size() < 3 || p.positional[2].find('=') != std::string::npos))
    throw UsageError(format(tr("record {1} {2} needs the record's KEY."), {action, kind.name}));
  // Options: the kind's own ones; the global ones are allowed by allowOnly itself.
  Parsed checked = p;
  for (auto it = checked.options.begin(); it != checked.options.end();) {
    bool known = false;
    for (const char* o : kind.options) known = known || it->first == o;
    it = known ? checked.options.erase(it) : std::next(it);
  }
  allowOnly(checked, {}, 1000);
  const std::string key = keyed ? p.positional[2] : std::string();
  const auto values = readValues(kind, p.positional, keyed ? 3 : 2);
  auto lock = lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  const auto actor = actingUser(p, *s);
  record::Context c{*s, actor, p, out, err};
  (*call)(c, key, values);
  return kOk;
}

}  // namespace dangbo::cli
