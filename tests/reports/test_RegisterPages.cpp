// The register's Word and HTML forms cut into a table a page (each under its header row, fixed columns),
// so that LibreOffice opens a province's register in seconds rather than not at all: the structure is
// checked here, the opening by tests/office/libreoffice_open.sh and scripts/province_reports.sh.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../TestUtil.h"
#include "DocumentFiles.h"
#include "reports/DocxRenderer.h"
#include "reports/HtmlRenderer.h"
#include "reports/PdfRenderer.h"
#include "reports/TableLayout.h"

using namespace dangbo;
using reports::Cell;

namespace {

// A landscape register of `n` members with 14 columns, some rows wrapping to several lines.
reports::Document registerDocument(size_t n) {
  reports::Document doc;
  doc.landscape = true;
  doc.titleLine("SỔ DANH SÁCH ĐẢNG VIÊN");
  doc.paragraph("Sổ danh sách đảng viên: " + std::to_string(n) + " đảng viên.");
  reports::Table t;
  t.dense = true;
  t.caption = "Sổ danh sách đảng viên";
  std::vector<Cell> head;
  for (int c = 1; c <= 14; ++c) head.push_back(Cell::textCell("Cột số " + std::to_string(c) + " của sổ"));
  t.header.push_back(head);
  for (size_t r = 1; r <= n; ++r) {
    reports::TableRow row;
    row.cells.push_back(Cell::count(int64_t(r)));
    row.cells.push_back(Cell::textCell(r % 5 ? "Lò Văn Phiêng" : "Hoàng Thị Minh Nguyệt; Hoàng Thị Nguyệt"));
    row.cells.push_back(Cell::textCell("Nam; Thái; Không"));
    row.cells.push_back(Cell::textCell("xã Phiêng Pằn, huyện Mai Sơn, tỉnh Sơn La"));
    row.cells.push_back(Cell::textCell("12/12; LLCT: Sơ cấp; CMNV: Đại học"));
    row.cells.push_back(Cell::textCell("Giáo viên Trường Mầm non Chiềng Lương"));
    row.cells.push_back(Cell::textCell("07/08/2010; 07/08/2011"));
    row.cells.push_back(Cell::textCell("12345678; 123456SL"));
    row.cells.push_back(Cell::textCell(""));
    row.cells.push_back(Cell::textCell(r % 7 ? "" : "12/04/2007 từ Đảng bộ thị trấn Thuận Châu"));
    row.cells.push_back(Cell::textCell(""));
    row.cells.push_back(Cell::textCell(""));
    row.cells.push_back(Cell::textCell(""));
    row.cells.push_back(
        Cell::textCell(r % 3 ? "Chi bộ bản Nà Ớt" : "sinh 29/12/1948; Chi bộ bản Phiêng Tam"));
    t.rows.push_back(std::move(row));
  }
  doc.table(std::move(t));
  return doc;
}

}  // namespace

TEST_CASE("register docx: a table a page, each with a fixed layout, the same grid and its header row") {
  const size_t members = 900;
  const auto parts = reports::docxParts(registerDocument(members));
  const std::string& xml = parts.at("word/document.xml");
  const std::vector<std::string> tables = test::docxTables(xml);
  // About 20 to 45 members a page (7 pt rows of one to three lines in 170 mm): a table for each.
  REQUIRE(tables.size() >= members / 45);
  CHECK(tables.size() <= members / 20 + 1);
  // Each page's table but the first starts a new page: a paragraph in a style with a page break before it.
  CHECK(test::occurrences(xml, "<w:pStyle w:val=\"PageTable\"/>") == tables.size() - 1);
  const std::string& styles = parts.at("word/styles.xml");
  const size_t pageStyle = styles.find("w:styleId=\"PageTable\">");
  REQUIRE(pageStyle != std::string::npos);
  CHECK(styles.substr(pageStyle, styles.find("</w:style>", pageStyle) - pageStyle)
            .find("<w:pageBreakBefore/>") != std::string::npos);
  auto grid = [](const std::string& t) {
    const size_t from = t.find("<w:tblGrid>");
    return from == std::string::npos ? std::string() : t.substr(from, t.find("</w:tblGrid>") - from);
  };
  const std::string first = grid(tables.front());
  CHECK(test::occurrences(first, "<w:gridCol ") == 14);
  size_t rows = 0, expected = 1;
  for (const auto& t : tables) {
    CHECK(t.find("<w:tblLayout w:type=\"fixed\"/>") != std::string::npos);
    CHECK(grid(t) == first);
    // The header row first, marked to repeat; then the members in order, numbered on.
    CHECK(test::occurrences(t, "<w:tblHeader/>") == 1);
    CHECK(t.find("<w:tblHeader/>") < t.find("<w:tr>", t.find("<w:tr>") + 1));
    const size_t body = test::occurrences(t, "<w:tr>") - 1;
    CHECK(body <= 60);
    if (&t != &tables.back() && &t != &tables.front()) CHECK(body >= 20);
    const size_t second = t.find("<w:tr>", t.find("<w:tr>") + 1);
    CHECK(t.find(">" + std::to_string(expected) + "</w:t>", second) != std::string::npos);
    expected += body;
    rows += body;
    // No property a cell repeats from its style: alignment, size, the header's bold.
    CHECK(t.find("<w:vAlign") == std::string::npos);
    CHECK(t.find("<w:sz ") == std::string::npos);
    CHECK(t.find("<w:b/>") == std::string::npos);
  }
  CHECK(rows == members);
}

TEST_CASE("register html: a table a page with fixed columns, landscape") {
  const size_t members = 900;
  std::ostringstream out;
  reports::renderHtml(out, registerDocument(members));
  const std::string html = out.str();
  CHECK(html.find("@page { size: A4 landscape; }") != std::string::npos);
  CHECK(html.find("table.dense { table-layout: fixed;") != std::string::npos);
  const size_t tables = test::occurrences(html, "<table class=\"data dense\"");
  REQUIRE(tables >= members / 45);
  CHECK(tables <= members / 20 + 1);
  CHECK(test::occurrences(html, "<thead>") == tables);
  CHECK(test::occurrences(html, "<colgroup>") == tables);
  CHECK(test::occurrences(html, "<col width=") == 14 * tables);
  // Each table but the first starts a page, asked in its own style attribute (read by LibreOffice).
  CHECK(test::occurrences(html, "style=\"page-break-before: always\"") == tables - 1);
  CHECK(test::occurrences(html, "<caption>") == 1);
  CHECK(test::occurrences(html, "</tr>") - tables == members);
}

TEST_CASE("layout: a short label is never wrapped, a long list of wrapping rows is set smaller") {
  const auto measure = reports::pangoMeasure();
  reports::Table t;
  t.header = {{Cell::textCell("Đảng viên"), Cell::textCell("Tháng"), Cell::textCell("Lý do")}};
  auto row = [](int month) {
    return reports::TableRow{
        {Cell::textCell("Khoàng Thị Ban (DV00508)"), Cell::textCell("Tháng " + std::to_string(month)),
         Cell::textCell("Đã đủ tuổi Đảng từ đợt trước, chưa được tặng")},
        false};
  };
  for (int m = 1; m <= 12; ++m) t.rows.push_back(row(m));
  // A short table: its own size; the month column holds "Tháng 10" on one line.
  const double width = 200, pad = 9;
  const auto shortPlan = reports::planColumns(t, width, 13, 7, pad, measure);
  CHECK(shortPlan.size == 13);
  CHECK(shortPlan.widths[1] >= measure("Tháng 10", false, 13).natural + pad - 1e-6);
  // Forty rows and more that wrap: 11 points, "Tháng 10" still whole.
  while (t.rows.size() < 48) t.rows.push_back(row(int(t.rows.size() % 12) + 1));
  const auto longPlan = reports::planColumns(t, width, 13, 7, pad, measure);
  CHECK(longPlan.size == 11);
  CHECK(longPlan.wordsFit);
  CHECK(longPlan.widths[1] >= measure("Tháng 10", false, 11).natural + pad - 1e-6);
  double sum = 0;
  for (double w : longPlan.widths) sum += w;
  CHECK(sum == doctest::Approx(width));
}

namespace {

// The closing block of a document: who receives it, and the signature.
reports::Table closingBlock() {
  reports::Table t;
  t.borderless = true;
  t.rows.push_back({{Cell::textCell("Nơi nhận:"), Cell::textCell("T/M BAN CHẤP HÀNH")}, false});
  for (const char* to : {"- Ban Thường vụ Tỉnh ủy,", "- Các chi bộ trực thuộc,", "- Lưu Văn phòng."})
    t.rows.push_back({{Cell::textCell(to), Cell::textCell("")}, false});
  t.rows.push_back({{Cell::textCell(""), Cell::textCell("Lê Văn Lợi")}, false});
  return t;
}

// The pages of a PDF (pdftotext).
std::vector<std::string> pdfPages(const reports::Document& doc) {
  test::TempDir dir;
  reports::renderPdf(dir / "d.pdf", doc);
  std::stringstream text(test::pdfText(dir / "d.pdf"));
  std::vector<std::string> pages;
  for (std::string page; std::getline(text, page, '\f');)
    if (page.find_first_not_of(" \n") != std::string::npos) pages.push_back(page);
  return pages;
}

}  // namespace

TEST_CASE("pdf: the signature never stands alone on the last page, whatever ends before it") {
  // A table of growing length, then paragraphs of growing number: wherever the page ends, the last page holds
  // the end of the table or of the text with the signature.
  for (int n = 26; n <= 44; n += 2) {
    CAPTURE(n);
    reports::Document doc;
    doc.titleLine("DANH SÁCH");
    reports::Table t;
    t.header = {{Cell::textCell("Chi bộ"), Cell::textCell("Số đảng viên")}};
    for (int i = 1; i <= n; ++i)
      t.rows.push_back({{Cell::textCell("Chi bộ thôn " + std::to_string(i)), Cell::count(i)}, false});
    doc.table(t);
    doc.table(closingBlock());
    const auto pages = pdfPages(doc);
    REQUIRE(pages.back().find("Nơi nhận") != std::string::npos);
    CHECK(pages.back().find("Chi bộ thôn " + std::to_string(n)) != std::string::npos);
  }
  for (int n = 5; n <= 12; ++n) {
    CAPTURE(n);
    reports::Document doc;
    doc.titleLine("BÁO CÁO");
    for (int i = 1; i <= n; ++i)
      doc.paragraph(
          "Đoạn " + std::to_string(i) +
          ": trong nhiệm kỳ, Đảng bộ xã đã thành lập mới tám chi bộ, sáp nhập tám chi bộ bản, số chi "
          "bộ đến nay là năm mươi tám chi bộ cơ sở, với một nghìn đảng viên chính thức và dự bị; "
          "công tác kiểm tra, giám sát được thực hiện đúng kế hoạch.");
    doc.table(closingBlock());
    const auto pages = pdfPages(doc);
    REQUIRE(pages.back().find("Nơi nhận") != std::string::npos);
    CHECK(pages.back().find("công tác kiểm tra") != std::string::npos);
  }
}
