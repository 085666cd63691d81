// The statement cache of a bulk caller (store/Prepared.h, issue 14): inside a scope each SQL is prepared once
// and lent again reset and unbound; a second loan of the same SQL while the first is out is another
// statement; outside a scope nothing is kept. And an import through the records' doors prepares the same
// statements whether it brings 4 organizations or 40.
#include <doctest/doctest.h>

#include <string>

#include "../TestUtil.h"
#include "exchange/Import.h"
#include "services/Actor.h"
#include "services/Import.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const char* kCountOf = "SELECT count(*) FROM organizations WHERE code = ?1 OR ?1 IS NULL";

int countOf(store::Database& db, const std::string* code) {
  auto q = db.prepare(kCountOf);
  if (code) q.bind(1, *code);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getInt();
}

}  // namespace

TEST_CASE("statement cache: one statement per SQL in a scope, lent again reset and unbound") {
  TempDir dir;
  auto db = store::Database::create(dir / "r.db");
  db->db().exec(
      "INSERT INTO organizations (code, name, kind, category) VALUES ('CB01', 'Chi bộ 1', 'co_so', "
      "'ban'), ('CB02', 'Chi bộ 2', 'co_so', 'ban')");
  const std::string cb01 = "CB01";

  // Outside a scope: every loan prepares.
  auto [prepared0, reused0] = db->statementCounts();
  CHECK(countOf(*db, &cb01) == 1);
  CHECK(countOf(*db, nullptr) == 2);
  CHECK(db->statementCounts() == std::pair{prepared0 + 2, reused0});

  {
    store::Database::StatementCache cache(*db);
    const auto [p1, r1] = db->statementCounts();
    // The value bound by the first loan is gone at the second (NULL: every organization).
    CHECK(countOf(*db, &cb01) == 1);
    CHECK(countOf(*db, nullptr) == 2);
    CHECK(countOf(*db, nullptr) == 2);
    CHECK(db->statementCounts() == std::pair{p1 + 1, r1 + 2});

    // A query left half read is reset before the next loan: it starts again at the first row.
    for (int round = 0; round < 2; ++round) {
      auto q = db->prepare("SELECT code FROM organizations ORDER BY code");
      REQUIRE(q.executeStep());
      CHECK(q.getColumn(0).getString() == "CB01");
    }

    // The same SQL lent twice at once: two statements, each with its own values.
    {
      auto outer = db->prepare(kCountOf);
      outer.bind(1, cb01);
      const auto [p2, r2] = db->statementCounts();
      CHECK(countOf(*db, nullptr) == 2);
      CHECK(db->statementCounts().first == p2 + 1);
      REQUIRE(outer.executeStep());
      CHECK(outer.getColumn(0).getInt() == 1);
      (void)r2;
    }
    // Nested scopes: the inner one's end keeps the cache.
    { store::Database::StatementCache inner(*db); }
    const auto [p3, r3] = db->statementCounts();
    CHECK(countOf(*db, nullptr) == 2);
    CHECK(db->statementCounts() == std::pair{p3, r3 + 1});
  }
  // After the scope: nothing kept.
  const auto [p4, r4] = db->statementCounts();
  CHECK(countOf(*db, nullptr) == 2);
  CHECK(db->statementCounts() == std::pair{p4 + 1, r4});
}

TEST_CASE("statement cache: an import through the doors prepares as many statements for 40 rows as for 4") {
  auto preparedFor = [](int organizations) {
    TempDir dir;
    auto s = services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "Thử", "", ""});
    std::string csv = "Mã,Tên,Loại,Khối,Ngày thành lập,Có chi ủy\n";
    for (int i = 1; i <= organizations; ++i)
      csv += "CB" + std::to_string(100 + i) + ",Chi bộ " + std::to_string(i) +
             ",truc_thuoc,ban,01/02/2003,Không\n";
    std::filesystem::create_directories(dir / "in");
    test::writeFile(dir / "in" / "to_chuc.csv", csv);
    const auto batch = exchange::readImport(dir / "in");
    const auto before = services::storeOf(*s).statementCounts().first;
    REQUIRE(services::applyImport(*s, services::Actor::localOffice(), batch).written);
    CHECK(test::sqlValue(dir / "r.db", "SELECT count(*) FROM organizations") ==
          std::to_string(organizations));
    return services::storeOf(*s).statementCounts().first - before;
  };
  const size_t few = preparedFor(4), many = preparedFor(40);
  CAPTURE(few);
  CHECK(many == few);
}
