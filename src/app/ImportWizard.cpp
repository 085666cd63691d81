#include "app/ImportWizard.h"

#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <filesystem>

#include "app/ExchangeCommands.h"
#include "app/FileDialogs.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/ProgressDialog.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "app/WindowPlace.h"
#include "exchange/Import.h"
#include "services/Services.h"

namespace dangbo::app {

/// The rows of a plan as a virtual list: file, row, key, action, changed fields or problems.
class ImportRowList : public wxListCtrl {
 public:
  explicit ImportRowList(wxWindow* parent)
      : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                   wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_THEME) {
    AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(130));
    AppendColumn(_("Row"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    AppendColumn(_("Key"), wxLIST_FORMAT_LEFT, FromDIP(150));
    AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, FromDIP(90));
    AppendColumn(_("Changes (old -> new) or problems"), wxLIST_FORMAT_LEFT, FromDIP(560));
    ui::stretchLastColumn(this);
    error_.SetTextColour(wxColour(0xB0, 0x00, 0x20));
    added_.SetTextColour(wxColour(0x0B, 0x6E, 0x2E));
    updated_.SetTextColour(wxColour(0x1A, 0x5F, 0xB4));
  }
  /// Shows the rows of `plan` whose action passes `only` (nullopt: every row).
  void show(const services::ImportPlan& plan, std::optional<services::ImportAction> only) {
    plan_ = &plan;
    items_.clear();
    for (size_t f = 0; f < plan.files.size(); ++f)
      for (size_t r = 0; r < plan.files[f].rows.size(); ++r)
        if (!only || plan.files[f].rows[r].action == *only) items_.emplace_back(f, r);
    SetItemCount(long(items_.size()));
    Refresh();
  }

 protected:
  wxString OnGetItemText(long item, long column) const override {
    const auto& file = plan_->files[items_[size_t(item)].first];
    const auto& row = file.rows[items_[size_t(item)].second];
    switch (column) {
      case 0:
        return ui::wx(file.source);
      case 1:
        return wxString::Format("%d", row.row);
      case 2:
        return ui::wx(row.key);
      case 3:
        return ui::wx(services::importActionLabel(row.action));
      default: {
        wxString text;
        for (const auto& c : row.changes)
          text += (text.empty() ? "" : "; ") +
                  ui::fmt(_("{1}: {2} -> {3}"),
                          {ui::wx(c.column), c.oldValue.empty() ? _("(empty)") : ui::wx(c.oldValue),
                           ui::wx(c.newValue)});
        for (const auto& p : row.problems) text += (text.empty() ? "" : "; ") + ui::wx(p);
        return text;
      }
    }
  }
  wxItemAttr* OnGetItemAttr(long item) const override {
    const auto& row = plan_->files[items_[size_t(item)].first].rows[items_[size_t(item)].second];
    switch (row.action) {
      case services::ImportAction::Error:
        return &error_;
      case services::ImportAction::New:
        return &added_;
      case services::ImportAction::Update:
        return &updated_;
      default:
        return nullptr;
    }
  }

 private:
  const services::ImportPlan* plan_ = nullptr;
  std::vector<std::pair<size_t, size_t>> items_;
  mutable wxItemAttr error_, added_, updated_;
};

ImportWizard::ImportWizard(wxWindow* parent, services::Services& s, const wxString& source) : services_(s) {
  wxXmlResource::Get()->LoadDialog(this, parent, "ImportWizard");
  // Set here: XRC would read the underscores of the file names as mnemonics.
  ctrl<wxStaticText>(this, "step1")
      ->SetLabelText(_("1. Choose a folder of CSV files (to_chuc.csv, dang_vien.csv, ...) or an .xlsx "
                       "workbook with sheets of the same "
                       "names."));
  rows_ = new ImportRowList(this);
  wxXmlResource::Get()->AttachUnknownControl("rows", rows_, this);
  auto* files = ctrl<wxListCtrl>(this, "files");
  const wxString fh[] = {_("File"), _("Rows"), _("New"), _("Updated"), _("Unchanged"), _("Errors")};
  for (const auto& h : fh)
    files->AppendColumn(h, files->GetColumnCount() ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT);
  auto* problems = ctrl<wxListCtrl>(this, "problems");
  problems->AppendColumn(_("Kind"));
  problems->AppendColumn(_("Message"));
  ui::stretchLastColumn(problems);
  auto* dups = ctrl<wxListCtrl>(this, "duplicates");
  for (const char* name : {"files", "problems", "duplicates"}) ui::sortable(ctrl<wxListCtrl>(this, name));
  const wxString dh[] = {_("File"), _("Row"), _("Code"), _("Looks like"), _("Where"), _("Reason")};
  for (const auto& h : dh) dups->AppendColumn(h);
  ui::stretchLastColumn(dups);
  auto* filter = ctrl<wxChoice>(this, "rowFilter");
  for (const auto& label :
       {_("Every row"), _("New rows"), _("Updated rows"), _("Unchanged rows"), _("Rows with errors")})
    filter->Append(label);
  filter->SetSelection(0);
  filter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fillRows(); });

  ctrl<wxButton>(this, "chooseFolder")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose(true); });
  ctrl<wxButton>(this, "chooseFile")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose(false); });
  ctrl<wxButton>(this, "read")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { check(); });
  ctrl<wxButton>(this, "template")->Bind(wxEVT_BUTTON, [this, &s](wxCommandEvent&) {
    saveImportTemplateWorkbook(this, s);
  });
  ctrl<wxTextCtrl>(this, "source")->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { check(); });
  ctrl<wxButton>(this, "apply")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { apply(); });
  ctrl<wxButton>(this, "apply")->Disable();
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {  // Ctrl+Page Down / Up: next / previous tab, from any control
    if (e.GetModifiers() == wxMOD_CONTROL && (e.GetKeyCode() == WXK_PAGEDOWN || e.GetKeyCode() == WXK_PAGEUP))
      ctrl<wxNotebook>(this, "book")->AdvanceSelection(e.GetKeyCode() == WXK_PAGEDOWN);
    else
      e.Skip();
  });
  ctrl<wxStaticText>(this, "verdict")->SetLabelText(_("Nothing read yet."));
  SetSize(FromDIP(wxSize(1100, 640)));
  SetMinSize(FromDIP(wxSize(760, 480)));
  fitToScreen(this);  // at 1024x768 narrower than the screen, not past its left edge
  ctrl<wxTextCtrl>(this, "source")->SetFocus();
  if (!source.empty()) {
    ctrl<wxTextCtrl>(this, "source")->ChangeValue(source);
    CallAfter([this] { check(); });
  }
}

void ImportWizard::choose(bool folder) {
  auto* source = ctrl<wxTextCtrl>(this, "source");
  wxString path;
  if (folder) {
    wxDirDialog dlg(this, _("Choose the folder of the CSV files"), source->GetValue(),
                    wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
    if (ui::showFileDialog(dlg) != wxID_OK) return;
    path = dlg.GetPath();
  } else {
    wxFileDialog dlg(this, _("Choose the Excel workbook"), wxString(), wxString(),
                     _("Excel workbooks (*.xlsx)|*.xlsx"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (ui::showFileDialog(dlg) != wxID_OK) return;
    path = dlg.GetPath();
  }
  source->ChangeValue(path);
  check();
}

void ImportWizard::check() {
  wxString path = ctrl<wxTextCtrl>(this, "source")->GetValue().Strip(wxString::both);
  if (path.empty()) return;
  batch_.reset();
  plan_ = {};
  bool ok = attemptWithProgress(this, _("Checking the import"), [&](core::Progress& progress) {
    wxBusyCursor busy;
    progress.stage(ui::utf8(_("Reading the files")), 0);
    batch_ = exchange::readImport(std::filesystem::path(ui::utf8(path)));
    plan_ = services::planImport(services_, currentActor(), *batch_, &progress);
  });
  if (!ok) batch_.reset();
  showPlan();
}

void ImportWizard::showPlan() {
  auto* files = ctrl<wxListCtrl>(this, "files");
  files->DeleteAllItems();
  int added = 0, updated = 0, unchanged = 0, errors = 0;
  for (const auto& f : plan_.files) {
    long row = files->InsertItem(files->GetItemCount(), ui::wx(f.source));
    files->SetItem(row, 1, ui::count(static_cast<long long>(f.rows.size())));
    files->SetItem(row, 2, ui::count(f.added));
    files->SetItem(row, 3, ui::count(f.updated));
    files->SetItem(row, 4, ui::count(f.unchanged));
    files->SetItem(row, 5, ui::count(f.errors));
    if (f.errors) files->SetItemTextColour(row, wxColour(0xB0, 0x00, 0x20));
    added += f.added, updated += f.updated, unchanged += f.unchanged, errors += f.errors;
  }
  ui::fitColumns(files, 300);
  auto* problems = ctrl<wxListCtrl>(this, "problems");
  problems->DeleteAllItems();
  for (const auto& p : plan_.problems) {
    long row = problems->InsertItem(problems->GetItemCount(), _("Problem"));
    problems->SetItem(row, 1, ui::wx(p));
    problems->SetItemTextColour(row, wxColour(0xB0, 0x00, 0x20));
  }
  for (const auto& n : plan_.notices)
    problems->SetItem(problems->InsertItem(problems->GetItemCount(), _("Note")), 1, ui::wx(n));
  ui::fitColumns(problems, 900);
  auto* dups = ctrl<wxListCtrl>(this, "duplicates");
  dups->DeleteAllItems();
  for (const auto& d : plan_.duplicates) {
    long row = dups->InsertItem(dups->GetItemCount(), ui::wx(d.source));
    dups->SetItem(row, 1, wxString::Format("%d", d.row));
    dups->SetItem(row, 2, ui::wx(d.code));
    dups->SetItem(row, 3, ui::wx(d.otherCode));
    dups->SetItem(row, 4, d.otherInImport ? _("in this import") : _("in the register"));
    dups->SetItem(row, 5, ui::wx(d.reason));
  }
  ui::fitColumns(dups, 400);
  auto* book = ctrl<wxNotebook>(this, "book");
  book->SetPageText(2,
                    ui::fmt(_("Problems ({1})"), {ui::count(static_cast<long long>(plan_.problems.size()))}));
  book->SetPageText(
      3, ui::fmt(_("Likely duplicates ({1})"), {ui::count(static_cast<long long>(plan_.duplicates.size()))}));
  fillRows();

  auto* verdict = ctrl<wxStaticText>(this, "verdict");
  const bool canApply = batch_ && plan_.ok() && plan_.changesAnything();
  wxString counts = ui::fmt(_("{1} new, {2} updated, {3} unchanged, {4} with errors."),
                            {ui::count(added), ui::count(updated), ui::count(unchanged), ui::count(errors)});
  if (!batch_) {
    verdict->SetLabelText(_("The source could not be read."));
    verdict->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
  } else if (!plan_.ok()) {
    verdict->SetLabelText(
        ui::fmt(_("{1} problems: nothing can be imported until they are corrected in the files. {2}"),
                {ui::count(static_cast<long long>(plan_.problems.size())), counts}));
    verdict->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
    book->SetSelection(2);
  } else if (!plan_.changesAnything()) {
    verdict->SetLabelText(
        ui::fmt(_("Everything is already in the register: nothing to import. {1}"), {counts}));
    verdict->SetForegroundColour(wxColour(0x3C, 0x40, 0x43));
  } else {
    wxString text = ui::fmt(_("Ready to import: {1}"), {counts});
    if (!plan_.duplicates.empty())
      text += " " + ui::fmt(_("Review the {1} likely duplicates first."),
                            {ui::count(static_cast<long long>(plan_.duplicates.size()))});
    verdict->SetLabelText(text);
    verdict->SetForegroundColour(wxColour(0x0B, 0x6E, 0x2E));
    book->SetSelection(plan_.duplicates.empty() ? 0 : 3);
  }
  ctrl<wxButton>(this, "apply")->Enable(canApply);
  Layout();
}

void ImportWizard::fillRows() {
  int i = ctrl<wxChoice>(this, "rowFilter")->GetSelection();
  static const services::ImportAction kActions[] = {
      services::ImportAction::New, services::ImportAction::Update, services::ImportAction::Unchanged,
      services::ImportAction::Error};
  rows_->show(plan_, i > 0 ? std::optional(kActions[i - 1]) : std::nullopt);
}

void ImportWizard::apply() {
  if (!batch_ || !plan_.ok()) return;
  if (!plan_.duplicates.empty() &&
      !ui::confirm(
          this,
          ui::fmt(_("{1} new members look like other members. They will be imported as separate members, "
                    "never merged. Import anyway?"),
                  {ui::count(static_cast<long long>(plan_.duplicates.size()))}),
          _("Import")))
    return;
  services::ImportResult result;
  bool ok = attemptWithProgress(this, _("Importing"), [&](core::Progress& progress) {
    result = services::applyImport(services_, currentActor(), *batch_, &progress);
  });
  if (!ok) return;
  applied_ = result.written;
  ui::showInfo(this,
               ui::fmt(_("Import done: {1} new, {2} updated, {3} unchanged."),
                       {ui::count(result.added), ui::count(result.updated), ui::count(result.unchanged)}));
  EndModal(wxID_OK);
}

}  // namespace dangbo::app
