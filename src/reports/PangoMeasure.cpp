// pangoMeasure (TableLayout.h): the widths of words set in Times New Roman by Pango, cached.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "reports/PangoSetup.h"
#include "reports/TableLayout.h"

namespace dangbo::reports {

namespace {
// Widths scale with the font size (metrics are not hinted), so every word is measured once at this size.
constexpr double kReferenceSize = 10;
}  // namespace

// The most words pangoMeasure keeps measured, per weight.
constexpr size_t kWordCache = 50000;

MeasureText pangoMeasure(bool wholePoints) {
  struct State {
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoContext* ctx = nullptr;
    // Looked up by a string_view, without a string made for each word.
    struct Hash {
      using is_transparent = void;
      size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
    };
    std::unordered_map<std::string, double, Hash, std::equal_to<>> words[2];  // regular, bold
    std::string key;                                                          // the word being looked up
    explicit State(bool wholePoints) {
      surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4);
      cr = cairo_create(surface);
      ctx = unhintedPangoContext(cr, wholePoints);
    }
    ~State() {
      g_object_unref(ctx);
      cairo_destroy(cr);
      cairo_surface_destroy(surface);
    }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    double width(const std::string& text, bool bold, double size) {
      PangoLayout* l = pango_layout_new(ctx);
      PangoFontDescription* fd = pango_font_description_new();
      pango_font_description_set_family(fd, "Times New Roman");
      pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
      pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description(l, fd);
      pango_font_description_free(fd);
      pango_layout_set_text(l, text.data(), int(text.size()));
      PangoRectangle r;
      pango_layout_get_extents(l, nullptr, &r);
      g_object_unref(l);
      return double(r.width) / PANGO_SCALE;
    }
  };
  auto state = std::make_shared<State>(wholePoints);
  // Each word (mostly a syllable, so few of them) is measured once; a text is its words and its spaces.
  return [state](const std::string& text, bool bold, double size) {
    auto& cache = state->words[bold ? 1 : 0];
    std::string& key = state->key;
    auto widthOf = [&](std::string_view word) {
      // Times New Roman's (Liberation Serif's) figures all have the width of a "0" and are not kerned: a
      // register's numbers and dates, words seen once, are measured as their shape ("00/00/0000"), so that
      // a province's register measures a few of them, not millions.
      key.assign(word);
      for (char& ch : key)
        if (ch >= '1' && ch <= '9') ch = '0';
      auto it = cache.find(std::string_view(key));
      if (it == cache.end()) {
        if (cache.size() >= kWordCache) cache.clear();  // bounded (a width measured again is the same)
        it = cache.emplace(key, state->width(key, bold, kReferenceSize)).first;
      }
      return it->second;
    };
    TextExtent e;
    size_t start = 0, spaces = 0;
    while (start <= text.size()) {
      size_t end = text.find(' ', start);
      if (end == std::string::npos)
        end = text.size();
      else
        ++spaces;
      if (end > start) {
        const double w = widthOf(std::string_view(text).substr(start, end - start));
        e.word = std::max(e.word, w);
        e.natural += w;
      }
      start = end + 1;
    }
    if (spaces) e.natural += double(spaces) * widthOf(" ");
    const double k = size / kReferenceSize;
    return TextExtent{e.natural * k, e.word * k};
  };
}

}  // namespace dangbo::reports
