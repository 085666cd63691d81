#include "app/HelpCommands.h"

#include <wx/aboutdlg.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/html/htmlwin.h>
#include <wx/sizer.h>

#include <fstream>
#include <sstream>

#include "app/Ui.h"
#include "services/About.h"
#include "services/DataPaths.h"

#ifndef DANGBO_VERSION
#define DANGBO_VERSION "0.0.0"
#endif
#ifndef DANGBO_LICENSE
#define DANGBO_LICENSE ""
#endif

namespace dangbo::app {

void openUserGuide(wxWindow* parent) {
  auto guide = services::findDataFile(services::kGuide);
  if (!guide) {
    ui::showError(parent, _("User guide"),
                  ui::fmt(_("The user guide {1} was not found beside the program nor in {2}."),
                          {ui::wx(std::string(services::kGuide)), "/usr/share/dangbo"}));
    return;
  }
  // Shown inside the program (no web browser needed); the page is read as UTF-8 whatever its header says.
  std::ifstream in(*guide, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  wxDialog dlg(parent, wxID_ANY, _("User guide"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  auto* html = new wxHtmlWindow(&dlg, wxID_ANY, wxDefaultPosition, dlg.FromDIP(wxSize(760, 560)));
  html->SetPage(ui::wx(text.str()));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(html, 1, wxEXPAND | wxALL, dlg.FromDIP(6));
  auto* close = new wxButton(&dlg, wxID_CANCEL, _("Close"));
  sizer->Add(close, 0, wxALIGN_RIGHT | wxALL, dlg.FromDIP(6));
  dlg.SetSizerAndFit(sizer);
  dlg.SetEscapeId(wxID_CANCEL);
  dlg.ShowModal();
}

void showAbout(wxWindow* parent, services::Services& s) {
  services::AboutInfo about;
  ui::attempt(parent, [&] { about = services::aboutRegister(s); });
  wxAboutDialogInfo info;
  info.SetName("dangbo");
  info.SetVersion(DANGBO_VERSION);
  wxString text = _("The register of party organizations and party members of a commune party committee.");
  text += "\n\n" + ui::fmt(_("Data file: {1}"), {ui::wx(about.file.string())});
  text += "\n" + ui::fmt(_("Schema version of the file: {1} (this program: {2})"),
                         {wxString::Format("%d", about.schemaVersion),
                          wxString::Format("%d", about.latestSchemaVersion)});
  text += "\n" + ui::fmt(_("Guide and report templates: {1}"),
                         {about.dataFolder.empty() ? _("not found") : ui::wx(about.dataFolder.string())});
  info.SetDescription(text);
  info.SetLicence(ui::fmt(_("Licence: {1}"), {DANGBO_LICENSE}));
  wxAboutBox(info, parent);
}

}  // namespace dangbo::app
