#include "app/MemberDialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include "app/ActionDialog.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/PartyAgeTab.h"
#include "app/Prompts.h"
#include "app/Session.h"
#include "app/TabOrder.h"
#include "app/TrainingDialog.h"
#include "app/Ui.h"
#include "app/WindowPlace.h"
#include "core/Enums.h"
#include "core/VietText.h"
#include "services/CodeSuggestion.h"
#include "services/Deadlines.h"
#include "services/PartyFile.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
void fillEnum(wxChoice* c, const core::EnumSet& set) {
  c->Clear();
  for (const auto& it : set.items()) c->Append(ui::wx(set.label(it.code)));
}
void chooseEnum(wxChoice* c, const core::EnumSet& set, const std::string& code) {
  int i = 0;
  c->SetSelection(wxNOT_FOUND);
  for (const auto& it : set.items()) {
    if (it.code == code) c->SetSelection(i);
    ++i;
  }
}
std::string chosenEnum(const wxChoice* c, const core::EnumSet& set) {
  int i = c->GetSelection();
  return i >= 0 && size_t(i) < set.items().size() ? std::string(set.items()[size_t(i)].code) : std::string();
}
bool existsToday(const core::Organization& o) {
  const core::Date today = core::Date::today();
  return (!o.founded || *o.founded <= today) && (!o.ceased || *o.ceased > today);
}
}  // namespace

MemberDialog::MemberDialog(wxWindow* parent, services::Services& s,
                           const std::vector<core::Organization>& orgs,
                           const std::vector<std::pair<std::string, std::string>>& ethnicities,
                           const std::string& code, const std::string& defaultCell)
    : services_(s), orgs_(orgs), ethnicities_(ethnicities), code_(code) {
  wxXmlResource::Get()->LoadDialog(this, parent, "MemberDialog");
  fillChoices(defaultCell);
  buildLists();
  ui::tabDownColumns(this);  // Tab down each column of the form, then the next
  bindEvents();
  load();
  addPartyAgeTab();
  SetSize(FromDIP(wxSize(980, 680)));
  SetMinSize(FromDIP(wxSize(820, 560)));
  fitToScreen(this);  // never past the screen's edges
  text("fullName")->SetFocus();
}

wxTextCtrl* MemberDialog::text(const char* name) {
  return ctrl<wxTextCtrl>(this, name);
}

void MemberDialog::fillChoices(const std::string& defaultCell) {
  fillEnum(ctrl<wxChoice>(this, "gender"), core::enums::gender);
  fillEnum(ctrl<wxChoice>(this, "qualification"), core::enums::qualification);
  fillEnum(ctrl<wxChoice>(this, "theory"), core::enums::theory);
  auto* eth = ctrl<wxComboBox>(this, "ethnicity");
  for (const auto& e : ethnicities_) eth->Append(ui::wx(e.second));
  auto* cell = ctrl<wxChoice>(this, "cell");
  for (const auto& o : orgs_)
    if (existsToday(o)) {
      cells_.push_back(&o);
      cell->Append(ui::fmt(_("{1} ({2})"), {ui::wx(o.name), ui::wx(o.code)}));
      if (o.code == defaultCell) cell->SetSelection(int(cells_.size() - 1));
    }
}

void MemberDialog::buildLists() {
  auto* history = ctrl<wxListCtrl>(this, "history");
  const wxString h[] = {_("Date"),  _("Action"),          _("From cell"),       _("To cell"),
                        _("Place"), _("Decision number"), _("Reason or ground")};
  for (const auto& c : h) history->AppendColumn(c);
  ui::stretchLastColumn(history);
  auto* trainings = ctrl<wxListCtrl>(this, "trainings");
  const wxString t[] = {_("Year"), _("Date"), _("Course")};
  for (const auto& c : t) trainings->AppendColumn(c);
  for (wxListCtrl* l : {history, trainings}) ui::sortable(l);
  ui::stretchLastColumn(trainings);
}

void MemberDialog::bindEvents() {
  auto* profile = FindWindow(XRCID("profilePage"));
  auto edited = [this](wxCommandEvent& e) {
    e.Skip();
    if (!loading_) dirty_ = true;
  };
  profile->Bind(wxEVT_TEXT, edited);
  profile->Bind(wxEVT_CHOICE, edited);
  profile->Bind(wxEVT_COMBOBOX, edited);
  FindWindow(wxID_SAVE)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
  FindWindow(wxID_CANCEL)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close(); });
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { close(); });
  ctrl<wxButton>(this, "recordAction")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { recordAction(); });
  ctrl<wxButton>(this, "recordReceipt")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { recordReceipt(); });
  auto* history = ctrl<wxListCtrl>(this, "history");
  history->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateReceiptButton(); });
  history->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateReceiptButton(); });
  // The columns are fitted again once the list has its size (the tab is laid out after it is filled).
  history->Bind(wxEVT_SIZE, [history](wxSizeEvent& e) {
    e.Skip();
    history->CallAfter([history] { ui::fitColumns(history, 300); });
  });
  ctrl<wxButton>(this, "addTraining")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addTraining(); });
  // Keyboard: Ctrl+S saves, Esc closes (asking when edited), Enter in a field goes to the next field
  // instead of closing the form.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    const int key = e.GetKeyCode();
    if (e.GetModifiers() == wxMOD_CONTROL && key == 'S') {
      save();
      return;
    }
    if (e.GetModifiers() == wxMOD_CONTROL && (key == WXK_PAGEDOWN || key == WXK_PAGEUP)) {
      ctrl<wxNotebook>(this, "book")->AdvanceSelection(key == WXK_PAGEDOWN);
      return;
    }
    if (e.GetModifiers() == wxMOD_NONE && key == WXK_ESCAPE) {
      close();
      return;
    }
    if (e.GetModifiers() == wxMOD_NONE && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) {
      wxWindow* focus = FindFocus();
      wxWindow* profile = FindWindow(XRCID("profilePage"));
      for (wxWindow* w = focus; w && w != this; w = w->GetParent())
        if (w == profile && !dynamic_cast<wxButton*>(focus)) {
          focus->Navigate(wxNavigationKeyEvent::IsForward);
          return;
        }
    }
    e.Skip();
  });
}

void MemberDialog::load() {
  loading_ = true;
  if (code_.empty()) {
    file_ = {};
    core::Member m;
    m.religion = "Không";
    m.qualification = "khong";
    m.theory = "chua";
    ui::attempt(this, [&] { m.code = services::suggestMemberCode(services_); });  // never invented by hand
    showProfile(m);
  } else {
    file_ = services::memberFile(services_, currentActor(), code_);
    findOpenTransfer();
    showProfile(file_.member);
    // The cell changes only through an action (moved, transfer); the admission decision number too.
    ctrl<wxChoice>(this, "cell")->Disable();
    text("decisionNo")->Disable();
  }
  showHistory();
  showTrainings();
  showHeader();
  loading_ = false;
  dirty_ = false;
}

void MemberDialog::showHeader() {
  const bool isNew = code_.empty();
  SetTitle(isNew ? _("New party member") : _("Party member"));
  auto* title = ctrl<wxStaticText>(this, "title");
  auto* state = ctrl<wxStaticText>(this, "state");
  if (isNew) {
    title->SetLabelText(_("New party member"));
    state->SetLabelText(
        _("Admitted here: enter the admission decision. Transferred in: enter the transfer date "
          "and the committee it came from."));
  } else {
    const auto& m = file_.member;
    title->SetLabelText(ui::fmt(_("{1} ({2})"), {ui::wx(m.fullName), ui::wx(m.code)}));
    wxString status = ui::wx(core::enums::memberStatus.label(m.status));
    if (m.statusSince) status = ui::fmt(_("{1} since {2}"), {status, ui::date(m.statusSince)});
    // Transferred out: whether the new committee has confirmed receiving the member.
    if (m.status == "transferred_out" && !file_.events.empty() && file_.events.back().kind == "transfer_out")
      status += file_.events.back().receivedOn
                    ? " (" +
                          ui::fmt(_("received by the new committee on {1}"),
                                  {ui::wx(file_.events.back().receivedOn->vn())}) +
                          ")"
                    : " (" + wxString(_("not yet confirmed by the new committee")) + ")";
    wxString standing = m.officialOn ? ui::fmt(_("official since {1}"), {ui::date(m.officialOn)})
                                     : wxString(_("probationary"));
    wxString where = ui::wx(file_.cellName);
    if (!file_.cellOrigin.empty())
      where += " (" + ui::fmt(_("former commune {1}"), {ui::wx(file_.cellOrigin)}) + ")";
    if (!file_.oldCodes.empty()) {
      wxString codes;
      for (const auto& c : file_.oldCodes) codes += (codes.empty() ? "" : ", ") + ui::wx(c);
      where += "; " + ui::fmt(_("old codes: {1}"), {codes});
    }
    state->SetLabelText(ui::fmt(_("{1}; {2}; {3}"), {status, standing, where}) + partyAgeLine());
  }
  ctrl<wxButton>(this, "recordAction")->Enable(!isNew);
  ctrl<wxButton>(this, "addTraining")->Enable(!isNew);
  updateReceiptButton();
  Layout();
}

wxString MemberDialog::partyAgeLine() {
  services::PartyAgeView v;
  if (!file_.member.admittedOn ||
      !ui::attempt(
          this, [&] { v = services::partyAgeOf(services_, currentActor(), code_, core::Date::today()); }) ||
      !v.firstAdmitted)
    return {};
  return "\n" + partyAgeText(v);
}

// The Party age tab of an existing member (its interruptions, early requests and badges); each write there
// shows the new party age in the header.
void MemberDialog::addPartyAgeTab() {
  if (code_.empty()) return;
  auto* book = ctrl<wxNotebook>(this, "book");
  auto* tab = new PartyAgeTab(book, services_, code_, [this] {
    changed_ = true;
    showHeader();
  });
  book->AddPage(tab, _("Party age"));
  tab->load();
}

void MemberDialog::showProfile(const core::Member& m) {
  auto set = [this](const char* name, const std::string& v) { text(name)->ChangeValue(ui::wx(v)); };
  set("code", m.code);
  set("fullName", m.fullName);
  set("birthName", m.birthName);
  set("birthDate", m.birthDate ? m.birthDate->vn() : "");
  set("birthPlace", m.birthPlace);
  set("hometown", m.hometown);
  set("residence", m.residence);
  set("religion", m.religion);
  set("cccd", m.cccd);
  set("phone", m.phone);
  set("education", m.education);
  set("occupation", m.occupation);
  set("admittedOn", m.admittedOn ? m.admittedOn->vn() : "");
  set("ceremonyOn", m.ceremonyOn ? m.ceremonyOn->vn() : "");
  set("officialOn", m.officialOn ? m.officialOn->vn() : "");
  set("cardNo", m.cardNo);
  set("fileNo", m.fileNo);
  set("transferredInOn", m.transferredInOn ? m.transferredInOn->vn() : "");
  set("transferredInFrom", m.transferredInFrom);
  chooseEnum(ctrl<wxChoice>(this, "gender"), core::enums::gender, m.gender);
  chooseEnum(ctrl<wxChoice>(this, "qualification"), core::enums::qualification, m.qualification);
  chooseEnum(ctrl<wxChoice>(this, "theory"), core::enums::theory, m.theory);
  wxString eth = ui::wx(m.ethnicity);
  for (const auto& e : ethnicities_)
    if (e.first == m.ethnicity) eth = ui::wx(e.second);
  ctrl<wxComboBox>(this, "ethnicity")->ChangeValue(eth);
  if (m.cellId) {
    auto* cell = ctrl<wxChoice>(this, "cell");
    bool found = false;
    for (size_t i = 0; i < cells_.size(); ++i)
      if (cells_[i]->id == m.cellId) {
        cell->SetSelection(int(i));
        found = true;
      }
    if (!found) {  // a ceased cell (the member left before it ceased): shown, not offered
      cell->Append(ui::wx(file_.cellName));
      cell->SetSelection(int(cell->GetCount() - 1));
    }
  }
}

std::string MemberDialog::cellName(const std::optional<core::Id>& id) const {
  if (!id) return {};
  for (const auto& o : orgs_)
    if (o.id == *id) return o.name;
  return {};
}

void MemberDialog::showHistory() {
  auto* list = ctrl<wxListCtrl>(this, "history");
  list->DeleteAllItems();
  openTransferRow_ = -1;
  for (const auto& e : file_.events) {
    long row = list->InsertItem(list->GetItemCount(), ui::wx(e.date.vn()));
    if (openTransfer_ && e.kind == "transfer_out" && e.date == openTransfer_->on) openTransferRow_ = row;
    list->SetItem(row, 1, ui::wx(core::enums::memberEvent.label(e.kind)));
    list->SetItem(row, 2, ui::wx(cellName(e.fromCell)));
    list->SetItem(row, 3, ui::wx(cellName(e.toCell)));
    list->SetItem(row, 4, ui::wx(e.place));
    list->SetItem(row, 5, ui::wx(e.decisionNo));
    wxString reason = ui::wx(e.reason);
    if (e.kind == "removed")
      reason = ui::wx(core::enums::removalGround.label(e.reason));
    else if (e.reason == "split")
      reason = _("split of the cell");
    else if (e.reason == "dissolution")
      reason = _("dissolution of the cell");
    else if (e.reason == "merger" || e.reason == "merge")
      reason = _("merger of cells");
    if (e.receivedOn) {
      wxString receipt = ui::fmt(_("received by the new committee on {1}"), {ui::wx(e.receivedOn->vn())});
      reason = reason.empty() ? receipt : reason + "; " + receipt;
    }
    list->SetItem(row, 6, reason);
  }
  ui::fitColumns(list, 300);
  // The transfer waiting for its receipt is chosen, so that its action is at hand.
  if (openTransferRow_ >= 0) {
    list->SetItemState(openTransferRow_, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list->EnsureVisible(openTransferRow_);
  }
  updateReceiptButton();
}

void MemberDialog::findOpenTransfer() {
  openTransfer_.reset();
  if (file_.member.status != "transferred_out") return;
  try {
    for (const auto& d : services::deadlines(services_, currentActor(), core::Date::today()))
      if (d.kind == "transfer_due" && d.code == code_)
        openTransfer_ = OpenTransfer{d.code, d.name, d.from, d.step};
  } catch (const std::exception&) {
    // Without the deadlines the form still opens; the receipt is then recorded elsewhere (dangbo-cli).
  }
}

void MemberDialog::updateReceiptButton() {
  auto* list = ctrl<wxListCtrl>(this, "history");
  const bool chosen = openTransferRow_ >= 0 && ui::selectedRow(list) == openTransferRow_;
  ctrl<wxButton>(this, "recordReceipt")
      ->Enable(chosen && services::allows(currentActor(), services::Permission::WriteRegister));
}

void MemberDialog::recordReceipt() {
  if (!openTransfer_ || !askTransferReceipt(this, services_, *openTransfer_)) return;
  changed_ = true;
  file_ = services::memberFile(services_, currentActor(), code_);
  findOpenTransfer();
  showHistory();
  showHeader();
}

void MemberDialog::showTrainings() {
  auto* list = ctrl<wxListCtrl>(this, "trainings");
  list->DeleteAllItems();
  for (const auto& t : file_.trainings) {
    long row = list->InsertItem(list->GetItemCount(), wxString::Format("%d", t.year));
    list->SetItem(row, 1, ui::date(t.date));
    list->SetItem(row, 2, ui::wx(t.course));
  }
  ui::fitColumns(list, 400);
}

std::optional<core::Member> MemberDialog::readProfile() {
  core::Member m = file_.member;
  auto get = [this](const char* name) { return core::normalizeText(ui::utf8(text(name)->GetValue())); };
  bool ok = true;
  auto refuse = [&](const char* name, const wxString& what, const wxString& example) {
    auto* book = ctrl<wxNotebook>(this, "book");
    book->SetSelection(0);
    ui::showError(
        this, _("Invalid date"),
        ui::fmt(_("{1}: \"{2}\" is not a date. Type it as {3}."), {what, text(name)->GetValue(), example}));
    text(name)->SetFocus();
    text(name)->SelectAll();
    ok = false;
  };
  auto date = [&](const char* name, const wxString& what) -> std::optional<core::Date> {
    std::string v = get(name);
    if (v.empty() || !ok) return std::nullopt;
    auto d = core::Date::parse(v);
    if (!d) refuse(name, what, _("dd/mm/yyyy, e.g. 01/07/2025"));
    return d;
  };
  m.code = get("code");
  m.fullName = get("fullName");
  m.birthName = get("birthName");
  m.birthPlace = get("birthPlace");
  m.hometown = get("hometown");
  m.residence = get("residence");
  m.religion = get("religion");
  m.cccd = get("cccd");
  m.phone = get("phone");
  m.education = get("education");
  m.occupation = get("occupation");
  m.cardNo = get("cardNo");
  m.fileNo = get("fileNo");
  m.transferredInFrom = get("transferredInFrom");
  m.gender = chosenEnum(ctrl<wxChoice>(this, "gender"), core::enums::gender);
  m.qualification = chosenEnum(ctrl<wxChoice>(this, "qualification"), core::enums::qualification);
  m.theory = chosenEnum(ctrl<wxChoice>(this, "theory"), core::enums::theory);
  // The ethnic group: a name offered in the list, else the text as a code (the service checks it).
  std::string eth = core::normalizeText(ui::utf8(ctrl<wxComboBox>(this, "ethnicity")->GetValue()));
  m.ethnicity = eth;
  for (const auto& e : ethnicities_)
    if (core::fold(e.second) == core::fold(eth)) m.ethnicity = e.first;
  m.birthDate.reset();
  if (std::string v = get("birthDate"); !v.empty()) {
    m.birthDate = core::PartialDate::parse(v);
    if (!m.birthDate) refuse("birthDate", _("Date of birth"), _("1967, 03/1967 or 05/03/1967"));
  }
  m.admittedOn = date("admittedOn", _("Admission decision"));
  m.ceremonyOn = date("ceremonyOn", _("Ceremony"));
  m.officialOn = date("officialOn", _("Official since"));
  m.transferredInOn = date("transferredInOn", _("Transferred in on"));
  if (!ok) return std::nullopt;
  return m;
}

void MemberDialog::save() {
  auto m = readProfile();
  if (!m) return;
  const bool isNew = code_.empty();
  if (!isNew && !dirty_) {
    EndModal(wxID_OK);
    return;
  }
  std::vector<std::string> problems;
  if (!ui::attempt(this, [&] { problems = services::validateMember(services_, *m, isNew); })) return;
  std::string cellCode;
  if (isNew) {
    int c = ctrl<wxChoice>(this, "cell")->GetSelection();
    if (c < 0 || size_t(c) >= cells_.size())
      problems.push_back(ui::utf8(_("Choose the cell of the member.")));
    else
      cellCode = cells_[size_t(c)]->code;
  }
  if (!problems.empty()) {
    wxString text;
    for (const auto& p : problems) text += ui::wx(p) + "\n";
    ui::showError(this, _("Data not accepted"), text.Trim());
    ctrl<wxNotebook>(this, "book")->SetSelection(0);
    return;
  }
  const auto actor = currentActor();
  if (isNew) {
    std::string decision = core::normalizeText(ui::utf8(text("decisionNo")->GetValue()));
    if (!ui::attempt(this, [&] { services::addMember(services_, actor, *m, cellCode, decision); })) return;
  } else {
    auto why = prompts::reason(this, _("Why is the file changed? (a short reason, kept in the audit log)"),
                               _("Reason for the change"));
    if (!why) return;
    std::string reason = ui::utf8(*why);
    if (!ui::attempt(this, [&] { services::updateMember(services_, actor, *m, reason); })) return;
  }
  code_ = m->code;
  changed_ = true;
  dirty_ = false;
  EndModal(wxID_OK);
}

void MemberDialog::close() {
  if (dirty_ && !ui::confirm(this, _("The changes to this member have not been saved. Close without saving?"),
                             _("Close without saving")))
    return;
  EndModal(wxID_CANCEL);
}

void MemberDialog::recordAction() {
  if (code_.empty()) return;
  std::vector<core::Organization> cells;
  for (const auto* o : cells_) cells.push_back(*o);
  ActionDialog dlg(this, ui::fmt(_("{1} ({2})"), {ui::wx(file_.member.fullName), ui::wx(code_)}), cells,
                   file_.member);
  bool done = dlg.run(
      [&](const services::MemberAction& a) { services::recordAction(services_, currentActor(), code_, a); });
  if (!done) return;
  changed_ = true;
  bool wasDirty = dirty_;
  loading_ = true;
  file_ = services::memberFile(services_, currentActor(), code_);
  findOpenTransfer();
  if (!wasDirty) showProfile(file_.member);
  showHistory();
  showHeader();
  loading_ = false;
  dirty_ = wasDirty;
}

void MemberDialog::addTraining() {
  if (code_.empty()) return;
  TrainingDialog dlg(this);
  bool done = dlg.run([&](int year, const std::optional<core::Date>& date, const std::string& course) {
    services::addTraining(services_, currentActor(), code_, year, date, course);
  });
  if (!done) return;
  changed_ = true;
  file_.trainings = services::memberFile(services_, currentActor(), code_).trainings;
  showTrainings();
}

}  // namespace dangbo::app
