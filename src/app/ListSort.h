#pragma once
// Report lists (wxListCtrl) sorted by a click on a column's heading: the Vietnamese order for text
// (core::textSortKey), dates (dd/mm/yyyy, with a time or not) and numbers (1.046; 12,5; 85%) by their value;
// a second click the other way. The sorted column's heading ends with an arrow, "▲" ascending, "▼" descending
// (in the text itself: the theme's own indicator is faint or missing, under Xvfb not drawn at all). The pages
// keep filling their lists in their own order: each row remembers the position it was filled at (its item
// data), ui::selectedRow answers that position, and a list filled again is sorted again the way the reader
// chose.
#include <wx/string.h>

class wxListCtrl;

namespace dangbo::app::ui {

/// Makes `list` (a report list, not virtual) sortable by its headings; its columns stay resizable.
void sortable(wxListCtrl* list);
/// Sorts `list` by `column` (ascending or not), as a click on its heading does (for tests and pages).
void sortList(wxListCtrl* list, int column, bool ascending);
/// The position at which the page filled row `row` of `list` (the row itself when the list is not sortable);
/// -1 for -1.
long filledIndex(wxListCtrl* list, long row);
/// `heading` without a sort arrow, then with " ▲" (`order` > 0, ascending) or " ▼" (`order` < 0); as it is
/// for 0. Also for the member list (a wxDataViewCtrl that the database sorts).
wxString sortHeading(const wxString& heading, int order);
/// The heading of the column of `list` that is sorted, with its arrow ("" when none), for the state lines.
wxString sortedHeading(wxListCtrl* list);

}  // namespace dangbo::app::ui
