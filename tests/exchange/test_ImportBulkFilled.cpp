// A large import into a register that already holds members (the next file of a province's register) is a
// bulk load too when it pays (services::bulkLoadPays): its result must be the one of the same files written
// row by row with every index kept (IndexLoad::kRowByRow): the same rows, search hits, audit rows, indexes
// and triggers; and a cancel must leave the filled register as it was.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sstream>
#include <string>
#include <vector>

#include "../RecordingProgress.h"
#include "../TestUtil.h"
#include "../services/MemberCountsCheck.h"
#include "core/Errors.h"
#include "core/Progress.h"
#include "exchange/Import.h"
#include "services/Import.h"
#include "services/MemberList.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/SearchIndex.h"

using namespace dangbo;
using dangbo::test::RecordingProgress;
using dangbo::test::TempDir;
using dangbo::test::writeFile;

namespace {

const std::string kMembersHeader =
    "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,"
    "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Tình trạng,"
    "Ngày thay đổi tình trạng\n";

std::unique_ptr<services::Services> freshRegister(const std::filesystem::path& db) {
  return services::Services::create(
      db, {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
}

std::string memberRow(int i, const std::string& name, const char* cell, const std::string& status,
                      const std::string& since) {
  std::ostringstream m;
  m << "DV" << 100000 + i << ',' << name << ",05/03/1967,Nam,Thái,Không,Phiêng Pằn,Bản Nà Ớt,12/12,,,,"
    << cell << ",03/02/1990,03/02/1991," << status << ',' << since << '\n';
  return m.str();
}

// The first folder: three cells and members 0..n-1.
std::filesystem::path writeFirst(const std::filesystem::path& dir, int n) {
  std::filesystem::create_directories(dir);
  writeFile(dir / "to_chuc.csv",
            "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n"
            "CB01,Chi bộ bản Nà Ớt,Chi bộ trực thuộc,Bản,01/08/2000,,,Có\n"
            "CB02,Chi bộ bản Co Kè,Chi bộ trực thuộc,Bản,01/08/2000,,,Không\n"
            "CB03,Chi bộ bản Hua,Chi bộ trực thuộc,Bản,01/08/2000,,,Không\n");
  std::string members = kMembersHeader;
  for (int i = 0; i < n; ++i)
    members += memberRow(i, "Lò Văn Pằn " + std::to_string(i), i % 2 ? "CB01" : "CB02", "Đang sinh hoạt", "");
  writeFile(dir / "dang_vien.csv", members);
  return dir;
}

// The next folder: members from..from+n-1 new, and every 7th stored member changed (a new name, so the search
// index must forget the old one; another cell, so a "moved" event; every 21st exempt since a day), then
// candidates (a file after the members, written once their indexes are back).
std::filesystem::path writeNext(const std::filesystem::path& dir, int from, int n) {
  std::filesystem::create_directories(dir);
  std::string members = kMembersHeader;
  for (int i = 0; i < from; i += 7)
    members += memberRow(i, "Quàng Thị Ơn " + std::to_string(i), "CB03",
                         i % 21 ? "Đang sinh hoạt" : "Miễn sinh hoạt", i % 21 ? "" : "01/06/2026");
  for (int i = from; i < from + n; ++i)
    members +=
        memberRow(i, "Cầm Văn Xuân " + std::to_string(i), i % 3 ? "CB01" : "CB03", "Đang sinh hoạt", "");
  writeFile(dir / "dang_vien.csv", members);
  std::string candidates = "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Mã chi bộ,Ngày vào danh sách\n";
  for (int i = 0; i < 40; ++i)
    candidates += "QC" + std::to_string(500 + i) + ",Lường Thị Ánh " + std::to_string(i) +
                  ",12/04/2001,Nữ,Thái,CB03,01/03/2026\n";
  writeFile(dir / "quan_chung.csv", candidates);
  return dir;
}

std::vector<std::string> columnsOf(SQLite::Database& db, const std::string& table) {
  std::vector<std::string> out;
  SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  q.bind(1, table);
  while (q.executeStep()) {
    std::string c = q.getColumn(0).getString();
    // The time of writing differs between two runs; the audit's hash chain follows from it.
    if (c == "at" || c == "hash" || c == "prev_hash" || (c.size() > 3 && c.ends_with("_at"))) continue;
    out.push_back(c);
  }
  return out;
}

// Every row of `table` (but for its times of writing), one per line, in rowid order.
std::string dump(services::Services& s, const std::string& table) {
  auto& db = services::storeOf(s).db();
  std::string cols;
  for (const auto& c : columnsOf(db, table))
    cols += (cols.empty() ? "quote(\"" : " || '|' || quote(\"") + c + "\")";
  SQLite::Statement q(db, "SELECT " + cols + " FROM " + table + " ORDER BY rowid");
  std::string out;
  while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
  return out;
}

// The schema: every table, index and trigger with its definition.
std::string schema(services::Services& s) {
  SQLite::Statement q(
      services::storeOf(s).db(),
      "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
  std::string out;
  while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
  return out;
}

// What the name search index answers, straight from it and through the members page's search.
std::string searchHits(services::Services& s) {
  std::string out;
  auto& db = services::storeOf(s).db();
  for (const char* token : {"pan", "quang thi", "xuan 1", "on 7", "van"}) {
    SQLite::Statement q(
        db,
        "SELECT group_concat(rowid) FROM (SELECT rowid FROM member_search WHERE member_search "
        "MATCH ? ORDER BY rowid)");
    q.bind(1, std::string("\"") + token + "\"");
    q.executeStep();
    out += std::string(token) + ": " + (q.getColumn(0).isNull() ? "" : q.getColumn(0).getString()) + "\n";
  }
  for (const char* search : {"pan 5998", "pan 5999", "quang thi on 5999", "xuan 10999", "ơn", "a"}) {
    services::MemberFilter f;
    f.asOf = *core::Date::make(2026, 11, 29);
    f.search = search;
    out += std::string(search) + " =";
    for (const auto& m : services::listMembers(s, services::Actor::localOffice(), f)) out += " " + m.code;
    out += "\n";
  }
  return out;
}

bool rebuiltIndexes(const RecordingProgress& p) {
  return p.find("Đang lập chỉ mục") != nullptr;
}

// A register `a` of `stored` members read from the folder `first` (the progress of that import kept), and the
// next folder: `added` new members and every 7th stored one changed.
struct TwoFolders {
  TempDir dir;
  std::filesystem::path first, next;
  services::Actor office = services::Actor::localOffice();
  std::unique_ptr<services::Services> a;
  std::string emptySchema;
  RecordingProgress firstProgress;
  TwoFolders(int stored, int added)
      : first(writeFirst(dir / "first", stored)),
        next(writeNext(dir / "next", stored, added)),
        a(freshRegister(dir / "a.db")),
        emptySchema(schema(*a)) {
    services::applyImport(*a, office, exchange::readImport(first), &firstProgress);
  }
};

// The register `a` made of the folders `first` and `next` against the same folders written row by row with
// every index kept (IndexLoad::kRowByRow): the same schema, rows, audit, search hits and counts.
void checkSameAsRowByRow(const std::filesystem::path& dir, const std::filesystem::path& first,
                         const std::filesystem::path& next, services::Services& a,
                         const services::ImportResult& resultA, const std::string& emptySchema) {
  const auto office = services::Actor::localOffice();
  auto b = freshRegister(dir / "b.db");
  {
    RecordingProgress p;
    services::applyImport(*b, office, exchange::readImport(first), &p, services::IndexLoad::kRowByRow);
    CHECK_FALSE(rebuiltIndexes(p));
  }
  auto resultB =
      services::applyImport(*b, office, exchange::readImport(next), nullptr, services::IndexLoad::kRowByRow);
  CHECK(resultB.added == resultA.added);
  CHECK(resultB.updated == resultA.updated);

  CHECK(schema(a) == emptySchema);  // every index and trigger back as it was defined
  CHECK(schema(a) == schema(*b));
  for (const char* table :
       {"members", "member_events", "organizations", "candidates", "audit_log", "committee"})
    CHECK_MESSAGE(dump(a, table) == dump(*b, table), table);
  CHECK(dump(a, "members").find("Quàng Thị Ơn 14") != std::string::npos);
  const std::string hits = searchHits(a);
  CHECK(hits == searchHits(*b));
  // The renamed members are found by their new names only, the new ones by theirs.
  CHECK(hits.find("pan 5998 = DV105998\n") != std::string::npos);
  CHECK(hits.find("pan 5999 =\n") != std::string::npos);  // "Lò Văn Pằn 5999" is now "Quàng Thị Ơn 5999"
  CHECK(hits.find("quang thi on 5999 = DV105999\n") != std::string::npos);
  for (auto* s : {&a, b.get()}) {
    CHECK(services::storeOf(*s).integrityCheck() == "ok");
    CHECK(store::memberSearchIndexSound(services::storeOf(*s)));
    dangbo::test::checkMemberCounts(*s, *core::Date::make(2026, 11, 29));  // rebuilt (A), kept (B)
  }
  CHECK(store::keptMemberCounts(services::storeOf(a)) == store::keptMemberCounts(services::storeOf(*b)));
}

}  // namespace

TEST_CASE("bulkLoadPays: from kBulkLoadRows new members that are a large share of the register") {
  CHECK(services::bulkLoadPays(services::kBulkLoadRows, 0));
  CHECK_FALSE(services::bulkLoadPays(services::kBulkLoadRows - 1, 0));
  CHECK(services::bulkLoadPays(100000, 100000));
  CHECK(services::bulkLoadPays(100000, 100000 * services::kBulkLoadShare));
  CHECK_FALSE(services::bulkLoadPays(100000, 100000 * services::kBulkLoadShare + 1));
  CHECK(services::bulkLoadPays(1000000,
                               5000000));  // the sixth file of a nation's register (files of a million)
}

TEST_CASE("recountPays: from kBulkLoadRows new members that are a sixteenth of the register or more") {
  CHECK(services::recountPays(services::kBulkLoadRows, 16 * services::kBulkLoadRows));
  CHECK_FALSE(services::recountPays(services::kBulkLoadRows, 16 * services::kBulkLoadRows + 1));
  CHECK_FALSE(services::recountPays(services::kBulkLoadRows - 1, 0));
  CHECK(services::recountPays(137143, 1000000));      // the second file of the million bench
  CHECK_FALSE(services::recountPays(5000, 1000000));  // a commune's file into a province
}

TEST_CASE("import: a second large file into a filled register, bulk or row by row, gives the same register") {
  // A: both files as bulk loads (the second one: 5.000 new members beside 6.000 stored).
  TwoFolders t(6000, 5000);
  auto& a = t.a;
  CHECK(rebuiltIndexes(t.firstProgress));
  RecordingProgress progress;
  auto resultA = services::applyImport(*a, t.office, exchange::readImport(t.next), &progress);
  CHECK(rebuiltIndexes(progress));
  // The indexes came back after the members' file, before the candidates' file was written.
  REQUIRE(progress.stages.size() == 4);
  CHECK(progress.stages[1].what == "Đang ghi các dòng");
  CHECK(progress.stages[1].total == 5000 + 858);
  CHECK(progress.stages[2].what == "Đang lập chỉ mục");
  CHECK(progress.stages[3].what == "Đang ghi các dòng");
  CHECK(progress.stages[3].total == 40);
  CHECK(resultA.added == 5040);
  CHECK(resultA.updated == 858);

  checkSameAsRowByRow(t.dir.path(), t.first, t.next, *a, resultA, t.emptySchema);
  CHECK(searchHits(*a).find("xuan 10999 = DV110999\n") != std::string::npos);
}

TEST_CASE(
    "import: many new members into a register too large for a bulk load are written with their indexes, "
    "their names indexed and their counts counted after the members' file, the same register as row by row") {
  TwoFolders t(26000, 5000);
  auto& a = t.a;
  REQUIRE_FALSE(services::bulkLoadPays(5000, 26000));
  REQUIRE(services::recountPays(5000, 26000));  // and the counts counted afresh after the members' file
  RecordingProgress progress;
  auto resultA = services::applyImport(*a, t.office, exchange::readImport(t.next), &progress);
  // Only the name search index waited: it was built after the members' file, before the candidates'.
  REQUIRE(progress.stages.size() == 4);
  CHECK(progress.stages[2].what == "Đang lập chỉ mục");
  CHECK(progress.stages[3].total == 40);
  CHECK(resultA.added == 5040);
  CHECK(resultA.updated == 3715);
  checkSameAsRowByRow(t.dir.path(), t.first, t.next, *a, resultA, t.emptySchema);
  services::MemberFilter f;
  f.asOf = *core::Date::make(2026, 11, 29);
  f.search = "xuan 30999";  // the last new member, indexed at the end
  const auto found = services::listMembers(*a, t.office, f);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV130999");
}

TEST_CASE(
    "import: a bulk load cancelled in a filled register leaves it, its indexes and its search as they were") {
  TempDir dir;
  auto s = freshRegister(dir / "d.db");
  const auto office = services::Actor::localOffice();
  services::applyImport(*s, office, exchange::readImport(writeFirst(dir / "first", 6000)));
  const std::string schemaBefore = schema(*s), membersBefore = dump(*s, "members"),
                    eventsBefore = dump(*s, "member_events"), auditBefore = dump(*s, "audit_log"),
                    hitsBefore = searchHits(*s);
  const auto countsBefore = store::keptMemberCounts(services::storeOf(*s));
  RecordingProgress p;
  p.stopIn = "Đang ghi các dòng";
  p.stopAt = 100;  // about half of the members' file written
  CHECK_THROWS_AS(
      services::applyImport(*s, office, exchange::readImport(writeNext(dir / "next", 6000, 5000)), &p),
      core::Cancelled);
  CHECK_FALSE(rebuiltIndexes(p));  // stopped while writing the members, their indexes dropped
  CHECK(schema(*s) == schemaBefore);
  CHECK(dump(*s, "members") == membersBefore);
  CHECK(dump(*s, "member_events") == eventsBefore);
  CHECK(dump(*s, "audit_log") == auditBefore);
  CHECK(searchHits(*s) == hitsBefore);
  CHECK(store::memberSearchIndexSound(services::storeOf(*s)));
  CHECK(store::keptMemberCounts(services::storeOf(*s)) == countsBefore);
}

TEST_CASE("import: a small file into a large register keeps its indexes row by row") {
  TempDir dir;
  auto s = freshRegister(dir / "d.db");
  const auto office = services::Actor::localOffice();
  services::applyImport(*s, office, exchange::readImport(writeFirst(dir / "first", 6000)));
  RecordingProgress p;
  // 5.000 new members beside 6.000 would pay; 1.000 (under kBulkLoadRows) does not.
  auto r = services::applyImport(*s, office, exchange::readImport(writeNext(dir / "next", 6000, 1000)), &p);
  CHECK(r.added == 1040);
  CHECK_FALSE(rebuiltIndexes(p));
  services::MemberFilter f;
  f.asOf = *core::Date::make(2026, 11, 29);
  f.search = "xuan 6999";  // written through the triggers
  auto found = services::listMembers(*s, office, f);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV106999");
  dangbo::test::checkMemberCounts(*s, f.asOf);  // kept row by row by the triggers
}
