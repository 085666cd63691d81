#include "reports/RegisterStream.h"

#include <memory>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "exchange/RegisterExport.h"
#include "reports/HtmlRenderer.h"
#include "reports/ReportCatalog.h"
#include "reports/ReportTemplate.h"
#include "reports/TableCsv.h"
#include "services/Services.h"

namespace dangbo::reports {

using core::format;
using core::tr;

services::ReportModel registerModel(services::Services& s, const core::Date& asOf, int64_t count) {
  services::ReportModel m;
  m.name = "register";
  m.title = reportTitle("register");
  m.committee = s.committee().name;
  m.from = m.to = m.asOf = asOf;
  services::ReportSection sec;
  sec.paragraphs.push_back(format(tr("The member register on {1} (form 7-HSĐV): {2} members."),
                                  {asOf.vn(), core::formatCountVn(count)}));
  services::ReportTable t;
  t.key = "register";
  t.caption = tr("Member register");
  t.columns = exchange::registerHeadings();
  t.sums = false;
  sec.tables.push_back(std::move(t));
  m.sections.push_back(std::move(sec));
  return m;
}

std::vector<std::string> registerRowTexts(const services::RegisterEntry& e, int n, const core::Date& asOf) {
  return exchange::registerCells(e, n, asOf, "; ");
}

namespace {
// Row `n` (from 1) of the register's model for entry `e`.
services::ReportRow registerModelRow(const services::RegisterEntry& e, int n, const core::Date& asOf) {
  services::ReportRow r;
  r.key = e.member.code;
  const auto cells = registerRowTexts(e, n, asOf);
  for (size_t c = 0; c < cells.size(); ++c)
    r.cells.push_back(c == 0 ? services::Figure::count(n) : services::Figure::label(cells[c]));
  return r;
}
}  // namespace

services::ReportModel registerReport(services::Services& s, const services::Actor& actor,
                                     const core::Date& asOf, core::Progress* progress) {
  const int64_t count = services::registerCount(s, actor, asOf);
  core::ProgressStage rows(progress, tr("Reading the members"), uint64_t(count));
  services::ReportModel m = registerFirstRows(s, actor, asOf, count, 0, &rows);
  rows.finish();
  return m;
}

services::ReportModel registerFirstRows(services::Services& s, const services::Actor& actor,
                                        const core::Date& asOf, int64_t count, size_t firstRows,
                                        core::ProgressStage* rows) {
  services::ReportModel m = registerModel(s, asOf, count);
  services::ReportTable& t = m.sections.front().tables.front();
  int n = 0;
  services::forEachRegisterEntry(
      s, actor, asOf,
      [&](services::RegisterEntry&& e) {
        if (rows) rows->step();
        t.rows.push_back(registerModelRow(e, ++n, asOf));
      },
      firstRows);
  return m;
}

namespace {
// Row `n` (from 1) of the register for entry `e`, its cells made afresh in `row`.
void registerRow(TableRow& row, const services::RegisterEntry& e, int n, const core::Date& asOf) {
  auto texts = registerRowTexts(e, n, asOf);
  row.cells.clear();
  for (size_t c = 0; c < texts.size(); ++c)
    row.cells.push_back(c == 0 ? Cell::count(n) : Cell::textCell(std::move(texts[c])));
}
}  // namespace

Document registerDocument(services::Services& s, const services::Actor& actor, const core::Date& asOf,
                          core::Progress* progress) {
  const int64_t count = services::registerCount(s, actor, asOf);
  FrozenReport r;
  r.name = "register";
  r.from = r.to = r.asOf = asOf;
  r.committee = s.committee();
  r.templateFolder = officeTemplateFolder(s.path().string());
  r.model = registerModel(s, asOf, count);
  Document doc = reportDocument(r);
  for (auto& block : doc.blocks) {
    auto* t = std::get_if<Table>(&block);
    if (!t || !t->dense) continue;
    // The alignment modelDocument gives the rows' columns: the number, then text (every column but the
    // first holds a label).
    if (count > 0) t->align.assign(t->columns(), Align::Left);
    t->sourceRows = size_t(count);
    t->rowSource = [&s, actor, asOf, count, progress](const std::function<void(const TableRow&)>& visit) {
      core::ProgressStage rows(progress, tr("Reading the members"), uint64_t(count));
      int n = 0;
      TableRow row;
      services::forEachRegisterEntry(s, actor, asOf, [&](services::RegisterEntry&& e) {
        rows.step();
        registerRow(row, e, ++n, asOf);
        visit(row);
      });
      rows.finish();
      // The sentence above the table gave the count before the rows were read: they must agree.
      if (n != count)
        throw core::DataError(format(tr("The register changed while it was written: {1} members, not {2}."),
                                     {std::to_string(n), std::to_string(count)}));
    };
    // Rows spread over the register, to size the columns before the rows are read once.
    t->rowSample = [&s, actor, asOf](size_t every, const std::function<void(const TableRow&)>& visit) {
      TableRow row;
      services::forEachRegisterSample(s, actor, asOf, every, [&](services::RegisterEntry&& e, size_t n) {
        registerRow(row, e, int(n), asOf);
        visit(row);
      });
    };
  }
  return doc;
}

bool registerStreams(const std::string& format) {
  return format == "html" || format == "csv";
}

namespace {
void writeRegisterText(std::ostream& out, const Document& doc, const std::string& fmt) {
  if (fmt == "csv") {
    out << kUtf8Bom;
    writeTablesCsv(out, doc);
  } else if (fmt == "html") {
    renderHtml(out, doc);
  } else {
    throw core::DataError(format(tr("The {1} format needs --out FILE."), {fmt}));
  }
}
}  // namespace

void writeRegisterReport(std::ostream& out, services::Services& s, const services::Actor& actor,
                         const core::Date& asOf, const std::string& fmt) {
  writeRegisterText(out, registerDocument(s, actor, asOf), fmt);
}

void writeRegisterReportFile(const std::filesystem::path& out, services::Services& s,
                             const services::Actor& actor, const core::Date& asOf, const std::string& fmt,
                             core::Progress* progress) {
  writeDocumentFile(
      out,
      [&] {
        return registerDocument(s, actor, asOf, progress);
      },  // every file reads the rows as it writes them
      [&](std::ostream& o) { writeRegisterText(o, registerDocument(s, actor, asOf, progress), fmt); }, fmt,
      progress);
}

}  // namespace dangbo::reports
