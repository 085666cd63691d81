#include "app/MainFrame.h"

#include <wx/config.h>
#include <wx/infobar.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/thread.h>
#include <wx/utils.h>

#include "app/AccountDialog.h"
#include "app/AccountsDialog.h"
#include "app/AdmissionsPage.h"
#include "app/AuditDialog.h"
#include "app/BackupCommands.h"
#include "app/BadgesPage.h"
#include "app/CellWorkPage.h"
#include "app/DisciplinePage.h"
#include "app/ExchangeCommands.h"
#include "app/FileDialogs.h"
#include "app/HelpCommands.h"
#include "app/LayoutCheck.h"
#include "app/MembersPage.h"
#include "app/MergeWizard.h"
#include "app/OrganizationsPage.h"
#include "app/OverviewPage.h"
#include "app/PackageCommands.h"
#include "app/ProgressDialog.h"
#include "app/RatingsPage.h"
#include "app/RegisterOpener.h"
#include "app/ReportsPage.h"
#include "app/Session.h"
#include "app/SettingsPage.h"
#include "app/Splash.h"
#include "app/StatisticsPage.h"
#include "app/SupplementsPage.h"
#include "app/TransfersPage.h"
#include "app/Ui.h"
#include "app/WindowPlace.h"
#include "core/Enums.h"
#include "exchange/Backup.h"
#include "services/Accounts.h"
#include "services/Administration.h"
#include "services/AuditAnchor.h"
#include "services/DemoMark.h"
#include "services/MemberList.h"
#include "services/MemberPager.h"
#include "services/Packages.h"

namespace dangbo::app {

namespace {
constexpr int kPages = 13;
constexpr int kPageId = wxID_HIGHEST + 1;     // first of twelve consecutive ids for View > page
constexpr int kImportId = kPageId + kPages;   // File > Import from Excel
constexpr int kTemplatesId = kImportId + 1;   // File > Save import templates
constexpr int kExportId = kImportId + 2;      // File > Export the member register
constexpr int kAddId = kImportId + 3;         // File > Add on this page (Ctrl+N)
constexpr int kNavId = kImportId + 4;         // View > Navigation pane (Ctrl+B)
constexpr int kMergeId = wxID_HIGHEST + 280;  // File > Merge the registers of former communes
constexpr int kPrintId = wxID_HIGHEST + 281;  // File > Print a paper of the one selected (Ctrl+P)

// The navigation labels, in page order.
wxString pageTitle(int i) {
  switch (i) {
    case 0:
      return _("Overview");
    case 1:
      return _("Party organizations");
    case 2:
      return _("Members");
    case 3:
      return _("Admissions");
    case 4:
      return _("Annual rating");
    case 5:
      return _("Inspection - Discipline");
    case 6:
      return _("Reports");
    case 7:
      return _("Settings");
    case 9:
      return _("Party badges");
    case 10:
      return _("Statistics");
    case 11:
      return _("Transfer letters");
    case 12:
      return _("File supplements");
    default:
      return _("Meetings and dues");
  }
}
// Tools menu (accounts, audit trail, backups): ids of their own, apart from the File menu's.
constexpr int kAccountsId = wxID_HIGHEST + 200;
constexpr int kAuditId = kAccountsId + 1;
constexpr int kBackupNowId = kAccountsId + 2;
constexpr int kRestoreId = kAccountsId + 3;
constexpr int kBackupsKeptId = kAccountsId + 4;
constexpr int kSetupId = kAccountsId + 5;

// The check of every page after opening found damage (told once, by watchPageCheck): the register's copies
// are refused as damaged too, and are not made again or told again.
bool foundDamaged(const services::Services& s) {
  const auto found = s.pageCheck();
  return found && *found != "ok";
}

}  // namespace

MainFrame::MainFrame(std::unique_ptr<services::Services> services)
    : wxFrame(nullptr, wxID_ANY, "dangbo", wxDefaultPosition, wxDefaultSize) {
  buildMenus();
  buildBody();
  dashboardTimer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    if (!services_) return;  // between closing a register and opening the restored one
    // Counted on a thread, through a connection of its own: the other pages are used meanwhile.
    counter_.start(services_->path(), currentActor(), core::Date::today(), [this](const DashboardAnswer& a) {
      overview_->showDashboard(a);
      noteBackground("overview counted");
    });
  });
  backupTimer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { showBackupProgress(); });
  pageCheckTimer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { watchPageCheck(); });
  CreateStatusBar(4);
  const int widths[] = {-5, -2, -2, -5};  // the last one: the backup on opening, with its file name
  GetStatusBar()->SetStatusWidths(4, widths);
  // A change saved in the first moments after opening waits for the check of every page (seconds on a
  // province's register): meanwhile the window shows it is busy and says why instead of seeming to hang.
  services::Services::setCheckWaitNotice([this](bool waiting) {
    if (!wxIsMainThread()) return;
    if (!waiting) {
      SetStatusText(beforeCheckWait_, 0);
      wxEndBusyCursor();
      noteBackground("write waited for the page check");
      return;
    }
    wxBeginBusyCursor();
    beforeCheckWait_ = GetStatusBar()->GetStatusText(0);
    SetStatusText(_("Checking every page of the register before saving..."), 0);
    GetStatusBar()->Update();  // drawn now: the window's thread waits until the check ends
  });
  setRegister(std::move(services));
  placeWindow(this);
}

MainFrame::~MainFrame() {
  services::Services::setCheckWaitNotice(nullptr);
  counter_.stop();
  if (services_) leaveRegister(*services_, nullptr);  // on closing
}

void MainFrame::buildMenus() {
  auto* file = new wxMenu;
  // Ctrl+N has one meaning everywhere: a new record of the page shown; a new register is Ctrl+Shift+N.
  file->Append(kAddId, _("&Add on this page...") + "\tCtrl+N",
               _("Add a record of the page shown: an organization, a member, a candidate or a case"));
  file->Append(wxID_NEW, _("&New register...") + "\tCtrl+Shift+N", _("Create a new, empty register"));
  file->Append(wxID_OPEN, _("&Open...") + "\tCtrl+O", _("Open another register file"));
  auto* recent = new wxMenu;
  file->AppendSubMenu(recent, _("Open &recent"));
  file->AppendSeparator();
  file->Append(kImportId, _("&Import from Excel...") + "\tCtrl+I",
               _("Import organizations, members and other records from CSV files or an Excel workbook"));
  file->Append(
      kTemplatesId, _("Save import &templates..."),
      _("Save the Excel workbook to fill for the import: a sheet per list, an example row, drop-down lists"));
  file->Append(kExportId, _("&Export the member register...") + "\tCtrl+E",
               _("Save the register of party members on a date as Excel or CSV"));
  file->Append(kPrintId, _("&Print a paper of the one selected...") + "\tCtrl+P",
               _("The member card, the admission or recognition papers of the member or candidate selected"));
  file->Append(
      kMergeId, _("&Merge registers of former communes...") + "\tCtrl+Shift+M",
      _("Merge the registers of former communes into this one: sources, cell map, same persons, plan"));
  file->AppendSeparator();
  addPackageMenu(
      this, file, [this] { return services_.get(); }, [this](auto s) { setRegister(std::move(s)); },
      [this] { refreshPages(); });
  file->AppendSeparator();
  file->Append(wxID_EXIT, _("E&xit") + "\tCtrl+Q", _("Close the program"));

  auto* view = new wxMenu;
  for (int i = 0; i < kPages; ++i)
    view->Append(kPageId + i, pageTitle(i) + (i < 9 ? wxString::Format("\tAlt+%d", i + 1) : wxString()));
  view->AppendSeparator();
  view->AppendCheckItem(kNavId, _("&Navigation pane") + "\tCtrl+B",
                        _("Show or hide the list of pages on the left (more room on a small screen)"));

  auto* help = new wxMenu;
  help->Append(wxID_HELP, _("&User guide") + "\tF1", _("Read the user guide"));
  help->Append(wxID_ABOUT, _("&About dangbo"));

  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(view, _("&View"));
  buildToolsMenu(bar);
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);

  history_.UseMenu(recent);
  if (wxConfigBase* cfg = wxConfigBase::Get()) {
    cfg->SetPath("/RecentFiles");
    history_.Load(*cfg);
    cfg->SetPath("/");
  }

  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (auto s = RegisterOpener::createNew(this)) setRegister(std::move(s));
      },
      wxID_NEW);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (auto s = RegisterOpener::chooseAndOpen(this)) setRegister(std::move(s));
      },
      wxID_OPEN);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (!pages_[size_t(book_->GetSelection())]->addNew())
          SetStatusText(ui::fmt(_("Nothing to add on the page {1}: Ctrl+N adds on the pages Party "
                                  "organizations, Members, Admissions and Inspection - Discipline."),
                                {pageTitle(book_->GetSelection())}),
                        0);
      },
      kAddId);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (!pages_[size_t(book_->GetSelection())]->printPaper())
          SetStatusText(_("Choose a member on the page Members, or a candidate or probationary member on the "
                          "page Admissions, then press Ctrl+P to print their papers."),
                        0);
      },
      kPrintId);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent& e) { showNavigation(e.IsChecked()); }, kNavId);
  Bind(wxEVT_MENU, &MainFrame::onRecent, this, wxID_FILE1, wxID_FILE9);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (runImportWizard(this, *services_)) refreshPages();
        showPage(book_->GetSelection());  // the keyboard focus back in the window
      },
      kImportId);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { saveImportTemplateWorkbook(this, *services_); }, kTemplatesId);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (runMergeWizard(this, *services_)) refreshPages();
        showPage(book_->GetSelection());
      },
      kMergeId);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { exportMemberRegister(this, *services_); }, kExportId);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { onAbout(); }, wxID_ABOUT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { openUserGuide(this); }, wxID_HELP);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent& e) { showPage(e.GetId() - kPageId); }, kPageId,
      kPageId + kPages - 1);
  // The shortcuts also reach the frame before the focused control: a list would take Ctrl+N itself.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    int id = wxID_NONE;
    int key = e.GetKeyCode();
    if (e.GetModifiers() == wxMOD_CONTROL) {
      if (key == 'N')
        id = kAddId;
      else if (key == 'O')
        id = wxID_OPEN;
      else if (key == 'Q')
        id = wxID_EXIT;
      else if (key == 'P')  // before a list takes it (GTK's lists move up a row on Ctrl+P)
        id = kPrintId;
      else if (key == 'B') {
        showNavigation(!nav_->IsShown());
        return;
      }
    } else if (e.GetModifiers() == (wxMOD_CONTROL | wxMOD_SHIFT) && key == 'N') {
      id = wxID_NEW;
    } else if (e.GetModifiers() == wxMOD_ALT && key >= '1' && key <= '9') {
      id = kPageId + (key - '1');
    }
    if (id == wxID_NONE) {
      e.Skip();
      return;
    }
    wxCommandEvent command(wxEVT_MENU, id);
    command.SetEventObject(this);
    ProcessWindowEvent(command);
  });
}

void MainFrame::buildBody() {
  auto* root = new wxPanel(this);
  auto* sizer = new wxBoxSizer(wxHORIZONTAL);
  nav_ = new wxListBox(root, wxID_ANY);
  wxFont navFont = nav_->GetFont();
  navFont.SetPointSize(navFont.GetPointSize() + 1);
  nav_->SetFont(navFont);
  for (int i = 0; i < kPages; ++i) nav_->Append(pageTitle(i));
  // As wide as its longest title, no wider: the pages keep the room.
  int widest = 0;
  for (int i = 0; i < kPages; ++i) widest = std::max(widest, nav_->GetTextExtent(pageTitle(i)).x);
  nav_->SetMinSize(wxSize(widest + FromDIP(36), -1));
  auto* right = new wxBoxSizer(wxVERTICAL);
  setupBar_ = new wxInfoBar(root);
  setupBar_->AddButton(kSetupId, _("Create the administrator..."));
  setupBar_->Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { createAdministrator(); }, kSetupId);
  right->Add(setupBar_, 0, wxEXPAND);
  cellBar_ = new wxInfoBar(root);
  right->Add(cellBar_, 0, wxEXPAND);
  book_ = new wxSimplebook(root);

  overview_ = new OverviewPage(book_);
  overview_->setWelcome({[this] { ProcessCommand(kImportId); }, [this] { ProcessCommand(kTemplatesId); },
                         [this] {
                           showPage(1);
                           pages_[1]->addNew();  // the first party organization
                         },
                         [this] { ProcessCommand(kMergeId); }});
  pages_.push_back(overview_);
  pages_.push_back(new OrganizationsPage(book_, [this] { refreshPages(); }));
  pages_.push_back(new MembersPage(book_, [this] { refreshPages(); }));
  pages_.push_back(new AdmissionsPage(book_, [this] { refreshPages(); }));
  pages_.push_back(new RatingsPage(book_));
  pages_.push_back(new DisciplinePage(book_));
  pages_.push_back(new ReportsPage(book_));
  pages_.push_back(new SettingsPage(book_, [this] { refreshHeader(); }));
  pages_.push_back(new CellWorkPage(book_));
  pages_.push_back(new BadgesPage(book_));
  pages_.push_back(new StatisticsPage(book_));
  pages_.push_back(new TransfersPage(book_));
  pages_.push_back(new SupplementsPage(book_));
  for (int i = 0; i < kPages; ++i) book_->AddPage(pages_[size_t(i)], pageTitle(i));
  unread_.assign(pages_.size(), true);

  sizer->Add(nav_, 0, wxEXPAND | wxALL, 6);
  right->Add(book_, 1, wxEXPAND);
  sizer->Add(right, 1, wxEXPAND);
  root->SetSizer(sizer);
  nav_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { showPage(e.GetSelection()); });
  showPage(0);
  bool shown = true;
  if (wxConfigBase* cfg = wxConfigBase::Get()) cfg->Read("/Window/Navigation", &shown, true);
  showNavigation(shown);
}

void MainFrame::showNavigation(bool shown) {
  nav_->Show(shown);
  GetMenuBar()->Check(kNavId, shown);
  nav_->GetParent()->Layout();
  if (wxConfigBase* cfg = wxConfigBase::Get()) cfg->Write("/Window/Navigation", shown);
  if (!shown) book_->SetFocus();
}

void MainFrame::showPage(int index) {
  if (index < 0 || index >= kPages) return;
  if (nav_->GetSelection() != index) nav_->SetSelection(index);
  if (index > 0 && services_ && unread_[size_t(index)]) {
    // A page reads the register when it is first shown: a province's cells fill each page's lists and
    // choices for seconds, and the window opens on the overview.
    wxBusyCursor busy;
    readPage(size_t(index));
  }
  book_->ChangeSelection(size_t(index));
  if (nav_->IsShown())
    nav_->SetFocus();
  else
    pages_[size_t(index)]->SetFocus();
  pages_[size_t(index)]->activate();
  noteShownPage(pageTitle(index));
}

void MainFrame::setRegister(std::unique_ptr<services::Services> services) {
  counter_.stop();  // the figures of the register being left are not wanted any more
  std::unique_ptr<services::Services> previous = std::move(services_);
  if (previous) leaveRegister(*previous, this);  // the register being closed
  services_ = std::move(services);
  // Its pages are checked on a thread meanwhile (a job reading the register: a file dialog's reconnect
  // waits); what the check found is told once the window is shown, even when it ended before.
  pageCheckJob_.reset();
  if (!services_->pageCheck()) pageCheckJob_ = std::make_unique<ui::RegisterJob>();
  pageCheckTimer_.Start(100);
  splash::step(_("Backing up the register..."));
  startOpeningBackup();  // in the background: the copy is of the register as it is now
  for (size_t i = 1; i < pages_.size(); ++i) {
    if (unread_[i]) continue;  // read when first shown
    splash::step(ui::fmt(_("Reading the page {1}..."), {pageTitle(int(i))}));
    readPage(i);
  }
  splash::step(_("Counting the figures of the overview..."));
  refreshAccess();  // and with it refreshHeader: the title, the status bar and the overview
  showCellMode(this, cellBar_, *services_);
  rememberFile(services_->path());
  previous.reset();  // closed only after the pages left it
}

void MainFrame::refreshPages() {
  for (size_t i = 1; i < pages_.size(); ++i)
    if (!unread_[i]) readPage(i);
  refreshHeader();
}

void MainFrame::readPage(size_t index) {
  unread_[index] = false;
  ui::attempt(this, [&] { pages_[index]->showRegister(*services_); });
}

void MainFrame::refreshHeader() {
  services::Summary sum;
  ui::attempt(this, [&] { sum = services_->summary(core::Date::today()); });
  // The demo commune says so in the title bar: its people and figures are invented.
  bool demo = false;
  ui::attempt(this, [&] { demo = services::isDemoRegister(*services_); });
  SetTitle(ui::wx("dangbo — ") + ui::wx(sum.committee) +
           (demo ? wxString::FromUTF8(" — ") + _("SAMPLE DATA (demo commune)") : wxString()));
  const services::Actor& actor = currentActor();
  SetStatusText(ui::wx(services_->path().string()) + "   |   " +
                    ui::fmt(_("User: {1} ({2})"),
                            {ui::wx(actor.username), ui::wx(core::enums::userRole.label(actor.role))}),
                0);
  // A cell secretary counts the members of their own cell (the only ones they can open).
  if (actor.cellId) {
    long long n = 0;
    ui::attempt(this, [&] {
      for (const auto& [cell, count] :
           services::presentMemberCounts(*services_, actor, core::Date::today()).byCell)
        n += count;
    });
    SetStatusText(ui::fmt(_("{1} party members in your cell"), {ui::count(n)}), 1);
  } else {
    SetStatusText(ui::fmt(_("{1} party members"), {ui::count(sum.members)}), 1);
  }
  showSchemaStatus();
  overview_->showSummary(sum);  // the overview shows the committee's name and the same figures
  showDashboardSoon();          // and this year's targets and deadlines (the acting user's view)
}

void MainFrame::showSchemaStatus() {
  // Services tells the version found when opening (0 for a file it just created), not the current one.
  auto [version, backup] = services_->upgradeInfo();
  wxString number = wxString::Format("%d", version);
  wxString text = version == 0      ? _("Newly created register")
                  : !backup.empty() ? ui::fmt(_("Upgraded from schema {1}"), {number})
                                    : ui::fmt(_("Schema version {1}"), {number});
  const auto found = services_->pageCheck();
  if (!found)
    text = ui::fmt(_("{1}, checking the pages..."), {text});
  else if (*found != "ok")
    text = _("Damaged: read only");
  SetStatusText(text, 2);
}

void MainFrame::watchPageCheck() {
  const auto found = services_ ? services_->pageCheck() : std::optional<std::string>("ok");
  if (!found) return;
  pageCheckTimer_.Stop();
  pageCheckJob_.reset();
  ui::afterRegisterJob();  // a reconnect put off while the check read the register
  if (!services_) return;
  showSchemaStatus();
  noteBackground(*found == "ok" ? "pages checked" : "pages damaged");
  if (*found != "ok")
    ui::showError(
        this, _("The register is damaged"),
        ui::fmt(
            _("Checking every page of the register {1} after opening it found damage:\n{2}\n\nNothing was "
              "written to it, and every change is refused: it stays open for reading only. Restore it from a "
              "backup (Tools > Restore from a backup...) or open another register."),
            {ui::wx(services_->path().string()), ui::wx(*found)}));
}

void MainFrame::showDashboardSoon() {
  // The targets, deadlines and the cells' work take seconds on a province's register: the window is drawn
  // (and shown, when opening) first, the overview saying they are being counted; several refreshes in a row
  // count them once.
  overview_->showCounting();
  if (dashboardTimer_.IsRunning()) return;
  dashboardTimer_.StartOnce(150);  // a moment later, not at the next event: the window is painted first
}

void MainFrame::startOpeningBackup() {
  backup_.reset();
  backupSettled_ = false;
  services::Services& s = *services_;
  ui::attempt(this, [&] {
    backup_ = std::make_unique<OpeningBackup>(this, s.path(), backupFolder(s), backupsKept(), [this] {
      if (services_) settleOpeningBackup(*services_, this);
    });
  });
  showBackupProgress();
  if (backup_) backupTimer_.Start(500);
}

void MainFrame::settleOpeningBackup(services::Services& s, wxWindow* parent) {
  if (!backup_ || backupSettled_ || backup_->state() == OpeningBackup::State::Running) return;
  backupSettled_ = true;
  backupTimer_.Stop();
  const OpeningBackup::State state = backup_->state();
  // The trail's head anchored outside the file, as after every backup written.
  if (state == OpeningBackup::State::Written)
    services::anchorAuditHead(s, "backup " + backup_->copy().string());
  showBackupProgress();
  noteBackground(GetStatusBar()->GetStatusText(3));
  if (state == OpeningBackup::State::Failed && !foundDamaged(s))
    ui::showError(parent, _("The automatic backup failed"), ui::wx(backup_->problem()));
}

void MainFrame::showBackupProgress() {
  wxString text;
  const wxString copy = backup_ ? ui::wx(backup_->copy().filename().string()) : wxString();
  switch (backup_ ? backup_->state() : OpeningBackup::State::Failed) {
    case OpeningBackup::State::Running:
      text = backup_->percent() > 100
                 ? _("Backup on opening: checking the copy...")
                 : ui::fmt(_("Backup on opening: copying, {1}%"), {ui::count(backup_->percent())});
      break;
    case OpeningBackup::State::Written:
      text = ui::fmt(_("Backed up on opening: {1}"), {copy});
      break;
    case OpeningBackup::State::Unchanged:
      text = ui::fmt(_("Unchanged since the backup {1}"), {copy});
      break;
    case OpeningBackup::State::Cancelled:
      text = _("The backup on opening was stopped");
      break;
    case OpeningBackup::State::Failed:
      text = _("The backup on opening failed");
      break;
  }
  SetStatusText(text, 3);
}

void MainFrame::leaveRegister(services::Services& s, wxWindow* parent) {
  if (backup_) {
    wxBusyCursor busy;
    // While the backup of opening runs and nothing was committed since, its copy will be the register as it
    // is: it is waited for. Otherwise it is stopped, and the register backed up as it is now (no new copy
    // when that is byte for byte the newest one).
    const bool unchanged = backup_->unchangedSincePinned();
    if (unchanged)
      backup_->wait();
    else
      backup_->cancel();
    settleOpeningBackup(s, parent);
    const OpeningBackup::State state = backup_->state();
    backup_.reset();
    backupTimer_.Stop();
    if (unchanged && (state == OpeningBackup::State::Written || state == OpeningBackup::State::Unchanged))
      return;
  }
  if (!foundDamaged(s)) autoBackup(parent, s);
}

void MainFrame::rememberFile(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path full = std::filesystem::absolute(path, ec);
  history_.AddFileToHistory(ui::wx((ec ? path : full).string()));
  if (wxConfigBase* cfg = wxConfigBase::Get()) {
    cfg->SetPath("/RecentFiles");
    history_.Save(*cfg);
    cfg->SetPath("/");
    cfg->Flush();
  }
}

void MainFrame::onRecent(wxCommandEvent& e) {
  size_t i = size_t(e.GetId() - wxID_FILE1);
  if (i >= history_.GetCount()) return;
  std::filesystem::path path(ui::utf8(history_.GetHistoryFile(i)));
  if (auto s = RegisterOpener::open(this, path)) setRegister(std::move(s));
}

void MainFrame::onAbout() {
  showAbout(this, *services_);
}

}  // namespace dangbo::app

namespace dangbo::app {

void MainFrame::buildToolsMenu(wxMenuBar* bar) {
  auto* tools = new wxMenu;
  tools->Append(kAccountsId, _("User &accounts..."), _("Add accounts, change roles, set new passwords"));
  tools->Append(kAuditId, _("Audit &trail..."), _("Who changed what and when, with filters"));
  tools->AppendSeparator();
  tools->Append(kBackupNowId, _("&Back up now..."), _("Copy the register to a file now"));
  tools->Append(kRestoreId, _("&Restore from a backup..."),
                _("Replace the register by a backup, keeping the replaced file"));
  tools->Append(kBackupsKeptId, _("Automatic backups &kept..."),
                _("How many automatic copies of the register are kept in the folder saoluu"));
  bar->Append(tools, _("&Tools"));
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        AccountsDialog dlg(this, *services_);
        dlg.ShowModal();
        refreshAccess();  // the first account (the administrator) may have been made there
      },
      kAccountsId);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        AuditDialog dlg(this, *services_);
        dlg.ShowModal();
      },
      kAuditId);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { backupNow(this, *services_); }, kBackupNowId);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { restoreBackup(); }, kRestoreId);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { chooseBackupsKept(this, *services_); }, kBackupsKeptId);
}

void MainFrame::refreshAccess() {
  const services::Actor& actor = currentActor();
  wxMenuBar* bar = GetMenuBar();
  const bool admin = actor.role == "admin";
  bar->Enable(kAccountsId, admin);
  bar->Enable(kAuditId, admin);
  for (int id : {kBackupNowId, kRestoreId, kBackupsKeptId})
    bar->Enable(id, services::mayManageBackups(actor));
  bool setup = false;
  // A cell's file on a secretary's laptop (cell mode) is not where the office's accounts are made.
  ui::attempt(this, [&] {
    setup = services::needsSetup(*services_) && !services::Packages(*services_).cellOrigin();
  });
  if (setup)
    setupBar_->ShowMessage(
        _("This register has no user accounts: whoever opens it acts as the administrator. "
          "Create the administrator account to protect it."),
        wxICON_INFORMATION);
  else if (setupBar_->IsShown())
    setupBar_->Dismiss();
  refreshHeader();
}

void MainFrame::createAdministrator() {
  if (AccountDialog::createAdministrator(this, *services_)) {
    refreshAccess();
    ui::showInfo(this,
                 ui::fmt(_("The administrator account {1} was created. From now on the register asks for a "
                           "user name and password when it is opened."),
                         {ui::wx(currentActor().username)}));
  }
}

void MainFrame::restoreBackup() {
  auto from = chooseBackupToRestore(this, *services_);
  if (!from) return;
  const std::filesystem::path path = services_->path();
  const services::Actor before = currentActor();
  std::string problem;
  std::filesystem::path kept;
  std::unique_ptr<services::Services> reopened;
  // The long part (the backup checked and copied beside the register) under a progress dialog, while the
  // register is still open: a cancel or a damaged backup leaves it exactly as it was.
  std::unique_ptr<exchange::PreparedRestore> prepared;
  if (!attemptWithProgress(this, _("Restoring the register"), [&](core::Progress& p) {
        prepared = std::make_unique<exchange::PreparedRestore>(path, *from, &p);
      }))
    return;
  {
    // No event is handled until the pages show the reopened register: they still point at the closed one.
    wxBusyCursor wait;
    counter_.stop();
    if (backup_) {  // the register is replaced: its backup on opening is not wanted any more
      backup_->cancel();
      settleOpeningBackup(*services_, this);
      backup_.reset();
    }
    services_.reset();  // the connection must be closed before the file is replaced
    try {
      kept = prepared->finish();
    } catch (const std::exception& e) {
      problem = e.what();
    }
    prepared.reset();
    try {
      reopened = services::Services::open(path);
    } catch (const std::exception& e) {
      problem += (problem.empty() ? "" : "\n") + std::string(e.what());
    }
  }
  if (!reopened) {
    Hide();  // the pages still point at the closed register
    ui::showError(nullptr, _("Cannot open the register"), ui::wx(problem));
    Destroy();
    return;
  }
  setRegister(std::move(reopened));
  if (!problem.empty()) {
    ui::showError(this, _("The backup was not restored"), ui::wx(problem));
    return;
  }
  // The restored file has its own accounts: the administrator stays logged in only if it has the same one.
  bool same = false;
  ui::attempt(this, [&] {
    if (services::needsSetup(*services_)) {
      setCurrentActor(services::Actor::localOffice());
      same = true;
      return;
    }
    for (const auto& u : services::listUsers(*services_, before))
      if (u.username == before.username && u.active && u.role == before.role) same = true;
  });
  if (!same && !RegisterOpener::authenticate(this, *services_)) {
    Close();
    return;
  }
  refreshPages();
  refreshAccess();
  ui::showInfo(this, ui::fmt(_("The register was restored from {1}.\nThe replaced file was kept as {2}."),
                             {ui::wx(from->string()), ui::wx(kept.string())}));
}

}  // namespace dangbo::app
