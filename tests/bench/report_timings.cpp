#include "bench/report_timings.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

#include "reports/CongressReport.h"
#include "reports/PdfRenderer.h"
#include "reports/ReportCatalog.h"
#include "services/CongressReport.h"
#include "services/Services.h"

namespace dangbo::bench {

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}
}  // namespace

bool printReportTimings(services::Services& s, const services::Actor& actor, const core::Date& from,
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
  for (const auto& name : reports::reportNames()) {
    if (name == "congress") continue;
    t0 = Clock::now();
    const auto r = reports::makeReport(s, actor, {name, from, to, to});
    const double modelMs = msSince(t0);
    std::ostringstream out;
    t0 = Clock::now();
    reports::writeReport(out, r, name == "register" ? "html" : "pdf");
    const double writeMs = msSince(t0);
    std::printf("report %s: model %.0f ms, %s %.0f ms (%zu bytes)\n", name.c_str(), modelMs,
                name == "register" ? "html" : "pdf", writeMs, out.str().size());
    if (name == "register") {
      // The baseline of the register: writing the same bytes to a file, nothing computed.
      const std::string bytes = out.str();
      t0 = Clock::now();
      if (std::FILE* f = std::tmpfile()) {
        for (size_t at = 0; at < bytes.size(); at += 1 << 16)
          std::fwrite(bytes.data() + at, 1, std::min<size_t>(1 << 16, bytes.size() - at), f);
        std::fflush(f);
        std::fclose(f);
      }
      const double bareMs = msSince(t0);
      std::printf(
          "report register: %.0f ms in all vs writing the same bytes %.0f ms | ratio %.1fx | target < 2x\n",
          modelMs + writeMs, bareMs, (modelMs + writeMs) / std::max(bareMs, 0.001));
    }
  }
  return jsonMs < 500 && pdfMs < 2000;
}

}  // namespace dangbo::bench
