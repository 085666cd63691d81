#include "reports/Document.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include "core/Numbers.h"

namespace dangbo::reports {

std::string Paragraph::text() const {
  std::string s;
  for (const auto& r : runs) s += r.text;
  return s;
}

Cell Cell::textCell(std::string s, int span) {
  Cell c;
  c.text = std::move(s);
  c.span = span < 1 ? 1 : span;
  return c;
}

Cell Cell::count(int64_t n) {
  Cell c;
  c.text = core::formatCountVn(n);
  c.kind = CellKind::Count;
  c.value = n;
  return c;
}

Cell Cell::percent(const std::optional<int64_t>& tenths) {
  if (!tenths) return textCell("-");
  Cell c;
  c.text = core::formatPercentVn(*tenths);
  c.kind = CellKind::Percent;
  c.value = *tenths;
  return c;
}

Cell Cell::share(int64_t n, int64_t of) {
  return percent(core::percentTenths(n, of));
}

size_t Table::columns() const {
  if (!header.empty()) {
    size_t n = 0;
    for (const auto& c : header.front()) n += size_t(c.span);
    return n;
  }
  return rows.empty() ? 0 : rows.front().cells.size();
}

void Table::addTextRow(std::vector<std::string> texts, bool total) {
  TableRow r;
  r.total = total;
  for (auto& text : texts) r.cells.push_back(Cell::textCell(std::move(text)));
  rows.push_back(std::move(r));
}

Document previewDocument(Document doc, size_t maxRows) {
  for (auto& block : doc.blocks) {
    auto* t = std::get_if<Table>(&block);
    if (!t || t->rowSource || t->rows.size() <= maxRows) continue;
    // The total rows that close the table stay under the rows shown.
    size_t closing = t->rows.size();
    while (closing > maxRows && t->rows[closing - 1].total) --closing;
    if (closing <= maxRows) continue;
    t->omittedRows += closing - maxRows;
    t->rows.erase(t->rows.begin() + std::ptrdiff_t(maxRows), t->rows.begin() + std::ptrdiff_t(closing));
  }
  return doc;
}

size_t Table::rowCount() const {
  return rowSource ? sourceRows : rows.size();
}

void Table::forEachRow(const std::function<void(const TableRow&)>& visit) const {
  if (rowSource)
    rowSource(visit);
  else
    for (const auto& r : rows) visit(r);
}

void Table::forEachSampledRow(size_t every, const std::function<void(const TableRow&)>& visit) const {
  every = std::max<size_t>(1, every);
  if (rowSource && rowSample && every > 1) {
    rowSample(every, visit);
    return;
  }
  size_t r = 0;
  forEachRow([&](const TableRow& row) {
    if (r++ % every == 0) visit(row);
  });
}

Align Table::alignOf(size_t c) const {
  if (c < align.size()) return align[c];
  return c == 0 ? Align::Left : Align::Right;
}

std::string Chart::format(double v) const {
  const auto tenths = int64_t(std::llround(v * 10.0));
  if (percent) return core::formatPercentVn(tenths);
  if (tenths % 10 == 0) return core::formatCountVn(tenths / 10);
  // A fractional count (an average target): one decimal with a comma.
  std::string s = core::formatPercentVn(tenths);
  if (!s.empty() && s.back() == '%') s.pop_back();
  return s;
}

std::string Chart::tick(double v) const {
  const std::string n = core::formatCountVn(int64_t(std::llround(v)));
  return percent ? n + "%" : n;
}

Document& Document::titleLine(std::string text, TitleStyle style) {
  blocks.emplace_back(TitleLine{std::move(text), style});
  return *this;
}

Document& Document::heading(std::string text, int level) {
  blocks.emplace_back(Heading{std::move(text), level});
  return *this;
}

Document& Document::paragraph(std::string text) {
  return paragraph(std::vector<Run>{Run{std::move(text), false}});
}

Document& Document::paragraph(std::vector<Run> runs) {
  blocks.emplace_back(Paragraph{std::move(runs)});
  return *this;
}

Document& Document::table(Table t) {
  blocks.emplace_back(std::move(t));
  return *this;
}

Document& Document::chart(Chart c) {
  blocks.emplace_back(std::move(c));
  return *this;
}

Document& Document::pageBreak(std::optional<bool> landscape) {
  blocks.emplace_back(PageBreak{landscape});
  return *this;
}

std::vector<const Table*> Document::tables() const {
  std::vector<const Table*> out;
  for (const auto& b : blocks)
    if (const auto* t = std::get_if<Table>(&b); t && !t->borderless) out.push_back(t);
  return out;
}

void Document::fillRows() {
  for (auto& b : blocks)
    if (auto* t = std::get_if<Table>(&b); t && t->rowSource) {
      t->rows.clear();
      t->rows.reserve(t->sourceRows);
      t->rowSource([&](const TableRow& r) { t->rows.push_back(r); });
      t->rowSource = nullptr;
      t->rowSample = nullptr;
      t->sourceRows = 0;
    }
}

std::vector<const Chart*> Document::charts() const {
  std::vector<const Chart*> out;
  for (const auto& b : blocks)
    if (const auto* c = std::get_if<Chart>(&b)) out.push_back(c);
  return out;
}

ChartAxis chartAxis(const Chart& chart) {
  double top = 0;
  for (const auto& s : chart.series)
    for (const auto& v : s.values)
      if (v) top = std::max(top, *v);
  for (const auto& v : chart.target)
    if (v) top = std::max(top, *v);
  if (chart.percent) top = std::max(top, 100.0);
  if (top <= 0) top = 1;
  // About five ticks: step = 1, 2 or 5 times a power of ten.
  const double raw = top / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  if (step < 1 && !chart.percent) step = 1;
  ChartAxis axis;
  axis.step = step;
  axis.max = std::ceil(top / step - 1e-9) * step;
  if (axis.max < top) axis.max += step;
  return axis;
}

Table chartTable(const Chart& chart) {
  Table t;
  t.caption = chart.title;
  std::vector<Cell> head{Cell::textCell(chart.categoryLabel)};
  for (const auto& s : chart.series) head.push_back(Cell::textCell(s.name));
  const bool hasTarget = !chart.targetLabel.empty();
  if (hasTarget) head.push_back(Cell::textCell(chart.targetLabel));
  t.header.push_back(std::move(head));
  auto cell = [&](const std::optional<double>& v) {
    if (!v) return Cell::textCell("-");
    const auto tenths = int64_t(std::llround(*v * 10.0));
    if (chart.percent) return Cell::percent(tenths);
    if (tenths % 10 == 0) return Cell::count(tenths / 10);
    Cell c = Cell::textCell(chart.format(*v));
    return c;
  };
  for (size_t i = 0; i < chart.categories.size(); ++i) {
    TableRow row;
    row.cells.push_back(Cell::textCell(chart.categories[i]));
    for (const auto& s : chart.series)
      row.cells.push_back(cell(i < s.values.size() ? s.values[i] : std::nullopt));
    if (hasTarget) row.cells.push_back(cell(i < chart.target.size() ? chart.target[i] : std::nullopt));
    t.rows.push_back(std::move(row));
  }
  t.align.assign(t.columns(), Align::Right);
  if (!t.align.empty()) t.align[0] = Align::Center;
  return t;
}

}  // namespace dangbo::reports
