#include "app/CandidateDialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/tokenzr.h>

#include <algorithm>

#include "app/CoreText.h"
#include "app/Forms.h"
#include "app/Prompts.h"
#include "app/Session.h"
#include "app/TabOrder.h"
#include "app/Ui.h"
#include "app/WindowPlace.h"
#include "core/Enums.h"
#include "core/Errors.h"
#include "core/VietText.h"
#include "services/CandidateCorrection.h"
#include "services/CodeSuggestion.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
using services::Stage;

// The controls of each stage (text fields, spin, check box) and the button that records it.
struct StageControls {
  Stage stage;
  std::vector<const char*> fields;
  const char* button;
};
const std::vector<StageControls> kStages = {
    {Stage::Certificate, {"certNo", "certOn"}, "saveCertificate"},
    {Stage::Application, {"applicationOn"}, "saveApplication"},
    {Stage::History, {"historyOn"}, "saveHistory"},
    {Stage::BackgroundCheck, {"checkOn", "checkResult", "checkPersons"}, "saveCheck"},
    {Stage::Sponsors,
     {"sponsorOn", "sponsor1", "since1", "sponsor2", "since2", "youthUnion"},
     "saveSponsors"},
    {Stage::MassOrgComment, {"massOn"}, "saveMassOrg"},
    {Stage::CellVote, {"voteOn", "inFavour", "approval", "approvalNo"}, "saveVote"},
    {Stage::CommitteeResolution, {"resolutionNo", "resolutionOn"}, "saveResolution"},
    {Stage::Decision, {"decisionNo", "decisionOn", "decisionBody"}, "saveDecision"},
    {Stage::Ceremony, {"ceremonyOn", "memberCode", "cardNo", "fileNo"}, "saveCeremony"},
};
// The section panel of each stage (the application section holds two stages).
const std::vector<std::pair<const char*, Stage>> kSections = {{"sec_certificate", Stage::Certificate},
                                                              {"sec_application", Stage::Application},
                                                              {"sec_check", Stage::BackgroundCheck},
                                                              {"sec_sponsors", Stage::Sponsors},
                                                              {"sec_massOrg", Stage::MassOrgComment},
                                                              {"sec_vote", Stage::CellVote},
                                                              {"sec_resolution", Stage::CommitteeResolution},
                                                              {"sec_decision", Stage::Decision},
                                                              {"sec_ceremony", Stage::Ceremony}};
const std::vector<const char*> kIdentity = {"code",      "fullName",   "birthDate", "religion", "cccd",
                                            "residence", "occupation", "education", "listedOn"};

// Makes a field editable or read-only (text) / enabled or not (other controls).
void setEditable(wxWindow* w, bool on) {
  if (auto* t = dynamic_cast<wxTextCtrl*>(w)) {
    t->SetEditable(on);
    t->SetBackgroundColour(on ? wxNullColour : wxColour(244, 246, 248));
    t->Refresh();
  } else {
    w->Enable(on);
  }
}
}  // namespace

CandidateDialog::CandidateDialog(wxWindow* parent, services::Services& s, const std::string& code,
                                 const std::string& cellCode)
    : services_(s), code_(code), cellCode_(cellCode) {
  wxXmlResource::Get()->LoadDialog(this, parent, "CandidateDialog");
  auto* gender = ctrl<wxChoice>(this, "gender");
  for (const auto& it : core::enums::gender.items())
    gender->Append(ui::wx(core::enums::gender.label(it.code)));
  ethnicities_ = s.ethnicGroups();
  // 54 groups: typed, completed as the letters come (a drop-down alone cannot be searched).
  auto* eth = ctrl<wxComboBox>(this, "ethnicity");
  wxArrayString names;
  for (const auto& e : ethnicities_) names.Add(ui::wx(e.second));
  eth->Append(names);
  eth->AutoComplete(names);
  auto* cells = ctrl<wxChoice>(this, "cellChoice");
  const core::Date today = core::Date::today();
  for (const auto& o : s.organizations(currentActor()))
    if (!o.ceased || *o.ceased > today) {
      cellCodes_.push_back(o.code);
      cells->Append(ui::wx(o.code + " – " + o.name));
    }
  ctrl<wxCheckBox>(this, "approval")->SetLabel(_("Over the age limit: approved by the province"));
  ui::tabDownColumns(this);  // Tab down each column of the form, then the next

  auto on = [this](const char* name, auto fn) {
    ctrl<wxButton>(this, name)->Bind(wxEVT_BUTTON, [fn](wxCommandEvent&) { fn(); });
  };
  const services::Actor& actor = currentActor();
  // Reads a date field; throws a DataError naming the field when it is not a date.
  auto date = [this](const char* name, const wxString& what) {
    auto* f = ctrl<wxTextCtrl>(this, name);
    auto d = core::Date::parse(ui::utf8(f->GetValue()));
    if (!d) {
      f->SetFocus();
      throw core::DataError(
          core::format(core::tr("{1}: \"{2}\" is not a date. Type it as dd/mm/yyyy, e.g. 01/07/2025."),
                       {ui::utf8(what), ui::utf8(f->GetValue())}));
    }
    return *d;
  };
  auto optDate = [this, date](const char* name, const wxString& what) -> std::optional<core::Date> {
    if (ctrl<wxTextCtrl>(this, name)->GetValue().Strip(wxString::both).empty()) return std::nullopt;
    return date(name, what);
  };
  auto text = [this](const char* name) { return ui::utf8(ctrl<wxTextCtrl>(this, name)->GetValue()); };

  on("create", [this] { create(); });
  on("correct", [this] { correct(); });
  on("addHelper", [=, this, &s] {
    record([=, this, &s] {
      services::addHelper(s, actor, code_, text("helperCode"), date("helperFrom", _("From")));
      ctrl<wxTextCtrl>(this, "helperCode")->Clear();
      ctrl<wxTextCtrl>(this, "helperFrom")->Clear();
    });
  });
  on("saveCertificate", [=, this, &s] {
    record([=, this, &s] {
      services::recordCertificate(s, actor, code_, text("certNo"), date("certOn", _("Date")));
    });
  });
  on("saveApplication", [=, this, &s] {
    record([=, this, &s] {
      services::recordApplication(s, actor, code_, date("applicationOn", _("Application dated")));
    });
  });
  on("saveHistory", [=, this, &s] {
    record([=, this, &s] {
      services::recordHistory(s, actor, code_, date("historyOn", _("Personal history completed")));
    });
  });
  on("saveCheck", [=, this, &s] {
    record([=, this, &s] {
      std::vector<services::PersonCheck> persons;
      wxStringTokenizer lines(ctrl<wxTextCtrl>(this, "checkPersons")->GetValue(), "\n");
      while (lines.HasMoreTokens()) {
        wxString line = lines.GetNextToken().Strip(wxString::both);
        if (line.empty()) continue;
        wxArrayString parts = wxSplit(line, ';', '\0');
        services::PersonCheck p;
        p.person = ui::utf8(parts[0].Strip(wxString::both));
        if (parts.size() > 1) p.relation = ui::utf8(parts[1].Strip(wxString::both));
        if (parts.size() > 2) p.result = ui::utf8(parts[2].Strip(wxString::both));
        persons.push_back(p);
      }
      services::recordBackgroundCheck(s, actor, code_, date("checkOn", _("Date")), text("checkResult"),
                                      persons);
    });
  });
  on("saveSponsors", [=, this, &s] {
    record([=, this, &s] {
      services::Sponsorship sp;
      sp.on = date("sponsorOn", _("Sponsored on"));
      sp.sponsor1 = text("sponsor1");
      sp.sponsor1Since = optDate("since1", _("Known since"));
      sp.sponsor2 = text("sponsor2");
      sp.sponsor2Since = optDate("since2", _("Known since"));
      sp.youthUnionResolution = text("youthUnion");
      services::recordSponsors(s, actor, code_, sp);
    });
  });
  on("saveMassOrg", [=, this, &s] {
    record([=, this, &s] { services::recordMassOrgComment(s, actor, code_, date("massOn", _("Date"))); });
  });
  on("saveVote", [=, this, &s] {
    record([=, this, &s] {
      services::CellVote v;
      v.on = date("voteOn", _("Vote on"));
      v.inFavour = ctrl<wxSpinCtrl>(this, "inFavour")->GetValue();
      v.provincialApproval = ctrl<wxCheckBox>(this, "approval")->GetValue();
      v.approvalNo = text("approvalNo");
      services::recordCellVote(s, actor, code_, v);
    });
  });
  on("saveResolution", [=, this, &s] {
    record([=, this, &s] {
      services::recordCommitteeResolution(s, actor, code_, text("resolutionNo"),
                                          date("resolutionOn", _("Date")));
    });
  });
  on("saveDecision", [=, this, &s] {
    record([=, this, &s] {
      services::recordDecision(s, actor, code_, text("decisionNo"), date("decisionOn", _("Date")),
                               text("decisionBody"));
    });
  });
  on("saveCeremony", [=, this, &s] {
    record([=, this, &s] {
      services::Ceremony c;
      c.on = date("ceremonyOn", _("Ceremony on"));
      c.memberCode = text("memberCode");
      c.cardNo = text("cardNo");
      c.fileNo = text("fileNo");
      services::recordCeremony(s, actor, code_, c);
    });
  });
  on("withdraw", [=, this, &s] {
    if (!ui::confirm(this, _("Close the file as withdrawn?"), _("Withdrawn"))) return;
    record([=, this, &s] {
      services::withdrawCandidate(s, actor, code_, date("closeOn", _("Date")), text("closeReason"));
    });
  });
  on("reject", [=, this, &s] {
    if (!ui::confirm(this, _("Close the file as rejected?"), _("Rejected"))) return;
    record([=, this, &s] {
      services::rejectCandidate(s, actor, code_, date("closeOn", _("Date")), text("closeReason"));
    });
  });
  ctrl<wxTextCtrl>(this, "voteOn")->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { countVotes(); });

  ctrl<wxScrolledWindow>(this, "scroll")->SetScrollRate(0, 12);
  SetSize(FromDIP(wxSize(960, 690)));
  fitToScreen(this);  // never past the screen's edges
  load();
}

bool CandidateDialog::run() {
  // Once the dialog is shown and laid out: the focus on the first field to enter, its section in view.
  CallAfter([this] {
    if (code_.empty()) {
      ctrl<wxTextCtrl>(this, "code")->SetFocus();
      return ctrl<wxTextCtrl>(this, "code")->SelectAll();
    }
    focusNextStage();
  });
  ShowModal();
  return changed_;
}

void CandidateDialog::record(const std::function<void()>& work) {
  if (ui::attempt(this, work)) {
    changed_ = true;
    ui::attempt(this, [this] { load(); });
  }
}

void CandidateDialog::load() {
  if (code_.empty()) {
    SetTitle(_("New candidate"));
    ctrl<wxStaticText>(this, "title")->SetLabel(_("New candidate"));
    ctrl<wxStaticText>(this, "subtitle")
        ->SetLabel(
            _("Enter the personal details and list the candidate; the stages open one after another."));
    for (auto* name : kIdentity) setEditable(ctrl<wxWindow>(this, name), true);
    for (auto* name : {"gender", "ethnicity", "cellChoice"}) ctrl<wxWindow>(this, name)->Enable();
    auto* cells = ctrl<wxChoice>(this, "cellChoice");
    for (size_t i = 0; i < cellCodes_.size(); ++i)
      if (cellCodes_[i] == cellCode_) cells->SetSelection(int(i));
    // No day proposed: today's would block the earlier days of the stages recorded afterwards.
    ctrl<wxTextCtrl>(this, "listedOn")->ChangeValue(wxString());
    ctrl<wxTextCtrl>(this, "listedOn")->SetHint(_("dd/mm/yyyy"));
    ctrl<wxButton>(this, "correct")->Hide();
    ctrl<wxTextCtrl>(this, "religion")->ChangeValue(_("None"));
    // The register's next code, proposed (selected: typing replaces it).
    ui::attempt(this, [this] {
      ctrl<wxTextCtrl>(this, "code")->ChangeValue(ui::wx(services::suggestCandidateCode(services_)));
    });
    ctrl<wxButton>(this, "create")->Show();
    SetDefaultItem(ctrl<wxButton>(this, "create"));
    for (auto* sec :
         {"sec_helpers", "sec_certificate", "sec_application", "sec_check", "sec_sponsors", "sec_massOrg",
          "sec_vote", "sec_resolution", "sec_decision", "sec_ceremony", "sec_closing"})
      ctrl<wxWindow>(this, sec)->Disable();
    for (const auto& st : kStages) ctrl<wxButton>(this, st.button)->Hide();
    Layout();
    return;
  }
  file_ = services::candidateFile(services_, currentActor(), code_);
  showFile();
}

void CandidateDialog::showFile() {
  const core::Candidate& c = file_.candidate;
  const bool open = c.status == "in_progress";
  const Stage at = file_.stage;
  SetTitle(ui::fmt(_("Admission file {1}"), {ui::wx(c.code)}));
  ctrl<wxStaticText>(this, "title")->SetLabel(ui::wx(c.fullName) + "  (" + ui::wx(c.code) + ")");
  wxString sub = ui::wx(file_.cellCode + " – " + file_.cellName) + ui::wx("  ·  ");
  if (open)
    sub += ui::fmt(_("At the stage \"{1}\"; next: \"{2}\""),
                   {ui::wx(services::stageLabel(at)), ui::wx(services::stageLabel(Stage(int(at) + 1)))});
  else
    sub += ui::wx(core::enums::candidateStatus.label(c.status)) +
           (c.outcomeReason.empty() ? wxString() : ": " + ui::wx(c.outcomeReason)) +
           (file_.memberCode.empty() ? wxString() : ui::fmt(_(" (member {1})"), {ui::wx(file_.memberCode)}));
  if (file_.overMaxAge) sub += ui::wx("  ·  ") + _("over the age limit: needs the province's approval");
  ctrl<wxStaticText>(this, "subtitle")->SetLabel(sub);

  auto set = [this](const char* name, const wxString& v) { ctrl<wxTextCtrl>(this, name)->ChangeValue(v); };
  set("code", ui::wx(c.code));
  set("fullName", ui::wx(c.fullName));
  set("birthDate", c.birthDate ? ui::wx(c.birthDate->vn()) : wxString());
  set("religion", ui::wx(c.religion));
  set("cccd", ui::wx(c.cccd));
  set("residence", ui::wx(c.residence));
  set("occupation", ui::wx(c.occupation));
  set("education", ui::wx(c.education));
  set("listedOn", ui::date(c.listedOn));
  ctrl<wxChoice>(this, "gender")->SetSelection(c.gender == "nu" ? 1 : 0);
  for (size_t i = 0; i < ethnicities_.size(); ++i)
    if (ethnicities_[i].first == c.ethnicity)
      ctrl<wxComboBox>(this, "ethnicity")->ChangeValue(ui::wx(ethnicities_[i].second));
  for (size_t i = 0; i < cellCodes_.size(); ++i)
    if (cellCodes_[i] == file_.cellCode) ctrl<wxChoice>(this, "cellChoice")->SetSelection(int(i));
  for (auto* name : kIdentity) setEditable(ctrl<wxWindow>(this, name), false);
  for (auto* name : {"gender", "ethnicity", "cellChoice"}) ctrl<wxWindow>(this, name)->Disable();
  ctrl<wxButton>(this, "create")->Hide();
  correcting_ = false;
  ctrl<wxButton>(this, "correct")->SetLabel(_("C&orrect the details..."));
  ctrl<wxButton>(this, "correct")->Show(open);

  wxString helpers;
  for (const auto& h : file_.helpers)
    helpers += (helpers.empty() ? "" : "; ") + ui::wx(h.name + " (" + h.code + ")") +
               (h.since ? ui::fmt(_(" from {1}"), {ui::date(h.since)}) : wxString());
  ctrl<wxStaticText>(this, "helperList")->SetLabel(helpers.empty() ? _("nobody yet") : helpers);
  ctrl<wxWindow>(this, "sec_helpers")->Enable(open);
  ctrl<wxWindow>(this, "sec_closing")->Enable(open);

  // The recorded values.
  set("certNo", ui::wx(c.certificateNo));
  set("certOn", ui::date(c.certificateOn));
  ctrl<wxStaticText>(this, "certValid")
      ->SetLabel(file_.certificateValidUntil ? ui::date(file_.certificateValidUntil) : wxString("-"));
  set("applicationOn", ui::date(c.applicationOn));
  set("historyOn", ui::date(c.historyOn));
  set("checkOn", ui::date(c.backgroundCheckOn));
  set("checkResult", ui::wx(c.backgroundCheckResult));
  wxString persons;
  for (const auto& p : file_.checks) persons += ui::wx(p.person + "; " + p.relation + "; " + p.result) + "\n";
  set("checkPersons", persons.Trim());
  auto sponsor = [](const std::optional<services::NamedMember>& m) {
    return m ? ui::wx(m->code) : wxString();
  };
  set("sponsor1", sponsor(file_.sponsor1));
  set("since1", file_.sponsor1 ? ui::date(file_.sponsor1->since) : wxString());
  set("sponsor2", sponsor(file_.sponsor2));
  set("since2", file_.sponsor2 ? ui::date(file_.sponsor2->since) : wxString());
  set("youthUnion", ui::wx(c.youthUnionResolution));
  wxString names;
  for (const auto* m : {&file_.sponsor1, &file_.sponsor2})
    if (*m) names += (names.empty() ? "" : ", ") + ui::wx((*m)->name);
  ctrl<wxStaticText>(this, "sponsorNames")->SetLabel(names);
  set("massOn", ui::date(c.massOrgCommentOn));
  set("voteOn", ui::date(c.cellVoteOn));
  ctrl<wxSpinCtrl>(this, "inFavour")->SetValue(c.cellVoteInFavour.value_or(0));
  ctrl<wxCheckBox>(this, "approval")->SetValue(c.needsProvincialApproval);
  set("approvalNo", ui::wx(c.provincialApprovalNo));
  if (c.cellVoteOn && c.cellVoteOfficial)
    ctrl<wxStaticText>(this, "voteCount")
        ->SetLabel(ui::fmt(_("{1} of {2} official members in favour"),
                           {ui::count(c.cellVoteInFavour.value_or(0)), ui::count(*c.cellVoteOfficial)}));
  else
    ctrl<wxStaticText>(this, "voteCount")
        ->SetLabel(_("Type the date: the official members are counted from the register."));
  set("resolutionNo", ui::wx(c.committeeResolutionNo));
  set("resolutionOn", ui::date(c.committeeResolutionOn));
  set("decisionNo", ui::wx(c.decisionNo));
  set("decisionOn", ui::date(c.decisionOn));
  set("decisionBody", ui::wx(c.decisionBody.empty() && at < Stage::Decision ? services_.committee().executive
                                                                            : c.decisionBody));
  set("ceremonyOn", ui::date(c.ceremonyOn));
  set("memberCode", ui::wx(file_.memberCode));

  // Recorded: read-only; the next stage: open; later stages: greyed.
  for (const auto& st : kStages) {
    const bool next = open && int(st.stage) == int(at) + 1;
    for (auto* f : st.fields) setEditable(ctrl<wxWindow>(this, f), next);
    ctrl<wxButton>(this, st.button)->Show(next);
    // Enter in its fields records the stage (SetDefault, not SetDefaultItem: the spin control of the vote
    // passes Enter only to the toolkit's default button).
    if (next) ctrl<wxButton>(this, st.button)->SetDefault();
  }
  for (const auto& [sec, st] : kSections) {
    const bool reached = int(st) <= int(at) + 1;
    ctrl<wxWindow>(this, sec)->Enable(reached && (open || int(st) <= int(at)));
  }
  Layout();
  ctrl<wxScrolledWindow>(this, "scroll")->FitInside();
  focusNextStage();
}

void CandidateDialog::focusNextStage() {
  if (code_.empty() || file_.candidate.status != "in_progress") return;
  for (const auto& st : kStages) {
    if (int(st.stage) != int(file_.stage) + 1) continue;
    wxWindow* first = ctrl<wxWindow>(this, st.fields[0]);
    auto* scroll = ctrl<wxScrolledWindow>(this, "scroll");
    // The section holding the field: the child of the scrolled area (the field's parent is its static box).
    wxWindow* section = first;
    while (section->GetParent() && section->GetParent() != scroll) section = section->GetParent();
    if (section->GetParent() == scroll) {
      int ux = 1, uy = 1, vx = 0, vy = 0;
      scroll->GetScrollPixelsPerUnit(&ux, &uy);
      scroll->GetViewStart(&vx, &vy);
      const int top = section->GetPosition().y + vy * std::max(1, uy);  // in the scrolled area
      scroll->Scroll(-1, std::max(0, top - 4) / std::max(1, uy));
    }
    first->SetFocus();
    if (auto* t = dynamic_cast<wxTextCtrl*>(first)) t->SelectAll();
    return;
  }
}

void CandidateDialog::countVotes() {
  if (code_.empty() || file_.candidate.cellVoteOn) return;
  auto d = core::Date::parse(ui::utf8(ctrl<wxTextCtrl>(this, "voteOn")->GetValue()));
  auto* label = ctrl<wxStaticText>(this, "voteCount");
  if (!d) {
    label->SetLabel(_("Type the date: the official members are counted from the register."));
    return;
  }
  try {
    auto v = services::cellVoteCount(services_, currentActor(), file_.cellCode, *d);
    label->SetLabel(ui::fmt(_("{1} official members on {2}: at least {3} in favour ({4}/{5})"),
                            {ui::count(v.official), ui::date(d), ui::count(v.needed),
                             wxString::Format("%d", v.num), wxString::Format("%d", v.den)}));
    ctrl<wxSpinCtrl>(this, "inFavour")->SetRange(0, std::max(0, v.official));
  } catch (const std::exception& e) {
    label->SetLabel(ui::wx(e.what()));
  }
  label->GetParent()->Layout();
}

void CandidateDialog::create() {
  services::NewCandidate n;
  auto text = [this](const char* name) { return ui::utf8(ctrl<wxTextCtrl>(this, name)->GetValue()); };
  n.code = text("code");
  n.fullName = text("fullName");
  const std::string birth = text("birthDate");
  if (!birth.empty()) {
    n.birthDate = core::PartialDate::parse(birth);
    if (!n.birthDate) {
      ui::showError(this, _("Invalid date"),
                    ui::fmt(_("{1}: \"{2}\" is not a date. Type it as dd/mm/yyyy, e.g. 01/07/2025."),
                            {_("Date of birth"), ui::wx(birth)}));
      return;
    }
  }
  const int g = ctrl<wxChoice>(this, "gender")->GetSelection();
  if (g >= 0) n.gender = std::string(core::enums::gender.items()[size_t(g)].code);
  // The group typed or chosen, by its name (case and diacritics ignored); the service refuses another.
  const std::string typed =
      core::fold(core::normalizeText(ui::utf8(ctrl<wxComboBox>(this, "ethnicity")->GetValue())));
  for (const auto& e : ethnicities_)
    if (!typed.empty() && core::fold(e.second) == typed) n.ethnicity = e.first;
  const int cell = ctrl<wxChoice>(this, "cellChoice")->GetSelection();
  if (cell >= 0) n.cellCode = cellCodes_[size_t(cell)];
  n.religion = text("religion");
  n.cccd = text("cccd");
  n.residence = text("residence");
  n.occupation = text("occupation");
  n.education = text("education");
  auto listed = ui::readDate(this, ctrl<wxTextCtrl>(this, "listedOn"), _("Listed by the cell on"));
  if (!listed) return;
  n.listedOn = *listed;
  if (ui::attempt(this, [&] { services::createCandidate(services_, currentActor(), n); })) {
    changed_ = true;
    code_ = core::normalizeText(n.code);
    ui::attempt(this, [this] { load(); });
  }
}

// First press: the correctable fields open; second press: the reason, then the correction.
void CandidateDialog::correct() {
  static const char* const kCorrectable[] = {"fullName", "birthDate", "cccd", "occupation", "listedOn"};
  if (!correcting_) {
    correcting_ = true;
    for (auto* name : kCorrectable) setEditable(ctrl<wxWindow>(this, name), true);
    ctrl<wxButton>(this, "correct")->SetLabel(_("Save the c&orrection..."));
    ctrl<wxTextCtrl>(this, "fullName")->SetFocus();
    Layout();
    return;
  }
  auto text = [this](const char* name) { return ui::utf8(ctrl<wxTextCtrl>(this, name)->GetValue()); };
  services::CandidateCorrection in;
  in.fullName = text("fullName");
  in.cccd = text("cccd");
  in.occupation = text("occupation");
  if (const std::string birth = text("birthDate"); !birth.empty()) {
    in.birthDate = core::PartialDate::parse(birth);
    if (!in.birthDate) {
      ui::showError(this, _("Invalid date"),
                    ui::fmt(_("{1}: \"{2}\" is not a date. Type it as dd/mm/yyyy, e.g. 01/07/2025."),
                            {_("Date of birth"), ui::wx(birth)}));
      return;
    }
  }
  auto listed = ui::readDate(this, ctrl<wxTextCtrl>(this, "listedOn"), _("Listed by the cell on"));
  if (!listed) return;
  in.listedOn = *listed;
  auto why = prompts::reason(this, _("Why are the details corrected? (kept in the audit trail)"),
                             _("Correct the details"));
  if (!why) return;
  in.reason = ui::utf8(*why);
  record([&] { services::correctCandidate(services_, currentActor(), code_, in); });
}

}  // namespace dangbo::app
