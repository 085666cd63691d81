// `report NAME`: every report of spec/cli.md in every format, publishing, reprinting and comparing.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/CliCommon.h"
#include "cli/CliProgress.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "reports/CellWorkReport.h"
#include "reports/CongressReport.h"
#include "reports/DeadlinesReport.h"
#include "reports/DisciplineReport.h"
#include "reports/HandoverReport.h"
#include "reports/Json.h"
#include "reports/RatingsReport.h"
#include "reports/RegisterStream.h"
#include "reports/ReportCatalog.h"
#include "reports/ReportPeriod.h"
#include "reports/ReportTemplate.h"
#include "services/Admissions.h"
#include "services/Deadlines.h"
#include "services/Discipline.h"
#include "services/OriginReports.h"
#include "services/Publishing.h"
#include "services/Ratings.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;
namespace fs = std::filesystem;

std::string reportUsage() {
  return std::string(
             "  report NAME [--from DATE] [--to DATE] [--year Y] [--cell CODE] [--as-of DATE] [--format F] "
             "[--out FILE] [--publish]\n"
             "      ") +
         tr("a report: congress, organizations, members, admissions, ratings, discipline, committee, "
            "register, "
            "badges, deadlines, meetings, dues, removal-grounds; F: html (default, to standard output), "
            "json, csv, pdf, docx, xlsx (docx and "
            "xlsx "
            "need --out); --publish freezes it in the register and prints its number on standard error") +
         "\n  report NAME --origin NAME | --by-origin [...]\n      " +
         tr("the same report for one former commune only (its cells, and the members in them on the day), or "
            "the whole register followed by the same figures for each former commune") +
         "\n  report handover|handover-list --origin NAME [--cell CODE] [--as-of DATE] [--format F] [--out "
         "FILE]\n      " +
         tr("the handover record of a former commune's members (per cell), or the list attached to the "
            "receiving "
            "decision, signed by both sides") +
         "\n  report badges --round DATE | report badge-proposals|badge-ceremony --round DATE\n      " +
         tr("the badge proposals of an award day with the covering memo; the ceremony list with the badge "
            "numbers") +
         "\n  report party-card CODE [--format pdf|docx --out FILE]\n      " +
         tr("the member card (2-HSĐV) pre-filled from the register") +
         "\n  report admission-decision CANDIDATE [--format pdf|docx --out FILE]\n      " +
         tr("the committee's decision admitting a candidate, from the candidate's file") +
         "\n  report admission-cell-resolution|admission-resolution CANDIDATE [--format pdf|docx --out "
         "FILE]\n"
         "      " +
         tr("the cell's resolution proposing the admission, the committee's resolution admitting") +
         "\n  report recognition-cell-resolution|recognition-resolution|recognition-decision MEMBER "
         "[--format "
         "pdf|docx --out FILE]\n      " +
         tr("the cell's resolution on the recognition, the committee's resolution and decision recognising "
            "the "
            "member as official") +
         "\n  report meeting-minutes CELL/DAY[/KIND] [--format pdf|docx --out FILE]\n      " +
         tr("the minutes sheet of a cell meeting, pre-filled with the cell, the day and the attendance "
            "list") +
         "\n  report changes --since DATE [--to DATE]\n      " +
         tr("the changes since a day, to enter into CSDL đảng viên 3.0") +
         "\n  report statistics --year Y [--format F --out FILE]\n      " +
         tr("the statistics templates 1-7 of Hướng dẫn 11-HD/BTCTW for the year, with last year and the "
            "percent") +
         "\n  report transfer-letter MEMBER [--format pdf|docx --out FILE] | report transfer-book --year Y\n"
         "      " +
         tr("the transfer letter of a member transferred out, from the transfer book; the committee's "
            "numbered transfer book of the year, letters issued and received") +
         "\n  report file-supplement --year Y [--cell CODE] [--member CODE] [--format pdf|docx --out FILE]\n"
         "      " +
         tr("the supplements to the members' files (3-HSĐV) of the year, one sheet per member, pre-filled "
            "with "
            "the year's changes from the register") +
         "\n  report file-supplement-missing --year Y [--cell CODE] [--format F] [--out FILE]\n      " +
         tr("the members whose supplement of the year is not marked returned") + "\n  report --list\n      " +
         tr("every report this command makes, one a line: its name, what it needs (MEMBER, CANDIDATE, CELL, "
            "ORIGIN), a tab and its formats") +
         "\n  report published [--format json]\n      " + tr("the published reports, newest first") +
         "\n  report --id N [--format F] [--out FILE]\n      " +
         tr("a published report printed again exactly as it was published") +
         "\n  report --compare N\n      " +
         tr("the figures of published report N that have moved since, one per line") + "\n";
}

namespace {

core::Id idOption(const Parsed& p, const char* name) {
  const std::string v = *p.get(name);
  try {
    size_t used = 0;
    const long long id = std::stoll(v, &used);
    if (used == v.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw UsageError(format(tr("{1}: \"{2}\" is not the number of a published report."), {name, v}));
}

// Writes the report per --format and --out.
void output(const Parsed& p, std::ostream& out, const reports::FrozenReport& r, const std::string& fmt,
            const std::function<void(std::ostream&)>& live) {
  auto file = p.get("--out");
  if (fmt == "docx" || fmt == "xlsx" || (fmt == "pdf" && file)) {
    if (!file) throw UsageError(format(tr("The {1} format needs --out FILE."), {fmt}));
    checkOutTarget(p, *file);
    auto progress = terminalProgress(std::cerr);  // a line on a terminal's stderr while the rows are written
    reports::writeReportFile(*file, r, fmt, progress.get());
    return;
  }
  emit(p, out, [&](std::ostream& o) { reports::writeReport(o, r, fmt, live); });
}

int listPublished(const Parsed& p, std::ostream& out) {
  allowOnly(p, {"--format"}, 1);
  const std::string fmt = formatOption(p, "text", {"text", "json"});
  auto s = services::Services::open(dbPath(p));
  const auto actor = actingUser(p, *s);
  const auto list = services::publishedReports(*s, actor);
  if (fmt == "json") {
    reports::JsonWriter j(out);
    j.beginArray();
    for (const auto& r : list)
      j.beginObject()
          .key("id")
          .value(int64_t(r.id))
          .key("name")
          .value(r.name)
          .key("title")
          .value(r.title)
          .key("options")
          .value(r.options)
          .key("published_at")
          .value(r.publishedAt)
          .key("user")
          .value(r.username)
          .endObject();
    j.endArray();
    out << "\n";
  } else {
    for (const auto& r : list)
      out << r.id << "\t" << r.name << "\t" << r.publishedAt << "\t" << r.username << "\t" << r.options
          << "\t" << r.title << "\n";
  }
  return kOk;
}

// The last year up to `upTo` with any rating stored.
std::optional<int> lastRatedYear(services::Services& s, const services::Actor& actor, int upTo) {
  const auto sum = services::ratingSummary(s, actor, upTo - 30, upTo);
  for (auto it = sum.years.rbegin(); it != sum.years.rend(); ++it)
    if (it->members.rated > 0 || it->organizations.rated > 0) return it->year;
  return std::nullopt;
}

// `report --list`: every document `report` makes, so that a test or a script can make them all.
int listReports(const Parsed& p, std::ostream& out) {
  allowOnly(p, {"--list"}, 0);
  for (const auto& call : reports::reportCalls()) {
    std::string formats;
    for (const auto& f : reports::reportFormatsOf(call.substr(0, call.find(' '))))
      formats += (formats.empty() ? "" : " ") + f;
    out << call << "\t" << formats << "\n";
  }
  return kOk;
}

}  // namespace

int cmdReport(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (p.get("--compare")) {
    allowOnly(p, {"--compare"}, 0);
    auto s = services::Services::open(dbPath(p));
    const auto actor = actingUser(p, *s);
    const auto then = reports::loadPublished(*s, actor, idOption(p, "--compare"));
    const auto now = reports::makeReport(*s, actor, {then.name, then.from, then.to, then.asOf});
    reports::writeChanges(out, reports::compareReports(then, now));
    return kOk;
  }
  if (p.get("--id")) {
    allowOnly(p, {"--id", "--format", "--out"}, 0);
    const std::string fmt = formatOption(p, "html", {"json", "html", "csv", "pdf", "docx", "xlsx"});
    auto s = services::Services::open(dbPath(p));
    const auto actor = actingUser(p, *s);
    const auto r = reports::loadPublished(*s, actor, idOption(p, "--id"));
    output(p, out, r, fmt, {});
    return kOk;
  }
  if (!p.positional.empty() && p.positional[0] == "published") return listPublished(p, out);
  if (p.has("--list")) return listReports(p, out);

  if (!p.positional.empty() && reports::isHandoverReport(p.positional[0])) {
    // The handover record of a merger and the list attached to the receiving decision (spec/merger.md).
    allowOnly(p, {"--origin", "--cell", "--as-of", "--format", "--out"}, 1);
    if (!p.get("--origin")) throw UsageError(tr("The handover needs --origin NAME, the former commune."));
    const std::string fmt = formatOption(p, "html", {"json", "html", "csv", "pdf", "docx", "xlsx"});
    auto s = services::Services::open(dbPath(p));
    const auto actor = actingUser(p, *s);
    reports::FrozenReport r;
    r.name = p.positional[0];
    r.asOf = dateOption(p, "--as-of", core::Date::today());
    r.from = r.to = r.asOf;
    r.committee = s->committee();
    r.templateFolder = reports::officeTemplateFolder(s->path().string());
    r.model =
        reports::handoverReport(*s, actor, r.name, *p.get("--origin"), p.get("--cell").value_or(""), r.asOf);
    output(p, out, r, fmt, {});
    return kOk;
  }
  allowOnly(p,
            {"--from", "--to", "--as-of", "--format", "--out", "--publish", "--year", "--cell", "--round",
             "--since", "--origin", "--by-origin", "--member"},
            !p.positional.empty() && reports::isMemberForm(p.positional[0]) ? 2 : 1);
  if (p.positional.empty()) throw UsageError(tr("report needs the name of a report."));
  // `report badges --round DATE`: the proposal list of that award day (spec/member-file.md).
  const std::string name =
      p.get("--round") && p.positional[0] == "badges" ? "badge-proposals" : p.positional[0];
  if (p.get("--round") && name != "badge-proposals" && name != "badge-ceremony")
    throw UsageError(tr("--round goes with the reports badges, badge-proposals and badge-ceremony."));
  const auto& known = reports::reportNames();
  if (std::find(known.begin(), known.end(), name) == known.end() && !reports::isMemberForm(name) &&
      !reports::isSheetsForm(name))
    throw UsageError(format(tr("Unknown report \"{1}\"."), {name}));
  const std::string fmt = formatOption(p, "html", {"json", "html", "csv", "pdf", "docx", "xlsx"});
  core::Date today = core::Date::today();
  core::Date from = dateOption(p, "--from", *core::Date::make(today.year(), 1, 1));
  core::Date to = dateOption(p, "--to", today);
  core::Date asOf = dateOption(p, "--as-of", name == "deadlines" || name == "badges" ? today : to);
  if (p.get("--round")) asOf = dateOption(p, "--round", today);
  if (p.get("--since")) {  // `report changes --since DATE`: the work list for CSDL đảng viên 3.0
    if (name != "changes") throw UsageError(tr("--since goes with the report changes."));
    from = dateOption(p, "--since", today);
  }
  // `file-supplement --year Y [--cell CODE] [--member CODE]`: the sheets of that year (3-HSĐV); and its list
  // of the sheets not returned.
  const bool isSupplement = name == "file-supplement" || name == "file-supplement-missing";
  if (p.get("--member") && name != "file-supplement")
    throw UsageError(tr("--member goes with the report file-supplement."));
  if (p.get("--year") && name != "dues" && name != "removal-grounds") {    // `statistics --year Y`: to 31/12
    if (name != "statistics" && name != "transfer-book" && !isSupplement)  // `transfer-book --year Y`
      throw UsageError(tr("--year goes with the report statistics."));
    int y = 0;
    try {
      y = std::stoi(*p.get("--year"));
    } catch (const std::exception&) {
    }
    const auto first = core::Date::make(y, 1, 1), last = core::Date::make(y, 12, 31);
    if (!first || !last || y < 1930)
      throw UsageError(format(tr("\"{1}\" is not a year."), {*p.get("--year")}));
    from = *first;
    to = asOf = *last;
  }
  // Without --from the congress report covers the term that holds its last day (reports::defaultPeriodStart).
  const bool termDefault = name == "congress" && !p.get("--from");
  if (to < from && !termDefault)
    throw core::DataError(format(tr("The period ends ({2}) before it begins ({1})."), {from.vn(), to.vn()}));
  const bool byYear = name == "dues" || name == "removal-grounds";
  if ((p.get("--year") && !byYear && name != "statistics" && name != "transfer-book" && !isSupplement) ||
      (p.get("--cell") && name != "dues" && name != "meetings" && !isSupplement))
    throw UsageError(format(tr("{1} does not take that option."), {name}));
  if (byYear) {
    // --year Y: the calendar year; its months up to --as-of (default today, or the year's last day).
    int year = today.year();
    if (auto y = p.get("--year")) {
      if (y->size() != 4 || y->find_first_not_of("0123456789") != std::string::npos)
        throw UsageError(format(tr("--year: \"{1}\" is not a year."), {*y}));
      year = std::stoi(*y);
    }
    from = *core::Date::make(year, 1, 1);
    to = *core::Date::make(year, 12, 31);
    asOf = dateOption(p, "--as-of", std::min(today, to));
  }
  const std::string cell = p.get("--cell") ? *p.get("--cell") : std::string();
  // A report printed only reads the register: every page is not checked first (3 s at a million members);
  // a damaged page it reads is still refused. One published is written into it.
  auto s = p.has("--publish") ? services::Services::open(dbPath(p))
                              : services::Services::openForReading(dbPath(p));
  const auto actor = actingUser(p, *s);
  if (termDefault) from = reports::defaultPeriodStart(*s, name, to);
  if (name == "ratings" && !p.get("--from") && !p.get("--to")) {
    // Without dates: the last year that has ratings, not the current year whose round has not begun.
    if (const auto year = lastRatedYear(*s, actor, today.year())) {
      from = *core::Date::make(*year, 1, 1);
      to = *core::Date::make(*year, 12, 31);
      if (!p.get("--as-of")) asOf = to;
    } else {
      err << tr("No member has been rated yet: the report shows empty years.") << "\n";
    }
  }
  if (reports::isMemberForm(name) && p.positional.size() < 2)
    throw UsageError(format(tr("report {1} needs the member's or candidate's code."), {name}));
  if ((reports::isMemberForm(name) || reports::isSheetsForm(name)) && p.has("--publish"))
    throw UsageError(tr("A member's form is printed, not published."));
  // One former commune, or each (spec/merger.md): printed, not published.
  const std::string origin = p.get("--origin").value_or("");
  const bool byOrigin = p.has("--by-origin");
  if (p.get("--origin") && origin.empty())
    throw UsageError(tr("--origin needs the name of a former commune."));
  if ((byOrigin || !origin.empty()) &&
      (reports::isMemberForm(name) || reports::isSheetsForm(name) || p.has("--publish")))
    throw UsageError(
        tr("--origin and --by-origin go with a report of the register that is printed, not "
           "published."));
  if (byOrigin && !origin.empty()) throw UsageError(tr("Give either --origin or --by-origin."));
  auto progress = terminalProgress(err);
  // The register printed, not published, is written as it is read (the register of a province is never
  // held whole); the same bytes as the report made first.
  if (name == "register" && !p.has("--publish") && origin.empty() && !byOrigin && fmt != "json") {
    const auto file = p.get("--out");
    if (fmt == "docx" || fmt == "xlsx" || (fmt == "pdf" && file)) {
      if (!file) throw UsageError(format(tr("The {1} format needs --out FILE."), {fmt}));
      checkOutTarget(p, *file);
      reports::writeRegisterReportFile(*file, *s, actor, asOf, fmt, progress.get());
    } else {
      emit(p, out, [&](std::ostream& o) {
        if (reports::registerStreams(fmt))
          reports::writeRegisterReport(o, *s, actor, asOf, fmt);
        else
          reports::writeReport(o, reports::makeReport(*s, actor, {name, from, to, asOf}), fmt);
      });
    }
    return kOk;
  }
  const auto report = reports::makeReport(
      *s, actor,
      {name, from, to, asOf, cell,
       reports::isMemberForm(name) ? p.positional[1] : p.get("--member").value_or(""), origin, byOrigin},
      progress.get());
  progress.reset();  // the line cleared before any message
  if (p.has("--publish")) {
    const core::Id id = reports::publish(*s, actor, report);
    err << format(tr("Published as report number {1}."), {std::to_string(id)}) << "\n";
  }
  // json and csv of these four keep their own shapes (spec/cli.md for deadlines); of one former commune, made
  // from its register; with --by-origin, the report's own (the whole, then each origin's tables).
  std::unique_ptr<services::OriginRegister> scoped;
  if (!origin.empty() && (fmt == "json" || fmt == "csv"))
    scoped = std::make_unique<services::OriginRegister>(*s, actor, origin, asOf);
  services::Services& src = scoped ? scoped->services() : *s;
  std::function<void(std::ostream&)> live;
  if (byOrigin) {
    output(p, out, report, fmt, live);
    return kOk;
  }
  if (name == "admissions")
    live = [&](std::ostream& o) {
      auto years = services::admissionsByYear(src, actor, from, to, asOf);
      fmt == "json" ? reports::writeAdmissionsJson(o, years) : reports::writeAdmissionsCsv(o, years);
    };
  else if (name == "deadlines")
    live = [&](std::ostream& o) {
      auto list = services::deadlines(src, actor, asOf);
      fmt == "json" ? reports::writeDeadlinesJson(o, list) : reports::writeDeadlinesCsv(o, list);
    };
  else if (name == "discipline")
    live = [&](std::ostream& o) {
      auto figures = services::disciplineFigures(src, actor, from, to);
      fmt == "json" ? reports::writeDisciplineJson(o, figures, from, to)
                    : reports::writeDisciplineCsv(o, figures);
    };
  else if (name == "dues" && fmt == "json")
    live = [&](std::ostream& o) {
      if (cell.empty())
        reports::writeDuesSummaryJson(o, services::duesSummary(src, actor, from.year(), asOf));
      else
        reports::writeDuesBookJson(o, services::duesBook(src, actor, cell, from.year(), asOf));
    };
  else if (name == "meetings" && fmt == "json")
    live = [&](std::ostream& o) {
      reports::writeMeetingsJson(o, services::meetingsBetween(src, actor, from, to, cell));
    };
  else if (name == "ratings")
    live = [&](std::ostream& o) {
      auto sum = services::ratingSummaryOf(src, actor, from, to);
      fmt == "json" ? reports::writeRatingsJson(o, sum) : reports::writeRatingsCsv(o, sum);
    };
  output(p, out, report, fmt, live);
  return kOk;
}

}  // namespace dangbo::cli
