// A province-sized first import writes the members without their secondary indexes and builds them at the
// end: the file must come out with exactly the indexes it had, and a failure must leave them in place.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <string>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/Progress.h"
#include "exchange/Import.h"
#include "services/Import.h"
#include "services/MemberList.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/ImportRepository.h"
#include "store/SearchIndex.h"

using namespace dangbo;
using dangbo::test::TempDir;
using dangbo::test::writeFile;

namespace {

std::unique_ptr<services::Services> freshRegister(const std::filesystem::path& db) {
  return services::Services::create(
      db, {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
}

// Every named index of the file with its definition, one per line.
std::string indexes(services::Services& s) {
  SQLite::Statement q(
      services::storeOf(s).db(),
      "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
  std::string out;
  while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
  return out;
}

// The folder of a load of `n` members in two cells (above the bulk threshold when n >= 5000).
void writeLoad(const std::filesystem::path& dir, int n) {
  std::filesystem::create_directories(dir);
  writeFile(dir / "to_chuc.csv",
            "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n"
            "CB01,Chi bộ bản Nà Ớt,Chi bộ trực thuộc,Bản,01/08/2000,,,Có\n"
            "CB02,Chi bộ bản Co Kè,Chi bộ trực thuộc,Bản,01/08/2000,,,Không\n");
  std::string members =
      "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học vấn,Chuyên môn,"
      "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ,Số lý lịch,"
      "Ngày chuyển đến,Tình trạng,Ngày thay đổi tình trạng\n";
  for (int i = 0; i < n; ++i) {
    const std::string code = "DV" + std::to_string(100000 + i);
    members += code + ",Lò Văn Pằn " + std::to_string(i) +
               ",05/03/1967,Nam,Thái,Không,Phiêng Pằn,Bản Nà Ớt,,12/12,"
               "Trung cấp,Sơ cấp,Nông dân," +
               (i % 2 ? "CB01" : "CB02") + ",03/02/1990,03/02/1991,,,,Đang sinh hoạt,\n";
  }
  writeFile(dir / "dang_vien.csv", members);
}

}  // namespace

TEST_CASE("import: a bulk load rebuilds exactly the indexes the file had, and lists and searches use them") {
  TempDir dir;
  auto s = freshRegister(dir / "d.db");
  const std::string before = indexes(*s);
  REQUIRE(before.find("members_search") != std::string::npos);
  writeLoad(dir / "load", 6000);
  auto result = services::applyImport(*s, services::Actor::localOffice(), exchange::readImport(dir / "load"));
  CHECK(result.written);
  CHECK(indexes(*s) == before);
  CHECK(services::storeOf(*s).integrityCheck() == "ok");
  CHECK(store::memberSearchIndexSound(services::storeOf(*s)));  // rebuilt in one pass, its triggers back
  CHECK(services::storeOf(*s)
            .db()
            .execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE "
                        "'member_search_%'")
            .getInt() == 3);
  services::MemberFilter f;
  f.asOf = *core::Date::make(2026, 11, 29);
  f.cellCode = "CB01";
  CHECK(services::listMembers(*s, services::Actor::localOffice(), f).size() == 3000);
  f.cellCode.clear();
  f.search = "pan 5999";
  auto found = services::listMembers(*s, services::Actor::localOffice(), f);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV105999");
}

TEST_CASE("import: indexes dropped for a bulk load come back when the transaction fails") {
  TempDir dir;
  auto s = freshRegister(dir / "d.db");
  const std::string before = indexes(*s);
  store::Database& db = services::storeOf(*s);
  store::ImportRepository repo(db);
  CHECK_THROWS_AS(db.transaction([&] {
    auto dropped = repo.dropSecondaryIndexes({"members", "member_events"});
    // members_cell, members_cccd, members_search, members_order, members_born, members_admitted_here,
    // members_removed, members_id_order, member_events_member, member_events_to_cell,
    // member_events_from_cell, the three triggers keeping the name search index current and the ten keeping
    // the members' counts (member_counts)
    CHECK(dropped.size() == 24);
    CHECK(indexes(*s) != before);
    throw core::DataError("a row failed");
  }),
                  core::DataError);
  CHECK(indexes(*s) == before);
}

namespace {
// Notes at each stage of an import whether the register is written through a rollback journal then.
struct JournalWatch : core::Progress {
  std::filesystem::path journal;
  std::vector<std::string> seenAt;  // the stages that began while the journal was there
  void stage(const std::string& what, uint64_t) override {
    if (std::filesystem::exists(journal)) seenAt.push_back(what);
  }
  bool update(uint64_t) override { return true; }
};

// Every member, event and name index entry of a register, one line each.
std::string contents(services::Services& s) {
  return test::sqlLines(services::storeOf(s).db(),
                        "SELECT 'm ' || code || ' ' || full_name || ' ' || cell_id FROM members UNION ALL "
                        "SELECT 'e ' || member_id || ' ' || kind || ' ' || date FROM member_events UNION ALL "
                        "SELECT 'c ' || cell_id || ' ' || ethnicity || ' ' || present || ' ' || members FROM "
                        "member_counts ORDER BY 1");
}
}  // namespace

TEST_CASE("import: a first load of a register held alone (the command line) is written without the WAL") {
  TempDir dir;
  writeLoad(dir / "load", 6000);
  const auto batch = exchange::readImport(dir / "load");
  auto through = freshRegister(dir / "wal.db");
  JournalWatch walWatch;
  walWatch.journal = dir / "wal.db-journal";
  services::applyImport(*through, services::Actor::localOffice(), batch, &walWatch);
  CHECK(walWatch.seenAt.empty());

  auto alone = freshRegister(dir / "alone.db");
  alone->setHeldAlone(true);
  JournalWatch watch;
  watch.journal = dir / "alone.db-journal";
  services::applyImport(*alone, services::Actor::localOffice(), batch, &watch);
  CHECK_FALSE(watch.seenAt.empty());  // the rows and the indexes written through the journal
  CHECK(services::storeOf(*alone).db().execAndGet("PRAGMA main.journal_mode").getString() == "wal");
  CHECK(contents(*alone) == contents(*through));
  CHECK(indexes(*alone) == indexes(*through));
  CHECK(services::storeOf(*alone).integrityCheck() == "ok");
  CHECK(store::memberSearchIndexSound(services::storeOf(*alone)));
}

TEST_CASE("SQLite keeps no count of its allocations: an import's millions of them take no global lock") {
  TempDir dir;
  auto s = freshRegister(dir / "d.db");
  writeLoad(dir / "load", 200);
  CHECK(services::applyImport(*s, services::Actor::localOffice(), exchange::readImport(dir / "load")).added ==
        202);
  // Counted, the memory of the open register and its statements would show here (store/Database.cpp).
  sqlite3_int64 now = -1, highest = -1;
  REQUIRE(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &now, &highest, 0) == SQLITE_OK);
  CHECK(now == 0);
  CHECK(highest == 0);
  CHECK(sqlite3_memory_used() == 0);
}

TEST_CASE("opening for reading refuses what open refuses at the header, and check still reads every page") {
  TempDir dir;
  writeFile(dir / "bad.db", std::string("SQLite format 3\0garbage", 23));
  CHECK_THROWS_AS(services::Services::openForReading(dir / "bad.db"), core::DatabaseError);
  CHECK_THROWS_AS(services::Services::openForReading(dir / "missing.db"), core::DatabaseError);
  { freshRegister(dir / "ok.db"); }
  auto s = services::Services::openForReading(dir / "ok.db");
  CHECK(services::storeOf(*s).integrityCheck() == "ok");
}

TEST_CASE(
    "import: a members' file of new and changed rows is written in its order, new members under "
    "consecutive ids with their events") {
  TempDir dir;
  auto s = freshRegister(dir / "d.db");
  writeLoad(dir / "load", 1200);
  REQUIRE(
      services::applyImport(*s, services::Actor::localOffice(), exchange::readImport(dir / "load")).written);
  store::Database& db = services::storeOf(*s);
  const int64_t before = db.db().execAndGet("SELECT max(id) FROM members").getInt64();
  const int64_t eventsBefore = db.db().execAndGet("SELECT max(id) FROM member_events").getInt64();

  // The stored members, every third renamed, with 700 new ones among them (more rows than the writer's
  // helper makes ready at a time): admitted and recognized, transferred in, or deceased.
  std::string csv =
      "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học vấn,Chuyên môn,"
      "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ,Số lý lịch,"
      "Ngày chuyển đến,Tình trạng,Ngày thay đổi tình trạng\n";
  const std::string middle = ",Không,Phiêng Pằn,Bản Nà Ớt,,12/12,Trung cấp,Sơ cấp,Nông dân,";
  std::vector<std::string> added;
  std::string expected;  // the new members' events: code, kind, date, in the order they are written
  for (int i = 0; i < 1200; ++i) {
    const std::string code = "DV" + std::to_string(100000 + i);
    csv += code + ",Lò Văn Pằn " + std::to_string(i) + (i % 3 ? "" : " mới") + ",05/03/1967,Nam,Thái" +
           middle + (i % 2 ? "CB01" : "CB02") + ",03/02/1990,03/02/1991,,,,Đang sinh hoạt,\n";
    if (i % 12 != 5) continue;
    for (int k = 0; k < 7; ++k) {
      const int n = int(added.size());
      const std::string fresh = "DV" + std::to_string(300000 + n);
      added.push_back(fresh);
      std::string row =
          fresh + ",Quàng Thị Ánh " + std::to_string(n) + ",12/11/1995,Nữ,Thái" + middle + "CB01,";
      if (n % 3 == 0) {
        row += "10/10/2020,10/10/2021,,,,Đang sinh hoạt,";
        expected += fresh + " admitted 2020-10-10\n" + fresh + " recognized 2021-10-10\n";
      } else if (n % 3 == 1) {
        row += "10/10/2015,10/10/2016,,,04/05/2022,Đang sinh hoạt,";
        expected += fresh + " transfer_in 2022-05-04\n" + fresh + " recognized 2016-10-10\n";
      } else {
        row += "10/10/2020,,,,,Từ trần,01/06/2024";
        expected += fresh + " admitted 2020-10-10\n" + fresh + " deceased 2024-06-01\n";
      }
      csv += row + "\n";
    }
  }
  REQUIRE(added.size() == 700);
  std::filesystem::create_directories(dir / "next");
  writeFile(dir / "next" / "dang_vien.csv", csv);
  auto result = services::applyImport(*s, services::Actor::localOffice(), exchange::readImport(dir / "next"));
  CHECK(result.added == 700);
  CHECK(result.updated == 400);

  std::string ids;
  for (size_t n = 0; n < added.size(); ++n)
    ids += std::to_string(before + 1 + int64_t(n)) + " " + added[n] + "\n";
  CHECK(test::sqlLines(db.db(), "SELECT id || ' ' || code FROM members WHERE id > " + std::to_string(before) +
                                    " ORDER BY id") == ids);
  CHECK(test::sqlLines(db.db(),
                       "SELECT m.code || ' ' || e.kind || ' ' || e.date FROM member_events e JOIN "
                       "members m ON m.id = e.member_id WHERE e.id > " +
                           std::to_string(eventsBefore) + " ORDER BY e.id") == expected);
  CHECK(db.db().execAndGet("SELECT count(*) FROM members WHERE full_name LIKE '% mới'").getInt() == 400);
  CHECK(db.db().execAndGet("SELECT full_name FROM members WHERE code = 'DV100003'").getString() ==
        "Lò Văn Pằn 3 mới");
  CHECK(store::memberSearchIndexSound(db));
}
