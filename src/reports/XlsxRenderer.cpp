#include "reports/XlsxRenderer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <string>
#include <vector>


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

// "3 Số đảng viên theo độ tuổi": numbered so names stay unique, without the characters Excel refuses,
// at most 31 characters.
std::string sheetName(size_t number, const std::string& caption) {
  std::string clean;
  for (char c : caption)
    if (std::string_view("[]:*?/\\'").find(c) == std::string_view::npos) clean += c;
  std::string name = std::to_string(number) + (clean.empty() ? "" : " " + clean);
  name = prefix(name, 31);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
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
  f.percent = cellFormat(wb, false, "0.0", LXW_ALIGN_RIGHT);
  f.textTotal = cellFormat(wb, true, nullptr, 0);
  f.countTotal = cellFormat(wb, true, "#,##0", LXW_ALIGN_RIGHT);
  f.percentTotal = cellFormat(wb, true, "0.0", LXW_ALIGN_RIGHT);
  return f;
}

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX ") + what + ": " + lxw_strerror(e));
}

// Writes the table from row 0; returns the first row after it. `firstDataRow` receives the first body row.
lxw_row_t writeTable(lxw_worksheet* ws, const Formats& f, const std::string& title, const Table& t,
                     lxw_row_t* firstDataRow) {
  const size_t n = std::max<size_t>(1, t.columns());
  lxw_row_t r = 0;
  check(worksheet_write_string(ws, r++, 0, title.c_str(), f.title), "title");
  if (!t.caption.empty()) check(worksheet_write_string(ws, r++, 0, t.caption.c_str(), f.caption), "caption");
  ++r;
  std::vector<double> widths(n, 8);
  for (const auto& row : t.header) {
    lxw_col_t c = 0;
    for (const auto& cell : row) {
      if (cell.span > 1)
        check(worksheet_merge_range(ws, r, c, r, lxw_col_t(c + cell.span - 1), cell.text.c_str(), f.header), "merge");
      else
        check(worksheet_write_string(ws, r, c, cell.text.c_str(), f.header), "header");
      if (cell.span == 1 && c < n) widths[c] = std::max(widths[c], std::min(30.0, double(codepoints(cell.text)) * 0.6 + 2));
      c = lxw_col_t(c + cell.span);
    }
    ++r;
  }
  if (firstDataRow) *firstDataRow = r;
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const Cell& cell = row.cells[c];
      const auto col = lxw_col_t(c);
      switch (cell.kind) {
        case CellKind::Count:
          check(worksheet_write_number(ws, r, col, double(cell.value), row.total ? f.countTotal : f.count), "number");
          break;
        case CellKind::Percent:
          check(worksheet_write_number(ws, r, col, double(cell.value) / 10.0, row.total ? f.percentTotal : f.percent),
                "number");
          break;
        case CellKind::Text:
          if (cell.text.empty()) check(worksheet_write_blank(ws, r, col, row.total ? f.textTotal : f.text), "blank");
          else check(worksheet_write_string(ws, r, col, cell.text.c_str(), row.total ? f.textTotal : f.text), "text");
          break;
      }
      if (c < n) widths[c] = std::max(widths[c], std::min(c == 0 ? 50.0 : 20.0, double(codepoints(cell.text)) + 2));
    }
    ++r;
  }
  for (size_t c = 0; c < n; ++c) worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
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
  chart_axis_set_name(chart->x_axis, c.categoryLabel.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  check(worksheet_insert_chart(ws, end + 1, 0, chart), "chart");
}

}  // namespace

void renderXlsx(const std::filesystem::path& out, const Document& doc) {
  lxw_workbook* wb = workbook_new(out.c_str());
  if (!wb) throw std::runtime_error("cannot write " + out.string());
  const Formats f = formats(wb);
  size_t number = 0;
  try {
    for (const auto& block : doc.blocks) {
      const Table* t = std::get_if<Table>(&block);
      const Chart* c = std::get_if<Chart>(&block);
      if ((!t || t->borderless) && !c) continue;  // the closing block is no sheet
      const Table table = c ? chartTable(*c) : Table{};
      const Table& data = c ? table : *t;
      const std::string name = sheetName(++number, data.caption);
      lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
      if (!ws) throw std::runtime_error("XLSX: cannot add the sheet " + name);
      worksheet_set_paper(ws, 9);  // A4
      lxw_row_t first = 0;
      const lxw_row_t end = writeTable(ws, f, doc.title, data, &first);
      if (c) addChart(wb, ws, name, *c, first, end);
    }
    if (number == 0) workbook_add_worksheet(wb, nullptr);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "close");
}

}  // namespace dangbo::reports
