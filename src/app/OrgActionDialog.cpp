#include "app/OrgActionDialog.h"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "app/Forms.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "core/Errors.h"
#include "services/Register.h"
#include "services/Services.h"

namespace dangbo::app {

OrgActionDialog::OrgActionDialog(wxWindow* parent, services::Services& s, OrgAction action,
                                 const core::Organization& cell, const std::vector<core::Organization>& cells)
    : services_(s), action_(action), cell_(cell) {
  wxXmlResource::Get()->LoadDialog(this, parent, "OrgActionDialog");
  for (const auto& o : cells)
    if (action != OrgAction::Dissolve || o.id != cell.id) cells_.push_back(o);
  if (action == OrgAction::Split || action == OrgAction::Leader) {
    services::MemberFilter f;
    f.asOf = core::Date::today();
    f.cellCode = cell.code;
    members_ = services::listMembers(s, currentActor(), f);
  }
  ctrl<wxTextCtrl>(this, "date")->ChangeValue(ui::wx(core::Date::today().vn()));
  showRows();
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

void OrgActionDialog::showRows() {
  const wxString name = ui::wx(cell_.name);
  wxString title, intro;
  std::vector<const char*> rows;
  auto* cells = ctrl<wxCheckListBox>(this, "cells");
  auto* target = ctrl<wxChoice>(this, "target");
  auto cellLabel = [](const core::Organization& o) {
    return ui::fmt(_("{1} ({2})"), {ui::wx(o.name), ui::wx(o.code)});
  };
  auto memberLabel = [](const services::MemberRow& m) {
    return ui::fmt(_("{1} ({2})"), {ui::wx(m.name), ui::wx(m.code)}) +
           (m.standing == "probationary" ? " - " + _("probationary") : wxString());
  };
  switch (action_) {
    case OrgAction::Merge:
      title = _("Merge cells");
      intro =
          _("The checked cells cease on the date and their members move to the cell they merge into.\n"
            "Figures for earlier dates keep counting the old cells.");
      rows = {"cells", "target"};
      for (size_t i = 0; i < cells_.size(); ++i) {
        cells->Append(cellLabel(cells_[i]));
        target->Append(cellLabel(cells_[i]));
        if (cells_[i].id == cell_.id) cells->Check(unsigned(i));
      }
      target->SetSelection(cells_.empty() ? wxNOT_FOUND : 0);
      break;
    case OrgAction::Split:
      title = _("Split a cell");
      intro =
          ui::fmt(_("A new cell is founded on the date from {1}; the checked members move to it."), {name});
      rows = {"newCode", "newName", "members"};
      for (const auto& m : members_) ctrl<wxCheckListBox>(this, "members")->Append(memberLabel(m));
      break;
    case OrgAction::Dissolve:
      title = _("Dissolve a cell");
      intro = ui::fmt(_("{1} ceases on the date; its members move to the chosen cell."), {name});
      rows = {"target"};
      ctrl<wxStaticText>(this, "targetLabel")->SetLabel(_("Members move &to:"));
      target->Append(_("(the cell has no members)"));
      for (const auto& o : cells_) target->Append(cellLabel(o));
      target->SetSelection(cells_.empty() ? 0 : 1);
      break;
    case OrgAction::CommitteeElected:
      title = _("Cell committee elected");
      intro = ui::fmt(_("{1} has a cell committee from the date."), {name});
      break;
    case OrgAction::CommitteeEnded:
      title = _("Cell committee ended");
      intro = ui::fmt(_("The cell committee of {1} ends on the date."), {name});
      break;
    case OrgAction::Leader:
      title = _("Secretary, deputy or committee member");
      intro = ui::fmt(
          _("A member of {1} takes a role from the date; the previous secretary or deputy's term ends "
            "that day."),
          {name});
      rows = {"member", "role"};
      for (const auto& m : members_) ctrl<wxChoice>(this, "member")->Append(memberLabel(m));
      for (const auto& r : core::enums::cellRole.items())
        ctrl<wxChoice>(this, "role")->Append(ui::wx(core::enums::cellRole.label(r.code)));
      ctrl<wxChoice>(this, "role")->SetSelection(0);
      break;
  }
  rows.push_back("date");
  rows.push_back("decisionNo");
  SetTitle(title);
  ctrl<wxStaticText>(this, "intro")->SetLabelText(intro);
  for (const char* row :
       {"cells", "target", "newCode", "newName", "members", "member", "role", "date", "decisionNo"}) {
    bool shown = std::find_if(rows.begin(), rows.end(),
                              [&](const char* r) { return std::string(r) == row; }) != rows.end();
    FindWindow(XRCID((std::string(row) + "Row").c_str()))->Show(shown);
  }
}

bool OrgActionDialog::run() {
  return ShowModal() == wxID_OK;
}

void OrgActionDialog::onSave() {
  auto date = ui::readDate(this, ctrl<wxTextCtrl>(this, "date"), _("Date"));
  if (!date) return;
  std::string decisionNo = ui::utf8(ctrl<wxTextCtrl>(this, "decisionNo")->GetValue());
  if (ui::attempt(this, [&] { apply(*date, decisionNo); })) EndModal(wxID_OK);
}

void OrgActionDialog::apply(const core::Date& date, const std::string& decisionNo) {
  const auto actor = currentActor();
  auto* target = ctrl<wxChoice>(this, "target");
  switch (action_) {
    case OrgAction::Merge: {
      std::vector<std::string> from;
      auto* cells = ctrl<wxCheckListBox>(this, "cells");
      for (unsigned i = 0; i < cells->GetCount(); ++i)
        if (cells->IsChecked(i)) from.push_back(cells_[i].code);
      int t = target->GetSelection();
      services::mergeOrganizations(services_, actor, from, t >= 0 ? cells_[size_t(t)].code : std::string(),
                                   date, decisionNo);
      break;
    }
    case OrgAction::Split: {
      core::Organization o;
      o.code = ui::utf8(ctrl<wxTextCtrl>(this, "newCode")->GetValue());
      o.name = ui::utf8(ctrl<wxTextCtrl>(this, "newName")->GetValue());
      o.kind = cell_.kind;
      o.category = cell_.category;
      std::vector<std::string> moving;
      auto* members = ctrl<wxCheckListBox>(this, "members");
      for (unsigned i = 0; i < members->GetCount(); ++i)
        if (members->IsChecked(i)) moving.push_back(members_[i].code);
      services::splitOrganization(services_, actor, cell_.code, o, moving, date, decisionNo);
      break;
    }
    case OrgAction::Dissolve: {
      int t = target->GetSelection();
      services::dissolveOrganization(services_, actor, cell_.code, date, decisionNo,
                                     t > 0 ? cells_[size_t(t - 1)].code : std::string());
      break;
    }
    case OrgAction::CommitteeElected:
    case OrgAction::CommitteeEnded:
      services::setCellCommittee(services_, actor, cell_.code, action_ == OrgAction::CommitteeElected, date,
                                 decisionNo);
      break;
    case OrgAction::Leader: {
      int m = ctrl<wxChoice>(this, "member")->GetSelection();
      int r = ctrl<wxChoice>(this, "role")->GetSelection();
      if (m < 0) throw core::DataError(ui::utf8(_("Choose the member.")));
      services::setCellLeader(services_, actor, cell_.code, members_[size_t(m)].code,
                              std::string(core::enums::cellRole.items()[size_t(r < 0 ? 0 : r)].code), date,
                              decisionNo);
      break;
    }
  }
}

}  // namespace dangbo::app
