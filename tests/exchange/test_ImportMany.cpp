// Several folders read as one import (exchange::readImports, `dangbo-cli import DIR DIR ...`): a register
// sent as several files is written in one transaction, loaded once, and comes out as the same folders
// imported one after the other would leave it; every file is named with its folder in messages; a refusal in
// any folder writes nothing of the others.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "../TestUtil.h"
#include "../cli/CliRun.h"
#include "../services/MemberCountsCheck.h"
#include "core/Date.h"
#include "core/Errors.h"
#include "exchange/Import.h"
#include "services/Import.h"
#include "services/MemberList.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/SearchIndex.h"

using namespace dangbo;
using dangbo::test::runCli;
using dangbo::test::TempDir;
using dangbo::test::writeFile;
namespace fs = std::filesystem;

namespace {

const char* kMembersHeader =
    "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,"
    "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Tình trạng,"
    "Ngày thay đổi tình trạng\n";

std::unique_ptr<services::Services> freshRegister(const fs::path& db) {
  return services::Services::create(
      db, {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
}

// Members from..from+n-1 (codes DV100000 on), in the cells CB01 and CB02; `admitted` their admission day.
std::string members(int from, int n, const std::string& admitted = "03/02/1990") {
  std::string out = kMembersHeader;
  for (int i = from; i < from + n; ++i)
    out += "DV" + std::to_string(100000 + i) + ",Lò Văn Pằn " + std::to_string(i) +
           ",05/03/1967,Nam,Thái,Không,Phiêng Pằn,Bản Nà Ớt,12/12,,,," + (i % 2 ? "CB01" : "CB02") + "," +
           admitted + ",03/02/1991,Đang sinh hoạt,\n";
  return out;
}

// The first folder: the cells and members 0..n-1; the next: members from..from+n-1 alone.
fs::path writeFirst(const fs::path& dir, int n) {
  fs::create_directories(dir);
  writeFile(dir / "to_chuc.csv",
            "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n"
            "CB01,Chi bộ bản Nà Ớt,Chi bộ trực thuộc,Bản,01/08/2000,,,Có\n"
            "CB02,Chi bộ bản Co Kè,Chi bộ trực thuộc,Bản,01/08/2000,,,Không\n");
  writeFile(dir / "dang_vien.csv", members(0, n));
  return dir;
}

fs::path writeNext(const fs::path& dir, int from, int n) {
  fs::create_directories(dir);
  writeFile(dir / "dang_vien.csv", members(from, n));
  return dir;
}

int64_t count(services::Services& s, const char* table) {
  return services::storeOf(s).db().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

// Every member with the cell of their row and their events, one line each, in code order.
std::string register_(services::Services& s) {
  return test::sqlLines(
      services::storeOf(s).db(),
      "SELECT m.code || ' ' || m.full_name || ' ' || o.code || ' ' || "
      "(SELECT group_concat(e.kind || '@' || e.date, ',') FROM member_events e WHERE "
      "e.member_id = m.id) FROM members m JOIN organizations o ON o.id = m.cell_id ORDER BY "
      "m.code");
}

std::vector<std::string> found(services::Services& s, const std::string& text) {
  services::MemberFilter f;
  f.asOf = core::Date::today();
  f.search = text;
  std::vector<std::string> codes;
  for (const auto& r : services::listMembers(s, services::Actor::localOffice(), f)) codes.push_back(r.code);
  return codes;
}

}  // namespace

TEST_CASE(
    "import of several folders: one load, the register the folders imported one after the other leave") {
  TempDir dir;
  const auto a = writeFirst(dir / "tinh1", 3000);
  const auto b = writeNext(dir / "tinh2", 3000, 3500);
  const auto actor = services::Actor::localOffice();

  auto once = freshRegister(dir / "once.db");
  const auto batch = exchange::readImports({a, b});
  REQUIRE(batch.files.size() == 3);
  CHECK(batch.files[0].kind == "to_chuc");  // the cells first, then the members' files in the paths' order
  CHECK(batch.files[1].source == (a / "dang_vien.csv").string());
  CHECK(batch.files[2].source == (b / "dang_vien.csv").string());
  const auto result = services::applyImport(*once, actor, batch);  // 6.500 new members: one bulk load
  CHECK(result.added == 2 + 6500);
  CHECK(count(*once, "members") == 6500);

  // The same folders as two imports, each under kBulkLoadRows: written row by row with every index kept.
  auto each = freshRegister(dir / "each.db");
  services::applyImport(*each, actor, exchange::readImport(a));
  services::applyImport(*each, actor, exchange::readImport(b));

  CHECK(register_(*once) == register_(*each));
  CHECK(count(*once, "audit_log") > 1);
  for (const char* text : {"pan 6499", "lo van", "pan 12"}) CHECK(found(*once, text) == found(*each, text));
  CHECK(services::storeOf(*once).integrityCheck() == "ok");
  CHECK(store::memberSearchIndexSound(services::storeOf(*once)));
  test::checkMemberCounts(*once, core::Date::today());
  // A single path reads as readImport does: the files named as before.
  CHECK(exchange::readImports({b}).files.at(0).source == "dang_vien.csv");
}

TEST_CASE("import of several folders: a refused row or a key in two folders writes nothing of any folder") {
  TempDir dir;
  const auto a = writeFirst(dir / "tinh1", 20);
  auto s = freshRegister(dir / "d.db");
  const auto actor = services::Actor::localOffice();
  const int64_t audits = count(*s, "audit_log");

  SUBCASE("a bad date in the second folder, named with its folder") {
    const auto b = dir / "tinh2";
    fs::create_directories(b);
    writeFile(b / "dang_vien.csv", members(20, 3, "31/02/1990"));
    try {
      services::applyImport(*s, actor, exchange::readImports({a, b}));
      FAIL("the import was not refused");
    } catch (const core::DataError& e) {
      CHECK(std::string(e.what()).find((b / "dang_vien.csv").string()) != std::string::npos);
    }
  }
  SUBCASE("a member of the first folder again in the second") {
    const auto b = writeNext(dir / "tinh2", 19, 3);  // DV100019 is in both
    try {
      services::applyImport(*s, actor, exchange::readImports({a, b}));
      FAIL("the import was not refused");
    } catch (const core::DataError& e) {
      const std::string message = e.what();
      CHECK(message.find("DV100019") != std::string::npos);
      CHECK(message.find((a / "dang_vien.csv").string()) != std::string::npos);
    }
  }
  CHECK(count(*s, "members") == 0);
  CHECK(count(*s, "organizations") == 0);
  CHECK(count(*s, "audit_log") == audits);
}

TEST_CASE("import of several folders: a folder named twice is refused before anything is read") {
  TempDir dir;
  const auto a = writeFirst(dir / "tinh1", 5);
  CHECK_THROWS_AS(exchange::readImports({a, dir / "." / "tinh1"}), core::DataError);
  CHECK_THROWS_AS(exchange::readImports({a, dir / "none"}),
                  core::DataError);  // as readImport: no such folder
}

TEST_CASE("dangbo-cli import DIR DIR: one import; a refusal names the folder and writes nothing") {
  TempDir dir;
  const auto a = writeFirst(dir / "tinh1", 30);
  const auto b = writeNext(dir / "tinh2", 30, 12);
  const auto db = (dir / "d.db").string();
  REQUIRE(runCli({"--db", db, "init", "--committee", "Đảng bộ xã Phiêng Pằn"}).code == cli::kOk);

  auto dry = runCli({"--db", db, "import", a.string(), b.string(), "--dry-run"});
  CHECK(dry.code == cli::kOk);
  CHECK(dry.out.find((b / "dang_vien.csv").string()) != std::string::npos);

  auto twice = runCli({"--db", db, "import", a.string(), a.string()});
  CHECK(twice.code != cli::kOk);
  CHECK(twice.err.find("hai lần") != std::string::npos);  // "... is named twice in the import."

  auto done = runCli({"--db", db, "import", a.string(), b.string()});
  CHECK(done.code == cli::kOk);
  auto s = services::Services::openForReading(dir / "d.db");
  CHECK(count(*s, "members") == 42);
}
