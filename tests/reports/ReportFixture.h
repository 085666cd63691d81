#pragma once
// A small register imported from the office's CSV files, whose report figures are counted by hand in the
// comments (as of 31/12/2024): the fixture of the report tests of tests/reports and tests/cli.
#include <map>
#include <memory>
#include <string>

#include "../TestUtil.h"
#include "exchange/Import.h"
#include "services/Import.h"
#include "services/Services.h"

namespace dangbo::test {

// Three cells (CB01 grassroots village cell with a cell committee, CB02 subordinate village cell, CB03
// subordinate school cell) and six members, DV006 removed on 01/02/2024.
//   present on 31/12/2024: DV001..DV005 (5)
//   ages on 31/12/2024: DV001 57 (56-60), DV002 born 1975: 49 (46-50), DV003 born 03/1995: 29, DV004 24 (up
//   to 30), DV005 64 (over 60)
//   women DV002, DV004; ethnicities Thái 3, Kinh 1, Mông 1; religions Không 4, Công giáo 1
//   qualification trung_cap 1, khong 2, dai_hoc 1, cao_dang 1; theory so_cap 2, chua 2, trung_cap 1
//   official 4, probationary 1 (DV004, admitted 15/06/2024); exempt 1 (DV002)
//   badges at the award day 03/02/2025: DV001 40 years (admitted 03/02/1985), DV005 30 years (31/12/1994)
//   committee 2020-2025: DV001 bí thư, DV003 phó bí thư, DV002 ủy viên BCH
//   ratings 2024: members HTXSNV 1 (DV003), HTTNV 1 (DV001), HTNV 1 (DV005); cells HTTNV 1 (CB01);
//   target dang_vien_tot 2020-2025: 90
inline std::map<std::string, std::string> reportDataset() {
  std::map<std::string, std::string> f;
  f["to_chuc.csv"] =
      "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n"
      "CB01,Chi bộ bản Nà Ớt,Chi bộ cơ sở,Bản,01/01/2000,,,Có\n"
      "CB02,Chi bộ bản Huổi Một,Chi bộ trực thuộc,ban,01/01/2000,,,Không\n"
      "CB03,Chi bộ Trường Tiểu học,Chi bộ trực thuộc,truong,01/01/2000,,,Không\n";
  f["dang_vien.csv"] =
      "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Học vấn,Chuyên môn,Lý luận chính trị,Mã chi bộ,"
      "Ngày vào Đảng,Ngày chính thức,Tình trạng,Ngày thay đổi tình trạng,Quê quán,Nơi ở hiện nay,"
      "\"Nghề nghiệp, chức vụ\"\n"
      "DV001,Lò Văn Pằn,05/03/1967,Nam,Thái,Không,12/12,Trung cấp,Sơ cấp,CB01,03/02/1985,03/02/1986,Đang "
      "sinh hoạt,"
      ",Phiêng Pằn,Bản Nà Ớt,Nông dân\n"
      "DV002,Quàng Thị Ban,1975,Nữ,Thái,Không,9/12,Không,Chưa qua đào tạo,CB01,19/05/2010,19/05/2011,Miễn "
      "sinh hoạt,01/06/2023"
      ",Phiêng Pằn,Bản Nà Ớt,Nông dân\n"
      "DV003,Cà Văn Xoan,03/1995,Nam,Kinh,Công giáo,12/12,Đại học,Trung cấp,CB02,01/01/2015,01/01/2016,Đang "
      "sinh hoạt,"
      ",Phiêng Pằn,Bản Nà Ớt,Nông dân\n"
      "DV004,Lường Thị Dung,10/10/2000,Nữ,Mông,Không,12/12,Cao đẳng,Sơ cấp,CB03,15/06/2024,,Đang sinh hoạt,"
      ",Phiêng Pằn,Bản Nà Ớt,Nông dân\n"
      "DV005,Vì Văn Ếch,01/01/1960,Nam,Thái,Không,7/10,Không,Chưa qua đào "
      "tạo,CB02,31/12/1994,31/12/1995,Đang sinh hoạt,"
      ",Phiêng Pằn,Bản Nà Ớt,Nông dân\n"
      "DV006,Lò Văn Phong,01/01/1970,Nam,Thái,Không,12/12,Trung cấp,Trung cấp,CB03,01/01/2000,01/01/2001,Xoá "
      "tên,01/02/2024"
      ",Phiêng Pằn,Bản Nà Ớt,Nông dân\n";
  f["cap_uy.csv"] =
      "Nhiệm kỳ,Mã đảng viên,Chức vụ\n2020-2025,DV001,Bí thư\n2020-2025,DV003,Phó Bí thư\n"
      "2020-2025,DV002,Ủy viên Ban Chấp hành\n";
  f["xep_loai.csv"] =
      "Năm,Đối tượng,Mã,Xếp loại\n2024,Đảng viên,DV001,HTTNV\n2024,Đảng viên,DV003,HTXSNV\n"
      "2024,Đảng viên,DV005,HTNV\n2024,to_chuc,CB01,HTTNV\n";
  f["chi_tieu.csv"] = "Chỉ tiêu,Từ năm,Đến năm,Giá trị\ndang_vien_tot,2020,2025,90\n";
  return f;
}

/// A new register at `path` with reportDataset() imported.
inline std::unique_ptr<services::Services> importedRegister(const TempDir& dir) {
  auto s = services::Services::create(dir / "r.db", {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La",
                                                     "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
  std::filesystem::create_directories(dir / "in");
  for (const auto& [name, text] : reportDataset()) writeFile(dir / "in" / name, text);
  auto result = services::applyImport(*s, services::Actor::localOffice(), exchange::readImport(dir / "in"));
  if (!result.written) throw std::runtime_error("the report dataset did not import");
  return s;
}

}  // namespace dangbo::test
