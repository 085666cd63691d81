#include "bench/report_timings.h"

#include "bench/bench_clock.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "reports/CongressReport.h"
#include "reports/PdfRenderer.h"
#include "reports/RegisterStream.h"
#include "reports/ReportCatalog.h"
#include "services/CongressReport.h"
#include "services/MemberList.h"
#include "services/Services.h"

namespace dangbo::bench {

namespace {
namespace fs = std::filesystem;
// The process's resident memory now and its highest since the last reset (kB, /proc/self/status).
std::pair<long, long> residentKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  long now = 0, peak = 0;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) now = std::atol(line.c_str() + 6);
    if (line.rfind("VmHWM:", 0) == 0) peak = std::atol(line.c_str() + 6);
  }
  return {now, peak};
}

// The least the register report reads, by bare statements on a new connection mapping the file as the
// report's cursor does: every member's row in the list order (index members_order, the report's order) and
// every event in the file's order. Wall ms.
double bareRegisterReadMs(const fs::path& file) {
  const auto t0 = Clock::now();
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  db.exec("PRAGMA mmap_size = 2147418112");
  size_t bytes = 0;
  for (const char* sql : {"SELECT * FROM members INDEXED BY members_order ORDER BY sort_key, code",
                          "SELECT * FROM member_events"}) {
    SQLite::Statement q(db, sql);
    while (q.executeStep())
      for (int i = 0; i < q.getColumnCount(); ++i) bytes += size_t(q.getColumn(i).getBytes());
  }
  const double ms = msSince(t0);
  std::printf("register read by bare statements: %zu bytes of text in %.0f ms\n", bytes, ms);
  return ms;
}

// The register report as `report register --format FORMAT --out FILE` writes it (streamed from the register),
// its own peak memory (the high-water mark reset before it) and CPU, and the baseline: the same bytes written
// to a file, nothing computed.
void printRegisterTiming(services::Services& s, const services::Actor& actor, const core::Date& asOf,
                         const std::string& format) {
  services::dropMemberListCache();
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";  // resets VmHWM to the resident memory now
  const long before = residentKb().first;
  const fs::path file =
      fs::temp_directory_path() / ("dangbo-bench-register-" + std::to_string(getpid()) + "." + format);
  auto t0 = Clock::now();
  const double cpu0 = cpuMs();
  reports::writeRegisterReportFile(file, s, actor, asOf, format);
  const double ms = msSince(t0), cpu = cpuMs() - cpu0;
  const long peak = residentKb().second;
  const auto bytes = fs::file_size(file);
  // The baseline: the file's bytes read back a block at a time, only their writing timed.
  double bareMs = 0;
  if (std::FILE* in = std::fopen(file.c_str(), "rb")) {
    if (std::FILE* f = std::tmpfile()) {
      std::vector<char> block(1 << 16);
      size_t n = 0;
      while ((n = std::fread(block.data(), 1, block.size(), in)) > 0) {
        t0 = Clock::now();
        std::fwrite(block.data(), 1, n, f);
        bareMs += msSince(t0);
      }
      t0 = Clock::now();
      std::fflush(f);
      std::fclose(f);
      bareMs += msSince(t0);
    }
    std::fclose(in);
  }
  fs::remove(file);
  const double readMs = bareRegisterReadMs(s.path());
  const char* f = format.c_str();
  std::printf("report register (%s, streamed to a file): %.0f ms wall, %.0f ms CPU, %ju bytes\n", f, ms, cpu,
              uintmax_t(bytes));
  std::printf(
      "report register %s: %.0f ms vs writing the same bytes %.0f ms | ratio %.1fx | floor (reading the "
      "register "
      "alone) %.0f ms, %.1fx | target < 2x\n",
      f, ms, bareMs, ms / std::max(bareMs, 0.001), readMs, readMs / std::max(bareMs, 0.001));
  std::printf(
      "report register %s: peak memory while writing it %.1f MB (%.1f MB resident before, %.1f MB more) | "
      "target < 300 MB\n",
      f, peak / 1024.0, before / 1024.0, (peak - before) / 1024.0);
}

}  // namespace

bool printCongressTimings(services::Services& s, const services::Actor& actor, const core::Date& from,
                          const core::Date& to) {
  // Congress JSON: the figures from the register, then the JSON text.
  auto t0 = Clock::now();
  std::ostringstream json;
  reports::writeCongressJson(json, services::congressFigures(s, actor, from, to, to));
  const double jsonMs = msSince(t0);
  // Congress PDF: the figures again, the document, and the PDF bytes.
  t0 = Clock::now();
  std::ostringstream pdf;
  reports::renderPdf(
      pdf, reports::congressDocument(services::congressFigures(s, actor, from, to, to), s.committee()));
  const double pdfMs = msSince(t0);
  std::printf("report congress json: %.0f ms (%zu bytes) | target < 500 ms\n", jsonMs, json.str().size());
  std::printf("report congress pdf: %.0f ms (%zu bytes) | target < 2000 ms\n", pdfMs, pdf.str().size());
  return jsonMs < 500 && pdfMs < 2000;
}

void printRegisterTimings(services::Services& s, const services::Actor& actor, const core::Date& asOf) {
  for (const char* format : {"html", "pdf"}) printRegisterTiming(s, actor, asOf, format);
}

bool printReportTimings(services::Services& s, const services::Actor& actor, const core::Date& from,
                        const core::Date& to) {
  const bool congressMet = printCongressTimings(s, actor, from, to);
  std::chrono::steady_clock::time_point t0;
  for (const auto& name : reports::reportNames()) {
    if (name == "congress") continue;
    if (name == "register") {
      printRegisterTimings(s, actor, to);
      continue;
    }
    t0 = Clock::now();
    const auto r = reports::makeReport(s, actor, {name, from, to, to});
    const double modelMs = msSince(t0);
    std::ostringstream out;
    t0 = Clock::now();
    reports::writeReport(out, r, "pdf");
    const double writeMs = msSince(t0);
    std::printf("report %s: model %.0f ms, pdf %.0f ms (%zu bytes)\n", name.c_str(), modelMs, writeMs,
                out.str().size());
  }
  return congressMet;
}

}  // namespace dangbo::bench
