#pragma once
// Every file and folder dialog of the window is shown through here. GTK's dialogs open and close each file
// they list to guess its type, the open register and its -wal and -shm among them, and a process loses all
// its SQLite locks on a file as soon as it closes any descriptor of it: while they are lost, another program
// (sqlite3) closing the register takes itself for the last one, checkpoints and deletes the WAL the window
// goes on writing to. So after each dialog the window opens its register again
// (services::Services::reconnect).
class wxDialog;

namespace dangbo::app::ui {

/// Shows `dlg` (a wxFileDialog, a wxDirDialog, or a wizard that reads the files chosen in it) modally; then
/// the window holds its register's locks again.
int showFileDialog(wxDialog& dlg);
/// After code of this process may have opened and closed one of the open register's files: the window's
/// connection is opened again, now or, while a background job reads the register, when it ends.
void holdRegisterLocks();

/// Alive on a background thread while it reads the register: holdRegisterLocks() waits for its end.
class RegisterJob {
 public:
  RegisterJob();
  ~RegisterJob();
  RegisterJob(const RegisterJob&) = delete;
  RegisterJob& operator=(const RegisterJob&) = delete;
};
/// On the window's thread once a background job has ended: the reconnect it put off, if any.
void afterRegisterJob();

}  // namespace dangbo::app::ui
