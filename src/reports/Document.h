#pragma once
// A plain printable document: the header block of a party document, title lines, headings, paragraphs
// with bold runs, tables, bar charts and page breaks. Reports build one; the renderers (HtmlRenderer,
// PdfRenderer, DocxRenderer, XlsxRenderer) write it out, so every format shows the same figures.
// All text is UTF-8 and already translated; figures are formatted once, here, by the cell helpers.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dangbo::reports {

/// Horizontal alignment of a table column or a line.
enum class Align { Left, Center, Right };

/// The header block of a party document (design.md, "Party document format").
struct DocumentHeader {
  std::string superior;   ///< left, line 1: "ĐẢNG BỘ TỈNH SƠN LA" (regular capitals)
  std::string executive;  ///< left, line 2: "ĐẢNG ỦY XÃ PHIÊNG PẰN" (bold capitals); line 3 is "*"
  std::string number;     ///< left, line 4: "Số ...-BC/ĐU"; empty: none (a register has no number)
  std::string party;      ///< right, line 1: "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined)
  std::string
      placeDate;  ///< right, on the level of the number: "Phiêng Pằn, ngày .. tháng .. năm ...." (italic)
};

/// How a title line is set.
enum class TitleStyle {
  Title,     ///< the document's name: bold capitals, larger
  Subtitle,  ///< bold, centred
  Note,      ///< italic, centred
};

/// A centred line (or short paragraph) under the header block.
struct TitleLine {
  std::string text;                      ///< the text as printed (capitals already applied)
  TitleStyle style = TitleStyle::Title;  ///< how it is set
};

/// A section heading: level 1 bold, level 2 bold italic.
struct Heading {
  std::string text;  ///< "1. Tổ chức đảng và đảng viên"
  int level = 1;     ///< 1 or 2
};

/// A piece of a paragraph's text.
struct Run {
  std::string text;   ///< UTF-8 text
  bool bold = false;  ///< printed bold
};

/// A justified paragraph with a first-line indent.
struct Paragraph {
  std::vector<Run> runs;  ///< the text, run by run
  /// The whole text, runs joined.
  std::string text() const;
};

/// What a table cell holds: plain text, a count, or a percentage (for spreadsheets).
enum class CellKind { Text, Count, Percent };

/// One table cell: the printed text, and the figure behind it for spreadsheets.
struct Cell {
  std::string text;                ///< as printed ("1.046", "101,4%", "-")
  CellKind kind = CellKind::Text;  ///< what `value` means
  int64_t value = 0;               ///< Count: the number; Percent: tenths of a percent
  int span = 1;                    ///< columns covered (header rows only)
  /// Rows covered (header rows only): 2 for a cell merged with the one under it; 0 for the place under such a
  /// cell (its text is not printed, its columns are still counted).
  int rowSpan = 1;
  bool bold = false;    ///< printed bold (besides a total row's bold)
  bool italic = false;  ///< printed italic
  int indent = 0;       ///< steps of indentation from the cell's left edge (a detail under its row)
  /// A text cell.
  static Cell textCell(std::string s, int span = 1);
  /// A count printed the Vietnamese way ("1.046").
  static Cell count(int64_t n);
  /// A percentage from tenths ("101,4%"); "-" (text) when nullopt.
  static Cell percent(const std::optional<int64_t>& tenths);
  /// n / of as a percentage, exactly rounded; "-" when of is 0.
  static Cell share(int64_t n, int64_t of);
};

/// A table row.
struct TableRow {
  std::vector<Cell> cells;  ///< one per column
  bool total = false;       ///< a total row: printed bold
};

/// A table with a caption, header rows repeated on every page it spans, body and total rows.
struct Table {
  std::string caption;                    ///< printed above the table (bold)
  std::vector<std::vector<Cell>> header;  ///< header rows; cells may span columns
  std::vector<TableRow> rows;             ///< body and total rows in order
  std::vector<Align> align;               ///< per column; missing: Left for column 0, Right for the others
  /// A long list of many columns (the register): set in small type with tight rows, its columns sized so
  /// that the rows take the fewest lines.
  bool dense = false;
  /// A layout table without borders, caption or header (the closing block: recipients beside the
  /// signature); spreadsheets and comparisons leave it out.
  bool borderless = false;
  /// The photo frame of a member's card (Mẫu 2-HSĐV: "Ảnh 3×4"): a framed box of 3 × 4 cm at the right of the
  /// table, this text in it, the table's columns in the width left beside it; empty: none.
  std::string photo{};
  /// Rows read as they are written, for a list too long to hold (the register of a province): when set,
  /// `rows` stays empty and rowSource(visit) hands each of its `sourceRows` rows to visit in order, afresh on
  /// every call (a writer may read them twice: to size the columns, then to write them). The writers that
  /// stream (HTML, CSV) read it; fillRows puts the rows in `rows` for the others.
  std::function<void(const std::function<void(const TableRow&)>&)> rowSource;
  size_t sourceRows = 0;  ///< the number of rows rowSource gives
  /// Body rows of the whole table left out of this one (a window's preview: previewDocument, or the first
  /// rows of the register). HTML says so under the table; a file is never written from such a table.
  size_t omittedRows = 0;
  /// With rowSource, a sample of its rows read without the others: rowSample(every, visit) hands rows 0,
  /// every, 2 * every, ... (from 0) to visit in order (a writer sizing the columns of a province's register
  /// from rows spread over all of it, before reading the rows once to write them). Optional.
  std::function<void(size_t, const std::function<void(const TableRow&)>&)> rowSample;
  /// The number of body rows: those of `rows`, or of rowSource.
  size_t rowCount() const;
  /// Adds a row of text cells (bold when `total`).
  void addTextRow(std::vector<std::string> texts, bool total = false);
  /// Calls visit for each body row in order: those of `rows`, or those rowSource gives.
  void forEachRow(const std::function<void(const TableRow&)>& visit) const;
  /// Calls visit for rows 0, every, 2 * every, ... in order: those of rowSample when the rows come from
  /// rowSource and it is set (every > 1), else those of forEachRow.
  void forEachSampledRow(size_t every, const std::function<void(const TableRow&)>& visit) const;
  /// The number of columns (of the first header row, spans counted, or of the first row).
  size_t columns() const;
  /// The alignment of column `c`.
  Align alignOf(size_t c) const;
};

/// A series of a bar chart.
struct ChartSeries {
  std::string name;                           ///< the legend's text
  std::vector<std::optional<double>> values;  ///< one per category; nullopt: no bar
};

/// A bar chart: categories along the bottom, one or two series of bars, an optional target line.
struct Chart {
  std::string title;                    ///< printed above the chart (bold)
  std::string categoryLabel;            ///< the categories' name ("Năm"), first column of its table form
  std::string axisLabel;                ///< the value axis ("Số đảng viên", "%")
  std::vector<std::string> categories;  ///< "2020", "2021", ...
  std::vector<ChartSeries> series;      ///< one or two
  std::string targetLabel;              ///< the target line's legend; empty: no target line
  std::vector<std::optional<double>> target;  ///< the target per category (a level line); nullopt: none there
  bool percent = false;                       ///< values are percentages (printed "96,3%")
  /// A value as printed ("12", "96,3%").
  std::string format(double v) const;
  /// An axis tick as printed: whole numbers ("20", "80%").
  std::string tick(double v) const;
};

/// Starts a new page; with `landscape` set, the pages from here on are A4 turned (true) or upright (false).
struct PageBreak {
  std::optional<bool> landscape{};
};

/// One block of the document's body.
using Block = std::variant<TitleLine, Heading, Paragraph, Table, Chart, PageBreak>;

/// A printable document.
struct Document {
  std::string title;                     ///< metadata title (window, PDF info, sheet titles)
  std::optional<DocumentHeader> header;  ///< the party document header block; nullopt: none
  std::vector<Block> blocks;             ///< the body, in order
  bool landscape = false;                ///< A4 turned: a list with many columns (the register)
  /// The header block and the title lines that open the body set as one low band in smaller type (the
  /// issuer left, the title in the middle, the Party's name right), as the printed register (Mẫu 7-HSĐV)
  /// heads its pages: the first page keeps room for its rows.
  bool compactHeader = false;

  /// Appends a title line.
  Document& titleLine(std::string text, TitleStyle style = TitleStyle::Title);
  /// Appends a heading.
  Document& heading(std::string text, int level = 1);
  /// Appends a paragraph of plain text.
  Document& paragraph(std::string text);
  /// Appends a paragraph made of runs.
  Document& paragraph(std::vector<Run> runs);
  /// Appends a table.
  Document& table(Table t);
  /// Appends a chart.
  Document& chart(Chart c);
  /// Appends a page break (the pages after it turned or upright when `landscape` is set).
  Document& pageBreak(std::optional<bool> landscape = std::nullopt);
  /// The tables of the document holding figures (borderless layout tables left out), in order.
  std::vector<const Table*> tables() const;
  /// The charts of the document, in order.
  std::vector<const Chart*> charts() const;
  /// Reads the rows of every table with a row source into its `rows` (for the writers that lay out the
  /// whole document at once: PDF, DOCX, XLSX).
  void fillRows();
};

/// The value axis of a chart: from 0 to `max` in ticks of `step` (a 1, 2 or 5 times a power of ten).
struct ChartAxis {
  double max = 1;   ///< the top of the axis (>= every value and target)
  double step = 1;  ///< the distance between ticks
};
/// A readable axis for the chart's values and target (at least 100 for percentages).
ChartAxis chartAxis(const Chart& chart);

/// The document as the window previews it: each table of more than `maxRows` body rows keeps its first
/// `maxRows` and its closing total rows, the others counted in its omittedRows (the window's HTML view lays
/// out every row it is given: a hundred thousand rows cost it minutes and gigabytes).
Document previewDocument(Document doc, size_t maxRows);

/// A chart as a table of figures (category, each series, the target): for DOCX, spreadsheets and previews
/// that cannot draw.
Table chartTable(const Chart& chart);

}  // namespace dangbo::reports
