#pragma once
// The main window: navigation list on the left, the pages on the right, menus (File, View, Help),
// recent files and a status bar with the file, the member count and the schema version.
#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/timer.h>

#include <memory>
#include <vector>

#include "app/DashboardCounter.h"
#include "app/OpeningBackup.h"
#include "services/Services.h"

namespace dangbo::app::ui {
class RegisterJob;
}

class wxInfoBar;
class wxListBox;
class wxSimplebook;

namespace dangbo::app {

class Page;
class OverviewPage;

/// The main window over one open register.
class MainFrame : public wxFrame {
 public:
  /// Builds the window and shows the register `services`.
  explicit MainFrame(std::unique_ptr<services::Services> services);
  ~MainFrame() override;
  /// Switches to page `index` (0 = overview .. 7 = settings).
  void showPage(int index);
  /// The register shown (nullptr while it is being replaced).
  services::Services* openRegister() { return services_.get(); }

 private:
  void buildMenus();
  void buildBody();
  void setRegister(std::unique_ptr<services::Services> services);
  void refreshHeader();
  /// Counts the overview's targets, deadlines and cells' work on a thread once the window has been drawn.
  void showDashboardSoon();
  /// Starts the backup of the register just opened, in the background.
  void startOpeningBackup();
  /// The backup on opening ended (on the main thread): the audit trail anchored, the status bar told.
  void settleOpeningBackup(services::Services& s, wxWindow* parent);
  /// Shows how far the backup on opening is, in the status bar.
  void showBackupProgress();
  /// The check of every page of the register shown (Services::openChecked), watched while it runs: the status
  /// bar says so, and damage found is told at once (the register then stays read-only).
  void watchPageCheck();
  /// The status bar's schema field: the version found, and the check of the pages while it runs or when
  /// failed.
  void showSchemaStatus();
  /// The register `s` is being left (closed or replaced): backed up, unless the copy made on opening is
  /// already the register as it is.
  void leaveRegister(services::Services& s, wxWindow* parent);
  void refreshPages();
  /// Shows the register on page `index` (it has read it from then on).
  void readPage(size_t index);
  void rememberFile(const std::filesystem::path& path);
  void onRecent(wxCommandEvent& e);
  void onAbout();
  void buildToolsMenu(wxMenuBar* bar);
  void refreshAccess();
  void restoreBackup();
  void createAdministrator();
  void showNavigation(bool shown);
  std::unique_ptr<services::Services> services_;
  wxListBox* nav_ = nullptr;
  wxSimplebook* book_ = nullptr;
  std::vector<Page*> pages_;
  OverviewPage* overview_ = nullptr;
  wxInfoBar* setupBar_ = nullptr;  ///< offers the first-run set-up on a register without accounts
  wxInfoBar* cellBar_ = nullptr;   ///< cell mode: the file is a cell's register opened from a package
  wxFileHistory history_;
  /// Pages that never read a register (they hold nothing of one): each reads it when first shown.
  std::vector<bool> unread_;
  wxTimer dashboardTimer_;                 ///< runs while showDashboardSoon() has been asked and not done yet
  DashboardCounter counter_{this};         ///< the overview's figures, counted on a thread
  std::unique_ptr<OpeningBackup> backup_;  ///< the backup of the register shown, made on opening
  bool backupSettled_ = false;             ///< its end was taken note of (settleOpeningBackup)
  wxTimer backupTimer_;                    ///< shows its progress while it runs
  wxTimer pageCheckTimer_;                 ///< runs while the pages of the register shown are checked
  wxString beforeCheckWait_;  ///< the status bar's first field (the file, the user) while a save waits for
                              ///< that check
  std::unique_ptr<ui::RegisterJob> pageCheckJob_;  ///< while that check reads the register
};

}  // namespace dangbo::app
