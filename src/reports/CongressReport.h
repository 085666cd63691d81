#pragma once
// The congress report (spec/congress-report.md) written out: the figures as JSON, and a printable HTML
// document in the party document format with the party-building section in sentences and tables.
#include <ostream>

#include "core/Records.h"
#include "services/CongressReport.h"

namespace dangbo::reports {

/// Writes the figures as the JSON object of spec/congress-report.md (percentages with one decimal, null
/// where the spec says null).
void writeCongressJson(std::ostream& out, const services::CongressFigures& f);
/// Writes a printable HTML document (UTF-8, lang="vi", A4, Times New Roman) with the header block of a
/// party document built from `committee`, the party-building section in sentences and its tables.
void writeCongressHtml(std::ostream& out, const services::CongressFigures& f, const core::CommitteeInfo& committee);

}  // namespace dangbo::reports
