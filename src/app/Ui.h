#pragma once
// Small helpers of the window: text at the wx boundary (UTF-8 <-> wxString), dates typed as
// dd/mm/yyyy, Vietnamese weekday names, and the message boxes every page uses.
#include <wx/string.h>

#include <exception>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/Date.h"

class wxWindow;
class wxTextCtrl;
class wxListCtrl;
class wxSizer;
class wxSpinCtrl;

namespace dangbo::app::ui {

/// A UTF-8 string from the layers below as a wxString.
wxString wx(std::string_view utf8);
/// A wxString as UTF-8 for the layers below.
std::string utf8(const wxString& s);
/// Replaces {1}, {2}, ... of a translated pattern with the arguments (core::format at the wx boundary).
wxString fmt(const wxString& pattern, std::initializer_list<wxString> args);
/// "1.046": a count with the Vietnamese thousands separator.
wxString count(long long n);
/// "31/12/2024", or an empty string when there is no date.
wxString date(const std::optional<core::Date>& d);
/// "Thứ Hai" .. "Chủ nhật".
wxString weekdayName(const core::Date& d);
/// The date typed in `field` (dd/mm/yyyy); shows a message naming `what` and focuses the field when it is not
/// a date.
std::optional<core::Date> readDate(wxWindow* parent, wxTextCtrl* field, const wxString& what);

/// Shows an error message with a title.
void showError(wxWindow* parent, const wxString& title, const wxString& message);
/// Shows the message of an exception thrown by the services, titled by its kind.
void showException(wxWindow* parent, const std::exception& e);
/// Shows an information message.
void showInfo(wxWindow* parent, const wxString& message);
/// Asks a yes/no question; `yes` labels the button that confirms. True when confirmed.
bool confirm(wxWindow* parent, const wxString& message, const wxString& yes);
/// Runs `work`; when it throws, shows the message and returns false.
bool attempt(wxWindow* parent, const std::function<void()>& work);

/// Sizes each column of a report list to the wider of its header and its contents, at most `maxWidth`
/// pixels (widths of rows in a bold font included); the last column takes the room left over.
void fitColumns(wxListCtrl* list, int maxWidth = 480);
/// Makes the last column of a report list grow to fill the list whenever the list is resized.
void stretchLastColumn(wxListCtrl* list);
/// The index of the selected row of a report list, or -1; for a sortable list (ListSort.h) the position the
/// row was filled at, whatever order the reader chose.
long selectedRow(wxListCtrl* list);

/// Adds "Năm:" and a year field (2000 to 2100, starting at `year`, named "year") to a page's bar of
/// fields; returns the field.
wxSpinCtrl* addYearField(wxWindow* parent, wxSizer* bar, int year);

}  // namespace dangbo::app::ui
