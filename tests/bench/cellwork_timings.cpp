#include "bench/cellwork_timings.h"

#include "bench/bench_clock.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdio>
#include <sstream>

#include "reports/ReportCatalog.h"
#include "services/CellWork.h"
#include "services/DemoCellWork.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

namespace dangbo::bench {

namespace {
struct Timing {
  double wallMs = 0, cpuMs = 0;
  size_t bytes = 0;
};
}  // namespace

bool printCellWorkTimings(services::Services& s, const services::Actor& actor, uint64_t seed,
                          const core::Date& today) {
  auto t0 = Clock::now();
  services::DemoCellWorkCounts n;
  services::storeOf(s).transaction(
      [&] { n = services::writeDemoCellWork(services::storeOf(s), seed, today); });
  std::printf(
      "cell work written (as the demo): %d meetings, %d attendance rows, %d payments, %d bases in %.0f ms\n",
      n.meetings, n.attendance, n.payments, n.bases, msSince(t0));
  // The cell with the most members today.
  std::string cell;
  {
    SQLite::Statement q(
        services::storeOf(s).db(),
        "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id GROUP BY o.id ORDER BY "
        "count(*) DESC LIMIT 1");
    if (q.executeStep()) cell = q.getColumn(0).getString();
  }
  const core::Date from = *core::Date::make(today.year(), 1, 1), to = *core::Date::make(today.year(), 12, 31);
  auto timed = [&](const std::string& cellCode) {
    auto t = Clock::now();
    const double c = cpuMs();
    std::ostringstream pdf;
    reports::writeReport(pdf, reports::makeReport(s, actor, {"dues", from, to, today, cellCode}), "pdf");
    return Timing{msSince(t), cpuMs() - c, pdf.str().size()};
  };
  const Timing book = timed(cell);
  std::printf(
      "report dues --cell %s (S01/ĐP, model and pdf): %.0f ms wall, %.0f ms CPU (%zu bytes) | target < 1000 "
      "ms\n",
      cell.c_str(), book.wallMs, book.cpuMs, book.bytes);
  const Timing sum = timed("");
  std::printf(
      "report dues (S02/ĐP, every cell, model and pdf): %.0f ms wall, %.0f ms CPU (%zu bytes) | target < "
      "3000 "
      "ms\n",
      sum.wallMs, sum.cpuMs, sum.bytes);
  t0 = Clock::now();
  const double c = cpuMs();
  const auto findings = services::checkCellWork(s, actor, today);
  std::printf("check, cell-work findings: %zu in %.0f ms wall, %.0f ms CPU\n", findings.size(), msSince(t0),
              cpuMs() - c);
  return book.wallMs < 1000 && sum.wallMs < 3000;
}

}  // namespace dangbo::bench
