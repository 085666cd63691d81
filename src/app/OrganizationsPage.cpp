#include "app/OrganizationsPage.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/stattext.h>

#include <map>

#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/OrgActionDialog.h"
#include "app/OrganizationDialog.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "services/CodeSuggestion.h"
#include "services/MemberList.h"
#include "services/MemberPager.h"
#include "services/Register.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
bool existsToday(const core::Organization& o) {
  const core::Date today = core::Date::today();
  return (!o.founded || *o.founded <= today) && (!o.ceased || *o.ceased > today);
}
}  // namespace

OrganizationsPage::OrganizationsPage(wxWindow* parent, std::function<void()> onChanged)
    : onChanged_(std::move(onChanged)) {
  wxXmlResource::Get()->LoadPanel(this, parent, "OrganizationsPage");
  list_ = ctrl<wxListCtrl>(this, "list");
  ui::sortable(list_);
  showCeased_ = ctrl<wxCheckBox>(this, "showCeased");
  const wxString headers[] = {_("Code"),     _("Name"),        _("Kind"),
                              _("Category"), _("Founded"),     _("Cell committee"),
                              _("Ceased"),   _("Merged into"), _("Former commune")};
  for (const auto& h : headers) list_->AppendColumn(h);
  ui::stretchLastColumn(list_);
  showCeased_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill(); });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showLeaders(); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit(); });
  auto on = [this](const char* name, std::function<void()> f) {
    ctrl<wxButton>(this, name)->Bind(wxEVT_BUTTON, [f](wxCommandEvent&) { f(); });
  };
  on("add", [this] { add(); });
  on("edit", [this] { edit(); });
  on("merge", [this] { act(OrgAction::Merge); });
  on("split", [this] { act(OrgAction::Split); });
  on("dissolve", [this] { act(OrgAction::Dissolve); });
  on("committee", [this] {
    if (const auto* o = selected())
      act(o->hasCommittee ? OrgAction::CommitteeEnded : OrgAction::CommitteeElected);
  });
  on("leader", [this] { act(OrgAction::Leader); });
}

void OrganizationsPage::showRegister(services::Services& s) {
  services_ = &s;
  orgs_ = s.organizations(currentActor());
  fill();
}

bool OrganizationsPage::addNew() {
  add();
  return true;
}

void OrganizationsPage::activate() {
  if (list_->GetItemCount() > 0 && ui::selectedRow(list_) < 0)
    list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  list_->SetFocus();
}

void OrganizationsPage::fill() {
  core::Date today = core::Date::today();
  const core::Organization* keep = selected();
  std::string keepCode = keep ? keep->code : std::string();
  std::map<core::Id, const core::Organization*> byId;
  for (const auto& o : orgs_) byId[o.id] = &o;
  int active = 0, ceased = 0;
  long select = -1;
  list_->Freeze();
  list_->DeleteAllItems();
  shown_.clear();
  for (size_t i = 0; i < orgs_.size(); ++i) {
    const auto& o = orgs_[i];
    bool gone = o.ceased && *o.ceased <= today;
    gone ? ++ceased : ++active;
    if (gone && !showCeased_->IsChecked()) continue;
    long row = list_->InsertItem(list_->GetItemCount(), ui::wx(o.code));
    shown_.push_back(i);
    if (o.code == keepCode) select = row;
    list_->SetItem(row, 1, ui::wx(o.name));
    list_->SetItem(row, 2, ui::wx(core::enums::orgKind.label(o.kind)));
    list_->SetItem(row, 3, ui::wx(core::enums::orgCategory.label(o.category)));
    list_->SetItem(row, 4, ui::date(o.founded));
    if (o.hasCommittee)
      list_->SetItem(row, 5,
                     o.committeeSince ? ui::fmt(_("since {1}"), {ui::date(o.committeeSince)}) : _("Yes"));
    list_->SetItem(row, 6, ui::date(o.ceased));
    if (o.mergedInto && byId.count(*o.mergedInto)) list_->SetItem(row, 7, ui::wx(byId[*o.mergedInto]->name));
    list_->SetItem(row, 8, ui::wx(o.origin));
    if (gone) list_->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  }
  ui::fitColumns(list_);
  list_->Thaw();
  if (select >= 0) {
    list_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(select);
  }
  ctrl<wxStaticText>(this, "counts")
      ->SetLabelText(ui::fmt(_("{1} organizations in activity; {2} merged or dissolved."),
                             {ui::count(active), ui::count(ceased)}));
  showLeaders();
  Layout();
}

const core::Organization* OrganizationsPage::selected() const {
  long row = ui::selectedRow(list_);
  return row >= 0 && size_t(row) < shown_.size() ? &orgs_[shown_[size_t(row)]] : nullptr;
}

void OrganizationsPage::showLeaders() {
  auto* label = ctrl<wxStaticText>(this, "leaders");
  const auto* o = selected();
  if (!o || !services_) {
    label->SetLabelText(_("Choose a cell to see its secretary and deputy."));
    return;
  }
  const auto actor = currentActor();
  std::vector<core::CellLeader> leaders;
  std::map<core::Id, std::string> names;
  ui::attempt(this, [&] {
    leaders = services::cellLeaders(*services_, actor, o->code);
    std::vector<core::Id> ids;
    for (const auto& l : leaders) ids.push_back(l.memberId);
    names = services::memberNames(*services_, actor, ids, core::Date::today());  // not the whole register
  });
  wxString text;
  for (const auto& l : leaders) {
    if (l.to && *l.to <= core::Date::today()) continue;  // current leaders only
    auto it = names.find(l.memberId);
    text += (text.empty() ? "" : "   ") +
            ui::fmt(_("{1}: {2} (since {3})"),
                    {ui::wx(core::enums::cellRole.label(l.role)),
                     it == names.end() ? wxString("?") : ui::wx(it->second), ui::date(l.from)});
  }
  label->SetLabelText(text.empty() ? ui::fmt(_("{1}: no secretary recorded."), {ui::wx(o->name)})
                                   : ui::wx(o->name) + ": " + text);
}

void OrganizationsPage::changed() {
  if (onChanged_) onChanged_();
}

void OrganizationsPage::add() {
  if (!services_) return;
  OrganizationDialog dlg(this, nullptr, orgs_);
  // The register's next code, as for a new member or candidate: never invented by hand.
  ui::attempt(this, [&] { dlg.proposeCode(services::suggestOrganizationCode(*services_)); });
  if (dlg.run(
          [this](const core::Organization& o) { services::addOrganization(*services_, currentActor(), o); }))
    changed();
}

void OrganizationsPage::edit() {
  const auto* o = selected();
  if (!services_ || !o) return;
  OrganizationDialog dlg(this, o, orgs_);
  if (dlg.run([this](const core::Organization& changedOrg) {
        services::updateOrganization(*services_, currentActor(), changedOrg);
      }))
    changed();
}

void OrganizationsPage::act(OrgAction action) {
  const auto* o = selected();
  if (!services_) return;
  if (!o) {
    ui::showInfo(this, _("Choose a cell in the list first."));
    return;
  }
  std::vector<core::Organization> cells;
  for (const auto& c : orgs_)
    if (existsToday(c)) cells.push_back(c);
  OrgActionDialog dlg(this, *services_, action, *o, cells);
  if (dlg.run()) changed();
}

}  // namespace dangbo::app
