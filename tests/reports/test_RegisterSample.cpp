// The register's columns sized from a sample of rows spread over it (issue 21): the HTML, Word and PDF forms
// read the rows once, the sample apart (store::forEachMemberSampleOn reads only the members sampled), and a
// later row with a word wider than its column widens the columns of its page (HTML, Word) or opens a page in
// wider columns (PDF), so that no word breaks. The document made whole sizes from the same rows, so both give
// the same bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../TestUtil.h"
#include "DocumentFiles.h"
#include "reports/DocxRenderer.h"
#include "reports/HtmlRenderer.h"
#include "reports/PdfRenderer.h"
#include "reports/TableLayout.h"
#include "services/MemberList.h"
#include "services/Services.h"

using namespace dangbo;
using reports::Cell;

namespace {

// A long word no sampled row holds: a member's file number as some offices write it.
const std::string kLongWord = "SL-2026/0000000000000000000000000000000000000000-ĐUBCĐ";

// A landscape register of `n` members of 8 columns; row `longRow` (from 0) holds kLongWord.
reports::Document registerOf(size_t n, size_t longRow) {
  reports::Document doc;
  doc.landscape = true;
  doc.titleLine("SỔ DANH SÁCH ĐẢNG VIÊN");
  reports::Table t;
  t.dense = true;
  t.caption = "Sổ danh sách đảng viên";
  std::vector<Cell> head;
  for (int c = 1; c <= 8; ++c) head.push_back(Cell::textCell("Cột số " + std::to_string(c)));
  t.header.push_back(head);
  for (size_t r = 0; r < n; ++r) {
    reports::TableRow row;
    row.cells.push_back(Cell::count(int64_t(r + 1)));
    row.cells.push_back(Cell::textCell(r % 5 ? "Lò Văn Phiêng" : "Hoàng Thị Minh Nguyệt; Hoàng Thị Nguyệt"));
    row.cells.push_back(Cell::textCell("Nam; Thái; Không"));
    row.cells.push_back(Cell::textCell("xã Phiêng Pằn, huyện Mai Sơn, tỉnh Sơn La"));
    row.cells.push_back(Cell::textCell("07/08/2010; 07/08/2011"));
    row.cells.push_back(Cell::textCell(r == longRow ? kLongWord : "12345678; 123456SL"));
    row.cells.push_back(Cell::textCell(r % 7 ? "" : "12/04/2007 từ Đảng bộ thị trấn Thuận Châu"));
    row.cells.push_back(
        Cell::textCell(r % 3 ? "Chi bộ bản Nà Ớt" : "sinh 29/12/1948; Chi bộ bản Phiêng Tam"));
    t.rows.push_back(std::move(row));
  }
  doc.table(std::move(t));
  return doc;
}

// The same document whose table reads its rows as they are written, counting its readings.
struct Readings {
  int whole = 0;       // readings of every row
  int samples = 0;     // readings of a sample
  size_t sampled = 0;  // rows of the samples
};
reports::Document streamedOf(const reports::Document& whole, Readings& count) {
  reports::Document doc = whole;
  for (auto& block : doc.blocks)
    if (auto* t = std::get_if<reports::Table>(&block)) {
      auto rows = std::make_shared<std::vector<reports::TableRow>>(std::move(t->rows));
      t->rows.clear();
      t->sourceRows = rows->size();
      t->rowSource = [rows, &count](const std::function<void(const reports::TableRow&)>& visit) {
        ++count.whole;
        for (const auto& r : *rows) visit(r);
      };
      t->rowSample = [rows, &count](size_t every,
                                    const std::function<void(const reports::TableRow&)>& visit) {
        ++count.samples;
        for (size_t r = 0; r < rows->size(); r += every) {
          ++count.sampled;
          visit((*rows)[r]);
        }
      };
    }
  return doc;
}

std::string html(const reports::Document& doc) {
  std::ostringstream out;
  reports::renderHtml(out, doc);
  return out.str();
}

std::string docxXml(const reports::Document& doc) {
  std::ostringstream out;
  reports::writeDocxDocument(out, doc);
  return out.str();
}

// The column widths (CSS pixels) of each table of a dense HTML register, in order.
std::vector<std::vector<int>> htmlColumns(const std::string& html) {
  std::vector<std::vector<int>> out;
  static const std::regex group("<colgroup>(.*?)</colgroup>"), col("<col width=\"([0-9]+)\">");
  for (std::sregex_iterator g(html.begin(), html.end(), group), end; g != end; ++g) {
    const std::string cols = (*g)[1];
    std::vector<int> w;
    for (std::sregex_iterator c(cols.begin(), cols.end(), col); c != end; ++c)
      w.push_back(std::stoi((*c)[1]));
    out.push_back(w);
  }
  return out;
}

}  // namespace

TEST_CASE("register columns from a sample: one reading of the rows, the bytes of the document made whole") {
  const size_t n = 3 * reports::kDenseSampleRows + 7;  // sized from every 4th row
  REQUIRE(reports::denseSampleEvery(n) == 4);
  const size_t longRow = 9001;  // not sampled (9001 % 4 != 0)
  const reports::Document whole = registerOf(n, longRow);
  Readings html1, docx1;
  const std::string expected = html(whole);
  CHECK(html(streamedOf(whole, html1)) == expected);
  CHECK(html1.whole == 1);  // written as read once
  CHECK(html1.samples == 1);
  CHECK(html1.sampled == (n + 3) / 4);
  CHECK(docxXml(streamedOf(whole, docx1)) == docxXml(whole));
  CHECK(docx1.whole == 1);
  CHECK(docx1.samples == 1);

  // The long word widened its column from its page on, and the tables before it keep the narrower column;
  // the page before it is not cut short (as many members as the others).
  const size_t at = expected.find(kLongWord);
  REQUIRE(at != std::string::npos);
  const size_t tableStart = expected.rfind("<table", at);
  const std::string before = expected.substr(0, tableStart);
  const size_t previous = before.rfind("<table");
  const size_t second =
      expected.find("<table class=\"data dense\"", expected.find("<table class=\"data dense\"") + 1);
  const size_t third = expected.find("<table class=\"data dense\"", second + 1);
  REQUIRE(previous != std::string::npos);
  CHECK(test::occurrences(before.substr(previous), "</tr>") ==
        test::occurrences(expected.substr(second, third - second), "</tr>"));
  CHECK(test::occurrences(before.substr(previous), "</tr>") > 20);
  const auto columns = htmlColumns(expected);
  const auto earlier = htmlColumns(before);
  REQUIRE(earlier.size() >= 2);
  REQUIRE(columns.size() > earlier.size());
  const auto& narrow = earlier.back();
  const auto& wide = columns[earlier.size()];
  CHECK(wide[5] > narrow[5]);
  for (size_t k = earlier.size(); k < columns.size(); ++k) CHECK(columns[k] == wide);
  // The word fits its column (7 points, the column's padding and border 4,75 points): no break inside it.
  const auto measure = reports::pangoMeasure();
  CHECK(double(wide[5]) * 72 / 96 + 0.75 >= measure(kLongWord, false, 7).word + 4.75);
  // The Word form too: one more table than without the long word, each with its header row.
  const std::string xml = docxXml(whole);
  const std::string plain = docxXml(registerOf(n, n + 1));
  CHECK(test::occurrences(xml, "<w:tbl>") > test::occurrences(plain, "<w:tbl>"));
  CHECK(test::occurrences(xml, "<w:tblHeader/>") == test::occurrences(xml, "<w:tbl>"));
}

TEST_CASE(
    "register PDF from a sample: the rows read once, each set once, the bytes of the document made whole") {
  const size_t n = 3 * reports::kDenseSampleRows + 7;
  const size_t longRow = 9001;  // not sampled
  const reports::Document whole = registerOf(n, longRow);
  test::TempDir dir;
  reports::renderPdf(dir / "whole.pdf", whole);
  Readings read;
  reports::renderPdf(dir / "streamed.pdf", streamedOf(whole, read));
  // The pass counting the pages keeps the rows it set for the pass drawing them.
  CHECK(read.whole == 1);
  CHECK(read.samples == 1);
  CHECK(test::pdfWithoutTimes(dir / "streamed.pdf") == test::pdfWithoutTimes(dir / "whole.pdf"));

  // Every member in order, "Trang N/M" on every page with M the pages there are, the long word whole.
  const std::string text = test::pdfText(dir / "whole.pdf");
  std::vector<std::string> pages;
  for (size_t from = 0, ff; (ff = text.find('\f', from)) != std::string::npos; from = ff + 1)
    pages.push_back(text.substr(from, ff - from));
  REQUIRE(pages.size() > 100);
  const std::string total = "/" + std::to_string(pages.size());
  // (The only words of figures alone but the header's "Cột số N" are the members' numbers, in whatever order
  // pdftotext reads a page.)
  size_t member = 1;
  for (size_t p = 0; p < pages.size(); ++p) {
    CAPTURE(p);
    CHECK(pages[p].find("Trang " + std::to_string(p + 1) + total) != std::string::npos);
    std::vector<size_t> numbers;
    std::stringstream words(pages[p]);
    for (std::string word, before; words >> word; before = word) {
      std::erase(word, '.');  // (1.000 and on)
      if (!word.empty() && word.find_first_not_of("0123456789") == std::string::npos && before != "số")
        numbers.push_back(std::stoul(word));
    }
    std::sort(numbers.begin(), numbers.end());
    for (size_t k : numbers) CHECK(k == member++);
  }
  CHECK(member == n + 1);
  CHECK(test::squeeze(text).find(kLongWord) != std::string::npos);
  // The long word opened a page in wider columns: without it, the same rows take no more pages.
  reports::renderPdf(dir / "plain.pdf", registerOf(n, n + 1));
  const std::string plain = test::pdfText(dir / "plain.pdf");
  CHECK(std::count(plain.begin(), plain.end(), '\f') <= std::count(text.begin(), text.end(), '\f'));
}

TEST_CASE("register sample: every k-th entry of the register with its number, read apart") {
  test::TempDir dir;
  auto s = test::openDemoCommune(dir.path(), 2);
  const auto office = services::Actor::localOffice();
  const core::Id cell = std::stoll(test::sqlValue(
      dir / "demo.db", "SELECT cell_id FROM members WHERE status = 'active' ORDER BY code LIMIT 1"));
  const services::Actor secretary{"bt", "secretary", cell};
  for (const auto& asOf : {*core::Date::make(2026, 11, 29), *core::Date::make(2025, 3, 31)}) {
    CAPTURE(asOf.iso());
    for (const auto* actor : {&office, &secretary}) {
      CAPTURE(actor->role);
      std::vector<std::string> all;
      services::forEachRegisterEntry(*s, *actor, asOf,
                                     [&](services::RegisterEntry&& e) { all.push_back(e.member.code); });
      REQUIRE(all.size() >= 3);
      for (size_t every : {1, 3, 7}) {
        CAPTURE(every);
        std::vector<std::string> expected, got;
        std::vector<size_t> numbers, expectedNumbers;
        for (size_t k = 0; k < all.size(); k += every) {
          expected.push_back(all[k]);
          expectedNumbers.push_back(k + 1);
        }
        services::forEachRegisterSample(*s, *actor, asOf, every, [&](services::RegisterEntry&& e, size_t n) {
          got.push_back(e.member.code);
          numbers.push_back(n);
        });
        CHECK(got == expected);
        CHECK(numbers == expectedNumbers);
      }
    }
  }
}
