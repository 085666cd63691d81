#pragma once
// The reports page: choose a report, its period and day; preview it (the HTML renderer in a
// wxHtmlWindow, charts drawn by cairo as pictures); save it as PDF, Word or Excel; publish it; reopen and
// compare the published ones. Making and saving run off the window's thread with a moving gauge.
#include <wx/timer.h>

#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include "app/Page.h"
#include "app/ProgressDialog.h"
#include "reports/ReportCatalog.h"
#include "services/Publishing.h"

class wxChoice;
class wxTextCtrl;
class wxHtmlWindow;
class wxListCtrl;
class wxGauge;
class wxStaticText;
class wxButton;

namespace dangbo::app {

/// Reports page.
class ReportsPage : public Page {
 public:
  explicit ReportsPage(wxWindow* parent);
  ~ReportsPage() override;
  void showRegister(services::Services& s) override;
  void activate() override;

 private:
  std::optional<reports::ReportRequest> request();
  void onReportChosen();
  /// Another report was chosen: its default period, and the preview made again (never the previous one's).
  void reportChanged();
  /// The period a report starts with: the current term for the congress report, this year for the others.
  void defaultPeriod();
  void fillOrigins();
  void preview();
  void save(const std::string& format);
  void publish();
  /// Opens the office's copy of the chosen report's template (copied from the default when absent) with
  /// the system's editor.
  void editTemplate();
  void openPublished();
  void compare();
  void refreshPublished();
  void show(const reports::FrozenReport& r, const wxString& note);
  void showHtml(const std::string& html);
  void clearImages();
  /// Runs `work` off the window's thread, the gauge showing its progress, a Cancel button beside it and the
  /// page's buttons disabled; then `done` on the window's thread when it succeeded, or the error's message
  /// (a cancel says what was not done).
  void runSlow(const wxString& what, std::function<void(core::Progress&)> work, std::function<void()> done);
  void onTimer(wxTimerEvent&);
  void enableButtons(bool on);

  services::Services* services_ = nullptr;
  wxChoice* report_ = nullptr;
  wxTextCtrl *from_ = nullptr, *to_ = nullptr, *asOf_ = nullptr;
  wxChoice* origin_ = nullptr;        ///< the whole register, the whole and each former commune, or one
  std::vector<std::string> origins_;  ///< the former communes of the choice's items from the third on
  wxHtmlWindow* preview_ = nullptr;
  wxListCtrl* published_ = nullptr;
  wxGauge* progress_ = nullptr;
  wxButton* cancel_ = nullptr;                   ///< beside the gauge while work runs
  std::shared_ptr<SharedProgress> jobProgress_;  ///< the running work's progress
  wxString jobWhat_;                             ///< what the running work does ("Đang lập báo cáo...")
  wxStaticText* status_ = nullptr;
  std::vector<wxButton*> buttons_;
  wxTimer timer_;
  std::future<void> job_;
  std::function<void()> done_;
  std::optional<reports::FrozenReport> shown_;  ///< the report in the preview
  std::optional<core::Id> shownPublished_;      ///< its number when it is a published one
  std::vector<services::Published> list_;
  std::vector<wxString> images_;  ///< chart pictures registered in the memory file system
  int imageSerial_ = 0;
};

}  // namespace dangbo::app
