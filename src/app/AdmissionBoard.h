#pragma once
// The pipeline board of the admissions page: a column per stage, a card per candidate (or probationary
// member), drawn on a scrolled canvas. Cards are coloured by their next deadline (due soon, overdue);
// each column scrolls on its own; arrows move between cards, typing a code or a name jumps to its card, Enter
// or a double click opens one.
#include <wx/scrolwin.h>

#include <functional>
#include <string>
#include <vector>

namespace dangbo::app {

/// A card on the board.
struct BoardCard {
  std::string code;     ///< candidate code, or member code when `member`
  bool member = false;  ///< a probationary member (recognition column)
  wxString name;        ///< full name
  wxString cell;        ///< cell code and name
  wxString line;        ///< the next deadline or the next step
  int urgency = 0;      ///< 0 nothing due soon, 1 due soon, 2 overdue
  bool flag = false;    ///< needs the province's approval (over the maximum age)
};

/// A column of the board.
struct BoardColumn {
  wxString title;                ///< the stage
  std::vector<BoardCard> cards;  ///< in order
};

/// The board.
class AdmissionBoard : public wxScrolledCanvas {
 public:
  /// Called with the card to open (Enter, double click).
  using Open = std::function<void(const BoardCard&)>;
  AdmissionBoard(wxWindow* parent, Open open);
  /// Replaces the columns; keeps the selected card when it is still there.
  void setColumns(std::vector<BoardColumn> columns);
  /// The selected card, or nullptr.
  const BoardCard* selected() const;

 private:
  void layout();
  wxRect cardRect(size_t col, size_t row) const;
  void onMotion(wxMouseEvent& e);
  void onWheel(wxMouseEvent& e);
  int bodyTop() const;                   ///< where the cards begin, under the titles
  int bodyHeight() const;                ///< the height shown of each column's cards
  int maxTop(size_t col) const;          ///< how far a column can scroll
  int columnAt(const wxPoint& p) const;  ///< the column under a board position, or -1
  void onPaint(wxPaintEvent&);
  void onKey(wxKeyEvent& e);
  void onClick(wxMouseEvent& e, bool open);
  void onChar(wxKeyEvent& e);
  void select(int col, int row);
  void ensureVisible();

  Open open_;
  std::vector<BoardColumn> columns_;
  int selCol_ = -1, selRow_ = -1;
  int colWidth_ = 160;
  int header_ = 36;  ///< height of the column titles (wrapped on up to three lines)
  int cardH_ = 66;   ///< height of a card (the deadline line wraps on two)
  std::vector<std::vector<wxString>> titleLines_;  ///< each column's title, wrapped
  std::vector<int> colTop_;                        ///< each column's own scroll position (pixels)
  std::string typed_;                              ///< type-ahead: the letters typed so far (folded)
  wxLongLong typedAt_ = 0;                         ///< when the last one was typed (ms)
};

}  // namespace dangbo::app
