#include "app/LayoutCheck.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dataview.h>
#include <wx/eventfilter.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/utils.h>
#include <wx/weakref.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <set>
#include <string>

#include "app/ListSort.h"

namespace dangbo::app {

namespace {

// Controls whose text must show whole; lists, text fields and panels may be smaller than their content.
bool holdsText(wxWindow* w) {
  return wxDynamicCast(w, wxStaticText) || wxDynamicCast(w, wxButton) || wxDynamicCast(w, wxCheckBox) ||
         wxDynamicCast(w, wxRadioButton) || wxDynamicCast(w, wxChoice);
}

// Shown on the screen: the control and all its parents are shown, and it lies inside its parent.
bool reallyShown(wxWindow* w) {
  if (!w->IsShownOnScreen()) return false;
  wxWindow* parent = w->GetParent();
  if (!parent) return true;
  const wxRect inside(wxPoint(0, 0), parent->GetClientSize());
  return inside.Intersects(w->GetRect());
}

wxString& shownPage() {
  static wxString page;
  return page;
}

// The window that last received a key: wxGTK's FindFocus() knows no drop-down list (wxChoice), whose keyboard
// focus is on a GTK button inside it; a key it receives says where the keyboard is.
class LastKey : public wxEventFilter {
 public:
  int FilterEvent(wxEvent& e) override {
    if (e.GetEventType() == wxEVT_KEY_DOWN)
      if (auto* w = wxDynamicCast(e.GetEventObject(), wxWindow)) window = w;
    return Event_Skip;
  }
  wxWeakRef<wxWindow> window;
  bool installed = false;
};

LastKey& lastKey() {
  static LastKey filter;
  return filter;
}

// For a list (a wxDataViewCtrl, or a wxListCtrl through its inner window): the texts of its selected row (""
// when none), of the first two columns of a member list, of every column of a report list, so that a flow
// sees the order of a list it sorted and what a row says.
std::optional<wxString> selectedRowText(wxWindow* focus) {
  if (auto* view = wxDynamicCast(focus, wxDataViewCtrl)) {
    wxString text;
    const wxDataViewItem item = view->GetSelection();
    if (item.IsOk() && view->GetModel())
      for (unsigned c = 0; c < 2 && c < view->GetColumnCount(); ++c) {
        wxVariant v;
        view->GetModel()->GetValue(v, item, c);
        text += (c ? " " : "") + v.GetString();
      }
    return text;
  }
  auto* list = wxDynamicCast(focus, wxListCtrl);
  if (!list && focus->GetParent()) list = wxDynamicCast(focus->GetParent(), wxListCtrl);
  if (!list || list->HasFlag(wxLC_VIRTUAL)) return std::nullopt;
  const long row = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0) return wxString();
  // A report list: every column, " / " between them (what the reader sees of the row).
  wxString text = list->GetItemText(row, 0);
  for (int c = 1; c < list->GetColumnCount(); ++c) text += " / " + list->GetItemText(row, c);
  return text;
}

// For a list: the heading of the column it is sorted by, with its arrow ("" when none).
wxString sortedHeadingOf(wxWindow* focus) {
  if (auto* view = wxDynamicCast(focus, wxDataViewCtrl)) {
    for (unsigned c = 0; c < view->GetColumnCount(); ++c) {
      const wxString title = view->GetColumn(c)->GetTitle();
      if (ui::sortHeading(title, 0) != title) return title;
    }
    return {};
  }
  auto* list = wxDynamicCast(focus, wxListCtrl);
  if (!list && focus->GetParent()) list = wxDynamicCast(focus->GetParent(), wxListCtrl);
  return list ? ui::sortedHeading(list) : wxString();
}

class Checker : public wxTimer {
 public:
  Checker() { wxTheApp->Bind(wxEVT_IDLE, &Checker::onIdle, this); }
  // The timer only asks for a check; it is made when the event queue is empty, after the layouts, label
  // rewraps and CallAfters that a shown window or a size change queued (on a loaded machine they can wait
  // longer than one period of the timer).
  void Notify() override {
    due_ = true;
    wxWakeUpIdle();
  }

 private:
  void onIdle(wxIdleEvent& e) {
    e.Skip();
    if (!due_) return;
    due_ = false;
    check();
  }
  void check() {
    // A control counts as clipped when it is so in two checks in a row: not while a layout is under way.
    // Two checks close together (timer periods that piled up) may both fall before a pending layout: then
    // this check only starts a new pair.
    const auto now = std::chrono::steady_clock::now();
    const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(now - lastCheck_).count();
    lastCheck_ = now;
    if (gap < 150) current_.clear();
    previous_.swap(current_);
    current_.clear();
    wxString state;
    previews_.clear();
    for (wxWindow* w : wxTopLevelWindows) {
      auto* top = wxDynamicCast(w, wxTopLevelWindow);
      if (!top || !top->IsShown()) continue;
      visit(top, top->GetTitle());
      state += top->GetTitle() + " / ";
    }
    state += "| " + shownPage() + previews_;
    previews_.clear();
    wxWindow* focus = wxWindow::FindFocus();
    if (!focus && lastKey().window && wxDynamicCast(lastKey().window.get(), wxChoice))
      focus = lastKey().window;
    if (focus) {
      auto* choice = wxDynamicCast(focus, wxChoice);
      wxString label = choice ? choice->GetStringSelection() : focus->GetLabel();
      if (const auto row = selectedRowText(focus)) label = *row;
      label.Replace("\n", " ");
      if (const wxString sorted = sortedHeadingOf(focus); !sorted.empty()) state += " | sorted " + sorted;
      state += " | focus " + focus->GetName() + " \"" + label + "\"";
    }
    if (state == lastState_) return;
    lastState_ = state;
    std::printf("state: %s\n", state.utf8_string().c_str());
    std::fflush(stdout);
  }
  void visit(wxWindow* w, const wxString& where) {
    if (auto* html = wxDynamicCast(w, wxHtmlWindow); html && reallyShown(html))
      previews_ += " | preview \"" + html->GetOpenedPageTitle() + "\"";
    // A page's refusal, hint or summary (a text named "refusal...", "hint..." or "summary"): what the user is
    // told.
    if (auto* note = wxDynamicCast(w, wxStaticText);
        note &&
        (note->GetName().StartsWith("refusal") || note->GetName().StartsWith("hint") ||
         note->GetName() == "summary") &&
        reallyShown(note)) {
      wxString text = note->GetLabelText();
      text.Replace("\n", " ");
      previews_ += " | note \"" + text + "\"";
    }
    if (holdsText(w) && reallyShown(w)) {
      const wxSize best = w->GetBestSize();
      const wxSize shown = w->GetSize();
      // One pixel of rounding is not a clipped text.
      if (shown.x + 1 < best.x || shown.y + 1 < best.y) report(w, where, shown, best);
    }
    for (wxWindow* child : w->GetChildren())
      if (!child->IsTopLevel()) visit(child, where);
  }
  void report(wxWindow* w, const wxString& where, wxSize shown, wxSize best) {
    wxString label = w->GetLabel();
    label.Replace("\n", " ");
    const std::string line =
        (where + " | " + w->GetClassInfo()->GetClassName() + " \"" + label + "\"").utf8_string();
    current_.insert(line);
    if (!previous_.count(line) || !seen_.insert(line).second) return;
    std::fprintf(stderr, "layout-check: %s shown %dx%d, needs %dx%d\n", line.c_str(), shown.x, shown.y,
                 best.x, best.y);
    std::fflush(stderr);
  }
  std::set<std::string> seen_;                // reported already
  std::set<std::string> previous_, current_;  // clipped in the last check, in this one
  std::chrono::steady_clock::time_point lastCheck_{};
  bool due_ = false;
  wxString lastState_;
  wxString previews_;  // " | preview \"TITLE\"" for each HTML view shown (the report shown on the Reports
                       // page), and " | note \"TEXT\"" for each refusal or hint shown
};

}  // namespace

void startLayoutCheck() {
  wxString on;
  if (!wxGetEnv("DANGBO_LAYOUT_CHECK", &on) || on != "1") return;
  auto* checker = new Checker;  // lives as long as the program
  checker->Start(300);
  wxEvtHandler::AddFilter(&lastKey());
  lastKey().installed = true;
}

void stopLayoutCheck() {
  if (!lastKey().installed) return;
  wxEvtHandler::RemoveFilter(&lastKey());
  lastKey().installed = false;
}

void noteShownPage(const wxString& page) {
  shownPage() = page;
}

void noteSplash(const wxString& step, int done, int steps) {
  if (!lastKey().installed) return;  // the check is off
  wxString text = step;
  text.Replace("\n", " ");
  std::printf("state: splash \"%s\" %d/%d\n", text.utf8_string().c_str(), done, steps);
  std::fflush(stdout);
}

void noteBackground(const wxString& what) {
  if (!lastKey().installed) return;  // the check is off
  wxString text = what;
  text.Replace("\n", " ");
  std::printf("state: background %s\n", text.utf8_string().c_str());
  std::fflush(stdout);
}

int heldSaveStepMs() {
  wxString ms;
  long n = 0;
  if (!lastKey().installed || !wxGetEnv("DANGBO_HOLD_SAVE_MS", &ms) || !ms.ToLong(&n)) return 0;
  return int(std::clamp(n, 0L, 1000L));
}

}  // namespace dangbo::app
