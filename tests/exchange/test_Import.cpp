#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "../TestUtil.h"
#include "core/Date.h"
#include "core/Errors.h"
#include "exchange/Csv.h"
#include "exchange/Import.h"
#include "services/Import.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
using dangbo::test::writeFile;
using services::Actor;
using services::ImportAction;

namespace dangbo::test {
using TestSheet = std::pair<std::string, std::vector<std::vector<std::string>>>;
void makeXlsx(const std::filesystem::path& path, const std::vector<TestSheet>& sheets, bool withRowRefs);
}  // namespace dangbo::test

namespace {
const Actor kOffice = Actor::localOffice();
const std::string kBom = "\xEF\xBB\xBF";

const Actor kInspection{"kiemtra", "inspection", std::nullopt};

// The files of `b` that are case files (`cases`) or the others.
services::ImportBatch part(const services::ImportBatch& b, bool cases) {
  services::ImportBatch out;
  for (const auto& f : b.files)
    if ((f.kind == "kiem_tra" || f.kind == "ky_luat") == cases) out.files.push_back(f);
  if (!cases) out.notices = b.notices;
  return out;
}

// A whole set as the office and the inspection committee bring it: the case files by the inspection committee
// (the only account that reads them), the rest by the office. Both are planned before either is applied.
services::ImportPlan planAll(services::Services& s, const services::ImportBatch& b) {
  // The case files refer to members the office's part creates: only their reading is checked here.
  auto p = services::planImport(s, kOffice, part(b, false));
  for (const auto& f : part(b, true).files)
    for (const auto& m : f.problems) p.problems.push_back(m);
  return p;
}
services::ImportResult applyAll(services::Services& s, const services::ImportBatch& b) {
  if (auto p = planAll(s, b); !p.ok()) {
    std::string text;
    for (const auto& m : p.problems) text += (text.empty() ? "" : "\n") + m;
    throw core::DataError(text);
  }
  auto r = services::applyImport(s, kOffice, part(b, false));
  if (auto c = part(b, true); !c.files.empty()) {
    auto r2 = services::applyImport(s, kInspection, c);
    for (auto& f : r2.plan.files) r.plan.files.push_back(std::move(f));
    r.written = r.written || r2.written;
    r.added += r2.added;
    r.updated += r2.updated;
    r.unchanged += r2.unchanged;
  }
  return r;
}

std::unique_ptr<services::Services> fresh(const std::filesystem::path& db) {
  return services::Services::create(
      db, {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
}

// The realistic set: BOM, labels and short codes mixed, both date forms, quoted commas, decomposed letters,
// odd header spacing and case, columns in another order.
std::map<std::string, std::string> baseSet() {
  std::map<std::string, std::string> f;
  f["to_chuc.csv"] = kBom +
                     " mã ,TÊN,  Loai ,Khối,ngày thành lập,Ngày giải thể,Sáp nhập vào,CÓ CHI ỦY\r\n"
                     "CB01,Chi bộ bản Nà Ớt,Chi bộ cơ sở,Bản,01/08/2020,,,Có\r\n"
                     "CB02,\"Chi bộ Trường Mầm non, bản Nà Ớt\",co_so,truong,2019-09-05,,,Không\r\n"
                     "CB03,Chi bộ bản Cũ,Chi bộ trực thuộc,ban,1/8/2000,31/12/2023,CB01,khong\r\n";
  f["dang_vien.csv"] =
      kBom +
      "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học vấn,Chuyên môn,"
      "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ,Số lý lịch,"
      "Ngày chuyển đến,Tình trạng,Ngày thay đổi tình trạng\n"
      "DV001,Lo\u0300 Va\u0306n Pa\u0306\u0300n,05/03/1967,Nam,Thái,Không,Phiêng Pằn,Bản Nà "
      "Ớt,012345678901,12/12,"
      "Trung cấp,so_cap,\"Nông dân, Bí thư chi bộ\",CB01,03/02/1990,1991-02-03,0012345,LL-01,,Đang sinh "
      "hoạt,\n"
      "DV002,Quàng Thị Ban,1975,nu,Mèo,Không,Phiêng Pằn,Bản Nà Ớt,,9/12,khong,Chưa qua đào tạo,Giáo "
      "viên,CB02,"
      "2010-05-19,19/05/2011,,,,Miễn sinh hoạt,1/6/2023\n"
      "DV003,Cà Văn Xoan,03/1980,NAM,Kinh,Không,Thái Bình,Bản Cũ,,12/12,Đại học,Trung cấp,Cán "
      "bộ,CB03,1/1/2005,"
      "1/1/2006,,,15/4/2022,Xoá tên,01/02/2024\n";
  f["quan_chung.csv"] =
      "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Mã chi bộ,Ngày vào danh sách,Ngày cấp giấy chứng nhận,"
      "Người giới thiệu 1,Người giới thiệu 2,Ngày chi bộ xét,Số tán thành,Ngày quyết định,Ngày lễ kết nạp\n"
      "QC01,Lường Văn Sơn,2000,Nam,Tày,CB01,01/03/2024,2024-05-10,DV001,DV002,,,,\n";
  f["xep_loai.csv"] =
      "Năm,Đối tượng,Mã,Xếp loại\n2024,Đảng viên,DV001,Hoàn thành tốt nhiệm vụ\n"
      "2024,to_chuc,CB01,HTXSNV\n";
  f["kiem_tra.csv"] =
      "Số,Ngày,Đối tượng,Mã,Loại,Kết luận\n"
      "01-KT,15/6/2024,Đảng viên,DV002,Thường xuyên,\"Chấp hành tốt, không vi phạm\"\n";
  f["ky_luat.csv"] =
      "Số quyết định,Ngày quyết định,Đối tượng,Mã,Hình thức,Cấp quyết định,Nội dung vi phạm,Ngày vi phạm\n"
      "12-QĐ/UBKT,2024-07-01,Đảng viên,DV003,Khiển trách,UBKT Đảng ủy,\"Vi phạm quy định, nội "
      "quy\",2024-05-01\n";
  f["cap_uy.csv"] =
      "Nhiệm kỳ,Mã đảng viên,Chức vụ\n2025-2030,DV001,Bí thư\n2025-2030,DV002,Ủy viên Ban Chấp hành\n";
  f["chi_tieu.csv"] =
      "Chỉ tiêu,Từ năm,Đến năm,Giá trị\nket_nap_nhiem_ky,2025,2030,25\nto_chuc_tot,2025,2030,\"85,5\"\n";
  return f;
}

void writeSet(const std::filesystem::path& folder, const std::map<std::string, std::string>& files) {
  std::filesystem::create_directories(folder);
  for (const auto& [name, text] : files) writeFile(folder / name, text);
}

// Every table's rows as text (columns named in `skip` left out).
std::string dump(services::Services& s, const std::set<std::string>& skip = {}) {
  auto& db = services::storeOf(s).db();
  std::string out;
  SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  std::vector<std::string> names;
  while (tables.executeStep()) names.push_back(tables.getColumn(0).getString());
  for (const auto& t : names) {
    if (skip.count(t)) continue;
    out += "## " + t + "\n";
    // By the first two columns (a table of one column: by it).
    const int columns = db.execAndGet("SELECT count(*) FROM pragma_table_info('" + t + "')").getInt();
    SQLite::Statement q(db, "SELECT * FROM \"" + t + "\" ORDER BY " + (columns > 1 ? "1, 2" : "1"));
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i) {
        if (skip.count(q.getColumnName(i))) continue;
        out += q.getColumn(i).isNull() ? std::string("NULL") : q.getColumn(i).getString();
        out += "|";
      }
      out += "\n";
    }
  }
  return out;
}

std::string one(services::Services& s, const std::string& sql) {
  SQLite::Statement q(services::storeOf(s).db(), sql);
  if (!q.executeStep()) return "<none>";
  return q.getColumn(0).isNull() ? std::string("NULL") : q.getColumn(0).getString();
}

// The prefix of a problem message naming file, row and column (independent of the catalog's wording).
std::string where(const std::string& file, int row, const std::string& column) {
  return services::importProblem(file, row, column, "");
}
bool mentions(const std::string& message, const std::string& file, int row, const std::string& column) {
  std::string w = where(file, row, column);
  return message.find(w.substr(0, w.size() - 1)) != std::string::npos || message.find(w) != std::string::npos;
}
}  // namespace

TEST_CASE("import: a realistic CSV set imports exactly") {
  TempDir dir;
  auto s = fresh(dir / "r.db");
  writeSet(dir / "in", baseSet());
  writeFile(dir / "in" / "ghi_chu.txt", "notes");
  auto batch = exchange::readImport(dir / "in");
  REQUIRE(batch.files.size() == 8);
  REQUIRE(batch.notices.size() == 1);
  CHECK(batch.notices[0].find("ghi_chu.txt") != std::string::npos);
  int64_t revision = std::stoll(one(*s, "SELECT revision FROM committee"));
  int audits = std::stoi(one(*s, "SELECT count(*) FROM audit_log"));

  auto r = applyAll(*s, batch);
  CHECK(r.written);
  CHECK(r.added == 3 + 3 + 1 + 2 + 1 + 1 + 2 + 2);
  CHECK(r.updated == 0);

  // Organizations, with the cell committee and the merge.
  CHECK(one(*s,
            "SELECT name || '|' || kind || '|' || category || '|' || founded FROM organizations WHERE code = "
            "'CB01'") == "Chi bộ bản Nà Ớt|co_so|ban|2020-08-01");
  CHECK(one(*s, "SELECT name FROM organizations WHERE code = 'CB02'") == "Chi bộ Trường Mầm non, bản Nà Ớt");
  CHECK(one(*s,
            "SELECT kind || '|' || ceased || '|' || (SELECT code FROM organizations m WHERE m.id = "
            "o.merged_into) "
            "FROM organizations o WHERE code = 'CB03'") == "truc_thuoc|2023-12-31|CB01");
  CHECK(one(*s, "SELECT count(*) FROM cell_committees") == "1");
  CHECK(one(*s,
            "SELECT from_date FROM cell_committees c JOIN organizations o ON o.id = c.org_id WHERE o.code = "
            "'CB01' "
            "AND c.to_date IS NULL") == "2020-08-01");

  // Members: NFC name, keys, partial birth dates, ethnic groups by name and other name, enumerations by label
  // and code.
  CHECK(one(*s, "SELECT full_name FROM members WHERE code = 'DV001'") == "Lò Văn Pằn");
  CHECK(one(*s, "SELECT search_key FROM members WHERE code = 'DV001'") == "lo van pan");
  CHECK(one(*s, "SELECT length(sort_key) > 0 FROM members WHERE code = 'DV001'") == "1");
  CHECK(one(*s,
            "SELECT birth_date || '|' || gender || '|' || ethnicity || '|' || cccd || '|' || qualification "
            "|| '|' || "
            "theory || '|' || occupation || '|' || admitted_on || '|' || official_on || '|' || card_no || "
            "'|' || "
            "file_no || '|' || status FROM members WHERE code = 'DV001'") ==
        "1967-03-05|nam|03|012345678901|trung_cap|so_cap|Nông dân, Bí thư chi "
        "bộ|1990-02-03|1991-02-03|0012345|LL-01|"
        "active");
  CHECK(one(*s,
            "SELECT birth_date || '|' || gender || '|' || ethnicity || '|' || status || '|' || status_since "
            "|| '|' || "
            "theory FROM members WHERE code = 'DV002'") == "1975|nu|08|exempt|2023-06-01|chua");
  CHECK(one(*s,
            "SELECT birth_date || '|' || ethnicity || '|' || status || '|' || transferred_in_on FROM members "
            "WHERE "
            "code = 'DV003'") == "1980-03|01|removed|2022-04-15");
  // The dated history.
  auto events = [&](const std::string& code) {
    std::string out;
    SQLite::Statement q(
        services::storeOf(*s).db(),
        "SELECT e.date, e.kind FROM member_events e JOIN members m ON m.id = e.member_id WHERE m.code = ? "
        "ORDER BY e.date, e.id");
    q.bind(1, code);
    while (q.executeStep()) out += q.getColumn(0).getString() + " " + q.getColumn(1).getString() + ";";
    return out;
  };
  CHECK(events("DV001") == "1990-02-03 admitted;1991-02-03 recognized;");
  CHECK(events("DV002") == "2010-05-19 admitted;2011-05-19 recognized;2023-06-01 exempted;");
  CHECK(events("DV003") == "2006-01-01 recognized;2022-04-15 transfer_in;2024-02-01 removed;");

  // Candidates and the other records.
  CHECK(one(*s,
            "SELECT c.birth_date || '|' || c.ethnicity || '|' || c.listed_on || '|' || c.certificate_on || "
            "'|' || "
            "m1.code || '|' || m2.code FROM candidates c JOIN members m1 ON m1.id = c.sponsor1 JOIN members "
            "m2 ON "
            "m2.id = c.sponsor2 WHERE c.code = 'QC01'") == "2000|02|2024-03-01|2024-05-10|DV001|DV002");
  CHECK(one(*s,
            "SELECT group_concat(year || subject_type || level, ',') FROM (SELECT * FROM ratings ORDER BY "
            "subject_type)") == "2024dang_vienHTTNV,2024to_chucHTXSNV");
  CHECK(
      one(*s,
          "SELECT (SELECT code FROM organizations WHERE id = r.cell_id) FROM ratings r WHERE subject_type = "
          "'dang_vien'") == "CB01");
  CHECK(one(*s, "SELECT number || '|' || date || '|' || kind || '|' || conclusion FROM inspections") ==
        "01-KT|2024-06-15|thuong_xuyen|Chấp hành tốt, không vi phạm");
  CHECK(one(*s,
            "SELECT number || '|' || date || '|' || form || '|' || body || '|' || violation || '|' || "
            "violation_on "
            "FROM disciplines") ==
        "12-QĐ/UBKT|2024-07-01|khien_trach|UBKT Đảng ủy|Vi phạm quy định, nội quy|2024-05-01");
  CHECK(one(*s, "SELECT name || '|' || from_year || '|' || to_year FROM terms") == "2025-2030|2025|2030");
  CHECK(one(*s,
            "SELECT group_concat(m.code || ':' || position, ',') FROM committee_seats c JOIN members m ON "
            "m.id = "
            "c.member_id") == "DV001:bi_thu,DV002:uv_bch");
  CHECK(one(*s, "SELECT group_concat(key || ':' || value, ',') FROM (SELECT * FROM targets ORDER BY key)") ==
        "ket_nap_nhiem_ky:25.0,to_chuc_tot:85.5");

  // One audit row per file and one per new record, one revision step per import; the merger of CB03 is
  // written by the window's door, with its row, and so is the cell committee of CB01 (cell_committee.open).
  CHECK(std::stoi(one(*s, "SELECT count(*) FROM audit_log")) == audits + 8 + 15 + 1 + 2 + 1);
  CHECK(one(*s, "SELECT group_concat(record, ',') FROM audit_log WHERE action = 'cell_committee.open'") ==
        "organization:CB01");
  CHECK(one(*s, "SELECT record || '|' || old_value FROM audit_log WHERE action = 'organization.merge'") ==
        "organization:CB01|CB03");
  CHECK(one(*s, "SELECT count(*) FROM audit_log WHERE action = 'import' AND username = 'office'") == "6");
  CHECK(one(*s, "SELECT count(*) FROM audit_log WHERE action = 'import' AND username = 'kiemtra'") == "2");
  // The decision through the discipline page's door (recordDecision), with its row; the seats through theirs.
  CHECK(one(*s, "SELECT new_value || '|' || reason FROM audit_log WHERE action = 'discipline.add'") ==
        "khien_trach dang_vien:DV003 2024-07-01|12-QĐ/UBKT");
  CHECK(one(*s,
            "SELECT group_concat(record || '=' || new_value, ',') FROM audit_log WHERE action = "
            "'committee_seat.add'") ==
        "committee_seat:2025-2030/DV001=position: bi_thu,committee_seat:2025-2030/DV002=position: uv_bch");
  // The candidate through the admissions page's door (createCandidate), its row; the stages of its file
  // walked in the page's order (services/CandidateStages), a row each.
  CHECK(one(*s, "SELECT record || '|' || new_value FROM audit_log WHERE action = 'candidate.add'") ==
        "candidate:QC01|Lường Văn Sơn | CB01 | 2024-03-01");
  CHECK(one(*s,
            "SELECT group_concat(action || '=' || new_value || '|' || reason, ',') FROM audit_log WHERE "
            "action IN ('candidate.certificate', 'candidate.sponsors', 'candidate.import')") ==
        "candidate.certificate=2024-05-10|nhập từ tệp quan_chung.csv,candidate.sponsors=DV001, "
        "DV002|nhập từ tệp quan_chung.csv");
  CHECK(std::stoll(one(*s, "SELECT revision FROM committee")) == revision + 2);
}

TEST_CASE("import: a dry run reports what would change and writes nothing") {
  TempDir dir;
  auto s = fresh(dir / "d.db");
  writeSet(dir / "in", baseSet());
  auto before = dump(*s);
  auto plan = planAll(*s, exchange::readImport(dir / "in"));
  CHECK(plan.ok());
  CHECK(plan.changesAnything());
  REQUIRE(plan.files.size() == 6);
  CHECK(plan.files[0].kind == "to_chuc");
  CHECK(plan.files[0].added == 3);
  CHECK(plan.files[1].rows[0].key == "DV001");
  CHECK(plan.files[1].rows[0].action == ImportAction::New);
  CHECK(plan.files[3].rows[0].key == "2024 / dang_vien / DV001");
  CHECK(dump(*s) == before);
}

TEST_CASE("import: re-importing the same files changes nothing, not a byte of the file") {
  TempDir dir;
  auto path = dir / "again.db";
  writeSet(dir / "in", baseSet());
  {
    auto s = fresh(path);
    applyAll(*s, exchange::readImport(dir / "in"));
  }
  const std::string bytes = test::readFile(path);
  {
    auto s = services::Services::open(path);
    auto r = applyAll(*s, exchange::readImport(dir / "in"));
    CHECK_FALSE(r.written);
    CHECK(r.added == 0);
    CHECK(r.updated == 0);
    CHECK(r.unchanged == 15);
    for (const auto& f : r.plan.files)
      for (const auto& row : f.rows) {
        CAPTURE(f.kind);
        CAPTURE(row.key);
        for (const auto& c : row.changes) CAPTURE(c.column + ": " + c.oldValue + " -> " + c.newValue);
        CHECK(row.action == ImportAction::Unchanged);
      }
  }
  CHECK(test::readFile(path) == bytes);
}

TEST_CASE("import: an update changes only what the file gives: an empty cell never blanks a stored value") {
  TempDir dir;
  auto s = fresh(dir / "u.db");
  writeSet(dir / "in", baseSet());
  applyAll(*s, exchange::readImport(dir / "in"));

  TempDir second;
  writeSet(second.path(),
           {{"dang_vien.csv",
             "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,"
             "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,"
             "Tình trạng,Ngày thay đổi tình trạng\n"
             "DV001,,,,,,,,,,,Trưởng bản,CB02,,,,\n"
             "DV002,,,,,,,,,,,,,,,Đang sinh hoạt,01/03/2025\n"},
            {"to_chuc.csv", "Mã,Tên,Loại,Khối,Có chi ủy\nCB02,,,,Có\nCB01,,,,Không\n"}});
  auto batch = exchange::readImport(second.path());
  auto plan = services::planImport(*s, kOffice, batch);
  REQUIRE(plan.ok());
  const auto& members = plan.files.at(1);
  REQUIRE(members.rows.size() == 2);
  CHECK(members.rows[0].action == ImportAction::Update);
  REQUIRE(members.rows[0].changes.size() == 2);
  CHECK(members.rows[0].changes[0].column == "Mã chi bộ");
  CHECK(members.rows[0].changes[0].oldValue == "CB01");
  CHECK(members.rows[0].changes[0].newValue == "CB02");
  CHECK(members.rows[0].changes[1].column == "Nghề nghiệp, chức vụ");
  CHECK(members.rows[0].changes[1].oldValue == "Nông dân, Bí thư chi bộ");
  CHECK(members.rows[0].changes[1].newValue == "Trưởng bản");

  auto r = services::applyImport(*s, kOffice, batch);
  CHECK(r.updated == 4);
  CHECK(one(*s,
            "SELECT full_name || '|' || residence || '|' || birth_date || '|' || admitted_on || '|' || "
            "occupation || "
            "'|' || (SELECT code FROM organizations WHERE id = cell_id) FROM members WHERE code = 'DV001'") ==
        "Lò Văn Pằn|Bản Nà Ớt|1967-03-05|1990-02-03|Trưởng bản|CB02");
  CHECK(one(*s, "SELECT status || '|' || status_since FROM members WHERE code = 'DV002'") ==
        "active|2025-03-01");
  CHECK(one(*s,
            "SELECT count(*) FROM member_events e JOIN members m ON m.id = e.member_id WHERE m.code = "
            "'DV001' AND "
            "e.kind = 'moved' AND e.date = '" +
                core::Date::today().iso() + "'") == "1");
  CHECK(one(*s,
            "SELECT count(*) FROM member_events e JOIN members m ON m.id = e.member_id WHERE m.code = "
            "'DV002' AND "
            "e.kind = 'exemption_ended' AND e.date = '2025-03-01'") == "1");
  // Có chi ủy: CB02 gets a committee from its founding day, CB01's is closed today.
  CHECK(one(*s,
            "SELECT from_date FROM cell_committees c JOIN organizations o ON o.id = c.org_id WHERE o.code = "
            "'CB02' "
            "AND to_date IS NULL") == "2019-09-05");
  CHECK(one(*s,
            "SELECT to_date FROM cell_committees c JOIN organizations o ON o.id = c.org_id WHERE o.code = "
            "'CB01'") == core::Date::today().iso());
  // The names were not blanked.
  CHECK(one(*s, "SELECT name FROM organizations WHERE code = 'CB01'") == "Chi bộ bản Nà Ớt");
}

TEST_CASE("import: each broken file is refused naming file, row and column, and nothing is written") {
  struct Case {
    const char* what;
    std::string file, text, column;
    int row;
  };
  auto base = baseSet();
  auto replaceIn = [&](const std::string& file, const std::string& from, const std::string& to) {
    std::string t = base.at(file);
    size_t p = t.find(from);
    REQUIRE(p != std::string::npos);
    return t.replace(p, from.size(), to);
  };
  std::vector<Case> cases = {
      {"impossible date", "dang_vien.csv", replaceIn("dang_vien.csv", "2010-05-19", "31/02/2024"),
       "Ngày vào Đảng", 3},
      {"unknown cell code", "dang_vien.csv", replaceIn("dang_vien.csv", ",CB03,", ",CB99,"), "Mã chi bộ", 4},
      {"duplicate member code", "dang_vien.csv", replaceIn("dang_vien.csv", "DV003,", "DV001,"), "Mã", 4},
      {"misspelt header", "quan_chung.csv",
       replaceIn("quan_chung.csv", "Ngày vào danh sách", " Ngày vào danh xách "), "Ngày vào danh xách", 1},
      {"misspelt header (unknown column)", "kiem_tra.csv", replaceIn("kiem_tra.csv", "Kết luận", "Kết luậnn"),
       "Kết luậnn", 1},
      {"unknown enumeration value", "to_chuc.csv",
       replaceIn("to_chuc.csv", "Chi bộ trực thuộc", "Chi bộ lớn"), "Loai", 4},
      {"unterminated quote", "kiem_tra.csv", replaceIn("kiem_tra.csv", "vi phạm\"", "vi phạm"), "Kết luận",
       2},
      {"13-digit CCCD", "dang_vien.csv", replaceIn("dang_vien.csv", "012345678901", "0123456789012"),
       "Số CCCD", 2},
      {"ambiguous ethnic other name", "quan_chung.csv", replaceIn("quan_chung.csv", ",Tày,", ",Trại,"),
       "Dân tộc", 2},
      {"status date missing", "dang_vien.csv", replaceIn("dang_vien.csv", "1/6/2023", ""),
       "Ngày thay đổi tình trạng", 3},
      {"unknown sponsor", "quan_chung.csv", replaceIn("quan_chung.csv", "DV002", "DV777"),
       "Người giới thiệu 2", 2},
      {"repeated rating key", "xep_loai.csv", base.at("xep_loai.csv") + "2024,Đảng viên,DV001,HTNV\n", "Năm",
       4},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    TempDir dir;
    auto path = dir / "b.db";
    auto files = base;
    files[c.file] = c.text;
    writeSet(dir / "in", files);
    std::string before;
    {
      auto s = fresh(path);
      before = dump(*s);
      auto batch = exchange::readImport(dir / "in");
      auto plan = planAll(*s, batch);
      CHECK_FALSE(plan.ok());
      try {
        applyAll(*s, batch);
        FAIL("the import was not refused");
      } catch (const core::DataError& e) {
        std::string msg = e.what();
        CAPTURE(msg);
        CHECK(mentions(msg, c.file, c.row, c.column));
      }
      CHECK(dump(*s) == before);
    }
    const std::string bytes = test::readFile(path);
    { auto s = services::Services::open(path); }
    CHECK(test::readFile(path) == bytes);
  }
}

TEST_CASE("import: all problems are collected, each on its own line") {
  TempDir dir;
  auto s = fresh(dir / "m.db");
  auto files = baseSet();
  files["dang_vien.csv"] +=
      "DV004,Lò Thị A,32/13/1990,Nam,Thái,Không,,,,12/12,khong,chua,,CB01,2020-01-01,,,,,Bay,\n";
  writeSet(dir / "in", files);
  try {
    applyAll(*s, exchange::readImport(dir / "in"));
    FAIL("not refused");
  } catch (const core::DataError& e) {
    std::string msg = e.what();
    CHECK(mentions(msg, "dang_vien.csv", 5, "Ngày sinh"));
    CHECK(mentions(msg, "dang_vien.csv", 5, "Tình trạng"));
    CHECK(std::count(msg.begin(), msg.end(), '\n') == 1);
  }
}

TEST_CASE("import: likely duplicates are listed for review and never merged") {
  TempDir dir;
  auto s = fresh(dir / "dup.db");
  writeSet(dir / "in", baseSet());
  applyAll(*s, exchange::readImport(dir / "in"));
  TempDir second;
  writeSet(
      second.path(),
      {{"dang_vien.csv",
        "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học vấn,Chuyên "
        "môn,"
        "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ,Tình "
        "trạng,"
        "Ngày thay đổi tình trạng\n"
        "DV101,Lò Văn Pằn Em,1/1/1970,Nam,Thái,Không,,,012345678901,12/12,khong,chua,,CB01,2020-01-01,,,,\n"
        "DV102,Lò Thị Hoa,1/1/1970,Nữ,Thái,Không,,,,12/12,khong,chua,,CB01,2020-01-01,,0012345,,\n"
        "DV103,LÒ THỊ HOA,01/01/1970,Nữ,Thái,Không,,,,12/12,khong,chua,,CB01,2020-01-01,,,,\n"}});
  auto plan = services::planImport(*s, kOffice, exchange::readImport(second.path()));
  REQUIRE(plan.ok());
  std::set<std::string> found;
  for (const auto& d : plan.duplicates)
    found.insert(d.code + "~" + d.otherCode + (d.otherInImport ? "*" : ""));
  CHECK(found == std::set<std::string>{"DV101~DV001", "DV102~DV001", "DV103~DV102*"});
  auto r = services::applyImport(*s, kOffice, exchange::readImport(second.path()));
  CHECK(r.added == 3);
  CHECK(one(*s, "SELECT count(*) FROM members") == "6");
}

TEST_CASE("import: ethnic groups: a group's own name wins, other names resolve, unknown names are refused") {
  TempDir dir;
  auto s = fresh(dir / "e.db");
  auto files = baseSet();
  files["quan_chung.csv"] =
      "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Mã chi bộ,Ngày vào danh sách\n"
      "QC01,A,2000,Nam,tày,CB01,01/03/2024\n"  // own name of Tày, although Thái lists Tày as another name
      "QC02,B,2000,Nam,Thái Đen,CB01,01/03/2024\n"  // inside the brackets of Thái's "Tày Đăm (Thái Đen)"
      "QC03,C,2000,Nam,h'mông,CB01,01/03/2024\n"
      "QC04,D,2000,Nam,Xinh Mun,CB01,01/03/2024\n"
      "QC05,E,2000,Nam,Khơ Mú,CB01,01/03/2024\n";
  writeSet(dir / "in", files);
  applyAll(*s, exchange::readImport(dir / "in"));
  CHECK(one(*s,
            "SELECT group_concat(g.name, ',') FROM (SELECT * FROM candidates ORDER BY code) c JOIN "
            "ethnic_groups g "
            "ON g.code = c.ethnicity") == "Tày,Thái,Mông,Xinh Mun,Khơ Mú");
  TempDir bad;
  writeSet(bad.path(), {{"quan_chung.csv",
                         "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Mã chi bộ,Ngày vào danh sách\n"
                         "QC09,X,2000,Nam,Mặt Trăng,CB01,01/03/2024\n"}});
  auto plan = services::planImport(*s, kOffice, exchange::readImport(bad.path()));
  REQUIRE(plan.problems.size() == 1);
  CHECK(mentions(plan.problems[0], "quan_chung.csv", 2, "Dân tộc"));
}

TEST_CASE("import: the import needs the right to change the register") {
  TempDir dir;
  auto s = fresh(dir / "p.db");
  writeSet(dir / "in", baseSet());
  const Actor leader{"lanhdao", "leadership", std::nullopt};
  CHECK_THROWS_AS(services::applyImport(*s, leader, exchange::readImport(dir / "in")), core::PermissionError);
}

TEST_CASE("import: the empty templates carry every header and read back without problems") {
  TempDir dir;
  auto written = exchange::writeImportTemplates(dir / "tpl");
  CHECK(written.size() ==
        15);  // 8 files, the 5 of the cells' monthly work (version 2), tap_huan, bi_thu_chi_bo
  std::string members = test::readFile(dir / "tpl" / "dang_vien.csv");
  CHECK(members.rfind(kBom + "Mã,Họ và tên,Ngày sinh,", 0) == 0);
  CHECK(members.find("\"Nghề nghiệp, chức vụ\"") != std::string::npos);
  auto batch = exchange::readImport(dir / "tpl");
  CHECK(batch.files.size() == 15);
  for (const auto& f : batch.files) {
    CAPTURE(f.kind);
    CHECK(f.problems.empty());
    CHECK(f.rows.empty());
  }
}

TEST_CASE("import: an xlsx workbook imports the same as the CSV set") {
  TempDir dir;
  auto files = baseSet();
  writeSet(dir / "in", files);
  auto a = fresh(dir / "csv.db");
  applyAll(*a, exchange::readImport(dir / "in"));

  // The same tables as sheets: full dates as date-formatted serial numbers, short numbers as numbers.
  std::vector<test::TestSheet> sheets;
  sheets.push_back({"Ghi chú", {{"Bảng này không được nhập"}}});
  for (const auto& [name, text] : files) {
    auto table = exchange::parseCsv(text, name);
    std::vector<std::vector<std::string>> rows;
    for (size_t r = 0; r < table.rows.size(); ++r) {
      std::vector<std::string> cells;
      for (const auto& cell : table.rows[r]) {
        auto d = core::Date::parse(cell);
        bool digits = !cell.empty() && cell.size() <= 4 && cell[0] != '0' &&
                      cell.find_first_not_of("0123456789") == std::string::npos;
        if (r > 0 && d)
          cells.push_back((cells.size() % 2 ? "#d:" : "#D:") + std::to_string(d->serial() + 25569));
        else if (r > 0 && digits)
          cells.push_back("#n:" + cell);
        else if (cell.find(' ') != std::string::npos && r > 0)
          cells.push_back("#r:" + cell.substr(0, cell.find(' ') + 1) + "|" + cell.substr(cell.find(' ') + 1));
        else
          cells.push_back(cell);
      }
      rows.push_back(cells);
    }
    sheets.push_back({name.substr(0, name.size() - 4), rows});
  }
  test::makeXlsx(dir / "ds.xlsx", sheets, true);
  auto batch = exchange::readImport(dir / "ds.xlsx");
  REQUIRE(batch.files.size() == 8);
  CHECK(batch.notices.size() == 1);
  auto b = fresh(dir / "xlsx.db");
  auto r = applyAll(*b, batch);
  CHECK(r.added == 15);
  const std::set<std::string> skip = {"audit_log", "committee", "created_at", "updated_at"};
  CHECK(dump(*b, skip) == dump(*a, skip));

  // A broken cell in a sheet is named by the book, sheet, row and column.
  for (auto& sheet : sheets)
    if (sheet.first == "dang_vien") sheet.second[2][4] = "Mặt Trăng";  // row 3, column Dân tộc
  test::makeXlsx(dir / "bad.xlsx", sheets, true);
  auto plan = planAll(*b, exchange::readImport(dir / "bad.xlsx"));
  REQUIRE(plan.problems.size() == 1);
  CHECK(plan.problems[0].find("bad.xlsx") != std::string::npos);
  CHECK(plan.problems[0].find("dang_vien") != std::string::npos);
  CHECK(plan.problems[0].find("\"Dân tộc\"") != std::string::npos);
}

TEST_CASE("import: a large CSV file is read piece by piece exactly as a whole") {
  // Quoted line ends, commas and doubled quotes fall on both sides of the cuts between pieces.
  std::string text = kBom + "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\r\n";
  for (int i = 0; i < 5000; ++i) {
    std::string code = "CB" + std::to_string(10000 + i);
    std::string name = i % 7 == 0   ? "\"Chi bộ \"\"số\"\" " + std::to_string(i) + ",\nbản Nà Ớt\""
                       : i % 5 == 0 ? "\"Chi bộ\r\n" + std::to_string(i) + "\""
                                    : "Chi bộ  bản " + std::to_string(i);
    // A byte order mark starting the line right after the first 1024 line ends (where a piece would end): it
    // stays in the text, as in the whole text, rather than being taken for the start of a file, so the quote
    // after it opens no quoted field.
    if (i == 1022) code = kBom + "\"" + code + "\"";
    text += code + "," + name + ",co_so,Bản," + (i % 3 ? "1/8/2020" : "") + ",,,Có\n";
    if (i % 1000 == 999) text += "\n";  // a blank line: skipped
  }
  const auto& spec = *services::importFileSpec("to_chuc");
  auto pieces = exchange::readImportCsv(spec, "to_chuc.csv", text);
  auto table = exchange::parseCsv(text, "to_chuc.csv");
  std::vector<int> numbers;
  for (size_t i = 0; i < table.rows.size(); ++i) numbers.push_back(int(i + 1));
  auto whole = exchange::readImportTable(spec, "to_chuc.csv", table.rows, numbers);
  CHECK(pieces.problems == whole.problems);
  CHECK(pieces.headers == whole.headers);
  REQUIRE(pieces.rows.size() == 5000);
  REQUIRE(whole.rows.size() == 5000);
  for (size_t i = 0; i < whole.rows.size(); ++i) {
    CAPTURE(i);
    CHECK(pieces.rows[i].row == whole.rows[i].row);
    CHECK(pieces.rows[i].text == whole.rows[i].text);
    CHECK(pieces.rows[i].ends == whole.rows[i].ends);
  }
  CHECK(pieces.rows[7].value(spec, "name") == "Chi bộ \"số\" 7, bản Nà Ớt");
  CHECK(pieces.rows[5].value(spec, "name") == "Chi bộ 5");
  CHECK(pieces.rows[1].value(spec, "name") == "Chi bộ bản 1");
  CHECK(pieces.rows[1].value(spec, "founded") == "2020-08-01");
  CHECK(pieces.rows[0].value(spec, "founded").empty());
  CHECK(pieces.rows[1].value(spec, "has_committee") == "1");
  CHECK(pieces.rows[1022].value(spec, "code") != "CB11022");  // its quotes kept

  // A broken quote in a late piece is reported as for the whole file.
  std::string broken = text + "CB99999,\"Chi bộ hỏng,co_so,Bản,,,,Có\n";
  auto bad = exchange::readImportCsv(spec, "to_chuc.csv", broken);
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].find("to_chuc.csv") != std::string::npos);
  CHECK(bad.rows.empty());
}

TEST_CASE("import: look-alikes among many new members are found without comparing every pair") {
  TempDir dir;
  auto s = fresh(dir / "many.db");
  writeSet(dir / "in", baseSet());
  applyAll(*s, exchange::readImport(dir / "in"));
  std::string text =
      "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học vấn,Chuyên môn,"
      "Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ,Tình trạng,"
      "Ngày thay đổi tình trạng\n";
  for (int i = 0; i < 3000; ++i) {
    text += 'N';  // appended, not `"N" + ...`: a GCC 12 -O3 -Wrestrict false positive (GCC bug 105651)
    text += std::to_string(i) + ",Lò Văn Người " + std::to_string(i) + ",1/1/1980,Nam,Thái,,,,1" +
            std::to_string(10000000000 + i) + ",12/12,khong,chua,,CB01,2020-01-01,,,,\n";
  }
  text += "N9001,Lò Văn Người 5,01/01/1980,Nam,Thái,,,,,12/12,khong,chua,,CB01,2020-01-01,,0012345,,\n";
  text += "N9002,Khác,1/1/1990,Nam,Thái,,,,110000000042,12/12,khong,chua,,CB01,2020-01-01,,,,\n";
  TempDir second;
  writeSet(second.path(), {{"dang_vien.csv", text}});
  auto plan = services::planImport(*s, kOffice, exchange::readImport(second.path()));
  REQUIRE(plan.ok());
  std::vector<std::string> found;
  for (const auto& d : plan.duplicates)
    found.push_back(d.code + "~" + d.otherCode + (d.otherInImport ? "*" : ""));
  CHECK(found == std::vector<std::string>{"N9001~N5*", "N9001~DV001", "N9002~N42*"});
}

TEST_CASE("import: a CSV file that is not UTF-8 is refused whole, wherever its first wrong byte lies") {
  const auto& spec = *services::importFileSpec("to_chuc");
  std::string good = "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n";
  for (int i = 0; i < 3000; ++i)
    good += "CB" + std::to_string(10000 + i) + ",Chi bộ bản " + std::to_string(i) + ",co_so,Bản,,,,Có\n";
  REQUIRE(exchange::readImportCsv(spec, "to_chuc.csv", good).problems.empty());
  // A name saved in a one-byte code page ("Nà Ớt" as Windows-1258 would write "à"), near the start, in a
  // late piece, and inside a quote never closed (the file then read again whole).
  const std::string cp1258 = "N\xE0 \xD4t";
  for (const std::string& text :
       {std::string(good).insert(80, cp1258), good + "CB99999," + cp1258 + ",co_so,Bản,,,,Có\n",
        good + "CB99999,\"" + cp1258 + ",co_so,Bản,,,,Có\n"}) {
    auto f = exchange::readImportCsv(spec, "to_chuc.csv", text);
    REQUIRE(f.problems.size() == 1);
    CHECK(f.problems[0].find("to_chuc.csv") != std::string::npos);
    CHECK(f.problems[0].find("UTF-8") != std::string::npos);
    CHECK(f.rows.empty());
  }
}
