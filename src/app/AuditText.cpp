#include "app/AuditText.h"

#include <wx/datetime.h>
#include <wx/tokenzr.h>
#include <wx/translation.h>

#include <map>

#include "app/Ui.h"
#include "core/Enums.h"

namespace dangbo::app::audit_text {

namespace {

// Actions whose code names the whole act.
const std::map<std::string, const char*>& actionNames() {
  static const std::map<std::string, const char*> names = {
      {"init", N_("Register created")},
      {"demo", N_("Demo register created")},
      {"login", N_("Logged in")},
      {"login.failed", N_("Failed login")},
      {"login.refused", N_("Login refused")},
      {"user.setup", N_("Administrator created")},
      {"user.create", N_("Account created")},
      {"user.deactivate", N_("Account deactivated")},
      {"user.password_reset", N_("New password set")},
      {"user.role", N_("Role changed")},
      {"committee.update", N_("Committee details changed")},
      {"organization.add", N_("Organization added")},
      {"organization.update", N_("Organization changed")},
      {"organization.dissolve", N_("Organization dissolved")},
      {"organization.merge", N_("Organizations merged")},
      {"organization.split", N_("Organization split")},
      {"cell_leader.set", N_("Cell leadership set")},
      {"cell_committee.open", N_("Cell committee set up")},
      {"cell_committee.close", N_("Cell committee ended")},
      {"member.add", N_("Member added")},
      {"member.update", N_("Member details corrected")},
      {"member.transfer_receipt", N_("Transfer receipt confirmed")},
      {"candidate.add", N_("Admission file opened")},
      {"candidate.helper", N_("Helping member assigned")},
      {"candidate.background_check", N_("Background check recorded")},
      {"candidate.certificate", N_("Training certificate recorded")},
      {"candidate.application", N_("Application recorded")},
      {"candidate.history", N_("Personal history recorded")},
      {"candidate.sponsors", N_("Sponsors recorded")},
      {"candidate.mass_org_comment", N_("Mass organization comment recorded")},
      {"candidate.cell_vote", N_("Cell vote recorded")},
      {"candidate.committee_resolution", N_("Committee resolution recorded")},
      {"candidate.decision", N_("Admission decision recorded")},
      {"candidate.ceremony", N_("Admission ceremony held")},
      {"candidate.withdrawn", N_("Admission file withdrawn")},
      {"candidate.rejected", N_("Admission refused")},
      {"candidate.correct", N_("Candidate details corrected")},
      {"recognition.review", N_("Recognition reviewed")},
      {"recognition.decision", N_("Recognition decided")},
      {"training.add", N_("Training recorded")},
      {"rating.open", N_("Rating round opened")},
      {"rating.lock", N_("Rating round closed")},
      {"rating.reopen", N_("Rating round reopened")},
      {"rating.self", N_("Self-assessment recorded")},
      {"rating.propose", N_("Cell proposal recorded")},
      {"rating.decide", N_("Committee rating decided")},
      {"rating.organization", N_("Organization rated")},
      {"inspection.add", N_("Inspection case opened")},
      {"inspection.edit", N_("Inspection case changed")},
      {"inspection_plan.add", N_("Inspection plan added")},
      {"discipline.add", N_("Discipline recorded")},
      {"discipline.statute_override", N_("Limitation period overridden")},
      {"complaint.add", N_("Complaint recorded")},
      {"complaint.outcome", N_("Complaint decided")},
      {"holidays.add", N_("Holidays added")},
      {"holidays.delete", N_("Holidays deleted")},
      {"rule.set", N_("Rule value set")},
      {"rule.delete", N_("Rule value deleted")},
      {"target.set", N_("Target set")},
      {"target.delete", N_("Target deleted")},
      {"report.publish", N_("Report published")},
      {"package.add", N_("Change package: record added")},
      {"package.change", N_("Change package applied")},
      {"package.apply", N_("Change package applied")},
  };
  return names;
}

// The kinds of record keys.
wxString recordKind(const std::string& kind) {
  if (kind == "member") return _("Member");
  if (kind == "candidate") return _("Candidate");
  if (kind == "organization") return _("Organization");
  if (kind == "user") return _("Account");
  if (kind == "rating") return _("Rating");
  if (kind == "rating_round") return _("Rating round");
  if (kind == "inspection") return _("Inspection case");
  if (kind == "inspection_plan") return _("Inspection plan");
  if (kind == "discipline") return _("Discipline");
  if (kind == "complaint") return _("Complaint");
  if (kind == "published_report") return _("Published report");
  if (kind == "audit_log") return _("Audit trail");
  return ui::wx(kind);
}

// A coded word in words: rating levels, subject types, member events, statuses and roles.
wxString word(const std::string& w) {
  for (const core::EnumSet* set :
       {&core::enums::ratingLevel, &core::enums::subjectType, &core::enums::memberEvent,
        &core::enums::memberStatus, &core::enums::candidateStatus, &core::enums::userRole})
    if (set->contains(w)) return ui::wx(set->label(w));
  if (w == "self") return _("self-assessment");
  if (w == "proposed") return _("cell proposal");
  if (w == "level") return _("committee decision");
  if (w == "pending") return _("pending");
  return ui::wx(w);
}

}  // namespace

wxString action(const std::string& code) {
  const auto& names = actionNames();
  if (auto it = names.find(code); it != names.end()) return wxGetTranslation(it->second);
  // "member.<event>": a dated event of the member's history.
  if (code.rfind("member.", 0) == 0 && core::enums::memberEvent.contains(code.substr(7)))
    return ui::wx(core::enums::memberEvent.label(code.substr(7)));
  return ui::wx(code);
}

wxString record(const std::string& key) {
  const auto colon = key.find(':');
  if (key == "database") return _("The register");
  if (key == "committee") return _("The committee's details");
  if (colon == std::string::npos) return ui::wx(key);
  const std::string kind = key.substr(0, colon);
  const std::string rest = key.substr(colon + 1);
  if (kind == "rating") {
    // rating:YEAR:TYPE:CODE
    wxArrayString parts = wxStringTokenize(ui::wx(rest), ":", wxTOKEN_RET_EMPTY_ALL);
    if (parts.size() == 3)
      return ui::fmt(_("Rating of {1}: {2} {3}"), {parts[0], word(ui::utf8(parts[1])).Lower(), parts[2]});
  }
  if (kind == "rating_round") return ui::fmt(_("Rating round {1}"), {ui::wx(rest)});
  return recordKind(kind) + " " + ui::wx(rest);
}

wxString value(const std::string& text) {
  wxString out;
  wxStringTokenizer words(ui::wx(text), " ", wxTOKEN_RET_DELIMS);
  while (words.HasMoreTokens()) {
    wxString token = words.GetNextToken();
    wxString sep;
    if (token.EndsWith(" ")) {
      sep = " ";
      token.RemoveLast();
    }
    const int eq = token.Find('=');
    if (eq != wxNOT_FOUND) {
      const wxString key = token.Left(size_t(eq)), val = token.Mid(size_t(eq) + 1);
      out += word(ui::utf8(key)) + ": " + (val.empty() ? wxString::FromUTF8("—") : word(ui::utf8(val)));
      out += sep.empty() ? wxString() : wxString("; ");
    } else {
      out += word(ui::utf8(token)) + sep;
    }
  }
  return out;
}

wxString localTime(const std::string& iso) {
  wxDateTime t;
  wxString::const_iterator end;
  const wxString text = ui::wx(iso);
  if (iso.size() < 19 || !t.ParseFormat(text.Left(19), "%Y-%m-%dT%H:%M:%S", &end)) return text;
  // The stored time is UTC: read as such, shown in the machine's time zone.
  t.MakeFromTimezone(wxDateTime::UTC);
  return t.Format("%d/%m/%Y %H:%M:%S");
}

}  // namespace dangbo::app::audit_text
