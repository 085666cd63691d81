#include <doctest/doctest.h>

#include <zip.h>

#include "../RecordingProgress.h"
#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "exchange/Csv.h"
#include "exchange/RegisterExport.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/RegisterRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

namespace {

core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}

// Cells CB01 (village) and CB02 (military); four members, one of them transferred out in 2024.
std::unique_ptr<services::Services> smallRegister(const TempDir& dir) {
  auto s = services::Services::create(dir / "r.db", {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La",
                                                     "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
  store::RegisterRepository reg(services::storeOf(*s));
  reg.insertOrganization({1, "CB01", "Chi bộ bản Nà Ớt", "truc_thuoc", "ban", {}, {}, {}, false, {}, {}});
  reg.insertOrganization({2, "CB02", "Chi bộ Quân sự", "co_so", "quan_su", {}, {}, {}, false, {}, {}});
  auto add = [&](const std::string& code, const std::string& name, core::Id cell, auto edit) {
    core::Member m;
    m.code = code;
    m.fullName = name;
    m.gender = "nam";
    m.birthDate = core::PartialDate::make(1975, 4);
    m.ethnicity = "03";
    m.religion = "Không";
    m.hometown = "Bản Nà Ớt, xã Phiêng Pằn, tỉnh Sơn La";
    m.education = "12/12";
    m.theory = "trung_cap";
    m.qualification = "dai_hoc";
    m.occupation = "Nông dân";
    m.admittedOn = d(2010, 3, 3);
    m.officialOn = d(2011, 3, 3);
    m.cardNo = "1234" + code.substr(2);
    m.fileNo = "0" + code.substr(2) + "SL";
    m.cellId = cell;
    edit(m);
    return reg.insertMember(m);
  };
  add("DV01", "Lò Văn Pằn", 1, [](core::Member&) {});
  add("DV02", "Cà Thị Ánh", 1, [](core::Member& m) {
    m.gender = "nu";
    m.birthName = "Cà Thị Ánh Tuyết";
    m.status = "exempt";
    m.statusSince = d(2022, 2, 2);
  });
  add("DV03", "Quàng Văn An", 2, [](core::Member& m) {
    m.transferredInOn = d(2020, 9, 9);
    m.transferredInFrom = "Đảng bộ xã Mường Bú";
    m.occupation = "Chỉ huy trưởng, Ban Chỉ huy quân sự xã";
  });
  core::Id gone = add("DV04", "Lường Văn Đi", 1, [](core::Member& m) {
    m.status = "transferred_out";
    m.statusSince = d(2024, 3, 1);
  });
  reg.insertEvent({0, gone, d(2024, 3, 1), "transfer_out", core::Id(1), std::nullopt,
                   "Đảng bộ phường Chiềng Lề", "", "", std::nullopt});
  return s;
}

// The text of one entry of a zip file ("" when missing).
std::string zipEntry(const std::filesystem::path& file, const char* name) {
  int err = 0;
  zip_t* z = zip_open(file.string().c_str(), ZIP_RDONLY, &err);
  if (!z) return {};
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name, 0);
    if (f) {
      out.resize(st.size);
      zip_int64_t n = zip_fread(f, out.data(), st.size);
      out.resize(n > 0 ? size_t(n) : 0);
      zip_fclose(f);
    }
  }
  zip_close(z);
  return out;
}

}  // namespace

TEST_CASE("register export: CSV with BOM, the 14 columns, one numbered row per member in name order") {
  TempDir dir;
  auto s = smallRegister(dir);
  exchange::RegisterExportOptions opt;
  opt.asOf = d(2025, 1, 1);
  auto path = dir / "so-dang-vien.csv";
  CHECK(exchange::exportRegister(*s, Actor::localOffice(), path, opt) == 3);
  std::string text = test::readFile(path);
  REQUIRE(text.size() > 3);
  CHECK(text.substr(0, 3) == "\xEF\xBB\xBF");
  auto table = exchange::parseCsv(text.substr(3), "so-dang-vien.csv");
  REQUIRE(table.rows.size() == 4);
  for (const auto& row : table.rows) CHECK(row.size() == 14);
  // Headings through the catalog (msgids "No.", ... translated in po/vi.po).
  CHECK(table.rows[0] == exchange::registerHeadings());
  CHECK(table.rows[0][0] == core::tr("No."));
  // Given names: An < Ánh < Pằn.
  CHECK(table.rows[1][0] == "1");
  CHECK(table.rows[1][1] == "Quàng Văn An");
  CHECK(table.rows[2][0] == "2");
  CHECK(table.rows[2][1] == "Cà Thị Ánh; Cà Thị Ánh Tuyết");
  CHECK(table.rows[3][0] == "3");
  CHECK(table.rows[3][1] == "Lò Văn Pằn");
  CHECK(table.rows[3][2] == "Nam; Thái; Không");
  CHECK(table.rows[3][3] == "Bản Nà Ớt, xã Phiêng Pằn, tỉnh Sơn La");  // quoted: it holds commas
  CHECK(table.rows[3][4] == "12/12; " + core::format(core::tr("Theory: {1}"), {"Trung cấp"}) + "; " +
                                core::format(core::tr("Qualification: {1}"), {"Đại học"}));
  CHECK(table.rows[3][6] == "03/03/2010; 03/03/2011");
  CHECK(table.rows[3][7] == "123401; 001SL");
  CHECK(table.rows[1][8] == core::tr("Army"));
  CHECK(table.rows[1][10] == core::format(core::tr("{1} from {2}"), {"09/09/2020", "Đảng bộ xã Mường Bú"}));
  CHECK(table.rows[2][13].find(core::format(core::tr("exempt from activities since {1}"), {"02/02/2022"})) !=
        std::string::npos);
  CHECK(table.rows[3][13].find("04/1975") != std::string::npos);

  // On a day before the transfer out, the member who left is still on the register.
  opt.asOf = d(2024, 2, 29);
  CHECK(exchange::exportRegister(*s, Actor::localOffice(), path, opt) == 4);
  // With departed members: the transfer out in column 10.
  opt.asOf = d(2025, 1, 1);
  opt.includeDeparted = true;
  CHECK(exchange::exportRegister(*s, Actor::localOffice(), path, opt) == 4);
  table = exchange::parseCsv(test::readFile(path).substr(3), "x.csv");
  REQUIRE(table.rows.size() == 5);
  bool found = false;
  for (const auto& row : table.rows)
    if (row[1] == "Lường Văn Đi") {
      found = true;
      CHECK(row[9] == core::format(core::tr("{1} to {2}"), {"01/03/2024", "Đảng bộ phường Chiềng Lề"}));
      CHECK(row[13].find(core::tr("probationary")) == std::string::npos);
    }
  CHECK(found);
}

TEST_CASE("register export: XLSX is a workbook holding the members") {
  TempDir dir;
  auto s = smallRegister(dir);
  exchange::RegisterExportOptions opt;
  opt.asOf = d(2025, 1, 1);
  auto path = dir / "so.XLSX";
  CHECK(exchange::exportRegister(*s, Actor::localOffice(), path, opt) == 3);
  std::string bytes = test::readFile(path);
  REQUIRE(bytes.size() > 100);
  CHECK(bytes.substr(0, 2) == "PK");
  std::string sheet = zipEntry(path, "xl/worksheets/sheet1.xml");
  REQUIRE_FALSE(sheet.empty());
  CHECK(sheet.find("Lò Văn Pằn") != std::string::npos);
  CHECK(sheet.find("Quàng Văn An") != std::string::npos);
  CHECK(sheet.find(core::tr("MEMBER REGISTER")) != std::string::npos);
  CHECK(sheet.find("ĐẢNG BỘ XÃ PHIÊNG PẰN") != std::string::npos);
  CHECK(sheet.find("Lường Văn Đi") == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "so.XLSX.part"));
}

TEST_CASE("register export: other endings are refused, a secretary gets their cell") {
  TempDir dir;
  auto s = smallRegister(dir);
  exchange::RegisterExportOptions opt;
  opt.asOf = d(2025, 1, 1);
  CHECK_THROWS_AS(exchange::exportRegister(*s, Actor::localOffice(), dir / "so.pdf", opt), core::DataError);
  CHECK_THROWS_AS(exchange::exportRegister(*s, Actor::localOffice(), dir / "so", opt), core::DataError);
  CHECK_FALSE(std::filesystem::exists(dir / "so.pdf"));
  CHECK_THROWS_AS(exchange::exportRegister(*s, Actor::localOffice(), dir / "missing-folder" / "so.csv", opt),
                  core::DataError);

  auto path = dir / "cell.csv";
  CHECK(exchange::exportRegister(*s, Actor{"bithu", "secretary", core::Id(2)}, path, opt) == 1);
  auto table = exchange::parseCsv(test::readFile(path).substr(3), "cell.csv");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1][1] == "Quàng Văn An");
  CHECK_THROWS_AS(exchange::exportRegister(*s, Actor{"x", "guest", std::nullopt}, path, opt),
                  core::PermissionError);
}

TEST_CASE("register export: the progress counts every row, and a stop leaves no file and no litter") {
  TempDir dir;
  auto s = smallRegister(dir);
  for (const std::string name : {"so.csv", "so.xlsx"}) {
    CAPTURE(name);
    exchange::RegisterExportOptions opt;
    opt.asOf = d(2025, 1, 1);
    test::RecordingProgress done;
    opt.progress = &done;
    REQUIRE(exchange::exportRegister(*s, Actor::localOffice(), dir / name, opt) == 3);
    const auto* stage = done.find(core::tr("Writing the register"));
    REQUIRE(stage != nullptr);
    CHECK(stage->total == 3);
    REQUIRE_FALSE(stage->updates.empty());
    CHECK(stage->updates.back() == 3);
    const std::string written = test::readFile(dir / name);

    // Stopped at the first row: the earlier file stays as it was, and no temporary file is left beside it.
    test::RecordingProgress stop;
    stop.stopIn = core::tr("Writing the register");
    stop.stopAt = 1;
    opt.progress = &stop;
    CHECK_THROWS_AS(exchange::exportRegister(*s, Actor::localOffice(), dir / name, opt), core::Cancelled);
    CHECK(test::readFile(dir / name) == written);
    size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
      const auto file = e.path().filename().string();
      CHECK_MESSAGE(file.find(".part") == std::string::npos, file);
      ++files;
    }
    CHECK(files >= 1);
  }
}
