#include "app/AccountsDialog.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>

#include <map>

#include "app/AccountDialog.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/Prompts.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "services/Accounts.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
const char* const kRoles[] = {"office", "secretary", "inspection", "leadership", "admin"};
}

AccountsDialog::AccountsDialog(wxWindow* parent, services::Services& s) : services_(s) {
  wxXmlResource::Get()->LoadDialog(this, parent, "AccountsDialog");
  list_ = ctrl<wxListCtrl>(this, "list");
  ui::sortable(list_);
  list_->AppendColumn(_("User name"));
  list_->AppendColumn(_("Full name"));
  list_->AppendColumn(_("Role"));
  list_->AppendColumn(_("Cell"));
  list_->AppendColumn(_("State"));
  ctrl<wxButton>(this, "add")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    // The first account is the administrator: a register whose only account had another role could
    // no longer be administered (accounts, backups, restore).
    bool setup = false;
    ui::attempt(this, [&] { setup = services::needsSetup(services_); });
    if (setup ? AccountDialog::createAdministrator(this, services_)
              : AccountDialog::createAccount(this, services_, currentActor()))
      reload();
  });
  ctrl<wxButton>(this, "role")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { changeRole(); });
  ctrl<wxButton>(this, "password")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (auto* u = selected(); u && AccountDialog::setPassword(this, services_, currentActor(), u->username))
      reload();
  });
  ctrl<wxButton>(this, "deactivate")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { deactivate(); });
  reload();
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

void AccountsDialog::reload() {
  list_->DeleteAllItems();
  users_.clear();
  std::map<core::Id, std::string> cells;
  ui::attempt(this, [&] {
    users_ = services::listUsers(services_, currentActor());
    for (const auto& o : services_.organizations(currentActor())) cells[o.id] = o.code;
  });
  const auto now = services::Clock::now();
  for (size_t i = 0; i < users_.size(); ++i) {
    const auto& u = users_[i];
    long row = list_->InsertItem(long(i), ui::wx(u.username));
    list_->SetItem(row, 1, ui::wx(u.fullName));
    list_->SetItem(row, 2, ui::wx(core::enums::userRole.label(u.role)));
    list_->SetItem(row, 3, u.cellId ? ui::wx(cells[*u.cellId]) : wxString());
    list_->SetItem(row, 4,
                   !u.active                                 ? _("inactive")
                   : (u.lockedUntil && now < *u.lockedUntil) ? _("locked")
                                                             : _("active"));
  }
  ui::fitColumns(list_);
}

const services::UserInfo* AccountsDialog::selected() {
  long row = ui::selectedRow(list_);
  if (row < 0 || size_t(row) >= users_.size()) {
    ui::showInfo(this, _("Choose an account in the list first."));
    return nullptr;
  }
  return &users_[size_t(row)];
}

void AccountsDialog::changeRole() {
  const auto* u = selected();
  if (!u) return;
  wxArrayString labels;
  for (const char* r : kRoles) labels.Add(ui::wx(core::enums::userRole.label(r)));
  wxSingleChoiceDialog pick(this, ui::fmt(_("The new role of {1}:"), {ui::wx(u->username)}),
                            _("Change the role"), labels);
  prompts::labelButtons(&pick);
  if (pick.ShowModal() != wxID_OK) return;
  const int choice = pick.GetSelection();
  std::string role = kRoles[choice];
  std::optional<core::Id> cell;
  if (role == "secretary") {
    std::vector<core::Organization> orgs;
    if (!ui::attempt(this, [&] { orgs = services_.organizations(currentActor()); })) return;
    wxArrayString names;
    std::vector<core::Id> ids;
    for (const auto& o : orgs) {
      if (o.ceased) continue;
      names.Add(ui::wx(o.code + " — " + o.name));
      ids.push_back(o.id);
    }
    wxSingleChoiceDialog pickCell(this, _("The cell of the secretary:"), _("Change the role"), names);
    prompts::labelButtons(&pickCell);
    if (pickCell.ShowModal() != wxID_OK) return;
    const int c = pickCell.GetSelection();
    cell = ids[size_t(c)];
  }
  const std::string name = u->username;
  if (ui::attempt(this, [&] { services::changeRole(services_, currentActor(), name, role, cell); })) reload();
}

void AccountsDialog::deactivate() {
  const auto* u = selected();
  if (!u) return;
  const std::string name = u->username;
  if (!ui::confirm(
          this,
          ui::fmt(_("Deactivate the account {1}? It will no longer be able to log in."), {ui::wx(name)}),
          _("Deactivate")))
    return;
  if (ui::attempt(this, [&] { services::deactivateUser(services_, currentActor(), name); })) reload();
}

}  // namespace dangbo::app
