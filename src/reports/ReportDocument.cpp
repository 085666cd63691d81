#include "reports/ReportDocument.h"

#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "reports/Json.h"

namespace dangbo::reports {

using core::format;
using core::tr;
using services::FigureKind;
using services::RowRole;

namespace {

Cell documentCell(const services::Figure& f) {
  switch (f.kind) {
    case FigureKind::Count:
      return f.value ? Cell::count(*f.value) : Cell::textCell("-");
    case FigureKind::Percent:
      return Cell::percent(f.value);
    case FigureKind::Text:
      break;
  }
  return Cell::textCell(f.text);
}

Table documentTable(const services::ReportTable& t) {
  Table out;
  out.caption = t.caption;
  std::vector<Cell> head;
  for (const auto& c : t.columns) head.push_back(Cell::textCell(c));
  out.header.push_back(std::move(head));
  for (const auto& r : t.rows) {
    TableRow row;
    row.total = r.role == RowRole::Total;
    for (const auto& f : r.cells) row.cells.push_back(documentCell(f));
    out.rows.push_back(std::move(row));
  }
  // The labels left; text columns left, figures right, judged on the first row that is not a total (a
  // table may open with its total: the committee's).
  for (size_t c = 0; c < t.columns.size(); ++c) {
    Align a = c == 0 ? Align::Left : Align::Right;
    for (const auto& r : t.rows)
      if (c > 0 && c < r.cells.size() && r.role != RowRole::Total) {
        a = r.cells[c].kind == FigureKind::Text ? Align::Left : Align::Right;
        break;
      }
    out.align.push_back(a);
  }
  return out;
}

const char* roleName(RowRole r) {
  switch (r) {
    case RowRole::Total:
      return "total";
    case RowRole::Detail:
      return "detail";
    case RowRole::Body:
      break;
  }
  return "body";
}

}  // namespace

DocumentHeader partyHeader(const core::CommitteeInfo& committee) {
  DocumentHeader h;
  h.superior = core::toUpper(committee.superior);
  h.executive = core::toUpper(committee.executive);
  h.number = tr("No. ...-BC/DU");
  h.party = tr("COMMUNIST PARTY OF VIETNAM");
  h.placeDate = format(tr("{1}, day .. month .. year ...."), {committee.place});
  return h;
}

Chart documentChart(const services::ReportChart& c) {
  Chart out;
  out.title = c.title;
  out.categoryLabel = c.categoryLabel;
  out.axisLabel = c.axisLabel;
  out.categories = c.categories;
  for (const auto& s : c.series) out.series.push_back({s.name, s.values});
  out.targetLabel = c.targetLabel;
  out.target = c.target;
  out.percent = c.percent;
  return out;
}

Document modelDocument(const services::ReportModel& m, const core::CommitteeInfo& committee) {
  Document doc;
  const std::string name = committee.name.empty() ? m.committee : committee.name;
  doc.title = m.title + " - " + name;
  doc.header = partyHeader(committee);
  if (m.name == "register") {
    // A register, not a report: no number, its own title, landscape for its 14 columns.
    doc.landscape = true;
    doc.header->number.clear();
    doc.titleLine(core::toUpper(m.title), TitleStyle::Title);
    doc.titleLine(format(tr("(form 7-HSĐV; as of {1})"), {m.asOf.vn()}), TitleStyle::Note);
  } else {
    doc.titleLine(core::toUpper(tr("Report")), TitleStyle::Title);
    doc.titleLine(core::toUpper(m.title), TitleStyle::Subtitle);
    if (m.hasPeriod)
      doc.titleLine(
          format(tr("(from {1} to {2}; standing figures as of {3})"), {m.from.vn(), m.to.vn(), m.asOf.vn()}),
          TitleStyle::Note);
    else
      doc.titleLine(format(tr("(as of {1})"), {m.asOf.vn()}), TitleStyle::Note);
  }
  for (const auto& s : m.sections) {
    if (!s.heading.empty()) doc.heading(s.heading, 1);
    for (const auto& p : s.paragraphs) doc.paragraph(p);
    for (const auto& t : s.tables) {
      Table table = documentTable(t);
      table.dense = m.name == "register";
      doc.table(std::move(table));
    }
    for (const auto& c : s.charts)
      if (!c.categories.empty()) doc.chart(documentChart(c));
  }
  return doc;
}

void writeModelJson(std::ostream& out, const services::ReportModel& m) {
  JsonWriter j(out);
  j.beginObject();
  j.key("report").value(m.name);
  j.key("title").value(m.title);
  j.key("committee").value(m.committee);
  j.key("period");
  if (m.hasPeriod)
    j.beginObject().key("from").value(m.from.iso()).key("to").value(m.to.iso()).endObject();
  else
    j.null();
  j.key("as_of").value(m.asOf.iso());
  j.key("paragraphs").beginArray();
  for (const auto& s : m.sections)
    for (const auto& p : s.paragraphs) j.value(p);
  j.endArray();
  j.key("tables").beginArray();
  for (const auto* t : m.tables()) {
    j.beginObject();
    j.key("key").value(t->key).key("caption").value(t->caption);
    j.key("columns").beginArray();
    for (const auto& c : t->columns) j.value(c);
    j.endArray();
    j.key("rows").beginArray();
    for (const auto& r : t->rows) {
      j.beginObject().key("key").value(r.key).key("role").value(roleName(r.role));
      j.key("cells").beginArray();
      for (const auto& f : r.cells) {
        if (f.kind == FigureKind::Text)
          j.value(f.text);
        else if (!f.value)
          j.null();
        else if (f.kind == FigureKind::Count)
          j.value(*f.value);
        else
          j.raw(core::formatTenthsJson(*f.value));
      }
      j.endArray().endObject();
    }
    j.endArray().endObject();
  }
  j.endArray();
  j.endObject();
  out << "\n";
}

}  // namespace dangbo::reports
