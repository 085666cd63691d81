#include "app/NewRegisterDialog.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "app/FileDialogs.h"
#include "app/Forms.h"
#include "app/Ui.h"

namespace dangbo::app {

NewRegisterDialog::NewRegisterDialog(wxWindow* parent, const std::filesystem::path& folder) {
  wxXmlResource::Get()->LoadDialog(this, parent, "NewRegisterDialog");
  ctrl<wxTextCtrl>(this, "file")->ChangeValue(ui::wx((folder / "dangbo-moi.db").string()));
  ctrl<wxButton>(this, "browse")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { browse(); });
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onCreate(); });
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

bool NewRegisterDialog::run(
    const std::function<void(const std::filesystem::path&, const core::CommitteeInfo&)>& submit) {
  submit_ = submit;
  ctrl<wxTextCtrl>(this, "name")->SetFocus();
  return ShowModal() == wxID_OK;
}

void NewRegisterDialog::browse() {
  wxFileName current(ctrl<wxTextCtrl>(this, "file")->GetValue());
  wxFileDialog dlg(this, _("Where to create the new register"), current.GetPath(), current.GetFullName(),
                   _("dangbo registers (*.db)|*.db|All files (*)|*"), wxFD_SAVE);
  if (ui::showFileDialog(dlg) == wxID_OK) ctrl<wxTextCtrl>(this, "file")->ChangeValue(dlg.GetPath());
}

void NewRegisterDialog::onCreate() {
  wxString file = ctrl<wxTextCtrl>(this, "file")->GetValue().Strip(wxString::both);
  if (file.empty()) {
    ui::showError(this, _("New register"), _("Choose where to create the file."));
    return;
  }
  core::CommitteeInfo info;
  info.name = ui::utf8(ctrl<wxTextCtrl>(this, "name")->GetValue());
  info.place = ui::utf8(ctrl<wxTextCtrl>(this, "place")->GetValue());
  info.province = ui::utf8(ctrl<wxTextCtrl>(this, "province")->GetValue());
  std::filesystem::path path(ui::utf8(file));
  if (ui::attempt(this, [&] { submit_(path, info); })) EndModal(wxID_OK);
}

}  // namespace dangbo::app
