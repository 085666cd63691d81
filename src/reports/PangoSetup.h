#pragma once
// The one way reports make a Pango context on cairo: no hinting of metrics or outlines, so that a text's
// width does not depend on the surface (what is measured for the column plan is what the PDF draws).
#include <cairo.h>
#include <pango/pangocairo.h>

namespace dangbo::reports {

/// A new Pango context on `cr`, unhinted; with `wholePoints` false its glyphs stay where the font puts them
/// instead of on whole points (at 7 points the rounding widens a line by up to 7 %). The caller unrefs it.
inline PangoContext* unhintedPangoContext(cairo_t* cr, bool wholePoints) {
  PangoContext* ctx = pango_cairo_create_context(cr);
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(ctx, fo);
  cairo_font_options_destroy(fo);
  if (!wholePoints) pango_context_set_round_glyph_positions(ctx, FALSE);
  return ctx;
}

}  // namespace dangbo::reports
