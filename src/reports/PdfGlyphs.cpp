#include "reports/PdfGlyphs.h"

namespace dangbo::reports::pdf {

namespace {
// The most words a setter keeps shaped.
constexpr size_t kWords = 50000;

double points(int pangoUnits) {
  return double(pangoUnits) / PANGO_SCALE;
}
}  // namespace

GlyphSetter::GlyphSetter(PangoLayout* style) : layout_(style) {
  pango_layout_set_width(layout_, -1);
  // Where the lines' baselines are.
  pango_layout_set_text(layout_, "0\n0", -1);
  PangoLayoutIter* it = pango_layout_get_iter(layout_);
  ascent_ = points(pango_layout_iter_get_baseline(it));
  if (pango_layout_iter_next_line(it)) pitch_ = points(pango_layout_iter_get_baseline(it)) - ascent_;
  pango_layout_iter_free(it);
  // The figures' glyphs, when each is one glyph of one font.
  pango_layout_set_text(layout_, "0123456789", -1);
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout_, 0);
  if (line && line->runs && !line->runs->next) {
    const auto* run = static_cast<const PangoGlyphItem*>(line->runs->data);
    if (run->glyphs->num_glyphs == 10) {
      figuresKnown_ = true;
      for (int i = 0; i < 10; ++i) {
        figures_[i] = run->glyphs->glyphs[i].glyph;
        figuresKnown_ = figuresKnown_ && run->glyphs->log_clusters[i] == i;
      }
    }
  }
}

GlyphSetter::~GlyphSetter() {
  for (cairo_scaled_font_t* f : fonts_) cairo_scaled_font_destroy(f);
  g_object_unref(layout_);
}

int GlyphSetter::fontIndex(PangoFont* font) {
  cairo_scaled_font_t* scaled = font ? pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)) : nullptr;
  if (!scaled) return -1;
  for (size_t i = 0; i < fonts_.size(); ++i)
    if (fonts_[i] == scaled) return int(i);
  fonts_.push_back(cairo_scaled_font_reference(scaled));
  pending_.emplace_back();
  return int(fonts_.size()) - 1;
}

const GlyphSetter::Word& GlyphSetter::word(std::string_view text) {
  key_.assign(text);
  if (figuresKnown_)
    for (char& ch : key_)
      if (ch >= '1' && ch <= '9') ch = '0';
  if (auto it = words_.find(std::string_view(key_)); it != words_.end()) return it->second;
  if (words_.size() >= kWords) words_.clear();  // bounded (a word shaped again is the same)
  Word w;
  pango_layout_set_text(layout_, key_.data(), int(key_.size()));
  const PangoLayoutLine* line = pango_layout_get_line_readonly(layout_, 0);
  for (const GSList* r = line ? line->runs : nullptr; r; r = r->next) {
    const auto* run = static_cast<const PangoGlyphItem*>(r->data);
    const int font = fontIndex(run->item->analysis.font);
    const PangoGlyphString* glyphs = run->glyphs;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
      const PangoGlyphInfo& g = glyphs->glyphs[i];
      const int byte = run->item->offset + glyphs->log_clusters[i];
      if (font >= 0 && g.glyph != PANGO_GLYPH_EMPTY && !(g.glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        w.glyphs.push_back({g.glyph, w.advance + points(g.geometry.x_offset), points(g.geometry.y_offset),
                            font, figuresKnown_ && key_[size_t(byte)] == '0' ? byte : -1});
      w.advance += points(g.geometry.width);
    }
  }
  return words_.emplace(key_, std::move(w)).first->second;
}

double GlyphSetter::width(std::string_view line) {
  double w = 0;
  for (size_t start = 0; start <= line.size();) {
    size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    if (end > start) w += word(line.substr(start, end - start)).advance;
    if (end < line.size()) w += word(" ").advance;
    start = end + 1;
  }
  return w;
}

void GlyphSetter::add(std::string_view line, double x, double y) {
  auto put = [&](std::string_view text) {
    const Word& w = word(text);
    for (const Glyph& g : w.glyphs)
      pending_[size_t(g.font)].push_back(
          {g.figure >= 0 ? figures_[text[size_t(g.figure)] - '0'] : g.index, x + g.x, y + g.y});
    x += w.advance;
  };
  for (size_t start = 0; start <= line.size();) {
    size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    if (end > start) put(line.substr(start, end - start));
    // (The spaces drawn too, so that the text read back from the file has them.)
    if (end < line.size()) put(" ");
    start = end + 1;
  }
}

void GlyphSetter::flush(cairo_t* cr) {
  for (size_t f = 0; f < fonts_.size(); ++f) {
    if (pending_[f].empty()) continue;
    cairo_set_scaled_font(cr, fonts_[f]);
    cairo_show_glyphs(cr, pending_[f].data(), int(pending_[f].size()));
    pending_[f].clear();
  }
}

}  // namespace dangbo::reports::pdf
