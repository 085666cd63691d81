#include "app/FigureTile.h"

#include <wx/dcbuffer.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>

#include <algorithm>
#include <vector>

namespace dangbo::app {

namespace {
constexpr int kPad = 12;
constexpr int kMinWidth = 150;  // in DIPs
const wxColour kBorder(0xDA, 0xDC, 0xE0), kHoverBorder(0x9A, 0xA0, 0xA6), kFocus(0x1A, 0x73, 0xE8);
const wxColour kCaption(0x3C, 0x40, 0x43), kMuted(0x5F, 0x63, 0x68), kTrack(0xE8, 0xEA, 0xED);
}  // namespace

FigureTile::FigureTile(wxWindow* parent, const wxString& name)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE,
               name) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetCursor(wxCursor(wxCURSOR_HAND));
  Bind(wxEVT_PAINT, [this](wxPaintEvent&) { onPaint(); });
  // The height follows the width the grid gives: a narrower tile wraps its texts on more lines.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    if (e.GetSize().x == measuredWidth_) return;
    measuredWidth_ = e.GetSize().x;
    const int before = GetBestSize().y;
    InvalidateBestSize();
    if (GetBestSize().y != before)
      CallAfter([this] {
        GetParent()->Layout();
        if (auto* scroll = wxDynamicCast(GetParent(), wxScrolledWindow)) scroll->FitInside();
      });
  });
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
  // The height the texts need at the tile's present width (the grid gives every tile the same width).
  wxClientDC dc(const_cast<FigureTile*>(this));
  const int width = std::max(GetClientSize().x, FromDIP(kMinWidth));
  return wxSize(FromDIP(kMinWidth), const_cast<FigureTile*>(this)->draw(dc, width, false));
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
  draw(dc, size.x, true);
}

int FigureTile::draw(wxDC& dc, int tileWidth, bool paint) {
  const int x = kPad + 4, width = tileWidth - x - kPad;
  int y = kPad;
  auto text = [&](const wxString& t, int tx, int ty) {
    if (paint) dc.DrawText(t, tx, ty);
  };
  // Every line of a text, wrapped at the tile's width: nothing is cut.
  auto lines = [&](const wxString& t, int minLines) {
    std::vector<wxString> out;
    wrapLines(dc, t, width, &out);
    const int h = dc.GetCharHeight();
    for (size_t i = 0; i < out.size(); ++i) text(out[i], x, y + int(i) * h);
    y += std::max(int(out.size()), minLines) * h;
  };
  wxFont base = GetFont();
  dc.SetFont(base.Bold());
  dc.SetTextForeground(kCaption);
  lines(c_.caption, 2);
  y += 4;

  // The number and its note never lose a digit: the number's font shrinks until both fit on the line,
  // and at the smallest size the note goes under the number.
  dc.SetFont(base);
  const int noteWidth = c_.valueNote.empty() ? 0 : dc.GetTextExtent(c_.valueNote).x + 6;
  wxFont big = base;
  big.MakeBold();
  int grow = 9;
  for (; grow > 2; --grow) {
    big.SetPointSize(base.GetPointSize() + grow);
    dc.SetFont(big);
    if (dc.GetTextExtent(c_.value).x + noteWidth <= width) break;
  }
  dc.SetTextForeground(c_.colour);
  const wxSize valueSize = dc.GetTextExtent(c_.value.empty() ? wxString("0") : c_.value);
  const bool below = valueSize.x + noteWidth > width;
  text(c_.value, x, y);
  dc.SetFont(base);
  dc.SetTextForeground(kMuted);
  if (below) {
    y += valueSize.y;
    lines(c_.valueNote, 1);
    y += 4;
  } else {
    text(c_.valueNote, x + valueSize.x + 6, y + valueSize.y - dc.GetCharHeight() - 3);
    y += valueSize.y + 6;
  }

  if (c_.fill >= 0 && paint) {
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
  lines(c_.status, 1);
  y += 2;
  dc.SetFont(base);
  dc.SetTextForeground(kMuted);
  lines(c_.footer, 1);
  return y + kPad;
}

}  // namespace dangbo::app
