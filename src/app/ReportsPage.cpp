#include "app/ReportsPage.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/fs_mem.h>
#include <wx/gauge.h>
#include <wx/html/htmlwin.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include "app/CoreText.h"
#include "app/FileDialogs.h"
#include "app/Forms.h"
#include "app/LayoutCheck.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Errors.h"
#include "reports/HtmlRenderer.h"
#include "reports/PdfRenderer.h"
#include "reports/RegisterStream.h"
#include "reports/ReportFileName.h"
#include "reports/ReportPeriod.h"
#include "reports/ReportTemplate.h"
#include "services/OriginReports.h"
#include "services/Paths.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {

// The rows of a table the preview shows (previewDocument; the register's first rows are all it reads): the
// window's HTML view lays out some 2.000 rows a second, and a province's register of 100.000 members took it
// 50 s and 3,5 GB.
constexpr size_t kPreviewRows = 500;

// The progress of a report being saved, each step held for `ms` milliseconds: the GUI flows' hook
// (heldSaveStepMs) to press Stop while the file is still being written.
class HeldProgress : public core::Progress {
 public:
  HeldProgress(core::Progress& to, int ms) : to_(to), ms_(ms) {}
  void stage(const std::string& what, uint64_t total) override { to_.stage(what, total); }
  bool update(uint64_t done) override {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms_));
    return to_.update(done);
  }

 private:
  core::Progress& to_;
  int ms_;
};

std::string changesHtml(const reports::FrozenReport& r, core::Id id,
                        const std::vector<reports::FigureChange>& changes) {
  using reports::htmlEscape;
  std::ostringstream out;
  out << "<html><body><h3>"
      << htmlEscape(core::format(core::tr("Published report number {1}: {2}"),
                                 {std::to_string(id), reports::reportTitle(r.name)}))
      << "</h3><p>" << htmlEscape(core::tr("Figures that have moved since it was published:")) << "</p>";
  if (changes.empty()) {
    out << "<p><i>" << htmlEscape(core::tr("No figure has moved since the report was published."))
        << "</i></p>";
  } else {
    out << "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>" << htmlEscape(core::tr("Table"))
        << "</th><th>" << htmlEscape(core::tr("Row")) << "</th><th>" << htmlEscape(core::tr("Column"))
        << "</th><th>" << htmlEscape(core::tr("Published")) << "</th><th>" << htmlEscape(core::tr("Now"))
        << "</th></tr>";
    for (const auto& c : changes)
      out << "<tr><td>" << htmlEscape(c.table) << "</td><td>" << htmlEscape(c.row) << "</td><td>"
          << htmlEscape(c.column) << "</td><td align=\"right\">" << htmlEscape(c.then)
          << "</td><td align=\"right\">" << htmlEscape(c.now) << "</td></tr>";
    out << "</table>";
  }
  out << "</body></html>";
  return out.str();
}

}  // namespace

ReportsPage::ReportsPage(wxWindow* parent) : timer_(this) {
  wxXmlResource::Get()->LoadPanel(this, parent, "ReportsPage");
  // The preview's charts are PNG pictures.
  if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
  report_ = ctrl<wxChoice>(this, "report");
  from_ = ctrl<wxTextCtrl>(this, "from");
  to_ = ctrl<wxTextCtrl>(this, "to");
  asOf_ = ctrl<wxTextCtrl>(this, "asOf");
  origin_ = ctrl<wxChoice>(this, "origin");
  published_ = ctrl<wxListCtrl>(this, "published");
  ui::sortable(published_);
  progress_ = ctrl<wxGauge>(this, "progress");
  status_ = ctrl<wxStaticText>(this, "status");
  preview_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(420, 300)),
                              wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
  wxXmlResource::Get()->AttachUnknownControl("previewArea", preview_, this);
  preview_->SetStandardFonts(12, "Liberation Serif", "DejaVu Sans Mono");

  for (const auto& name : reports::reportNames()) report_->Append(ui::wx(reports::reportTitle(name)));
  report_->SetSelection(0);
  const core::Date today = core::Date::today();
  from_->SetValue(ui::date(core::Date::make(today.year(), 1, 1)));
  to_->SetValue(ui::date(today));
  asOf_->SetValue(ui::date(today));
  published_->AppendColumn(_("No."), wxLIST_FORMAT_RIGHT);
  published_->AppendColumn(_("Report"));
  published_->AppendColumn(_("Published on"));
  published_->AppendColumn(_("By"));
  progress_->Hide();
  // Stop beside the gauge: stops a long report (nothing saved) where the work next looks.
  cancel_ = new wxButton(progress_->GetParent(), wxID_ANY, _("&Stop"));
  cancel_->SetName("cancelWork");
  if (wxSizer* sizer = progress_->GetContainingSizer()) {
    for (size_t i = 0; i < sizer->GetItemCount(); ++i)
      if (sizer->GetItem(i)->GetWindow() == progress_) {
        sizer->Insert(i + 1, cancel_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
        break;
      }
  }
  cancel_->Hide();
  cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (jobProgress_) jobProgress_->cancel();
    cancel_->Disable();
  });

  for (const char* name :
       {"preview", "savePdf", "saveDocx", "saveXlsx", "publish", "openPublished", "compare"})
    buttons_.push_back(ctrl<wxButton>(this, name));
  report_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { reportChanged(); });
  origin_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    shown_.reset();
    shownPublished_.reset();
    if (services_ && !job_.valid()) preview();
  });
  ctrl<wxButton>(this, "preview")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview(); });
  ctrl<wxButton>(this, "savePdf")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save("pdf"); });
  ctrl<wxButton>(this, "saveDocx")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save("docx"); });
  ctrl<wxButton>(this, "saveXlsx")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save("xlsx"); });
  ctrl<wxButton>(this, "publish")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { publish(); });
  ctrl<wxButton>(this, "editTemplate")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editTemplate(); });
  ctrl<wxButton>(this, "openPublished")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openPublished(); });
  ctrl<wxButton>(this, "compare")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { compare(); });
  published_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { openPublished(); });
  Bind(wxEVT_TIMER, &ReportsPage::onTimer, this);
  onReportChosen();
  showHtml("<html><body><p>" +
           reports::htmlEscape(core::tr("Choose a report, its period and day, then Preview.")) +
           "</p></body></html>");
}

ReportsPage::~ReportsPage() {
  timer_.Stop();
  if (jobProgress_) jobProgress_->cancel();  // closing: the work stops at its next step, nothing saved
  if (job_.valid()) job_.wait();
  clearImages();
}

void ReportsPage::showRegister(services::Services& s) {
  services_ = &s;
  defaultPeriod();
  fillOrigins();
  shown_.reset();
  shownPublished_.reset();
  refreshPublished();
}

void ReportsPage::activate() {
  report_->SetFocus();
  // The first visit shows the chosen report at once.
  if (!shown_ && services_ && !job_.valid()) preview();
}

void ReportsPage::onReportChosen() {
  const int i = report_->GetSelection();
  const bool period = i >= 0 && reports::reportUsesPeriod(reports::reportNames()[size_t(i)]);
  from_->Enable(period);
  to_->Enable(period);
  ctrl<wxStaticText>(this, "fromLabel")->Enable(period);
  ctrl<wxStaticText>(this, "toLabel")->Enable(period);
}

void ReportsPage::reportChanged() {
  onReportChosen();
  defaultPeriod();
  shown_.reset();
  shownPublished_.reset();
  clearImages();
  showHtml("<html><body><p>" +
           reports::htmlEscape(core::tr("Choose a report, its period and day, then Preview.")) +
           "</p></body></html>");
  status_->SetLabel("");
  if (services_ && !job_.valid()) preview();
}

void ReportsPage::defaultPeriod() {
  const int i = report_->GetSelection();
  const core::Date today = core::Date::today();
  core::Date first = *core::Date::make(today.year(), 1, 1);
  if (services_ && i >= 0)
    ui::attempt(this, [&] {
      first = reports::defaultPeriodStart(*services_, reports::reportNames()[size_t(i)], today);
    });
  from_->ChangeValue(ui::date(first));
  to_->ChangeValue(ui::date(today));
}

// The choice of former communes (spec/merger.md): the whole register, the whole then each former commune, or
// one of them; shown only when the register's cells come from former communes.
void ReportsPage::fillOrigins() {
  origins_.clear();
  ui::attempt(this, [&] { origins_ = services::reportOrigins(*services_, currentActor()); });
  std::erase(origins_,
             std::string());  // the cells without one are a part of "each", not a choice of their own
  origin_->Clear();
  origin_->Append(_("The whole committee"));
  origin_->Append(_("The whole committee and each former commune"));
  for (const auto& o : origins_) origin_->Append(ui::wx(o));
  origin_->SetSelection(0);
  const bool any = !origins_.empty();
  origin_->Show(any);
  ctrl<wxStaticText>(this, "originLabel")->Show(any);
  Layout();
}

std::optional<reports::ReportRequest> ReportsPage::request() {
  const int i = report_->GetSelection();
  if (i < 0) return std::nullopt;
  auto from = ui::readDate(this, from_, _("the first day of the period"));
  if (!from) return std::nullopt;
  auto to = ui::readDate(this, to_, _("the last day of the period"));
  if (!to) return std::nullopt;
  auto asOf = ui::readDate(this, asOf_, _("the day of the standing figures"));
  if (!asOf) return std::nullopt;
  reports::ReportRequest q{reports::reportNames()[size_t(i)], *from, *to, *asOf};
  const int o = origin_->GetSelection();
  q.byOrigin = o == 1;
  if (o >= 2 && size_t(o - 2) < origins_.size()) q.origin = origins_[size_t(o - 2)];
  return q;
}

void ReportsPage::enableButtons(bool on) {
  for (auto* b : buttons_) b->Enable(on);
  report_->Enable(on);
  origin_->Enable(on);
}

void ReportsPage::runSlow(const wxString& what, std::function<void(core::Progress&)> work,
                          std::function<void()> done) {
  if (job_.valid()) return;
  enableButtons(false);
  jobWhat_ = what;
  status_->SetLabel(what);
  progress_->Show();
  progress_->Pulse();
  cancel_->Enable();
  cancel_->Show();
  ctrl<wxButton>(this, "editTemplate")->Hide();  // its room goes to the stage and its counts
  Layout();
  jobProgress_ = std::make_shared<SharedProgress>();
  auto shared = std::make_shared<std::function<void(core::Progress&)>>(std::move(work));
  job_ = std::async(std::launch::async, [shared, progress = jobProgress_] {
    ui::RegisterJob reading;
    (*shared)(*progress);
  });
  done_ = std::move(done);
  timer_.Start(100);
}

void ReportsPage::onTimer(wxTimerEvent&) {
  if (!job_.valid()) return;
  if (job_.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
    // The stage and its count when the work knows its length ("Đang ghi các dòng: 4.500 / 10.000").
    const SharedProgress::Snapshot now = jobProgress_->snapshot();
    wxString label;
    if (now.total > 0) {
      progress_->SetRange(1000);
      progress_->SetValue(int(std::min<uint64_t>(now.done * 1000 / now.total, 1000)));
      label = ui::fmt(_("{1}: {2} of {3}"),
                      {ui::wx(now.what), ui::count((long long)now.done), ui::count((long long)now.total)});
    } else {
      progress_->Pulse();
      label = now.what.empty() ? jobWhat_ : ui::wx(now.what) + "...";
    }
    if (label.length() != status_->GetLabel().length()) {
      status_->SetLabel(label);
      Layout();  // a longer line pushes the gauge aside instead of running under it
    } else {
      status_->SetLabel(label);
    }
    return;
  }
  timer_.Stop();
  ui::afterRegisterJob();
  auto job = std::move(job_);
  auto done = std::move(done_);
  jobProgress_.reset();
  progress_->Hide();
  cancel_->Hide();
  ctrl<wxButton>(this, "editTemplate")->Show();
  status_->SetLabel("");
  enableButtons(true);
  onReportChosen();
  Layout();
  try {
    job.get();  // rethrows the work's error
  } catch (const core::Cancelled& e) {
    ui::showInfo(this, ui::wx(e.what()));
    return;
  } catch (const std::exception& e) {
    ui::showException(this, e);
    return;
  }
  ui::attempt(this, [&] { done(); });
}

void ReportsPage::clearImages() {
  for (const auto& name : images_) wxMemoryFSHandler::RemoveFile(name);
  images_.clear();
}

void ReportsPage::showHtml(const std::string& html) {
  preview_->SetPage(ui::wx(html));
}

void ReportsPage::show(const reports::FrozenReport& r, const wxString& note) {
  clearImages();
  reports::HtmlOptions options;
  options.svgCharts = false;
  options.chartImage = [this](const reports::Chart& c) {
    std::ostringstream png;
    reports::renderChartPng(png, c, 1.25);
    const std::string bytes = png.str();
    const wxString name = wxString::Format("dangbo-report-chart-%d.png", ++imageSerial_);
    wxMemoryFSHandler::AddFile(name, bytes.data(), bytes.size());
    images_.push_back(name);
    return "memory:" + ui::utf8(name);
  };
  std::ostringstream html;
  reports::renderHtml(html, reports::previewDocument(reports::reportDocument(r), kPreviewRows), options);
  showHtml(html.str());
  status_->SetLabel(note);
}

void ReportsPage::preview() {
  if (!services_) return;
  auto q = request();
  if (!q) return;
  q->firstRows = kPreviewRows;  // the register: its first rows; saving writes it whole as it is read
  auto result = std::make_shared<reports::FrozenReport>();
  services::Services* s = services_;
  const services::Actor actor = currentActor();
  runSlow(
      _("Making the report..."),
      [s, actor, q = *q, result](core::Progress& p) { *result = reports::makeReport(*s, actor, q, &p); },
      [this, result] {
        shown_ = *result;
        shownPublished_.reset();
        show(*shown_, "");
      });
}

void ReportsPage::save(const std::string& format) {
  if (!shown_) {
    ui::showInfo(this, _("Preview the report first: the saved file holds what the preview shows."));
    return;
  }
  wxString wildcard = format == "pdf"    ? _("PDF documents (*.pdf)|*.pdf")
                      : format == "docx" ? _("Word documents (*.docx)|*.docx")
                                         : _("Excel workbooks (*.xlsx)|*.xlsx");
  const wxString name = ui::wx(reports::reportFileName(shown_->name, shown_->asOf, format));
  wxFileDialog dlg(this, _("Save the report"), "", name, wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ui::showFileDialog(dlg) != wxID_OK) return;
  const std::filesystem::path path = ui::utf8(dlg.GetPath());
  if (!ui::attempt(this, [&] { services::refuseOverwritingRegister(path, services_->path()); })) return;
  const reports::FrozenReport r = *shown_;
  services::Services* s = services_;
  const services::Actor actor = currentActor();
  runSlow(
      _("Saving the report..."),
      [path, r, format, s, actor, hold = heldSaveStepMs()](core::Progress& p) {
        HeldProgress held(p, hold);
        core::Progress* progress = hold > 0 ? static_cast<core::Progress*>(&held) : &p;
        // A preview of the register's first rows: the register is written whole as it is read.
        if (r.wholeRows >= 0)
          reports::writeRegisterReportFile(path, *s, actor, r.asOf, format, progress);
        else
          reports::writeReportFile(path, r, format, progress);
      },
      [this, path] { status_->SetLabel(ui::fmt(_("Saved: {1}"), {ui::wx(path.string())})); });
}

void ReportsPage::publish() {
  if (!services_) return;
  if (!shown_ || shownPublished_) {
    ui::showInfo(this, _("Preview the report first: publishing freezes what the preview shows."));
    return;
  }
  if (origin_->GetSelection() > 0) {  // the previewed report (a new choice clears it) is by former commune
    ui::showInfo(this,
                 _("A report by former commune is printed, not published: choose the whole committee."));
    return;
  }
  if (!ui::confirm(
          this,
          _("Publish this report? Its figures are frozen as they are now and can be printed again exactly "
            "as published, however the register changes."),
          _("&Publish")))
    return;
  auto published = [this](const reports::FrozenReport& r) {
    ui::attempt(this, [&] {
      const core::Id id = reports::publish(*services_, currentActor(), r);
      refreshPublished();
      shownPublished_ = id;
      status_->SetLabel(
          ui::fmt(_("Published as report number {1}."), {wxString::Format("%lld", (long long)id)}));
    });
  };
  if (shown_->wholeRows < 0) {
    published(*shown_);
    return;
  }
  // A preview of the register's first rows: the whole register is made (off the window's thread), then
  // published.
  auto whole = std::make_shared<reports::FrozenReport>();
  services::Services* s = services_;
  const services::Actor actor = currentActor();
  const reports::ReportRequest q{shown_->name, shown_->from, shown_->to, shown_->asOf};
  runSlow(
      _("Making the report..."),
      [s, actor, q, whole](core::Progress& p) { *whole = reports::makeReport(*s, actor, q, &p); },
      [whole, published] { published(*whole); });
}

void ReportsPage::editTemplate() {
  if (!services_) return;
  const int i = report_->GetSelection();
  if (i < 0) return;
  const std::string name = reports::reportNames()[size_t(i)];
  ui::attempt(this, [&] {
    services::require(currentActor(), services::Permission::EditSettings);
    std::string path;
    try {
      path = reports::officeTemplateCopy(name, reports::officeTemplateFolder(services_->path().string()));
    } catch (const reports::TemplateError& e) {
      throw core::DataError(e.what());
    }
    if (!wxLaunchDefaultApplication(ui::wx(path)))
      ui::showInfo(this, ui::fmt(_("Open the template {1} with a text editor; the next report uses it."),
                                 {ui::wx(path)}));
    else
      status_->SetLabel(
          ui::fmt(_("The template {1} is open: save it, then preview the report again."), {ui::wx(path)}));
  });
}

void ReportsPage::refreshPublished() {
  published_->DeleteAllItems();
  list_.clear();
  if (!services_) return;
  ui::attempt(this, [&] { list_ = services::publishedReports(*services_, currentActor()); });
  for (size_t i = 0; i < list_.size(); ++i) {
    const auto& p = list_[i];
    long row = published_->InsertItem(long(i), wxString::Format("%lld", (long long)p.id));
    published_->SetItem(row, 1, ui::wx(p.title));
    std::string when = p.publishedAt.substr(0, 10);
    if (auto d = core::Date::parse(when)) when = d->vn();
    published_->SetItem(row, 2, ui::wx(when));
    published_->SetItem(row, 3, ui::wx(p.username));
  }
  ui::fitColumns(published_, 220);
}

void ReportsPage::openPublished() {
  const long row = ui::selectedRow(published_);
  if (!services_ || row < 0 || size_t(row) >= list_.size()) {
    ui::showInfo(this, _("Choose a published report in the list."));
    return;
  }
  const services::Published p = list_[size_t(row)];
  ui::attempt(this, [&] {
    shown_ = reports::loadPublished(*services_, currentActor(), p.id);
    shownPublished_ = p.id;
    show(*shown_, ui::fmt(_("Published report number {1}, as it was published on {2}."),
                          {wxString::Format("%lld", (long long)p.id), ui::wx(p.publishedAt.substr(0, 10))}));
  });
}

void ReportsPage::compare() {
  const long row = ui::selectedRow(published_);
  if (!services_ || row < 0 || size_t(row) >= list_.size()) {
    ui::showInfo(this, _("Choose a published report in the list."));
    return;
  }
  const core::Id id = list_[size_t(row)].id;
  auto then = std::make_shared<reports::FrozenReport>();
  auto changes = std::make_shared<std::vector<reports::FigureChange>>();
  services::Services* s = services_;
  const services::Actor actor = currentActor();
  runSlow(
      _("Comparing with the register now..."),
      [s, actor, id, then, changes](core::Progress& p) {
        *then = reports::loadPublished(*s, actor, id);
        const auto now = reports::makeReport(*s, actor, {then->name, then->from, then->to, then->asOf}, &p);
        *changes = reports::compareReports(*then, now);
      },
      [this, then, changes, id] {
        shown_.reset();
        clearImages();
        showHtml(changesHtml(*then, id, *changes));
      });
}

}  // namespace dangbo::app
