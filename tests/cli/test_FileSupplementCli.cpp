// `dangbo-cli report file-supplement` (3-HSĐV, one sheet per member, PDF and DOCX), `file-supplement return`
// through the service's one door (all or nothing, refused for a secretary) and `report
// file-supplement-missing`.
#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "../reports/DocumentFiles.h"
#include "../services/AdmissionTestData.h"
#include "CliRun.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using services::Actor;
using test::runCli;
using test::runCliWithInput;
using test::admission::d;

namespace {

// One cell of three members; DV1's residence changed this year.
struct Register : test::admission::OneCell {
  Register() {
    for (const char* code : {"DV1", "DV2", "DV3"})
      member(code, d(2000, 1, 3), d(2000, 1, 10), d(2001, 1, 10), *core::PartialDate::make(1970, 1, 1));
    core::Member m = services::memberFile(*s, Actor::localOffice(), "DV1").member;
    m.residence = "Bản Mới";
    services::updateMember(*s, Actor::localOffice(), m, "");
  }
  // The returns and the audit rows: what a refused call leaves as it was.
  std::string state() {
    auto reader = services::Services::openForReading(path);
    SQLite::Statement q(services::storeOf(*reader).db(),
                        "SELECT (SELECT count(*) FROM file_supplement_returns) || '/' || (SELECT count(*) "
                        "FROM audit_log)");
    q.executeStep();
    return q.getColumn(0).getString();
  }
};

}  // namespace

TEST_CASE("cli file-supplement: the sheets in PDF and DOCX, returns marked, the missing list, refusals") {
  Register r;
  test::TempDir dir;
  const std::string year = std::to_string(core::Date::today().year());
  const auto pdf = dir / "phieu.pdf";
  auto res = runCli({"--db", r.path, "report", "file-supplement", "--year", year, "--cell", "CB01",
                     "--format", "pdf", "--out", pdf.string()});
  REQUIRE_MESSAGE(res.code == 0, res.err);
  const std::string text = test::pdfText(pdf);
  // One sheet a page: three pages, each headed by the form's title.
  CHECK(std::count(text.begin(), text.end(), '\f') == 3);
  const std::string flat = test::squeeze(text);
  CHECK(flat.find("PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN") != std::string::npos);
  CHECK(flat.find("Mẫu 3-HSĐV") != std::string::npos);
  CHECK(flat.find("Bản Mới (trước đây: —;") != std::string::npos);
  CHECK(flat.find("Không có gì thay đổi.") != std::string::npos);
  const auto docx = dir / "phieu.docx";
  res = runCli({"--db", r.path, "report", "file-supplement", "--year", year, "--member", "DV2", "--format",
                "docx", "--out", docx.string()});
  REQUIRE_MESSAGE(res.code == 0, res.err);
  const std::string xml = test::unzip(docx).at("word/document.xml");
  CHECK(xml.find("Lò Văn DV2") != std::string::npos);
  CHECK(xml.find("Lò Văn DV1") == std::string::npos);
  CHECK(xml.find("Không có gì thay đổi.") != std::string::npos);

  // Marked returned: all or nothing.
  const std::string before = r.state();
  auto refused = [&](std::vector<std::string> args, int code, const std::string& says) {
    std::vector<std::string> all = {"--db", r.path, "file-supplement"};
    all.insert(all.end(), args.begin(), args.end());
    const auto x = runCli(all);
    CHECK(x.code == code);
    CHECK_MESSAGE(x.err.find(says) != std::string::npos, x.err);
    CHECK(x.out.empty());
    CHECK(r.state() == before);
  };
  refused({"return", "DV1"}, 2, "--year");
  refused({"return", "--year", "20x6", "DV1"}, 2, "20x6");
  refused({"return", "--year", year}, 2, "mã");
  refused({"send", "--year", year, "DV1"}, 2, "file-supplement");
  refused({"return", "--year", year, "DV1", "DV9"}, 1, "DV9");
  refused({"return", "--year", std::to_string(core::Date::today().year() + 1), "DV1"}, 1, "chưa bắt đầu");
  refused({"return", "--year", year, "DV1", "--on", core::Date::today().addDays(1).iso()}, 1, "chưa đến");
  res = runCli({"--db", r.path, "file-supplement", "return", "--year", year, "DV1", "DV3"});
  REQUIRE_MESSAGE(res.code == 0, res.err);
  CHECK(res.out == "DV1\nDV3\n");
  CHECK(res.err.find("Đã ghi nhận: 2 phiếu") != std::string::npos);
  res = runCli({"--db", r.path, "report", "file-supplement-missing", "--year", year, "--format", "csv"});
  REQUIRE(res.code == 0);
  CHECK(res.out.find("DV2") != std::string::npos);
  CHECK(res.out.find("DV1") == std::string::npos);
  CHECK(res.out.find("DV3") == std::string::npos);
  CHECK(runCli({"--db", r.path, "report", "members", "--member", "DV1"}).code == 2);
  CHECK(runCli({"--db", r.path, "report", "file-supplement", "--publish"}).code == 2);
  CHECK(runCli({"--help"}).out.find("file-supplement return --year Y") != std::string::npos);

  // A secretary, even of the members' own cell, is refused: the office keeps the files.
  REQUIRE(
      runCliWithInput({"--db", r.path, "user", "add", "quantri", "--role", "admin", "--password-fd", "FD"},
                      "mat-khau-quan-tri\n")
          .code == 0);
  REQUIRE(runCliWithInput({"--db", r.path, "--user", "quantri", "--password-fd", "FD", "user", "add", "bithu",
                           "--role", "secretary", "--cell", "CB01"},
                          "mat-khau-quan-tri\nmat-khau-bi-thu\n")
              .code == 0);
  res = runCliWithInput({"--db", r.path, "--user", "bithu", "--password-fd", "FD", "file-supplement",
                         "return", "--year", year, "DV2"},
                        "mat-khau-bi-thu\n");
  CHECK(res.code == 1);
  CHECK(res.err.find("chỉ Văn phòng Đảng ủy") != std::string::npos);
  CHECK(r.state().rfind("2/", 0) == 0);  // still the two returns (the login writes its own audit row)
  // ...but prints the sheets of their cell.
  res = runCliWithInput({"--db", r.path, "--user", "bithu", "--password-fd", "FD", "report",
                         "file-supplement", "--year", year, "--format", "json"},
                        "mat-khau-bi-thu\n");
  CHECK_MESSAGE(res.code == 0, res.err);
  CHECK(res.out.find("\"changes@DV2\"") != std::string::npos);
}
