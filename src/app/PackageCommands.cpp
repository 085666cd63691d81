#include "app/PackageCommands.h"

#include <wx/choicdlg.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/frame.h>
#include <wx/infobar.h>
#include <wx/menu.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <filesystem>

#include "app/FileDialogs.h"
#include "app/PackageReviewDialog.h"
#include "app/Prompts.h"
#include "app/RegisterOpener.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Errors.h"
#include "exchange/CellPackage.h"
#include "services/Packages.h"
#include "services/Paths.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {

constexpr int kExportCellId = wxID_HIGHEST + 260;
constexpr int kOpenCellId = kExportCellId + 1;
constexpr int kSaveChangesId = kExportCellId + 2;
constexpr int kImportChangesId = kExportCellId + 3;
constexpr int kCellBarSaveId = kExportCellId + 4;

// "2026-11-29T10:00:00Z" as "29/11/2026" (the text as it is when it is not such a time).
wxString dayOf(const std::string& utc) {
  if (utc.size() < 10 || utc[4] != '-' || utc[7] != '-') return ui::wx(utc);
  return ui::wx(utc.substr(8, 2) + "/" + utc.substr(5, 2) + "/" + utc.substr(0, 4));
}

// Asks for the passphrase (twice when `confirm`); empty when cancelled.
std::string askPassphrase(wxWindow* parent, bool confirm) {
  wxPasswordEntryDialog d(parent, _("Passphrase of the package:"), _("Passphrase"));
  if (d.ShowModal() != wxID_OK) return {};
  std::string pass = ui::utf8(d.GetValue());
  if (pass.empty()) throw core::DataError(ui::utf8(_("The passphrase of a package cannot be empty.")));
  if (confirm) {
    wxPasswordEntryDialog again(parent, _("The passphrase again:"), _("Passphrase"));
    if (again.ShowModal() != wxID_OK) return {};
    if (ui::utf8(again.GetValue()) != pass) throw core::DataError(ui::utf8(_("The two passphrases differ.")));
  }
  return pass;
}

wxString cellWildcard() {
  return _("Cell packages (*.dbgoi)|*.dbgoi");
}
wxString changesWildcard() {
  return _("Change packages (*.dbgthd)|*.dbgthd");
}

void exportCell(wxFrame* frame, services::Services& s) {
  ui::attempt(frame, [&] {
    if (services::Packages(s).cellOrigin())
      throw core::DataError(ui::utf8(
          _("This file is a cell file opened from a package; only the office file exports packages.")));
    std::vector<core::Organization> orgs;
    wxArrayString names;
    for (const auto& o : s.organizations(currentActor()))
      if (!o.ceased) {
        orgs.push_back(o);
        names.Add(ui::wx(o.code + " - " + o.name));
      }
    wxSingleChoiceDialog pick(frame, _("The cell whose package is exported:"), _("Export a cell package"),
                              names);
    if (pick.ShowModal() != wxID_OK) return;
    const core::Organization& org = orgs[pick.GetSelection()];
    wxFileDialog save(frame, _("Save the cell package"), "",
                      ui::wx(org.code + exchange::kCellPackageExtension), cellWildcard(),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ui::showFileDialog(save) != wxID_OK) return;
    std::string pass = askPassphrase(frame, true);
    if (pass.empty()) return;
    std::filesystem::path path = ui::utf8(save.GetPath());
    services::refuseOverwritingRegister(path, s.path());  // never the register, its copies or a database
    services::Packages(s).exportCell(currentActor(), org.code, [&](const core::CellPackage& pkg) {
      exchange::writePackageFile(path, exchange::encodeCellPackage(pkg, pass));
    });
    ui::showInfo(frame, ui::fmt(_("The package of {1} was saved to {2}. Give the passphrase to the cell "
                                  "secretary separately from the file."),
                                {ui::wx(org.name), save.GetPath()}));
  });
}

void openCell(wxFrame* frame, const std::function<void(std::unique_ptr<services::Services>)>& open) {
  wxFileDialog pick(frame, _("Open a cell package"), "", "", cellWildcard(),
                    wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (ui::showFileDialog(pick) != wxID_OK) return;
  std::unique_ptr<services::Services> made;
  ui::attempt(frame, [&] {
    std::string bytes = exchange::readPackageFile(ui::utf8(pick.GetPath()));
    std::string pass = askPassphrase(frame, false);
    if (pass.empty()) return;
    core::CellPackage pkg = exchange::decodeCellPackage(bytes, pass);
    std::filesystem::path dflt = std::filesystem::path(ui::utf8(pick.GetPath())).replace_extension(".db");
    wxFileDialog save(frame, _("Where to keep the cell's register"), ui::wx(dflt.parent_path().string()),
                      ui::wx(dflt.filename().string()), _("dangbo registers (*.db)|*.db"), wxFD_SAVE);
    if (ui::showFileDialog(save) != wxID_OK) return;
    std::filesystem::path path = ui::utf8(save.GetPath());
    services::Packages::createCellFile(path, pkg).reset();
    // Opened like any register: locked against a second window, and its own (local) user acting.
    made = RegisterOpener::open(frame, path);
  });
  if (made) open(std::move(made));
}

// The name the change package gives as its author: asked, the last one offered again.
std::string askSecretary(wxWindow* parent) {
  wxString last;
  if (wxConfigBase* cfg = wxConfigBase::Get()) last = cfg->Read("/Packages/Secretary", "");
  if (last.empty() && currentActor().username != services::Actor::localOffice().username)
    last = ui::wx(currentActor().username);
  wxTextEntryDialog d(parent, _("Name of the cell secretary who made the changes:"),
                      _("Save the change package"), last);
  prompts::labelButtons(&d);
  if (d.ShowModal() != wxID_OK) return {};
  std::string name = ui::utf8(d.GetValue().Strip(wxString::both));
  if (name.empty()) throw core::DataError(ui::utf8(_("Give the name of the cell secretary.")));
  if (wxConfigBase* cfg = wxConfigBase::Get()) {
    cfg->Write("/Packages/Secretary", ui::wx(name));
    cfg->Flush();
  }
  return name;
}

void saveChanges(wxFrame* frame, services::Services& s) {
  ui::attempt(frame, [&] {
    const bool nothing =
        services::Packages(s).changes(currentActor(), currentActor().username).changes.empty();
    // What the package cannot carry is named first: it stays in this file and the office must be told.
    std::vector<std::string> unsent = services::Packages(s).unsentChanges();
    if (!unsent.empty()) {
      const size_t shown = std::min<size_t>(unsent.size(), 12);
      wxString list;
      for (size_t i = 0; i < shown; ++i) list += "\n- " + ui::wx(unsent[i]);
      if (unsent.size() > shown)
        list +=
            "\n" + ui::fmt(_("... and {1} more"), {ui::count(static_cast<long long>(unsent.size() - shown))});
      wxString head =
          ui::fmt(_("{1} changes made in this file cannot travel in a change package. They stay in "
                    "this file; tell the office so that it records them itself:"),
                  {ui::count(static_cast<long long>(unsent.size()))});
      if (nothing) {
        ui::showInfo(frame, head + list + "\n\n" + _("There is nothing else to send."));
        return;
      }
      if (!ui::confirm(frame, head + list, _("Save the other changes"))) return;
    } else if (nothing) {
      ui::showInfo(frame, _("Nothing was changed in this cell since the package was opened."));
      return;
    }
    std::string secretary = askSecretary(frame);
    if (secretary.empty()) return;
    core::ChangePackage pkg = services::Packages(s).changes(currentActor(), secretary);
    wxFileDialog save(frame, _("Save the change package"), "",
                      ui::wx(pkg.cellCode + exchange::kChangePackageExtension), changesWildcard(),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ui::showFileDialog(save) != wxID_OK) return;
    std::string pass = askPassphrase(frame, true);
    if (pass.empty()) return;
    services::refuseOverwritingRegister(ui::utf8(save.GetPath()), s.path());
    exchange::writePackageFile(ui::utf8(save.GetPath()), exchange::encodeChangePackage(pkg, pass));
    ui::showInfo(frame, ui::fmt(_("{1} changes saved to {2}. Send the file to the office."),
                                {ui::count(static_cast<long long>(pkg.changes.size())), save.GetPath()}));
  });
}

void importChanges(wxFrame* frame, services::Services& s, const std::function<void()>& refresh) {
  wxFileDialog pick(frame, _("Import a change package"), "", "", changesWildcard(),
                    wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (ui::showFileDialog(pick) != wxID_OK) return;
  core::ChangePackage pkg;
  services::Review review;
  bool ok = ui::attempt(frame, [&] {
    std::string bytes = exchange::readPackageFile(ui::utf8(pick.GetPath()));
    std::string pass = askPassphrase(frame, false);
    if (pass.empty()) throw std::invalid_argument("");
    pkg = exchange::decodeChangePackage(bytes, pass);
    review = services::Packages(s).review(pkg);
  });
  if (!ok) return;
  PackageReviewDialog d(frame, s, pkg, review);
  if (d.run()) refresh();
}

}  // namespace

void addPackageMenu(wxFrame* frame, wxMenu* file, std::function<services::Services*()> current,
                    std::function<void(std::unique_ptr<services::Services>)> open,
                    std::function<void()> refresh) {
  file->Append(kExportCellId, _("Export a &cell package..."),
               _("Save one cell's members, candidates and open rating round for its secretary, encrypted"));
  file->Append(kImportChangesId, _("Import a c&hange package...") + "\tCtrl+Shift+I",
               _("Review a cell's changes, resolve conflicts and apply them"));
  file->Append(kOpenCellId, _("Open a cell pac&kage...") + "\tCtrl+Shift+K",
               _("Work on one cell's package away from the office"));
  file->Append(kSaveChangesId, _("Save the change pack&age...") + "\tCtrl+Shift+S",
               _("Save this cell's changes for the office, encrypted"));
  frame->Bind(
      wxEVT_MENU,
      [frame, current](wxCommandEvent&) {
        if (auto* s = current()) exportCell(frame, *s);
      },
      kExportCellId);
  frame->Bind(
      wxEVT_MENU, [frame, open](wxCommandEvent&) { openCell(frame, open); }, kOpenCellId);
  frame->Bind(
      wxEVT_MENU,
      [frame, current](wxCommandEvent&) {
        if (auto* s = current()) saveChanges(frame, *s);
      },
      kSaveChangesId);
  frame->Bind(
      wxEVT_MENU,
      [frame, current, refresh](wxCommandEvent&) {
        if (auto* s = current()) importChanges(frame, *s, refresh);
      },
      kImportChangesId);
}

void showCellMode(wxFrame* frame, wxInfoBar* bar, services::Services& s) {
  std::optional<services::CellFileInfo> origin;
  ui::attempt(frame, [&] { origin = services::Packages(s).cellOrigin(); });
  if (!origin) {
    if (bar->IsShown()) bar->Dismiss();
    return;
  }
  if (!bar->HasButtonId(kCellBarSaveId)) {
    bar->AddButton(kCellBarSaveId, _("Save the change package..."));
    bar->Bind(
        wxEVT_BUTTON,
        [frame](wxCommandEvent&) {
          wxCommandEvent command(wxEVT_MENU, kSaveChangesId);
          command.SetEventObject(frame);
          frame->ProcessWindowEvent(command);
        },
        kCellBarSaveId);
  }
  const std::string when = origin->exportedAt.empty() ? origin->openedAt : origin->exportedAt;
  bar->ShowMessage(
      ui::fmt(
          _("CELL MODE - {1} ({2}): package of {4}, exported on {3} (revision {5}).\nOnly this cell is here; "
            "your changes are saved as a change package for the office (Ctrl+Shift+S)."),
          {ui::wx(origin->cellName), ui::wx(origin->cellCode), dayOf(when), ui::wx(origin->committee),
           ui::count(origin->officeRevision)}),
      wxICON_INFORMATION);
}

}  // namespace dangbo::app
