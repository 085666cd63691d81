#include "services/Services.h"
#include "services/AuditText.h"
#include "services/BulkWrite.h"
#include "services/InstanceLock.h"
#include "services/RecordRules.h"

#include <algorithm>
#include <set>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "core/VietText.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/ImportRepository.h"
#include "store/RecordsRepository.h"
#include "store/RegisterRepository.h"
#include "store/SettingsRepository.h"

namespace dangbo::services {

using core::DataError;
using core::format;
using core::tr;

Services::Services(std::unique_ptr<store::Database> db) : db_(std::move(db)) {}
Services::~Services() = default;

std::unique_ptr<Services> Services::create(const std::filesystem::path& path,
                                           const core::CommitteeInfo& info) {
  if (core::normalizeText(info.name).empty()) throw DataError(tr("The committee's name is required."));
  auto db = store::Database::create(path);
  std::unique_ptr<Services> s(new Services(std::move(db)));
  s->db_->transaction([&] {
    store::SettingsRepository(*s->db_).saveCommittee(info);
    s->audit(Actor::localOffice(), "init", "committee", "", core::normalizeText(info.name));
  });
  return s;
}

namespace {
// A register a window holds open (InstanceLock) is left to that window to checkpoint: see
// store::Database::keepWalOnClose.
std::unique_ptr<store::Database> besideAnyWindow(std::unique_ptr<store::Database> db,
                                                 const std::filesystem::path& path) {
  if (core::platform::lockedByAnotherProcess(InstanceLock::lockPathOf(path))) db->keepWalOnClose();
  return db;
}
}  // namespace

std::unique_ptr<Services> Services::open(const std::filesystem::path& path) {
  return std::unique_ptr<Services>(new Services(besideAnyWindow(store::Database::open(path), path)));
}

std::unique_ptr<Services> Services::openChecked(const std::filesystem::path& path) {
  return std::unique_ptr<Services>(
      new Services(besideAnyWindow(store::Database::open(path, store::Database::Verify::Behind), path)));
}

std::unique_ptr<Services> Services::openForReading(const std::filesystem::path& path) {
  return std::unique_ptr<Services>(
      new Services(besideAnyWindow(store::Database::open(path, store::Database::Verify::IfUpgrading), path)));
}

std::unique_ptr<Services> Services::openReadOnlyBeside(const std::filesystem::path& path) {
  return std::unique_ptr<Services>(new Services(store::Database::openReadOnly(path)));
}

const std::filesystem::path& Services::path() const {
  return db_->path();
}

bool Services::reconnect() {
  return bulkDepth_ == 0 && db_->reconnect();
}

std::optional<std::string> Services::pageCheck() const {
  return db_->pageCheck();
}

void Services::setCheckWaitNotice(std::function<void(bool)> notice) {
  store::Database::setCheckWaitNotice(std::move(notice));
}

std::pair<int, std::filesystem::path> Services::upgradeInfo() const {
  return {db_->openReport().fromVersion, db_->openReport().backupPath};
}

store::Database& storeOf(Services& s) {
  return *s.db_;
}

void Services::audit(const Actor& actor, const std::string& action, const std::string& record,
                     const std::string& oldValue, const std::string& newValue, const std::string& reason) {
  if (bulkDepth_ > 0) {
    // A bulk caller (an import) bumps the revision once; a bulk load names its new records in one row.
    if (bulkQuietAdds_ && action.ends_with(".add")) return;
    store::AuditRepository(*db_).append(actor.username, action, record, oldValue, newValue, reason);
    return;
  }
  store::AuditRepository(*db_).append(actor.username, action, record, oldValue, newValue, reason);
  store::SettingsRepository(*db_).bumpRevision();
}

BulkWrite::BulkWrite(Services& s) : s_(s) {
  ++s_.bulkDepth_;
  // The doors' statements are prepared once for the whole bulk, not once per record.
  s_.db_->openStatementCache();
}

BulkWrite::~BulkWrite() {
  s_.db_->closeStatementCache();
  if (--s_.bulkDepth_ == 0) s_.bulkQuietAdds_ = false;
}

void BulkWrite::quietAdds(bool quiet) {
  s_.bulkQuietAdds_ = quiet;
}

// ---------------------------------------------------------------------------------------------
core::CommitteeInfo Services::committee() {
  return store::SettingsRepository(*db_).committee();
}

void Services::saveCommittee(const Actor& actor, const core::CommitteeInfo& in) {
  require(actor, Permission::EditSettings);
  core::CommitteeInfo info{core::normalizeText(in.name), core::normalizeText(in.place),
                           core::normalizeText(in.province), core::normalizeText(in.superior),
                           core::normalizeText(in.executive)};
  info.signerOnBehalf = core::normalizeText(in.signerOnBehalf);
  info.signerTitle = core::normalizeText(in.signerTitle);
  info.signerName = core::normalizeText(in.signerName);
  // Recipients: one per line, each line normalised, empty lines dropped.
  for (size_t start = 0; start <= in.recipients.size();) {
    size_t end = in.recipients.find('\n', start);
    if (end == std::string::npos) end = in.recipients.size();
    const std::string line = core::normalizeText(in.recipients.substr(start, end - start));
    if (!line.empty()) info.recipients += (info.recipients.empty() ? "" : "\n") + line;
    start = end + 1;
  }
  if (info.name.empty()) throw DataError(tr("The committee's name is required."));
  store::SettingsRepository repo(*db_);
  auto old = repo.committee();
  db_->transaction([&] {
    repo.saveCommittee(info);
    audit(actor, "committee.update", "committee",
          old.name + " | " + old.place + " | " + old.province + " | " + old.superior + " | " + old.executive,
          info.name + " | " + info.place + " | " + info.province + " | " + info.superior + " | " +
              info.executive +
              (info.signerOnBehalf == old.signerOnBehalf && info.signerTitle == old.signerTitle &&
                       info.signerName == old.signerName && info.recipients == old.recipients
                   ? std::string()
                   : " | " + info.signerOnBehalf + " | " + info.signerTitle + " | " + info.signerName +
                         " | " + info.recipients));
  });
}

std::vector<RuleView> Services::rules() {
  auto values = store::SettingsRepository(*db_).ruleValues();
  std::vector<RuleView> out;
  for (const auto& def : core::ruleDefinitions()) {
    RuleView v{&def, {}};
    for (const auto& rv : values)
      if (rv.key == def.key) v.values.push_back(rv);
    out.push_back(std::move(v));
  }
  return out;
}

core::RuleBook Services::ruleBook() {
  return core::RuleBook(store::SettingsRepository(*db_).ruleValues());
}

void Services::addRuleValue(const Actor& actor, const core::RuleValue& in) {
  require(actor, Permission::EditSettings);
  const core::RuleDef* def = core::findRule(in.key);
  if (!def) throw DataError(format(tr("Unknown rule \"{1}\"."), {in.key}));
  core::RuleValue v = in;
  v.value = core::normalizeText(v.value);
  v.regulation = core::normalizeText(v.regulation);
  v.note = core::normalizeText(v.note);
  if (std::string err = core::ruleValueError(*def, v.value); !err.empty())
    throw DataError(
        format(tr("\"{1}\": the value \"{2}\" is not valid. {3}"), {tr(def->label), v.value, err}));
  if (v.regulation.empty())
    throw DataError(format(tr("\"{1}\": name the regulation the value comes from."), {tr(def->label)}));
  store::SettingsRepository repo(*db_);
  std::string old;
  for (const auto& rv : repo.ruleValues())
    if (rv.key == v.key && rv.validFrom == v.validFrom) old = rv.value;
  db_->transaction([&] {
    repo.saveRuleValue(v, actor.username);
    audit(actor, "rule.set", v.key + "@" + v.validFrom.iso(), old, v.value + " (" + v.regulation + ")");
  });
}

void Services::deleteRuleValue(const Actor& actor, const std::string& key, const core::Date& validFrom) {
  require(actor, Permission::EditSettings);
  store::SettingsRepository repo(*db_);
  int count = 0;
  std::string old;
  for (const auto& rv : repo.ruleValues())
    if (rv.key == key) {
      ++count;
      if (rv.validFrom == validFrom) old = rv.value;
    }
  if (old.empty())
    throw DataError(format(tr("The rule \"{1}\" has no value from {2}."), {key, validFrom.vn()}));
  if (count <= 1)
    throw DataError(
        format(tr("The rule \"{1}\" must keep at least one value; add the new value instead."), {key}));
  db_->transaction([&] {
    repo.deleteRuleValue(key, validFrom);
    audit(actor, "rule.delete", key + "@" + validFrom.iso(), old, "");
  });
}

std::vector<core::Target> Services::targets() {
  return store::SettingsRepository(*db_).targets();
}

std::string targetRefusal(const core::Target& t) {
  if (!core::enums::targetKey.contains(t.key)) return format(tr("Unknown target \"{1}\"."), {t.key});
  if (t.fromYear < 1930 || t.toYear > 2200 || t.toYear < t.fromYear)
    return format(tr("The years {1}-{2} do not form a term."),
                  {std::to_string(t.fromYear), std::to_string(t.toYear)});
  bool percent = t.key != "ket_nap_nhiem_ky" && t.key != "ket_nap_nam";
  if (t.value < 0 || (percent && t.value > 100))
    return format(tr("The target value {1} is out of range."), {auditNumber(t.value)});
  return {};
}

void Services::saveTarget(const Actor& actor, const core::Target& t) {
  require(actor, Permission::EditSettings);
  if (std::string why = targetRefusal(t); !why.empty()) throw DataError(why);
  db_->transaction([&] {
    store::SettingsRepository settings(*db_);
    // The old and the new value, as every door writes a changed field.
    std::optional<double> stored;
    for (const auto& x : settings.targets())
      if (x.key == t.key && x.fromYear == t.fromYear && x.toYear == t.toYear && x.origin == t.origin)
        stored = x.value;
    if (stored && *stored == t.value) return;
    settings.saveTarget(t);
    const auto [before, after] =
        auditValues({{"value", stored ? auditNumber(*stored) : std::string(), auditNumber(t.value)}});
    audit(actor, "target.set",
          t.key + "@" + std::to_string(t.fromYear) + "-" + std::to_string(t.toYear) +
              (t.origin.empty() ? "" : "@" + t.origin),
          stored ? before : std::string(), after);
  });
}

void Services::deleteTarget(const Actor& actor, const core::Target& t) {
  require(actor, Permission::EditSettings);
  db_->transaction([&] {
    if (!store::SettingsRepository(*db_).deleteTarget(t.key, t.fromYear, t.toYear, t.origin))
      throw DataError(tr("That target does not exist."));
    audit(actor, "target.delete",
          t.key + "@" + std::to_string(t.fromYear) + "-" + std::to_string(t.toYear) +
              (t.origin.empty() ? "" : "@" + t.origin),
          std::to_string(t.value), "");
  });
}

std::vector<core::WorkCalendar::Entry> Services::holidays() {
  return store::SettingsRepository(*db_).holidays();
}

int Services::addHolidays(const Actor& actor, const std::vector<core::WorkCalendar::Entry>& entries,
                          const std::string& source) {
  require(actor, Permission::EditSettings);
  std::set<core::Date> seen;
  for (const auto& e : entries) {
    if (!seen.insert(e.date).second)
      throw DataError(format(tr("The day {1} is listed twice."), {e.date.vn()}));
    if (e.kind == core::WorkCalendar::Kind::WorkingSwap && e.date.isoWeekday() < 6)
      throw DataError(format(tr("{1} is a weekday: only a Saturday or Sunday can be a swapped working day."),
                             {e.date.vn()}));
  }
  db_->transaction([&] {
    store::SettingsRepository(*db_).saveHolidays(entries, source);
    audit(actor, "holidays.add", "holidays", "", std::to_string(entries.size()) + " " + source);
  });
  return int(entries.size());
}

void Services::deleteHoliday(const Actor& actor, const core::Date& d) {
  require(actor, Permission::EditSettings);
  db_->transaction([&] {
    if (!store::SettingsRepository(*db_).deleteHoliday(d))
      throw DataError(format(tr("{1} is not in the holiday calendar."), {d.vn()}));
    audit(actor, "holidays.delete", "holidays@" + d.iso(), d.iso(), "");
  });
}

std::vector<int> Services::announcedYears() {
  std::set<int> years;
  for (const auto& e : holidays()) years.insert(e.date.year());
  return {years.begin(), years.end()};
}

core::WorkCalendar Services::calendar() {
  store::SettingsRepository repo(*db_);
  auto entries = repo.holidays();
  std::set<int> announced;
  for (const auto& e : entries) announced.insert(e.date.year());
  core::WorkCalendar cal(entries);
  using K = core::WorkCalendar::Kind;
  for (const auto& a : repo.lunarAnchors()) {
    if (announced.count(a.year)) continue;
    const char* est = tr("(estimated; not yet announced)");
    for (int i = -1; i <= 3; ++i)
      cal.add({a.tetDay1.addDays(i), K::Holiday, std::string(tr("Lunar New Year")) + " " + est});
    cal.add({a.gioTo, K::Holiday, std::string(tr("Hung Kings' Commemoration")) + " " + est});
    for (auto [m, d] : {std::pair{1, 1}, {4, 30}, {5, 1}, {9, 2}, {9, 3}})
      if (auto day = core::Date::make(a.year, m, d)) cal.add({*day, K::Holiday, est});
  }
  return cal;
}

std::vector<std::pair<std::string, std::string>> Services::ethnicGroups() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& g : store::ImportRepository(*db_).ethnicGroups()) out.emplace_back(g.code, g.name);
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return core::compareText(a.second, b.second) < 0; });
  return out;
}

// ---------------------------------------------------------------------------------------------
Summary Services::summary(const core::Date& on) {
  Summary s;
  s.committee = committee().name;
  s.on = on;
  store::RegisterRepository reg(*db_);
  auto c = reg.countsOn(on);
  s.organizations = c.organizations;
  s.grassroots = c.grassroots;
  s.subordinate = c.subordinate;
  for (const auto& o : reg.organizations()) {
    bool exists = (!o.founded || *o.founded <= on) && (!o.ceased || *o.ceased > on);
    if (!exists) continue;
    if (o.category == "ban") ++s.villageCells;
    if (o.category == "truong") ++s.schoolCells;
  }
  s.members = c.members;
  s.official = c.official;
  s.probationary = c.probationary;
  s.exempt = c.exempt;
  s.women = c.women;
  auto r = store::RecordsRepository(*db_).counts();
  s.candidates = r.candidates;
  s.ratings = r.ratings;
  s.inspections = r.inspections;
  s.disciplines = r.disciplines;
  s.removals = r.removals;
  return s;
}

std::vector<core::Organization> Services::organizations(const Actor& actor) {
  require(actor, Permission::ReadRegister);
  return store::RegisterRepository(*db_).organizations();
}

}  // namespace dangbo::services
