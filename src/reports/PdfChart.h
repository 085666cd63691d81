#pragma once
// The PDF writer's bar chart (PdfRenderer.cpp), drawn in a file of its own: the title, the value axis with
// its grid, the bars with their values, the target's dashed levels and the legend.
#include <cairo.h>

#include "reports/Document.h"
#include "reports/PdfPen.h"

namespace dangbo::reports::pdf {

/// The height a chart takes on the page, points.
double chartHeight();
/// Draws chart `c` from `y` between `left` and left + `width`, its texts in the table size `tableSize`,
/// through `pen` (nothing drawn while it counts pages) and `cr` (the writer's cairo context, `ctx` its Pango
/// context); returns the y under it.
double drawChart(PdfPen& pen, cairo_t* cr, PangoContext* ctx, const Chart& c, double left, double width,
                 double y, double tableSize);

}  // namespace dangbo::reports::pdf
