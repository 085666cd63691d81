#include "app/FigureListDialog.h"

#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/xrc/xmlres.h>

#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/Ui.h"

namespace dangbo::app {

FigureListDialog::FigureListDialog(wxWindow* parent, const wxString& title, const wxString& summary,
                                   const wxString& hint, const std::vector<wxString>& columns,
                                   const std::vector<FigureListRow>& rows) {
  wxXmlResource::Get()->LoadDialog(this, parent, "FigureListDialog");
  SetTitle(title);
  ctrl<wxStaticText>(this, "summary")->SetLabelText(summary);
  auto* hintText = ctrl<wxStaticText>(this, "hint");
  hintText->SetLabelText(hint);
  hintText->Show(!hint.empty());
  auto* list = ctrl<wxListCtrl>(this, "list");
  ui::sortable(list);
  for (size_t i = 0; i < columns.size(); ++i) list->AppendColumn(columns[i]);
  const wxColour red(0xC5, 0x22, 0x1F);
  for (const auto& r : rows) {
    long item = list->InsertItem(list->GetItemCount(), r.cells.empty() ? wxString() : r.cells[0]);
    for (size_t c = 1; c < r.cells.size() && c < columns.size(); ++c)
      list->SetItem(item, long(c), r.cells[c]);
    if (r.shortfall) list->SetItemTextColour(item, red);
  }
  if (rows.empty()) list->InsertItem(0, _("(nothing to list)"));
  ui::fitColumns(list);
  ui::stretchLastColumn(list);
  SetEscapeId(wxID_CLOSE);
  SetAffirmativeId(wxID_CLOSE);
  list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_CLOSE); });
  if (list->GetItemCount() > 0) {
    list->SetItemState(0, wxLIST_STATE_FOCUSED | wxLIST_STATE_SELECTED,
                       wxLIST_STATE_FOCUSED | wxLIST_STATE_SELECTED);
  }
  list->SetFocus();
  CentreOnParent();
}

}  // namespace dangbo::app
