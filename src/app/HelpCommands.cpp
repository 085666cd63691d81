#include "app/HelpCommands.h"

#include <wx/aboutdlg.h>
#include <wx/filename.h>
#include <wx/utils.h>

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
  const wxString url = wxFileName::FileNameToURL(wxFileName(ui::wx(guide->string())));
  if (!wxLaunchDefaultBrowser(url))
    ui::showError(parent, _("User guide"),
                  ui::fmt(_("No web browser could be started. The user guide is the file {1}."),
                          {ui::wx(guide->string())}));
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
