#include "reports/PdfChart.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dangbo::reports::pdf {

namespace {

constexpr double kPlotH = 190;
// Room between the title and the plot for the value over a bar that reaches the top (100%).
constexpr double kLabelRoom = 12;

double widthOf(PangoLayout* l) {
  PangoRectangle r;
  pango_layout_get_extents(l, nullptr, &r);
  return double(r.width) / PANGO_SCALE;
}

// The style of a table's cell, as the writer sets a chart's texts (its table size, normal spacing).
Style cellStyle(double tableSize, bool bold, Align a) {
  Style st;
  st.size = tableSize;
  st.bold = bold;
  st.align = a == Align::Right    ? PANGO_ALIGN_RIGHT
             : a == Align::Center ? PANGO_ALIGN_CENTER
                                  : PANGO_ALIGN_LEFT;
  return st;
}

void setRgb(cairo_t* cr, size_t series) {
  if (series % 2 == 0)
    cairo_set_source_rgb(cr, 0.24, 0.35, 0.55);
  else
    cairo_set_source_rgb(cr, 0.80, 0.64, 0.30);
}

void targetPen(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0.70, 0.06, 0.06);
  cairo_set_line_width(cr, 1.6);
  const double dash[] = {6, 3};
  cairo_set_dash(cr, dash, 2, 0);
}

// The legend under a chart from y: a swatch and the name of each series (and the target's dashed line);
// returns the y under it.
double legend(PdfPen& pen, cairo_t* cr, const Chart& c, double left, double width, double y,
              double tableSize) {
  Style st = cellStyle(tableSize, false, Align::Left);
  st.size = tableSize - 1;
  st.wrapChars = false;
  struct Item {
    Layout text;
    int kind;  // series index, or -1 for the target
  };
  std::vector<Item> items;
  for (size_t s = 0; s < c.series.size(); ++s)
    items.push_back({pen.layout(escape(c.series[s].name), st, -1), int(s)});
  if (!c.targetLabel.empty()) items.push_back({pen.layout(escape(c.targetLabel), st, -1), -1});
  const double swatch = 22, gap = 18;
  double total = 0;
  for (const auto& it : items) total += swatch + widthOf(it.text.get()) + gap;
  double x = left + std::max(0.0, (width - total + gap) / 2);
  for (const auto& it : items) {
    const double h = heightOf(it.text.get()), mid = y + h / 2;
    if (it.kind >= 0) {
      setRgb(cr, size_t(it.kind));
      cairo_rectangle(cr, x, mid - 5, 16, 10);
      cairo_fill(cr);
    } else {
      targetPen(cr);
      cairo_move_to(cr, x, mid);
      cairo_line_to(cr, x + 18, mid);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    pen.draw(it.text.get(), x + swatch, y);
    x += swatch + widthOf(it.text.get()) + gap;
  }
  return y + (items.empty() ? 0 : heightOf(items.front().text.get()));
}

}  // namespace

double chartHeight() {
  return 24 + kLabelRoom + kPlotH + 36 + 26 + 10;
}

double drawChart(PdfPen& pen, cairo_t* cr, PangoContext* ctx, const Chart& c, double left, double width,
                 double y, double tableSize) {
  const double small = tableSize - 2;
  Style titleSt = cellStyle(tableSize, true, Align::Center);
  titleSt.wrapChars = false;
  Layout title = pen.layout(escape(c.title), titleSt, width);
  pen.draw(title.get(), left, y);
  y += heightOf(title.get()) + 8 + kLabelRoom;

  // Room on the right for the target's value at the end of its line.
  const double axisW = 46, endW = c.targetLabel.empty() ? 8 : 40;
  const double plotX = left + axisW, plotW = width - axisW - endW, plotY = y;
  const ChartAxis axis = chartAxis(c);
  auto yOf = [&](double v) { return plotY + kPlotH * (1.0 - v / axis.max); };
  Style tick = cellStyle(tableSize, false, Align::Right);
  tick.size = small;
  tick.wrapChars = false;
  // Grid and ticks.
  for (double v = 0; v <= axis.max + 1e-9; v += axis.step) {
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, plotX, yOf(v));
    cairo_line_to(cr, plotX + plotW, yOf(v));
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    Layout l = pen.layout(escape(c.tick(v)), tick, axisW - 18);
    pen.draw(l.get(), left + 14, yOf(v) - heightOf(l.get()) / 2);
  }
  // The axis label, turned a quarter to the left.
  {
    Style st = cellStyle(tableSize, false, Align::Center);
    st.size = small;
    Layout l = pen.layout(escape(c.axisLabel), st, kPlotH);
    cairo_save(cr);
    cairo_translate(cr, left, plotY + kPlotH);
    cairo_rotate(cr, -M_PI / 2);
    pango_cairo_update_layout(cr, l.get());
    cairo_move_to(cr, 0, 0);
    pango_cairo_show_layout(cr, l.get());
    cairo_restore(cr);
    pango_cairo_update_context(cr, ctx);
  }
  // Bars and category labels.
  const size_t n = c.categories.size(), k = std::max<size_t>(1, c.series.size());
  const double slot = n ? plotW / double(n) : plotW,
               barW = std::min(slot * (k > 1 ? 0.84 : 0.6) / double(k), 60.0);
  const double groupW = barW * double(k);
  struct Label {
    Layout text;
    double x, y;
  };
  std::vector<Label> labels;
  double categoryH = 0;  // the tallest category label (a long one wraps): the legend goes below it
  Style value = cellStyle(tableSize, false, Align::Center);
  value.size = k > 1 ? small - 1.5 : small;
  value.wrapChars = false;
  for (size_t i = 0; i < n; ++i) {
    const double x0 = plotX + slot * double(i) + (slot - groupW) / 2;
    for (size_t s = 0; s < c.series.size(); ++s) {
      const auto& v = i < c.series[s].values.size() ? c.series[s].values[i] : std::nullopt;
      if (!v) continue;
      const double x = x0 + barW * double(s);
      setRgb(cr, s);
      cairo_rectangle(cr, x + 1, yOf(*v), barW - 2, plotY + kPlotH - yOf(*v));
      cairo_fill(cr);
      Layout l = pen.layout(escape(c.format(*v)), value, -1);
      const double lw = widthOf(l.get()), lh = heightOf(l.get());
      labels.push_back({std::move(l), x + barW / 2 - lw / 2, yOf(*v) - lh - 1});
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    Style cat = cellStyle(tableSize, false, Align::Center);
    Layout l = pen.layout(escape(c.categories[i]), cat, slot);
    pen.draw(l.get(), plotX + slot * double(i), plotY + kPlotH + 3);
    categoryH = std::max(categoryH, heightOf(l.get()));
  }
  // The target: a dashed level line per category, its value at the end of each level.
  if (!c.targetLabel.empty()) {
    Style end = cellStyle(tableSize, true, Align::Left);
    end.size = small;
    end.wrapChars = false;
    for (size_t i = 0; i < n; ++i) {
      const auto& t = i < c.target.size() ? c.target[i] : std::nullopt;
      if (!t) continue;
      const double x = plotX + slot * double(i);
      targetPen(cr);
      cairo_move_to(cr, x, yOf(*t));
      cairo_line_to(cr, x + slot, yOf(*t));
      const auto& next = i + 1 < c.target.size() ? c.target[i + 1] : std::nullopt;
      if (next) cairo_line_to(cr, x + slot, yOf(*next));
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
      if (!next || *next != *t) {
        Layout l = pen.layout(escape(c.format(*t)), end, -1);
        const double lh = heightOf(l.get());
        const bool last = i + 1 == n;
        if (last)
          pen.draw(l.get(), x + slot + 3, yOf(*t) - lh / 2);
        else
          labels.push_back({std::move(l), x + slot - 2 - widthOf(l.get()), yOf(*t) - lh - 1});
      }
    }
    cairo_set_source_rgb(cr, 0.70, 0.06, 0.06);
  }
  // Value labels on a white ground, over the target line.
  for (const auto& l : labels) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, l.x - 1, l.y + 1, widthOf(l.text.get()) + 2, heightOf(l.text.get()) - 2);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    pen.draw(l.text.get(), l.x, l.y);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, plotX, plotY);
  cairo_line_to(cr, plotX, plotY + kPlotH);
  cairo_line_to(cr, plotX + plotW, plotY + kPlotH);
  cairo_stroke(cr);
  y = plotY + kPlotH + std::max(22.0, categoryH + 8);
  y = legend(pen, cr, c, left, width, y, tableSize);
  return y + 10;
}

}  // namespace dangbo::reports::pdf
