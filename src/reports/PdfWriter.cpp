#include "reports/PdfWriter.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "core/I18n.h"
#include "core/VietText.h"
#include "reports/PangoSetup.h"
#include "reports/PdfChart.h"
#include "reports/PdfTableFlow.h"

namespace dangbo::reports::pdf {

PdfWriter::PdfWriter(cairo_surface_t* surface, const PdfOptions& options, double pageW, double pageH,
                     int pages)
    : surface_(surface),
      options_(options),
      pageW_(pageW),
      pageH_(pageH),
      pages_(pages),
      counting_(pages == 0) {
  cr_ = cairo_create(surface_);
  ctx_ = unhintedPangoContext(cr_, true);
  // A dense table's text with its glyphs where the font puts them, not on whole points (denseMeasure_
  // measures it so).
  denseCtx_ = unhintedPangoContext(cr_, false);
  left_ = mm(30);
  right_ = pageW_ - mm(15);
  top_ = mm(20);
  bottom_ = pageH_ - mm(20);
  tableSize_ = options_.tableSize;
  y_ = top_;
}

PdfWriter::~PdfWriter() {
  g_object_unref(denseCtx_);
  g_object_unref(ctx_);
  cairo_destroy(cr_);
}

int PdfWriter::render(const Document& doc) {
  size_t i = 0;
  if (doc.header && doc.compactHeader) {
    // The title lines and the short paragraphs under them (the register's count) go into the band; the
    // caption of the table after them is left out when it only repeats the title.
    std::vector<TitleLine> titles;
    for (; i < doc.blocks.size(); ++i) {
      if (const auto* t = std::get_if<TitleLine>(&doc.blocks[i]))
        titles.push_back(*t);
      else if (const auto* p = std::get_if<Paragraph>(&doc.blocks[i]))
        titles.push_back({p->text(), TitleStyle::Subtitle});
      else
        break;
    }
    y_ = pdf::compactHeaderBand(*this, *doc.header, titles, left_, right_, y_, options_.bodySize);
    if (!titles.empty()) repeatedCaption_ = titles.front().text;
  } else if (doc.header) {
    y_ = pdf::headerBlock(*this, *doc.header, left_, right_, y_, options_.bodySize);
  }
  for (; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    const Block* next = i + 1 < doc.blocks.size() ? &doc.blocks[i + 1] : nullptr;
    // The closing block (the signature) never stands alone on the last page: the end of the block before
    // it goes with it.
    keepWithClosing_ = 0;
    if (i + 2 == doc.blocks.size())
      if (const auto* closing = std::get_if<Table>(next); closing && closing->borderless)
        keepWithClosing_ = 4 + tableLead(*closing);
    if (const auto* t = std::get_if<TitleLine>(&b))
      title(*t);
    else if (const auto* h = std::get_if<Heading>(&b))
      heading(*h, next);
    else if (const auto* p = std::get_if<Paragraph>(&b))
      paragraph(*p);
    else if (const auto* tb = std::get_if<Table>(&b))
      table(*tb);
    else if (const auto* c = std::get_if<Chart>(&b))
      chart(*c);
    else if (const auto* pb = std::get_if<PageBreak>(&b))
      newPage(pb->landscape);
  }
  finishPage();
  if (counting_) return page_;
  cairo_surface_finish(surface_);
  if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(cairo_surface_status(surface_)));
  return page_;
}

void PdfWriter::chartImage(const Chart& c, double scale, double pageWidth) {
  counting_ = false;
  cairo_set_source_rgb(cr_, 1, 1, 1);
  cairo_paint(cr_);
  cairo_scale(cr_, scale, scale);
  pango_cairo_update_context(cr_, ctx_);
  left_ = 8;
  right_ = pageWidth - 8;
  top_ = y_ = 6;
  bottom_ = 1e9;
  chart(c);
  cairo_surface_flush(surface_);
}

Layout PdfWriter::layoutIn(PangoContext* ctx, const std::string& markup, const Style& st, double width) {
  Layout l(pango_layout_new(ctx));
  PangoFontDescription* fd = pango_font_description_new();
  pango_font_description_set_family(fd, kFamily);
  pango_font_description_set_absolute_size(fd, st.size * PANGO_SCALE);
  pango_font_description_set_weight(fd, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(fd, st.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(l.get(), fd);
  pango_font_description_free(fd);
  if (width > 0) pango_layout_set_width(l.get(), int(width * PANGO_SCALE));
  pango_layout_set_wrap(l.get(), st.wrapChars ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  pango_layout_set_alignment(l.get(), st.align);
  pango_layout_set_justify(l.get(), st.justify);
  if (st.indent != 0) pango_layout_set_indent(l.get(), int(st.indent * PANGO_SCALE));
  if (st.spacing > 0) pango_layout_set_line_spacing(l.get(), float(st.spacing));
  pango_layout_set_markup(l.get(), markup.c_str(), -1);
  return l;
}

std::vector<LineBox> PdfWriter::lines(PangoLayout* l) {
  std::vector<LineBox> out;
  PangoLayoutIter* it = pango_layout_get_iter(l);
  do {
    PangoRectangle r;
    pango_layout_iter_get_line_extents(it, nullptr, &r);
    const int baseline = pango_layout_iter_get_baseline(it);
    out.push_back({pango_layout_iter_get_line_readonly(it), double(r.x) / PANGO_SCALE,
                   double(r.y) / PANGO_SCALE, double(r.height) / PANGO_SCALE,
                   double(baseline - r.y) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return out;
}

void PdfWriter::draw(PangoLayout* l, double x, double y) {
  if (counting_) return;
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, l);
}

void PdfWriter::rule(double x0, double x1, double y, double lineWidth) {
  if (counting_) return;
  cairo_set_line_width(cr_, lineWidth);
  cairo_move_to(cr_, x0, y);
  cairo_line_to(cr_, x1, y);
  cairo_stroke(cr_);
}

void PdfWriter::finishPage() {
  if (options_.pageNumbers && pages_ > 1) {
    Style st;
    st.size = std::min(options_.tableSize, 12.0);
    st.align = PANGO_ALIGN_CENTER;
    Layout l = layout(
        escape(core::format(core::tr("Page {1} of {2}"), {std::to_string(page_), std::to_string(pages_)})),
        st, width());
    draw(l.get(), left_, pageH_ - mm(12) - heightOf(l.get()) / 2);
  }
}

void PdfWriter::newPage(std::optional<bool> landscape) {
  finishPage();
  if (!counting_) cairo_show_page(cr_);
  ++page_;
  if (landscape && *landscape != (pageW_ > pageH_)) {
    std::swap(pageW_, pageH_);
    right_ = pageW_ - mm(15);
    bottom_ = pageH_ - mm(20);
    if (cairo_surface_get_type(surface_) == CAIRO_SURFACE_TYPE_PDF)
      cairo_pdf_surface_set_size(surface_, pageW_, pageH_);
  }
  y_ = top_;
}

void PdfWriter::ensure(double h) {
  if (y_ + h > bottom_ && y_ > top_ + 0.5) newPage();
}

void PdfWriter::title(const TitleLine& t) {
  Style st;
  st.size = options_.bodySize;
  st.align = PANGO_ALIGN_CENTER;
  double after = 0;
  switch (t.style) {
    case TitleStyle::Title:
      st.size += 1, st.bold = true;
      break;
    case TitleStyle::Subtitle:
      st.bold = true;
      break;
    case TitleStyle::Note:
      st.italic = true, after = 12;
      break;
  }
  Layout l = layout(escape(t.text), st, width());
  // A title on two or more lines is balanced: the narrowest width that keeps the number of lines,
  // so no word is left alone on the last line.
  const int count = pango_layout_get_line_count(l.get());
  if (count > 1) {
    double lo = width() / 3, hi = width();
    while (hi - lo > 2) {
      const double mid = (lo + hi) / 2;
      Layout trial = layout(escape(t.text), st, mid);
      (pango_layout_get_line_count(trial.get()) > count ? lo : hi) = mid;
    }
    l = layout(escape(t.text), st, hi);
  }
  ensure(heightOf(l.get()));
  draw(l.get(),
       left_ + (width() - (count > 1 ? double(pango_layout_get_width(l.get())) / PANGO_SCALE : width())) / 2,
       y_);
  y_ += heightOf(l.get()) + after;
}

Style PdfWriter::headingStyle(int level) const {
  Style st;
  st.size = options_.bodySize;
  st.bold = true;
  st.italic = level >= 2;
  return st;
}

Style PdfWriter::paragraphStyle() const {
  Style st;
  st.size = options_.bodySize;
  st.justify = true;
  st.indent = mm(10);
  st.spacing = 1.15;
  return st;
}

std::string PdfWriter::markup(const Paragraph& p) {
  std::string m;
  for (const auto& r : p.runs) m += r.bold ? "<b>" + escape(r.text) + "</b>" : escape(r.text);
  return m;
}

double PdfWriter::leadHeight(const Block& b) {
  if (const auto* p = std::get_if<Paragraph>(&b)) {
    Layout l = layout(markup(*p), paragraphStyle(), width());
    const auto ls = lines(l.get());
    double h = 0;
    for (size_t i = 0; i < ls.size() && i < 2; ++i) h += ls[i].height;
    return h;
  }
  if (const auto* t = std::get_if<Table>(&b)) return tableLead(*t);
  if (std::holds_alternative<Chart>(b)) return chartHeight();
  if (const auto* h = std::get_if<Heading>(&b)) {
    Layout l = layout(escape(h->text), headingStyle(h->level), width());
    return heightOf(l.get()) + 10;
  }
  return 0;
}

void PdfWriter::heading(const Heading& h, const Block* next) {
  Layout l = layout(escape(h.text), headingStyle(h.level), width());
  const double before = y_ > top_ + 0.5 ? 6 : 0, height = heightOf(l.get());
  double lead = 0;
  if (next) {
    lead = leadHeight(*next);
    // A level-1 heading followed by a level-2 one keeps both with the first lines after them.
    if (const auto* nh = std::get_if<Heading>(next); nh && lead < 200) lead += 40;
  }
  ensure(before + height + 4 + std::min(lead, bottom_ - top_ - height - 10));
  if (y_ > top_ + 0.5) y_ += before;
  draw(l.get(), left_, y_);
  y_ += height + 4;
}

void PdfWriter::paragraph(const Paragraph& p) {
  Layout l = layout(markup(p), paragraphStyle(), width());
  const auto ls = lines(l.get());
  size_t i = 0;
  while (i < ls.size()) {
    // How many lines fit here.
    double h = 0;
    size_t n = 0;
    while (i + n < ls.size() && y_ + h + ls[i + n].height <= bottom_) h += ls[i + n++].height;
    // All the rest fits but not the closing after it: its last two lines go with the closing.
    if (n == ls.size() - i && keepWithClosing_ > 0 && y_ + h + 6 + keepWithClosing_ > bottom_ &&
        keepWithClosing_ + 2 * ls.back().height < bottom_ - top_)
      n = n > 3 ? n - 2 : (y_ > top_ + 0.5 ? 0 : n);
    if (n == 0 && y_ > top_ + 0.5) {
      newPage();
      continue;
    }
    if (n < ls.size() - i) {
      // No single first line at the bottom of a page, no single last line at the top of the next.
      if (n == 1 && ls.size() - i > 1) n = 0;
      if (n > 1 && ls.size() - i - n == 1) --n;
      if (n == 0 && y_ > top_ + 0.5) {
        newPage();
        continue;
      }
      if (n == 0) n = 1;
    }
    for (size_t k = 0; k < n; ++k) {
      const LineBox& b = ls[i + k];
      if (!counting_) {
        cairo_move_to(cr_, left_ + b.x, y_ + b.baseline);
        pango_cairo_show_layout_line(cr_, b.line);
      }
      y_ += b.height;
    }
    i += n;
    if (i < ls.size()) newPage();
  }
  y_ += 6;
}

Style PdfWriter::cellStyle(bool bold, Align a, bool italic) const {
  Style st;
  st.size = tableSize_;
  st.bold = bold;
  st.italic = italic;
  st.spacing = dense_ ? kDenseSpacing : 0;
  st.align = a == Align::Right    ? PANGO_ALIGN_RIGHT
             : a == Align::Center ? PANGO_ALIGN_CENTER
                                  : PANGO_ALIGN_LEFT;
  return st;
}

std::vector<double> PdfWriter::columnWidths(const Table& t) {
  dense_ = t.dense;
  padX_ = dense_ ? kDensePadX : kPadX;
  padY_ = dense_ ? kDensePadY : kPadY;
  auto plan = [&](const Table& of) {
    return dense_ ? planDenseColumns(of, width(), std::min(kDenseSize, options_.tableSize), 2 * padX_ + 1,
                                     measure_)
                  : planColumns(of, width(), options_.tableSize, std::min(7.0, options_.tableSize),
                                2 * padX_ + 1, measure_);
  };
  if (t.dense) {
    // A dense table (the register) is sized from a sample of its rows (every row up to kDenseSampleRows),
    // once for both passes; a later row with a wider word widens the columns (denseTable).
    // Runs of long rows are held to the lines that let 20 of them fit a page (denseRowsLines).
    tableSize_ = std::min(kDenseSize, options_.tableSize);
    denseHeights_.clear();  // (they may have been measured at another table's size)
    auto found = sourcePlans_->find(&t);
    if (found == sourcePlans_->end()) {
      const double line = denseRowHeight(2, false, false) - denseRowHeight(1, false, false);
      SourcePlan sp;
      sp.plan = planDenseColumns(t, width(), tableSize_, 2 * padX_ + 1, denseMeasure_, false,
                                 denseRowsLines(bottom_ - top_, line, denseRowHeight(1, false, false) - line),
                                 true);
      found = sourcePlans_->emplace(&t, std::move(sp)).first;
    }
    return found->second.plan.widths;
  }
  if (!t.rowSource) {
    const ColumnPlan p = plan(t);
    tableSize_ = p.size;
    return p.widths;
  }
  // Rows read as they are written: planned once for both passes (counting the pages, drawing them), with
  // the first rows kept for the table's lead.
  auto found = sourcePlans_->find(&t);
  if (found == sourcePlans_->end()) {
    SourcePlan sp;
    Table reading = t;
    reading.rowSource = [&](const std::function<void(const TableRow&)>& visit) {
      t.rowSource([&](const TableRow& row) {
        if (sp.first.size() < kShortTable) sp.first.push_back(row);
        visit(row);
      });
    };
    sp.plan = plan(reading);
    found = sourcePlans_->emplace(&t, std::move(sp)).first;
  }
  tableSize_ = found->second.plan.size;
  return found->second.plan.widths;
}

PdfWriter::RowLayout PdfWriter::layoutRow(const std::vector<Cell>& cells, const std::vector<double>& widths,
                                          const Table& t, bool isHeader, bool bold) {
  RowLayout r;
  r.total = bold && !isHeader;
  double x = left_;
  size_t c = 0;
  for (const auto& cell : cells) {
    if (c >= widths.size()) break;
    double w = 0;
    const size_t span = isHeader ? size_t(cell.span) : 1;
    for (size_t k = 0; k < span && c + k < widths.size(); ++k) w += widths[c + k];
    const Align a = isHeader ? Align::Center : t.alignOf(c);
    const int rows = isHeader ? std::max(cell.rowSpan, 0) : 1;
    const double dx = cell.indent * kIndentStep;
    Layout l = rows == 0 ? Layout(nullptr)
                         : layout(escape(cell.text), cellStyle(bold || cell.bold, a, cell.italic),
                                  w - 2 * padX_ - dx);
    const double need = l ? heightOf(l.get()) + 2 * padY_ : 0;
    // (A cell merged with the rows under it makes room in them: headRows.)
    if (rows <= 1) r.height = std::max(r.height, need);
    r.cells.push_back(std::move(l));
    r.x.push_back(x);
    r.w.push_back(w);
    r.dx.push_back(dx);
    r.rows.push_back(rows);
    r.need.push_back(need);
    x += w;
    c += span;
  }
  // Columns the row leaves empty still get their borders.
  while (c < widths.size()) {
    r.cells.emplace_back(nullptr);
    r.x.push_back(x);
    r.w.push_back(widths[c++]);
    r.dx.push_back(0);
    r.rows.push_back(1);
    r.need.push_back(0);
    x += r.w.back();
  }
  return r;
}

std::vector<PdfWriter::RowLayout> PdfWriter::headRows(const Table& t, const std::vector<double>& widths) {
  std::vector<RowLayout> head;
  for (const auto& row : t.header) head.push_back(layoutRow(row, widths, t, true, true));
  for (size_t i = 0; i < head.size(); ++i)
    for (size_t j = 0; j < head[i].rows.size(); ++j) {
      const size_t last = std::min(head.size(), i + size_t(head[i].rows[j])) - 1;
      if (head[i].rows[j] <= 1) continue;
      double h = 0;
      for (size_t k = i; k <= last; ++k) h += head[k].height;
      if (h < head[i].need[j]) head[last].height += head[i].need[j] - h;
    }
  return head;
}

double PdfWriter::headHeight(const Table& t, const std::vector<double>& widths) {
  double h = 0;
  for (const auto& r : headRows(t, widths)) h += r.height;
  return h;
}

void PdfWriter::drawHead(const std::vector<RowLayout>& head) {
  if (counting_) {
    for (const auto& r : head) y_ += r.height;
    return;
  }
  cairo_set_line_width(cr_, 0.6);
  for (size_t i = 0; i < head.size(); ++i) {
    const RowLayout& r = head[i];
    for (size_t j = 0; j < r.cells.size(); ++j) {
      if (r.rows[j] == 0) continue;
      double h = 0;
      for (size_t k = i; k < head.size() && k < i + size_t(r.rows[j]); ++k) h += head[k].height;
      cairo_rectangle(cr_, r.x[j], y_, r.w[j], h);
      cairo_stroke(cr_);
      if (r.cells[j]) draw(r.cells[j].get(), r.x[j] + padX_, y_ + (h - heightOf(r.cells[j].get())) / 2);
    }
    y_ += r.height;
  }
}

void PdfWriter::drawRow(const RowLayout& r, bool borders) {
  if (counting_) {
    y_ += r.height;
    return;
  }
  cairo_set_line_width(cr_, 0.6);
  for (size_t i = 0; i < r.cells.size(); ++i) {
    if (borders) {
      cairo_rectangle(cr_, r.x[i], y_, r.w[i], r.height);
      cairo_stroke(cr_);
    }
    if (!r.cells[i]) continue;
    const double h = heightOf(r.cells[i].get());
    draw(r.cells[i].get(), r.x[i] + padX_ + r.dx[i], y_ + (r.height - h) / 2);
  }
  y_ += r.height;
}

Layout PdfWriter::captionLayout(const std::string& caption) {
  Style st = cellStyle(true, Align::Center);
  st.size = options_.tableSize;
  return layout(escape(keepLastWordsTogether(caption)), st, width());
}

double PdfWriter::captionHeight(const Table& t) {
  if (t.caption.empty() || core::toUpper(t.caption) == repeatedCaption_) return 0;
  return heightOf(captionLayout(t.caption).get()) + 3;
}

double PdfWriter::tableLead(const Table& t) {
  const auto widths = columnWidths(t);
  if (t.dense) {
    // Its rows are not read ahead: a short table whole, else its first two rows, as rows of one line.
    const double row = denseRowHeight(1, false, false), head = captionHeight(t) + headHeight(t, widths);
    const double whole = head + double(t.rowCount()) * row;
    return t.rowCount() <= kShortTable && whole <= bottom_ - top_
               ? whole
               : head + double(std::min<size_t>(2, t.rowCount())) * row;
  }
  const std::vector<TableRow>& rows = t.rowSource ? sourcePlans_->at(&t).first : t.rows;
  if (t.rowCount() <= kShortTable) {
    // A short table (a dozen rows) goes whole onto one page when it can.
    double h = captionHeight(t) + headHeight(t, widths);
    for (const auto& row : rows) h += layoutRow(row.cells, widths, t, false, row.total).height;
    if (h <= bottom_ - top_) return h;
  }
  double h = captionHeight(t) + headHeight(t, widths);
  // A borderless layout table (the closing block) is kept on one page; a table of figures may break after
  // its second row.
  for (size_t i = 0; i < rows.size() && (i < 2 || t.borderless); ++i)
    h += layoutRow(rows[i].cells, widths, t, false, rows[i].total).height;
  return h;
}

void PdfWriter::photoTable(const Table& t) {
  constexpr double boxW = 3 / 2.54 * 72, boxH = 4 / 2.54 * 72, gap = 8;
  ensure(boxH + 8);
  const double top = y_ + 4;
  Table inner = t;
  inner.photo.clear();
  const double right = right_;
  right_ -= boxW + gap;
  table(inner);
  right_ = right;
  if (!counting_) {
    cairo_set_line_width(cr_, 0.6);
    cairo_rectangle(cr_, right_ - boxW, top, boxW, boxH);
    cairo_stroke(cr_);
    Layout l = layout(escape(t.photo), cellStyle(false, Align::Center), boxW - 2 * padX_);
    draw(l.get(), right_ - boxW + padX_, top + (boxH - heightOf(l.get())) / 2);
  }
  y_ = std::max(y_, top + boxH + 10);
}

void PdfWriter::table(const Table& t) {
  if (!t.photo.empty()) return photoTable(t);
  if (t.dense) return denseTable(t);
  y_ += 4;
  ensure(tableLead(t));
  const auto widths = columnWidths(t);
  const std::vector<RowLayout> head = headRows(t, widths);
  const bool caption = !t.caption.empty() && core::toUpper(t.caption) != repeatedCaption_;
  if (caption) {
    Layout c = captionLayout(t.caption);
    draw(c.get(), left_, y_);
    y_ += heightOf(c.get()) + 3;
  }
  drawHead(head);
  double headH = 0;
  for (const auto& h : head) headH += h.height;
  // The rows as they come (from the register for a row source), each kept with what must follow it.
  pdf::flowRows(t, [&](const TableRow& row, const std::vector<const TableRow*>& totals, bool last) {
    if (rows_) rows_->step();
    RowLayout r = layoutRow(row.cells, widths, t, false, row.total);
    double totalsH = 0;
    for (const TableRow* k : totals) totalsH += layoutRow(k->cells, widths, t, false, k->total).height;
    const double need = pdf::rowNeed(row.total, r.height, totalsH, !totals.empty(), last, keepWithClosing_,
                                     bottom_ - top_ - headH);
    if (y_ + need > bottom_ && y_ > top_ + headH + 0.5) {
      newPage();
      drawHead(head);
    }
    drawRow(r, !t.borderless);
  });
  y_ += 10;
  tableSize_ = options_.tableSize;
  dense_ = false;
}

void PdfWriter::chart(const Chart& c) {
  y_ += 4;
  // (With the closing block after it when both fit on a page.)
  const double withClosing = chartHeight() + keepWithClosing_;
  ensure(withClosing <= bottom_ - top_ ? withClosing : chartHeight());
  y_ = drawChart(*this, cr_, ctx_, c, left_, width(), y_, options_.tableSize);
}

}  // namespace dangbo::reports::pdf
