// `report NAME`: every report of spec/cli.md in its formats.
#include <algorithm>
#include <filesystem>
#include <map>

#include "cli/CliCommon.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "reports/CongressReport.h"
#include "reports/DeadlinesReport.h"
#include "reports/DisciplineReport.h"
#include "reports/PdfRenderer.h"
#include "reports/RatingsReport.h"
#include "services/Admissions.h"
#include "services/CongressReport.h"
#include "services/Deadlines.h"
#include "services/Discipline.h"
#include "services/Ratings.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;
namespace fs = std::filesystem;

std::string reportUsage() {
  return std::string(
             "  report NAME [--from DATE] [--to DATE] [--as-of DATE] [--format F] [--out FILE]\n      ") +
         tr("a report; in this version: congress (html, json, pdf, docx, xlsx), admissions, deadlines, "
            "ratings, "
            "discipline (json, csv)") +
         "\n";
}

int cmdReport(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--from", "--to", "--as-of", "--format", "--out"}, 1);
  if (p.positional.empty()) throw UsageError(tr("report needs the name of a report."));
  const std::string& name = p.positional[0];
  const std::vector<std::string> known = {"congress", "organizations", "members",   "admissions",
                                          "ratings",  "discipline",    "committee", "register",
                                          "badges",   "deadlines"};
  if (std::find(known.begin(), known.end(), name) == known.end())
    throw UsageError(format(tr("Unknown report \"{1}\"."), {name}));
  // The formats each report has in this version.
  const std::map<std::string, std::vector<std::string>> formats = {
      {"congress", {"html", "json", "pdf", "docx", "xlsx"}},
      {"admissions", {"json", "csv"}},
      {"deadlines", {"json", "csv"}},
      {"ratings", {"json", "csv"}},
      {"discipline", {"json", "csv"}}};
  auto fmts = formats.find(name);
  if (fmts == formats.end())
    throw UsageError(format(tr("The report {1} is not available in this version yet."), {name}));
  std::string fmt = formatOption(p, fmts->second.front(), {"json", "html", "csv", "pdf", "docx", "xlsx"});
  if (std::find(fmts->second.begin(), fmts->second.end(), fmt) == fmts->second.end())
    throw UsageError(
        format(tr("The format {1} of the report {2} is not available in this version yet."), {fmt, name}));
  core::Date today = core::Date::today();
  core::Date from = dateOption(p, "--from", *core::Date::make(today.year(), 1, 1));
  core::Date to = dateOption(p, "--to", today);
  core::Date asOf = dateOption(p, "--as-of", name == "deadlines" ? today : to);
  if (to < from)
    throw core::DataError(format(tr("The period ends ({2}) before it begins ({1})."), {from.vn(), to.vn()}));
  auto s = services::Services::open(dbPath(p));
  const auto actor = actingUser(p, *s);
  if (name == "congress") {
    auto figures = services::congressFigures(*s, actor, from, to, asOf);
    auto committee = s->committee();
    if (fmt == "docx" || fmt == "xlsx") {
      auto file = p.get("--out");
      if (!file) throw UsageError(format(tr("The {1} format needs --out FILE."), {fmt}));
      reports::writeCongressDocument(*file + ".part", figures, committee, fmt);
      fs::rename(*file + ".part", *file);
      return kOk;
    }
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json")
        reports::writeCongressJson(o, figures);
      else if (fmt == "pdf")
        reports::renderPdf(o, reports::congressDocument(figures, committee));
      else
        reports::writeCongressHtml(o, figures, committee);
    });
  } else if (name == "admissions") {
    auto years = services::admissionsByYear(*s, actor, from.year(), to.year(), asOf);
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json")
        reports::writeAdmissionsJson(o, years);
      else
        reports::writeAdmissionsCsv(o, years);
    });
  } else if (name == "deadlines") {
    auto list = services::deadlines(*s, actor, asOf);
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json")
        reports::writeDeadlinesJson(o, list);
      else
        reports::writeDeadlinesCsv(o, list);
    });
  } else if (name == "discipline") {
    auto figures = services::disciplineFigures(*s, actor, from, to);
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json")
        reports::writeDisciplineJson(o, figures, from, to);
      else
        reports::writeDisciplineCsv(o, figures);
    });
  } else if (name == "ratings") {
    auto sum = services::ratingSummary(*s, actor, from.year(), to.year());
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json")
        reports::writeRatingsJson(o, sum);
      else
        reports::writeRatingsCsv(o, sum);
    });
  }
  return kOk;
}

}  // namespace dangbo::cli
