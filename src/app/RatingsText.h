#pragma once
// What the files of the ratings page share: the levels and the keys 1-4 that set them, the columns of the
// cells' grid, the colours of warnings, the percentage text and columns as wide as their headers and texts.
#include <wx/arrstr.h>
#include <wx/colour.h>
#include <wx/defs.h>
#include <wx/listctrl.h>
#include <wx/string.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "app/Ui.h"
#include "core/Numbers.h"

namespace dangbo::app::ratings {

/// The four levels, best first.
inline constexpr const char* kLevels[] = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};

/// The columns of the cells' grid.
enum OrgCol { oCode, oName, oMembers, oMust, oLevel, oScore, oException, oOrgCols };

/// The level of keys 1-4 (also on the numeric pad), or -1.
inline int levelKey(int code) {
  if (code >= '1' && code <= '4') return code - '1';
  if (code >= WXK_NUMPAD1 && code <= WXK_NUMPAD4) return code - WXK_NUMPAD1;
  return -1;
}

/// The choices of a level cell: none, then the four levels.
inline wxArrayString levelChoices() {
  wxArrayString a;
  a.Add("");
  for (const char* l : kLevels) a.Add(l);
  return a;
}

/// Background of a rating that breaks a rule (a disciplined member or cell rated above "not complete").
inline const wxColour& flaggedColour() {
  static const wxColour c(0xF8, 0xD7, 0xDA);
  return c;
}

/// Text of a warning (a cell over its quota, a row below the target).
inline const wxColour& warnText() {
  static const wxColour c(0xB0, 0x1E, 0x1E);
  return c;
}

/// "91,9%" from tenths of a percent, "-" when there is none.
inline wxString percent(const std::optional<int64_t>& tenths) {
  return tenths ? ui::wx(core::formatPercentVn(*tenths)) : wxString("-");
}

/// Makes each column of a report list as wide as its header and its widest text (plus a margin), but never
/// narrower than `minWidth` nor, except for the header, wider than `maxWidth`.
inline void fitColumns(wxListCtrl* list, int minWidth = 40, int maxWidth = 260) {
  for (int c = 0; c < list->GetColumnCount(); ++c) {
    wxListItem head;
    head.SetMask(wxLIST_MASK_TEXT);
    list->GetColumn(c, head);
    int width = list->GetTextExtent(head.GetText()).GetWidth() + 24;  // the header's padding and separator
    int widest = 0;
    for (long r = 0; r < list->GetItemCount(); ++r)
      widest = std::max(widest, list->GetTextExtent(list->GetItemText(r, c)).GetWidth() + 16);
    width = std::max({width, std::min(widest, maxWidth), minWidth});
    list->SetColumnWidth(c, width);
  }
}

}  // namespace dangbo::app::ratings
