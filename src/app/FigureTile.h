#pragma once
// A tile of the overview: one figure against its target, drawn by hand (caption, big number, the share,
// a progress bar with the target's mark, a coloured status line, the target). It takes the keyboard focus;
// a click, Enter or Space calls the tile's action (the list behind the figure).
#include <wx/window.h>

#include <functional>

namespace dangbo::app {

/// What a tile shows.
struct TileContent {
  wxString caption;    ///< what the figure is ("Kết nạp đảng viên năm 2026")
  wxString value;      ///< the big number ("27" or "93,1%")
  wxString valueNote;  ///< beside it, smaller ("/ 30" or "975/1.047 đảng viên")
  double fill = -1;    ///< the bar's filled share 0..1; < 0: no bar
  double mark = -1;    ///< the target's place on the bar 0..1; < 0: none
  wxColour colour;     ///< the status colour (bar, accent, status line)
  wxString status;     ///< "Đạt chỉ tiêu", "Còn thiếu 3"...
  wxString footer;     ///< the target ("Chỉ tiêu: 30 đảng viên/năm")
};

/// One figure of the overview, focusable and clickable.
class FigureTile : public wxWindow {
 public:
  /// A tile in `parent`; `action` runs on click, Enter or Space.
  FigureTile(wxWindow* parent, const wxString& name);
  /// Shows new content.
  void setContent(const TileContent& c);
  /// What a click, Enter or Space does.
  void setAction(std::function<void()> action) { action_ = std::move(action); }
  /// Runs the action (as a click does).
  void activate();

  bool AcceptsFocus() const override { return true; }
  bool AcceptsFocusFromKeyboard() const override { return true; }

 protected:
  wxSize DoGetBestSize() const override;

 private:
  void onPaint();
  /// Draws the texts (or only measures them when !paint) at a tile width; returns the height they need.
  int draw(wxDC& dc, int tileWidth, bool paint);
  int wrapLines(wxDC& dc, const wxString& text, int width, std::vector<wxString>* out) const;
  TileContent c_;
  std::function<void()> action_;
  bool hover_ = false;
  int measuredWidth_ = -1;
};

}  // namespace dangbo::app
