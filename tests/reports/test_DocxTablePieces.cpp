// A long table that is not the register (the badge proposal's list, the changes, the deadlines) written to
// Word and HTML as tables of about a page, each under the same header rows in the same columns, so that
// LibreOffice does not lay out one table of thousands of rows across pages itself.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "DocumentFiles.h"
#include "reports/DocxRenderer.h"
#include "reports/HtmlRenderer.h"

using namespace dangbo;
using reports::Cell;

namespace {

// A portrait list of `n` one-line rows under two header rows, every tenth row a subtotal, then a total.
reports::Document listDocument(size_t n) {
  reports::Document doc;
  doc.titleLine("DANH SÁCH ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG");
  doc.paragraph("Danh sách gồm " + std::to_string(n) + " đồng chí.");
  reports::Table t;
  t.caption = "Danh sách đề nghị";
  t.header.push_back({Cell::textCell("STT"), Cell::textCell("Họ và tên"), Cell::textCell("Chi bộ"),
                      Cell::textCell("Tuổi đảng")});
  t.header.push_back({Cell::textCell("1"), Cell::textCell("2"), Cell::textCell("3"), Cell::textCell("4")});
  for (size_t r = 1; r <= n; ++r) {
    if (r % 10 == 0)
      t.addTextRow({"", "Cộng nhóm " + std::to_string(r / 10), "", "10"}, true);
    else
      t.addTextRow({std::to_string(r), "Đồng chí số " + std::to_string(r), "Chi bộ bản Nà Ớt", "30 năm"});
  }
  t.addTextRow({"", "Tổng cộng", "", std::to_string(n)}, true);
  doc.table(std::move(t));
  return doc;
}

std::vector<std::string> rowsOf(const std::string& table) {
  std::vector<std::string> rows;
  for (size_t p = table.find("<w:tr>"); p != std::string::npos; p = table.find("<w:tr>", p + 1))
    rows.push_back(table.substr(p, table.find("</w:tr>", p) + 7 - p));
  return rows;
}

// The texts of a row's cells, joined by '|'.
std::string textOf(const std::string& row) {
  std::string out;
  for (size_t p = row.find("<w:tc>"); p != std::string::npos; p = row.find("<w:tc>", p + 1)) {
    const size_t end = row.find("</w:tc>", p);
    if (!out.empty() || p != row.find("<w:tc>")) out += '|';
    for (size_t t = row.find("<w:t ", p); t < end; t = row.find("<w:t ", t + 1)) {
      const size_t from = row.find('>', t) + 1;
      out += row.substr(from, row.find("</w:t>", from) - from);
    }
  }
  return out;
}

// The body rows of listDocument(n) read back from a file, each as its cells' texts joined by '|': every row
// once, in order, the total last with the rows above it.
void checkListRows(const std::vector<std::string>& body, size_t n) {
  REQUIRE(body.size() == n + 1);
  for (size_t r = 1; r <= n; ++r)
    CHECK(body[r - 1] == (r % 10 == 0 ? "|Cộng nhóm " + std::to_string(r / 10) + "||10"
                                      : std::to_string(r) + "|Đồng chí số " + std::to_string(r) +
                                            "|Chi bộ bản Nà Ớt|30 năm"));
  CHECK(body.back() == "|Tổng cộng||" + std::to_string(n));
}

std::string gridOf(const std::string& table) {
  const size_t from = table.find("<w:tblGrid>");
  return table.substr(from, table.find("</w:tblGrid>") - from);
}

}  // namespace

TEST_CASE("docx: a long table becomes tables of about a page, each repeating the header rows") {
  const size_t n = 600;
  const std::string xml = reports::docxParts(listDocument(n)).at("word/document.xml");
  const auto tables = test::docxTables(xml);
  // 13 pt rows of one line, some 35 to a portrait page: a table for each page.
  REQUIRE(tables.size() >= n / 45);
  CHECK(tables.size() <= n / 25 + 1);
  // Each but the first starts a new page; the caption is written once, above the first.
  CHECK(test::occurrences(xml, "<w:pStyle w:val=\"PageTable\"/>") == tables.size() - 1);
  CHECK(test::occurrences(xml, "<w:pStyle w:val=\"Caption\"/>") == 1);
  const auto firstRows = rowsOf(tables.front());
  REQUIRE(firstRows.size() > 2);
  std::vector<std::string> body;
  for (const auto& t : tables) {
    CHECK(gridOf(t) == gridOf(tables.front()));
    CHECK(t.find("<w:tblLayout w:type=\"fixed\"/>") != std::string::npos);
    const auto rows = rowsOf(t);
    REQUIRE(rows.size() > 2);
    // The same two header rows, marked to repeat, then the body rows (never a total first).
    CHECK(rows[0] == firstRows[0]);
    CHECK(rows[1] == firstRows[1]);
    CHECK(test::occurrences(t, "<w:tblHeader/>") == 2);
    CHECK(textOf(rows[2]).find("Cộng") == std::string::npos);
    CHECK(rows.size() - 2 <= 45);
    if (&t != &tables.front() && &t != &tables.back()) CHECK(rows.size() - 2 >= 25);
    for (size_t r = 2; r < rows.size(); ++r) body.push_back(textOf(rows[r]));
  }
  checkListRows(body, n);
  CHECK(rowsOf(tables.back()).size() >= 4);
}

TEST_CASE("docx: a table of a page or so stays one table") {
  const std::string xml = reports::docxParts(listDocument(40)).at("word/document.xml");
  CHECK(test::docxTables(xml).size() == 1);
  CHECK(test::occurrences(xml, "<w:pStyle w:val=\"PageTable\"/>") == 0);
}

namespace {

// The <table class="data"...>...</table> elements of an HTML page, in order.
std::vector<std::string> htmlTables(const std::string& html) {
  std::vector<std::string> out;
  for (size_t p = html.find("<table class=\"data\""); p != std::string::npos;
       p = html.find("<table class=\"data\"", p + 1))
    out.push_back(html.substr(p, html.find("</table>", p) + 8 - p));
  return out;
}

// The texts of a body row's cells (<td>), joined by '|', tags left out.
std::string htmlRowText(const std::string& row) {
  std::string out;
  bool first = true;
  for (size_t p = row.find("<td"); p != std::string::npos; p = row.find("<td", p + 1)) {
    if (!first) out += '|';
    first = false;
    const size_t end = row.find("</td>", p);
    bool inTag = true;
    for (size_t i = p; i < end; ++i) {
      if (row[i] == '<') inTag = true;
      if (!inTag) out += row[i];
      if (row[i] == '>') inTag = false;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("html: a long table becomes tables of about a page, each under the header rows") {
  const size_t n = 600;
  std::ostringstream page;
  reports::renderHtml(page, listDocument(n));
  const std::string html = page.str();
  const auto tables = htmlTables(html);
  REQUIRE(tables.size() >= n / 50);
  CHECK(tables.size() <= n / 20 + 1);
  CHECK(test::occurrences(html, "<caption>") == 1);
  const std::string head = tables.front().substr(0, tables.front().find("</thead>"));
  CHECK(head.find("<colgroup>") != std::string::npos);
  std::vector<std::string> body;
  for (size_t i = 0; i < tables.size(); ++i) {
    const std::string& t = tables[i];
    // Each next piece starts a page, under the same columns and header rows.
    CHECK((t.find("page-break-before: always") < t.find('>')) == (i > 0));
    const std::string ownHead = t.substr(t.find("<colgroup>"), t.find("</thead>") - t.find("<colgroup>"));
    CHECK(ownHead == head.substr(head.find("<colgroup>")));
    const std::string rows = t.substr(t.find("<tbody"));
    std::vector<std::string> own;
    for (size_t p = rows.find("<tr"); p != std::string::npos; p = rows.find("<tr", p + 1))
      own.push_back(htmlRowText(rows.substr(p, rows.find("</tr>", p) - p)));
    REQUIRE_FALSE(own.empty());
    CHECK(own.front().find("Cộng") == std::string::npos);  // never a total first
    CHECK(own.size() <= 50);
    if (i > 0 && i + 1 < tables.size()) CHECK(own.size() >= 20);
    body.insert(body.end(), own.begin(), own.end());
  }
  checkListRows(body, n);
}

TEST_CASE("html: a table of a page or so stays one table") {
  std::ostringstream page;
  reports::renderHtml(page, listDocument(40));
  CHECK(htmlTables(page.str()).size() == 1);
  CHECK(page.str().find("page-break-before") == std::string::npos);
}
