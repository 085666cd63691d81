#include "app/AdmissionRecognitionDialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "app/Forms.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Register.h"
#include "services/Services.h"

namespace dangbo::app {

AdmissionRecognitionDialog::AdmissionRecognitionDialog(wxWindow* parent, services::Services& s,
                                                       const std::string& memberCode)
    : services_(s), code_(memberCode) {
  wxXmlResource::Get()->LoadDialog(this, parent, "AdmissionRecognitionDialog");
  auto* outcome = ctrl<wxChoice>(this, "outcome");
  outcome->SetString(0, _("Recognized as official member"));
  outcome->SetString(1, _("Not recognized: removed from the list"));
  ctrl<wxButton>(this, "saveReview")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    auto on = ui::readDate(this, ctrl<wxTextCtrl>(this, "reviewOn"), _("Review on"));
    if (!on) return;
    const int favour = ctrl<wxSpinCtrl>(this, "reviewFavour")->GetValue();
    if (ui::attempt(this, [&] {
          services::recordRecognitionReview(services_, currentActor(), code_, *on, favour);
        })) {
      changed_ = true;
      ui::attempt(this, [this] { load(); });
    }
  });
  ctrl<wxButton>(this, "saveDecision")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    auto on = ui::readDate(this, ctrl<wxTextCtrl>(this, "decisionOn"), _("Date"));
    if (!on) return;
    const bool recognized = ctrl<wxChoice>(this, "outcome")->GetSelection() == 0;
    if (!recognized &&
        !ui::confirm(this, _("Not recognized: the member is removed from the list. Continue?"), _("Remove")))
      return;
    const std::string no = ui::utf8(ctrl<wxTextCtrl>(this, "decisionNo")->GetValue());
    if (ui::attempt(this, [&] {
          services::recordRecognitionDecision(services_, currentActor(), code_, no, *on, recognized);
        })) {
      changed_ = true;
      ui::attempt(this, [this] { load(); });
    }
  });
  ctrl<wxTextCtrl>(this, "reviewOn")->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { countVotes(); });
  ui::attempt(this, [this] {
    cellCode_ = services::memberFile(services_, currentActor(), code_).cellCode;
    load();
  });
  GetSizer()->SetSizeHints(this);
  SetSize(FromDIP(wxSize(620, -1)).GetWidth(), GetSize().GetHeight());
  CentreOnParent();
}

bool AdmissionRecognitionDialog::run() {
  ShowModal();
  return changed_;
}

void AdmissionRecognitionDialog::load() {
  file_ = services::recognitionFile(services_, currentActor(), code_);
  ctrl<wxStaticText>(this, "title")->SetLabel(ui::wx(file_.name) + "  (" + ui::wx(file_.code) + ")");
  wxString info = ui::fmt(_("Ceremony {1}; probation ends {2} (official from that day when recognized)."),
                          {ui::date(file_.ceremonyOn), ui::date(file_.probationEnds)});
  if (file_.result == "recognized") info += "\n" + _("Recognized as official member.");
  if (file_.result == "failed") info += "\n" + _("Not recognized: removed from the list.");
  ctrl<wxStaticText>(this, "probation")->SetLabel(info);
  const bool reviewed = file_.cellReviewOn.has_value();
  const bool decided = file_.result != "pending";
  auto* reviewOn = ctrl<wxTextCtrl>(this, "reviewOn");
  reviewOn->ChangeValue(reviewed ? ui::date(file_.cellReviewOn) : wxString());
  reviewOn->SetEditable(!reviewed);
  ctrl<wxSpinCtrl>(this, "reviewFavour")->SetValue(file_.inFavour.value_or(0));
  ctrl<wxSpinCtrl>(this, "reviewFavour")->Enable(!reviewed);
  ctrl<wxButton>(this, "saveReview")->Show(!reviewed);
  if (reviewed)
    ctrl<wxStaticText>(this, "reviewCount")
        ->SetLabel(
            ui::fmt(_("{1} of {2} official members in favour"),
                    {ui::count(file_.inFavour.value_or(0)), ui::count(file_.officialCount.value_or(0))}) +
            (file_.reviewPassed ? wxString() : "  " + _("(below the share: not recognized)")));
  else
    ctrl<wxStaticText>(this, "reviewCount")
        ->SetLabel(_("Type the date: the official members are counted from the register."));
  ctrl<wxWindow>(this, "sec_decision")->Enable(reviewed);
  ctrl<wxTextCtrl>(this, "decisionNo")->ChangeValue(ui::wx(file_.decisionNo));
  ctrl<wxTextCtrl>(this, "decisionOn")->ChangeValue(ui::date(file_.decisionOn));
  ctrl<wxTextCtrl>(this, "decisionNo")->SetEditable(!decided);
  ctrl<wxTextCtrl>(this, "decisionOn")->SetEditable(!decided);
  ctrl<wxChoice>(this, "outcome")
      ->SetSelection(file_.result == "failed" || (reviewed && !file_.reviewPassed) ? 1 : 0);
  ctrl<wxChoice>(this, "outcome")->Enable(!decided);
  ctrl<wxButton>(this, "saveDecision")->Show(reviewed && !decided);
  Layout();
}

void AdmissionRecognitionDialog::countVotes() {
  if (file_.cellReviewOn || cellCode_.empty()) return;
  auto d = core::Date::parse(ui::utf8(ctrl<wxTextCtrl>(this, "reviewOn")->GetValue()));
  auto* label = ctrl<wxStaticText>(this, "reviewCount");
  if (!d) return;
  try {
    auto v = services::cellVoteCount(services_, currentActor(), cellCode_, *d);
    label->SetLabel(ui::fmt(_("{1} official members on {2}: at least {3} in favour ({4}/{5})"),
                            {ui::count(v.official), ui::date(d), ui::count(v.needed),
                             wxString::Format("%d", v.num), wxString::Format("%d", v.den)}));
  } catch (const std::exception& e) {
    label->SetLabel(ui::wx(e.what()));
  }
  Layout();
}

}  // namespace dangbo::app
