#include "app/MergeWizard.h"

#include <wx/button.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include <map>
#include <set>

#include "app/FileDialogs.h"
#include "app/ProgressDialog.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "core/Errors.h"
#include "exchange/MergeFiles.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
enum Page { kSources, kCells, kPairs, kPlan };

wxStaticText* note(wxWindow* parent, const wxString& text) {
  auto* t = new wxStaticText(parent, wxID_ANY, text);
  t->Wrap(parent->FromDIP(760));
  return t;
}

// The cell map the wizard proposes: the police cells of several sources become one cell, and so do the
// military cells (the seed's three each), named after the new commune.
std::string proposedMap(const std::vector<services::MergeSource>& sources) {
  std::string text = "Đơn vị cũ,Mã chi bộ cũ,Mã chi bộ mới,Tên chi bộ mới\n";
  const std::pair<const char*, const char*> kinds[] = {{"cong_an", "CA"}, {"quan_su", "QS"}};
  const std::string place = sources.empty() ? std::string() : sources.front().name;
  for (const auto& [category, suffix] : kinds) {
    std::vector<std::pair<std::string, std::string>> cells;  // origin, code
    for (const auto& s : sources)
      for (const auto& f : s.batch.files) {
        if (f.kind != "to_chuc") continue;
        const auto& spec = *services::importFileSpec("to_chuc");
        for (const auto& r : f.rows)
          if (r.value(spec, "category") == category && r.value(spec, "ceased").empty())
            cells.emplace_back(s.name, std::string(r.value(spec, "code")));
      }
    if (cells.size() < 2) continue;
    const std::string name =
        std::string(category == std::string("cong_an") ? "Chi bộ Công an xã " : "Chi bộ Quân sự xã ") + place;
    for (const auto& [origin, code] : cells) text += origin + "," + code + ",CB" + suffix + "," + name + "\n";
  }
  return text;
}
}  // namespace

MergeWizard::MergeWizard(wxWindow* parent, services::Services& s)
    : wxDialog(parent, wxID_ANY, _("Merge the registers of former communes"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(s) {
  book_ = new wxSimplebook(this);
  auto page = [&](auto build) {
    auto* p = new wxPanel(book_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    build(p, sizer);
    p->SetSizer(sizer);
    book_->AddPage(p, wxString());
  };
  const int gap = FromDIP(6);
  page([&](wxPanel* p, wxBoxSizer* sz) {
    sz->Add(new wxStaticText(p, wxID_ANY, _("Step 1 of 4: the registers of the former communes")), 0, wxALL,
            gap);
    sz->Add(
        note(p,
             _("One source a line, as NAME=PATH: the former commune, then its register (a dangbo file, a "
               "folder of CSV files or an Excel workbook). The earlier line wins where two sources differ.")),
        0, wxLEFT | wxRIGHT, gap);
    sources_ =
        new wxTextCtrl(p, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(760, 110)), wxTE_MULTILINE);
    sources_->SetName("sources");
    sz->Add(sources_, 1, wxEXPAND | wxALL, gap);
    auto* add = new wxBoxSizer(wxHORIZONTAL);
    auto* folder = new wxButton(p, wxID_ANY, _("Add a &folder..."));
    auto* file = new wxButton(p, wxID_ANY, _("Add a fi&le..."));
    add->Add(folder, 0, wxRIGHT, gap);
    add->Add(file);
    sz->Add(add, 0, wxLEFT | wxBOTTOM, gap);
    auto addSource = [this](const wxString& path) {
      wxTextEntryDialog ask(this, _("The former commune of this register:"), _("Former commune"));
      if (ask.ShowModal() != wxID_OK || ask.GetValue().IsEmpty()) return;
      sources_->AppendText((sources_->IsEmpty() ? "" : "\n") + ask.GetValue() + "=" + path);
    };
    folder->Bind(wxEVT_BUTTON, [this, addSource](wxCommandEvent&) {
      wxDirDialog dlg(this, _("Choose the folder of CSV files"));
      if (ui::showFileDialog(dlg) == wxID_OK) addSource(dlg.GetPath());
    });
    file->Bind(wxEVT_BUTTON, [this, addSource](wxCommandEvent&) {
      wxFileDialog dlg(this, _("Choose a register or a workbook"), wxString(), wxString(),
                       _("Registers and workbooks (*.db;*.xlsx)|*.db;*.xlsx|All files|*"),
                       wxFD_OPEN | wxFD_FILE_MUST_EXIST);
      if (ui::showFileDialog(dlg) == wxID_OK) addSource(dlg.GetPath());
    });
    auto* grid = new wxFlexGridSizer(2, gap, gap);
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(p, wxID_ANY, _("Merge day (dd/mm/yyyy):")), 0, wxALIGN_CENTER_VERTICAL);
    on_ = new wxTextCtrl(p, wxID_ANY, "01/07/2025");
    on_->SetName("on");
    grid->Add(on_, 0);
    grid->Add(new wxStaticText(p, wxID_ANY, _("Decision:")), 0, wxALIGN_CENTER_VERTICAL);
    decision_ = new wxTextCtrl(p, wxID_ANY);
    decision_->SetName("decision");
    grid->Add(decision_, 1, wxEXPAND);
    sz->Add(grid, 0, wxEXPAND | wxALL, gap);
  });
  page([&](wxPanel* p, wxBoxSizer* sz) {
    sz->Add(new wxStaticText(p, wxID_ANY, _("Step 2 of 4: the cell map")), 0, wxALL, gap);
    sz->Add(
        note(
            p,
            _("Cells of several sources that become one cell, as MAP.csv: Đơn vị cũ, Mã chi bộ cũ, Mã chi bộ "
              "mới, Tên chi bộ mới. Edit the new names and codes; a cell not listed continues under a new "
              "code of its own.")),
        0, wxLEFT | wxRIGHT, gap);
    cells_ =
        new wxTextCtrl(p, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(760, 150)), wxTE_MULTILINE);
    cells_->SetName("cells");
    sz->Add(cells_, 1, wxEXPAND | wxALL, gap);
    cellList_ = new wxStaticText(p, wxID_ANY, wxString());
    sz->Add(cellList_, 0, wxALL, gap);
  });
  page([&](wxPanel* p, wxBoxSizer* sz) {
    sz->Add(new wxStaticText(p, wxID_ANY, _("Step 3 of 4: the same person in two sources?")), 0, wxALL, gap);
    pairTitle_ = new wxStaticText(p, wxID_ANY, wxString());
    sz->Add(pairTitle_, 0, wxALL, gap);
    pairText_ = new wxStaticText(p, wxID_ANY, wxString());
    sz->Add(pairText_, 1, wxEXPAND | wxALL, gap);
    pairDecision_ = new wxStaticText(p, wxID_ANY, wxString());
    sz->Add(pairDecision_, 0, wxALL, gap);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    same_ = new wxButton(p, wxID_ANY, _("&Same person"));
    different_ = new wxButton(p, wxID_ANY, _("&Different persons"));
    auto* prev = new wxButton(p, wxID_ANY, _("&Previous pair"));
    row->Add(same_, 0, wxRIGHT, gap);
    row->Add(different_, 0, wxRIGHT, gap);
    row->Add(prev);
    sz->Add(row, 0, wxALL, gap);
    same_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide(true); });
    different_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide(false); });
    prev->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
      if (pair_ > 0) --pair_;
      showPair();
    });
  });
  page([&](wxPanel* p, wxBoxSizer* sz) {
    sz->Add(new wxStaticText(p, wxID_ANY, _("Step 4 of 4: the plan (nothing is written until you merge)")), 0,
            wxALL, gap);
    verdict_ = new wxStaticText(p, wxID_ANY, wxString());
    sz->Add(verdict_, 0, wxALL, gap);
    plan_ = new wxTextCtrl(p, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(760, 220)),
                           wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    sz->Add(plan_, 1, wxEXPAND | wxALL, gap);
  });

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  back_ = new wxButton(this, wxID_ANY, _("< &Back"));
  next_ = new wxButton(this, wxID_ANY, _("&Next >"));
  merge_ = new wxButton(this, wxID_ANY, _("&Merge"));
  auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
  buttons->AddStretchSpacer();
  for (auto* b : {back_, next_, merge_, close}) buttons->Add(b, 0, wxLEFT, gap);
  back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { go(book_->GetSelection() - 1); });
  next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { go(book_->GetSelection() + 1); });
  merge_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { apply(); });
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(book_, 1, wxEXPAND | wxALL, gap);
  top->Add(buttons, 0, wxEXPAND | wxALL, gap);
  SetSizerAndFit(top);
  updateButtons();
  sources_->SetFocus();
}

services::MergeRequest MergeWizard::request() const {
  services::MergeRequest r;
  r.on = day_.value_or(core::Date::today());
  r.decision = ui::utf8(decision_->GetValue());
  r.sources = read_;
  r.cells = cellRows_;
  r.cellsSource = ui::utf8(_("Cell map"));
  r.pairsGiven = true;
  r.pairsSource = ui::utf8(_("Pairs"));
  int row = 1;
  for (const auto& p : pairs_)
    if (p.same)
      r.pairs.push_back(
          {++row, p.origin1, p.code1, p.origin2, p.code2, *p.same ? "cùng người" : "khác người"});
  return r;
}

bool MergeWizard::readSources() {
  day_ = ui::readDate(this, on_, _("Merge day"));
  if (!day_) return false;
  std::vector<services::MergeSource> read;
  const bool ok = ui::attempt(this, [&] {
    wxBusyCursor busy;
    const std::string text = ui::utf8(sources_->GetValue());
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(start, end - start);
      start = end + 1;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto [name, path] = exchange::splitSourceArgument(line);
      read.push_back(exchange::readMergeSource(name, path));
    }
    if (read.empty()) throw core::DataError(ui::utf8(_("Give at least one source: a line NAME=PATH.")));
  });
  if (!ok) return false;
  read_ = std::move(read);
  pairs_ = services::proposeMergePairs(read_);
  pair_ = 0;
  cells_->ChangeValue(ui::wx(proposedMap(read_)));
  wxString summary;
  for (const auto& s : read_) {
    size_t cells = 0, members = 0;
    for (const auto& f : s.batch.files) {
      if (f.kind == "to_chuc") cells += f.rows.size();
      if (f.kind == "dang_vien") members += f.rows.size();
    }
    summary +=
        ui::fmt(_("{1}: {2} cells, {3} members"), {ui::wx(s.name), ui::count(static_cast<long long>(cells)),
                                                   ui::count(static_cast<long long>(members))}) +
        "\n";
  }
  cellList_->SetLabelText(summary);
  return true;
}

bool MergeWizard::readCells() {
  return ui::attempt(this, [&] {
    cellRows_ = exchange::parseCellMap(ui::utf8(cells_->GetValue()), ui::utf8(_("Cell map")));
  });
}

void MergeWizard::showPair() {
  if (pairs_.empty()) {
    pairTitle_->SetLabelText(_("No pair of members looks like the same person."));
    pairText_->SetLabelText(wxString());
    pairDecision_->SetLabelText(wxString());
    same_->Disable();
    different_->Disable();
    Layout();
    return;
  }
  if (pair_ >= pairs_.size()) pair_ = pairs_.size() - 1;
  const auto& p = pairs_[pair_];
  size_t decided = 0;
  for (const auto& q : pairs_) decided += q.same.has_value();
  pairTitle_->SetLabelText(
      ui::fmt(_("Pair {1} of {2} ({3} decided)"),
              {ui::count(static_cast<long long>(pair_ + 1)), ui::count(static_cast<long long>(pairs_.size())),
               ui::count(static_cast<long long>(decided))}));
  pairText_->SetLabelText(
      ui::fmt(_("{1}, {2}: {3}\n{4}, {5}: {6}"), {ui::wx(p.origin1), ui::wx(p.code1), ui::wx(p.name1),
                                                  ui::wx(p.origin2), ui::wx(p.code2), ui::wx(p.name2)}) +
      "\n" + ui::fmt(_("Why: {1}"), {ui::wx(p.reason)}));
  pairDecision_->SetLabelText(!p.same   ? _("Not decided yet.")
                              : *p.same ? _("Decided: the same person.")
                                        : _("Decided: different persons."));
  same_->Enable();
  different_->Enable();
  same_->SetFocus();
  Layout();
}

void MergeWizard::decide(bool same) {
  if (pair_ >= pairs_.size()) return;
  pairs_[pair_].same = same;
  if (pair_ + 1 < pairs_.size()) ++pair_;
  showPair();
}

void MergeWizard::plan() {
  services::MergePlan p;
  if (!ui::attempt(this, [&] {
        wxBusyCursor busy;
        p = services::planMerge(services_, currentActor(), request());
      }))
    return;
  wxString text;
  auto line = [&](const wxString& l) { text += l + "\n"; };
  for (const auto& m : p.problems) line(ui::wx(m));
  for (const auto& m : p.undecided) line(ui::fmt(_("Undecided: {1}"), {ui::wx(m)}));
  for (const auto& n : p.notices) line(ui::wx(n));
  for (const auto& g : p.cellGroups) {
    wxString from;
    for (const auto& c : g.fromCodes) from += (from.empty() ? "" : ", ") + ui::wx(c);
    line(ui::fmt(_("New cell {1} ({2}) takes in {3}."), {ui::wx(g.newCode), ui::wx(g.newName), from}));
  }
  for (const auto& c : p.conflicts) line(ui::fmt(_("Conflict: {1}"), {ui::wx(c)}));
  for (const auto& c : p.codes) line(ui::wx(c.origin + " " + c.oldCode + " -> " + c.newCode));
  plan_->ChangeValue(text);
  planOk_ = p.ok();
  const wxString counts =
      ui::fmt(_("Merge: {1} cells, {2} members ({3} the same person as another), {4} candidates."),
              {ui::count(p.cells), ui::count(p.members), ui::count(p.samePersons), ui::count(p.candidates)});
  verdict_->SetLabelText(planOk_
                             ? ui::fmt(_("Ready to merge. {1}"), {counts})
                             : ui::fmt(_("The merge would be refused: {1} problems, {2} undecided pairs."),
                                       {ui::count(static_cast<long long>(p.problems.size())),
                                        ui::count(static_cast<long long>(p.undecided.size()))}));
  verdict_->SetForegroundColour(planOk_ ? wxColour(0x0B, 0x6E, 0x2E) : wxColour(0xB0, 0x00, 0x20));
}

void MergeWizard::go(int page) {
  const int now = book_->GetSelection();
  if (page < kSources || page > kPlan) return;
  if (page > now) {
    if (now == kSources && !readSources()) return;
    if (now == kCells && !readCells()) return;
  }
  book_->ChangeSelection(size_t(page));
  if (page == kPairs) showPair();
  if (page == kPlan) plan();
  updateButtons();
  Layout();
}

void MergeWizard::updateButtons() {
  const int page = book_->GetSelection();
  back_->Enable(page > kSources);
  next_->Enable(page < kPlan);
  merge_->Enable(page == kPlan && planOk_);
}

void MergeWizard::apply() {
  if (!planOk_) return;
  const auto r = request();
  services::MergePlan done;
  const bool ok = attemptWithProgress(this, _("Merging"), [&](core::Progress& progress) {
    done = services::applyMerge(services_, currentActor(), r, &progress);
  });
  if (!ok) return;
  applied_ = done.written;
  ui::showInfo(
      this, ui::fmt(_("The registers were merged: {1} cells, {2} members ({3} the same person as another)."),
                    {ui::count(done.cells), ui::count(done.members), ui::count(done.samePersons)}));
  EndModal(wxID_OK);
}

bool runMergeWizard(wxWindow* parent, services::Services& s) {
  MergeWizard wizard(parent, s);
  ui::showFileDialog(wizard);  // it reads the files chosen in it
  return wizard.applied();
}

}  // namespace dangbo::app
