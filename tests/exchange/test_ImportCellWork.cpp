// Import of the cells' monthly work (spec/import.md version 2): through services/CellWork's door, with the
// account's scope, the door's checks and its audit rows.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <string>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "exchange/Import.h"
#include "services/CellWork.h"
#include "services/Import.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
using dangbo::test::writeFile;
using services::Actor;

namespace {
const Actor kOffice = Actor::localOffice();
const std::string kOrgHeader = "Mã,Tên,Loại,Khối,Ngày thành lập,Có chi ủy\n";
const std::string kMemberHeader =
    "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,"
    "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Tình trạng,"
    "Ngày thay đổi tình trạng\n";
std::string member(const std::string& code, const std::string& name, const std::string& cell) {
  return code + "," + name + ",1980,Nam,Thái,Không,Phiêng Pằn,Bản Nà Ớt,12/12,khong,chua,Nông dân," + cell +
         ",2010-05-19,2011-05-19,Đang sinh hoạt,\n";
}
const std::string kMeetingHeader = "Mã chi bộ,Ngày,Loại,Nội dung,Bắt đầu,Kết thúc,Chủ trì,Xếp loại\n";
const std::string kAttendanceHeader = "Mã chi bộ,Ngày,Loại,Mã đảng viên,Tình trạng,Lý do\n";
const std::string kBasisHeader =
    "Mã đảng viên,Từ tháng,Đối tượng,Thu nhập tính đảng phí,\"Miễn, giảm\",Căn cứ\n";
const std::string kPaymentHeader = "Mã đảng viên,Tháng,Số tiền,Ngày nộp,Hình thức,Số biên lai\n";
const std::string kLeaveHeader = "Mã đảng viên,Từ ngày,Đến ngày,Lý do,Căn cứ\n";

struct Fixture {
  TempDir dir;
  std::unique_ptr<services::Services> s =
      services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  int n = 0;
  services::ImportBatch batch(const std::map<std::string, std::string>& files) {
    auto folder = dir / ("in" + std::to_string(++n));
    std::filesystem::create_directories(folder);
    for (const auto& [name, text] : files) writeFile(folder / name, text);
    return exchange::readImport(folder);
  }
  std::string one(const std::string& sql) {
    SQLite::Statement q(services::storeOf(*s).db(), sql);
    if (!q.executeStep()) return "<none>";
    return q.getColumn(0).isNull() ? std::string("NULL") : q.getColumn(0).getString();
  }
  std::map<std::string, std::string> base() {
    return {{"to_chuc.csv", kOrgHeader + "CB01,Chi bộ bản Nà Ớt,truc_thuoc,ban,2000-01-01,Có\n"
                                         "CB02,Chi bộ bản Phiêng,truc_thuoc,ban,2000-01-01,Có\n"},
            {"dang_vien.csv", kMemberHeader + member("DV001", "Lò Văn Pằn", "CB01") +
                                  member("DV002", "Quàng Văn Ban", "CB01") +
                                  member("DV003", "Cà Văn Hoa", "CB02")}};
  }
};
}  // namespace

TEST_CASE("import cell work: the four files with the members they name, in one import") {
  Fixture f;
  auto files = f.base();
  files["sinh_hoat.csv"] = kMeetingHeader +
                           "CB01,24/01/2026,Thường kỳ,Nghị quyết tháng,19:30,21:15,DV001,Tốt\n"
                           "CB01,10/02/2026,Chuyên đề,Học tập chuyên đề,,,,\n";
  files["diem_danh.csv"] = kAttendanceHeader +
                           "CB01,24/01/2026,Thường kỳ,DV001,Có mặt,\n"
                           "CB01,24/01/2026,,DV002,Vắng không lý do,\n";
  files["muc_dang_phi.csv"] = kBasisHeader +
                              "DV001,01/2026,\"Hưởng lương, BHXH\",6.000.000,,\n"
                              "DV002,01/2026,\"Học sinh, sinh viên\",,,\n";
  files["dang_phi.csv"] = kPaymentHeader +
                          "DV001,01/2026,60.000,25/01/2026,Tiền mặt,BL01\n"
                          "DV001,02/2026,60000,25/02/2026,Cổng dịch vụ công,\n";
  files["tam_mien.csv"] = kLeaveHeader + "DV002,01/03/2026,31/08/2026,Đi làm xa,\n";
  auto plan = services::planImport(*f.s, kOffice, f.batch(files));
  CAPTURE(plan.problems.empty() ? std::string() : plan.problems.front());
  REQUIRE(plan.ok());
  for (const auto& pf : plan.files)
    if (pf.kind == "dang_phi") CHECK(pf.added == 2);
  CHECK(f.one("SELECT count(*) FROM meetings") == "0");  // a dry run writes nothing
  auto result = services::applyImport(*f.s, kOffice, f.batch(files));
  CHECK(result.written);
  CHECK(f.one("SELECT count(*) FROM meetings") == "2");
  CHECK(f.one("SELECT group_concat(status, ',') FROM meeting_attendance") == "co_mat,vang_khong_ly_do");
  CHECK(f.one("SELECT sum(amount_vnd) FROM dues_payments") == "120000");
  CHECK(f.one("SELECT channel FROM dues_payments WHERE month = '2026-02'") == "cong_dvc");
  CHECK(f.one("SELECT base_vnd FROM dues_bases WHERE category = 'bhxh'") == "6000000");
  CHECK(f.one("SELECT to_on FROM activity_leaves") == "2026-08-31");
  // One audit row per record, by the door: a meeting, its attendance, each payment.
  CHECK(f.one("SELECT count(*) FROM audit_log WHERE action = 'dues_payment.add'") == "2");
  CHECK(f.one("SELECT group_concat(action || ' ' || new_value, '|') FROM audit_log WHERE record = "
              "'meeting:CB01/2026-01-24/thuong_ky'") ==
        "meeting.add topic: Nghị quyết tháng; starts_at: 19:30; ends_at: 21:15; chair: DV001; grade: tot|"
        "meeting.update attendance DV001: co_mat; attendance DV002: vang_khong_ly_do");
  // Again: nothing changes.
  auto again = services::planImport(*f.s, kOffice, f.batch(files));
  CHECK_FALSE(again.changesAnything());
}

TEST_CASE("import cell work: a month paid twice, a bad amount, another cell's member for a secretary") {
  Fixture f;
  services::applyImport(*f.s, kOffice, f.batch(f.base()));
  const Actor secretary{"bithu", "secretary",
                        std::stoll(f.one("SELECT id FROM organizations WHERE code = 'CB02'"))};
  auto plan = services::planImport(
      *f.s, kOffice,
      f.batch({{"dang_phi.csv", kPaymentHeader + "DV001,01/2026,60.000,25/01/2026,Tiền mặt,\n"
                                                 "DV001,01/2026,60.000,26/01/2026,Tiền mặt,\n"
                                                 "DV002,02/2026,sáu chục,25/02/2026,Tiền mặt,\n"}}));
  REQUIRE(plan.problems.size() == 2);
  CHECK(plan.problems[0].find("dang_phi.csv, dòng 3") != std::string::npos);
  CHECK(plan.problems[1].find("sáu chục") != std::string::npos);
  const std::string audit = f.one("SELECT count(*) FROM audit_log");
  auto mine = f.batch({{"dang_phi.csv", kPaymentHeader + "DV003,01/2026,60.000,25/01/2026,Tiền mặt,\n"
                                                         "DV001,01/2026,60.000,25/01/2026,Tiền mặt,\n"}});
  auto scoped = services::planImport(*f.s, secretary, mine);
  REQUIRE(scoped.problems.size() == 1);
  CHECK(scoped.problems[0].find("dòng 3") != std::string::npos);
  CHECK_THROWS_AS(services::applyImport(*f.s, secretary, mine), core::DataError);
  CHECK(f.one("SELECT count(*) FROM dues_payments") == "0");
  CHECK(f.one("SELECT count(*) FROM audit_log") == audit);
  // Attendance for a meeting that does not exist, and an absence without reason of a member on leave.
  services::saveLeave(*f.s, kOffice,
                      {"DV002", *core::Date::parse("2026-01-01"), *core::Date::parse("2026-03-31"), "", ""});
  auto att = services::planImport(
      *f.s, kOffice,
      f.batch({{"sinh_hoat.csv", kMeetingHeader + "CB01,24/01/2026,Thường kỳ,,,,,\n"},
               {"diem_danh.csv", kAttendanceHeader + "CB01,24/01/2026,Thường kỳ,DV002,Vắng không lý do,\n"
                                                     "CB01,25/01/2026,Thường kỳ,DV001,Có mặt,\n"}}));
  REQUIRE(att.problems.size() == 2);
  CHECK(att.problems[0].find("DV002") != std::string::npos);
  CHECK(att.problems[1].find("25/01/2026") != std::string::npos);
}
