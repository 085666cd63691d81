#include "app/OrganizationDialog.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "app/Forms.h"
#include "app/Ui.h"
#include "core/Enums.h"

namespace dangbo::app {

namespace {
void fill(wxChoice* c, const core::EnumSet& set, const std::string& code) {
  int i = 0;
  for (const auto& it : set.items()) {
    c->Append(ui::wx(set.label(it.code)));
    if (it.code == code) c->SetSelection(i);
    ++i;
  }
  if (c->GetSelection() == wxNOT_FOUND) c->SetSelection(0);
}
std::string chosen(const wxChoice* c, const core::EnumSet& set) {
  int i = c->GetSelection();
  return i >= 0 ? std::string(set.items()[size_t(i)].code) : std::string();
}
}  // namespace

OrganizationDialog::OrganizationDialog(wxWindow* parent, const core::Organization* existing,
                                       const std::vector<core::Organization>& all) {
  wxXmlResource::Get()->LoadDialog(this, parent, "OrganizationDialog");
  if (existing)
    org_ = *existing;
  else {
    org_.kind = "truc_thuoc";
    org_.category = "ban";
  }
  SetTitle(existing ? _("Change a party organization") : _("Add a party organization"));
  ctrl<wxTextCtrl>(this, "code")->ChangeValue(ui::wx(org_.code));
  ctrl<wxTextCtrl>(this, "name")->ChangeValue(ui::wx(org_.name));
  ctrl<wxTextCtrl>(this, "founded")->ChangeValue(ui::date(org_.founded));
  ctrl<wxTextCtrl>(this, "origin")->ChangeValue(ui::wx(org_.origin));
  fill(ctrl<wxChoice>(this, "kind"), core::enums::orgKind, org_.kind);
  fill(ctrl<wxChoice>(this, "category"), core::enums::orgCategory, org_.category);
  auto* up = ctrl<wxChoice>(this, "parent");
  up->Append(_("None: directly under the commune committee"));
  parents_.push_back(0);
  up->SetSelection(0);
  for (const auto& o : all) {
    // the organization itself cannot be chosen; one that ceased only when it is the one stored
    if ((existing && o.id == existing->id) || (o.ceased && o.id != org_.parent.value_or(0))) continue;
    up->Append(ui::wx(o.code + " - " + o.name));
    parents_.push_back(o.id);
    if (org_.parent && *org_.parent == o.id) up->SetSelection(int(parents_.size()) - 1);
  }
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

void OrganizationDialog::proposeCode(const std::string& code) {
  if (org_.code.empty()) ctrl<wxTextCtrl>(this, "code")->ChangeValue(ui::wx(code));
}

bool OrganizationDialog::run(const std::function<void(const core::Organization&)>& submit) {
  submit_ = submit;
  // A code already there (a change, or the register's next code proposed): the name comes first.
  ctrl<wxTextCtrl>(this, ctrl<wxTextCtrl>(this, "code")->IsEmpty() ? "code" : "name")->SetFocus();
  return ShowModal() == wxID_OK;
}

void OrganizationDialog::onSave() {
  core::Organization o = org_;
  o.code = ui::utf8(ctrl<wxTextCtrl>(this, "code")->GetValue());
  o.name = ui::utf8(ctrl<wxTextCtrl>(this, "name")->GetValue());
  o.origin = ui::utf8(ctrl<wxTextCtrl>(this, "origin")->GetValue());
  o.kind = chosen(ctrl<wxChoice>(this, "kind"), core::enums::orgKind);
  o.category = chosen(ctrl<wxChoice>(this, "category"), core::enums::orgCategory);
  const int up = ctrl<wxChoice>(this, "parent")->GetSelection();
  o.parent.reset();
  if (up > 0 && size_t(up) < parents_.size()) o.parent = parents_[size_t(up)];
  auto* founded = ctrl<wxTextCtrl>(this, "founded");
  o.founded.reset();
  if (!founded->GetValue().Strip(wxString::both).empty()) {
    o.founded = ui::readDate(this, founded, _("Founded"));
    if (!o.founded) return;
  }
  if (ui::attempt(this, [&] { submit_(o); })) EndModal(wxID_OK);
}

}  // namespace dangbo::app
