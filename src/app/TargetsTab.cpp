#include "app/TargetsTab.h"

#include <wx/button.h>
#include <wx/listctrl.h>

#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/TargetDialog.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "services/Services.h"

namespace dangbo::app {

TargetsTab::TargetsTab(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "TargetsTab");
  list_ = ctrl<wxListCtrl>(this, "targets");
  ui::sortable(list_);
  for (const wxString& h : {_("Target"), _("Term"), _("Value")}) list_->AppendColumn(h);
  ui::stretchLastColumn(list_);
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit(false); });
  ctrl<wxButton>(this, "add")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(true); });
  ctrl<wxButton>(this, "edit")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(false); });
  ctrl<wxButton>(this, "remove")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
}

void TargetsTab::showRegister(services::Services& s) {
  services_ = &s;
  reload();
}

void TargetsTab::reload() {
  targets_ = services_->targets();
  list_->Freeze();
  list_->DeleteAllItems();
  for (const auto& t : targets_) {
    long row = list_->InsertItem(list_->GetItemCount(), ui::wx(core::enums::targetKey.label(t.key)));
    list_->SetItem(row, 1, wxString::Format("%d-%d", t.fromYear, t.toYear));
    list_->SetItem(row, 2, TargetDialog::number(t.value));
  }
  ui::fitColumns(list_);
  list_->Thaw();
}

void TargetsTab::edit(bool isNew) {
  if (!services_) return;
  core::Target t;
  if (!isNew) {
    long row = ui::selectedRow(list_);
    if (row < 0 || row >= long(targets_.size())) {
      ui::showInfo(this, _("Choose a target first."));
      return;
    }
    t = targets_[size_t(row)];
  }
  TargetDialog dlg(this, isNew ? nullptr : &t);
  if (dlg.run([&](const core::Target& v) { services_->saveTarget(currentActor(), v); })) reload();
}

void TargetsTab::remove() {
  long row = ui::selectedRow(list_);
  if (!services_ || row < 0 || row >= long(targets_.size())) {
    ui::showInfo(this, _("Choose a target first."));
    return;
  }
  core::Target t = targets_[size_t(row)];
  wxString what =
      ui::wx(core::enums::targetKey.label(t.key)) + wxString::Format(" (%d-%d)", t.fromYear, t.toYear);
  if (!ui::confirm(this, ui::fmt(_("Delete the target {1}?"), {what}), _("Delete"))) return;
  if (ui::attempt(this, [&] { services_->deleteTarget(currentActor(), t); })) reload();
}

}  // namespace dangbo::app
