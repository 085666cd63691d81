#include "app/ExchangeCommands.h"

#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include "app/FileDialogs.h"
#include "app/ImportWizard.h"
#include "app/ProgressDialog.h"
#include "app/Prompts.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "exchange/Import.h"
#include "exchange/ImportTemplate.h"
#include "exchange/RegisterExport.h"
#include "services/Paths.h"
#include "services/Services.h"
#include "services/TemplateData.h"

namespace dangbo::app {

bool runImportWizard(wxWindow* parent, services::Services& s) {
  ImportWizard wizard(parent, s);
  ui::showFileDialog(wizard);  // it reads the files chosen in it
  return wizard.applied();
}

void saveImportTemplates(wxWindow* parent) {
  wxDirDialog dlg(parent, _("Choose the folder for the import templates"), wxString(), wxDD_DEFAULT_STYLE);
  if (ui::showFileDialog(dlg) != wxID_OK) return;
  std::vector<std::filesystem::path> written;
  if (!ui::attempt(parent, [&] {
        written = exchange::writeImportTemplates(std::filesystem::path(ui::utf8(dlg.GetPath())));
      }))
    return;
  ui::showInfo(parent,
               ui::fmt(_("{1} empty templates were saved in {2}. Fill them in Excel, keep the header row, "
                         "and import the folder with File > Import from Excel."),
                       {ui::count(static_cast<long long>(written.size())), dlg.GetPath()}));
}

void saveImportTemplateWorkbook(wxWindow* parent, services::Services& s) {
  wxFileDialog dlg(parent, _("Save the import template workbook"), wxString(), "mau-nhap-lieu.xlsx",
                   _("Excel workbook (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ui::showFileDialog(dlg) != wxID_OK) return;
  wxFileName file(dlg.GetPath());
  if (file.GetExt().Lower() != "xlsx") file.SetExt("xlsx");
  if (!ui::attempt(parent, [&] {
        services::refuseOverwritingRegister(ui::utf8(file.GetFullPath()), s.path());
        exchange::writeImportTemplateWorkbook(ui::utf8(file.GetFullPath()), services::ethnicGroupNames(s));
      }))
    return;
  ui::showInfo(parent,
               ui::fmt(_("The template workbook was saved as {1}. Fill a sheet per list in Excel (the "
                         "drop-down lists give the allowed values; the example row under each header is "
                         "skipped), then import the workbook with File > Import from Excel."),
                       {file.GetFullPath()}));
}

void exportMemberRegister(wxWindow* parent, services::Services& s) {
  wxTextEntryDialog ask(parent, _("The register on the date (dd/mm/yyyy):"), _("Export the member register"),
                        ui::wx(core::Date::today().vn()));
  prompts::labelButtons(&ask);
  std::optional<core::Date> date;
  while (!date) {
    if (ask.ShowModal() != wxID_OK) return;
    date = core::Date::parse(ui::utf8(ask.GetValue()));
    if (!date)
      ui::showError(parent, _("Invalid date"),
                    ui::fmt(_("{1}: \"{2}\" is not a date. Type it as dd/mm/yyyy, e.g. 01/07/2025."),
                            {_("Date"), ask.GetValue()}));
  }
  wxString name = ui::fmt(_("member-register-{1}"), {ui::wx(date->iso())});
  wxFileDialog dlg(parent, _("Save the member register"), wxString(), name + ".xlsx",
                   _("Excel workbook (*.xlsx)|*.xlsx|CSV file (*.csv)|*.csv"),
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ui::showFileDialog(dlg) != wxID_OK) return;
  wxFileName file(dlg.GetPath());
  wxString ext = file.GetExt().Lower();
  if (ext != "xlsx" && ext != "csv") file.SetExt(dlg.GetFilterIndex() == 1 ? "csv" : "xlsx");
  exchange::RegisterExportOptions opt;
  opt.asOf = *date;
  int n = 0;
  // A province's register takes a while: its rows are counted in a progress dialog that can stop it.
  if (!attemptWithProgress(parent, _("Exporting the member register"), [&](core::Progress& progress) {
        services::refuseOverwritingRegister(ui::utf8(file.GetFullPath()), s.path());
        opt.progress = &progress;
        n = exchange::exportRegister(s, currentActor(), ui::utf8(file.GetFullPath()), opt);
      }))
    return;
  ui::showInfo(parent, ui::fmt(_("The register of {1} members on {2} was saved to {3}."),
                               {ui::count(n), ui::wx(date->vn()), file.GetFullPath()}));
}

}  // namespace dangbo::app
