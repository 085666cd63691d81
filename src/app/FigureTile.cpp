#include "app/FigureTile.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>
#include <vector>

namespace dangbo::app {

namespace {
constexpr int kPad = 12;
const wxColour kBorder(0xDA, 0xDC, 0xE0), kHoverBorder(0x9A, 0xA0, 0xA6), kFocus(0x1A, 0x73, 0xE8);
const wxColour kCaption(0x3C, 0x40, 0x43), kMuted(0x5F, 0x63, 0x68), kTrack(0xE8, 0xEA, 0xED);
}  // namespace

FigureTile::FigureTile(wxWindow* parent, const wxString& name)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE,
               name) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetCursor(wxCursor(wxCURSOR_HAND));
  Bind(wxEVT_PAINT, [this](wxPaintEvent&) { onPaint(); });
  Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
    Refresh();
    e.Skip();
  });
  Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    Refresh();
    e.Skip();
  });
  Bind(wxEVT_ENTER_WINDOW, [this](wxMouseEvent&) {
    hover_ = true;
    Refresh();
  });
  Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
    hover_ = false;
    Refresh();
  });
  Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent&) { SetFocus(); });
  Bind(wxEVT_LEFT_UP, [this](wxMouseEvent&) { activate(); });
  Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    switch (e.GetKeyCode()) {
      case WXK_RETURN:
      case WXK_NUMPAD_ENTER:
      case WXK_SPACE:
        activate();
        return;
      case WXK_TAB:
        Navigate(e.ShiftDown() ? wxNavigationKeyEvent::IsBackward : wxNavigationKeyEvent::IsForward);
        return;
      case WXK_LEFT:
      case WXK_UP:
        Navigate(wxNavigationKeyEvent::IsBackward);
        return;
      case WXK_RIGHT:
      case WXK_DOWN:
        Navigate(wxNavigationKeyEvent::IsForward);
        return;
      default:
        e.Skip();
    }
  });
}

void FigureTile::setContent(const TileContent& c) {
  c_ = c;
  SetLabel(c.caption + ": " + c.value + " " + c.valueNote + ". " + c.status);  // read by screen readers
  SetToolTip(c.caption + "\n" + c.status + "\n" + c.footer + "\n\n" +
             _("Click or press Enter to see the list behind this figure."));
  InvalidateBestSize();
  Refresh();
}

void FigureTile::activate() {
  if (action_) action_();
}

int FigureTile::wrapLines(wxDC& dc, const wxString& text, int width, std::vector<wxString>* out) const {
  std::vector<wxString> lines;
  wxString line;
  for (const wxString& word : wxSplit(text, ' ', '\0')) {
    wxString probe = line.empty() ? word : line + " " + word;
    if (!line.empty() && dc.GetTextExtent(probe).x > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = probe;
    }
  }
  if (!line.empty()) lines.push_back(line);
  if (out) *out = lines;
  return int(lines.size());
}

wxSize FigureTile::DoGetBestSize() const {
  wxClientDC dc(const_cast<FigureTile*>(this));
  wxFont base = GetFont();
  dc.SetFont(base.Bold());
  const int line = dc.GetCharHeight();
  wxFont big = base;
  big.SetPointSize(base.GetPointSize() + 9);
  big.MakeBold();
  dc.SetFont(big);
  const int bigLine = dc.GetCharHeight();
  // Caption on two lines, the number, the bar, the status and the target on up to two lines.
  return wxSize(190, kPad + 3 * line + 4 + bigLine + 6 + 8 + 8 + 2 * line + 2 + 2 * line + kPad);
}

void FigureTile::onPaint() {
  wxAutoBufferedPaintDC dc(this);
  const wxSize size = GetClientSize();
  dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
  dc.Clear();
  const bool focused = HasFocus();
  // The card, with the status colour as an accent on its left.
  dc.SetPen(wxPen(focused ? kFocus : hover_ ? kHoverBorder : kBorder, focused ? 2 : 1));
  dc.SetBrush(*wxWHITE_BRUSH);
  dc.DrawRoundedRectangle(1, 1, size.x - 2, size.y - 2, 4);
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.SetBrush(wxBrush(c_.colour));
  dc.DrawRectangle(focused ? 3 : 2, 8, 4, size.y - 16);

  const int x = kPad + 4, width = size.x - x - kPad;
  int y = kPad;
  wxFont base = GetFont();
  dc.SetFont(base.Bold());
  dc.SetTextForeground(kCaption);
  std::vector<wxString> lines;
  wrapLines(dc, c_.caption, width, &lines);
  const int line = dc.GetCharHeight();
  for (size_t i = 0; i < lines.size() && i < 3; ++i) dc.DrawText(lines[i], x, y + int(i) * line);
  y += int(std::min<size_t>(std::max<size_t>(lines.size(), 2), 3)) * line + 4;

  wxFont big = base;
  big.SetPointSize(base.GetPointSize() + 9);
  big.MakeBold();
  dc.SetFont(big);
  dc.SetTextForeground(c_.colour);
  dc.DrawText(c_.value, x, y);
  const wxSize valueSize = dc.GetTextExtent(c_.value);
  dc.SetFont(base);
  dc.SetTextForeground(kMuted);
  const int noteY = y + valueSize.y - dc.GetCharHeight() - 3;
  wxString note = c_.valueNote;
  while (!note.empty() && x + valueSize.x + 6 + dc.GetTextExtent(note).x > x + width) note.RemoveLast();
  dc.DrawText(note, x + valueSize.x + 6, noteY);
  y += valueSize.y + 6;

  if (c_.fill >= 0) {
    dc.SetBrush(wxBrush(kTrack));
    dc.DrawRoundedRectangle(x, y, width, 8, 3);
    const int filled = int(width * std::clamp(c_.fill, 0.0, 1.0));
    if (filled > 0) {
      dc.SetBrush(wxBrush(c_.colour));
      dc.DrawRoundedRectangle(x, y, std::max(filled, 6), 8, 3);
    }
    if (c_.mark >= 0 && c_.mark <= 1) {
      dc.SetPen(wxPen(kCaption, 2));
      const int mx = x + int(width * c_.mark);
      dc.DrawLine(mx, y - 3, mx, y + 11);
      dc.SetPen(*wxTRANSPARENT_PEN);
    }
  }
  y += 8 + 8;

  dc.SetFont(base.Bold());
  dc.SetTextForeground(c_.colour);
  wrapLines(dc, c_.status, width, &lines);
  for (size_t i = 0; i < lines.size() && i < 2; ++i) dc.DrawText(lines[i], x, y + int(i) * line);
  y += int(std::min<size_t>(std::max<size_t>(lines.size(), 1), 2)) * line + 2;
  dc.SetFont(base);
  dc.SetTextForeground(kMuted);
  wrapLines(dc, c_.footer, width, &lines);
  for (size_t i = 0; i < lines.size() && i < 2; ++i)
    dc.DrawText(lines[i], x, y + int(i) * dc.GetCharHeight());
}

}  // namespace dangbo::app
