#include "reports/PdfDenseRows.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "core/Platform.h"

namespace dangbo::reports::pdf {

DenseRow setRow(const TableRow& row, const std::vector<double>& widths, double size, double indentStep,
                const MeasureText& measure) {
  DenseRow out;
  out.total = row.total;
  for (size_t c = 0; c < row.cells.size() && c < widths.size(); ++c) {
    const Cell& cell = row.cells[c];
    DenseCell set;
    set.bold = row.total || cell.bold;
    set.italic = cell.italic;
    set.indent = cell.indent;
    int lines = 1;
    if (!cell.text.empty())
      lines =
          wrapAtSpaces(cell.text, set.bold, size, widths[c] - cell.indent * indentStep, measure, &set.text);
    out.lines = std::max(out.lines, lines);
    out.cells.push_back(std::move(set));
  }
  return out;
}

namespace {
constexpr char kWidths = 'W', kRow = 'R';

void put(std::FILE* f, const void* data, size_t n) {
  if (n && std::fwrite(data, 1, n, f) != n) throw std::runtime_error("PDF: cannot write the temporary file");
}
template <typename T>
void putValue(std::FILE* f, T v) {
  put(f, &v, sizeof v);
}
void get(std::FILE* f, void* data, size_t n) {
  if (n && std::fread(data, 1, n, f) != n) throw std::runtime_error("PDF: cannot read the temporary file");
}
template <typename T>
T getValue(std::FILE* f) {
  T v{};
  get(f, &v, sizeof v);
  return v;
}
}  // namespace

DenseSpool::DenseSpool(const std::filesystem::path& folder) : file_(core::platform::scratchFile(folder)) {
  if (!file_) throw std::runtime_error("PDF: cannot make a temporary file");
}

DenseSpool::~DenseSpool() {
  std::fclose(file_);
}

void DenseSpool::putWidths(const std::vector<double>& widths) {
  putValue(file_, kWidths);
  putValue(file_, uint32_t(widths.size()));
  put(file_, widths.data(), widths.size() * sizeof(double));
}

void DenseSpool::putRow(const DenseRow& row, double totals, bool hasTotals, bool last) {
  putValue(file_, kRow);
  putValue(file_, uint8_t((row.total ? 1 : 0) | (hasTotals ? 2 : 0) | (last ? 4 : 0)));
  putValue(file_, totals);
  putValue(file_, int32_t(row.lines));
  putValue(file_, uint32_t(row.cells.size()));
  for (const auto& c : row.cells) {
    putValue(file_, uint8_t((c.bold ? 1 : 0) | (c.italic ? 2 : 0)));
    putValue(file_, int32_t(c.indent));
    putValue(file_, uint32_t(c.text.size()));
    put(file_, c.text.data(), c.text.size());
  }
}

void DenseSpool::replay(const std::function<void(const std::vector<double>&)>& widths,
                        const std::function<void(const DenseRow&, double, bool, bool)>& row) {
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)
    throw std::runtime_error("PDF: cannot read the temporary file");
  std::vector<double> w;
  DenseRow r;
  for (int kind; (kind = std::fgetc(file_)) != EOF;) {
    if (kind == kWidths) {
      w.resize(getValue<uint32_t>(file_));
      get(file_, w.data(), w.size() * sizeof(double));
      widths(w);
      continue;
    }
    if (kind != kRow) throw std::runtime_error("PDF: the temporary file is damaged");
    const auto flags = getValue<uint8_t>(file_);
    const auto totals = getValue<double>(file_);
    r.total = flags & 1;
    r.lines = getValue<int32_t>(file_);
    r.cells.resize(getValue<uint32_t>(file_));
    for (auto& c : r.cells) {
      const auto style = getValue<uint8_t>(file_);
      c.bold = style & 1;
      c.italic = style & 2;
      c.indent = getValue<int32_t>(file_);
      c.text.resize(getValue<uint32_t>(file_));
      get(file_, c.text.data(), c.text.size());
    }
    row(r, totals, flags & 2, flags & 4);
  }
}

}  // namespace dangbo::reports::pdf
