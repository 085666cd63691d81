// As the office would: a new register, the seed-like folder imported with `import`, the signer set with
// `record set committee`, then `report congress` in every format: the seed's figures and words.
#include <doctest/doctest.h>

#include "../reports/DocumentFiles.h"
#include "../reports/SeedLikeData.h"
#include "CliRun.h"

using namespace dangbo;
using test::runCli;
using test::TempDir;

TEST_CASE("cli: the seed-like folder imported, the congress report in every format") {
  TempDir dir;
  const std::string db = (dir / "r.db").string();
  setenv("DANGBO_FAST_HASH", "1", 1);
  REQUIRE(runCli({"--db", db, "init", "--committee", "Đảng bộ xã Phiêng Pằn", "--province", "Sơn La"}).code ==
          0);
  test::writeSeedLikeFolder(dir / "in", dir / "ubkt");
  const auto imported = runCli({"--db", db, "import", (dir / "in").string()});
  INFO(imported.err);
  REQUIRE(imported.code == 0);
  REQUIRE(runCli({"--db", db, "record", "set", "committee", "-", "signer_name=Hà Xuân Liêm",
                  "recipients=- Ban Thường vụ Tỉnh ủy,\\n- Lưu Văn phòng Đảng ủy."})
              .code == 0);
  // The recipients one per line, as `record show` writes them.
  CHECK(runCli({"--db", db, "record", "show", "committee", "-"})
            .out.find("recipients=- Ban Thường vụ Tỉnh ủy,\\n- Lưu Văn phòng Đảng ủy.\n") !=
        std::string::npos);
  // The inspection committee's files, by its own account.
  auto as = [&](const std::string& user, std::vector<std::string> args, const std::string& more = "") {
    std::vector<std::string> all = {"--db", db, "--user", user, "--password-fd", "FD"};
    all.insert(all.end(), args.begin(), args.end());
    return test::runCliWithInput(all, "mat-khau-" + user + "\n" + more);
  };
  REQUIRE(
      test::runCliWithInput({"--db", db, "user", "add", "quantri", "--role", "admin", "--password-fd", "FD"},
                            "mat-khau-quantri\n")
          .code == 0);
  REQUIRE(as("quantri", {"user", "add", "ubkt", "--role", "inspection"}, "mat-khau-ubkt\n").code == 0);
  const auto cases = as("ubkt", {"import", (dir / "ubkt").string()});
  INFO(cases.err);
  REQUIRE(cases.code == 0);
  const std::vector<std::string> period = {"--from",     "2020-08-01", "--to",
                                           "2024-12-31", "--as-of",    "2025-07-31"};
  auto report = [&](std::vector<std::string> more) {
    std::vector<std::string> a = {"report", "congress"};
    a.insert(a.end(), period.begin(), period.end());
    a.insert(a.end(), more.begin(), more.end());
    return as("quantri", a);
  };
  const auto j = report({"--format", "json"});
  REQUIRE(j.code == 0);
  for (const char* x : {"\"total\": 142,\n    \"target\": 140,\n    \"percent_of_target\": 101.4,",
                        "\"supervisions\": {\n    \"organizations\": 12,\n    \"members\": 7\n  }",
                        "\"inspections\": {\n    \"organizations\": 58,\n    \"members\": 29\n  }"})
    CHECK_MESSAGE(j.out.find(x) != std::string::npos, x);

  const std::string founded =
      "đã thành lập mới 17 chi bộ (chi bộ Trường học: 11, Chi bộ Quân sự xã: 03, Chi bộ Công an xã: 03) và "
      "sáp "
      "nhập 08 chi bộ bản (Chiềng Lương 04 bản thành 02 bản, Phiêng Pằn 04 bản thành 02 bản)";
  for (const std::string format : {"html", "pdf", "docx"}) {
    CAPTURE(format);
    const auto file = dir / ("dh." + format);
    REQUIRE(report({"--format", format, "--out", file.string()}).code == 0);
    const std::string text = format == "pdf"    ? test::squeeze(test::pdfText(file))
                             : format == "docx" ? test::squeeze(test::unzip(file).at("word/document.xml"))
                                                : test::readFile(file);
    for (const std::string& x :
         {founded, std::string("142/140 đảng viên, đạt 101,4%"),
          std::string("giám sát chuyên đề đối với 12 tổ chức đảng và 07 đảng viên"), std::string("Nơi nhận:"),
          std::string("- Lưu Văn phòng Đảng ủy."), std::string("Hà Xuân Liêm")})
      CHECK_MESSAGE(text.find(x) != std::string::npos, x);
    // Two lines, not one, and no "\n" written out.
    if (format != "pdf") CHECK(text.find("Tỉnh ủy, - Lưu") == std::string::npos);
    CHECK(text.find("ủy,\\n") == std::string::npos);
  }
}
