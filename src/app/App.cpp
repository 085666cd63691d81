#include "app/App.h"

#include <wx/bmpbndl.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/iconbndl.h>
#include <wx/utils.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>

#include "app/CatalogLoader.h"
#include "app/ChoiceTypeAhead.h"
#include "app/Forms.h"
#include "app/LayoutCheck.h"
#include "app/MainFrame.h"
#include "app/Splash.h"
#include "app/Ui.h"
#include "services/DataPaths.h"
#include "services/Paths.h"

namespace dangbo::app {

namespace {
// $XDG_CONFIG_HOME/dangbo/dangbo.conf, or ~/.config/dangbo/dangbo.conf.
wxString configFile() {
  wxString base;
  if (!wxGetEnv("XDG_CONFIG_HOME", &base) || base.empty()) base = wxGetHomeDir() + "/.config";
  wxFileName file(base + "/dangbo", "dangbo.conf");
  file.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
  return file.GetFullPath();
}
}  // namespace

namespace {
// The program's icon on its window (the title bar, the task bar, Alt+Tab): drawn from the shipped SVG
// (data/icons/, found installed or in the source tree like the guide) at the sizes a desktop asks for.
void setWindowIcon(wxTopLevelWindow* window) {
  auto svg = services::findDataFile("data/icons/vn.dangbo.Dangbo.svg");
  if (!svg) return;
  const wxBitmapBundle drawing = wxBitmapBundle::FromSVGFile(svg->string(), wxSize(48, 48));
  if (!drawing.IsOk()) return;
  wxIconBundle icons;
  for (int size : {16, 24, 32, 48, 64, 128}) {
    wxIcon icon;
    icon.CopyFromBitmap(drawing.GetBitmap(wxSize(size, size)));
    if (icon.IsOk()) icons.AddIcon(icon);
  }
  window->SetIcons(icons);
}
}  // namespace

bool App::OnInit() {
  // No wxApp::OnInit(): the command line was read in main().
  // wxGTK keeps GTK from calling setlocale; messages need a non-"C" locale for GTK's own Vietnamese
  // texts (LANGUAGE=vi, see main.cpp). Only LC_MESSAGES: numbers and collation stay as wx set them.
  std::setlocale(LC_MESSAGES, "");
  SetAppName("dangbo");
  SetAppDisplayName("dangbo");
  CatalogLoader::install();
  wxConfigBase::Set(new wxFileConfig("dangbo", "", configFile(), "", wxCONFIG_USE_LOCAL_FILE));
  try {
    loadForms();
  } catch (const std::exception& e) {
    ui::showError(nullptr, _("Error"), ui::wx(e.what()));
    return false;
  }
  startLayoutCheck();
  installChoiceTypeAhead();
  // A large register shows its progress from the first moment: opening it, the backup, the overview.
  splash::startIfLarge(options_.db.value_or(services::defaultDatabasePath()), 3);
  auto services = RegisterOpener::atStart(options_);
  if (!services) {
    splash::finish();
    return false;
  }
  auto* frame = new MainFrame(std::move(services));
  setWindowIcon(frame);
  frame->Show();
  splash::finish();
  SetTopWindow(frame);
  return true;
}

int App::OnExit() {
  removeChoiceTypeAhead();
  stopLayoutCheck();
  return wxApp::OnExit();
}

bool App::OnExceptionInMainLoop() {
  try {
    throw;
  } catch (const std::exception& e) {
    ui::showException(nullptr, e);
  }
  return true;
}

void App::OnUnhandledException() {
  try {
    throw;
  } catch (const std::exception& e) {
    ui::showException(nullptr, e);
  } catch (...) {
  }
}

}  // namespace dangbo::app
