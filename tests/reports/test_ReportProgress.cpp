// Progress and cancel of large reports (core::Progress): the register report counts its members, the PDF and
// XLSX files count their rows, and a cancel leaves no file (no *.part) and an existing file as it was.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "../RecordingProgress.h"
#include "../TestUtil.h"
#include "core/Progress.h"
#include "reports/ReportCatalog.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::RecordingProgress;
using dangbo::test::TempDir;

namespace {

std::set<std::string> filesIn(const std::filesystem::path& dir) {
  std::set<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

reports::FrozenReport registerReport(services::Services& s, core::Progress* progress) {
  const core::Date day = *core::Date::make(2026, 11, 29);
  return reports::makeReport(s, services::Actor::localOffice(), {"register", day, day, day}, progress);
}

}  // namespace

TEST_CASE("report progress: the register report counts its members, the PDF and XLSX count their rows") {
  TempDir dir;
  test::createSmallRegister(dir / "so.db", 5, 300, 6);
  auto s = services::Services::open(dir / "so.db");
  RecordingProgress made;
  const auto r = registerReport(*s, &made);
  const auto* reading = made.find("Đang đọc các đảng viên");
  REQUIRE(reading != nullptr);
  REQUIRE(r.model);
  const uint64_t rows = r.model->sections.at(0).tables.at(0).rows.size();
  CHECK(rows > 250);
  CHECK(reading->total == rows);
  CHECK(reading->updates.back() == rows);

  RecordingProgress pdf;
  reports::writeReportFile(dir / "so.pdf", r, "pdf", &pdf);
  for (const std::string stage : {"Đang dàn trang", "Đang vẽ các trang"}) {
    CAPTURE(stage);
    const auto* st = pdf.find(stage);
    REQUIRE(st != nullptr);
    CHECK(st->total >= rows);
    REQUIRE(!st->updates.empty());
    for (size_t k = 1; k < st->updates.size(); ++k) CHECK(st->updates[k] >= st->updates[k - 1]);
  }
  CHECK(pdf.find("Đang vẽ các trang")->updates.back() == pdf.find("Đang vẽ các trang")->total);
  CHECK(test::readFile(dir / "so.pdf").rfind("%PDF", 0) == 0);

  RecordingProgress xlsx;
  reports::writeReportFile(dir / "so.xlsx", r, "xlsx", &xlsx);
  const auto* writing = xlsx.find("Đang ghi các dòng");
  REQUIRE(writing != nullptr);
  CHECK(writing->total >= rows);
  CHECK(writing->updates.back() >= rows);
  CHECK(test::readFile(dir / "so.xlsx").rfind("PK", 0) == 0);
}

TEST_CASE("report cancelled while its file is written: no file, no part file, an existing file kept") {
  TempDir dir;
  test::createSmallRegister(dir / "so.db", 5, 300, 6);
  auto s = services::Services::open(dir / "so.db");
  const auto r = registerReport(*s, nullptr);
  std::filesystem::create_directories(dir / "out");
  test::writeFile(dir / "out" / "old.pdf", "last year's report");
  const auto before = filesIn(dir / "out");
  struct Case {
    std::string format, stage, file;
  };
  for (const Case& c :
       {Case{"pdf", "Đang dàn trang", "new.pdf"}, Case{"pdf", "Đang vẽ các trang", "old.pdf"},
        Case{"xlsx", "Đang ghi các dòng", "new.xlsx"}, Case{"docx", "Đang chuẩn bị văn bản", "new.docx"}}) {
    CAPTURE(c.stage);
    RecordingProgress p;
    p.stopIn = c.stage;
    p.stopAt = 2;
    if (c.format == "docx") p.stopAt = 1;  // the document's preparation has one step
    try {
      reports::writeReportFile(dir / "out" / c.file, r, c.format, &p);
      FAIL("the report was not stopped");
    } catch (const core::Cancelled& e) {
      CHECK(std::string(e.what()) ==
            "Đã dừng theo yêu cầu của bạn: tệp " + (dir / "out" / c.file).string() + " không được ghi.");
    }
    CHECK(filesIn(dir / "out") == before);
    CHECK(test::readFile(dir / "out" / "old.pdf") == "last year's report");
  }
  // Making the report stops too (nothing is written by making one).
  RecordingProgress p;
  p.stopIn = "Đang đọc các đảng viên";
  p.stopAt = 2;
  CHECK_THROWS_AS(registerReport(*s, &p), core::Cancelled);
}
