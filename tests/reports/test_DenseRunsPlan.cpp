// The columns of a dense table whose last rows are long (issue 23: the commune's members, with their full
// home places and notes, after a province's short rows): with an average of lines given, the long rows fit 20
// a page instead of taking four lines or more each; without it they do not (the short rows' lines weigh the
// most).
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

#include "reports/TableLayout.h"

using namespace dangbo;
using namespace dangbo::reports;

namespace {

Table shortThenLong() {
  Table t;
  t.dense = true;
  t.header = {{Cell::textCell("Số TT"), Cell::textCell("Họ và tên"), Cell::textCell("Quê quán"),
               Cell::textCell("Nghề nghiệp"), Cell::textCell("Ghi chú")}};
  for (int i = 1; i <= 1000; ++i) {
    if (i <= 950)
      t.addTextRow({std::to_string(i), "Lường Văn Lệ " + std::to_string(10000 + i), "Sơn La", "Nông dân",
                    "Chi bộ " + std::to_string(i % 30)});
    else
      t.addTextRow({std::to_string(i), "Trần Thị Thủy", "xã Phiêng Pằn, huyện Mai Sơn, tỉnh Sơn La",
                    "Công nhân Công ty Mía đường Sơn La", "sinh 08/08/1978; Chi bộ bản Nà Cóc"});
  }
  return t;
}

// The average lines of rows [from, to) set in the plan's columns.
double averageLines(const Table& t, const ColumnPlan& plan, double pad, size_t from, size_t to,
                    const MeasureText& measure) {
  double all = 0;
  for (size_t r = from; r < to; ++r) {
    int most = 1;
    for (size_t c = 0; c < t.rows[r].cells.size(); ++c)
      most = std::max(most,
                      wrappedLines(t.rows[r].cells[c].text, false, plan.size, plan.widths[c] - pad, measure));
    all += most;
  }
  return all / double(to - from);
}

}  // namespace

TEST_CASE("dense columns: a run of long rows kept within the lines of 20 rows a page") {
  const MeasureText measure = pangoMeasure();
  const Table t = shortThenLong();
  constexpr double kWidth = 290, kSize = 7, kPad = 4.75;
  const double most = denseRowsLines(460, 7.7, 3);
  CHECK(most > 2);
  CHECK(most < 2.5);
  const ColumnPlan free = planDenseColumns(t, kWidth, kSize, kPad, measure);
  const ColumnPlan kept = planDenseColumns(t, kWidth, kSize, kPad, measure, false, most);
  for (const auto* plan : {&free, &kept}) {
    CHECK(std::accumulate(plan->widths.begin(), plan->widths.end(), 0.0) == doctest::Approx(kWidth));
    CHECK(plan->wordsFit);
  }
  // Without the average, the long rows take more than 20 a page allows; with it, no more.
  CHECK(averageLines(t, free, kPad, 950, 1000, measure) > most);
  CHECK(averageLines(t, kept, kPad, 950, 1000, measure) <= most);
  // The short rows still take few lines.
  CHECK(averageLines(t, kept, kPad, 0, 950, measure) <= most);
}

namespace {

// The rows a DensePager puts on each page of `t`, its columns planned from `plannedFrom`; the first page has
// `firstRoom` of the others' kRoom (the document's opening above it).
std::vector<size_t> pagerPages(const Table& t, const Table& plannedFrom, size_t leastRows, double firstRoom) {
  const MeasureText measure = pangoMeasure();
  constexpr double kWidth = 290, kSize = 7, kPad = 4.75, kRoom = 460, kLine = 7.7, kRowExtra = 3;
  DenseColumns columns(planDenseColumns(plannedFrom, kWidth, kSize, kPad, measure), kPad, measure);
  PageCutter cut(t, columns.textWidths(), kSize, kLine, kRowExtra, firstRoom, kRoom, measure);
  std::vector<size_t> pages;
  size_t next = 0;
  DensePager pager(
      std::move(columns), std::move(cut),
      [&](const std::vector<TableRow>& rows, const DenseColumns& in) {
        double all = 0;
        for (double w : in.widths()) all += w;
        CHECK(all == doctest::Approx(kWidth));
        // The page's rows fit its room in its columns (a cutter of its own opens no page after the first).
        PageCutter alone(t, in.textWidths(), kSize, kLine, kRowExtra, pages.empty() ? firstRoom : kRoom,
                         kRoom, measure);
        size_t opened = 0;
        // Every row once, in order, each word within its column.
        for (const auto& row : rows) {
          CHECK(row.cells[0].text == std::to_string(next + 1));
          ++next;
          opened += alone.add(row) ? 1 : 0;
          for (size_t c = 0; c < row.cells.size(); ++c)
            CHECK(measure(row.cells[c].text, false, kSize).word <= in.textWidths()[c] + 1e-6);
        }
        CAPTURE(pages.size());
        CHECK(opened == 0);
        pages.push_back(rows.size());
      },
      leastRows);
  t.forEachRow([&](const TableRow& row) { pager.add(row); });
  pager.finish();
  CHECK(next == t.rows.size());
  return pages;
}

}  // namespace

TEST_CASE("dense pages: a run of long rows the sample missed still holds 20 rows a page") {
  // 600 short rows, 70 long ones (the commune's members among a province's), 300 short again; the columns
  // planned from the short rows alone (a sample of a row in 25 may hold none of a run of 70).
  Table t, shortRows;
  t.dense = shortRows.dense = true;
  t.header = shortRows.header = shortThenLong().header;
  for (int i = 1; i <= 970; ++i) {
    const bool longRow = i > 600 && i <= 670;
    const std::vector<std::string> cells =
        longRow ? std::vector<std::string>{std::to_string(i), "Trần Thị Thủy",
                                           "xã Phiêng Pằn, huyện Mai Sơn, tỉnh Sơn La",
                                           "Công nhân Công ty Mía đường Sơn La",
                                           "sinh 08/08/1978; Chi bộ bản Nà Cóc"}
                : std::vector<std::string>{std::to_string(i), "Lường Văn Lệ " + std::to_string(10000 + i),
                                           "Sơn La", "Nông dân", "Chi bộ " + std::to_string(i % 30)};
    t.addTextRow(cells);
    if (!longRow) shortRows.addTextRow(cells);
  }
  const std::vector<size_t> before = pagerPages(t, shortRows, 0, 460);
  const std::vector<size_t> after = pagerPages(t, shortRows, kDenseRowsAPage, 460);
  // In the short rows' columns the long rows take more than a page of 20 allows.
  CHECK(*std::min_element(before.begin(), before.end() - 1) < kDenseRowsAPage);
  // Planned on their own page by page, every page but the last holds 20 or more.
  REQUIRE(after.size() > 2);
  for (size_t p = 0; p + 1 < after.size(); ++p) {
    CAPTURE(p);
    CHECK(after[p] >= kDenseRowsAPage);
  }
}

TEST_CASE("dense pages: a first page short under the document's opening keeps to its room") {
  // The first page holds fewer than 20 rows under the opening: its rows are gathered and planned again, but
  // counted in the first page's room, not a whole page's (LibreOffice ran the demo register's first table
  // over onto page 2, 8 members there).
  Table t;
  t.dense = true;
  t.header = shortThenLong().header;
  for (int i = 1; i <= 200; ++i)
    t.addTextRow({std::to_string(i), "Lường Văn Lệ " + std::to_string(10000 + i), "Sơn La", "Nông dân",
                  "Chi bộ " + std::to_string(i % 30)});
  const std::vector<size_t> pages = pagerPages(t, t, kDenseRowsAPage, 200);
  REQUIRE(pages.size() > 2);
  CHECK(pages.front() < kDenseRowsAPage);
  for (size_t p = 1; p + 1 < pages.size(); ++p) CHECK(pages[p] >= kDenseRowsAPage);
}

TEST_CASE("page cut: a text that just fits its column counts a line more with a width slack") {
  // LibreOffice sets the HTML's columns in whole pixels: a text planned on one line may take two there.
  const MeasureText measure = pangoMeasure();
  Table t;
  t.dense = true;
  t.header = {{Cell::textCell("Nghề nghiệp")}};
  const Cell cell = Cell::textCell("Phó Hiệu trưởng Trường");
  const double width = measure(cell.text, false, 7).natural + 0.3;
  PageCutter cut(t, {width}, 7, 7.7, 3, 460, 460, measure);
  CHECK(cut.lines(cell, false, width) == 1);
  cut.setWidthSlack(1);
  CHECK(cut.lines(cell, false, width) == 2);
  // The rows are counted so too: 2 lines and the row's extra.
  TableRow row;
  row.cells = {cell};
  const double header = cut.used();
  cut.add(row);
  CHECK(cut.used() - header == doctest::Approx(2 * 7.7 + 3));
}
