#include "app/Ui.h"

#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <vector>

#include "app/CoreText.h"
#include "app/ListSort.h"
#include "core/Errors.h"
#include "core/Numbers.h"

namespace dangbo::app::ui {

wxString wx(std::string_view utf8) {
  return wxString::FromUTF8(utf8.data(), utf8.size());
}

std::string utf8(const wxString& s) {
  return s.ToStdString(wxConvUTF8);
}

wxString fmt(const wxString& pattern, std::initializer_list<wxString> args) {
  std::vector<std::string> texts;
  texts.reserve(args.size());
  for (const auto& a : args) texts.push_back(utf8(a));
  std::string p = utf8(pattern);
  switch (texts.size()) {  // core::format takes an initializer_list of views
    case 0:
      return wx(core::format(p, {}));
    case 1:
      return wx(core::format(p, {texts[0]}));
    case 2:
      return wx(core::format(p, {texts[0], texts[1]}));
    case 3:
      return wx(core::format(p, {texts[0], texts[1], texts[2]}));
    case 4:
      return wx(core::format(p, {texts[0], texts[1], texts[2], texts[3]}));
    case 5:
      return wx(core::format(p, {texts[0], texts[1], texts[2], texts[3], texts[4]}));
    default:
      return wx(core::format(p, {texts[0], texts[1], texts[2], texts[3], texts[4], texts[5]}));
  }
}

wxString count(long long n) {
  return wx(core::formatCountVn(n));
}

wxString date(const std::optional<core::Date>& d) {
  return d ? wx(d->vn()) : wxString();
}

wxString weekdayName(const core::Date& d) {
  switch (d.isoWeekday()) {
    case 1:
      return _("Monday");
    case 2:
      return _("Tuesday");
    case 3:
      return _("Wednesday");
    case 4:
      return _("Thursday");
    case 5:
      return _("Friday");
    case 6:
      return _("Saturday");
    default:
      return _("Sunday");
  }
}

std::optional<core::Date> readDate(wxWindow* parent, wxTextCtrl* field, const wxString& what) {
  wxString text = field->GetValue();
  auto d = core::Date::parse(utf8(text));
  if (!d) {
    showError(parent, _("Invalid date"),
              fmt(_("{1}: \"{2}\" is not a date. Type it as dd/mm/yyyy, e.g. 01/07/2025."), {what, text}));
    field->SetFocus();
    field->SelectAll();
  }
  return d;
}

void showError(wxWindow* parent, const wxString& title, const wxString& message) {
  wxMessageDialog dlg(parent, message, title, wxOK | wxICON_ERROR);
  dlg.SetOKLabel(_("Close"));
  dlg.ShowModal();
}

void showException(wxWindow* parent, const std::exception& e) {
  wxString title = _("Error");
  if (dynamic_cast<const core::DataError*>(&e))
    title = _("Data not accepted");
  else if (dynamic_cast<const core::PermissionError*>(&e))
    title = _("Not permitted");
  else if (dynamic_cast<const core::DatabaseError*>(&e))
    title = _("Cannot open the register");
  showError(parent, title, wx(e.what()));
}

void showInfo(wxWindow* parent, const wxString& message) {
  wxMessageDialog dlg(parent, message, _("Information"), wxOK | wxICON_INFORMATION);
  dlg.SetOKLabel(_("Close"));
  dlg.ShowModal();
}

bool confirm(wxWindow* parent, const wxString& message, const wxString& yes) {
  wxMessageDialog dlg(parent, message, _("Please confirm"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
  dlg.SetYesNoLabels(yes, _("Cancel"));
  return dlg.ShowModal() == wxID_YES;
}

bool attempt(wxWindow* parent, const std::function<void()>& work) {
  try {
    work();
    return true;
  } catch (const std::exception& e) {
    showException(parent, e);
    return false;
  }
}

void fitColumns(wxListCtrl* list, int maxWidth) {
  const int n = list->GetColumnCount();
  std::vector<int> headers(size_t(std::max(n, 0))), widths(headers.size());
  int total = 0;
  for (int c = 0; c < n; ++c) {
    // The header's own width (GTK's "use header" size is already the larger of header and content).
    wxListItem column;
    column.SetMask(wxLIST_MASK_TEXT);
    list->GetColumn(c, column);
    const int header = list->GetTextExtent(column.GetText()).GetWidth() + 24;
    int width = header;
    if (list->GetItemCount() > 0) {
      list->SetColumnWidth(c, wxLIST_AUTOSIZE);
      int content = list->GetColumnWidth(c);
      width = std::min(std::max(header, content + content / 10 + 12), maxWidth);  // room for bold rows
    }
    headers[size_t(c)] = header;
    widths[size_t(c)] = width;
    total += width;
  }
  // Wider than the list: the widest columns are cut down to one common width (never below their header),
  // the largest that lets every column stay in view; their longest texts are then shortened.
  const int available = list->GetClientSize().GetWidth() - 4;
  if (available > 200 && total > available) {
    auto fitted = [&](int cap) {
      int sum = 0;
      for (int c = 0; c < n; ++c) sum += std::min(widths[size_t(c)], std::max(cap, headers[size_t(c)]));
      return sum;
    };
    int low = 0, high = maxWidth;  // the largest cap with fitted(cap) <= available
    while (low < high) {
      const int mid = (low + high + 1) / 2;
      if (fitted(mid) <= available)
        low = mid;
      else
        high = mid - 1;
    }
    total = 0;
    for (int c = 0; c < n; ++c) {
      widths[size_t(c)] = std::min(widths[size_t(c)], std::max(low, headers[size_t(c)]));
      total += widths[size_t(c)];
    }
  }
  for (int c = 0; c < n; ++c) list->SetColumnWidth(c, widths[size_t(c)]);
  int room = available - total;
  if (n > 0 && room > 0) list->SetColumnWidth(n - 1, widths[size_t(n - 1)] + room);
}

wxSpinCtrl* addYearField(wxWindow* parent, wxSizer* bar, int year) {
  bar->Add(new wxStaticText(parent, wxID_ANY, _("&Year:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  auto* field = new wxSpinCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, 2000, 2100, year);
  field->SetName("year");
  bar->Add(field, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
  return field;
}

void stretchLastColumn(wxListCtrl* list) {
  list->Bind(wxEVT_SIZE, [list](wxSizeEvent& e) {
    e.Skip();
    int last = list->GetColumnCount() - 1;
    if (last < 0) return;
    int others = 0;
    for (int c = 0; c < last; ++c) others += list->GetColumnWidth(c);
    int room = list->GetClientSize().GetWidth() - others - 4;
    if (room > list->GetColumnWidth(last)) list->SetColumnWidth(last, room);
  });
}

long selectedRow(wxListCtrl* list) {
  return filledIndex(list, list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
}

}  // namespace dangbo::app::ui
