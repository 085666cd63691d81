#pragma once
// The rows of a dense table (the register) in the PDF writer. Each cell's text is broken into lines at spaces
// with the table's cached word widths (TableLayout's wrapAtSpaces, the lines wrappedLines counts), so that a
// row's height is known without Pango setting it; the row is drawn on those lines (PdfGlyphs: each word
// shaped once). The pass that counts the pages keeps the rows it set in a spool (a temporary file) that the
// pass drawing them reads back: the rows are read from the register once, and never held whole.
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "reports/Document.h"
#include "reports/TableLayout.h"

namespace dangbo::reports::pdf {

/// A body cell set in its column: its words, "\n" where a line ends.
struct DenseCell {
  std::string text;
  bool bold = false;
  bool italic = false;
  int indent = 0;
};

/// A body row set in its columns.
struct DenseRow {
  std::vector<DenseCell> cells;
  int lines = 1;  ///< the most lines of its cells
  bool total = false;
};

/// `row` set in columns whose text is `widths` points wide (without padding) at `size`; a cell indented by
/// `indentStep` points a step.
DenseRow setRow(const TableRow& row, const std::vector<double>& widths, double size, double indentStep,
                const MeasureText& measure);

/// The rows of a dense table as the counting pass set them, in a temporary file, for the drawing pass; with
/// the columns' widths where they change (DenseColumns::widen).
class DenseSpool {
 public:
  /// A scratch file in `folder` (core::platform::scratchFile: beside the PDF being written; empty: the
  /// system's temporary folder). Throws std::runtime_error when none can be made.
  explicit DenseSpool(const std::filesystem::path& folder);
  ~DenseSpool();
  DenseSpool(const DenseSpool&) = delete;
  DenseSpool& operator=(const DenseSpool&) = delete;
  /// The columns are `widths` wide from the next row on.
  void putWidths(const std::vector<double>& widths);
  /// A row, with the height of the total rows after it (`totals`, when `hasTotals`) and whether it is the
  /// last.
  void putRow(const DenseRow& row, double totals, bool hasTotals, bool last);
  /// Reads the spool from its start, calling widths(w) and row(row, totals, hasTotals, last) in order.
  void replay(const std::function<void(const std::vector<double>&)>& widths,
              const std::function<void(const DenseRow&, double, bool, bool)>& row);

 private:
  std::FILE* file_;
};

}  // namespace dangbo::reports::pdf
