#include "app/PartyAgeTab.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>
#include <vector>

#include "app/ListForm.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/PartyAge.h"
#include "services/BadgeRound.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {

// A small form of labelled fields (a choice, dates, a note) with Save and Cancel; Save runs the caller's
// service call and closes only when it accepts, a refusal shown with the form kept open.
class EntryDialog : public wxDialog {
 public:
  EntryDialog(wxWindow* parent, const wxString& title)
      : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
                 wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    grid_ = new wxFlexGridSizer(2, 6, 10);
    grid_->AddGrowableCol(1);
  }
  wxChoice* choice(const wxString& label, const char* name, const std::vector<wxString>& items) {
    auto* c = new wxChoice(this, wxID_ANY);
    c->SetName(name);
    for (const auto& i : items) c->Append(i);
    c->SetSelection(0);
    row(label, c);
    return c;
  }
  wxTextCtrl* text(const wxString& label, const char* name) {
    auto* t = new wxTextCtrl(this, wxID_ANY);
    t->SetName(name);
    t->SetMinSize(FromDIP(wxSize(260, -1)));
    row(label, t);
    return t;
  }
  /// The field that has the keyboard when the form opens (else its first).
  void focusFirst(wxWindow* w) { first_ = w; }
  /// Shows the form until `submit` returns true without throwing (true), or the user cancels (false).
  bool run(const std::function<bool()>& submit) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid_, 1, wxEXPAND | wxALL, 12);
    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    if (auto* ok = FindWindow(wxID_OK)) {
      static_cast<wxButton*>(ok)->SetLabel(_("&Save"));
      ok->Bind(wxEVT_BUTTON, [this, submit](wxCommandEvent&) {
        bool done = false;
        if (ui::attempt(this, [&] { done = submit(); }) && done) EndModal(wxID_OK);
      });
    }
    SetSizerAndFit(top);
    CentreOnParent();
    if (first_) CallAfter([this] { first_->SetFocus(); });  // after the dialog gave its first child the focus
    return ShowModal() == wxID_OK;
  }

 private:
  void row(const wxString& label, wxWindow* w) {
    grid_->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    grid_->Add(w, 1, wxEXPAND);
  }
  wxFlexGridSizer* grid_ = nullptr;
  wxWindow* first_ = nullptr;
};

// The date typed, none when the field is empty; false when it is not a date (the field is then focused).
bool optionalDate(wxWindow* parent, wxTextCtrl* field, const wxString& what, std::optional<core::Date>& out) {
  out.reset();
  if (field->GetValue().Trim().Trim(false).IsEmpty()) return true;
  out = ui::readDate(parent, field, what);
  return out.has_value();
}

const std::vector<std::string>& requestKinds() {
  static const std::vector<std::string> k = {"ill", "posthumous"};
  return k;
}

wxListCtrl* addList(wxWindow* parent, wxSizer* sizer, const wxString& heading, const char* name,
                    std::initializer_list<wxString> columns) {
  sizer->Add(new wxStaticText(parent, wxID_ANY, heading), 0, wxLEFT | wxRIGHT | wxTOP, 10);
  auto* list = ui::reportList(parent, name, columns, wxLC_SINGLE_SEL | wxBORDER_THEME);
  ui::stretchLastColumn(list);
  sizer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
  return list;
}

}  // namespace

wxString partyAgeText(const services::PartyAgeView& v) {
  if (!v.firstAdmitted) return {};
  wxString line = ui::fmt(_("Party age: {1} years (first admitted {2})"),
                          {wxString::Format("%d", v.years), ui::wx(v.firstAdmitted->vn())});
  if (!v.interruptions.empty())
    line +=
        "; " + ui::fmt(_("{1} interruptions not counted"), {wxString::Format("%zu", v.interruptions.size())});
  if (!v.awards.empty())
    line += "; " + ui::fmt(_("badge of {1} years"), {wxString::Format("%d", v.awards.back().milestone)});
  if (v.nextMilestone && v.nextMilestoneOn)
    line += "; " + ui::fmt(*v.nextMilestoneOn <= core::Date::today()
                               ? _("{1}-year badge due since {2}, not awarded")
                               : _("{1} years on {2}"),
                           {wxString::Format("%d", *v.nextMilestone), ui::wx(v.nextMilestoneOn->vn())});
  return line;
}

PartyAgeTab::PartyAgeTab(wxWindow* parent, services::Services& s, std::string code,
                         std::function<void()> changed)
    : wxPanel(parent, wxID_ANY), services_(s), code_(std::move(code)), changed_(std::move(changed)) {
  SetName("partyAgePage");
  auto* top = new wxBoxSizer(wxVERTICAL);
  summary_ = new wxStaticText(this, wxID_ANY, " ");
  summary_->SetName("hintPartyAge");
  top->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);

  interruptions_ = addList(this, top, _("Interruptions not counted in party age:"), "interruptions",
                           {_("Kind"), _("From"), _("Until"), _("First admission"), _("Note")});
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  add_ = new wxButton(this, wxID_ANY, _("Add an &interruption..."));
  add_->SetName("addInterruption");
  buttons->Add(add_, 0, wxRIGHT, 8);
  delete_ = new wxButton(this, wxID_ANY, _("&Delete the interruption..."));
  delete_->SetName("deleteInterruption");
  buttons->Add(delete_, 0);
  top->Add(buttons, 0, wxLEFT | wxRIGHT | wxTOP, 10);

  auto* lower = new wxBoxSizer(wxHORIZONTAL);
  auto* left = new wxBoxSizer(wxVERTICAL);
  requests_ = addList(this, left, _("Requests to propose the badge early:"), "badgeRequests",
                      {_("Kind"), _("Requested on"), _("Note")});
  request_ = new wxButton(this, wxID_ANY, _("Add an &early request..."));
  request_->SetName("addBadgeRequest");
  left->Add(request_, 0, wxLEFT | wxTOP, 10);
  lower->Add(left, 1, wxEXPAND);
  auto* right = new wxBoxSizer(wxVERTICAL);
  awards_ = addList(this, right, _("Badges awarded:"), "badgeAwards",
                    {_("Badge (years)"), _("Decision number"), _("Badge number"), _("Award ceremony")});
  lower->Add(right, 1, wxEXPAND);
  top->Add(lower, 1, wxEXPAND | wxBOTTOM, 10);
  SetSizer(top);

  // The office records these; a secretary or a reader sees why the buttons are off.
  const auto actor = currentActor();
  const bool office =
      services::allows(actor, services::Permission::WriteRegister) && actor.role != "secretary";
  for (auto* b : {add_, delete_, request_}) b->Enable(office);
  if (!office) {
    auto* hint =
        new wxStaticText(this, wxID_ANY, _("The committee's office records interruptions and badges."));
    hint->SetName("refusalPartyAge");
    top->Insert(1, hint, 0, wxLEFT | wxRIGHT | wxTOP, 10);
  }
  add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addInterruption(); });
  delete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { deleteInterruption(); });
  request_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addRequest(); });
  interruptions_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_DELETE && delete_->IsEnabled())
      deleteInterruption();
    else
      e.Skip();
  });
}

void PartyAgeTab::load() {
  view_ = {};
  ui::attempt(this,
              [&] { view_ = services::partyAgeOf(services_, currentActor(), code_, core::Date::today()); });
  // The years alone (the form's header has the whole line): short enough for the narrowest form.
  summary_->SetLabel(view_.firstAdmitted
                         ? ui::fmt(_("Party age: {1} years (first admitted {2})"),
                                   {wxString::Format("%d", view_.years), ui::wx(view_.firstAdmitted->vn())})
                         : wxString(_("The first admission is not recorded: no party age.")));
  interruptions_->DeleteAllItems();
  for (const auto& i : view_.interruptions) {
    const long row = interruptions_->InsertItem(interruptions_->GetItemCount(),
                                                ui::wx(core::interruptionKindLabel(i.kind)));
    interruptions_->SetItem(row, 1, ui::date(i.from));
    interruptions_->SetItem(row, 2, ui::date(i.to));
    interruptions_->SetItem(row, 3, ui::date(i.firstAdmittedOn));
    interruptions_->SetItem(row, 4, ui::wx(i.note));
  }
  ui::fitColumns(interruptions_, 260);
  if (interruptions_->GetItemCount() > 0)  // the first chosen: Delete has something to name
    interruptions_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  requests_->DeleteAllItems();
  for (const auto& r : view_.requests) {
    const long row =
        requests_->InsertItem(requests_->GetItemCount(), ui::wx(services::badgeReasonLabel(r.kind)));
    requests_->SetItem(row, 1, ui::date(r.requestedOn));
    requests_->SetItem(row, 2, ui::wx(r.note));
  }
  ui::fitColumns(requests_, 220);
  awards_->DeleteAllItems();
  for (const auto& a : view_.awards) {
    const long row = awards_->InsertItem(awards_->GetItemCount(), wxString::Format("%d", a.milestone));
    awards_->SetItem(row, 1, ui::wx(a.decisionNo));
    awards_->SetItem(row, 2, ui::wx(a.badgeNo));
    awards_->SetItem(row, 3, ui::date(a.ceremonyOn));
  }
  ui::fitColumns(awards_, 220);
  Layout();
}

void PartyAgeTab::addInterruption() {
  EntryDialog dlg(this, _("Interruption of party age"));
  std::vector<wxString> kinds;
  for (const auto& k : core::interruptionKinds()) kinds.push_back(ui::wx(core::interruptionKindLabel(k)));
  auto* kind = dlg.choice(_("&Kind of interruption:"), "kind", kinds);
  kind->SetSelection(2);  // a gap between a transfer out and in: the commonest the office enters by hand
  auto* from = dlg.text(_("&From (dd/mm/yyyy):"), "from");
  auto* to = dlg.text(_("&Until (empty while it lasts):"), "to");
  auto* first = dlg.text(_("&First admission (re-admission only):"), "firstAdmittedOn");
  auto* note = dlg.text(_("&Note:"), "note");
  dlg.focusFirst(from);
  const bool done = dlg.run([&] {
    core::PartyInterruption i;
    const int k = kind->GetSelection();
    i.kind = k >= 0 ? core::interruptionKinds()[size_t(k)] : std::string();
    std::optional<core::Date> d;
    if (!optionalDate(&dlg, from, _("the start of the interruption"), d)) return false;
    if (!d) {
      ui::showError(&dlg, _("Data not accepted"), _("Type the day the interruption began."));
      from->SetFocus();
      return false;
    }
    i.from = *d;
    if (!optionalDate(&dlg, to, _("the end of the interruption"), i.to)) return false;
    if (!optionalDate(&dlg, first, _("the first admission"), i.firstAdmittedOn)) return false;
    i.note = ui::utf8(note->GetValue().Trim().Trim(false));
    services::addInterruption(services_, currentActor(), code_, i);
    return true;
  });
  if (done) written(interruptions_);
}

void PartyAgeTab::deleteInterruption() {
  const long row = ui::selectedRow(interruptions_);
  if (row < 0 || size_t(row) >= view_.interruptions.size()) {
    ui::showInfo(this, _("Choose an interruption in the list."));
    return;
  }
  const auto& i = view_.interruptions[size_t(row)];
  if (!ui::confirm(this,
                   ui::fmt(_("Delete the interruption \"{1}\" from {2}? The audit log keeps what it was."),
                           {ui::wx(core::interruptionKindLabel(i.kind)), ui::date(i.from)}),
                   _("Delete")))
    return;
  const core::Id id = i.id;
  if (ui::attempt(this, [&] { services::deleteInterruption(services_, currentActor(), id); }))
    written(interruptions_);
}

void PartyAgeTab::addRequest() {
  EntryDialog dlg(this, _("Request to propose the badge early"));
  std::vector<wxString> kinds;
  for (const auto& k : requestKinds()) kinds.push_back(ui::wx(services::badgeReasonLabel(k)));
  auto* kind = dlg.choice(_("&Kind of request:"), "kind", kinds);
  auto* on = dlg.text(_("&Requested on (dd/mm/yyyy):"), "requestedOn");
  on->ChangeValue(ui::date(core::Date::today()));
  auto* note = dlg.text(_("&Note:"), "note");
  dlg.focusFirst(on);  // the kind has its Alt key; Return on a choice would open it
  const bool done = dlg.run([&] {
    core::BadgeRequest r;
    const int k = kind->GetSelection();
    r.kind = k >= 0 ? requestKinds()[size_t(k)] : std::string();
    const auto d = ui::readDate(&dlg, on, _("the day of the request"));
    if (!d) return false;
    r.requestedOn = *d;
    r.note = ui::utf8(note->GetValue().Trim().Trim(false));
    services::recordBadgeRequest(services_, currentActor(), code_, r);
    return true;
  });
  if (done) written(requests_);
}

void PartyAgeTab::written(wxWindow* focus) {
  load();
  changed_();
  focus->SetFocus();
}

}  // namespace dangbo::app
