#include "app/RegisterOpener.h"

#include <wx/busyinfo.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include "app/AccountDialog.h"
#include "app/FileDialogs.h"
#include "app/LoginDialog.h"
#include "app/NewRegisterDialog.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Accounts.h"
#include "services/InstanceLock.h"
#include "services/Paths.h"

namespace dangbo::app {

namespace fs = std::filesystem;
using services::Services;

namespace {
// The lock of the register this window shows (one window per program instance).
struct HeldLock {
  std::unique_ptr<services::InstanceLock> lock;
  fs::path path;
};
HeldLock& held() {
  static HeldLock h;
  return h;
}
fs::path lockKey(const fs::path& p) {
  std::error_code ec;
  fs::path k = fs::weakly_canonical(p, ec);
  return ec ? p : k;
}
// Takes the lock of `path` into `out` (left empty when this window holds it already); false, with the
// message shown, when another instance holds it.
bool takeLock(wxWindow* parent, const fs::path& path, std::unique_ptr<services::InstanceLock>& out) {
  if (held().lock && held().path == lockKey(path)) return true;
  return ui::attempt(parent, [&] { out = std::make_unique<services::InstanceLock>(path); });
}
// The register at `path` is now the one shown: its lock replaces the previous one.
void keepLock(std::unique_ptr<services::InstanceLock> lock, const fs::path& path) {
  if (!lock) return;
  held().lock = std::move(lock);
  held().path = lockKey(path);
}
}  // namespace

bool RegisterOpener::createDemo(const fs::path& path) {
  return ui::attempt(nullptr, [&] {
    wxBusyCursor wait;
    wxBusyInfo info(_("Creating the demo commune, please wait..."));
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    services::DemoOptions opt;
    opt.seed = 1;
    opt.today = core::Date::today();
    Services::createDemo(path, opt);
  });
}

bool RegisterOpener::authenticate(wxWindow* parent, Services& s) {
  bool setup = false;
  if (!ui::attempt(parent, [&] { setup = services::needsSetup(s); })) return false;
  if (setup) {
    setCurrentActor(services::Actor::localOffice());
    return true;
  }
  LoginDialog dlg(parent, s);
  auto actor = dlg.run();
  if (!actor) return false;
  setCurrentActor(*actor);
  return true;
}

std::unique_ptr<Services> RegisterOpener::open(wxWindow* parent, const fs::path& path) {
  std::unique_ptr<services::InstanceLock> lock;
  if (!takeLock(parent, path, lock)) return nullptr;
  std::unique_ptr<Services> s;
  ui::attempt(parent, [&] {
    wxBusyCursor wait;
    s = Services::openChecked(path);  // its pages checked on a thread: see MainFrame::watchPageCheck
  });
  if (!s || !authenticate(parent, *s)) return nullptr;
  keepLock(std::move(lock), path);
  return s;
}

std::unique_ptr<Services> RegisterOpener::chooseAndOpen(wxWindow* parent) {
  wxFileDialog dlg(parent, _("Open a register"), "", "", _("dangbo registers (*.db)|*.db|All files (*)|*"),
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (ui::showFileDialog(dlg) != wxID_OK) return nullptr;
  return open(parent, fs::path(ui::utf8(dlg.GetPath())));
}

std::unique_ptr<Services> RegisterOpener::createNew(wxWindow* parent) {
  fs::path folder = services::defaultDatabasePath().parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) folder = ui::utf8(wxGetHomeDir());
  NewRegisterDialog dlg(parent, folder);
  std::unique_ptr<Services> s;
  std::unique_ptr<services::InstanceLock> lock;
  fs::path created;
  dlg.run([&](const fs::path& path, const core::CommitteeInfo& info) {
    auto l = std::make_unique<services::InstanceLock>(path);
    s = Services::create(path, info);
    lock = std::move(l);
    created = path;
  });
  if (!s) return nullptr;
  keepLock(std::move(lock), created);
  setCurrentActor(services::Actor::localOffice());
  if (ui::confirm(
          parent,
          _("The new register has no user accounts yet: whoever opens it acts as the administrator.\n\n"
            "Create the administrator account now? Afterwards everyone logs in with their own account."),
          _("Create the administrator...")))
    AccountDialog::createAdministrator(parent, *s);
  return s;
}

std::unique_ptr<Services> RegisterOpener::atStart(const StartOptions& opt) {
  const fs::path defaultPath = services::defaultDatabasePath();
  fs::path path = opt.db.value_or(defaultPath);
  bool demoOffered = false;
  for (;;) {
    std::error_code ec;
    bool missing = !fs::exists(path, ec);
    if (missing && !demoOffered && (opt.demoIfMissing || path == defaultPath)) {
      demoOffered = true;
      bool create =
          opt.demoIfMissing ||
          ui::confirm(nullptr,
                      ui::fmt(_("There is no register yet at {1}.\n\nCreate the demo commune there "
                                "(58 party organizations, about 1.050 members) to try the program?"),
                              {ui::wx(path.string())}),
                      _("Create the demo commune"));
      if (create && createDemo(path)) missing = false;
    }
    if (!missing) {
      if (auto s = open(nullptr, path)) return s;
    } else if (demoOffered == false || path != defaultPath) {
      ui::showError(nullptr, _("Cannot open the register"),
                    ui::fmt(_("The file {1} does not exist."), {ui::wx(path.string())}));
    }
    // Nothing is open: another file, a new register, or quit.
    wxMessageDialog ask(nullptr, _("No register is open. What would you like to do?"), wxString("dangbo"),
                        wxYES_NO | wxCANCEL | wxICON_QUESTION);
    ask.SetYesNoCancelLabels(_("Open another file..."), _("Create a new register..."), _("Quit"));
    int answer = ask.ShowModal();
    if (answer == wxID_YES) {
      wxFileDialog dlg(nullptr, _("Open a register"), "", "",
                       _("dangbo registers (*.db)|*.db|All files (*)|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
      if (ui::showFileDialog(dlg) == wxID_OK) path = fs::path(ui::utf8(dlg.GetPath()));
    } else if (answer == wxID_NO) {
      if (auto s = createNew(nullptr)) return s;
    } else {
      return nullptr;
    }
  }
}

}  // namespace dangbo::app
