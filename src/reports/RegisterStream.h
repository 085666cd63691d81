#pragma once
// The register report (sổ danh sách đảng viên, Mẫu 7-HSĐV) written as it is read: its rows come from the
// register a page at a time (services::forEachRegisterEntry) straight to the writer, so that the register of
// a province or a nation is never held whole. The bytes are those of makeReport("register") written by
// writeReport / writeReportFile.
#include <filesystem>
#include <ostream>
#include <string>

#include "core/Date.h"
#include "core/Progress.h"
#include "reports/Document.h"
#include "services/Actor.h"
#include "services/MemberList.h"
#include "services/ReportModel.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::reports {

/// The register's model on asOf with its sentence and its table's columns, holding `count` members but no
/// rows yet (registerReport adds them; the streamed document reads them).
services::ReportModel registerModel(services::Services& s, const core::Date& asOf, int64_t count);
/// The texts of row `n` (from 1) of the register for entry `e` (exchange::registerCells).
std::vector<std::string> registerRowTexts(const services::RegisterEntry& e, int n, const core::Date& asOf);

/// The printable register on asOf whose table reads its rows from the register each time it is written
/// (Table::rowSource); the document must not outlive `s`. With `progress`, each reading of the rows is a
/// stage counted row by row (and may be cancelled).
Document registerDocument(services::Services& s, const services::Actor& actor, const core::Date& asOf,
                          core::Progress* progress = nullptr);

/// True for the text formats the register is written in as it is read (html, csv). The files (PDF, XLSX and
/// DOCX) read the rows as they write them too (writeRegisterReportFile).
bool registerStreams(const std::string& format);

/// Writes the register report in html or csv as writeReport does, reading the rows as they are written.
void writeRegisterReport(std::ostream& out, services::Services& s, const services::Actor& actor,
                         const core::Date& asOf, const std::string& format);
/// Writes the register report to a file in html, csv, pdf, docx or xlsx as writeReportFile does.
void writeRegisterReportFile(const std::filesystem::path& out, services::Services& s,
                             const services::Actor& actor, const core::Date& asOf, const std::string& format,
                             core::Progress* progress = nullptr);

}  // namespace dangbo::reports
