#include "app/AdmissionBoard.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>
#include <wx/time.h>

#include <algorithm>

#include "app/Ui.h"
#include "core/VietText.h"

namespace dangbo::app {

namespace {
constexpr int kMargin = 8;       // around and between columns
constexpr int kGap = 6;          // between cards
constexpr int kMinColumn = 112;  // narrowest column before the board scrolls sideways (all 8 fit at 1366x768)
constexpr int kBadge = 40;       // room for the count at the right of a title's first line
constexpr int kTitleLines = 3;   // a longer title is cut with "..." (its full text in the tooltip)

const wxColour kBoardBg(236, 239, 243), kColumnBg(223, 228, 235), kTitle(33, 53, 85);
const wxColour kCardBg(255, 255, 255), kSoonBg(255, 246, 219), kOverdueBg(253, 231, 231);
const wxColour kStripe(120, 144, 156), kSoon(230, 145, 0), kOverdue(198, 40, 40);
const wxColour kSelected(21, 101, 192), kMuted(90, 98, 110), kFlag(214, 110, 0);
// Word-wraps `text` to lines no wider than widths[i] (the last width for further lines), at most
// `maxLines`; the last line is ellipsized when the text does not fit.
std::vector<wxString> wrapText(wxDC& dc, const wxString& text, const std::vector<int>& widths,
                               size_t maxLines) {
  std::vector<wxString> lines;
  wxString rest = text;
  rest.Trim(false);
  auto widthOf = [&](size_t i) { return widths[std::min(i, widths.size() - 1)]; };
  while (!rest.empty() && lines.size() < maxLines) {
    const int w = widthOf(lines.size());
    if (lines.size() + 1 == maxLines || dc.GetTextExtent(rest).x <= w) {
      lines.push_back(wxControl::Ellipsize(rest, dc, wxELLIPSIZE_END, w));
      break;
    }
    // the longest run of words that fits; a single word too long is cut
    size_t end = 0;
    for (size_t sp = rest.find(' '); sp != wxString::npos; sp = rest.find(' ', sp + 1)) {
      if (dc.GetTextExtent(rest.substr(0, sp)).x > w) break;
      end = sp;
    }
    if (end == 0) {
      size_t sp = rest.find(' ');
      lines.push_back(
          wxControl::Ellipsize(sp == wxString::npos ? rest : rest.substr(0, sp), dc, wxELLIPSIZE_END, w));
      if (sp == wxString::npos) break;
      rest = rest.substr(sp + 1);
    } else {
      lines.push_back(rest.substr(0, end));
      rest = rest.substr(end + 1);
    }
    rest.Trim(false);
  }
  return lines;
}

}  // namespace

AdmissionBoard::AdmissionBoard(wxWindow* parent, Open open)
    : wxScrolledCanvas(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxHSCROLL | wxVSCROLL | wxWANTS_CHARS | wxBORDER_THEME),
      open_(std::move(open)) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  // The board scrolls sideways as a whole; each column scrolls its own cards (mouse wheel over it, or the
  // selection moving), so a long column does not leave blank space under the short ones.
  SetScrollRate(10, 0);
  EnableScrolling(false, false);  // redraw rather than blit
  SetName("board");
  Bind(wxEVT_PAINT, &AdmissionBoard::onPaint, this);
  Bind(wxEVT_KEY_DOWN, &AdmissionBoard::onKey, this);
  Bind(wxEVT_CHAR, &AdmissionBoard::onChar, this);
  Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent& e) { onClick(e, false); });
  Bind(wxEVT_LEFT_DCLICK, [this](wxMouseEvent& e) { onClick(e, true); });
  Bind(wxEVT_MOTION, &AdmissionBoard::onMotion, this);
  Bind(wxEVT_MOUSEWHEEL, &AdmissionBoard::onWheel, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    layout();
    Refresh();
    e.Skip();
  });
  Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
    if (selCol_ < 0) select(0, 0);
    Refresh();
    e.Skip();
  });
  Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    Refresh();
    e.Skip();
  });
}

void AdmissionBoard::setColumns(std::vector<BoardColumn> columns) {
  std::string keep;
  bool keepMember = false;
  if (const BoardCard* c = selected()) {
    keep = c->code;
    keepMember = c->member;
  }
  columns_ = std::move(columns);
  selCol_ = selRow_ = -1;
  for (size_t i = 0; i < columns_.size() && selCol_ < 0; ++i)
    for (size_t j = 0; j < columns_[i].cards.size(); ++j)
      if (columns_[i].cards[j].code == keep && columns_[i].cards[j].member == keepMember) {
        selCol_ = int(i);
        selRow_ = int(j);
        break;
      }
  layout();
  ensureVisible();  // the kept card may have moved to another column
  Refresh();
}

const BoardCard* AdmissionBoard::selected() const {
  if (selCol_ < 0 || size_t(selCol_) >= columns_.size()) return nullptr;
  const auto& cards = columns_[size_t(selCol_)].cards;
  if (selRow_ < 0 || size_t(selRow_) >= cards.size()) return nullptr;
  return &cards[size_t(selRow_)];
}

void AdmissionBoard::layout() {
  const int n = std::max<int>(1, int(columns_.size()));
  const int width = GetClientSize().GetWidth();
  colWidth_ = std::max(kMinColumn, (width - kMargin * (n + 1)) / n);
  // Titles wrapped to the column (the first line leaves room for the count), the header as tall as the
  // tallest; cards tall enough for the name, the cell and two lines of the deadline.
  wxClientDC dc(this);
  dc.SetFont(GetFont().Bold());
  const int titleH = dc.GetCharHeight();
  titleLines_.clear();
  size_t lines = 1;
  for (const auto& c : columns_) {
    titleLines_.push_back(wrapText(dc, c.title, {colWidth_ - 8 - kBadge, colWidth_ - 16}, kTitleLines));
    lines = std::max(lines, titleLines_.back().size());
  }
  header_ = int(lines) * titleH + 16;
  const int nameH = titleH;
  dc.SetFont(GetFont().Smaller());
  const int smallH = dc.GetCharHeight();
  cardH_ = 6 + nameH + 3 + smallH + 3 + 2 * smallH + 6;
  SetVirtualSize(kMargin + n * (colWidth_ + kMargin), GetClientSize().GetHeight());
  colTop_.resize(columns_.size(), 0);
  for (size_t i = 0; i < columns_.size(); ++i) colTop_[i] = std::clamp(colTop_[i], 0, maxTop(i));
}

int AdmissionBoard::bodyTop() const {
  return kMargin + header_;
}

int AdmissionBoard::bodyHeight() const {
  return std::max(0, GetClientSize().GetHeight() - bodyTop() - kMargin);
}

int AdmissionBoard::maxTop(size_t col) const {
  const int content = int(columns_[col].cards.size()) * (cardH_ + kGap) + kGap;
  return std::max(0, content - bodyHeight());
}

wxRect AdmissionBoard::cardRect(size_t col, size_t row) const {
  const int top = col < colTop_.size() ? colTop_[col] : 0;
  return {kMargin + int(col) * (colWidth_ + kMargin) + 6, bodyTop() + kGap + int(row) * (cardH_ + kGap) - top,
          colWidth_ - 12, cardH_};
}

int AdmissionBoard::columnAt(const wxPoint& p) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    const int x = kMargin + int(i) * (colWidth_ + kMargin);
    if (p.x >= x && p.x < x + colWidth_) return int(i);
  }
  return -1;
}

void AdmissionBoard::onWheel(wxMouseEvent& e) {
  const int col = columnAt(CalcUnscrolledPosition(e.GetPosition()));
  if (e.GetWheelAxis() != wxMOUSE_WHEEL_VERTICAL || e.ShiftDown() || col < 0 || maxTop(size_t(col)) == 0)
    return e.Skip();  // sideways: the board's own scrollbar
  const int notches = e.GetWheelRotation() / std::max(1, e.GetWheelDelta());
  int& top = colTop_[size_t(col)];
  const int was = top;
  top = std::clamp(top - notches * (cardH_ + kGap), 0, maxTop(size_t(col)));
  if (top != was) Refresh();
}

void AdmissionBoard::onMotion(wxMouseEvent& e) {
  // The full text of what is under the pointer: a column's title, or a card's name, cell and deadline.
  const wxPoint p = CalcUnscrolledPosition(e.GetPosition());
  wxString tip;
  for (size_t i = 0; i < columns_.size() && tip.empty(); ++i) {
    const int x = kMargin + int(i) * (colWidth_ + kMargin);
    if (p.x < x || p.x >= x + colWidth_) continue;
    if (p.y < bodyTop()) {  // the titles
      tip = columns_[i].title;
      break;
    }
    if (p.y >= bodyTop() + bodyHeight()) break;
    for (size_t j = 0; j < columns_[i].cards.size(); ++j)
      if (cardRect(i, j).Contains(p)) {
        const BoardCard& c = columns_[i].cards[j];
        tip = c.name + "\n" + c.cell + "\n" + c.line;
        break;
      }
  }
  if (tip != GetToolTipText()) {
    if (tip.empty())
      UnsetToolTip();
    else
      SetToolTip(tip);
  }
  e.Skip();
}

void AdmissionBoard::onPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  DoPrepareDC(dc);
  wxSize virt = GetVirtualSize(), client = GetClientSize();
  dc.SetBackground(wxBrush(kBoardBg));
  dc.Clear();
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.SetBrush(wxBrush(kBoardBg));
  dc.DrawRectangle(0, 0, std::max(virt.x, client.x), client.y);

  wxFont base = GetFont();
  wxFont bold = base.Bold();
  wxFont small = base.Smaller();
  const int height = client.y;
  for (size_t i = 0; i < columns_.size(); ++i) {
    const auto& col = columns_[i];
    const int x = kMargin + int(i) * (colWidth_ + kMargin);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(kColumnBg));
    dc.DrawRoundedRectangle(x, kMargin, colWidth_, height - 2 * kMargin, 6);
    const int body = bodyHeight();
    if (const int most = maxTop(i); most > 0 && body > 0) {  // this column's own scroll position
      const int content = body + most;
      const int thumb = std::max(16, body * body / content);
      const int y = bodyTop() + (body - thumb) * colTop_[i] / most;
      dc.SetBrush(wxBrush(kStripe));
      dc.DrawRoundedRectangle(x + colWidth_ - 5, y, 3, thumb, 1);
    }
    wxDCClipper clip(dc, wxRect(x, bodyTop(), colWidth_ - 6, body));
    for (size_t j = 0; j < col.cards.size(); ++j) {
      const BoardCard& c = col.cards[j];
      wxRect r = cardRect(i, j);
      if (r.GetBottom() < bodyTop() || r.y > bodyTop() + body) continue;
      const bool sel = int(i) == selCol_ && int(j) == selRow_;
      const wxColour bg = c.urgency == 2 ? kOverdueBg : c.urgency == 1 ? kSoonBg : kCardBg;
      const wxColour stripe = c.urgency == 2 ? kOverdue : c.urgency == 1 ? kSoon : kStripe;
      dc.SetBrush(wxBrush(bg));
      dc.SetPen(sel ? wxPen(kSelected, HasFocus() ? 3 : 2) : wxPen(wxColour(200, 206, 214)));
      dc.DrawRoundedRectangle(r, 4);
      dc.SetPen(*wxTRANSPARENT_PEN);
      dc.SetBrush(wxBrush(stripe));
      dc.DrawRectangle(r.x + (sel ? 3 : 1), r.y + 6, 4, r.height - 12);
      const int tx = r.x + 12, tw = r.width - 18;
      dc.SetFont(bold);
      dc.SetTextForeground(wxColour(20, 20, 20));
      wxString name = c.name;
      int nameX = tx;
      if (c.flag) {
        dc.SetTextForeground(kFlag);
        dc.DrawText(wxString::FromUTF8("⚠"), tx, r.y + 5);
        nameX += dc.GetTextExtent(wxString::FromUTF8("⚠ ")).x;
        dc.SetTextForeground(wxColour(20, 20, 20));
      }
      const int nameH = dc.GetCharHeight();
      dc.DrawText(wxControl::Ellipsize(name, dc, wxELLIPSIZE_END, tw - (nameX - tx)), nameX, r.y + 6);
      dc.SetFont(small);
      const int smallH = dc.GetCharHeight();
      int y = r.y + 6 + nameH + 3;
      dc.SetTextForeground(kMuted);
      dc.DrawText(wxControl::Ellipsize(c.cell, dc, wxELLIPSIZE_END, tw), tx, y);
      y += smallH + 3;
      dc.SetTextForeground(c.urgency == 2 ? kOverdue : c.urgency == 1 ? wxColour(150, 90, 0) : kMuted);
      if (c.urgency) dc.SetFont(small.Bold());
      for (const auto& line : wrapText(dc, c.line, {tw}, 2)) {
        dc.DrawText(line, tx, y);
        y += smallH;
      }
    }
  }
  // The titles stay at the top while each column's cards scroll under them.
  for (size_t i = 0; i < columns_.size(); ++i) {
    const int x = kMargin + int(i) * (colWidth_ + kMargin), y = kMargin;
    const bool scrolled = i < colTop_.size() && colTop_[i] > 0;
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(kColumnBg));
    dc.DrawRoundedRectangle(x, y, colWidth_, header_, 6);
    dc.DrawRectangle(x, y + header_ / 2, colWidth_, header_ - header_ / 2);
    if (scrolled) {  // a thin line where the cards pass under
      dc.SetBrush(wxBrush(wxColour(200, 206, 214)));
      dc.DrawRectangle(x + 4, y + header_ - 1, colWidth_ - 8, 1);
    }
    dc.SetFont(bold);
    dc.SetTextForeground(kTitle);
    if (i < titleLines_.size())
      for (size_t l = 0; l < titleLines_[i].size(); ++l)
        dc.DrawText(titleLines_[i][l], x + 8, y + 9 + int(l) * dc.GetCharHeight());
    wxString n = wxString::Format("%zu", columns_[i].cards.size());
    wxSize ns = dc.GetTextExtent(n);
    dc.SetBrush(wxBrush(wxColour(255, 255, 255)));
    dc.DrawRoundedRectangle(x + colWidth_ - ns.x - 18, y + 7, ns.x + 12, ns.y + 4, 8);
    dc.DrawText(n, x + colWidth_ - ns.x - 12, y + 9);
  }
  if (columns_.empty()) {
    dc.SetFont(base);
    dc.SetTextForeground(kMuted);
    dc.DrawText(_("No register is open."), 20, 20);
  }
}

void AdmissionBoard::select(int col, int row) {
  if (columns_.empty()) return;
  col = std::clamp(col, 0, int(columns_.size()) - 1);
  const int n = int(columns_[size_t(col)].cards.size());
  if (n == 0) {
    // an empty column: the nearest column with cards on the way
    for (size_t i = 0; i < columns_.size(); ++i)
      if (!columns_[i].cards.empty()) {
        selCol_ = int(i);
        selRow_ = 0;
        ensureVisible();
        Refresh();
        return;
      }
    selCol_ = selRow_ = -1;
    return;
  }
  selCol_ = col;
  selRow_ = std::clamp(row, 0, n - 1);
  ensureVisible();
  Refresh();
}

void AdmissionBoard::ensureVisible() {
  if (selCol_ < 0 || size_t(selCol_) >= colTop_.size()) return;
  const wxRect r = cardRect(size_t(selCol_), size_t(selRow_));
  // Sideways: the whole board.
  int ux = 1, uy = 1, vx = 0, vy = 0;
  GetScrollPixelsPerUnit(&ux, &uy);
  GetViewStart(&vx, &vy);
  vx *= ux;
  const int width = GetClientSize().x;
  int nx = vx;
  if (r.x - kMargin < vx) nx = r.x - kMargin;
  if (r.GetRight() + kMargin > vx + width) nx = r.GetRight() + kMargin - width;
  if (nx != vx) Scroll(std::max(0, nx) / std::max(1, ux), 0);
  // Up and down: the card whole, between the titles and the bottom edge of its column.
  int& top = colTop_[size_t(selCol_)];
  if (r.y - kGap < bodyTop())
    top -= bodyTop() - (r.y - kGap);
  else if (r.GetBottom() + kGap > bodyTop() + bodyHeight())
    top += r.GetBottom() + kGap - (bodyTop() + bodyHeight());
  top = std::clamp(top, 0, maxTop(size_t(selCol_)));
}

void AdmissionBoard::onKey(wxKeyEvent& e) {
  if (columns_.empty()) return e.Skip();
  const int key = e.GetKeyCode();
  auto step = [&](int dir) {  // the next column with cards in direction dir
    for (int c = selCol_ + dir; c >= 0 && c < int(columns_.size()); c += dir)
      if (!columns_[size_t(c)].cards.empty()) return select(c, selRow_);
  };
  if (selCol_ < 0 && (key == WXK_LEFT || key == WXK_RIGHT || key == WXK_UP || key == WXK_DOWN)) {
    select(0, 0);
    return;
  }
  switch (key) {
    case WXK_LEFT:
      step(-1);
      break;
    case WXK_RIGHT:
      step(1);
      break;
    case WXK_UP:
      select(selCol_, selRow_ - 1);
      break;
    case WXK_DOWN:
      select(selCol_, selRow_ + 1);
      break;
    case WXK_HOME:
      select(selCol_, 0);
      break;
    case WXK_END:
      select(selCol_, 1 << 20);
      break;
    case WXK_PAGEUP:
    case WXK_PAGEDOWN: {
      const int page = std::max(1, bodyHeight() / (cardH_ + kGap) - 1);
      select(selCol_, selRow_ + (key == WXK_PAGEUP ? -page : page));
      break;
    }
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
      if (const BoardCard* c = selected()) {
        BoardCard copy = *c;  // the callback may replace the columns
        open_(copy);
      }
      break;
    default:
      e.Skip();
  }
}

void AdmissionBoard::onChar(wxKeyEvent& e) {
  const wxChar ch = e.GetUnicodeKey();
  if (ch == WXK_NONE || ch < 32 || (e.GetModifiers() & (wxMOD_CONTROL | wxMOD_ALT))) return e.Skip();
  const wxLongLong now = wxGetLocalTimeMillis();
  if (now - typedAt_ > 1500) typed_.clear();
  typedAt_ = now;
  typed_ += core::fold(ui::utf8(wxString(ch)));
  // The first card whose code starts with, or whose name contains, what was typed.
  for (size_t i = 0; i < columns_.size(); ++i)
    for (size_t j = 0; j < columns_[i].cards.size(); ++j) {
      const BoardCard& c = columns_[i].cards[j];
      if (core::fold(c.code).rfind(typed_, 0) == 0 || core::foldedContains(ui::utf8(c.name), typed_)) {
        select(int(i), int(j));
        return;
      }
    }
}

void AdmissionBoard::onClick(wxMouseEvent& e, bool open) {
  SetFocus();
  wxPoint p = CalcUnscrolledPosition(e.GetPosition());
  if (p.y < bodyTop() || p.y >= bodyTop() + bodyHeight()) return;  // titles and margin: no card
  for (size_t i = 0; i < columns_.size(); ++i)
    for (size_t j = 0; j < columns_[i].cards.size(); ++j)
      if (cardRect(i, j).Contains(p)) {
        select(int(i), int(j));
        if (open) {
          BoardCard copy = columns_[i].cards[j];
          open_(copy);
        }
        return;
      }
}

}  // namespace dangbo::app
