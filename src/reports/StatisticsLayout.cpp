#include "reports/StatisticsLayout.h"

#include <set>
#include <tuple>
#include <utility>

#include "core/I18n.h"
#include "core/VietText.h"
#include "reports/ReportDocument.h"
#include "reports/ReportTemplate.h"
#include "reports/TableLayout.h"

namespace dangbo::reports {

using core::format;
using core::tr;

namespace {

bool isRoman(const std::string& s) {
  return !s.empty() && s.find_first_not_of("IVX") == std::string::npos;
}

// "A. Tổng số ..." -> ("A", "Tổng số ..."); "- trong đó ..." -> ("", "trong đó ...").
std::pair<std::string, std::string> splitNumber(std::string label) {
  if (label.rfind("- ", 0) == 0) label.erase(0, 2);
  const size_t dot = label.find(". ");
  if (dot != std::string::npos && dot > 0 && dot <= 4) {
    const std::string n = label.substr(0, dot);
    const bool digits = n.find_first_not_of("0123456789") == std::string::npos;
    const bool letter = n.size() == 1 && ((n[0] >= 'A' && n[0] <= 'Z') || (n[0] >= 'a' && n[0] <= 'z'));
    if (digits || letter || isRoman(n)) return {n, label.substr(dot + 2)};
  }
  return {"", label};
}

// The headings the official templates put between groups of rows that the figures do not carry (the
// analysis of templates 2 and 3), before the first row whose key starts with the prefix.
std::vector<std::pair<std::string, std::string>> headingsBefore(const std::string& code,
                                                                const std::string& key) {
  const bool t2 = code == "2-BTCTW", t3 = code == "3-BTCTW";
  if ((t2 || t3) && key == "age.0")
    return {{"II", t3 ? tr("Analysis of the members") : tr("Analysis of the new members")},
            {"2", tr("Age in years")}};
  if (t3 && key == "period.1") return {{"3", tr("Time of admission to the Party")}};
  if (t3 && key.rfind("cm.", 0) == 0) return {{"5", tr("Level of professional qualification")}};
  if (t3 && key.rfind("llct.", 0) == 0) return {{"7", tr("Level of political theory")}};
  if (code == "7-BTCTW" && key.rfind("chuyen.", 0) == 0) return {{"IV", tr("Party transfers")}};
  return {};
}

StatisticsFigure count(int64_t n) {
  return {StatisticsFigure::Count, n, std::nullopt};
}
StatisticsFigure percent(int64_t n, int64_t of) {
  return {StatisticsFigure::Percent, 0, services::Figure::share(n, of).value};
}

// The rows of a template's table: numbers split off, headings added, template 4's women folded into their
// row, the figures of each column.
std::vector<StatisticsLine> linesOf(const std::string& code, const services::ReportTable& t, int columns) {
  struct Raw {
    StatisticsLine line;
    std::string key;
    int64_t current = 0, previous = 0, women = 0, womenBefore = 0;
  };
  std::vector<Raw> raw;
  std::set<std::string> headed;
  const bool byGroup = code == "4-BTCTW";
  for (const auto& r : t.rows) {
    auto figure = [&](size_t i) { return r.cells.size() > i && r.cells[i].value ? *r.cells[i].value : 0; };
    if (byGroup && r.key.size() > 3 && r.key.compare(r.key.size() - 3, 3, ".nu") == 0 && !raw.empty() &&
        raw.back().key + ".nu" == r.key) {
      raw.back().women = figure(1);
      raw.back().womenBefore = figure(2);
      continue;
    }
    for (const auto& [number, text] : headingsBefore(code, r.key)) {
      if (!headed.insert(text).second) continue;
      Raw h;
      h.line.number = number;
      h.line.text = text;
      h.line.heading = true;
      h.line.part = isRoman(number);
      raw.push_back(std::move(h));
    }
    Raw l;
    l.key = r.key;
    auto& line = l.line;
    std::tie(line.number, line.text) = splitNumber(r.cells.empty() ? std::string() : r.cells[0].text);
    line.detail = r.role == services::RowRole::Detail;
    // Template 7's transfers each say "IV.": one heading IV, the transfers under it.
    if (code == "7-BTCTW" && r.key.rfind("chuyen.", 0) == 0) {
      line.number.clear();
      line.detail = true;
    }
    line.part = !line.detail && (line.number.empty() || isRoman(line.number) ||
                                 (line.number.size() == 1 && line.number[0] >= 'A' && line.number[0] <= 'Z'));
    line.ofWhom = line.detail && core::toLower(line.text).rfind(core::toLower(tr("of whom")), 0) == 0;
    l.current = figure(1);
    l.previous = figure(2);
    raw.push_back(std::move(l));
  }
  int64_t all = 0;  // template 4: all members (the share's base)
  std::vector<StatisticsLine> out;
  for (auto& r : raw) {
    if (!r.line.heading) {
      auto& f = r.line.figures;
      if (!byGroup) {
        f = {count(r.current), count(r.previous), percent(r.current, r.previous)};
      } else {
        if (r.key == "total") all = r.current;
        f = {count(r.current),  count(r.women),       percent(r.current, all),
             count(r.previous), count(r.womenBefore), percent(r.current, r.previous)};
      }
    } else {
      r.line.figures.assign(size_t(columns - 2), StatisticsFigure{});
    }
    out.push_back(std::move(r.line));
  }
  return out;
}

// The header: two rows of merged headings, then the row of column numbers.
std::vector<StatisticsHeaderCell> headerOf(bool byGroup, int year) {
  const std::string now = std::to_string(year), before = std::to_string(year - 1);
  std::vector<StatisticsHeaderCell> h;
  h.push_back({tr("Row No."), 0, 0, 2, 1});
  if (!byGroup) {
    h.push_back({tr("Criterion"), 0, 1, 2, 1});
    h.push_back({tr("Number"), 0, 2, 1, 2});
    h.push_back({format(tr("This period (year {1})"), {now}), 1, 2, 1, 1});
    h.push_back({format(tr("Same period last year (year {1})"), {before}), 1, 3, 1, 1});
    h.push_back({tr("This period against the same period last year (%)"), 0, 4, 2, 1});
    h.push_back({"1", 2, 0, 1, 2});
    h.push_back({"2", 2, 2, 1, 1});
    h.push_back({"3", 2, 3, 1, 1});
    h.push_back({"4 = 2 × 100 : 3", 2, 4, 1, 1});
  } else {
    h.push_back({tr("Ethnic group, religion"), 0, 1, 2, 1});
    h.push_back({format(tr("This period (year {1})"), {now}), 0, 2, 1, 3});
    h.push_back({format(tr("Same period last year (year {1})"), {before}), 0, 5, 1, 2});
    h.push_back({tr("Total of this period against the same period last year (%)"), 0, 7, 2, 1});
    h.push_back({tr("Total"), 1, 2, 1, 1});
    h.push_back({tr("Of whom women"), 1, 3, 1, 1});
    h.push_back({tr("Share of all members (%)"), 1, 4, 1, 1});
    h.push_back({tr("Total"), 1, 5, 1, 1});
    h.push_back({tr("Of whom women"), 1, 6, 1, 1});
    h.push_back({"1", 2, 0, 1, 2});
    for (int c = 2; c <= 6; ++c) h.push_back({std::to_string(c), 2, c, 1, 1});
    h.push_back({"7 = 2 × 100 : 5", 2, 7, 1, 1});
  }
  return h;
}

}  // namespace

std::vector<StatisticsSheet> statisticsSheets(const services::ReportModel& model) {
  std::vector<StatisticsSheet> out;
  for (const auto& sec : model.sections) {
    // "Biểu số 1-BTCTW: Thống kê tăng, giảm đảng viên năm 2025": the title after the colon.
    const size_t colon = sec.heading.find(": ");
    const std::string title = colon == std::string::npos ? sec.heading : sec.heading.substr(colon + 2);
    for (const auto& t : sec.tables) {
      StatisticsSheet s;
      const size_t at = t.key.find('@');  // a former commune's copy (report --by-origin): "1-BTCTW@Nà Ớt"
      s.code = t.key.substr(0, at);
      s.origin = at == std::string::npos ? std::string() : t.key.substr(at + 1);
      s.title = s.origin.empty() ? title : title + " - " + s.origin;
      s.wide = s.code == "4-BTCTW";  // total, women, share; last year's total, women; percent
      s.columns = s.wide ? 8 : 5;
      s.numberFrom = s.wide ? 5 : 3;
      s.signFrom = s.wide ? 4 : 2;
      const char* unit =
          s.code == "5-BTCTW" || s.code == "6-BTCTW" ? core::N_("organizations, people") : core::N_("people");
      s.unit = format(tr("Unit: {1}"), {tr(unit)});
      s.header = headerOf(s.wide, model.to.year());
      s.lines = linesOf(s.code, t, s.columns);
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::string statisticsNumber(const StatisticsSheet& sheet) {
  return format(tr("Template No. {1}"), {sheet.code});
}

std::string statisticsPeriod(const services::ReportModel& model) {
  return format(tr("(Report period from {1} to {2}; the same day last year alongside)"),
                {model.from.vn(), model.to.vn()});
}

std::string statisticsPlaceDate(const core::CommitteeInfo& committee) {
  return format(tr("{1}, day .. month .. year ...."), {committee.place});
}

namespace {

Cell text(std::string s, bool bold = false, bool italic = false) {
  Cell c = Cell::textCell(std::move(s));
  c.bold = bold;
  c.italic = italic;
  return c;
}

// The grid of one template as a table: the header's rows with their merged cells, the rows.
Table gridTable(const StatisticsSheet& s) {
  Table t;
  for (int row = 0; row < 3; ++row) {
    std::vector<Cell> cells;
    for (int col = 0; col < s.columns;) {
      const StatisticsHeaderCell* at = nullptr;
      for (const auto& h : s.header)
        if (h.col == col && h.row <= row && row < h.row + h.rows) at = &h;
      if (!at) {  // (every column of every header row is covered)
        cells.push_back(Cell::textCell(""));
        ++col;
        continue;
      }
      // The column numbers on one line ("4 = 2 × 100 : 3" joined by no-break spaces), a heading's last two
      // words together ("(năm 2025)"): the columns of figures wide enough for them.
      std::string label = at->row == row ? keepLastWordsTogether(at->text) : std::string();
      for (size_t sp = label.find(' '); row == 2 && sp != std::string::npos; sp = label.find(' '))
        label.replace(sp, 1, "\u00A0");
      Cell c = Cell::textCell(label, at->cols);
      c.rowSpan = at->row == row ? at->rows : 0;
      c.italic = row == 2;  // the column numbers
      c.bold = row < 2;
      cells.push_back(std::move(c));
      col += at->cols;
    }
    t.header.push_back(std::move(cells));
  }
  t.align.assign(size_t(s.columns), Align::Right);
  t.align[0] = Align::Center;
  t.align[1] = Align::Left;
  for (const auto& l : s.lines) {
    TableRow row;
    row.cells.push_back(text(l.number, l.part));
    Cell label = text(l.text, l.part, l.ofWhom);
    label.indent = l.ofWhom ? 2 : l.detail ? 1 : 0;
    row.cells.push_back(std::move(label));
    for (const auto& f : l.figures) {
      Cell c = f.kind == StatisticsFigure::Count     ? Cell::count(f.count)
               : f.kind == StatisticsFigure::Percent ? Cell::percent(f.tenths)
                                                     : Cell::textCell("");
      c.bold = l.part;
      row.cells.push_back(std::move(c));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// A borderless table of two columns, each cell centred.
Table blockTable(std::vector<std::pair<Cell, Cell>> rows) {
  Table t;
  t.borderless = true;
  t.align = {Align::Center, Align::Center};
  for (auto& [left, right] : rows) t.rows.push_back(TableRow{{std::move(left), std::move(right)}, false});
  return t;
}

// The recipients the report's template lists (`@recipient` lines of reports/statistics.txt, or of the
// office's copy), else those of the settings.
std::vector<std::string> templateRecipients(const services::ReportModel& model,
                                            const core::CommitteeInfo& committee,
                                            const std::string& templateFolder) {
  std::vector<std::string> recipients = recipientLines(committee);
  TemplateBlocks blocks;
  blocks.closingWith = [&recipients](const std::vector<std::string>& listed) {
    recipients = listed;
    return std::vector<Block>{};
  };
  const ReportTemplate t =
      loadTemplate(model.name, templateFolder, modelFields(services::ReportModel{}, {}), blocks);
  Document unused;
  t.render(modelFields(model, committee), blocks, unused);
  return recipients;
}

}  // namespace

Document statisticsDocument(const services::ReportModel& model, const core::CommitteeInfo& committee,
                            const std::string& templateFolder) {
  Document doc;
  doc.title = model.title;
  bool first = true;
  for (const auto& s : statisticsSheets(model)) {
    // One template to a page group: template 4 turned, the others upright.
    if (first)
      doc.landscape = s.wide;
    else
      doc.pageBreak(s.wide);
    first = false;
    // The title block: the issuer left, the template's number right.
    doc.table(blockTable({{text(core::toUpper(committee.superior)), text(statisticsNumber(s), true)},
                          {text(core::toUpper(committee.executive), true), text("")},
                          {text("*"), text("")}}));
    doc.titleLine(core::toUpper(s.title));
    doc.titleLine(statisticsPeriod(model), TitleStyle::Note);
    doc.titleLine(s.unit, TitleStyle::Note);
    doc.table(gridTable(s));
    // The signatures: the maker of the sheet left, the committee right.
    doc.table(blockTable(
        {{text(""), text(statisticsPlaceDate(committee), false, true)},
         {text(tr("PREPARED BY"), true), text(committee.signerOnBehalf, true)},
         {text(tr("(Signature, full name, telephone)"), false, true), text(committee.signerTitle, true)},
         {text(""), text("")},
         {text(""), text("")},
         {text(""), text(committee.signerName, true)}}));
  }
  // The recipients once, under the last template (design.md, "Party document format": every document ends
  // with them; the templates themselves have none).
  if (const auto recipients = templateRecipients(model, committee, templateFolder);
      !recipients.empty() && !first) {
    Table t;
    t.borderless = true;
    t.align = {Align::Left, Align::Left};
    t.rows.push_back(TableRow{{text(tr("Recipients:"), true), text("")}, false});
    for (const auto& line : recipients) t.rows.push_back(TableRow{{text(line), text("")}, false});
    doc.table(std::move(t));
  }
  return doc;
}

}  // namespace dangbo::reports
