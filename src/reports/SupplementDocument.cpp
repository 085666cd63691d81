#include "reports/SupplementDocument.h"

#include "core/I18n.h"
#include "core/VietText.h"
#include "reports/ReportDocument.h"

namespace dangbo::reports {

using core::format;
using core::tr;

namespace {

// The value of a row of the sheet's identity table ("member@CODE").
std::string identity(const services::ReportSection& sheet, const std::string& key) {
  for (const auto& t : sheet.tables)
    if (t.key.rfind("member@", 0) == 0)
      for (const auto& r : t.rows)
        if (r.key == key && r.cells.size() > 1) return r.cells[1].text;
  return {};
}

bool changed(const services::ReportSection& sheet) {
  for (const auto& t : sheet.tables)
    if (t.key.rfind("changes@", 0) == 0) return !t.rows.empty();
  return false;
}

// The head of a sheet: the committees and the cell on the left, the Party's name on the right.
Table sheetHeader(const core::CommitteeInfo& c, const std::string& cell) {
  Table t;
  t.borderless = true;
  t.align = {Align::Center, Align::Center};
  auto row = [&](std::string left, std::string right, bool bold) {
    t.addTextRow({std::move(left), std::move(right)}, bold);
  };
  row(core::toUpper(c.superior), tr("COMMUNIST PARTY OF VIETNAM"), true);
  row(core::toUpper(c.executive), "", true);
  row(core::toUpper(cell), "", false);
  row("*", "", false);
  return t;
}

}  // namespace

TemplateData supplementFields(const services::ReportModel& m, const core::CommitteeInfo& committee,
                              const services::ReportSection& sheet) {
  TemplateData d = modelFields(m, committee);
  d.text("year", std::to_string(m.to.year()));
  for (const char* key :
       {"code", "name", "birth_name", "birth_date", "hometown", "cell", "file_no", "card_no"})
    d.text(std::string("member.") + key, identity(sheet, key));
  d.flag("changed", changed(sheet));
  return d;
}

Document supplementDocument(const services::ReportModel& m, const core::CommitteeInfo& committee,
                            const std::string& templateFolder) {
  Document doc;
  const std::string name = committee.name.empty() ? m.committee : committee.name;
  doc.title = m.title + " - " + name;
  TemplateBlocks blocks;
  blocks.tables["header"] = sheetHeader(committee, "");
  blocks.closing = closingBlocks(committee);
  const ReportTemplate t =
      loadTemplate("file-supplement", templateFolder,
                   supplementFields(services::ReportModel{}, {}, services::ReportSection{}), blocks);
  if (m.sections.empty()) {
    doc.titleLine(core::toUpper(m.title));
    doc.paragraph(format(tr("No member is on the list of {1}."), {std::to_string(m.to.year())}));
    return doc;
  }
  bool first = true;
  for (const auto& sheet : m.sections) {
    if (!first) doc.pageBreak();
    first = false;
    blocks.tables["header"] = sheetHeader(committee, identity(sheet, "cell"));
    blocks.sections.clear();
    for (const auto& p : sheet.paragraphs) blocks.sections.emplace_back(Paragraph{{Run{p, false}}});
    t.render(supplementFields(m, committee, sheet), blocks, doc);
  }
  return doc;
}

}  // namespace dangbo::reports
