#include "app/BackupCommands.h"

#include <wx/config.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/numdlg.h>
#include <wx/utils.h>

#include "app/FileDialogs.h"
#include "app/ProgressDialog.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "exchange/Backup.h"
#include "services/Administration.h"
#include "services/Paths.h"
#include "services/Services.h"

namespace dangbo::app {

namespace fs = std::filesystem;

namespace {
constexpr int kDefaultKept = 10;
constexpr int kMaxKept = 365;
const char* const kKeptKey = "/Backups/Kept";
}  // namespace

fs::path backupFolder(services::Services& s) {
  return s.path().parent_path() / "saoluu";
}

int backupsKept() {
  long kept = kDefaultKept;
  if (wxConfigBase* cfg = wxConfigBase::Get()) kept = cfg->ReadLong(kKeptKey, kDefaultKept);
  return int(std::clamp<long>(kept, 1, kMaxKept));
}

void autoBackup(wxWindow* parent, services::Services& s) {
  ui::attempt(parent, [&] { exchange::rotateBackup(s, backupFolder(s), backupsKept()); });
}

void backupNow(wxWindow* parent, services::Services& s) {
  if (!ui::attempt(parent, [&] { services::requireBackupRights(currentActor()); })) return;
  std::error_code ec;
  fs::create_directories(backupFolder(s), ec);
  wxString name = ui::wx(s.path().stem().string()) + "-" + wxDateTime::Now().Format("%Y%m%d-%H%M%S") + ".db";
  wxFileDialog dlg(parent, _("Back up the register to"), ui::wx(backupFolder(s).string()), name,
                   _("dangbo registers (*.db)|*.db|All files (*)|*"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ui::showFileDialog(dlg) != wxID_OK) return;
  fs::path to(ui::utf8(dlg.GetPath()));
  // Never the register itself, its companions or its other copies, even if the user agreed.
  if (!ui::attempt(parent, [&] { services::refuseOverwritingRegister(to, s.path()); })) return;
  // An existing file (the user agreed to replace it) stays as it was until the new copy is sound; a
  // cancel leaves no copy behind.
  if (attemptWithProgress(parent, _("Backing up the register"),
                          [&](core::Progress& p) { exchange::backupDatabase(s, to, &p, true); }))
    ui::showInfo(parent, ui::fmt(_("The register was backed up to {1}."), {ui::wx(to.string())}));
}

void chooseBackupsKept(wxWindow* parent, services::Services&) {
  if (!ui::attempt(parent, [&] { services::requireBackupRights(currentActor()); })) return;
  long n =
      wxGetNumberFromUser(_("When the register is opened and closed, a copy is made in the folder \"saoluu\" "
                            "beside it.\nHow many of these copies are kept (the oldest are removed)?"),
                          _("Copies kept:"), _("Automatic backups"), backupsKept(), 1, kMaxKept, parent);
  if (n < 1) return;
  if (wxConfigBase* cfg = wxConfigBase::Get()) {
    cfg->Write(kKeptKey, n);
    cfg->Flush();
  }
}

std::optional<fs::path> chooseBackupToRestore(wxWindow* parent, services::Services& s) {
  if (!ui::attempt(parent, [&] { services::requireBackupRights(currentActor()); })) return std::nullopt;
  wxFileDialog dlg(parent, _("Restore the register from a backup"), ui::wx(backupFolder(s).string()), "",
                   _("dangbo registers (*.db)|*.db|All files (*)|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (ui::showFileDialog(dlg) != wxID_OK) return std::nullopt;
  fs::path from(ui::utf8(dlg.GetPath()));
  if (!ui::confirm(
          parent,
          ui::fmt(_("Replace the register {1} with the backup {2}?\n\nThe current file is kept beside it "
                    "(its name ends in .bak), so nothing is lost."),
                  {ui::wx(s.path().filename().string()), ui::wx(from.filename().string())}),
          _("Restore")))
    return std::nullopt;
  return from;
}

}  // namespace dangbo::app
