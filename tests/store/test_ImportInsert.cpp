// The import's inserts of many rows (store::ImportRepository::insertRows, insertMemberEvents): several rows
// by one statement store exactly what one statement per row stores, under consecutive ids in their order;
// their texts are bound in place (an empty text stays a text, not NULL); a row refused by the schema fails
// its statement and leaves none of its rows.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "../TestUtil.h"
#include "core/Date.h"
#include "core/Records.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/ImportRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

// A new register with one cell.
std::unique_ptr<services::Services> fresh(const std::filesystem::path& db) {
  auto s = services::Services::create(db, {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  services::storeOf(*s).db().exec(
      "INSERT INTO organizations (code, name, kind, category) VALUES ('CB01', 'Chi bộ bản Nà Ớt', 'co_so', "
      "'ban')");
  return s;
}

// A member's values as the import hands them over (the texts stay in `texts`).
store::ImportValues memberValues(std::vector<std::string>& texts, int i, const std::string& cell) {
  texts = {
      "DV" + std::to_string(1000 + i),         "Lò Thị Ánh " + std::to_string(i), i % 2 ? "nu" : "nam", cell,
      "1990-02-0" + std::to_string(1 + i % 9), i % 3 ? "" : "Bản Nà Ớt"};
  return {{"code", texts[0]},    {"full_name", texts[1]},   {"gender", texts[2]},
          {"cell_id", texts[3]}, {"admitted_on", texts[4]}, {"hometown", texts[5]}};
}

// Every member and event of the register, one line each (ids included; texts quoted, NULL as such).
std::string stored(store::Database& db) {
  return test::sqlLines(
      db.db(),
      "SELECT 'm ' || id || ' ' || quote(code) || quote(full_name) || quote(search_key) || hex(sort_key) || "
      "quote(gender) || cell_id || quote(admitted_on) || quote(hometown) FROM members UNION ALL "
      "SELECT 'e ' || id || ' ' || member_id || quote(date) || quote(kind) || quote(from_cell) || "
      "quote(to_cell) || quote(place) || quote(decision_no) || quote(reason) FROM member_events ORDER BY 1");
}

// Writes 40 members and their 70 events into a fresh register, by rows or one at a time.
std::string load(const std::filesystem::path& file, bool several) {
  auto s = fresh(file);
  store::Database& db = services::storeOf(*s);
  const std::string cell =
      std::to_string(db.db().execAndGet("SELECT id FROM organizations ORDER BY id LIMIT 1").getInt64());
  store::ImportRepository repo(db);
  db.transaction([&] {
    std::vector<std::vector<std::string>> texts(40);
    std::vector<store::ImportValues> values(40);
    std::vector<store::RowToInsert> rows(40);
    std::vector<core::Id> ids;
    for (int i = 0; i < 40; ++i) {
      values[size_t(i)] = memberValues(texts[size_t(i)], i, cell);
      store::ImportRepository::prepareInsert("members", values[size_t(i)], rows[size_t(i)]);
    }
    if (several) {
      std::vector<const store::RowToInsert*> first, second;
      for (int i = 0; i < 40; ++i) (i < 16 ? first : second).push_back(&rows[size_t(i)]);
      const core::Id a = repo.insertRows(first), b = repo.insertRows(second);
      for (int i = 0; i < 40; ++i) ids.push_back(i < 16 ? a + i : b + (i - 16));
    } else {
      for (int i = 0; i < 40; ++i) ids.push_back(repo.insert("members", values[size_t(i)]));
    }
    std::vector<core::MemberEvent> events;
    for (int i = 0; i < 70; ++i) {
      core::MemberEvent e;
      e.memberId = ids[size_t(i % 40)];
      e.date = *core::Date::make(2000 + i % 20, 1 + i % 12, 1 + i % 28);
      e.kind = i < 40 ? "admitted" : "recognized";
      if (i < 40) e.toCell = std::stoll(cell);
      e.reason = i % 7 ? "" : "lý do " + std::to_string(i);
      events.push_back(e);
    }
    if (several)
      repo.insertMemberEvents(events);  // two statements of 32 events, then six alone
    else
      for (const auto& e : events) repo.insertMemberEvent(e);
  });
  return stored(db);
}

}  // namespace

TEST_CASE("import inserts: several rows by one statement store what one statement a row stores") {
  TempDir dir;
  const std::string byRows = load(dir / "rows.db", true), alone = load(dir / "alone.db", false);
  CHECK(byRows == alone);
  CHECK(byRows.find("'Bản Nà Ớt'") != std::string::npos);
  CHECK(byRows.find("'lý do 7'") != std::string::npos);
  // An empty text is stored as one (a null pointer would have bound NULL).
  CHECK(byRows.find("''") != std::string::npos);
  CHECK(byRows.find("NULL'admitted'") == std::string::npos);
}

TEST_CASE("import inserts: rows by one statement get consecutive ids; a refused row leaves none of them") {
  TempDir dir;
  auto s = fresh(dir / "d.db");
  store::Database& db = services::storeOf(*s);
  const std::string cell =
      std::to_string(db.db().execAndGet("SELECT id FROM organizations ORDER BY id LIMIT 1").getInt64());
  store::ImportRepository repo(db);
  std::vector<std::vector<std::string>> texts(5);
  std::vector<store::ImportValues> values(5);
  std::vector<store::RowToInsert> rows(5);
  for (int i = 0; i < 5; ++i) {
    values[size_t(i)] = memberValues(texts[size_t(i)], i, cell);
    store::ImportRepository::prepareInsert("members", values[size_t(i)], rows[size_t(i)]);
  }
  db.transaction([&] {
    const core::Id one = repo.insert(rows[0]);
    const core::Id first =
        repo.insertRows(std::vector<const store::RowToInsert*>{&rows[1], &rows[2], &rows[3]});
    CHECK(first == one + 1);
    CHECK(test::sqlLines(db.db(), "SELECT id || ' ' || code FROM members ORDER BY id") ==
          test::sqlLines(db.db(), "SELECT " + std::to_string(one) + " || ' DV1000' UNION ALL SELECT " +
                                      std::to_string(one + 1) + " || ' DV1001' UNION ALL SELECT " +
                                      std::to_string(one + 2) + " || ' DV1002' UNION ALL SELECT " +
                                      std::to_string(one + 3) + " || ' DV1003'"));
  });
  // Rows of different columns cannot share a statement.
  std::vector<std::string> other = {"DV9", "Lò Văn Pằn", "nam", cell};
  store::ImportValues fewer = {
      {"code", other[0]}, {"full_name", other[1]}, {"gender", other[2]}, {"cell_id", other[3]}};
  store::RowToInsert odd;
  store::ImportRepository::prepareInsert("members", fewer, odd);
  CHECK_THROWS_AS(repo.insertRows(std::vector<const store::RowToInsert*>{&rows[4], &odd}), std::logic_error);
  // A code already stored refuses its row: the statement fails whole.
  texts[4][0] = "DV1002";
  values[4][0].second = texts[4][0];
  store::ImportRepository::prepareInsert("members", values[4], rows[4]);
  texts[1][0] = "DV1011";
  values[1][0].second = texts[1][0];
  store::ImportRepository::prepareInsert("members", values[1], rows[1]);
  // ... and SQLite's own words name the constraint.
  CHECK_THROWS_WITH_AS(repo.insertRows(std::vector<const store::RowToInsert*>{&rows[1], &rows[4]}),
                       doctest::Contains("UNIQUE constraint failed: members.code"), SQLite::Exception);
  CHECK(db.db().execAndGet("SELECT count(*) FROM members WHERE code = 'DV1011'").getInt() == 0);
  CHECK(db.db().execAndGet("SELECT count(*) FROM members").getInt() == 4);
}
