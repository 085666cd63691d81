#pragma once
// Inside the PDF writer (PdfRenderer.cpp): the writer that lays a Document out on cairo pages with Pango,
// once to count the pages and once to draw them (PdfWriter.cpp; its dense tables in PdfDenseTable.cpp). Not
// for other writers: it needs Pango's headers, which only this library sees.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "reports/PdfDenseRows.h"
#include "reports/PdfGlyphs.h"
#include "reports/PdfPen.h"
#include "reports/PdfRenderer.h"
#include "reports/TableLayout.h"

namespace dangbo::reports::pdf {

inline constexpr double kPageW = 595.2756;  // A4 in points
inline constexpr double kPageH = 841.8898;
inline constexpr const char* kFamily = "Times New Roman";

inline double mm(double v) {
  return v * 72.0 / 25.4;
}

// One line of a laid-out paragraph, in points relative to the layout's top.
struct LineBox {
  PangoLayoutLine* line;
  double x, top, height, baseline;
};

class PdfWriter : public pdf::PdfPen {
 public:
  // `pageW`, `pageH`: the page in points. `pages`: the number of pages the document takes (0 while it is
  // being counted: nothing is drawn then).
  PdfWriter(cairo_surface_t* surface, const PdfOptions& options, double pageW = kPageW, double pageH = kPageH,
            int pages = 0);
  ~PdfWriter() override;
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Lays the document out (and draws it unless counting); returns the number of pages.
  int render(const Document& doc);

  // Draws one chart alone on an image surface `width` points wide, from its top, scaled (the window's
  // preview shows the charts of a report as pictures).
  void chartImage(const Chart& c, double scale, double pageWidth);

 private:
  double width() const { return right_ - left_; }

  Layout layout(const std::string& markup, const Style& st, double width) override {
    return layoutIn(ctx_, markup, st, width);
  }

  Layout layoutIn(PangoContext* ctx, const std::string& markup, const Style& st, double width);

  static std::vector<LineBox> lines(PangoLayout* l);

  void draw(PangoLayout* l, double x, double y) override;

  void rule(double x0, double x1, double y, double lineWidth) override;

  // Page N of M at the bottom of every page of a document longer than one page.
  void finishPage();

  // Starts a new page, turned (A4 landscape) or upright from here on when `landscape` says so.
  void newPage(std::optional<bool> landscape = std::nullopt);

  // Starts a new page unless `h` more points fit on this one (a block taller than a page starts at the top).
  void ensure(double h);

  // --- Header block and titles -----------------------------------------------------------------

  void title(const TitleLine& t);

  // --- Headings and paragraphs ----------------------------------------------------------------

  Style headingStyle(int level) const;

  Style paragraphStyle() const;

  static std::string markup(const Paragraph& p);

  // The height a block needs at the top of where it is placed, so that a heading is not left alone.
  double leadHeight(const Block& b);

  void heading(const Heading& h, const Block* next);

  void paragraph(const Paragraph& p);

  // --- Tables ---------------------------------------------------------------------------------

  static constexpr double kPadX = 4, kPadY = 2.5;
  // A dense table (the register): 7 points, tight lines and padding.
  static constexpr double kDenseSize = 7, kDensePadX = 2.5, kDensePadY = 0.7, kDenseSpacing = 0.9;

  Style cellStyle(bool bold, Align a, bool italic = false) const;

  // Column widths filling the text width (TableLayout): no word broken, numbers on one line, the font made
  // smaller (at most to 7 points) when the longest words do not fit. Sets the table's font size.
  std::vector<double> columnWidths(const Table& t);

  struct RowLayout {
    std::vector<Layout> cells;
    std::vector<double> x, w;
    std::vector<double> dx;    // the text's indent in its cell
    std::vector<int> rows;     // header rows each cell covers (0: under a merged cell, not drawn)
    std::vector<double> need;  // the height each cell's text needs, padding included
    double height = 0;
    bool total = false;
  };
  static constexpr double kIndentStep = 10;  // points per step of a cell's indent

  RowLayout layoutRow(const std::vector<Cell>& cells, const std::vector<double>& widths, const Table& t,
                      bool isHeader, bool bold);

  // The header rows of a table laid out: a cell merged with the rows under it taller than they are makes
  // the last of them taller.
  std::vector<RowLayout> headRows(const Table& t, const std::vector<double>& widths);

  double headHeight(const Table& t, const std::vector<double>& widths);

  // Draws the header rows, a merged cell over the rows it covers.
  void drawHead(const std::vector<RowLayout>& head);

  void drawRow(const RowLayout& r, bool borders = true);

  Layout captionLayout(const std::string& caption);

  double captionHeight(const Table& t);

  double tableLead(const Table& t);

  // A table beside the photo frame of a member's card: the frame (3 × 4 cm) at the right, its text centred in
  // it, the table in the width left.
  void photoTable(const Table& t);

  void table(const Table& t);

  // A dense table (PdfDenseTable.cpp): each row set once in lines (PdfDenseRows) and drawn on them.
  void denseTable(const Table& t);
  // The height of a dense row of `lines` lines, padding included.
  double denseRowHeight(int lines, bool bold, bool italic);
  // Draws a dense row's text (its borders: denseGrid).
  void drawDenseRow(const DenseRow& r, const std::vector<double>& widths, const Table& t, double height);
  // The borders of a page's dense rows in one stroke: columns `widths` from `top`, a rule at each of `rules`.
  void denseGrid(const std::vector<double>& widths, double top, const std::vector<double>& rules);
  std::map<int, double> denseHeights_;           // denseRowHeight's, by lines and style
  std::unique_ptr<GlyphSetter> denseGlyphs_[4];  // a dense cell's words by style (regular, bold, italic)

  // --- Charts (PdfChart.cpp) -------------------------------------------------------------------

  void chart(const Chart& c);

  cairo_surface_t* surface_;
  PdfOptions options_;
  cairo_t* cr_ = nullptr;
  PangoContext* ctx_ = nullptr;
  PangoContext* denseCtx_ = nullptr;  // a dense table's cells (without rounding)
  double left_, right_, top_, bottom_, y_;
  double pageW_, pageH_;
  int pages_;                           // the document's number of pages (0 while counting)
  bool counting_;                       // laying out only, to count the pages
  double tableSize_ = 13;               // the font size of the table being set
  bool dense_ = false;                  // the table being set is dense
  double keepWithClosing_ = 0;          // the height of the closing block the end of this block goes with
  double padX_ = kPadX, padY_ = kPadY;  // its cells' padding
  int page_ = 1;
  std::string repeatedCaption_;  // a compact header's title: a table caption repeating it is left out
  MeasureText measure_ = pangoMeasure();
  MeasureText denseMeasure_ = pangoMeasure(false);  // a dense table's words as Pango sets them
  static constexpr size_t kShortTable = 12;         // rows of a table that goes whole onto a page when it can

 public:
  /// The column plans of the tables whose rows are read as they are written, with their first rows: shared
  /// by the writer that counts the pages and the one that draws them.
  struct SourcePlan {
    ColumnPlan plan;
    std::vector<TableRow> first;
  };
  std::shared_ptr<std::map<const Table*, SourcePlan>> sourcePlans_ =
      std::make_shared<std::map<const Table*, SourcePlan>>();
  /// The rows of the dense tables as the pass counting the pages set them, for the pass drawing them.
  std::shared_ptr<std::map<const Table*, std::unique_ptr<DenseSpool>>> spools_ =
      std::make_shared<std::map<const Table*, std::unique_ptr<DenseSpool>>>();
  /// Counts the table rows drawn (may be null).
  core::ProgressStage* rows_ = nullptr;
};

}  // namespace dangbo::reports::pdf
