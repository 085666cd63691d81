#pragma once
// Backups from the window: the automatic rotating copies in "saoluu" beside the register (how many are kept
// is a setting of this computer), a backup on demand, and choosing the backup to restore.
#include <filesystem>
#include <optional>

class wxWindow;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The folder of the automatic backups of `s`: "saoluu" beside the register.
std::filesystem::path backupFolder(services::Services& s);
/// How many automatic backups are kept (the setting /Backups/Kept, 10 when unset).
int backupsKept();
/// The automatic backup of `s` into its "saoluu" folder, keeping backupsKept() copies; errors are shown.
void autoBackup(wxWindow* parent, services::Services& s);
/// Asks where and copies the open register there (administrator only: the refusal is shown otherwise).
void backupNow(wxWindow* parent, services::Services& s);
/// Asks for the number of automatic backups kept and stores it (administrator only).
void chooseBackupsKept(wxWindow* parent, services::Services& s);
/// Asks for a backup file to restore into `s` and confirms; nullopt when refused or cancelled.
std::optional<std::filesystem::path> chooseBackupToRestore(wxWindow* parent, services::Services& s);

}  // namespace dangbo::app
