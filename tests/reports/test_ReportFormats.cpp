// The formats `report --list` offers for each report match what its document holds: a CSV is offered exactly
// for the documents with a table, and the CSV writer refuses the others naming the paper.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "../TestUtil.h"
#include "ReportCalls.h"
#include "core/Errors.h"
#include "reports/ReportCatalog.h"

using namespace dangbo;
using test::TempDir;

TEST_CASE("report --list offers a CSV of every report of the demo with a table, and of no other") {
  TempDir dir;
  size_t withCsv = 0, without = 0;
  for (const auto& call : reports::reportCalls()) {
    CAPTURE(call);
    const auto r = test::reportcalls::reportOfCall(call);
    const bool tables = !reports::reportDocument(r).tables().empty();
    const auto& formats = reports::reportFormatsOf(r.name);
    const bool offered = std::find(formats.begin(), formats.end(), "csv") != formats.end();
    CHECK(offered == tables);
    const auto file = dir / (r.name + ".csv");
    if (tables) {
      ++withCsv;
      reports::writeReportFile(file, r, "csv");
      CHECK(std::filesystem::file_size(file) > 3);  // more than the byte order mark
    } else {
      ++without;
      CHECK_THROWS_AS(reports::writeReportFile(file, r, "csv"), core::DataError);
      CHECK_FALSE(std::filesystem::exists(file));
    }
  }
  CHECK(withCsv > 20);
  CHECK(without >= 7);  // the papers: admission and recognition papers, the transfer letter, the supplement
}
