#include "app/TargetDialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <charconv>
#include <cmath>

#include "app/Forms.h"
#include "app/Ui.h"
#include "core/Enums.h"

namespace dangbo::app {

TargetDialog::TargetDialog(wxWindow* parent, const core::Target* existing) {
  wxXmlResource::Get()->LoadDialog(this, parent, "TargetDialog");
  auto* key = ctrl<wxChoice>(this, "key");
  for (const auto& item : core::enums::targetKey.items())
    key->Append(ui::wx(core::enums::targetKey.label(item.code)));
  key->SetSelection(0);
  if (existing) {
    int i = 0;
    for (const auto& item : core::enums::targetKey.items()) {
      if (item.code == existing->key) key->SetSelection(i);
      ++i;
    }
    ctrl<wxSpinCtrl>(this, "fromYear")->SetValue(existing->fromYear);
    ctrl<wxSpinCtrl>(this, "toYear")->SetValue(existing->toYear);
    ctrl<wxTextCtrl>(this, "value")->ChangeValue(number(existing->value));
    key->Disable();  // key and term identify the target: a different one is added, not edited
    ctrl<wxSpinCtrl>(this, "fromYear")->Disable();
    ctrl<wxSpinCtrl>(this, "toYear")->Disable();
  }
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

bool TargetDialog::run(const std::function<void(const core::Target&)>& submit) {
  submit_ = submit;
  ctrl<wxTextCtrl>(this, "value")->SetFocus();
  return ShowModal() == wxID_OK;
}

wxString TargetDialog::number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return wxString::Format("%lld", (long long)std::llround(v));
  wxString s = wxString::FromCDouble(v, 2);
  while (s.EndsWith("0")) s.RemoveLast();
  s.Replace(".", ",");
  return s;
}

std::optional<double> TargetDialog::parseNumber(const wxString& text) {
  std::string s = ui::utf8(text.Strip(wxString::both));
  for (char& c : s)
    if (c == ',') c = '.';
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

void TargetDialog::onSave() {
  auto* valueField = ctrl<wxTextCtrl>(this, "value");
  auto value = parseNumber(valueField->GetValue());
  if (!value) {
    ui::showError(
        this, _("Invalid number"),
        ui::fmt(_("\"{1}\" is not a number. Type e.g. 30 or 90 or 92,5."), {valueField->GetValue()}));
    valueField->SetFocus();
    return;
  }
  int k = ctrl<wxChoice>(this, "key")->GetSelection();
  core::Target t;
  t.key = std::string(core::enums::targetKey.items()[size_t(k < 0 ? 0 : k)].code);
  t.fromYear = ctrl<wxSpinCtrl>(this, "fromYear")->GetValue();
  t.toYear = ctrl<wxSpinCtrl>(this, "toYear")->GetValue();
  t.value = *value;
  if (ui::attempt(this, [&] { submit_(t); })) EndModal(wxID_OK);
}

}  // namespace dangbo::app
