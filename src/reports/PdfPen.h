#pragma once
// Inside the PDF writer (PdfRenderer.cpp) and the parts of its page drawn in files of their own (the
// header blocks, PdfHeaderBand.cpp): how text is set with Pango and drawn. Not for other writers:
// it needs Pango's headers, which only this library sees.
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reports/Document.h"

namespace dangbo::reports::pdf {

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// How a piece of text is set.
struct Style {
  double size = 14;
  bool bold = false;
  bool italic = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool justify = false;
  double indent = 0;   // first-line indent, points
  double spacing = 0;  // line spacing factor (0: the font's)
  bool wrapChars = false;
};

/// Text escaped for Pango markup.
std::string escape(std::string_view s);
/// A laid-out text's height, points.
double heightOf(PangoLayout* l);

/// What the parts of a page need from the writer: text set in a style and a width, drawn at a place, and
/// rules. While the writer counts its pages, nothing is drawn.
class PdfPen {
 public:
  virtual ~PdfPen() = default;
  virtual Layout layout(const std::string& markup, const Style& st, double width) = 0;
  virtual void draw(PangoLayout* l, double x, double y) = 0;
  virtual void rule(double x0, double x1, double y, double lineWidth) = 0;
};

/// Draws the non-empty texts one under the other in a column `w` wide from (x, y); returns the y under them.
double textColumn(PdfPen& pen, const std::vector<std::pair<std::string, Style>>& lines, double x, double w,
                  double y);
/// Draws the Party's name at (x, y) in a column `w` wide, with a rule `gap` under its letters (an underline
/// would cut the dots below the Vietnamese vowels) as long as the name; returns the name's height.
double underlinedName(PdfPen& pen, const std::string& name, const Style& st, double x, double w, double y,
                      double gap, double lineWidth);

/// The party document's header block between `left` and `right` from `y`: the superior and the issuing
/// committee (and the document's number) on the left, the Party's name and the place and date on the right;
/// returns the y where the body starts.
double headerBlock(PdfPen& pen, const DocumentHeader& h, double left, double right, double y,
                   double bodySize);
/// The header block, the title and its notes as one low band (the register): the issuer on the left, the
/// Party's name and the place and date on the right, the title lines in the middle, all in smaller type,
/// between `left` and `right` from `y`; returns the y under the band.
double compactHeaderBand(PdfPen& pen, const DocumentHeader& h, const std::vector<TitleLine>& titles,
                         double left, double right, double y, double bodySize);

}  // namespace dangbo::reports::pdf
