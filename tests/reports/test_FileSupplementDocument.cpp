// The printed sheets of the file supplement (3-HSĐV): one sheet per member on its own page, with its own
// header, worded by reports/file-supplement.txt or an office's copy of it (refused with its line when wrong);
// and the photo frame of the member card (2-HSĐV).
#include <doctest/doctest.h>

#include <algorithm>

#include "../TestUtil.h"
#include "../services/AdmissionTestData.h"
#include "DocumentFiles.h"
#include "core/Errors.h"
#include "reports/ReportCatalog.h"
#include "reports/ReportTemplate.h"
#include "reports/SupplementDocument.h"

using namespace dangbo;
using services::Figure;
using services::ReportRow;
using test::admission::d;

namespace {

services::ReportSection sheet(const std::string& code, const std::string& cell,
                              std::vector<std::string> paragraphs, size_t changes) {
  services::ReportSection s;
  s.heading = "Lò Văn " + code + " (" + code + ")";
  s.paragraphs = std::move(paragraphs);
  services::ReportTable id;
  id.key = "member@" + code;
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{{"code", code},
                                                                             {"name", "Lò Văn " + code},
                                                                             {"birth_name", "Lò Văn " + code},
                                                                             {"birth_date", "1980"},
                                                                             {"hometown", "…"},
                                                                             {"cell", cell},
                                                                             {"file_no", "012345SL"},
                                                                             {"card_no", "…"}})
    id.rows.push_back({k, {Figure::label(k), Figure::label(v)}});
  services::ReportTable ch;
  ch.key = "changes@" + code;
  for (size_t i = 0; i < changes; ++i)
    ch.rows.push_back({"residence", {Figure::label("x"), Figure::label("y")}});
  s.tables = {id, ch};
  return s;
}

services::ReportModel model() {
  services::ReportModel m;
  m.name = "file-supplement";
  m.title = "Phiếu bổ sung hồ sơ đảng viên";
  m.committee = "Đảng bộ xã Thử";
  m.from = *core::Date::make(2025, 1, 1);
  m.to = m.asOf = *core::Date::make(2025, 12, 31);
  m.hasPeriod = true;
  m.sections = {sheet("DV01", "Chi bộ bản Nà Ớt", {"1. Nơi thường trú; nơi tạm trú: Bản Mới."}, 1),
                sheet("DV02", "Chi bộ bản Mới", {"Không có gì thay đổi."}, 0)};
  return m;
}

core::CommitteeInfo committee() {
  core::CommitteeInfo c;
  c.name = "Đảng bộ xã Thử";
  c.place = "Thử";
  c.superior = "Đảng bộ tỉnh Sơn La";
  c.executive = "Đảng ủy xã Thử";
  return c;
}

std::vector<std::string> texts(const reports::Document& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) {
    if (const auto* p = std::get_if<reports::Paragraph>(&b)) out.push_back(p->text());
    if (const auto* t = std::get_if<reports::TitleLine>(&b)) out.push_back(t->text);
    if (const auto* h = std::get_if<reports::Heading>(&b)) out.push_back(h->text);
    if (const auto* t = std::get_if<reports::Table>(&b))
      for (const auto& r : t->rows)
        for (const auto& c : r.cells) out.push_back(c.text);
    if (std::holds_alternative<reports::PageBreak>(b)) out.push_back("<page>");
  }
  return out;
}

size_t count(const std::vector<std::string>& all, const std::string& s) {
  return size_t(std::count(all.begin(), all.end(), s));
}

}  // namespace

TEST_CASE("3-HSĐV document: a page per sheet, each with its header, its member and its changes") {
  const auto doc = reports::supplementDocument(model(), committee());
  CHECK_FALSE(doc.header);  // each sheet has its own head instead
  const auto all = texts(doc);
  CHECK(count(all, "<page>") == 1);
  CHECK(count(all, "PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN") == 2);
  CHECK(count(all, "Năm 2025") == 2);
  CHECK(count(all, "ĐẢNG ỦY XÃ THỬ") == 2);
  const auto page = std::find(all.begin(), all.end(), "<page>") - all.begin();
  // The first sheet: DV01's cell in its head, its change; the second: DV02's, "Không có gì thay đổi."
  auto at = [&](const std::string& s) { return std::find(all.begin(), all.end(), s) - all.begin(); };
  CHECK(at("CHI BỘ BẢN NÀ ỚT") < page);
  CHECK(at("CHI BỘ BẢN MỚI") > page);
  CHECK(at("1. Nơi thường trú; nơi tạm trú: Bản Mới.") < page);
  CHECK(at("Không có gì thay đổi.") > page);
  CHECK(at("Họ và tên đang dùng: Lò Văn DV02; họ và tên khai sinh: Lò Văn DV02.") > page);
  // The note on changes taken from the register is printed only on a sheet that has some.
  CHECK(
      count(all,
            "Những thay đổi trên lấy từ sổ đảng viên của Đảng ủy; đồng chí ghi thêm vào phiếu những thay đổi "
            "khác trong năm (nếu có).") == 1);
  // No member: a line saying so, not an empty file.
  auto empty = model();
  empty.sections.clear();
  CHECK(texts(reports::supplementDocument(empty, committee())).back() ==
        "Không có đảng viên nào trong danh sách phiếu bổ sung hồ sơ năm 2025.");
}

TEST_CASE("3-HSĐV document: the office's copy of the template words every sheet, a wrong field is refused") {
  test::TempDir dir;
  const std::string folder = (dir / "mau-bao-cao").string();
  const std::string copy = reports::officeTemplateCopy("file-supplement", folder);
  std::string t = test::readFile(copy);
  t.replace(t.find("@sections"), 9,
            "Mã đảng viên {{member.code}}, số lý lịch {{member.file_no}}.\n@sections");
  test::writeFile(copy, t);
  const auto all = texts(reports::supplementDocument(model(), committee(), folder));
  CHECK(count(all, "Mã đảng viên DV01, số lý lịch 012345SL.") == 1);
  CHECK(count(all, "Mã đảng viên DV02, số lý lịch 012345SL.") == 1);
  test::writeFile(copy, t + "{{member.nam}}\n");
  CHECK_THROWS_WITH_AS(reports::supplementDocument(model(), committee(), folder),
                       doctest::Contains("member.nam"), reports::TemplateError);
}

TEST_CASE("2-HSĐV card: the photo frame (3×4) beside its head in every printed format") {
  test::admission::OneCell fx;
  fx.member("DV01", d(1980, 1, 10), d(1980, 1, 20), d(1981, 1, 10), *core::PartialDate::make(1955, 3, 4));
  const auto today = core::Date::today();
  const auto r = reports::makeReport(*fx.s, services::Actor::localOffice(),
                                     {"party-card", today, today, today, "", "DV01"});
  const auto doc = reports::reportDocument(r);
  size_t framed = 0;
  for (const auto& b : doc.blocks)
    if (const auto* t = std::get_if<reports::Table>(&b); t && !t->photo.empty()) {
      ++framed;
      CHECK(t->photo == "Ảnh 3×4");
      CHECK(t->rows.size() == 5);  // the head: committees, cell, file and card numbers
    }
  CHECK(framed == 1);
  test::TempDir dir;
  reports::writeReportFile(dir / "c.pdf", r, "pdf");
  CHECK(test::squeeze(test::pdfText(dir / "c.pdf")).find("Ảnh 3×4") != std::string::npos);
  // A form of the member's file, not a report: no "Số ...-BC/ĐU" under the committee.
  CHECK(test::squeeze(test::pdfText(dir / "c.pdf")).find("-BC/") == std::string::npos);
  reports::writeReportFile(dir / "c.docx", r, "docx");
  const std::string xml = test::unzip(dir / "c.docx").at("word/document.xml");
  // One cell merged down the head's six rows (its header and five rows), in a column of its own.
  CHECK(xml.find("<w:vMerge w:val=\"restart\"/>") != std::string::npos);
  size_t continued = 0;
  for (size_t at = xml.find("<w:vMerge/>"); at != std::string::npos; at = xml.find("<w:vMerge/>", at + 1))
    ++continued;
  CHECK(continued == 5);
  CHECK(xml.find("<w:gridCol w:w=\"1701\"/>") != std::string::npos);
  reports::writeReportFile(dir / "c.html", r, "html");
  CHECK(test::readFile(dir / "c.html")
            .find("<td class=\"photo\" align=\"center\" style=\"width: 3cm; height: 4cm\" rowspan=\"6\">Ảnh "
                  "3×4</td>") != std::string::npos);
  // Other reports have no frame.
  const auto list =
      reports::makeReport(*fx.s, services::Actor::localOffice(), {"members", today, today, today});
  for (const auto& b : reports::reportDocument(list).blocks)
    if (const auto* t = std::get_if<reports::Table>(&b)) CHECK(t->photo.empty());
}
