// Import through the one door: the account's scope (a secretary: their own cell; organizations, the
// committee and targets: the office; case files: the inspection committee, for reading as for writing) and an
// audit row per changed record with the old and new value of each changed field.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>
#include <string>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "exchange/Import.h"
#include "services/Import.h"
#include "services/MemberList.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
using dangbo::test::writeFile;
using services::Actor;
using services::ImportAction;

namespace {

const Actor kOffice = Actor::localOffice();
const Actor kInspection{"kiemtra", "inspection", std::nullopt};

const std::string kOrgHeader = "Mã,Tên,Loại,Khối,Ngày thành lập,Có chi ủy\n";
const std::string kMemberHeader =
    "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,"
    "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Tình trạng,"
    "Ngày thay đổi tình trạng\n";
const std::string kDisciplineHeader =
    "Số quyết định,Ngày quyết định,Đối tượng,Mã,Hình thức,Cấp quyết định,Nội dung vi phạm\n";

std::string member(const std::string& code, const std::string& name, const std::string& cell) {
  return code + "," + name + ",1980,Nam,Thái,Không,Phiêng Pằn,Bản Nà Ớt,12/12,khong,chua,Nông dân," + cell +
         ",2010-05-19,2011-05-19,Đang sinh hoạt,\n";
}

// A register of two cells, a member in each, a discipline decision on the member of CB02; the secretary of
// CB01 and the ids of the cells.
struct Register {
  TempDir dir;
  std::unique_ptr<services::Services> s;
  Actor secretary;

  Register() {
    s = services::Services::create(dir / "r.db", {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La",
                                                  "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
    services::applyImport(
        *s, kOffice,
        batch({{"to_chuc.csv", kOrgHeader + "CB01,Chi bộ bản Nà Ớt,co_so,ban,2000-01-01,Có\n"
                                            "CB02,Chi bộ bản Phiêng,co_so,ban,2000-01-01,Có\n"},
               {"dang_vien.csv", kMemberHeader + member("DV001", "Lò Văn Pằn", "CB01") +
                                     member("DV002", "Quàng Văn Ban", "CB02")}}));
    services::applyImport(
        *s, kInspection,
        batch({{"ky_luat.csv", kDisciplineHeader + "12-QĐ,2024-07-01,Đảng viên,DV002,Khiển trách,UBKT,"
                                                   "Nội dung mật ban đầu\n"}}));
    secretary =
        Actor{"bithu", "secretary", std::stoll(one("SELECT id FROM organizations WHERE code = 'CB01'"))};
  }
  services::ImportBatch batch(const std::map<std::string, std::string>& files) {
    static int n = 0;
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
  std::string state() {
    return one("SELECT group_concat(code || '|' || full_name || '|' || cell_id, ';') FROM members") + "#" +
           one("SELECT group_concat(violation, ';') FROM disciplines") + "#" +
           one("SELECT group_concat(code || '|' || name, ';') FROM organizations") + "#" +
           one("SELECT count(*) FROM audit_log") + "#" + one("SELECT count(*) FROM targets") + "#" +
           one("SELECT count(*) FROM ratings");
  }
  // Refused as a plan and when applied, with the message naming `file`, `row`, `column`; nothing written.
  void refused(const Actor& a, const std::map<std::string, std::string>& files, const std::string& file,
               int row, const std::string& column) {
    const std::string before = state();
    auto b = batch(files);
    auto plan = services::planImport(*s, a, b);
    CHECK_FALSE(plan.ok());
    // Row 0: the whole file is refused, named first.
    std::string where = services::importProblem(file, row, column, "");
    where = row ? where.substr(0, where.size() - 1) : file + ": ";
    bool named = false;
    for (const auto& p : plan.problems) named = named || p.find(where) == 0;
    CAPTURE(plan.problems.empty() ? std::string() : plan.problems.front());
    CHECK(named);
    CHECK_THROWS_AS(services::applyImport(*s, a, b), core::DataError);
    CHECK(state() == before);
  }
};

}  // namespace

TEST_CASE("import scope: a secretary's import touches only their own cell's members") {
  Register r;
  SUBCASE("renaming a member of another cell") {
    r.refused(r.secretary, {{"dang_vien.csv", kMemberHeader + member("DV002", "Tên Khác", "CB02")}},
              "dang_vien.csv", 2, "Mã");
  }
  SUBCASE("moving a member of another cell into their cell") {
    r.refused(r.secretary,
              {{"dang_vien.csv", kMemberHeader + member("DV001", "Lò Văn Pằn", "CB01") +
                                     member("DV002", "Quàng Văn Ban", "CB01")}},
              "dang_vien.csv", 3, "Mã");
  }
  SUBCASE("moving their own member out of their cell") {
    r.refused(r.secretary, {{"dang_vien.csv", kMemberHeader + member("DV001", "Lò Văn Pằn", "CB02")}},
              "dang_vien.csv", 2, "Mã chi bộ");
  }
  SUBCASE("a new member in another cell") {
    r.refused(r.secretary, {{"dang_vien.csv", kMemberHeader + member("DV003", "Cà Văn Xoan", "CB02")}},
              "dang_vien.csv", 2, "Mã chi bộ");
  }
  SUBCASE("a candidate sponsored by a member of another cell") {
    r.refused(r.secretary,
              {{"quan_chung.csv",
                "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Mã chi bộ,Ngày vào danh sách,Người giới thiệu 1\n"
                "QC01,Lường Văn Sơn,2000,Nam,Tày,CB01,01/03/2024,DV002\n"}},
              "quan_chung.csv", 2, "Người giới thiệu 1");
  }
  SUBCASE("a rating of a member of another cell, or of a cell") {
    r.refused(r.secretary, {{"xep_loai.csv", "Năm,Đối tượng,Mã,Xếp loại\n2024,Đảng viên,DV002,HTTNV\n"}},
              "xep_loai.csv", 2, "Mã");
    r.refused(r.secretary, {{"xep_loai.csv", "Năm,Đối tượng,Mã,Xếp loại\n2024,Tổ chức,CB01,HTXSNV\n"}},
              "xep_loai.csv", 2, "Đối tượng");
  }
  SUBCASE("their own cell's member and rating pass, each change audited with old and new values") {
    auto b = r.batch({{"dang_vien.csv", kMemberHeader + member("DV001", "Lò Văn Pằn Mới", "CB01")},
                      {"xep_loai.csv", "Năm,Đối tượng,Mã,Xếp loại\n2024,Đảng viên,DV001,HTTNV\n"}});
    auto res = services::applyImport(*r.s, r.secretary, b);
    CHECK(res.updated == 1);
    CHECK(res.added == 1);
    CHECK(r.one("SELECT full_name FROM members WHERE code = 'DV001'") == "Lò Văn Pằn Mới");
    CHECK(r.one("SELECT username || '|' || old_value || '|' || new_value FROM audit_log WHERE action = "
                "'member.update' AND record = 'member:DV001' ORDER BY id DESC LIMIT 1") ==
          "bithu|full_name: Lò Văn Pằn|full_name: Lò Văn Pằn Mới");
    CHECK(r.one("SELECT username || '|' || record || '|' || new_value FROM audit_log WHERE action = "
                "'rating.decide'") == "bithu|rating:2024:dang_vien:DV001|self= proposed= level=HTTNV");
  }
}

TEST_CASE("import scope: organizations, the committee and targets need the office or an administrator") {
  Register r;
  r.refused(r.secretary, {{"to_chuc.csv", kOrgHeader + "CB02,Chi bộ bản Phiêng,co_so,ban,2000-01-01,Có\n"}},
            "to_chuc.csv", 0, "");
  r.refused(r.secretary,
            {{"chi_tieu.csv", "Chỉ tiêu,Từ năm,Đến năm,Giá trị\nket_nap_nhiem_ky,2025,2030,99\n"}},
            "chi_tieu.csv", 0, "");
  r.refused(r.secretary, {{"cap_uy.csv", "Nhiệm kỳ,Mã đảng viên,Chức vụ\n2025-2030,DV001,Bí thư\n"}},
            "cap_uy.csv", 0, "");
  r.refused(kInspection,
            {{"chi_tieu.csv", "Chỉ tiêu,Từ năm,Đến năm,Giá trị\nket_nap_nhiem_ky,2025,2030,99\n"}},
            "chi_tieu.csv", 0, "");
  auto res = services::applyImport(
      *r.s, kOffice,
      r.batch({{"chi_tieu.csv", "Chỉ tiêu,Từ năm,Đến năm,Giá trị\nket_nap_nhiem_ky,2025,2030,99\n"}}));
  CHECK(res.added == 1);
}

TEST_CASE("import scope: case files are read and written by the inspection committee only, with no oracle") {
  Register r;
  const std::string right = kDisciplineHeader +
                            "12-QĐ,2024-07-01,Đảng viên,DV002,Khiển trách,UBKT,"
                            "Nội dung mật ban đầu\n";
  const std::string guess = kDisciplineHeader +
                            "12-QĐ,2024-07-01,Đảng viên,DV002,Khiển trách,UBKT,"
                            "Một câu đoán sai\n";
  for (const Actor& a : {kOffice, r.secretary, Actor{"lanhdao", "leadership", std::nullopt}}) {
    CAPTURE(a.role);
    if (a.role != "leadership") {
      r.refused(a, {{"ky_luat.csv", guess}}, "ky_luat.csv", 0, "");
      r.refused(a,
                {{"kiem_tra.csv",
                  "Số,Ngày,Đối tượng,Mã,Loại,Kết luận\n01,2024-06-15,Đảng viên,DV002,"
                  "thuong_xuyen,Viết đè\n"}},
                "kiem_tra.csv", 0, "");
    }
    // A dry run of the right text and of a wrong guess say the same, and neither shows the stored text.
    auto planOf = [&](const std::string& text) {
      std::string out;
      try {
        auto p = services::planImport(*r.s, a, r.batch({{"ky_luat.csv", text}}));
        for (const auto& f : p.files) {
          out += f.kind + std::to_string(f.added) + std::to_string(f.updated) + std::to_string(f.unchanged) +
                 std::to_string(f.errors);
          for (const auto& row : f.rows) out += row.key + importActionLabel(row.action);
        }
        for (const auto& m : p.problems) out += m;
      } catch (const core::PermissionError& e) {
        out = e.what();
      }
      return out;
    };
    const std::string seen = planOf(right);
    CHECK(seen == planOf(guess));
    CHECK(seen.find("Nội dung mật") == std::string::npos);
  }
  CHECK(r.one("SELECT violation FROM disciplines") == "Nội dung mật ban đầu");

  // Not even the inspection committee rewrites a recorded decision through an import: no door can (the window
  // and `record` have no way to); the refusal names the decision, and the stored text stays.
  auto plan = services::planImport(*r.s, kInspection, r.batch({{"ky_luat.csv", guess}}));
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.files.at(0).rows.at(0).action == ImportAction::Error);
  CHECK(plan.problems.at(0).find("12-QĐ / dang_vien / DV002") != std::string::npos);
  CHECK_THROWS_AS(services::applyImport(*r.s, kInspection, r.batch({{"ky_luat.csv", guess}})),
                  core::DataError);
  CHECK(r.one("SELECT violation FROM disciplines") == "Nội dung mật ban đầu");
  // The same file again changes nothing and passes.
  CHECK(services::planImport(*r.s, kInspection, r.batch({{"ky_luat.csv", right}})).ok());
  // A case file with no rows (the template workbook's sheet left empty) asks for nothing: the office's
  // import of it beside a member file is not refused, and the stored case file is untouched.
  auto empty = services::planImport(
      *r.s, kOffice,
      r.batch({{"ky_luat.csv", kDisciplineHeader},
               {"dang_vien.csv", kMemberHeader + member("DV001", "Lò Văn Pằn", "CB01")}}));
  CHECK(empty.ok());
  CHECK(r.one("SELECT violation FROM disciplines") == "Nội dung mật ban đầu");
  // The inspection committee changes no member through an import.
  r.refused(kInspection, {{"dang_vien.csv", kMemberHeader + member("DV001", "Tên Khác", "CB01")}},
            "dang_vien.csv", 0, "");
}

TEST_CASE("import rules: a member's dates are judged by the dialog's rules, named by file, row and column") {
  Register r;
  struct Case {
    const char* what;
    std::string birth, admitted, official, column;
  };
  const std::vector<Case> cases = {
      {"born in the future", "2030", "2010-05-19", "", "Ngày sinh"},
      {"admitted at the age of five", "2000", "2005-05-19", "", "Ngày vào Đảng"},
      {"official before the admission", "1980", "2010-05-19", "2009-05-19", "Ngày chính thức"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const std::string row = "DV009,Cà Văn Xoan," + c.birth + ",Nam,Thái,Không,,,12/12,khong,chua,,CB01," +
                            c.admitted + "," + c.official + ",Đang sinh hoạt,\n";
    r.refused(kOffice, {{"dang_vien.csv", kMemberHeader + row}}, "dang_vien.csv", 2, c.column);
    // The window's dialog refuses the same record with the same words.
    core::Member m;
    m.code = "DV009";
    m.fullName = "Cà Văn Xoan";
    m.gender = "nam";
    m.ethnicity = "03";
    m.birthDate = core::PartialDate::parse(c.birth);
    m.admittedOn = core::Date::parse(c.admitted);
    m.officialOn = c.official.empty() ? std::nullopt : core::Date::parse(c.official);
    auto dialog = services::validateMember(*r.s, m, true);
    REQUIRE_FALSE(dialog.empty());
    auto plan = services::planImport(*r.s, kOffice, r.batch({{"dang_vien.csv", kMemberHeader + row}}));
    REQUIRE(plan.problems.size() == dialog.size());
    CHECK(plan.problems[0] == services::importProblem("dang_vien.csv", 2, c.column, dialog[0]));
    for (size_t i = 0; i < dialog.size(); ++i) CHECK(plan.problems[i].ends_with(dialog[i]));
  }
  // An update that moves a stored member's admission before their sixteenth birthday is refused too.
  r.refused(kOffice, {{"dang_vien.csv", kMemberHeader + "DV001,,,,,,,,,,,,,1985-01-01,,,\n"}},
            "dang_vien.csv", 2, "Ngày vào Đảng");
  // A candidate born in the future.
  r.refused(kOffice,
            {{"quan_chung.csv",
              "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Mã chi bộ,Ngày vào danh sách\n"
              "QC01,Lường Văn Sơn,2031,Nam,Tày,CB01,01/03/2024\n"}},
            "quan_chung.csv", 2, "Ngày sinh");
}

TEST_CASE("check: a member's stored dates that break the dialog's rules are reported") {
  Register r;
  services::storeOf(*r.s).db().exec(
      "UPDATE members SET birth_date = '2030', official_on = '2009-01-01' WHERE code = 'DV001'");
  std::set<std::string> found;
  for (const auto& f : services::checkRegister(*r.s, kOffice, core::Date::today()))
    if (f.rule == "invalid_dates") found.insert(f.subject);
  CHECK(found == std::set<std::string>{"DV001"});
  int n = 0;
  for (const auto& f : services::checkRegister(*r.s, kOffice, core::Date::today()))
    n += f.rule == "invalid_dates";
  CHECK(n == 3);  // born in the future, admitted before birth, official before the admission
  // The secretary of CB02 is not told about CB01's member.
  const Actor other{"bithu2", "secretary",
                    std::stoll(r.one("SELECT id FROM organizations WHERE code = 'CB02'"))};
  for (const auto& f : services::checkRegister(*r.s, other, core::Date::today()))
    CHECK(f.rule != "invalid_dates");
}

TEST_CASE(
    "import audit: a bulk load of new records is one audit row naming them, updates stay one row each") {
  Register r;
  std::string text = kOrgHeader;
  for (int i = 0; i < services::kImportBulkRows; ++i)
    text +=
        "CB" + std::to_string(10000 + i) + ",Chi bộ " + std::to_string(i) + ",co_so,ban,2000-01-01,Không\n";
  text += "CB01,Chi bộ bản Nà Ớt Mới,co_so,ban,2000-01-01,Có\n";
  const int before = std::stoi(r.one("SELECT count(*) FROM audit_log"));
  auto res = services::applyImport(*r.s, kOffice, r.batch({{"to_chuc.csv", text}}));
  CHECK(res.added == services::kImportBulkRows);
  CHECK(res.updated == 1);
  CHECK(std::stoi(r.one("SELECT count(*) FROM audit_log")) == before + 3);  // the bulk, the update, the file
  const std::string later = " AND id > " + std::to_string(before);
  CHECK(r.one("SELECT record FROM audit_log WHERE action = 'organization.import' AND old_value = ''" +
              later) == "organization:CB10000..CB" + std::to_string(10000 + services::kImportBulkRows - 1));
  CHECK(r.one("SELECT old_value || '|' || new_value FROM audit_log WHERE record = 'organization:CB01'" +
              later) == "name: Chi bộ bản Nà Ớt|name: Chi bộ bản Nà Ớt Mới");
}

TEST_CASE("import scope: a secretary's dry run names no look-alike stored in another cell") {
  Register r;
  const std::string header = kMemberHeader.substr(0, kMemberHeader.size() - 1) + ",Số CCCD\n";
  auto withCccd = [](std::string row) { return row.substr(0, row.size() - 1) + ",012345678901\n"; };
  services::applyImport(
      *r.s, kOffice,
      r.batch({{"dang_vien.csv", header + withCccd(member("DV002", "Quàng Văn Ban", "CB02"))}}));
  const std::string row = withCccd(member("DV010", "Lường Văn Một", "CB01"));
  auto office = services::planImport(*r.s, kOffice, r.batch({{"dang_vien.csv", header + row}}));
  REQUIRE(office.ok());
  REQUIRE(office.duplicates.size() == 1);
  CHECK(office.duplicates[0].otherCode == "DV002");
  auto secretary = services::planImport(*r.s, r.secretary, r.batch({{"dang_vien.csv", header + row}}));
  REQUIRE(secretary.ok());
  CHECK(secretary.duplicates.empty());
}
