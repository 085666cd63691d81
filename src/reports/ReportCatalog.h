#pragma once
// Every report of `report NAME` in one place: making one (a FrozenReport: its model and the options),
// printing it in any format, publishing it, and comparing a published report with the register now.
// The window and the CLI both go through here, so both print the same figures.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/Progress.h"
#include "reports/Document.h"
#include "reports/ReportArchive.h"
#include "services/Actor.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::reports {

/// The report names of spec/cli.md, in the order the window lists them.
const std::vector<std::string>& reportNames();
/// The Vietnamese title of a report name ("Báo cáo Đại hội").
std::string reportTitle(const std::string& name);
/// Whether the period (from, to) matters to the report; the others only use the as-of day.
bool reportUsesPeriod(const std::string& name);
/// The formats of `report NAME`: json, csv, html, pdf, docx, xlsx.
const std::vector<std::string>& reportFormats();
/// The formats of one report: reportFormats(), but for a paper without tables (an admission or recognition
/// paper, the transfer letter, the supplement sheets), whose CSV would hold nothing: no csv.
const std::vector<std::string>& reportFormatsOf(const std::string& name);

/// Every document `report` makes, as the words of its call: the name, then what it needs beyond the period
/// and the day, in capitals ("dues --cell CELL": a cell's book; "party-card MEMBER"; "handover --origin
/// ORIGIN"). `report --list` prints them; the tests make every one of them in every format.
std::vector<std::string> reportCalls();

/// What to make.
struct ReportRequest {
  std::string name;       ///< one of reportNames()
  core::Date from;        ///< first day of the period
  core::Date to;          ///< last day
  core::Date asOf;        ///< the day standing figures are taken on
  std::string cell{};     ///< meetings, dues: one cell's code (dues: its book S01/ĐP); empty: every cell
  std::string subject{};  ///< a form of one member (party-card), one sheet (file-supplement): a member's code
  /// One former commune only (spec/merger.md): every figure made from the register restricted to the cells of
  /// that origin and the members in them on asOf (services::OriginRegister); empty: the whole register.
  std::string origin{};
  /// The whole register, then the same figures for each origin (services::reportOrigins): a model report
  /// gains each of its tables once per origin (keys "KEY@ORIGIN"), the congress report its figures per
  /// origin.
  bool byOrigin = false;
  /// The register only: its first rows, for a preview (FrozenReport::wholeRows); 0: every row. A report of
  /// one or each former commune is made whole.
  size_t firstRows = 0;
};

/// True for the forms of one member (party-card), made with ReportRequest::subject and not listed by
/// reportNames() (the Reports page lists reports of the register).
bool isMemberForm(const std::string& name);
/// True for the forms printed one sheet per member for a cell or the whole register (file-supplement: a
/// year's 3-HSĐV, with ReportRequest::cell and ::subject), not listed by reportNames(): a form, not a report.
bool isSheetsForm(const std::string& name);

/// Makes a report from the register now. Throws DataError for an unknown name or a period ending before it
/// begins; the services' permission errors pass through.
/// With `progress`, the reading of the register is reported (row by row for the register report) and may be
/// cancelled (core::Cancelled; nothing is written by making a report).
FrozenReport makeReport(services::Services& s, const services::Actor& actor, const ReportRequest& request,
                        core::Progress* progress = nullptr);
/// The printable document of a report (congress: congressDocument; the others: modelDocument).
Document reportDocument(const FrozenReport& r);
/// The options of a report as stored with a published one ("from=2020-08-01 to=2025-07-31 as_of=2025-07-31").
std::string reportOptions(const FrozenReport& r);

/// Writes a report to a stream: json, csv, html (svgCharts) or pdf. (docx and xlsx need a file:
/// writeReportFile.) json and csv of admissions, deadlines, ratings and discipline are their own formats
/// (spec/cli.md), made from the register now, so `live` must then be the services it was made with; elsewhere
/// it may be null.
void writeReport(std::ostream& out, const FrozenReport& r, const std::string& format,
                 const std::function<void(std::ostream&)>& live = {});
/// Writes a report to a file in any format but those four live ones (through a temporary file renamed on
/// success, so a failed write leaves nothing half-written). With `progress`, the rows laid out and written
/// are reported; a cancel (core::Cancelled) leaves no file and an existing `out` as it was.
void writeReportFile(const std::filesystem::path& out, const FrozenReport& r, const std::string& format,
                     core::Progress* progress = nullptr);

/// Writes a document to a file as writeReportFile does (the same formats, temporary file, progress and
/// cancel): docx, xlsx and pdf from makeDocument(), the other formats by writeText.
void writeDocumentFile(const std::filesystem::path& out, const std::function<Document()>& makeDocument,
                       const std::function<void(std::ostream&)>& writeText, const std::string& format,
                       core::Progress* progress = nullptr);

/// Freezes and stores a report (services::publishReport); returns its number.
core::Id publish(services::Services& s, const services::Actor& actor, const FrozenReport& r);
/// A published report as it was frozen.
FrozenReport loadPublished(services::Services& s, const services::Actor& actor, core::Id id);

/// A figure that differs between two printings of a report.
struct FigureChange {
  std::string table;   ///< the table's caption
  std::string row;     ///< the row's label
  std::string column;  ///< the column's heading
  std::string then;    ///< as published ("-" when the row did not exist)
  std::string now;     ///< as the register stands ("-" when the row is gone)
};
/// The figures (counts and percentages of every table) that moved from `then` to `now`, in the order of
/// `then`'s tables, then rows only in `now`. Tables, rows and columns are matched by caption, label and
/// heading (the n-th of equal labels with the n-th). Then the sentences: a sentence of both printings
/// (the same words, figures aside) gives each figure that moved (table "Văn bản", row: the words before
/// it); a sentence only one printing has is given whole.
std::vector<FigureChange> compareDocuments(const Document& then, const Document& now);
/// The changes between a published report and the same report made now: compareDocuments of their
/// documents, and for the congress report every figure of its model (its JSON) that moved.
std::vector<FigureChange> compareReports(const FrozenReport& then, const FrozenReport& now);
/// Writes the changes as text, one per line ("Bảng ...: hàng, cột: 1.046 -> 1.050"), or a line saying
/// nothing moved.
void writeChanges(std::ostream& out, const std::vector<FigureChange>& changes);

/// The register (sổ danh sách đảng viên, Mẫu 7-HSĐV) on asOf as a report model with its 14 columns.
services::ReportModel registerReport(services::Services& s, const services::Actor& actor,
                                     const core::Date& asOf, core::Progress* progress = nullptr);
/// The same model holding only the first `firstRows` rows of the register (0: every row), whose `count`
/// members (from services::registerCount) its sentence gives: a preview that reads no more of a province's
/// register. Each row read is a step of `rows` when given.
services::ReportModel registerFirstRows(services::Services& s, const services::Actor& actor,
                                        const core::Date& asOf, int64_t count, size_t firstRows,
                                        core::ProgressStage* rows = nullptr);

}  // namespace dangbo::reports
