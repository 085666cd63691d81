// The PDF writer's dense tables (the register): each row broken into lines once with the table's cached word
// widths (PdfDenseRows), its height known without Pango; the rows the pass counting the pages set are kept in
// a spool for the pass drawing them, so that the rows are read once; the rows are drawn as glyphs of words
// shaped once (PdfGlyphs), their borders a path a page.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/VietText.h"
#include "reports/PdfTableFlow.h"
#include "reports/PdfWriter.h"

namespace dangbo::reports::pdf {

double PdfWriter::denseRowHeight(int lines, bool bold, bool italic) {
  const int key = lines * 4 + (bold ? 1 : 0) + (italic ? 2 : 0);
  if (auto it = denseHeights_.find(key); it != denseHeights_.end()) return it->second;
  std::string text = "0";
  for (int k = 1; k < lines; ++k) text += "\n0";
  Layout l = layoutIn(denseCtx_, text, cellStyle(bold, Align::Left, italic), -1);
  return denseHeights_[key] = heightOf(l.get()) + 2 * padY_;
}

void PdfWriter::drawDenseRow(const DenseRow& r, const std::vector<double>& widths, const Table& t,
                             double height) {
  if (counting_) {
    y_ += height;
    return;
  }
  double x = left_;
  for (size_t c = 0; c < widths.size() && c < r.cells.size(); x += widths[c++]) {
    const DenseCell& cell = r.cells[c];
    if (cell.text.empty()) continue;
    // The cell's lines as they were broken, never broken again; a right or centred line placed by its width.
    auto& setter = denseGlyphs_[(cell.bold ? 1 : 0) | (cell.italic ? 2 : 0)];
    if (!setter)
      setter = std::make_unique<GlyphSetter>(
          layoutIn(denseCtx_, "", cellStyle(cell.bold, Align::Left, cell.italic), -1).release());
    const Align a = t.alignOf(c);
    const double dx = cell.indent * kIndentStep, room = widths[c] - 2 * padX_ - dx;
    const int lines = 1 + int(std::count(cell.text.begin(), cell.text.end(), '\n'));
    const double textHeight = denseRowHeight(lines, cell.bold, cell.italic) - 2 * padY_;
    double baseline = y_ + (height - textHeight) / 2 + setter->ascent();
    const std::string_view text = cell.text;
    for (size_t start = 0; start <= text.size(); baseline += setter->pitch()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      const double spare = a == Align::Left ? 0 : room - setter->width(line);
      setter->add(line, x + padX_ + dx + std::max(0.0, a == Align::Right ? spare : spare / 2), baseline);
      start = end + 1;
    }
  }
  // A row's glyphs of each style in one go.
  for (auto& setter : denseGlyphs_)
    if (setter) setter->flush(cr_);
  y_ += height;
}

void PdfWriter::denseGrid(const std::vector<double>& widths, double top, const std::vector<double>& rules) {
  if (counting_ || rules.empty()) return;
  // One path for the page: a rule under each row, the columns' edges from the header down to the last row.
  double right = left_;
  for (double w : widths) right += w;
  for (double y : rules) {
    cairo_move_to(cr_, left_, y);
    cairo_line_to(cr_, right, y);
  }
  double x = left_;
  for (size_t c = 0; c <= widths.size(); ++c) {
    cairo_move_to(cr_, x, top);
    cairo_line_to(cr_, x, rules.back());
    if (c < widths.size()) x += widths[c];
  }
  cairo_set_line_width(cr_, 0.6);
  cairo_set_line_cap(cr_, CAIRO_LINE_CAP_SQUARE);  // (the table's corners closed)
  cairo_stroke(cr_);
  cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
}

void PdfWriter::denseTable(const Table& t) {
  y_ += 4;
  ensure(tableLead(t));
  std::vector<double> widths = columnWidths(t);      // (sets the font size and the padding)
  for (auto& setter : denseGlyphs_) setter.reset();  // (set at this table's size)
  std::vector<RowLayout> head = headRows(t, widths);
  auto heightOfHead = [&] {
    double h = 0;
    for (const auto& r : head) h += r.height;
    return h;
  };
  double headH = heightOfHead();
  if (!t.caption.empty() && core::toUpper(t.caption) != repeatedCaption_) {
    Layout c = captionLayout(t.caption);
    draw(c.get(), left_, y_);
    y_ += heightOf(c.get()) + 3;
  }
  // A row is as high as its cell of the most lines; each page's header rows are drawn with its first row.
  auto heightOfRow = [&](const DenseRow& r) {
    double h = denseRowHeight(1, r.total, false);
    for (const auto& cell : r.cells) {
      const int lines = 1 + int(std::count(cell.text.begin(), cell.text.end(), '\n'));
      if (lines > 1 || cell.bold != r.total || cell.italic)
        h = std::max(h, denseRowHeight(lines, cell.bold, cell.italic));
    }
    return h;
  };
  bool headPending = true;
  size_t placed = 0;
  // The borders of the rows on this page, drawn at its end (denseGrid): where the rows start, their bottoms.
  double rowsTop = 0;
  std::vector<double> rules;
  auto endPage = [&] {
    if (!t.borderless) denseGrid(widths, rowsTop, rules);
    rules.clear();
  };
  auto breakPage = [&] {
    endPage();
    newPage();
    headPending = true;
  };
  auto setWidths = [&](const std::vector<double>& w) {
    // A row holds a word wider than its column (none of the sampled rows did): a new page in the wider
    // columns from that row on.
    if (!headPending) breakPage();
    widths = w;
    head = headRows(t, widths);
    headH = heightOfHead();
  };
  auto place = [&](const DenseRow& r, double totals, bool hasTotals, bool last) {
    if (rows_) rows_->step();
    const double h = heightOfRow(r);
    const double need =
        rowNeed(r.total, h, totals, hasTotals, last, keepWithClosing_, bottom_ - top_ - headH);
    if (y_ + (headPending ? headH : 0) + need > bottom_ && (!headPending || y_ > top_ + 0.5)) breakPage();
    if (headPending) drawHead(head), headPending = false, rowsTop = y_;
    drawDenseRow(r, widths, t, h);
    rules.push_back(y_);
    ++placed;
  };
  if (!counting_ && spools_->count(&t)) {
    // Drawn as the count of the pages set them, without reading the rows again.
    spools_->at(&t)->replay(setWidths, place);
  } else {
    DenseSpool* spool =
        counting_ ? ((*spools_)[&t] = std::make_unique<DenseSpool>(options_.spoolFolder)).get() : nullptr;
    DenseColumns columns(sourcePlans_->at(&t).plan, 2 * padX_ + 1, denseMeasure_);
    // The text's width in a column: as Pango wrapped it (the padding on both sides), a fifth of a point
    // spared for the rounding of the glyphs' places.
    auto textOf = [&](std::vector<double> w) {
      for (double& x : w) x -= 2 * padX_ + 0.2;
      return w;
    };
    std::vector<double> text = textOf(columns.widths());
    auto widen = [&](const TableRow& row) {
      if (!columns.widen(row)) return;
      text = textOf(columns.widths());
      if (spool) spool->putWidths(columns.widths());
      setWidths(columns.widths());
    };
    bool first = true;
    flowRows(t, [&](const TableRow& row, const std::vector<const TableRow*>& totals, bool last) {
      if (std::exchange(first, false)) {
        // The rows' numbers (a column whose first row holds 1) grow to the table's count: their column is
        // made as wide as the last number from the start, instead of a page cut short where a longer number
        // comes (member 100.000) that no sampled row held.
        TableRow numbers;
        for (const Cell& cell : row.cells)
          numbers.cells.push_back(
              cell.kind == CellKind::Count && cell.value == 1 ? Cell::count(int64_t(t.rowCount())) : Cell{});
        widen(numbers);
      }
      widen(row);
      const DenseRow set = setRow(row, text, tableSize_, kIndentStep, denseMeasure_);
      double totalsH = 0;
      for (const TableRow* k : totals)
        totalsH += heightOfRow(setRow(*k, text, tableSize_, kIndentStep, denseMeasure_));
      if (spool) spool->putRow(set, totalsH, !totals.empty(), last);
      place(set, totalsH, !totals.empty(), last);
    });
  }
  endPage();
  if (placed == 0) drawHead(head);
  y_ += 10;
  tableSize_ = options_.tableSize;
  dense_ = false;
}

}  // namespace dangbo::reports::pdf
