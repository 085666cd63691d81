// `dangbo-cli record show|add|delete interruption|badge|badge_request MEMBER ...`: the records of a member's
// party file beyond the member row (issue 19), through the same service calls as the window (scope,
// validation, audit), their fields read from their description in core (core/PartyFields).
#include "cli/CliCommon.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/PartyFields.h"
#include "exchange/Csv.h"
#include "exchange/Reconcile.h"
#include "services/PartyFile.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;

std::string partyRecordUsage() {
  return std::string("  record show interruption|badge|badge_request [MEMBER]\n      ") +
         tr("the fields of the kind; with MEMBER: the member's records, one a line") + "\n" +
         "  record add interruption|badge|badge_request MEMBER FIELD=VALUE ...\n      " +
         tr("an interruption of party age, a badge awarded, a request to propose a badge early (the "
            "office)") +
         "\n" + "  record delete interruption ID\n      " +
         tr("delete an interruption recorded by mistake (the audit keeps it)") + "\n";
}

namespace {

// FIELD=VALUE arguments read into a record by its field descriptions; every problem named at once.
template <class R>
R readRecord(const std::vector<std::string>& args, size_t from,
             const std::vector<core::RecordField<R>>& fields, const std::string& kind) {
  R r;
  std::string problems;
  for (size_t i = from; i < args.size(); ++i) {
    const auto eq = args[i].find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError(format(tr("\"{1}\" is not FIELD=VALUE."), {args[i]}));
    const std::string name = args[i].substr(0, eq);
    const core::RecordField<R>* f = nullptr;
    for (const auto& x : fields)
      if (name == x.name) f = &x;
    if (!f)
      throw UsageError(
          format(tr("A record {1} has no field \"{2}\" (record show {1} lists them)."), {kind, name}));
    std::string why;
    if (auto v = core::readRecordField(f->type, args[i].substr(eq + 1), why))
      f->put(r, *v);
    else
      problems += name + ": " + why + "\n";
  }
  for (const auto& f : fields) {
    bool given = false;
    for (size_t i = from; i < args.size(); ++i)
      if (args[i].rfind(std::string(f.name) + "=", 0) == 0 && args[i].size() > std::string(f.name).size() + 1)
        given = true;
    if (f.required && !given)
      problems += format(tr("{1}: a value is needed ({2})."), {f.name, tr(f.label)}) + "\n";
  }
  if (!problems.empty()) {
    problems.pop_back();
    throw core::DataError(problems);
  }
  return r;
}

template <class R>
void printFields(std::ostream& out, const std::vector<core::RecordField<R>>& fields) {
  for (const auto& f : fields) out << f.name << "\t" << tr(f.label) << "\n";
}

template <class R>
void printRecord(std::ostream& out, core::Id id, const R& r,
                 const std::vector<core::RecordField<R>>& fields) {
  out << "id=" << id;
  for (const auto& f : fields) out << "\t" << f.name << "=" << f.get(r);
  out << "\n";
}

}  // namespace

int cmdPartyRecord(const Parsed& p, std::ostream& out, std::ostream& err) {
  const std::string& action = p.positional[0];
  const std::string& kind = p.positional[1];
  if (action == "show") {
    allowOnly(p, {}, 3);
    if (p.positional.size() == 2) {
      if (kind == "interruption") printFields(out, core::interruptionFields());
      if (kind == "badge") printFields(out, core::badgeFields());
      if (kind == "badge_request") printFields(out, core::badgeRequestFields());
      return kOk;
    }
    auto s = services::Services::openForReading(dbPath(p));
    const auto v = services::partyAgeOf(*s, actingUser(p, *s), p.positional[2], core::Date::today());
    if (kind == "interruption")
      for (const auto& i : v.interruptions) printRecord(out, i.id, i, core::interruptionFields());
    if (kind == "badge")
      for (const auto& a : v.awards) printRecord(out, a.id, a, core::badgeFields());
    if (kind == "badge_request")
      for (const auto& r : v.requests) printRecord(out, r.id, r, core::badgeRequestFields());
    return kOk;
  }
  if (p.positional.size() < 3) throw UsageError(tr("record add, set and delete need the record's KEY."));
  if (action == "delete") {
    allowOnly(p, {}, 3);
    if (kind != "interruption") throw core::DataError(format(tr("A record {1} is never deleted."), {kind}));
    long long id = 0;
    try {
      id = std::stoll(p.positional[2]);
    } catch (const std::exception&) {
      throw UsageError(format(tr("\"{1}\" is not the number of an interruption."), {p.positional[2]}));
    }
    auto lock = lockForWriting(p);
    auto s = services::Services::open(dbPath(p));
    services::deleteInterruption(*s, actingUser(p, *s), id);
    err << format(tr("Interruption {1} deleted."), {std::to_string(id)}) << "\n";
    return kOk;
  }
  if (action != "add") throw UsageError(format(tr("Unknown record action \"{1}\"."), {action}));
  allowOnly(p, {}, 1000);
  auto lock = lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  const auto actor = actingUser(p, *s);
  const std::string& code = p.positional[2];
  core::Id id = 0;
  if (kind == "interruption")
    id = services::addInterruption(*s, actor, code,
                                   readRecord(p.positional, 3, core::interruptionFields(), kind));
  else if (kind == "badge")
    id = services::recordBadgeAward(*s, actor, code, readRecord(p.positional, 3, core::badgeFields(), kind));
  else
    id = services::recordBadgeRequest(*s, actor, code,
                                      readRecord(p.positional, 3, core::badgeRequestFields(), kind));
  err << format(tr("Record {1} {2} added to member {3}."), {kind, std::to_string(id), code}) << "\n";
  return kOk;
}

}  // namespace dangbo::cli

namespace dangbo::cli {

std::string reconcileUsage() {
  return std::string("  reconcile FILE.xlsx|FILE.csv --map MAP.csv\n      ") +
         tr("every difference between an export of CSDL đảng viên 3.0 and the register, the columns mapped "
            "by "
            "MAP.csv (FIELD,COLUMN HEADER lines); exit 1 when there is any") +
         "\n";
}

int cmdReconcile(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--map"}, 1);
  if (p.positional.size() != 1 || !p.get("--map"))
    throw UsageError(tr("reconcile needs the export file and --map MAP.csv."));
  auto s = services::Services::openForReading(dbPath(p));
  const auto diffs = exchange::reconcile(*s, actingUser(p, *s), p.positional[0], *p.get("--map"));
  out << "code,name,field,register,export\n";
  for (const auto& d : diffs)
    out << exchange::csvField(d.code) << ',' << exchange::csvField(d.name) << ',' << d.field << ','
        << exchange::csvField(d.inRegister) << ',' << exchange::csvField(d.inExport) << '\n';
  err << format(tr("{1} differences."), {std::to_string(diffs.size())}) << "\n";
  return diffs.empty() ? kOk : 1;
}

}  // namespace dangbo::cli
