// The columns of a dense table whose last rows are long (issue 23: the commune's members, with their full
// home places and notes, after a province's short rows): with an average of lines given, the long rows fit 20
// a page instead of taking four lines or more each; without it they do not (the short rows' lines weigh the
// most).
#include <doctest/doctest.h>

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
