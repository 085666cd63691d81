#include "reports/XlsxRenderer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/I18n.h"
#include "core/Platform.h"
#include "core/VietText.h"

namespace dangbo::reports {

namespace {

size_t codepoints(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// The first `n` code points of `s`.
std::string prefix(const std::string& s, size_t n) {
  size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
  }
  return s.substr(0, i);
}

// A sheet name from a table's caption: the characters Excel refuses taken out, cut at a word within
// 31 characters, and unique in the workbook ("Số đảng viên (2)" for a second table of the same name).
std::string sheetName(const std::string& caption, const std::string& fallback, std::set<std::string>& used) {
  std::string clean;
  for (char c : caption.empty() ? fallback : caption)
    if (std::string_view("[]:*?/\\'").find(c) == std::string_view::npos) clean += c;
  auto cut = [](const std::string& text, size_t n) {
    if (codepoints(text) <= n) return text;
    std::string p = prefix(text, n);
    // Back to the last whole word.
    const size_t space = p.rfind(' ');
    if (space != std::string::npos && space > 0 && text[p.size()] != ' ') p.erase(space);
    while (!p.empty() && (p.back() == ' ' || p.back() == ',' || p.back() == '-' || p.back() == '('))
      p.pop_back();
    return p;
  };
  std::string name = cut(clean, 31);
  if (name.empty()) name = "Sheet";
  std::string unique = name;
  for (int k = 2; used.count(core::toUpper(unique)); ++k) {
    const std::string suffix = " (" + std::to_string(k) + ")";
    unique = cut(name, 31 - codepoints(suffix)) + suffix;
  }
  used.insert(core::toUpper(unique));
  return unique;
}

// A text cell that is a day written dd/mm/yyyy, as a date.
std::optional<lxw_datetime> dateOf(const std::string& s) {
  if (s.size() != 10 || s[2] != '/' || s[5] != '/') return std::nullopt;
  for (size_t i : {0, 1, 3, 4, 6, 7, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  lxw_datetime d{};
  d.day = std::stoi(s.substr(0, 2));
  d.month = std::stoi(s.substr(3, 2));
  d.year = std::stoi(s.substr(6, 4));
  if (d.day < 1 || d.day > 31 || d.month < 1 || d.month > 12 || d.year < 1900) return std::nullopt;
  return d;
}

// A text cell that is a year ("2024"), as a number.
std::optional<int> yearOf(const std::string& s) {
  if (s.size() != 4 || (s[0] != '1' && s[0] != '2')) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  const int y = std::stoi(s);
  return y >= 1900 && y <= 2100 ? std::optional<int>(y) : std::nullopt;
}

struct Formats {
  lxw_format* title;
  lxw_format* caption;
  lxw_format* header;
  lxw_format* text;
  lxw_format* count;
  lxw_format* percent;
  lxw_format* textTotal;
  lxw_format* countTotal;
  lxw_format* percentTotal;
  lxw_format* date;
  lxw_format* dateTotal;
  lxw_format* year;
  lxw_format* yearTotal;
};

lxw_format* cellFormat(lxw_workbook* wb, bool bold, const char* numFormat, uint8_t align) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (align) format_set_align(f, align);
  if (bold) format_set_bold(f);
  if (numFormat) format_set_num_format(f, numFormat);
  return f;
}

Formats formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_font_name(f.title, "Times New Roman");
  format_set_font_size(f.title, 14);
  format_set_bold(f.title);
  f.caption = workbook_add_format(wb);
  format_set_font_name(f.caption, "Times New Roman");
  format_set_font_size(f.caption, 13);
  format_set_bold(f.caption);
  f.header = cellFormat(wb, true, nullptr, LXW_ALIGN_CENTER);
  f.text = cellFormat(wb, false, nullptr, 0);
  f.count = cellFormat(wb, false, "#,##0", LXW_ALIGN_RIGHT);
  f.percent = cellFormat(wb, false, "0.0%", LXW_ALIGN_RIGHT);
  f.textTotal = cellFormat(wb, true, nullptr, 0);
  f.countTotal = cellFormat(wb, true, "#,##0", LXW_ALIGN_RIGHT);
  f.percentTotal = cellFormat(wb, true, "0.0%", LXW_ALIGN_RIGHT);
  f.date = cellFormat(wb, false, "dd/mm/yyyy", LXW_ALIGN_CENTER);
  f.dateTotal = cellFormat(wb, true, "dd/mm/yyyy", LXW_ALIGN_CENTER);
  f.year = cellFormat(wb, false, "0", LXW_ALIGN_CENTER);
  f.yearTotal = cellFormat(wb, true, "0", LXW_ALIGN_CENTER);
  return f;
}

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX ") + what + ": " + lxw_strerror(e));
}

// Writes one body cell: counts and percentages as numbers, days as dates, years as numbers, the rest as text.
void writeCell(lxw_worksheet* ws, const Formats& f, lxw_row_t r, lxw_col_t col, const Cell& cell,
               bool total) {
  switch (cell.kind) {
    case CellKind::Count:
      check(worksheet_write_number(ws, r, col, double(cell.value), total ? f.countTotal : f.count), "number");
      return;
    case CellKind::Percent:
      // Tenths of a percent as a fraction: 107 -> 0.107, shown "10,7%".
      check(
          worksheet_write_number(ws, r, col, double(cell.value) / 1000.0, total ? f.percentTotal : f.percent),
          "number");
      return;
    case CellKind::Text:
      break;
  }
  if (cell.text.empty()) {
    check(worksheet_write_blank(ws, r, col, total ? f.textTotal : f.text), "blank");
  } else if (auto d = dateOf(cell.text)) {
    check(worksheet_write_datetime(ws, r, col, &*d, total ? f.dateTotal : f.date), "date");
  } else if (auto y = yearOf(cell.text)) {
    check(worksheet_write_number(ws, r, col, double(*y), total ? f.yearTotal : f.year), "year");
  } else {
    check(worksheet_write_string(ws, r, col, cell.text.c_str(), total ? f.textTotal : f.text), "text");
  }
}

// The width of a column (in characters) for a text: its longest line, within limits.
double widthFor(const std::string& text, double most) {
  return std::min(most, double(codepoints(text)) + 2);
}

// Writes the table from row 0, with the print setup of a sheet: landscape when wide, fit to the page's
// width, header rows repeated and frozen. Returns the first row after it; `firstDataRow` receives the first
// body row.
lxw_row_t writeTable(lxw_worksheet* ws, const Formats& f, const std::string& title, const Table& t,
                     lxw_row_t* firstDataRow, core::ProgressStage& rows) {
  const size_t n = std::max<size_t>(1, t.columns());
  lxw_row_t r = 0;
  check(worksheet_write_string(ws, r++, 0, title.c_str(), f.title), "title");
  if (!t.caption.empty()) check(worksheet_write_string(ws, r++, 0, t.caption.c_str(), f.caption), "caption");
  ++r;
  std::vector<double> widths(n, 8);
  // The rows are read twice when they come from the register (Table::rowSource): to size the columns, then
  // to write them.
  t.forEachRow([&](const TableRow& row) {
    for (size_t c = 0; c < row.cells.size() && c < n; ++c)
      widths[c] = std::max(widths[c], widthFor(row.cells[c].text, c == 0 ? 50.0 : 24.0));
  });
  // Header texts wrap at words: a column is at least as wide as its longest header word.
  for (const auto& row : t.header) {
    size_t c = 0;
    for (const auto& cell : row) {
      if (cell.span == 1 && c < n) {
        size_t start = 0;
        while (start <= cell.text.size()) {
          size_t end = cell.text.find(' ', start);
          if (end == std::string::npos) end = cell.text.size();
          widths[c] = std::max(widths[c], widthFor(cell.text.substr(start, end - start), 30.0) + 1);
          start = end + 1;
        }
      }
      c += size_t(cell.span);
    }
  }
  const lxw_row_t headFirst = r;
  for (const auto& row : t.header) {
    lxw_col_t c = 0;
    double lines = 1;
    for (const auto& cell : row) {
      if (cell.span > 1)
        check(worksheet_merge_range(ws, r, c, r, lxw_col_t(c + cell.span - 1), cell.text.c_str(), f.header),
              "merge");
      else
        check(worksheet_write_string(ws, r, c, cell.text.c_str(), f.header), "header");
      double w = 0;
      for (size_t k = 0; k < size_t(cell.span) && c + k < n; ++k) w += widths[c + k];
      lines = std::max(lines, std::ceil(double(codepoints(cell.text)) * 1.15 / std::max(1.0, w - 1)));
      c = lxw_col_t(c + cell.span);
    }
    // Tall enough for the wrapped header (Times New Roman 12: about 16 points a line).
    worksheet_set_row(ws, r, 16 * lines + 2, nullptr);
    ++r;
  }
  if (firstDataRow) *firstDataRow = r;
  t.forEachRow([&](const TableRow& row) {
    rows.step();
    // A row whose text wraps is made tall enough for it (Times New Roman 12: about 16 points a line).
    double lines = 1;
    for (size_t c = 0; c < row.cells.size() && c < n; ++c)
      if (row.cells[c].kind == CellKind::Text)
        lines = std::max(lines,
                         std::ceil(double(codepoints(row.cells[c].text)) * 1.05 / std::max(1.0, widths[c])));
    if (lines > 1) worksheet_set_row(ws, r, 16 * lines + 1, nullptr);
    for (size_t c = 0; c < row.cells.size(); ++c) writeCell(ws, f, r, lxw_col_t(c), row.cells[c], row.total);
    ++r;
  });
  double total = 0;
  for (size_t c = 0; c < n; ++c) {
    worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
    total += widths[c];
  }
  // Print setup: A4, landscape when the columns are wider than a portrait page (about 85 characters),
  // every column on one page's width, the header rows on every page and frozen on screen.
  worksheet_set_paper(ws, 9);
  if (total > 85) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.6, 0.4, 0.8, 0.8);
  if (r > headFirst && !t.header.empty()) {
    check(worksheet_repeat_rows(ws, headFirst, lxw_row_t(headFirst + t.header.size() - 1)), "repeat");
    worksheet_freeze_panes(ws, lxw_row_t(headFirst + t.header.size()), 0);
  }
  const std::string footer = "&C" + core::format(core::tr("Page {1} of {2}"), {"&P", "&N"});
  worksheet_set_footer(ws, footer.c_str());
  return r;
}

void addChart(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet, const Chart& c, lxw_row_t first,
              lxw_row_t end) {
  if (first >= end) return;
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
  const lxw_row_t last = end - 1;
  const lxw_col_t columns = lxw_col_t(c.series.size() + (c.targetLabel.empty() ? 0 : 1));
  for (lxw_col_t s = 1; s <= columns; ++s) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, sheet.c_str(), first, 0, last, 0);
    chart_series_set_values(series, sheet.c_str(), first, s, last, s);
    chart_series_set_name_range(series, sheet.c_str(), first - 1, s);
  }
  chart_title_set_name(chart, c.title.c_str());
  chart_axis_set_name(chart->y_axis, c.axisLabel.c_str());
  chart_axis_set_min(chart->y_axis, 0);
  // Percentages are stored as fractions: the axis shows them as "80%".
  if (c.percent) chart_axis_set_num_format(chart->y_axis, "0%");
  chart_axis_set_name(chart->x_axis, c.categoryLabel.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  // Under the table, as wide as a portrait page's printable width (about 17 cm at 96 dpi).
  lxw_chart_options opt{};
  opt.x_scale = 640.0 / 480.0;
  opt.y_scale = 1.2;
  check(worksheet_insert_chart_opt(ws, end + 1, 0, chart, &opt), "chart");
}

}  // namespace

void renderXlsx(const std::filesystem::path& out, const Document& doc, core::Progress* progress) {
  uint64_t total = 0;
  bool streamed = false;
  for (const auto& block : doc.blocks)
    if (const Table* t = std::get_if<Table>(&block)) {
      total += t->rowCount();
      streamed = streamed || bool(t->rowSource);
    }
  core::ProgressStage rows(progress, core::tr("Writing the rows"), total);
  // Rows read as they are written are not held by the workbook either: each row goes to a temporary file as
  // soon as the next begins (libxlsxwriter's constant memory mode; the texts are written in their cells
  // rather than in the shared table, the cells are the same).
  lxw_workbook_options options{};
  options.constant_memory = streamed ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(out.c_str(), &options);
  if (!wb) throw std::runtime_error("cannot write " + out.string());
  const Formats f = formats(wb);
  size_t number = 0;
  std::set<std::string> used;
  try {
    for (const auto& block : doc.blocks) {
      const Table* t = std::get_if<Table>(&block);
      const Chart* c = std::get_if<Chart>(&block);
      if ((!t || t->borderless) && !c) continue;  // the closing block is no sheet
      const Table table = c ? chartTable(*c) : Table{};
      const Table& data = c ? table : *t;
      ++number;
      const std::string name = sheetName(data.caption, doc.title, used);
      lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
      if (!ws) throw std::runtime_error("XLSX: cannot add the sheet " + name);
      lxw_row_t first = 0;
      const lxw_row_t end = writeTable(ws, f, doc.title, data, &first, rows);
      if (c) addChart(wb, ws, name, *c, first, end);
    }
    if (number == 0) {
      // A document of sentences only (the admission decision): its lines one a row, printed like a table,
      // rather than an empty sheet.
      Table text;
      text.caption = doc.title;
      text.header = {{Cell::textCell(doc.title)}};
      for (const auto& block : doc.blocks) {
        if (const auto* l = std::get_if<TitleLine>(&block)) text.rows.push_back({{Cell::textCell(l->text)}});
        if (const auto* h = std::get_if<Heading>(&block)) text.rows.push_back({{Cell::textCell(h->text)}});
        if (const auto* p = std::get_if<Paragraph>(&block))
          text.rows.push_back({{Cell::textCell(p->text())}});
      }
      const std::string name = sheetName(doc.title, doc.title, used);
      lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
      if (!ws) throw std::runtime_error("XLSX: cannot add the sheet " + name);
      lxw_row_t first = 0;
      writeTable(ws, f, doc.title, text, &first, rows);
    }
    rows.finish();
  } catch (...) {
    core::platform::withoutStderr([&] { return int(workbook_close(wb)); });
    throw;
  }
  // libxlsxwriter prints its own English line when the file cannot be written; the caller says it in
  // Vietnamese (core::platform::writeAtomically: a full disk, a read-only folder).
  check(lxw_error(core::platform::withoutStderr([&] { return int(workbook_close(wb)); })), "close");
}

}  // namespace dangbo::reports
