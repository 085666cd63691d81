#include "app/FormPrinting.h"

#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/utils.h>

#include <optional>

#include "app/FileDialogs.h"
#include "app/Prompts.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Date.h"
#include "reports/ReportCatalog.h"
#include "reports/ReportFileName.h"
#include "services/Paths.h"
#include "services/Services.h"

namespace dangbo::app {

const std::vector<std::string>& formsOf(FormSubject subject) {
  static const std::vector<std::string> member = {"party-card", "recognition-cell-resolution",
                                                  "recognition-resolution", "recognition-decision",
                                                  "transfer-letter"};
  static const std::vector<std::string> candidate = {"admission-cell-resolution", "admission-resolution",
                                                     "admission-decision"};
  return subject == FormSubject::Member ? member : candidate;
}

void printSubjectForm(wxWindow* parent, services::Services& s, FormSubject subject, const std::string& code) {
  const auto& names = formsOf(subject);
  wxArrayString titles;
  for (const auto& n : names) titles.Add(ui::wx(reports::reportTitle(n)));
  wxSingleChoiceDialog pick(parent, ui::fmt(_("Which paper of {1}?"), {ui::wx(code)}), _("Print a paper"),
                            titles);
  prompts::labelButtons(&pick);
  // Every paper in view without scrolling (the list grows with the dialog).
  pick.SetSize(pick.GetSize().GetWidth(), pick.GetSize().GetHeight() + pick.FromDIP(40));
  if (pick.ShowModal() != wxID_OK) return;
  const std::string name = names[size_t(pick.GetSelection())];

  // Made first, so that a paper whose step is not recorded yet is refused before a file is asked for.
  std::optional<reports::FrozenReport> made;
  const core::Date today = core::Date::today();
  if (!ui::attempt(parent, [&] {
        wxBusyCursor busy;
        made = reports::makeReport(s, currentActor(), {name, today, today, today, "", code});
      }))
    return;

  wxFileDialog dlg(
      parent, _("Save the paper"), "", ui::wx(reports::reportFileWord(name) + "-" + code + ".pdf"),
      _("PDF documents (*.pdf)|*.pdf|Word documents (*.docx)|*.docx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ui::showFileDialog(dlg) != wxID_OK) return;
  wxFileName file(dlg.GetPath());
  wxString ext = file.GetExt().Lower();
  if (ext != "pdf" && ext != "docx") {
    ext = dlg.GetFilterIndex() == 1 ? "docx" : "pdf";
    file.SetExt(ext);
  }
  const std::filesystem::path path = ui::utf8(file.GetFullPath());
  if (!ui::attempt(parent, [&] {
        wxBusyCursor busy;
        services::refuseOverwritingRegister(path, s.path());
        reports::writeReportFile(path, *made, ui::utf8(ext));
      }))
    return;
  ui::showInfo(parent, ui::fmt(_("Saved: {1}"), {file.GetFullPath()}));
}

}  // namespace dangbo::app
