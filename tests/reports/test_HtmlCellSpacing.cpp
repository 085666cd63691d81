// The HTML's line spacing as LibreOffice reads it (issue 23): it gives a rule written for the body to every
// paragraph, those of table cells too, and with cells in 1,35 spacing LibreOffice 7.4 never finished laying
// out the badge proposal (a list of 250 rows, then its closing with three recipients). The body text's
// spacing is on its own paragraphs; the rules LibreOffice reads for tags (body, td, th) set none above single
// spacing.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "reports/HtmlRenderer.h"

using namespace dangbo;

namespace {

// The declarations of the style rule written exactly for `selector` ("" when there is none), all of them.
std::string rulesFor(const std::string& html, const std::string& selector) {
  const size_t from = html.find("<style>"), to = html.find("</style>");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  const std::string css = html.substr(from, to - from);
  std::string all;
  std::istringstream lines(css);
  for (std::string line; std::getline(lines, line);) {
    const size_t brace = line.find(" {");
    if (brace != std::string::npos && line.substr(0, brace) == selector) all += line.substr(brace) + "\n";
  }
  return all;
}

// The proportional line heights (as a factor) set in `rules`.
std::vector<double> lineHeights(const std::string& rules) {
  std::vector<double> out;
  static const std::regex lh(R"(line-height:\s*([0-9.]+)\s*;)");
  for (auto it = std::sregex_iterator(rules.begin(), rules.end(), lh); it != std::sregex_iterator(); ++it)
    out.push_back(std::stod((*it)[1].str()));
  return out;
}

reports::Document listThenClosing(bool dense) {
  reports::Document doc;
  doc.title = "Tờ trình";
  reports::Paragraph p;
  p.runs.push_back({"Kính đề nghị Ban Thường vụ xem xét.", false});
  doc.blocks.emplace_back(p);
  reports::Table list;
  list.dense = dense;
  list.header = {{reports::Cell::textCell("Số TT"), reports::Cell::textCell("Họ và tên")}};
  for (int i = 1; i <= 250; ++i) list.addTextRow({std::to_string(i), "Cà Văn Chinh"});
  doc.blocks.emplace_back(std::move(list));
  reports::Table closing;
  closing.borderless = true;
  closing.addTextRow({"Nơi nhận:", "T/M ĐẢNG ỦY"}, true);
  for (const char* r : {"- Như trên,", "- Ban Tổ chức Tỉnh ủy,", "- Lưu Văn phòng Đảng ủy."})
    closing.addTextRow({r, ""});
  doc.blocks.emplace_back(std::move(closing));
  return doc;
}

}  // namespace

TEST_CASE("html: table cells never take the body text's line spacing") {
  for (bool dense : {false, true}) {
    CAPTURE(dense);
    std::ostringstream out;
    reports::renderHtml(out, listThenClosing(dense));
    const std::string html = out.str();
    // The body's rule sets no line spacing (LibreOffice would give it to every cell)...
    const std::string body = rulesFor(html, "body");
    REQUIRE_FALSE(body.empty());
    CHECK(lineHeights(body).empty());
    // ... nor does any rule for the cells' tags go above single spacing.
    for (const char* sel : {"td", "th", "td, th", "table", "tr", "p"})
      for (double h : lineHeights(rulesFor(html, sel))) CHECK(h <= 1.0);
    // The body text keeps its spacing on its own paragraphs (browsers read the class).
    const auto text = lineHeights(rulesFor(html, "p.body"));
    REQUIRE(text.size() == 1);
    CHECK(text.front() > 1.0);
    CHECK(html.find("<p class=\"body\">Kính đề nghị") != std::string::npos);
    CHECK(html.find("- Lưu Văn phòng Đảng ủy.") != std::string::npos);
  }
}
