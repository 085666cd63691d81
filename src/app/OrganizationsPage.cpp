#include "app/OrganizationsPage.h"

#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/stattext.h>

#include <map>

#include "app/Forms.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "services/Services.h"

namespace dangbo::app {

OrganizationsPage::OrganizationsPage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "OrganizationsPage");
  list_ = ctrl<wxListCtrl>(this, "list");
  showCeased_ = ctrl<wxCheckBox>(this, "showCeased");
  const wxString headers[] = {_("Code"),    _("Name"),           _("Kind"),   _("Category"),
                              _("Founded"), _("Cell committee"), _("Ceased"), _("Merged into")};
  for (const auto& h : headers) list_->AppendColumn(h);
  ui::stretchLastColumn(list_);
  showCeased_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill(); });
}

void OrganizationsPage::showRegister(services::Services& s) {
  orgs_ = s.organizations(services::Actor::localOffice());
  fill();
}

void OrganizationsPage::fill() {
  core::Date today = core::Date::today();
  std::map<core::Id, const core::Organization*> byId;
  for (const auto& o : orgs_) byId[o.id] = &o;
  int active = 0, ceased = 0;
  list_->Freeze();
  list_->DeleteAllItems();
  for (const auto& o : orgs_) {
    bool gone = o.ceased && *o.ceased <= today;
    gone ? ++ceased : ++active;
    if (gone && !showCeased_->IsChecked()) continue;
    long row = list_->InsertItem(list_->GetItemCount(), ui::wx(o.code));
    list_->SetItem(row, 1, ui::wx(o.name));
    list_->SetItem(row, 2, ui::wx(core::enums::orgKind.label(o.kind)));
    list_->SetItem(row, 3, ui::wx(core::enums::orgCategory.label(o.category)));
    list_->SetItem(row, 4, ui::date(o.founded));
    if (o.hasCommittee)
      list_->SetItem(row, 5,
                     o.committeeSince ? ui::fmt(_("since {1}"), {ui::date(o.committeeSince)}) : _("Yes"));
    list_->SetItem(row, 6, ui::date(o.ceased));
    if (o.mergedInto && byId.count(*o.mergedInto)) list_->SetItem(row, 7, ui::wx(byId[*o.mergedInto]->name));
    if (gone) list_->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  }
  ui::fitColumns(list_);
  list_->Thaw();
  ctrl<wxStaticText>(this, "counts")
      ->SetLabelText(ui::fmt(_("{1} organizations in activity; {2} merged or dissolved."),
                             {ui::count(active), ui::count(ceased)}));
  Layout();
}

}  // namespace dangbo::app
