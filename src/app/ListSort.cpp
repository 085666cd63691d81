#include "app/ListSort.h"

#include <wx/listctrl.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/Ui.h"
#include "core/VietText.h"

namespace dangbo::app::ui {

namespace {

// What a sortable list keeps (its client object).
struct SortState : wxClientData {
  int column = -1;  // none chosen yet: the page's own order
  bool ascending = true;
  long filled = 0;       // rows filled since the list was last emptied
  bool pending = false;  // a sort is due once the page has filled its rows
};

SortState* stateOf(wxListCtrl* list) {
  return list ? dynamic_cast<SortState*>(list->GetClientObject()) : nullptr;
}

// "31/12/2024", "12/2024" or "31/12/2024 08:15" as yyyymmddhhmm; nothing for other text.
std::optional<double> dateValue(const std::string& s) {
  int d = 0, m = 0, y = 0, h = 0, mi = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%2d/%2d/%4d %2d:%2d%c", &d, &m, &y, &h, &mi, &tail) == 5 ||
      std::sscanf(s.c_str(), "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3) {
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000) return std::nullopt;
    return ((double(y) * 100 + m) * 100 + d) * 10000 + h * 100 + mi;
  }
  if (std::sscanf(s.c_str(), "%2d/%4d%c", &m, &y, &tail) == 2 && m >= 1 && m <= 12 && y >= 1000)
    return (double(y) * 100 + m) * 100 * 10000;
  return std::nullopt;
}

// "1.046", "-3", "12,5" or "85%" as a number (the Vietnamese separators); nothing for other text.
std::optional<double> numberValue(std::string s) {
  if (!s.empty() && s.back() == '%') s.pop_back();
  if (s.empty()) return std::nullopt;
  std::string plain;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9')
      plain += c;
    else if (c == '-' && i == 0)
      plain += c;
    else if (c == ',')
      plain += '.';
    else if (c != '.')
      return std::nullopt;
  }
  double value = 0;  // read whatever the C locale says of decimal commas
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (error != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  return value;
}

// One row's place in the order: empty cells first, then by value or by the Vietnamese key, then as filled.
struct Key {
  bool present = false;
  double value = 0;
  std::string text;
  long filled = 0;
  bool operator<(const Key& o) const {
    if (present != o.present) return !present;
    if (value != o.value) return value < o.value;
    if (text != o.text) return text < o.text;
    return filled < o.filled;
  }
};

struct SortData {
  std::map<long, Key> keys;  // item data -> key
  bool ascending = true;
};

int wxCALLBACK compareRows(wxIntPtr a, wxIntPtr b, wxIntPtr data) {
  const auto* d = reinterpret_cast<const SortData*>(data);
  const Key& x = d->keys.at(long(a));
  const Key& y = d->keys.at(long(b));
  if (a == b) return 0;
  const bool before = d->ascending ? x < y : y < x;
  return before ? -1 : 1;
}

wxString headingOf(wxListCtrl* list, int column) {
  wxListItem head;
  head.SetMask(wxLIST_MASK_TEXT);
  list->GetColumn(column, head);
  return head.GetText();
}

// The arrow on the heading of `column`, none on the others; a column too narrow for its heading and arrow is
// widened.
void markHeadings(wxListCtrl* list, int column, bool ascending) {
  bool changed = false;
  for (int c = 0; c < list->GetColumnCount(); ++c) {
    const wxString old = headingOf(list, c);
    const wxString marked = sortHeading(old, c != column ? 0 : ascending ? 1 : -1);
    if (marked == old) continue;
    changed = true;
    wxListItem head;
    head.SetMask(wxLIST_MASK_TEXT);
    head.SetText(marked);
    list->SetColumn(c, head);
    const int needed = list->GetTextExtent(marked).x + list->FromDIP(24);
    if (c == column && list->GetColumnWidth(c) < needed) list->SetColumnWidth(c, needed);
  }
  if (changed) list->Refresh();  // the headings too: setting a heading's text does not repaint it
}

void resort(wxListCtrl* list) {
  SortState* st = stateOf(list);
  if (!st) return;
  st->pending = false;
  if (st->column < 0 || st->column >= list->GetColumnCount()) return;
  const long n = list->GetItemCount();
  std::vector<std::string> texts(size_t(std::max(n, 0L)));
  bool dates = true, numbers = true, any = false;
  for (long r = 0; r < n; ++r) {
    texts[size_t(r)] = utf8(list->GetItemText(r, st->column));
    const std::string& t = texts[size_t(r)];
    if (t.empty()) continue;
    any = true;
    dates = dates && dateValue(t).has_value();
    numbers = numbers && numberValue(t).has_value();
  }
  SortData data;
  data.ascending = st->ascending;
  for (long r = 0; r < n; ++r) {
    Key k;
    const std::string& t = texts[size_t(r)];
    k.filled = long(list->GetItemData(r));
    k.present = !t.empty();
    if (k.present && any && dates)
      k.value = *dateValue(t);
    else if (k.present && any && numbers)
      k.value = *numberValue(t);
    else
      k.text = core::textSortKey(t) + '\1' + t;  // equal keys (tones aside) then by the text itself
    data.keys[k.filled] = std::move(k);
  }
  list->SortItems(compareRows, wxIntPtr(&data));
  markHeadings(list, st->column, st->ascending);
  const long selected = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (selected >= 0) list->EnsureVisible(selected);
}

}  // namespace

void sortable(wxListCtrl* list) {
  if (!list || stateOf(list) || list->HasFlag(wxLC_VIRTUAL)) return;
  auto* st = new SortState;
  list->SetClientObject(st);
  for (long r = 0; r < list->GetItemCount(); ++r) list->SetItemData(r, r);
  st->filled = list->GetItemCount();
  list->Bind(wxEVT_LIST_DELETE_ALL_ITEMS, [list](wxListEvent& e) {
    e.Skip();
    if (SortState* s = stateOf(list)) s->filled = 0;
  });
  list->Bind(wxEVT_LIST_INSERT_ITEM, [list](wxListEvent& e) {
    e.Skip();
    SortState* s = stateOf(list);
    if (!s) return;
    if (list->GetItemCount() == 1) s->filled = 0;
    list->SetItemData(e.GetIndex(), s->filled++);
    if (s->column >= 0 && !s->pending) {
      s->pending = true;
      list->CallAfter([list] { resort(list); });
    }
  });
  list->Bind(wxEVT_LIST_COL_CLICK, [list](wxListEvent& e) {
    SortState* s = stateOf(list);
    if (!s || e.GetColumn() < 0) return;
    sortList(list, e.GetColumn(), !(s->column == e.GetColumn() && s->ascending));
  });
}

void sortList(wxListCtrl* list, int column, bool ascending) {
  SortState* st = stateOf(list);
  if (!st) return;
  st->column = column;
  st->ascending = ascending;
  resort(list);
}

wxString sortHeading(const wxString& heading, int order) {
  static const wxString up = wxString::FromUTF8(" \u25B2"), down = wxString::FromUTF8(" \u25BC");
  wxString plain = heading;
  if (plain.EndsWith(up) || plain.EndsWith(down)) plain.RemoveLast(up.length());
  return order > 0 ? plain + up : order < 0 ? plain + down : plain;
}

wxString sortedHeading(wxListCtrl* list) {
  const SortState* st = stateOf(list);
  if (!st || st->column < 0 || st->column >= list->GetColumnCount()) return {};
  return headingOf(list, st->column);
}

long filledIndex(wxListCtrl* list, long row) {
  if (row < 0 || !stateOf(list)) return row;
  return long(list->GetItemData(row));
}

}  // namespace dangbo::app::ui
