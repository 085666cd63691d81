#pragma once
// The congress report (spec/congress-report.md) written out: the figures as JSON, and a printable HTML
// document in the party document format with the party-building section in sentences and tables, and
// the same document as PDF, DOCX or XLSX (through reports::Document and its renderers).
#include <filesystem>
#include <ostream>
#include <string>

#include "core/Records.h"
#include "reports/Document.h"
#include "reports/ReportTemplate.h"
#include "services/CongressReport.h"

namespace dangbo::reports {

/// Writes the figures as the JSON object of spec/congress-report.md (percentages with one decimal, null
/// where the spec says null).
void writeCongressJson(std::ostream& out, const services::CongressFigures& f);
/// Writes a printable HTML document (UTF-8, lang="vi", A4, Times New Roman) with the header block of a
/// party document built from `committee`, the party-building section in sentences and its tables.
void writeCongressHtml(std::ostream& out, const services::CongressFigures& f,
                       const core::CommitteeInfo& committee, const std::string& templateFolder = {});
/// The congress report as a printable document: header block, title, the party-building section in
/// sentences and tables, and two charts (admissions per year against the target; the share rated good or
/// better per year against 90%).
/// The wording and order come from the congress template: the office's copy in `templateFolder`
/// (FOLDER/congress.txt) when present, else the embedded reports/congress.txt; TemplateError when the
/// office's copy is refused.
Document congressDocument(const services::CongressFigures& f, const core::CommitteeInfo& committee,
                          const std::string& templateFolder = {});
/// The named fields of the congress template (reports/README.md lists them).
TemplateData congressFields(const services::CongressFigures& f, const core::CommitteeInfo& committee = {});
/// Figures with one item in every list: the names a congress template may use (its schema).
services::CongressFigures sampleCongressFigures();
/// Writes congressDocument() to `out` as `format`: "pdf", "docx", "xlsx" or "html". Throws
/// std::invalid_argument for another format, std::runtime_error when the file cannot be written.
void writeCongressDocument(const std::filesystem::path& out, const services::CongressFigures& f,
                           const core::CommitteeInfo& committee, const std::string& format,
                           const std::string& templateFolder = {});

}  // namespace dangbo::reports
