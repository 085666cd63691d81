#pragma once
// The seed-like test data: the import folder (CSV files of ../shared/spec/import.md, version 2) of a commune
// formed on 1/7/2025 from three former communes, whose congress figures for the period 01/08/2020 -
// 31/12/2024 (standing figures on 31/07/2025) are those of the seed's sections 6.2-6.4 and targets (20)-(23):
//   founded in the period: 17 cells (Công an 03, Quân sự 03, Trường học 11), by origin Phiêng Pằn 6, Chiềng
//     Lương 6, Nà Ớt 5; merged: 08 village cells (Chiềng Lương 04 into 02, Phiêng Pằn 04 into 02);
//   on 31/07/2025: 58 cells (45 village cells, 31 of them with a cell committee; 1 police, 1 military, 11
//     schools; the three former communes' police and military cells merged on 01/07/2025, after the period);
//   admissions: 142 against 140 (the former communes' term targets 50 + 50 + 40), 101,4%, by origin
//     Phiêng Pằn 50, Chiềng Lương 52, Nà Ớt 40;
//   inspections (not supervision): 58 organizations, 29 members; supervision: 12 organizations, 7 members;
//   discipline: khiển trách 06, cảnh cáo 02, khai trừ 01 members; xóa tên 09;
//   ratings 2020-2024 of the 45 village cells: 43, 41, 40, 42, 45 good or better (95,6%, 91,1%, 88,9%,
//     93,3%, 100%) against the lowest former commune's 90% (2022 not met); of 100 members: 92, 95, 89, 90, 93
//     against the committee's own 90% (2022 not met, 2023 met at exactly 90%);
//   village secretaries on 31 December: 45; trained 45, 40, 45, 43, 45 (2021: 88,9%);
//   the new term 2025-2030: committee 25 (standing 8); targets to_chuc_tot 90, dang_vien_tot 90, ket_nap_nam
//     30, chi_bo_ban_co_chi_uy 100, bi_thu_tap_huan 100.
// `dangbo-cli import FOLDER` reads it like any office's folder (the inspection committee's account imports
// kiem_tra.csv and ky_luat.csv, written apart); tests/reports/test_SeedLike.cpp and
// tests/cli/test_SeedLikeCli.cpp check the figures and the printed words against the seed. The import reads
// tap_huan.csv (through the member form's door, services::addTraining) and bi_thu_chi_bo.csv (through the
// door of a secretary's period, services::recordSecretaryPeriod).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../TestUtil.h"

namespace dangbo::test {

struct SeedLikeCell {
  std::string code, name, kind, category, founded, ceased, into, committee, origin;
};

inline std::vector<SeedLikeCell> seedLikeCells() {
  std::vector<SeedLikeCell> cells;
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  const struct {
    const char* prefix;
    const char* origin;
    int villages, withCommittee, schools;
    const char* mergedOn;
  } communes[] = {{"PP", "Phiêng Pằn", 17, 11, 4, "01/06/2022"},
                  {"CL", "Chiềng Lương", 17, 12, 4, "01/03/2023"},
                  {"NO", "Nà Ớt", 11, 8, 3, ""}};
  int c = 0;
  for (const auto& k : communes) {
    const std::string p = k.prefix;
    for (int v = 1; v <= k.villages; ++v)
      cells.push_back({p + two(v), "Chi bộ bản " + p + " " + two(v), "Chi bộ trực thuộc", "Bản", "01/01/2000",
                       "", "", v <= k.withCommittee ? "Có" : "Không", k.origin});
    if (*k.mergedOn)  // four village cells merged into the first two
      for (int v = 1; v <= 4; ++v)
        cells.push_back({p + "X" + std::to_string(v), "Chi bộ bản " + p + " cũ " + std::to_string(v),
                         "Chi bộ trực thuộc", "Bản", "01/01/1995", k.mergedOn, p + two((v + 1) / 2), "Không",
                         k.origin});
    // Police and military cells founded in the term; merged into Phiêng Pằn's on the new commune's day.
    const std::string founded = "15/0" + std::to_string(1 + c) + "/2021";
    const bool survivor = p == "PP";
    cells.push_back({p + "CA", "Chi bộ Công an xã " + std::string(k.origin), "Chi bộ trực thuộc", "Công an",
                     founded, survivor ? "" : "01/07/2025", survivor ? "" : "PPCA", "Không", k.origin});
    cells.push_back({p + "QS", "Chi bộ Quân sự xã " + std::string(k.origin), "Chi bộ trực thuộc", "Quân sự",
                     founded, survivor ? "" : "01/07/2025", survivor ? "" : "PPQS", "Không", k.origin});
    for (int t = 1; t <= k.schools; ++t)
      cells.push_back({p + "T" + std::to_string(t), "Chi bộ Trường " + std::to_string(t) + " " + k.origin,
                       "Chi bộ trực thuộc", "Trường học", "01/09/202" + std::to_string(1 + t % 2), "", "",
                       "Không", k.origin});
    ++c;
  }
  return cells;
}

// The organizations and the members.
inline std::map<std::string, std::string> seedLikeMembers() {
  std::map<std::string, std::string> f;
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  const auto cells = seedLikeCells();
  std::string& org = f["to_chuc.csv"];
  org = "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy,Đơn vị cũ\n";
  for (const auto& c : cells)
    org += c.code + "," + c.name + "," + c.kind + "," + c.category + "," + c.founded + "," + c.ceased + "," +
           c.into + "," + c.committee + "," + c.origin + "\n";

  // Members: 12 admitted long ago in each village cell, 8 in the surviving police and military cells, 6 in
  // each school; then the 142 of the period in the village cells (50, 52, 40 by former commune).
  struct M {
    std::string code, cell, admitted, status, since;
  };
  std::vector<M> members;
  std::vector<std::string> villages;  // current village cells in order
  std::map<std::string, std::vector<std::string>> ofCell;
  int n = 0;
  auto code = [&] { return "DV" + std::to_string(1000 + ++n); };
  for (const auto& c : cells) {
    if (!c.ceased.empty()) continue;
    const int count = c.category == "Bản" ? 12 : c.category == "Trường học" ? 6 : 8;
    if (c.category == "Bản") villages.push_back(c.code);
    for (int i = 0; i < count; ++i) {
      M m{code(), c.code, two(1 + n % 28) + "/" + two(1 + n % 12) + "/" + std::to_string(1990 + n % 26), "",
          ""};
      ofCell[c.code].push_back(m.code);
      members.push_back(m);
    }
  }
  // Xóa tên 09 and khai trừ 01 in the period, among the long-standing members of the village cells (the
  // fifth of cells 1..10).
  for (int i = 0; i < 10; ++i) {
    M& m = members[size_t(i * 12 + 4)];
    m.status = i < 9 ? "Xóa tên" : "Khai trừ";
    m.since = i < 9 ? "10/0" + std::to_string(1 + i) + "/202" + std::to_string(1 + i % 4) : "10/09/2024";
  }
  // 142 admissions from 01/08/2020 to 31/12/2024 (1613 days), spread evenly.
  const int byOrigin[3] = {50, 52, 40};
  const std::string prefixes[3] = {"PP", "CL", "NO"};
  int k = 0;
  for (int o = 0; o < 3; ++o)
    for (int i = 0; i < byOrigin[o]; ++i, ++k) {
      std::vector<std::string> own;
      for (const auto& v : villages)
        if (v.rfind(prefixes[o], 0) == 0) own.push_back(v);
      const int day = k * 1612 / 141;  // days after 01/08/2020
      // Dates through the day count: 2020 has 153 days from 01/08, then whole years.
      int y = 2020, left = day;
      int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int mo = 8, dd = 1;
      while (left > 0) {
        const bool leap = y % 4 == 0;
        const int inMonth = mo == 2 && leap ? 29 : mdays[mo - 1];
        if (left >= inMonth - dd + 1) {
          left -= inMonth - dd + 1;
          dd = 1;
          if (++mo > 12) mo = 1, ++y;
        } else {
          dd += left;
          left = 0;
        }
      }
      members.push_back(
          {code(), own[size_t(i) % own.size()], two(dd) + "/" + two(mo) + "/" + std::to_string(y), "", ""});
    }
  std::string& dv = f["dang_vien.csv"];
  dv = "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Học vấn,Chuyên môn,Lý luận chính trị,Mã chi bộ,"
       "Ngày vào Đảng,Ngày chính thức,Tình trạng,Ngày thay đổi tình trạng,Quê quán,Nơi ở hiện nay,"
       "\"Nghề nghiệp, chức vụ\"\n";
  const char* surnames[] = {"Lò", "Cầm", "Quàng", "Lường", "Tòng", "Vì", "Điêu", "Hoàng"};
  const char* given[] = {"Pằn", "Xuân", "Thắm", "Khoa", "Chiến", "Nhung", "Toàn", "Hường", "Dìn"};
  for (size_t i = 0; i < members.size(); ++i) {
    const M& m = members[i];
    const bool woman = i % 3 == 0;
    const int admittedYear = std::stoi(m.admitted.substr(6));
    const std::string born = two(1 + int(i) % 28) + "/0" + std::to_string(1 + int(i) % 9) + "/" +
                             std::to_string(admittedYear - 22 - int(i) % 10);
    // Official a year after the admission, when that day has come by 31/07/2025.
    const std::string officialOn =
        (m.admitted.substr(0, 6) == "29/02/" ? "01/03/" : m.admitted.substr(0, 6)) +
        std::to_string(admittedYear + 1);
    const bool official =
        admittedYear + 1 < 2025 || (admittedYear + 1 == 2025 && m.admitted.substr(3, 2) <= "07");
    dv += m.code + "," + surnames[i % 8] + (woman ? " Thị " : " Văn ") + given[i % 9] + " " +
          std::to_string(i) + "," + born + "," + (woman ? "Nữ" : "Nam") + "," +
          (i % 10 == 0  ? "Kinh"
           : i % 7 == 0 ? "Mông"
                        : "Thái") +
          ",Không,12/12," + (i % 4 == 0 ? "Đại học" : "Trung cấp") + "," +
          (i % 5 == 0 ? "Trung cấp" : "Sơ cấp") + "," + m.cell + "," + m.admitted + "," +
          (official ? officialOn : "") + "," + (m.status.empty() ? "Đang sinh hoạt" : m.status) + "," +
          m.since + ",Sơn La,Bản " + m.cell + ",Nông dân\n";
  }

  return f;
}

// The inspection committee's files (kiem_tra.csv, ky_luat.csv), which only its account imports.
inline std::map<std::string, std::string> seedLikeCaseFiles() {
  std::map<std::string, std::string> f;
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  auto member = [](int i) { return "DV" + std::to_string(1001 + i); };  // the i-th member of seedLikeDataset
  std::vector<std::string> villages;
  for (const auto& c : seedLikeCells())
    if (c.category == "Bản" && c.ceased.empty()) villages.push_back(c.code);
  // Discipline: the khai trừ decision of the expelled member; khiển trách 06 and cảnh cáo 02 on members of
  // cells 11..18 (the first member of each); one decision before the period and one after it.
  std::string& kl = f["ky_luat.csv"];
  kl = "Số quyết định,Ngày quyết định,Đối tượng,Mã,Hình thức,Cấp quyết định,Nội dung vi phạm\n";
  kl += "KL01,10/09/2024,Đảng viên," + member(9 * 12 + 4) + ",Khai trừ,Đảng ủy,Vi phạm tư cách\n";
  for (int i = 0; i < 8; ++i)
    kl += "KL" + two(2 + i) + ",15/0" + std::to_string(1 + i) + "/2022,Đảng viên," + member((10 + i) * 12) +
          "," + (i < 6 ? "Khiển trách" : "Cảnh cáo") + ",Chi bộ,Vi phạm nội quy\n";
  kl += "KL10,15/06/2020,Đảng viên," + member(19 * 12) + ",Cảnh cáo,Chi bộ,Trước kỳ\n";
  kl += "KL11,15/03/2025,Đảng viên," + member(20 * 12) + ",Khiển trách,Chi bộ,Sau kỳ\n";

  // Inspections: the 58 cells of today (regular), 29 members (signs of violation); supervision of 12 cells
  // (10 of them also inspected) and 7 members; one inspection before the period, one after it.
  std::string& kt = f["kiem_tra.csv"];
  kt = "Số,Ngày,Đối tượng,Mã,Loại,Kết luận\n";
  int no = 0;
  auto inspect = [&](const std::string& on, const char* subject, const std::string& who, const char* kind) {
    kt += "KT" + std::to_string(++no) + "," + on + "," + subject + "," + who + "," + kind + ",\n";
  };
  int inspected = 0;
  for (const auto& c : seedLikeCells())
    if (c.ceased.empty()) {
      inspect("20/0" + std::to_string(1 + inspected % 9) + "/2022", "Tổ chức", c.code, "Thường xuyên");
      ++inspected;
    }
  for (int i = 0; i < 29; ++i)
    inspect("05/1" + std::to_string(i % 3) + "/2023", "Đảng viên", member(i * 13 + 1),
            "Khi có dấu hiệu vi phạm");
  for (int i = 0; i < 12; ++i)
    inspect("12/05/2024", "Tổ chức", villages[size_t(i * 3)], "Giám sát chuyên đề");
  for (int i = 0; i < 7; ++i) inspect("12/06/2024", "Đảng viên", member(i * 17 + 2), "giam_sat");
  inspect("10/10/2019", "Tổ chức", "PPX1", "Thường xuyên");
  inspect("10/02/2025", "Đảng viên", member(3), "Thường xuyên");

  return f;
}

// The office's files: organizations, members, ratings, committees, targets and (version 2) the village
// cells' secretaries and their trainings.
inline std::map<std::string, std::string> seedLikeDataset() {
  auto f = seedLikeMembers();
  auto member = [](int i) { return "DV" + std::to_string(1001 + i); };
  std::vector<std::string> villages;
  std::map<std::string, std::vector<std::string>> ofCell;
  {
    int n = 0;
    for (const auto& c : seedLikeCells()) {
      if (!c.ceased.empty()) continue;
      const int count = c.category == "Bản" ? 12 : c.category == "Trường học" ? 6 : 8;
      if (c.category == "Bản") villages.push_back(c.code);
      for (int i = 0; i < count; ++i) ofCell[c.code].push_back(member(n++));
    }
  }
  // Ratings 2020-2024: the 45 village cells and 100 long-standing members who stay (the second to the
  // twelfth of village cells 1..10, less the fifth, who is removed or expelled).
  std::string& xl = f["xep_loai.csv"];
  xl = "Năm,Đối tượng,Mã,Xếp loại\n";
  const int goodCells[5] = {43, 41, 40, 42, 45}, goodMembers[5] = {92, 95, 89, 90, 93};
  std::vector<std::string> rated;
  for (int c = 0; c < 10; ++c)
    for (int i = 1; i < 12; ++i)
      if (i != 4) rated.push_back(member(c * 12 + i));
  for (int y = 0; y < 5; ++y) {
    const std::string year = std::to_string(2020 + y);
    for (size_t i = 0; i < villages.size(); ++i)
      xl += year + ",Tổ chức," + villages[i] + "," +
            (int(i) < goodCells[y] ? (i % 5 == 0 ? "HTXSNV" : "HTTNV") : "HTNV") + "\n";
    for (size_t i = 0; i < rated.size(); ++i)
      xl += year + ",Đảng viên," + rated[i] + "," +
            (int(i) < goodMembers[y] ? (i % 7 == 0 ? "HTXSNV" : "HTTNV") : (i % 2 ? "HTNV" : "KHTNV")) + "\n";
  }

  // Secretaries: the first member of each village cell since 2019; trainings of them each year.
  std::string& bt = f["bi_thu_chi_bo.csv"];
  bt = "Mã chi bộ,Mã đảng viên,Từ ngày,Đến ngày\n";
  for (const auto& v : villages) bt += v + "," + ofCell[v][0] + ",01/01/2019,\n";
  std::string& th = f["tap_huan.csv"];
  th = "Mã đảng viên,Ngày,Nội dung\n";
  const int trained[5] = {45, 40, 45, 43, 45};
  for (int y = 0; y < 5; ++y)
    for (int i = 0; i < trained[y]; ++i)
      th += ofCell[villages[size_t(i)]][0] + ",15/05/" + std::to_string(2020 + y) +
            ",Tập huấn nghiệp vụ công tác đảng\n";

  // The committees: 2020-2025 (15) and the new term's 25, 8 of them standing.
  std::string& cu = f["cap_uy.csv"];
  cu = "Nhiệm kỳ,Mã đảng viên,Chức vụ\n";
  for (int i = 0; i < 15; ++i)
    cu += "2020-2025," + ofCell[villages[size_t(i)]][1] + "," +
          (i == 0  ? "Bí thư"
           : i < 3 ? "Phó Bí thư"
           : i < 5 ? "Ủy viên Ban Thường vụ"
                   : "Ủy viên Ban Chấp hành") +
          "\n";
  for (int i = 0; i < 25; ++i)
    cu += "2025-2030," + ofCell[villages[size_t(20 + i)]][2] + "," +
          (i == 0  ? "Bí thư"
           : i < 3 ? "Phó Bí thư"
           : i < 8 ? "Ủy viên Ban Thường vụ"
                   : "Ủy viên Ban Chấp hành") +
          "\n";

  f["chi_tieu.csv"] =
      "Chỉ tiêu,Từ năm,Đến năm,Giá trị,Đơn vị cũ\n"
      "ket_nap_nhiem_ky,2020,2025,50,Phiêng Pằn\n"
      "ket_nap_nhiem_ky,2020,2025,50,Chiềng Lương\n"
      "ket_nap_nhiem_ky,2020,2025,40,Nà Ớt\n"
      "to_chuc_tot,2020,2025,90,Phiêng Pằn\n"
      "to_chuc_tot,2020,2025,92,Chiềng Lương\n"
      "to_chuc_tot,2020,2025,90,Nà Ớt\n"
      "dang_vien_tot,2020,2025,90,\n"
      "dang_vien_tot,2020,2025,85,Nà Ớt\n"
      "to_chuc_tot,2025,2030,90,\n"
      "dang_vien_tot,2025,2030,90,\n"
      "ket_nap_nam,2025,2030,30,\n"
      "chi_bo_ban_co_chi_uy,2025,2030,100,\n"
      "bi_thu_tap_huan,2025,2030,100,\n";
  return f;
}

/// Writes the seed-like folder of the office's files, and when `cases` is given the inspection committee's.
inline void writeSeedLikeFolder(const std::filesystem::path& folder,
                                const std::filesystem::path& cases = {}) {
  std::filesystem::create_directories(folder);
  for (const auto& [name, text] : seedLikeDataset()) writeFile(folder / name, text);
  if (cases.empty()) return;
  std::filesystem::create_directories(cases);
  for (const auto& [name, text] : seedLikeCaseFiles()) writeFile(cases / name, text);
}

}  // namespace dangbo::test
