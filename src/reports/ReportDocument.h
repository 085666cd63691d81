#pragma once
// A services::ReportModel written out: as a printable Document in the party document format (the
// renderers then give HTML, PDF, DOCX and XLSX with the same figures), and as JSON and CSV.
#include <ostream>

#include "core/Records.h"
#include "reports/Document.h"
#include "reports/ReportTemplate.h"
#include "services/ReportModel.h"

namespace dangbo::reports {

/// The header block of a party document for a report of the committee (number "Số ...-BC/ĐU", place and
/// date left to be filled in by hand).
DocumentHeader partyHeader(const core::CommitteeInfo& committee);
/// The recipients of the committee's settings, a line each ("- Ban Tổ chức Tỉnh ủy;").
std::vector<std::string> recipientLines(const core::CommitteeInfo& committee);
/// The closing block of every document: the recipients ("Nơi nhận:" and one line each) on the left, the
/// signature on the right ("T/M BAN CHẤP HÀNH", the signer's title, room to sign, the name), from the
/// committee's settings, as a borderless two-column table.
std::vector<Block> closingBlocks(const core::CommitteeInfo& committee);
/// The last line of a reprinted published report: "Bản đã công bố số N, ngày dd/mm/yyyy".
TitleLine publishedLine(core::Id number, const core::Date& on);
/// The model as a printable document: header block, title, the period or the day, then each section's
/// heading, sentences, tables and charts.
/// The wording around the sections comes from the report's template (reports/NAME.txt, else
/// reports/report.txt; the office's copy in `templateFolder` when present): @sections places the sections.
Document modelDocument(const services::ReportModel& model, const core::CommitteeInfo& committee,
                       const std::string& templateFolder = {});
/// The named fields of a model report's template: title, title.upper, committee, committee.upper, place,
/// period (flag), from, to, as_of.
TemplateData modelFields(const services::ReportModel& model, const core::CommitteeInfo& committee);
/// A chart of a model as a chart of a document.
Chart documentChart(const services::ReportChart& chart);
/// JSON: {"report", "title", "committee", "period": {"from", "to"} | null, "as_of", "paragraphs": [...],
/// "tables": [{"key", "caption", "columns": [...], "rows": [{"key", "role": "body"|"total"|"detail",
/// "cells": [text | count | percent with one decimal | null]}]}]}.
void writeModelJson(std::ostream& out, const services::ReportModel& model);

}  // namespace dangbo::reports
