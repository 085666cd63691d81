#include "reports/TableLayout.h"

#include <algorithm>
#include <cmath>

namespace dangbo::reports {

namespace {

// Widths scale with the font size (metrics are not hinted), so every text is measured once at this size.
constexpr double kReferenceSize = 10;
// A table of this many rows or more is a list whose columns are sized to take the fewest lines.
constexpr size_t kLongTable = 40;
constexpr double kLongTableSize = 11;

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

// Grows `from` towards `to` by `room`, in proportion to what each column lacks.
std::vector<double> grow(std::vector<double> from, const std::vector<double>& to, double room) {
  double lack = 0;
  for (size_t c = 0; c < from.size(); ++c) lack += to[c] - from[c];
  if (lack > 0)
    for (size_t c = 0; c < from.size(); ++c) from[c] += room * (to[c] - from[c]) / lack;
  return from;
}

// The least width of a body cell: its longest word, or all of it when it is a figure or a short label
// ("Tháng 10", "Quý II") that reads as one word and must not wrap.
double leastWidth(const Cell& cell, const TextExtent& e, double size) {
  constexpr double kShortLabel = 4.5;  // ems
  if (cell.kind != CellKind::Text) return e.natural;
  // A label with some to spare: the PDF writer's Pango finds "Tháng 10" wider than the sum of its words.
  if (e.natural <= kShortLabel * size) return e.natural * 1.1;
  return e.word;
}

}  // namespace

ColumnPlan planColumns(const Table& t, double width, double size, double minSize, double pad,
                       const MeasureText& measure) {
  const size_t n = t.columns();
  // At the reference size: natural (everything on one line), body (the body on one line, the header
  // wrapped at spaces), least (everything wrapped at spaces, figures on one line).
  std::vector<double> natural(n, 0), body(n, 0), least(n, 0);
  for (const auto& row : t.header) {
    size_t c = 0;
    for (const auto& cell : row) {
      if (c >= n) break;
      if (cell.span == 1) {
        const TextExtent e = measure(cell.text, true, kReferenceSize);
        natural[c] = std::max(natural[c], e.natural);
        body[c] = std::max(body[c], e.word);
        least[c] = std::max(least[c], e.word);
      }
      c += size_t(cell.span);
    }
  }
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.cells.size() && c < n; ++c) {
      const Cell& cell = row.cells[c];
      const TextExtent e = measure(cell.text, row.total, kReferenceSize);
      natural[c] = std::max(natural[c], e.natural);
      body[c] = std::max(body[c], e.natural);
      least[c] = std::max(least[c], leastWidth(cell, e, kReferenceSize));
    }
  ColumnPlan plan;
  plan.widths.assign(n, 0);
  plan.size = size;
  if (n == 0) return plan;
  auto at = [&](const std::vector<double>& v, double s) {
    std::vector<double> out(n);
    for (size_t c = 0; c < n; ++c) out[c] = v[c] * s / kReferenceSize + pad;
    return out;
  };
  // The largest size, in half points, at which the longest words fit; a long list whose rows wrap starts
  // smaller, so that its rows take fewer lines (the badge proposals: 10 members a page at 13 points).
  double s = size;
  if (t.rows.size() >= kLongTable && sum(at(body, size)) > width)
    s = std::max(minSize, std::min(size, kLongTableSize));
  while (s - 0.5 >= minSize - 1e-9 && sum(at(least, s)) > width) s -= 0.5;
  plan.size = s;
  auto lo = at(least, s), mid = at(body, s), hi = at(natural, s);
  for (size_t c = 0; c < n; ++c) {
    mid[c] = std::max(mid[c], lo[c]);
    hi[c] = std::max(hi[c], mid[c]);
  }
  if (sum(hi) <= width) {
    // Room to spare: the label column takes half of it, the rest is shared out evenly.
    const double spare = width - sum(hi);
    for (size_t c = 0; c < n; ++c)
      plan.widths[c] = hi[c] + spare * (n == 1 ? 1.0 : c == 0 ? 0.5 : 0.5 / double(n - 1));
  } else if (sum(mid) <= width) {
    plan.widths = grow(mid, hi, width - sum(mid));
  } else if (sum(lo) <= width && t.rows.size() >= kLongTable) {
    // A long list (the badge proposals): the room goes where it saves the most lines, as for a dense table.
    const double planned = plan.size;
    plan = planDenseColumns(t, width, planned, pad, measure, true);
  } else if (sum(lo) <= width) {
    plan.widths = grow(lo, mid, width - sum(lo));
  } else {
    plan.wordsFit = false;
    const double total = sum(lo);
    for (size_t c = 0; c < n; ++c) plan.widths[c] = lo[c] * width / total;
  }
  return plan;
}

size_t denseSampleEvery(size_t rows) {
  return rows <= kDenseSampleRows ? 1 : (rows + kDenseSampleRows - 1) / kDenseSampleRows;
}

ColumnPlan planDenseColumns(const Table& t, double width, double size, double pad, const MeasureText& measure,
                            bool wholeLabels, double maxAverage, bool sampled) {
  const size_t n = t.columns();
  ColumnPlan plan;
  plan.size = size;
  plan.widths.assign(n, pad);
  if (n == 0) return plan;
  // Every row's longest word for the least widths; a sample of at most 800 rows (and the header rows) for
  // where the room goes.
  // Wrapping at spaces fills a line to about kSlack less than its width; kOverLines and kCellOver weigh the
  // lines over maxAverage (see the cost below).
  constexpr double kSlack = 1.08, kOverLines = 100, kCellOver = 0.25;
  std::vector<double> least(n, 0);
  std::vector<std::vector<double>> sample;
  // With `sampled`, the rows read are every `every`-th of the table: the sample for the room is taken among
  // them, each standing for every * stride rows.
  const size_t every = sampled ? denseSampleEvery(t.rowCount()) : 1;
  const size_t read = (t.rowCount() + every - 1) / every;
  const size_t stride = std::max<size_t>(1, read / 800), span = stride * every;
  size_t r = 0;
  t.forEachSampledRow(every, [&](const TableRow& row) {
    std::vector<double> nat(n, 0);
    for (size_t c = 0; c < row.cells.size() && c < n; ++c) {
      const TextExtent e = measure(row.cells[c].text, row.total, size);
      least[c] = std::max(least[c], wholeLabels                           ? leastWidth(row.cells[c], e, size)
                                    : row.cells[c].kind == CellKind::Text ? e.word
                                                                          : e.natural);
      nat[c] = row.cells[c].kind == CellKind::Text ? e.natural * kSlack : 0;
    }
    if (r++ % stride == 0) sample.push_back(std::move(nat));
  });
  const size_t bodySamples = sample.size();
  for (const auto& row : t.header) {
    std::vector<double> nat(n, 0);
    size_t c = 0;
    for (const auto& cell : row) {
      if (c < n && cell.span == 1) {
        const TextExtent e = measure(cell.text, true, size);
        least[c] = std::max(least[c], e.word);
        nat[c] = e.natural * kSlack;
      }
      c += size_t(cell.span);
    }
    sample.push_back(std::move(nat));
  }
  std::vector<double> w(n);
  for (size_t c = 0; c < n; ++c) w[c] = least[c] + pad;
  plan.least = w;
  double room = width - sum(w);
  if (room < 0) {
    plan.wordsFit = false;
    const double total = sum(w);
    for (size_t c = 0; c < n; ++c) plan.widths[c] = w[c] * width / total;
    return plan;
  }
  // The fewest lines a row can take: for L = 1, 2, 3, ... lines, each column as wide as its texts need to
  // take at most L lines in all sampled rows, else in 95, 90, ... 50 percent of them; the first plan that
  // fits.
  std::vector<std::vector<double>> sorted(n);
  for (size_t c = 0; c < n; ++c) {
    // Empty cells count: a column filled in a few rows only needs no room in the others.
    for (size_t r = 0; r < bodySamples; ++r) sorted[c].push_back(sample[r][c]);
    std::sort(sorted[c].begin(), sorted[c].end());
  }
  bool found = false;
  for (double L = 1; L <= 6 && !found; ++L)
    for (double q : {1.0, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5}) {
      std::vector<double> trial(n);
      for (size_t c = 0; c < n; ++c) {
        const auto& v = sorted[c];
        const double need =
            v.empty() ? 0 : v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))] / L;
        trial[c] = std::max(least[c], need) + pad;
      }
      if (sum(trial) <= width) {
        w = trial;
        room = width - sum(w);
        found = true;
        break;
      }
    }
  // What is left goes to the columns in proportion to their text.
  std::vector<double> text(n, 0);
  for (const auto& row : sample)
    for (size_t c = 0; c < n; ++c) text[c] += row[c];
  const double all = sum(text);
  for (size_t c = 0; c < n; ++c) w[c] += all > 0 ? room * text[c] / all : room / double(n);
  // Then width moves from one column to another while that saves lines: the sampled rows' lines, and the
  // header's once per page (about 20 rows).
  const double headerWeight = std::max(1.0, double(t.rowCount()) / 20.0 / double(span));
  auto lines = [&](double nat, double wc) {
    return nat <= 0 ? 1.0 : std::max(1.0, std::ceil(nat / std::max(1.0, wc - pad) - 1e-9));
  };
  // With maxAverage, the sampled rows in windows of about a page (at least four samples) whose lines average
  // more than that cost a hundred lines for each line over, for each row.
  const size_t window = std::min(bodySamples, std::max<size_t>(4, (20 + span - 1) / span));
  std::vector<double> rowLines(bodySamples);
  auto cost = [&](const std::vector<double>& widths) {
    double total = 0;
    for (size_t r = 0; r < sample.size(); ++r) {
      double most = 1;
      double over = 0;  // each cell's lines over the average: a step that shortens one cell counts
      for (size_t c = 0; c < n; ++c) {
        const double l = lines(sample[r][c], widths[c]);
        most = std::max(most, l);
        over += std::max(0.0, l - maxAverage);
      }
      if (r < bodySamples) rowLines[r] = most + (maxAverage > 0 ? kCellOver * over : 0);
      total += most * (r < bodySamples ? 1.0 : headerWeight);
    }
    if (maxAverage > 0 && window > 0) {
      double run = 0;
      for (size_t r = 0; r < bodySamples; ++r) {
        run += rowLines[r];
        if (r >= window) run -= rowLines[r - window];
        if (r + 1 >= window && run > maxAverage * double(window))
          total += kOverLines * (run - maxAverage * double(window));
      }
    }
    return total;
  };
  double now = cost(w);
  for (int sweep = 0; sweep < 40; ++sweep) {
    bool moved = false;
    for (double step : {40.0, 20.0, 10.0, 5.0})
      for (size_t to = 0; to < n; ++to)
        for (size_t from = 0; from < n; ++from) {
          if (from == to || w[from] - step < least[from] + pad) continue;
          auto trial = w;
          trial[from] -= step;
          trial[to] += step;
          const double c = cost(trial);
          if (c < now - 1e-9) {
            w = std::move(trial);
            now = c;
            moved = true;
          }
        }
    if (!moved) break;
  }
  plan.widths = w;
  return plan;
}

DenseColumns::DenseColumns(ColumnPlan plan, double pad, MeasureText measure)
    : plan_(std::move(plan)), pad_(pad), measure_(std::move(measure)) {
  if (plan_.least.size() != plan_.widths.size()) plan_.least.assign(plan_.widths.size(), pad_);
}

std::vector<double> DenseColumns::textWidths() const {
  std::vector<double> out;
  for (double w : plan_.widths) out.push_back(w - pad_);
  return out;
}

bool DenseColumns::widen(const TableRow& row) {
  auto& w = plan_.widths;
  auto& least = plan_.least;
  const size_t n = w.size();
  std::vector<bool> over(n, false);
  double extra = 0;
  for (size_t c = 0; c < row.cells.size() && c < n; ++c) {
    const Cell& cell = row.cells[c];
    if (cell.text.empty()) continue;
    const TextExtent e = measure_(cell.text, row.total, plan_.size);
    const double need = (cell.kind == CellKind::Text ? e.word : e.natural) + pad_;
    // (Once the words no longer fit, columns are narrower than their longest word: only a longer word
    // counts.)
    const bool wider = need > std::max(w[c], least[c]) + 1e-9;
    least[c] = std::max(least[c], need);
    if (wider) {
      over[c] = true;
      extra += need - w[c];
      w[c] = need;
    }
  }
  if (extra <= 0) return false;
  // The width comes from the other columns, each giving in proportion to its room over its longest word.
  double room = 0;
  for (size_t c = 0; c < n; ++c)
    if (!over[c]) room += std::max(0.0, w[c] - least[c]);
  if (room >= extra) {
    for (size_t c = 0; c < n; ++c)
      if (!over[c]) w[c] -= extra * std::max(0.0, w[c] - least[c]) / room;
  } else {
    // Even the longest words no longer fit: every column as its longest word, shrunk to the width.
    plan_.wordsFit = false;
    const double width = sum(w) - extra, total = sum(least);
    for (size_t c = 0; c < n; ++c) w[c] = least[c] * width / total;
  }
  return true;
}

double denseRowsLines(double room, double lineHeight, double rowExtra) {
  constexpr double kHeaderLines = 6;
  return ((room - kHeaderLines * lineHeight - rowExtra) / double(kDenseRowsAPage) - rowExtra) / lineHeight;
}

namespace {
// Words set one after another in lines `width` points wide, a space `space` wide between two on a line; a
// word wider than the line takes a line of its own.
class LineFill {
 public:
  LineFill(double space, double width) : space_(space), width_(width) {}
  // Places the next word, `w` wide: what goes before it (nothing, a space or the end of a line).
  char place(double w) {
    char before = 0;
    if (used_ < 0) {
      used_ = w;
    } else if (used_ + space_ + w <= width_) {
      used_ += space_ + w;
      before = ' ';
    } else {
      ++lines_;
      used_ = w;
      before = '\n';
    }
    return before;
  }
  int lines() const { return lines_; }

 private:
  double space_, width_;
  int lines_ = 1;
  double used_ = -1;  // the current line's width; -1: nothing on it yet
};

// Most cells fit their column on one line: measured whole, their words need not be set one by one (the whole
// is at least as wide as the words and single spaces between them; a little is spared for rounding).
bool fitsOneLine(double natural, double width) {
  return natural <= width - 1e-6;
}
}  // namespace

int wrapAtSpaces(const std::string& text, bool bold, double size, double width, const MeasureText& measure,
                 std::string* wrapped) {
  if (fitsOneLine(measure(text, bold, size).natural, width)) {
    if (wrapped) *wrapped = text;
    return 1;
  }
  if (wrapped) wrapped->clear();
  LineFill fill(measure(" ", bold, size).natural, width);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      const char before =
          fill.place(measure(std::string_view(text).substr(start, end - start), bold, size).natural);
      if (wrapped) {
        if (before) wrapped->push_back(before);
        wrapped->append(text, start, end - start);
      }
    }
    start = end + 1;
  }
  return fill.lines();
}

MeasuredWords measureWords(const std::string& text, bool bold, double size, const MeasureText& measure) {
  MeasuredWords out;
  out.natural = measure(text, bold, size).natural;
  out.space = measure(" ", bold, size).natural;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start)
      out.words.push_back(measure(std::string_view(text).substr(start, end - start), bold, size).natural);
    start = end + 1;
  }
  return out;
}

int wrappedLines(const MeasuredWords& text, double width) {
  if (fitsOneLine(text.natural, width)) return 1;
  LineFill fill(text.space, width);
  for (double w : text.words) fill.place(w);
  return fill.lines();
}

int wrappedLines(const std::string& text, bool bold, double size, double width, const MeasureText& measure) {
  return wrapAtSpaces(text, bold, size, width, measure, nullptr);
}

namespace {
// The ranges [first, last) of the rows of `t` that `cut` puts on each page.
std::vector<std::pair<size_t, size_t>> cutPages(const Table& t, PageCutter& cut) {
  std::vector<std::pair<size_t, size_t>> pages;
  size_t first = 0, r = 0;
  t.forEachRow([&](const TableRow& row) {
    if (cut.add(row)) {
      pages.emplace_back(first, r);
      first = r;
    }
    ++r;
  });
  if (first < r) pages.emplace_back(first, r);
  return pages;
}
}  // namespace

PageCutter::PageCutter(const Table& t, std::vector<double> textWidths, double size, double lineHeight,
                       double rowExtra, double firstRoom, double room, MeasureText measure)
    : textWidths_(std::move(textWidths)),
      size_(size),
      lineHeight_(lineHeight),
      rowExtra_(rowExtra),
      room_(room),
      limit_(firstRoom),
      firstRoom_(firstRoom),
      measure_(std::move(measure)) {
  headerRows_ = t.header;
  for (const auto& row : headerRows_) header_ += height(row, true);
  used_ = header_;
}

void PageCutter::restartPage(std::vector<double> textWidths) {
  textWidths_ = std::move(textWidths);
  header_ = 0;
  for (const auto& row : headerRows_) header_ += height(row, true);
  onPage_ = 0;
  used_ = header_;
}

DenseColumns DenseColumns::planFor(const std::vector<std::vector<Cell>>& header,
                                   const std::vector<TableRow>& rows) const {
  Table page;
  page.dense = true;
  page.header = header;
  page.rows = rows;
  ColumnPlan plan = planDenseColumns(page, sum(plan_.widths), plan_.size, pad_, measure_);
  if (plan.widths.size() != plan_.widths.size()) return *this;
  return DenseColumns(std::move(plan), pad_, measure_);
}

bool DenseColumns::shift(size_t from, size_t to, double points) {
  auto& w = plan_.widths;
  if (from == to || from >= w.size() || to >= w.size() || w[from] - points < plan_.least[from] - 1e-9)
    return false;
  w[from] -= points;
  w[to] += points;
  return true;
}

DensePager::DensePager(DenseColumns columns, PageCutter cut, WritePage page, size_t leastRows)
    : columns_(std::move(columns)), cut_(std::move(cut)), page_(std::move(page)), leastRows_(leastRows) {}

void DensePager::flush(size_t rows) {
  std::vector<TableRow> rest(std::make_move_iterator(pending_.begin() + ptrdiff_t(rows)),
                             std::make_move_iterator(pending_.end()));
  pending_.resize(rows);
  page_(pending_, columns_);
  ++written_;
  pending_ = std::move(rest);
}

void DensePager::add(const TableRow& row) {
  place(row);
}

// Writes the page filled so far and starts the next, in the table's columns again.
void DensePager::newPage() {
  flush(pending_.size());
  planned_ = false;
  if (table_) {
    columns_ = std::move(*table_);
    table_.reset();
    cut_.restartPage(columns_.textWidths());
  }
}

void DensePager::place(TableRow row) {
  if (gathering_) {
    pending_.push_back(std::move(row));
    if (pending_.size() >= leastRows_) settle();
    return;
  }
  if (columns_.widen(row)) {
    // The page being filled takes the wider columns: its rows are counted again (a page may then fill).
    cut_.restartPage(columns_.textWidths());
    std::vector<TableRow> held = std::move(pending_);
    pending_.clear();
    for (auto& r : held) {
      if (cut_.add(r)) flush(pending_.size());
      pending_.push_back(std::move(r));
    }
  }
  if (cut_.add(row)) {
    if (!planned_ && pending_.size() < leastRows_) {
      // A short page: its rows and the next ones are planned together before it is cut.
      gathering_ = true;
      pending_.push_back(std::move(row));
      if (pending_.size() >= leastRows_) settle();
      return;
    }
    newPage();
    // (Back in the table's columns, the row is placed in them afresh.)
    if (cut_.onPage() == 0) return place(std::move(row));
  }
  pending_.push_back(std::move(row));
}

// How well `columns` take `rows` on the page being filled: the rows that fit, then the less height they take
// (negated: the larger pair is the better).
std::pair<size_t, double> DensePager::fitting(const DenseColumns& columns,
                                              const std::vector<TableRow>& rows) const {
  PageCutter probe = cut_;
  probe.restartPage(columns.textWidths());
  size_t n = 0;
  double used = probe.used();
  for (const auto& r : rows) {
    if (probe.add(r)) break;
    ++n;
    used = probe.used();
  }
  return {n, -used};
}

namespace {

// The lines of `rows` (the first of them the header rows) set in `widths`: each row as many as its cell of
// the most lines.
double pageLines(const std::vector<std::vector<int>>& cells) {
  double all = 0;
  for (const auto& row : cells) all += *std::max_element(row.begin(), row.end());
  return all;
}

// Moves width between the columns of `own` a point or a few at a time while that makes the page's rows and
// header take fewer lines (counted as `cut` counts them): the plan of a few rows by their sampled widths is
// coarse (steps of 5 points), and a page of long rows gains a row or two here.
void fitColumns(DenseColumns& own, const PageCutter& cut, const std::vector<TableRow>& rows) {
  const size_t n = own.widths().size();
  if (n < 2) return;
  const auto& header = cut.headerRows();
  // Every cell's words measured once: their lines are counted in each trial's widths.
  std::vector<std::vector<MeasuredWords>> body(rows.size()), head(header.size());
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].cells.size() && c < n; ++c)
      body[r].push_back(cut.measured(rows[r].cells[c], rows[r].total));
  for (size_t r = 0; r < header.size(); ++r)
    for (const auto& cell : header[r]) head[r].push_back(cut.measured(cell, true));
  // lines[r][c] of the body rows; the header rows (whose cells may span columns) counted whole each time.
  auto bodyLines = [&](const std::vector<double>& text, std::vector<std::vector<int>>& lines, size_t c) {
    for (size_t r = 0; r < rows.size(); ++r)
      lines[r][c] = c < body[r].size() ? cut.lines(body[r][c], text[c]) : 1;
  };
  auto headerLines = [&](const std::vector<double>& text) {
    double all = 0;
    for (size_t r = 0; r < header.size(); ++r) {
      int most = 1;
      size_t c = 0;
      for (size_t i = 0; i < header[r].size(); ++i) {
        const Cell& cell = header[r][i];
        double w = 0;
        for (size_t k = 0; k < size_t(cell.span) && c + k < n; ++k) w += text[c + k];
        if (cell.rowSpan != 0) most = std::max(most, cut.lines(head[r][i], w));
        c += size_t(cell.span);
      }
      all += most;
    }
    return all;
  };
  std::vector<double> text = own.textWidths();
  std::vector<std::vector<int>> lines(rows.size(), std::vector<int>(n, 1));
  for (size_t c = 0; c < n; ++c) bodyLines(text, lines, c);
  double now = pageLines(lines) + headerLines(text);
  constexpr int kSweeps = 8;
  std::vector<std::vector<int>> l;  // a trial's lines (kept from one trial to the next: no allocation)
  for (int sweep = 0; sweep < kSweeps; ++sweep) {
    bool moved = false;
    for (double step : {4.0, 2.0, 1.0})
      for (size_t to = 0; to < n; ++to)
        for (size_t from = 0; from < n; ++from) {
          DenseColumns trial = own;
          if (!trial.shift(from, to, step)) continue;
          std::vector<double> t = trial.textWidths();
          l = lines;
          bodyLines(t, l, from);
          bodyLines(t, l, to);
          const double c = pageLines(l) + headerLines(t);
          if (c < now - 1e-9) {
            own = std::move(trial);
            text = std::move(t);
            lines.swap(l);
            now = c;
            moved = true;
          }
        }
    if (!moved) break;
  }
}

}  // namespace

// The gathered rows of a short page: planned on their own when that fits more of them on the page, then
// placed again (the page now cut where it fills).
void DensePager::settle() {
  gathering_ = false;
  planned_ = true;
  std::vector<TableRow> held = std::move(pending_);
  pending_.clear();
  // The cut that made the page short opened the next: the page is counted again in its own room (the first
  // page's under the document's opening).
  cut_.restartPage(columns_.textWidths());
  cut_.setFirstPage(written_ == 0);
  // The candidates: columns planned from these rows alone, the page's columns and those of the last page that
  // had its own (a run of long rows goes on over pages), each widened for the rows' words and then moved a
  // point at a time while that saves lines. (From the plan of 20 rows alone, the moves could stop at every
  // row on three lines where the next page's columns set the same rows on two: 15 members a page at a
  // million.)
  std::vector<DenseColumns> candidates{columns_.planFor(cut_.headerRows(), held), columns_};
  if (lastOwn_) candidates.push_back(*lastOwn_);
  auto best = fitting(columns_, held);
  std::optional<DenseColumns> chosen;
  for (auto& c : candidates) {
    for (const auto& r : held) c.widen(r);
    fitColumns(c, cut_, held);
    const auto f = fitting(c, held);
    if (f > best) {
      best = f;
      chosen = std::move(c);
    }
  }
  if (chosen) {
    lastOwn_ = *chosen;
    if (!table_) table_ = std::move(columns_);
    columns_ = std::move(*chosen);
  }
  cut_.restartPage(columns_.textWidths());
  for (auto& r : held) place(std::move(r));
}

void DensePager::finish() {
  if (gathering_) settle();
  if (!pending_.empty()) flush(pending_.size());
}

double PageCutter::height(const std::vector<Cell>& cells, bool bold) const {
  int most = 1;
  size_t c = 0;
  bool empty = false;
  for (const auto& cell : cells) {
    double w = 0;
    for (size_t k = 0; k < size_t(cell.span) && c + k < textWidths_.size(); ++k) w += textWidths_[c + k];
    if (!cell.text.empty()) most = std::max(most, wrappedLines(cell.text, bold, size_, w - slack_, measure_));
    empty = empty || cell.text.empty();
    c += size_t(cell.span);
  }
  empty = empty || c < textWidths_.size();  // (the cells a row lacks are written empty)
  return std::max(double(most) * lineHeight_, empty ? emptyCell_ : 0.0) + rowExtra_;
}

int PageCutter::lines(const Cell& cell, bool bold, double width) const {
  return cell.text.empty() ? 1 : wrappedLines(cell.text, bold, size_, width - slack_, measure_);
}

MeasuredWords PageCutter::measured(const Cell& cell, bool bold) const {
  return measureWords(cell.text, bold, size_, measure_);
}

int PageCutter::lines(const MeasuredWords& text, double width) const {
  return wrappedLines(text, width - slack_);
}

void PageCutter::setWidthSlack(double points) {
  slack_ = points;
  header_ = 0;
  for (const auto& row : headerRows_) header_ += height(row, true);
  if (onPage_ == 0) used_ = header_;
}

void PageCutter::setEmptyCellHeight(double points) {
  emptyCell_ = points;
  header_ = 0;
  for (const auto& row : headerRows_) header_ += height(row, true);
  if (onPage_ == 0) used_ = header_;
}

bool PageCutter::add(const TableRow& row) {
  const double h = height(row.cells, row.total);
  bool opens = false;
  if (onPage_ > 0 && used_ + h > limit_) {
    opens = true;
    onPage_ = 0;
    used_ = header_;
    limit_ = room_;
  }
  used_ += h;
  ++onPage_;
  return opens;
}

std::vector<std::pair<size_t, size_t>> pageRows(const Table& t, const std::vector<double>& textWidths,
                                                double size, double lineHeight, double rowExtra,
                                                double firstRoom, double room, const MeasureText& measure) {
  PageCutter cut(t, textWidths, size, lineHeight, rowExtra, firstRoom, room, measure);
  return cutPages(t, cut);
}

namespace {
// Lines of Times New Roman (Liberation Serif) in single spacing, the row's border; the first page also holds
// the heading, the title lines and the sentence above the table.
constexpr double kFill = 0.97, kLine = 1.16, kBorder = 1.0, kOpening = 210;
}  // namespace

double densePageLines(double size, double pageHeight) {
  return denseRowsLines(kFill * pageHeight, kLine * size, kBorder);
}

PageCutter densePageCutter(const Table& t, const std::vector<double>& widths, double pad, double size,
                           double pageHeight) {
  static const MeasureText measure = pangoMeasure();
  std::vector<double> textWidths;
  for (double w : widths) textWidths.push_back(w - pad);
  const double room = kFill * pageHeight;
  return PageCutter(t, std::move(textWidths), size, kLine * size, kBorder, room - kOpening, room, measure);
}

std::vector<std::pair<size_t, size_t>> densePageRows(const Table& t, const std::vector<double>& widths,
                                                     double pad, double size, double pageHeight) {
  PageCutter cut = densePageCutter(t, widths, pad, size, pageHeight);
  return cutPages(t, cut);
}

std::string keepLastWordsTogether(const std::string& text) {
  const size_t last = text.rfind(' ');
  if (last == std::string::npos || last == 0) return text;
  return text.substr(0, last) + "\xC2\xA0" + text.substr(last + 1);
}

}  // namespace dangbo::reports
