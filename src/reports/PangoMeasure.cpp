// pangoMeasure (TableLayout.h): the widths of words set in Times New Roman by Pango, cached.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "reports/PangoSetup.h"
#include "reports/TableLayout.h"

namespace dangbo::reports {

namespace {

// Widths scale with the font size (metrics are not hinted), so every word is measured once at this size.
constexpr double kReferenceSize = 10;
// The most words pangoMeasure keeps measured, per weight.
constexpr size_t kWordCache = 50000;

// Times New Roman's (Liberation Serif's) figures all have the width of a "0" and are not kerned: a register's
// numbers and dates, words seen once, are measured as their shape ("00/00/0000"), so that a province's
// register measures a few of them, not millions.
inline char shape(char ch) {
  return ch >= '1' && ch <= '9' ? '0' : ch;
}

// The widths of words by their shape, looked up as they lie in a text (no copy of the word is made): open
// addressing on a hash of the shape, the shapes kept one after another in one string.
class WordWidths {
 public:
  // The hash of a word's shape: hashOf(h, byte) over its bytes from kSeed.
  static constexpr uint64_t kSeed = 0xcbf29ce484222325ULL;
  static uint64_t hashOf(uint64_t h, char ch) { return (h ^ uint8_t(shape(ch))) * 0x100000001b3ULL; }

  // The width of the word `word` whose shape hashes to `hash`, measured by `measure(shape)` the first time.
  template <typename Measure>
  double get(std::string_view word, uint64_t hash, Measure&& measure) {
    if (slots_.empty()) slots_.resize(kFirstSlots);
    const size_t mask = slots_.size() - 1;
    for (size_t i = size_t(hash) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.size == 0) break;
      if (s.hash == hash && s.size == word.size() + 1 && same(word, s.at)) return s.width;
    }
    if (count_ >= kWordCache) clear();  // bounded (a width measured again is the same)
    std::string key(word);
    for (char& ch : key) ch = shape(ch);
    const double width = measure(key);
    if (2 * (count_ + 1) > slots_.size()) grow();
    insert(Slot{hash, uint32_t(keys_.size()), uint32_t(word.size() + 1), width});
    keys_ += key;
    ++count_;
    return width;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t at = 0;    // the shape's first byte in keys_
    uint32_t size = 0;  // the shape's length + 1 (0: an empty slot)
    double width = 0;
  };
  static constexpr size_t kFirstSlots = 1024;

  bool same(std::string_view word, uint32_t at) const {
    const char* key = keys_.data() + at;
    for (size_t i = 0; i < word.size(); ++i)
      if (shape(word[i]) != key[i]) return false;
    return true;
  }
  void insert(const Slot& slot) {
    const size_t mask = slots_.size() - 1;
    size_t i = size_t(slot.hash) & mask;
    while (slots_[i].size != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.size != 0) insert(s);
  }
  void clear() {
    slots_.assign(kFirstSlots, Slot{});
    keys_.clear();
    count_ = 0;
  }

  std::vector<Slot> slots_;
  std::string keys_;
  size_t count_ = 0;
};

}  // namespace

MeasureText pangoMeasure(bool wholePoints) {
  struct State {
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoContext* ctx = nullptr;
    WordWidths words[2];  // regular, bold
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
  // Each word (mostly a syllable, so few of them) is measured once; a text is its words and its spaces, read
  // in one pass (each word's hash taken as its bytes are read).
  return [state](std::string_view text, bool bold, double size) {
    WordWidths& cache = state->words[bold ? 1 : 0];
    auto measure = [&](const std::string& shape) { return state->width(shape, bold, kReferenceSize); };
    TextExtent e;
    size_t start = 0, spaces = 0;
    uint64_t hash = WordWidths::kSeed;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && text[i] != ' ') {
        hash = WordWidths::hashOf(hash, text[i]);
        continue;
      }
      if (i < text.size()) ++spaces;
      if (i > start) {
        const double w = cache.get(text.substr(start, i - start), hash, measure);
        e.word = std::max(e.word, w);
        e.natural += w;
      }
      start = i + 1;
      hash = WordWidths::kSeed;
    }
    if (spaces)
      e.natural += double(spaces) * cache.get(" ", WordWidths::hashOf(WordWidths::kSeed, ' '), measure);
    const double k = size / kReferenceSize;
    return TextExtent{e.natural * k, e.word * k};
  };
}

}  // namespace dangbo::reports
