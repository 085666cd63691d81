// The pieces' reader of a large CSV file (cells kept as views into the text where they need no change) reads
// exactly what parseCsv and readImportTable read from the whole text: the same rows, values and problems,
// on texts made of the awkward parts of CSV (quotes, line ends, spaces and white space to normalize).
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/Errors.h"
#include "exchange/Csv.h"
#include "exchange/Import.h"
#include "services/Import.h"

using namespace dangbo;

namespace {

// What readImportCsv makes of `text` against what the whole text read at once gives; false when the whole
// text cannot be parsed (the pieces' reader then reports one problem).
bool requireSameAsWhole(const services::ImportFileSpec& spec, const std::string& text) {
  const auto pieces = exchange::readImportCsv(spec, "to_chuc.csv", text);
  services::ImportFile whole;
  try {
    auto table = exchange::parseCsv(text, "to_chuc.csv");
    std::vector<int> numbers;
    for (size_t i = 0; i < table.rows.size(); ++i) numbers.push_back(int(i + 1));
    whole = exchange::readImportTable(spec, "to_chuc.csv", table.rows, numbers);
  } catch (const core::DataError&) {
    // The whole text cannot be parsed: the pieces' reader reports a problem and keeps no row.
    CHECK(pieces.rows.empty());
    CHECK(pieces.problems.size() == 1);
    return false;
  }
  CHECK(pieces.problems == whole.problems);
  CHECK(pieces.headers == whole.headers);
  REQUIRE(pieces.rows.size() == whole.rows.size());
  for (size_t i = 0; i < whole.rows.size(); ++i) {
    CAPTURE(i);
    CHECK(pieces.rows[i].row == whole.rows[i].row);
    CHECK(pieces.rows[i].text == whole.rows[i].text);
    CHECK(pieces.rows[i].ends == whole.rows[i].ends);
    CHECK(pieces.rows[i].problems == whole.rows[i].problems);
  }
  return true;
}

}  // namespace

TEST_CASE("import: the pieces' CSV reader reads awkward cells exactly as the whole text is read") {
  const auto& spec = *services::importFileSpec("to_chuc");
  const std::string header = "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy";
  // Cells and pieces of cells that each take another way through the reader.
  const std::vector<std::string> parts = {"CB01",
                                          "Chi bộ bản Nà Ớt",
                                          "\"Chi bộ, \"\"số\"\" 1\"",
                                          "\"a\"  ",
                                          "\"\"",
                                          "  lề  ",
                                          "hai  dấu cách",
                                          "a\xC2\xA0"
                                          "b",
                                          "Ho\xCC\x80",  // a combining mark: normalized
                                          "co_so",
                                          "1/8/2020",
                                          "Có",
                                          "x\"y",
                                          "\"ngắt\r\ndòng\"",
                                          "",
                                          " ",
                                          "\t",
                                          "CB0002",
                                          "2020-13-45"};
  const std::vector<std::string> ends = {"\n", "\r\n", "\r", "\n\n", ""};
  // A quote never closed, or text after a closing quote: in a few texts only, so that most are compared row
  // by row.
  const std::vector<std::string> broken = {"\"mở", "\"đóng\" thêm"};
  std::mt19937 random(20261205);
  int compared = 0;
  for (int round = 0; round < 60; ++round) {
    CAPTURE(round);
    std::string text = round % 2 ? "\xEF\xBB\xBF" : "";
    text += header + "\n";
    const int rows = 1500 + int(random() % 1500);  // more than one piece of 1.024 records
    const int brokenRow = round % 5 == 4 ? int(random() % rows) : -1;
    for (int r = 0; r < rows; ++r) {
      const int cells = 1 + int(random() % 9);
      for (int c = 0; c < cells; ++c) {
        if (c) text += ',';
        text += parts[random() % parts.size()];
      }
      if (r == brokenRow) text += "," + broken[random() % broken.size()];
      text += r + 1 == rows ? ends[random() % ends.size()] : ends[random() % (ends.size() - 1)];
    }
    compared += requireSameAsWhole(spec, text) ? 1 : 0;
  }
  CHECK(compared >= 40);
}
