#include "app/ReportSaving.h"

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/utils.h>

#include <algorithm>

#include "app/FileDialogs.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "reports/ReportFileName.h"
#include "services/Paths.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {

wxString wildcardOf(const std::string& format) {
  if (format == "pdf") return _("PDF documents (*.pdf)|*.pdf");
  if (format == "docx") return _("Word documents (*.docx)|*.docx");
  return _("Excel workbooks (*.xlsx)|*.xlsx");
}

}  // namespace

std::optional<reports::FrozenReport> makePageReport(wxWindow* parent, services::Services& s,
                                                    const reports::ReportRequest& q) {
  std::optional<reports::FrozenReport> made;
  ui::attempt(parent, [&] {
    wxBusyCursor busy;
    made = reports::makeReport(s, currentActor(), q);
  });
  return made;
}

bool saveMadeReport(wxWindow* parent, services::Services& s, const reports::FrozenReport& r,
                    const std::string& stem, const std::vector<std::string>& formats) {
  if (formats.empty()) return false;
  wxString wildcard;
  for (const auto& f : formats) wildcard += (wildcard.empty() ? "" : "|") + wildcardOf(f);
  wxFileDialog dlg(parent, _("Save the paper"), "", ui::wx(stem + "." + formats.front()), wildcard,
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ui::showFileDialog(dlg) != wxID_OK) return false;
  wxFileName file(dlg.GetPath());
  std::string ext = ui::utf8(file.GetExt().Lower());
  if (std::find(formats.begin(), formats.end(), ext) == formats.end()) {
    const int i = dlg.GetFilterIndex();
    ext = formats[i >= 0 && size_t(i) < formats.size() ? size_t(i) : 0];
    file.SetExt(ui::wx(ext));
  }
  const std::filesystem::path path = ui::utf8(file.GetFullPath());
  if (!ui::attempt(parent, [&] {
        wxBusyCursor busy;
        services::refuseOverwritingRegister(path, s.path());
        reports::writeReportFile(path, r, ext);
      }))
    return false;
  ui::showInfo(parent, ui::fmt(_("Saved: {1}"), {file.GetFullPath()}));
  return true;
}

bool savePageReport(wxWindow* parent, services::Services& s, const reports::ReportRequest& q,
                    const std::vector<std::string>& formats) {
  const auto made = makePageReport(parent, s, q);
  if (!made) return false;
  const std::string stem = reports::reportFileName(q.name, q.asOf, "x");
  return saveMadeReport(parent, s, *made, stem.substr(0, stem.size() - 2), formats);
}

}  // namespace dangbo::app
