#include "app/RuleValueDialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/CoreText.h"
#include "app/Forms.h"
#include "app/Ui.h"

namespace dangbo::app {

namespace {
// How a value of this kind is typed, with an example.
wxString formatHint(core::RuleKind kind) {
  switch (kind) {
    case core::RuleKind::Integer:
      return _("a whole number, e.g. 60");
    case core::RuleKind::Decimal:
      return _("a number with a dot before the decimals, e.g. 0.5");
    case core::RuleKind::Fraction:
      return _("a fraction, e.g. 2/3");
    case core::RuleKind::IntList:
      return _("whole numbers separated by commas, e.g. 30,40,45");
    case core::RuleKind::DayMonths:
      return _("days as dd/mm separated by commas, e.g. 03/02,19/05");
    case core::RuleKind::Bands:
      return _("descending whole numbers separated by /, e.g. 90/70/50");
    case core::RuleKind::GroundList:
      return _("removal ground codes separated by commas, e.g. bo_sinh_hoat");
  }
  return {};
}
}  // namespace

RuleValueDialog::RuleValueDialog(wxWindow* parent, const core::RuleDef& def, const wxString& current)
    : def_(def) {
  wxXmlResource::Get()->LoadDialog(this, parent, "RuleValueDialog");
  ctrl<wxStaticText>(this, "rule")->SetLabelText(ui::wx(core::tr(def.label)));
  ctrl<wxStaticText>(this, "current")->SetLabelText(current);
  wxString unit = def.unit && *def.unit ? ui::wx(core::tr(def.unit)) + "  " : wxString();
  ctrl<wxStaticText>(this, "unit")->SetLabelText(unit + "(" + formatHint(def.kind) + ")");
  ctrl<wxTextCtrl>(this, "validFrom")->ChangeValue(ui::wx(core::Date::today().vn()));
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

bool RuleValueDialog::run(const std::function<void(const core::RuleValue&)>& submit) {
  submit_ = submit;
  ctrl<wxTextCtrl>(this, "value")->SetFocus();
  return ShowModal() == wxID_OK;
}

void RuleValueDialog::onSave() {
  auto from = ui::readDate(this, ctrl<wxTextCtrl>(this, "validFrom"), _("Valid from"));
  if (!from) return;
  core::RuleValue v;
  v.key = std::string(def_.key);
  v.validFrom = *from;
  v.value = ui::utf8(ctrl<wxTextCtrl>(this, "value")->GetValue());
  v.regulation = ui::utf8(ctrl<wxTextCtrl>(this, "regulation")->GetValue());
  v.note = ui::utf8(ctrl<wxTextCtrl>(this, "note")->GetValue());
  if (ui::attempt(this, [&] { submit_(v); })) EndModal(wxID_OK);
}

}  // namespace dangbo::app
