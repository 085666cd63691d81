#include "reports/ReportDocument.h"

#include <algorithm>
#include <map>

#include "core/Csv.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "reports/Json.h"
#include "reports/ReportTemplate.h"

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

std::vector<std::string> recipientLines(const core::CommitteeInfo& c) {
  std::vector<std::string> recipients;
  for (size_t start = 0; start < c.recipients.size();) {
    size_t end = c.recipients.find('\n', start);
    if (end == std::string::npos) end = c.recipients.size();
    if (end > start) recipients.push_back(c.recipients.substr(start, end - start));
    start = end + 1;
  }
  return recipients;
}

std::vector<Block> closingBlocks(const core::CommitteeInfo& c) {
  const std::vector<std::string> recipients = recipientLines(c);
  Table t;
  t.borderless = true;
  t.align = {Align::Left, Align::Center};
  auto row = [&](std::string left, std::string right, bool bold) {
    t.addTextRow({std::move(left), std::move(right)}, bold);
  };
  row(recipients.empty() ? std::string() : std::string(tr("Recipients:")), core::toUpper(c.signerOnBehalf),
      true);
  row("", core::toUpper(c.signerTitle), true);
  // The recipients beside the room left to sign (at least three lines).
  for (size_t i = 0; i < std::max<size_t>(3, recipients.size()); ++i)
    row(i < recipients.size() ? recipients[i] : std::string(), "", false);
  row("", c.signerName, true);
  return {Block(std::move(t))};
}

// The closing of a handover record: the handing committee's signature on the left, the receiving one's on the
// right, each with room to sign.
std::vector<Block> handoverClosing(const core::CommitteeInfo& c, const std::string& handingOver) {
  Table t;
  t.borderless = true;
  t.align = {Align::Center, Align::Center};
  auto row = [&](std::string left, std::string right, bool bold) {
    t.addTextRow({std::move(left), std::move(right)}, bold);
  };
  row(tr("FOR THE HANDING SIDE"), tr("FOR THE RECEIVING SIDE"), true);
  row(core::toUpper(format(tr("Party committee of the former commune {1}"), {handingOver})),
      core::toUpper(c.signerOnBehalf), true);
  row("", core::toUpper(c.signerTitle), true);
  for (int i = 0; i < 3; ++i) row("", "", false);
  row("", c.signerName, true);
  return {Block(std::move(t))};
}

TitleLine publishedLine(core::Id number, const core::Date& on) {
  return {format(tr("Published copy no. {1}, dated {2}"), {std::to_string(number), on.vn()}),
          TitleStyle::Note};
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

TemplateData modelFields(const services::ReportModel& m, const core::CommitteeInfo& committee) {
  TemplateData d;
  const std::string name = committee.name.empty() ? m.committee : committee.name;
  d.text("title", m.title).text("title.upper", core::toUpper(m.title));
  d.text("committee", name).text("committee.upper", core::toUpper(name));
  d.text("place", committee.place);
  d.flag("period", m.hasPeriod);
  d.text("from", m.hasPeriod ? m.from.vn() : std::string());
  d.text("to", m.hasPeriod ? m.to.vn() : std::string());
  d.text("as_of", m.asOf.vn());
  return d;
}

Document modelDocument(const services::ReportModel& m, const core::CommitteeInfo& committee,
                       const std::string& templateFolder) {
  Document doc;
  const std::string name = committee.name.empty() ? m.committee : committee.name;
  doc.title = m.title + " - " + name;
  doc.header = partyHeader(committee);
  const bool isRegister = m.name == "register";
  if (isRegister) {
    // A register, not a report: no number, landscape for its 14 columns (its title is in its template).
    doc.landscape = true;
    doc.compactHeader = true;
    doc.header->number.clear();
  }
  // The dues books (S01/ĐP, S02/ĐP) are books too, and the member card (2-HSĐV) a form the member fills: no
  // document number.
  if (m.name == "dues" || m.name == "transfer-book" || m.name == "party-card") doc.header->number.clear();
  // Resolutions and decisions carry their own kind of number, the one recorded when there is one.
  static const std::map<std::string, const char*> formNumbers = {
      {"admission-decision", core::N_("No. ...-QD/DU")},
      {"recognition-decision", core::N_("No. ...-QD/DU")},
      {"admission-resolution", core::N_("No. ...-NQ/DU")},
      {"recognition-resolution", core::N_("No. ...-NQ/DU")},
      {"admission-cell-resolution", core::N_("No. ...-NQ/CB")},
      {"recognition-cell-resolution", core::N_("No. ...-NQ/CB")},
      {"transfer-letter", core::N_("No. ...-GT/DU")}};
  if (auto it = formNumbers.find(m.name); it != formNumbers.end())
    doc.header->number = m.number.empty() ? std::string(tr(it->second)) : format(tr("No. {1}"), {m.number});
  // The sections as the program words them: the template places them (@sections) among its own lines.
  Document body;
  for (const auto& s : m.sections) {
    if (!s.heading.empty()) body.heading(s.heading, 1);
    for (const auto& p : s.paragraphs) body.paragraph(p);
    for (const auto& t : s.tables) {
      Table table = documentTable(t);
      table.dense = isRegister;
      // The member card (2-HSĐV) has the member's photo beside its head.
      if (m.name == "party-card" && t.key == "header") table.photo = tr("Photo 3×4");
      body.table(std::move(table));
    }
    for (const auto& c : s.charts)
      if (!c.categories.empty()) body.chart(documentChart(c));
  }
  TemplateBlocks blocks;
  blocks.sections = std::move(body.blocks);
  blocks.closing =
      m.handingOver.empty() ? closingBlocks(committee) : handoverClosing(committee, m.handingOver);
  if (m.handingOver.empty())
    blocks.closingWith = [&committee](const std::vector<std::string>& recipients) {
      core::CommitteeInfo c = committee;
      c.recipients.clear();
      for (const auto& r : recipients) c.recipients += (c.recipients.empty() ? "" : "\n") + r;
      return closingBlocks(c);
    };
  const std::string report = defaultTemplate(m.name).empty() ? std::string("report") : m.name;
  const ReportTemplate t =
      loadTemplate(report, templateFolder, modelFields(services::ReportModel{}, {}), blocks);
  t.render(modelFields(m, committee), blocks, doc);
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
