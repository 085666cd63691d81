// The header blocks of the PDF writer: the party document's, and the register's compact band.
#include <algorithm>

#include "reports/PdfPen.h"

namespace dangbo::reports::pdf {

std::string escape(std::string_view s) {
  gchar* e = g_markup_escape_text(s.data(), gssize(s.size()));
  std::string out(e);
  g_free(e);
  return out;
}

double heightOf(PangoLayout* l) {
  PangoRectangle r;
  pango_layout_get_extents(l, nullptr, &r);
  return double(r.height) / PANGO_SCALE;
}

double textColumn(PdfPen& pen, const std::vector<std::pair<std::string, Style>>& lines, double x, double w,
                  double y) {
  for (const auto& [text, st] : lines) {
    if (text.empty()) continue;
    Layout l = pen.layout(escape(text), st, w);
    pen.draw(l.get(), x, y);
    y += heightOf(l.get());
  }
  return y;
}

double underlinedName(PdfPen& pen, const std::string& name, const Style& st, double x, double w, double y,
                      double gap, double lineWidth) {
  Layout p = pen.layout(escape(name), st, w);
  pen.draw(p.get(), x, y);
  PangoRectangle ink;
  pango_layout_get_extents(p.get(), &ink, nullptr);
  const double x0 = x + double(ink.x) / PANGO_SCALE, x1 = x0 + double(ink.width) / PANGO_SCALE;
  pen.rule(x0, x1, y + double(ink.y + ink.height) / PANGO_SCALE + gap, lineWidth);
  return heightOf(p.get());
}

double headerBlock(PdfPen& pen, const DocumentHeader& h, double left, double right, double y,
                   double bodySize) {
  const double leftW = (right - left) * 0.44, rightX = left + leftW, rightW = right - left - leftW;
  Style center;
  center.size = bodySize;
  center.align = PANGO_ALIGN_CENTER;
  Style bold = center;
  bold.bold = true;
  const double starTop = textColumn(pen, {{h.superior, center}, {h.executive, bold}}, left, leftW, y);
  double leftEnd = textColumn(pen, {{"*", center}}, left, leftW, starTop);
  // The number (when there is one) and the place and date on one line.
  const double numberTop = h.number.empty() ? starTop : leftEnd;
  leftEnd = textColumn(pen, {{h.number, center}}, left, leftW, leftEnd);
  Style party = bold;
  party.size = bodySize + 1;
  const double nameH = underlinedName(pen, h.party, party, rightX, rightW, y, 1.5, 0.7);
  Style date = center;
  date.italic = true;
  const double dateTop = std::max(numberTop, y + nameH + 4);
  const double rightEnd = textColumn(pen, {{h.placeDate, date}}, rightX, rightW, dateTop);
  return std::max(leftEnd, rightEnd) + 18;
}

double compactHeaderBand(PdfPen& pen, const DocumentHeader& h, const std::vector<TitleLine>& titles,
                         double left, double right, double y, double bodySize) {
  const double size = std::max(9.0, bodySize - 5), width = right - left;
  const double sideW = width * 0.27, middleX = left + sideW, middleW = width - 2 * sideW,
               rightX = right - sideW;
  Style center;
  center.size = size;
  center.align = PANGO_ALIGN_CENTER;
  Style bold = center;
  bold.bold = true;
  const double leftEnd = textColumn(
      pen, {{h.superior, center}, {h.executive, bold}, {"*", center}, {h.number, center}}, left, sideW, y);
  Style date = center;
  date.italic = true;
  const double nameH = underlinedName(pen, h.party, bold, rightX, sideW, y, 1.2, 0.6);
  // The place and date under the Party's name.
  const double rightEnd = textColumn(pen, {{h.placeDate, date}}, rightX, sideW, y + nameH + 3);
  std::vector<std::pair<std::string, Style>> middle;
  for (const auto& t : titles) {
    Style st = center;
    if (t.style == TitleStyle::Title) st.size = size + 3, st.bold = true;
    // A paragraph brought into the band (TitleStyle::Subtitle here) is set plain.
    if (t.style == TitleStyle::Note) st.italic = true;
    middle.emplace_back(t.text, st);
  }
  const double middleEnd = textColumn(pen, middle, middleX, middleW, y);
  return std::max({leftEnd, rightEnd, middleEnd}) + 2;
}

}  // namespace dangbo::reports::pdf
