// Progress and cancel of a long import (core::Progress): the stages and counts reported, a cancel while
// checking or while writing rolls everything back, and the CLI's progress line.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sstream>
#include <string>
#include <vector>

#include "../RecordingProgress.h"
#include "../TestUtil.h"
#include "cli/CliProgress.h"
#include "core/Progress.h"
#include "exchange/Import.h"
#include "services/Import.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::RecordingProgress;
using dangbo::test::TempDir;
using dangbo::test::writeFile;

namespace {

// A folder with one cell and `n` members (a first load: above the bulk threshold from 5000).
std::filesystem::path writeMembers(const std::filesystem::path& dir, int n) {
  std::filesystem::create_directories(dir);
  writeFile(dir / "to_chuc.csv",
            "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n"
            "CB01,Chi bộ bản Nà Ớt,Chi bộ trực thuộc,Bản,01/08/2000,,,Có\n");
  std::ostringstream m;
  m << "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,"
       "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Tình trạng,"
       "Ngày thay đổi tình trạng\n";
  for (int i = 0; i < n; ++i)
    m << "TV" << 200000 + i << ",Quàng Thị Ơn " << i << ",1975,Nữ,Thái,Không,Mường Thử,Bản Hua,12/12,,,,CB01,"
      << "01/02/2001,01/02/2002,Đang sinh hoạt,\n";
  writeFile(dir / "dang_vien.csv", m.str());
  return dir;
}

std::unique_ptr<services::Services> emptyRegister(const std::filesystem::path& db) {
  return services::Services::create(
      db, {"Đảng bộ xã Mường Thử", "Mường Thử", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ MƯỜNG THỬ"});
}

int64_t count(services::Services& s, const std::string& sql) {
  return services::storeOf(s).db().execAndGet(sql).getInt64();
}

// What a cancelled import must leave as it was.
struct Snapshot {
  int64_t members, organizations, audit, revision, indexes;
  explicit Snapshot(services::Services& s)
      : members(count(s, "SELECT count(*) FROM members")),
        organizations(count(s, "SELECT count(*) FROM organizations")),
        audit(count(s, "SELECT count(*) FROM audit_log")),
        revision(count(s, "SELECT revision FROM committee WHERE id = 1")),
        indexes(count(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'")) {}
  bool operator==(const Snapshot&) const = default;
};

}  // namespace

TEST_CASE("import progress: checking, then writing every row, then the indexes, counts rise to the total") {
  TempDir dir;
  auto s = emptyRegister(dir / "d.db");
  auto batch = exchange::readImport(writeMembers(dir / "load", 6000));
  RecordingProgress p;
  auto result = services::applyImport(*s, services::Actor::localOffice(), batch, &p);
  CHECK(result.written);
  CHECK(result.added == 6001);
  REQUIRE(p.stages.size() == 3);
  CHECK(p.stages[0].what == "Đang kiểm tra các dòng");
  CHECK(p.stages[1].what == "Đang ghi các dòng");
  CHECK(p.stages[2].what == "Đang lập chỉ mục");
  for (size_t i : {0u, 1u}) {
    const auto& st = p.stages[i];
    CHECK(st.total == 6001);
    REQUIRE(!st.updates.empty());
    CHECK(st.updates.back() == 6001);  // the last count is the whole
    for (size_t k = 1; k < st.updates.size(); ++k) CHECK(st.updates[k] >= st.updates[k - 1]);
    // Passed on about 200 times a stage, not once a row.
    CHECK(st.updates.size() >= 100);
    CHECK(st.updates.size() <= 210);
  }
}

TEST_CASE("import progress: a cancel while writing rolls the whole import back, indexes included") {
  TempDir dir;
  auto s = emptyRegister(dir / "d.db");
  auto batch = exchange::readImport(writeMembers(dir / "load", 6000));
  const Snapshot before(*s);
  RecordingProgress p;
  p.stopIn = "Đang ghi các dòng";
  p.stopAt = 100;  // about half way
  try {
    services::applyImport(*s, services::Actor::localOffice(), batch, &p);
    FAIL("the import was not stopped");
  } catch (const core::Cancelled& e) {
    CHECK(std::string(e.what()) == "Đã dừng theo yêu cầu của bạn: không có gì thay đổi.");
  }
  REQUIRE(p.stages.size() == 2);
  CHECK(p.stages[1].updates.back() > 2000);  // rows had been written when it stopped
  CHECK(Snapshot(*s) == before);
  CHECK(services::storeOf(*s).integrityCheck() == "ok");
  // The same import then goes through whole.
  auto result = services::applyImport(*s, services::Actor::localOffice(), batch);
  CHECK(result.added == 6001);
  CHECK(count(*s, "SELECT count(*) FROM members") == 6000);
}

TEST_CASE("import progress: a cancel while checking writes nothing, in the dry run too") {
  TempDir dir;
  auto s = emptyRegister(dir / "d.db");
  auto batch = exchange::readImport(writeMembers(dir / "load", 1000));
  const Snapshot before(*s);
  RecordingProgress p;
  p.stopIn = "Đang kiểm tra các dòng";
  p.stopAt = 3;
  CHECK_THROWS_AS(services::applyImport(*s, services::Actor::localOffice(), batch, &p), core::Cancelled);
  CHECK(p.stages.size() == 1);
  CHECK(Snapshot(*s) == before);
  RecordingProgress dry;
  dry.stopIn = "Đang kiểm tra các dòng";
  dry.stopAt = 2;
  CHECK_THROWS_AS(services::planImport(*s, services::Actor::localOffice(), batch, &dry), core::Cancelled);
}

TEST_CASE(
    "CLI progress line: rewritten in place with Vietnamese counts, cleared at the end, none off a terminal") {
  std::ostringstream err;
  {
    cli::LineProgress line(err);
    line.stage("Đang ghi các dòng", 2000);
    CHECK(line.update(1000));
    CHECK(err.str().find("\rĐang ghi các dòng: 1.000 / 2.000 (50%)") != std::string::npos);
    line.update(2000);
    CHECK(err.str().find("2.000 / 2.000 (100%)") != std::string::npos);
  }
  // Cleared: the line ends with a carriage return after blanks, so that what follows starts clean.
  CHECK(err.str().back() == '\r');
  CHECK(err.str().find('\n') == std::string::npos);
  std::ostringstream notTerminal;
  CHECK(cli::terminalProgress(notTerminal) == nullptr);
}
