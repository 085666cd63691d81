// The table's text measures (TableLayout.h): pangoMeasure's words looked up as they lie in a text, figures
// read as "0", more words than its cache holds; the lines of a text measured once (measureWords) the same as
// measured again in every width.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reports/TableLayout.h"

using namespace dangbo::reports;

TEST_CASE("table text: a text's extent is its words' widths and its spaces', figures measured as 0") {
  const MeasureText measure = pangoMeasure();
  for (bool bold : {false, true}) {
    // At 10 points (the size words are measured at) a text's width is the sum of its words' and spaces'.
    const double nguyen = measure("Nguyễn", bold, 10).natural, van = measure("Văn", bold, 10).natural,
                 a = measure("A", bold, 10).natural, space = measure(" ", bold, 10).natural;
    const TextExtent e = measure(" Nguyễn  Văn A", bold, 10);
    CHECK(e.natural == nguyen + van + a + 4 * space);
    CHECK(e.word == nguyen);
    CHECK(measure("", bold, 10).natural == 0);
    // Figures 1-9 have the width of a 0.
    CHECK(measure("12/03/1990", bold, 11).natural == measure("00/00/0000", bold, 11).natural);
    CHECK(measure("Số 19", bold, 7).natural == measure("Số 00", bold, 7).natural);
  }
}

TEST_CASE("table text: a word measured again after more words than the cache holds has the same width") {
  const MeasureText measure = pangoMeasure(false);
  const double first = measure("Phiêng Pằn", false, 7).natural;
  const double bold = measure("Phiêng Pằn", true, 7).natural;
  std::string word;
  for (int i = 0; i < 51000; ++i) {
    word.clear();
    for (int n = i; n > 0 || word.empty(); n /= 26) word.push_back(char('a' + n % 26));
    measure(word, false, 7);
  }
  CHECK(measure("Phiêng Pằn", false, 7).natural == first);
  CHECK(measure("Phiêng Pằn", true, 7).natural == bold);
}

TEST_CASE("table text: the lines of a text measured once are those of the text measured in each width") {
  const MeasureText measure = pangoMeasure();
  const std::vector<std::string> texts{"", "Lò", "xã Phiêng Pằn, huyện Mai Sơn, tỉnh Sơn La",
                                       "Công nhân  Công ty Mía đường Sơn La ",
                                       "sinh 08/08/1978; Chi bộ bản Nà Cóc"};
  for (const auto& text : texts)
    for (bool bold : {false, true}) {
      const MeasuredWords words = measureWords(text, bold, 7, measure);
      for (double width = 0; width < 160; width += 0.25) {
        std::string wrapped;
        const int lines = wrapAtSpaces(text, bold, 7, width, measure, &wrapped);
        CHECK(wrappedLines(words, width) == lines);
        CHECK(wrappedLines(text, bold, 7, width, measure) == lines);
      }
    }
}
