#include "app/ActionDialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/Forms.h"
#include "app/Ui.h"
#include "core/Enums.h"

namespace dangbo::app {

ActionDialog::ActionDialog(wxWindow* parent, const wxString& who,
                           const std::vector<core::Organization>& cells, const core::Member& member) {
  wxXmlResource::Get()->LoadDialog(this, parent, "ActionDialog");
  ctrl<wxStaticText>(this, "member")->SetLabelText(who);
  // The actions, the likely one first chosen: back in for a member who left by transfer, recognition for a
  // probationary member, the end of an exemption for an exempt member.
  kinds_ = {"recognized",      "transfer_out", "temp_out", "temp_back", "moved", "exempted",
            "exemption_ended", "deceased",     "removed",  "expelled",  "left",  "transfer_in"};
  auto* kind = ctrl<wxChoice>(this, "kind");
  for (const auto& k : kinds_) kind->Append(ui::wx(core::enums::memberEvent.label(k)));
  std::string likely = member.status == "transferred_out" ? "transfer_in"
                       : member.status == "exempt"        ? "exemption_ended"
                       : !member.officialOn               ? "recognized"
                                                          : "moved";
  for (size_t i = 0; i < kinds_.size(); ++i)
    if (kinds_[i] == likely) kind->SetSelection(int(i));
  auto* toCell = ctrl<wxChoice>(this, "toCell");
  for (const auto& o : cells) {
    if (o.id == member.cellId && member.status != "transferred_out") continue;
    cellCodes_.push_back(o.code);
    toCell->Append(ui::fmt(_("{1} ({2})"), {ui::wx(o.name), ui::wx(o.code)}));
  }
  auto* ground = ctrl<wxChoice>(this, "ground");
  for (const auto& g : core::enums::removalGround.items())
    ground->Append(ui::wx(core::enums::removalGround.label(g.code)));
  ctrl<wxTextCtrl>(this, "date")->ChangeValue(ui::wx(core::Date::today().vn()));
  kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { onKind(); });
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
  onKind();
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

std::string ActionDialog::kind() const {
  int i = ctrl<wxChoice>(const_cast<ActionDialog*>(this), "kind")->GetSelection();
  return i >= 0 ? kinds_[size_t(i)] : std::string();
}

void ActionDialog::onKind() {
  const std::string k = kind();
  const bool cell = k == "moved" || k == "transfer_in";
  const bool place = k == "transfer_out" || k == "temp_out" || k == "temp_back" || k == "transfer_in";
  const bool ground = k == "removed";
  ctrl<wxChoice>(this, "toCell")->Enable(cell);
  ctrl<wxStaticText>(this, "toCellLabel")->Enable(cell);
  ctrl<wxTextCtrl>(this, "place")->Enable(place);
  ctrl<wxStaticText>(this, "placeLabel")->Enable(place);
  ctrl<wxChoice>(this, "ground")->Enable(ground);
  ctrl<wxStaticText>(this, "groundLabel")->Enable(ground);
  ctrl<wxTextCtrl>(this, "reason")->Enable(!ground);
  ctrl<wxStaticText>(this, "reasonLabel")->Enable(!ground);
}

bool ActionDialog::run(const std::function<void(const services::MemberAction&)>& submit) {
  submit_ = submit;
  ctrl<wxChoice>(this, "kind")->SetFocus();
  return ShowModal() == wxID_OK;
}

void ActionDialog::onSave() {
  services::MemberAction a;
  a.kind = kind();
  auto date = ui::readDate(this, ctrl<wxTextCtrl>(this, "date"), _("Date"));
  if (!date) return;
  a.date = *date;
  if (a.kind == "moved" || a.kind == "transfer_in") {
    int c = ctrl<wxChoice>(this, "toCell")->GetSelection();
    if (c >= 0) a.toCellCode = cellCodes_[size_t(c)];
  }
  if (ctrl<wxTextCtrl>(this, "place")->IsEnabled())
    a.place = ui::utf8(ctrl<wxTextCtrl>(this, "place")->GetValue());
  a.decisionNo = ui::utf8(ctrl<wxTextCtrl>(this, "decisionNo")->GetValue());
  if (a.kind == "removed") {
    int g = ctrl<wxChoice>(this, "ground")->GetSelection();
    if (g >= 0) a.reason = std::string(core::enums::removalGround.items()[size_t(g)].code);
  } else {
    a.reason = ui::utf8(ctrl<wxTextCtrl>(this, "reason")->GetValue());
  }
  if (ui::attempt(this, [&] { submit_(a); })) EndModal(wxID_OK);
}

}  // namespace dangbo::app
