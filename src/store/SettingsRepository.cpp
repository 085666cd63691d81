#include "store/SettingsRepository.h"

#include <ctime>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "store/Sql.h"

namespace dangbo::store {

namespace sql {
std::string nowUtc() {
  return core::platform::isoUtc(std::time(nullptr));
}
}  // namespace sql

core::CommitteeInfo SettingsRepository::committee() {
  auto q = db_.prepare(
      "SELECT name, place, province, superior, executive, signer_on_behalf, signer_title, signer_name, "
      "recipients FROM committee WHERE id = 1");
  if (!q.executeStep()) throw core::DatabaseError(core::tr("The database has no committee record."));
  core::CommitteeInfo c{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                        q.getColumn(3).getString(), q.getColumn(4).getString()};
  c.signerOnBehalf = q.getColumn(5).getString();
  c.signerTitle = q.getColumn(6).getString();
  c.signerName = q.getColumn(7).getString();
  c.recipients = q.getColumn(8).getString();
  return c;
}

void SettingsRepository::saveCommittee(const core::CommitteeInfo& c) {
  auto q = db_.prepare(
      "INSERT INTO committee (id, name, place, province, superior, executive, created_at, "
      "signer_on_behalf, signer_title, signer_name, recipients) "
      "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
      "place = excluded.place, province = excluded.province, superior = excluded.superior, "
      "executive = excluded.executive, signer_on_behalf = excluded.signer_on_behalf, "
      "signer_title = excluded.signer_title, signer_name = excluded.signer_name, "
      "recipients = excluded.recipients");
  q.bind(1, c.name);
  q.bind(2, c.place);
  q.bind(3, c.province);
  q.bind(4, c.superior);
  q.bind(5, c.executive);
  q.bind(6, sql::nowUtc());
  q.bind(7, c.signerOnBehalf);
  q.bind(8, c.signerTitle);
  q.bind(9, c.signerName);
  q.bind(10, c.recipients);
  q.exec();
}

int64_t SettingsRepository::revision() {
  return db_.db().execAndGet("SELECT revision FROM committee WHERE id = 1").getInt64();
}

void SettingsRepository::bumpRevision() {
  db_.db().exec("UPDATE committee SET revision = revision + 1 WHERE id = 1");
}

std::vector<core::RuleValue> SettingsRepository::ruleValues() {
  std::vector<core::RuleValue> out;
  auto q = db_.prepare(
      "SELECT key, valid_from, value, regulation, note FROM rule_values ORDER BY key, valid_from");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), sql::requiredDate(q.getColumn(1)), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString()});
  return out;
}

void SettingsRepository::saveRuleValue(const core::RuleValue& v, const std::string& user) {
  auto q = db_.prepare(
      "INSERT INTO rule_values (key, valid_from, value, regulation, note, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key, valid_from) DO UPDATE SET value = excluded.value, "
      "regulation = excluded.regulation, note = excluded.note, created_at = excluded.created_at, "
      "created_by = excluded.created_by");
  q.bind(1, v.key);
  q.bind(2, v.validFrom.iso());
  q.bind(3, v.value);
  q.bind(4, v.regulation);
  q.bind(5, v.note);
  q.bind(6, sql::nowUtc());
  q.bind(7, user);
  q.exec();
}

bool SettingsRepository::deleteRuleValue(const std::string& key, const core::Date& validFrom) {
  auto q = db_.prepare("DELETE FROM rule_values WHERE key = ? AND valid_from = ?");
  q.bind(1, key);
  q.bind(2, validFrom.iso());
  return q.exec() > 0;
}

std::vector<core::Target> SettingsRepository::targets() {
  std::vector<core::Target> out;
  auto q = db_.prepare(
      "SELECT key, from_year, to_year, value, origin FROM targets ORDER BY from_year, key, to_year, "
      "origin");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt(),
                   q.getColumn(3).getDouble(), q.getColumn(4).getString()});
  return out;
}

void SettingsRepository::saveTarget(const core::Target& t) {
  auto q = db_.prepare(
      "INSERT INTO targets (key, from_year, to_year, value, origin) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (key, from_year, to_year, origin) DO UPDATE SET value = excluded.value");
  q.bind(1, t.key);
  q.bind(2, t.fromYear);
  q.bind(3, t.toYear);
  q.bind(4, t.value);
  q.bind(5, t.origin);
  q.exec();
}

bool SettingsRepository::deleteTarget(const std::string& key, int fromYear, int toYear,
                                      const std::string& origin) {
  auto q = db_.prepare("DELETE FROM targets WHERE key = ? AND from_year = ? AND to_year = ? AND origin = ?");
  q.bind(4, origin);
  q.bind(1, key);
  q.bind(2, fromYear);
  q.bind(3, toYear);
  return q.exec() > 0;
}

std::vector<core::Term> SettingsRepository::terms() {
  std::vector<core::Term> out;
  auto q = db_.prepare("SELECT id, name, from_year, to_year FROM terms ORDER BY from_year");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt(),
                   q.getColumn(3).getInt()});
  return out;
}

core::Id SettingsRepository::saveTerm(const core::Term& t) {
  auto q = db_.prepare(
      "INSERT INTO terms (id, name, from_year, to_year) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
      "SET name = excluded.name, from_year = excluded.from_year, to_year = excluded.to_year");
  sql::bindId(q, 1, t.id);
  q.bind(2, t.name);
  q.bind(3, t.fromYear);
  q.bind(4, t.toYear);
  q.exec();
  return t.id ? t.id : db_.db().getLastInsertRowid();
}

std::vector<core::WorkCalendar::Entry> SettingsRepository::holidays() {
  std::vector<core::WorkCalendar::Entry> out;
  auto q = db_.prepare("SELECT date, kind, name FROM holidays ORDER BY date");
  while (q.executeStep()) {
    auto d = sql::date(q.getColumn(0));
    auto k = core::WorkCalendar::kindFromCode(q.getColumn(1).getString());
    if (d && k) out.push_back({*d, *k, q.getColumn(2).getString()});
  }
  return out;
}

void SettingsRepository::saveHolidays(const std::vector<core::WorkCalendar::Entry>& entries,
                                      const std::string& source) {
  auto q = db_.prepare(
      "INSERT INTO holidays (date, kind, name, source) VALUES (?, ?, ?, ?) ON CONFLICT (date) DO "
      "UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source");
  for (const auto& e : entries) {
    q.reset();
    q.bind(1, e.date.iso());
    q.bind(2, std::string(core::WorkCalendar::kindCode(e.kind)));
    q.bind(3, e.name);
    q.bind(4, source);
    q.exec();
  }
}

bool SettingsRepository::deleteHoliday(const core::Date& d) {
  auto q = db_.prepare("DELETE FROM holidays WHERE date = ?");
  q.bind(1, d.iso());
  return q.exec() > 0;
}

std::vector<LunarAnchor> SettingsRepository::lunarAnchors() {
  std::vector<LunarAnchor> out;
  auto q = db_.prepare("SELECT year, tet_day1, gio_to FROM lunar_anchors ORDER BY year");
  while (q.executeStep())
    out.push_back(
        {q.getColumn(0).getInt(), sql::requiredDate(q.getColumn(1)), sql::requiredDate(q.getColumn(2))});
  return out;
}

}  // namespace dangbo::store
