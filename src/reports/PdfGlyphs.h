#pragma once
// Inside the PDF writer (PdfDenseTable.cpp): a dense table's cells (the register) drawn as glyphs. Each word
// is shaped by Pango once (the first time it is seen; a word of figures as its shape, "00/00/0000", the
// figures' glyphs put in after: Times New Roman's (Liberation Serif's) figures all have the width of a "0"
// and are not kerned), and a row's glyphs go to cairo in one call for each font, instead of a Pango layout
// set and drawn for each cell.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dangbo::reports::pdf {

/// Sets lines of words in one style and draws them with cairo_show_glyphs.
class GlyphSetter {
 public:
  /// `style`: a layout in the style of the cells (font, line spacing, glyphs placed where the font puts
  /// them), taken over (unreferenced when the setter goes).
  explicit GlyphSetter(PangoLayout* style);
  ~GlyphSetter();
  GlyphSetter(const GlyphSetter&) = delete;
  GlyphSetter& operator=(const GlyphSetter&) = delete;

  /// The width of `line` (points), as the glyphs of its words and spaces advance.
  double width(std::string_view line);
  /// Puts the glyphs of `line` on the baseline `y` from `x` (points) among those to draw.
  void add(std::string_view line, double x, double y);
  /// Draws the glyphs put since the last time on `cr`.
  void flush(cairo_t* cr);
  /// The first line's baseline under the top of the text, and the distance between two lines' baselines.
  double ascent() const { return ascent_; }
  double pitch() const { return pitch_; }

 private:
  struct Glyph {
    unsigned index;
    double x, y;  // from the word's start on the baseline
    int font;     // in fonts_
    int figure;   // the byte of the word the glyph shows when it is a figure, else -1
  };
  struct Word {
    std::vector<Glyph> glyphs;
    double advance = 0;
  };
  const Word& word(std::string_view text);
  int fontIndex(PangoFont* font);

  PangoLayout* layout_;
  std::vector<cairo_scaled_font_t*> fonts_;          // referenced
  std::vector<std::vector<cairo_glyph_t>> pending_;  // by font
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
  };
  std::unordered_map<std::string, Word, Hash, std::equal_to<>> words_;
  std::string key_;         // the word being looked up, as its shape
  unsigned figures_[10]{};  // the glyphs of 0 to 9
  bool figuresKnown_ = false;
  double ascent_ = 0, pitch_ = 0;
};

}  // namespace dangbo::reports::pdf
