#pragma once
// Column widths of a table, shared by the PDF and DOCX writers: every column at least as wide as its
// longest word (so no word is broken inside a syllable), numbers on one line, the room left shared out
// to the columns whose text would otherwise wrap. When even the longest words do not fit, the font is
// made smaller (down to a floor) before any word would have to break.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reports/Document.h"

namespace dangbo::reports {

/// The width of a text set in one line, and the width of its longest word (split at spaces), in points,
/// at the given font size.
struct TextExtent {
  double natural = 0;
  double word = 0;
};

/// Measures a text in the table's font: (text, bold, size in points) -> its extent.
using MeasureText = std::function<TextExtent(std::string_view, bool, double)>;

/// The table's column widths and the font size that fits them.
struct ColumnPlan {
  std::vector<double> widths;  ///< points, summing to the width given
  double size = 0;             ///< font size of the table's text, points
  bool wordsFit = true;        ///< every word fits its column at `size` (false only below the floor)
  /// planDenseColumns: each column's least width (its longest word in the rows sized from, pad included).
  std::vector<double> least{};
};

/// Plans the columns of `t` in `width` points: font `size` first, then smaller by half points down to
/// `minSize` while the longest words do not fit. `pad` is added to every column (cell padding and border).
ColumnPlan planColumns(const Table& t, double width, double size, double minSize, double pad,
                       const MeasureText& measure);

/// Plans the columns of a dense table (a long list such as the register) at the font `size`: every column
/// at least as wide as its longest word, and as wide as the rows need to take the fewest lines (judged on a
/// sample of them); what is left is shared out in proportion to the columns' text. With `wholeLabels`, a
/// short label ("Tháng 10") is kept on one line like a figure. With `maxAverage`, rows that follow one
/// another (about a page of them) and take more lines on average than that cost a hundred times more for each
/// line over: a run of long rows (the members of the commune among a province's, a handful of the sampled
/// rows) is not left to take five lines each and fill pages of a dozen members.
///
/// With `sampled`, a table of more than kDenseSampleRows rows is sized from every denseSampleEvery()-th row
/// (Table::forEachSampledRow: a reading of a few thousand rows spread over the whole register, not of every
/// row); its writer widens the columns for a later row with a wider word (DenseColumns). Without it, or for
/// fewer rows, every row is read.
ColumnPlan planDenseColumns(const Table& t, double width, double size, double pad, const MeasureText& measure,
                            bool wholeLabels = false, double maxAverage = 0, bool sampled = false);

/// The rows a dense table is sized from at most (planDenseColumns with `sampled`).
inline constexpr size_t kDenseSampleRows = 4000;
/// The step between the rows a dense table of `rows` rows is sized from (1: every row).
size_t denseSampleEvery(size_t rows);

/// The columns of a dense table sized from a sample of its rows, widened as the rows are written when one
/// holds a word wider than its column (a longer name than any sampled): that column made as wide as the word,
/// the width taken from the others in proportion to their room over their own longest word, so that no word
/// breaks. The writer opens a new page (with the new widths) for the row that widened them.
class DenseColumns {
 public:
  /// The plan of planDenseColumns (not wholeLabels); `pad` as given to it.
  DenseColumns(ColumnPlan plan, double pad, MeasureText measure);
  /// True when `row` holds a word wider than its column: the columns are widened for it.
  bool widen(const TableRow& row);
  /// The columns' widths (points, pad included), summing to the table's width.
  const std::vector<double>& widths() const { return plan_.widths; }
  /// The widths of their text (without the pad).
  std::vector<double> textWidths() const;
  /// The font size of the plan.
  double size() const { return plan_.size; }
  /// Columns of the same width in all and the same font planned from `rows` alone under `header` (a page's
  /// rows): for a run of long rows that the sample of the whole table did not see.
  DenseColumns planFor(const std::vector<std::vector<Cell>>& header, const std::vector<TableRow>& rows) const;
  /// Moves `points` of width from column `from` to column `to`; false (nothing moved) when `from` would be
  /// narrower than its longest word.
  bool shift(size_t from, size_t to, double points);

 private:
  ColumnPlan plan_;
  double pad_;
  MeasureText measure_;
};

/// The rows a page of a dense table holds at least (its writers' DensePager).
inline constexpr size_t kDenseRowsAPage = 20;

/// The lines a dense table's rows may take on average for 20 of them to fit a page of `room` points under a
/// header of six lines, each line `lineHeight` and each row `rowExtra` more (planDenseColumns' maxAverage).
double denseRowsLines(double room, double lineHeight, double rowExtra);

/// The lines `text` takes wrapped at spaces in a column `width` points wide (a word wider than the column
/// takes a line of its own); at least 1.
int wrappedLines(const std::string& text, bool bold, double size, double width, const MeasureText& measure);
/// wrappedLines, with `text` so wrapped put in `wrapped` (when not null): its words joined by single spaces,
/// a
/// "\n" where a line ends (the text unchanged when it fits on one line).
int wrapAtSpaces(const std::string& text, bool bold, double size, double width, const MeasureText& measure,
                 std::string* wrapped);

/// A text's widths as wrapAtSpaces reads them, measured once for a text whose lines are counted in many
/// widths (a page's columns moved a point at a time).
struct MeasuredWords {
  double natural = 0;           ///< the text on one line
  double space = 0;             ///< a space
  std::vector<double> words{};  ///< its words (split at spaces), in order
};
/// `text` (bold or not, at `size` points) measured as wrapAtSpaces measures it.
MeasuredWords measureWords(const std::string& text, bool bold, double size, const MeasureText& measure);
/// wrappedLines for a text measured by measureWords: the same lines in a column `width` points wide.
int wrappedLines(const MeasuredWords& text, double width);

/// The rows of a long dense table cut into pages, for writers whose reader lays out one huge table slowly
/// (LibreOffice takes minutes for the register of a province as one table, seconds as tables of a page):
/// ranges [first, last) of `t.rows`, each as many rows as fit under the header rows in `room` points (the
/// first page `firstRoom`). A row is as high as its cell with the most lines (at `size` in the column's text
/// width `textWidths[c]`, points) times `lineHeight`, plus `rowExtra`; every page holds at least one row.
std::vector<std::pair<size_t, size_t>> pageRows(const Table& t, const std::vector<double>& textWidths,
                                                double size, double lineHeight, double rowExtra,
                                                double firstRoom, double room, const MeasureText& measure);

/// Cuts the rows of a long dense table into pages one row at a time, as pageRows does, for a writer that
/// reads its rows as it writes them (Table::rowSource).
class PageCutter {
 public:
  /// The table's header rows and the measures of pageRows.
  PageCutter(const Table& t, std::vector<double> textWidths, double size, double lineHeight, double rowExtra,
             double firstRoom, double room, MeasureText measure);
  /// Takes the next row; true when it opens a new page (never for the first row).
  bool add(const TableRow& row);
  /// The columns are now `textWidths` wide (DenseColumns::widen): the page being filled is counted afresh,
  /// empty (its rows are added again).
  void restartPage(std::vector<double> textWidths);
  /// The height (points) of the page being filled so far, its header rows included.
  double used() const { return used_; }
  /// A row with an empty cell is at least `points` high (its line as high as the cell's style's text).
  void setEmptyCellHeight(double points);
  /// Counts the lines of a cell in its column made `points` narrower: for a reader that sets the columns a
  /// little narrower than planned (LibreOffice's HTML import takes their widths in whole pixels), so that a
  /// text just fitting its column is counted on one more line rather than running the table over its page.
  void setWidthSlack(double points);
  /// The table's header rows.
  const std::vector<std::vector<Cell>>& headerRows() const { return headerRows_; }
  /// The lines of a cell's text in a column whose text is `width` points wide, as the page cut counts them.
  int lines(const Cell& cell, bool bold, double width) const;
  /// A cell's text measured once, as lines() measures it, for lines(const MeasuredWords&, ...).
  MeasuredWords measured(const Cell& cell, bool bold) const;
  /// lines() for a cell measured by measured(): the same count.
  int lines(const MeasuredWords& text, double width) const;
  /// The rows taken on the page being filled.
  size_t onPage() const { return onPage_; }
  /// The page being filled is counted in the room of the table's first page (`first`) or of a later one: for
  /// a writer that took back a page after add() had opened the next (DensePager's short first page).
  void setFirstPage(bool first) { limit_ = first ? firstRoom_ : room_; }

 private:
  std::vector<std::vector<Cell>> headerRows_;
  double height(const std::vector<Cell>& cells, bool bold) const;
  std::vector<double> textWidths_;
  double size_, lineHeight_, rowExtra_, room_, limit_, firstRoom_;
  MeasureText measure_;
  double header_ = 0, used_ = 0, emptyCell_ = 0, slack_ = 0;
  size_t onPage_ = 0;
};

/// The rows of a table held in `t.rows` (not dense) cut where `cut` turns the page, for a writer that sets a
/// long table as tables of about a page under the same header rows (LibreOffice lays out one long table in a
/// time that grows faster than its rows, tables of a page in seconds): ranges [first, last) of `t.rows`. A
/// piece never starts with a total row (the totals stay with the rows above them); a table of two pages or
/// less stays one range (a cut reckoned wrong would cost a page). `cut` is left at the table's last page;
/// `pages`, when given, is set to the number of pages it counted.
std::vector<std::pair<size_t, size_t>> tableRowPieces(const Table& t, PageCutter& cut,
                                                      size_t* pages = nullptr);

/// What a writer reckons is taken of the page being filled (points), from each block's lines as its styles
/// set them, so that a long table's first piece (tableRowPieces) fills what is left of its page: the Word and
/// HTML writers, each with its own measures. Approximate: the first piece is given 6 % of a page less than is
/// reckoned left.
struct PageFill {
  double room = 0;   ///< the points of a page's text area the tables fill
  double above = 0;  ///< the points taken on the page being filled
  /// `points` more taken; a page they fill is passed, what runs over it taken on the next.
  void add(double points);
  /// A text block: `text` (bold or not, at `size` points) in lines `width` points wide, each of `spacing`
  /// times its size, at least one, and `margins` points above and below them.
  void text(const std::string& text, bool bold, double size, double spacing, double width, double margins,
            const MeasureText& measure);
  /// The room of a long table's first piece (PageCutter's firstRoom): what is reckoned left of the page, less
  /// the margin; near the page's foot (less than 15 % of a page left) with the next page too.
  double firstRoom() const;
  /// Less than 15 % of a page left once the first piece's margin is taken: the first piece runs on to the
  /// next page.
  bool nearFoot() const;
  /// The rows of `t` cut into pieces by `cut`, made with firstRoom() (tableRowPieces); `above` is left at
  /// what the table takes of its last page.
  std::vector<std::pair<size_t, size_t>> tablePieces(const Table& t, PageCutter& cut);
  /// After a table whose last page's height is not reckoned (one a page, beside a photo): half a page taken.
  void lastPageUnreckoned() { above = room / 2; }
};

/// Writes a dense table's rows page by page with columns sized from a sample (DenseColumns): holds the rows
/// of the page being filled (a page, never more), and when a row needs wider columns, widens them for that
/// whole page and counts it afresh, so that the page is not cut short. `page(rows, columns)` writes a page's
/// table, `rows` in `columns`.
///
/// With `leastRows`, a page that would hold fewer rows than that (a run of long rows that the sample, a row
/// in some dozens, missed or weighed too little) takes columns planned from its own rows and those that
/// follow, `leastRows` of them (DenseColumns::planFor), when these fit more of them; the next page goes
/// back to the table's columns.
class DensePager {
 public:
  using WritePage = std::function<void(const std::vector<TableRow>&, const DenseColumns&)>;
  DensePager(DenseColumns columns, PageCutter cut, WritePage page, size_t leastRows = 0);
  /// Takes the next row.
  void add(const TableRow& row);
  /// Writes the last page.
  void finish();

 private:
  void flush(size_t rows);
  void place(TableRow row);
  void settle();
  void newPage();
  std::pair<size_t, double> fitting(const DenseColumns& columns, const std::vector<TableRow>& rows) const;
  DenseColumns columns_;
  std::optional<DenseColumns> table_;    ///< the table's columns while a page has its own
  std::optional<DenseColumns> lastOwn_;  ///< the columns of the last page that had its own
  PageCutter cut_;
  WritePage page_;
  size_t leastRows_;
  bool gathering_ = false;  ///< the page came out short: its rows and the next are gathered to plan it
  bool planned_ = false;    ///< the page being filled was planned (it is cut where it fills)
  size_t written_ = 0;      ///< the pages written
  std::vector<TableRow> pending_;
};

/// The cutter of densePageRows: rows set in columns `widths` at `size` on pages `pageHeight` points high.
PageCutter densePageCutter(const Table& t, const std::vector<double>& widths, double pad, double size,
                           double pageHeight);

/// denseRowsLines for the rows of densePageCutter: at `size` on pages `pageHeight` points high.
double densePageLines(double size, double pageHeight);

/// The pages of a dense table set in columns `widths` (points, each with `pad` of padding and border) at
/// `size` in single spacing on pages `pageHeight` points high, the first opening with the document's heading
/// and title lines: pageRows with a little room spared, so that a page's table never runs over.
std::vector<std::pair<size_t, size_t>> densePageRows(const Table& t, const std::vector<double>& widths,
                                                     double pad, double size, double pageHeight);

/// A Pango measurer in Times New Roman (Liberation Serif) for writers that have no drawing surface of
/// their own (DOCX); results are cached. With `wholePoints` false, the glyphs are placed where the font puts
/// them instead of on whole points (Pango's default, with which a line of 7 points is up to 7 % wider): as
/// the PDF sets a dense table's cells.
MeasureText pangoMeasure(bool wholePoints = true);

/// Joins the last two words of a title with a no-break space, so a wrapped title never leaves one word
/// alone on its last line.
std::string keepLastWordsTogether(const std::string& text);

}  // namespace dangbo::reports
