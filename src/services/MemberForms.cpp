#include "services/MemberForms.h"

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Admissions.h"
#include "services/FormWords.h"
#include "services/PartyFile.h"
#include "services/Register.h"
#include "services/Services.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;

namespace {

std::string vn(const std::optional<Date>& d) {
  return d ? d->vn() : std::string();
}

ReportRow item(const char* number, const char* label, std::string value) {
  ReportRow r;
  r.key = number;
  r.cells = {Figure::label(number), Figure::label(tr(label)), Figure::label(std::move(value))};
  return r;
}

std::string joinNonEmpty(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace

ReportModel partyCardReport(Services& s, const Actor& actor, const std::string& code) {
  const MemberFile file = memberFile(s, actor, code);  // scope: a secretary, their cell
  const core::Member& m = file.member;
  const PartyAgeView age = partyAgeOf(s, actor, code, Date::today());
  const core::CommitteeInfo c = s.committee();
  ReportModel r;
  r.name = "party-card";
  r.title = tr("Member card");
  r.committee = c.name;
  r.from = r.to = r.asOf = Date::today();

  std::string ethnicity = m.ethnicity;
  for (const auto& [gcode, name] : s.ethnicGroups())
    if (gcode == m.ethnicity) ethnicity = name;

  ReportSection head;
  ReportTable h;
  h.key = "header";
  h.columns = {tr("Item"), tr("Value")};
  h.sums = false;
  auto line = [&](const char* key, const char* label, std::string v) {
    h.rows.push_back({key, {Figure::label(tr(label)), Figure::label(std::move(v))}, RowRole::Body});
  };
  line("tinh", core::N_("Provincial party committee"), c.superior);
  line("xa", core::N_("Commune party committee"), c.executive);
  line("chi_bo", core::N_("Party cell"), file.cellName);
  line("so_ly_lich", core::N_("File number"), m.fileNo);
  line("so_the", core::N_("Party card number"), m.cardNo);
  head.tables.push_back(std::move(h));
  r.sections.push_back(std::move(head));

  // Item 12: the first admission (party age counts from it), the cell, the official date.
  std::string admitted;
  if (age.firstAdmitted) admitted = format(tr("Joined the Party on {1}"), {age.firstAdmitted->vn()});
  if (m.officialOn)
    admitted = joinNonEmpty({admitted, format(tr("official on {1}"), {m.officialOn->vn()})}, "; ");
  // Item 17: education, qualification, theory.
  std::string levels = joinNonEmpty(
      {m.education.empty() ? std::string() : format(tr("General education: {1}"), {m.education}),
       m.qualification.empty() || m.qualification == "khong"
           ? std::string()
           : format(tr("Qualification: {1}"), {core::enums::qualification.label(m.qualification)}),
       m.theory.empty() || m.theory == "chua"
           ? std::string()
           : format(tr("Theory: {1}"), {core::enums::theory.label(m.theory)})},
      "; ");
  std::vector<std::string> trainings;
  for (const auto& t : file.trainings) trainings.push_back(std::to_string(t.year) + ": " + t.course);
  std::vector<std::string> badges;
  for (const auto& a : age.awards)
    badges.push_back(format(tr("{1} years ({2})"), {std::to_string(a.milestone), a.decisionNo}));
  std::vector<std::string> history;
  for (const auto& i : age.interruptions)
    if (i.kind == "readmission")
      history.push_back(format(tr("Out of the Party from {1}; re-admitted on {2}"), {i.from.vn(), vn(i.to)}));
  std::string exempt;
  if (m.status == "exempt") exempt = vn(m.statusSince);

  ReportSection body;
  ReportTable t;
  t.key = "items";
  t.columns = {tr("No."), tr("Item"), tr("As in the register")};
  t.sums = false;
  t.rows = {
      item("01", core::N_("Full name at birth"),
           core::toUpper(m.birthName.empty() ? m.fullName : m.birthName)),
      item("02", core::N_("Gender"), core::enums::gender.label(m.gender)),
      item("03", core::N_("Other names"),
           m.birthName.empty() || m.birthName == m.fullName ? std::string() : m.fullName),
      item("04", core::N_("Date of birth"), m.birthDate ? m.birthDate->vn() : std::string()),
      item("05", core::N_("Place of birth registration"), m.birthPlace),
      item("06", core::N_("Home town"), m.hometown),
      item("07", core::N_("Permanent and temporary residence"), m.residence),
      item("08", core::N_("Ethnic group"), ethnicity),
      item("09", core::N_("Religion"), m.religion),
      item("10", core::N_("Family background"), ""),
      item("11", core::N_("Occupation now"), m.occupation),
      item("12", core::N_("Joined the Party; official"), admitted),
      item("13", core::N_("Recruited on; by"), ""),
      item("14", core::N_("Joined the Youth Union on"), ""),
      item("15", core::N_("Other social organizations"), ""),
      item("16", core::N_("Enlisted; discharged"), ""),
      item("17", core::N_("Levels now"), levels),
      item("18", core::N_("Health; war invalid; family of martyrs or of merit"), ""),
      item("19", core::N_("CCCD number"), m.cccd),
      item("20", core::N_("Exempt from work and party activities since"), exempt),
      item("21", core::N_("Summary of activities and work"), ""),
      item("22", core::N_("Training"), joinNonEmpty(trainings, "; ")),
      item("23", core::N_("Rewards"), ""),
      item("24", core::N_("Party badges awarded"), joinNonEmpty(badges, "; ")),
      item("25", core::N_("Titles conferred"), ""),
      item("26", core::N_("Discipline"), ""),
      item("27", core::N_("Personal history (expelled, removed, left; re-admitted; restored)"),
           joinNonEmpty(history, "; ")),
      item("28", core::N_("Relations abroad"), ""),
      item("29", core::N_("Family"), ""),
      item("30", core::N_("Economic situation"), ""),
  };
  body.tables.push_back(std::move(t));
  r.sections.push_back(std::move(body));
  return r;
}

ReportModel admissionDecisionReport(Services& s, const Actor& actor, const std::string& code) {
  const CandidateFile file = candidateFile(s, actor, code);  // scope: a secretary, their cell
  const core::Candidate& c = file.candidate;
  if (!c.committeeResolutionOn)
    throw core::DataError(
        format(tr("The file of {1} ({2}) has no resolution of the committee yet: the admission "
                  "decision follows it."),
               {c.fullName, c.code}));
  const core::CommitteeInfo info = s.committee();
  ReportModel r;
  r.name = "admission-decision";
  r.title = tr("Decision on admitting a party member");
  r.committee = info.name;
  r.from = r.to = r.asOf = c.decisionOn.value_or(Date::today());
  r.number = c.decisionNo;
  const std::string& dots = forms::kDots;
  std::string ethnicity = c.ethnicity;
  for (const auto& [gcode, name] : s.ethnicGroups())
    if (gcode == c.ethnicity) ethnicity = name;
  ReportSection sec;
  sec.paragraphs = {
      format(tr("Decision number {1}, dated {2}."),
             {c.decisionNo.empty() ? dots : c.decisionNo, c.decisionOn ? c.decisionOn->vn() : dots}),
      tr("Pursuant to the Statute of the Communist Party of Viet Nam and the regulations on its "
         "implementation;"),
      format(
          tr("Considering the resolution of the cell {1} of {2} proposing the admission ({3} of {4} official "
             "members in favour);"),
          {file.cellName, c.cellVoteOn ? c.cellVoteOn->vn() : dots,
           c.cellVoteInFavour ? std::to_string(*c.cellVoteInFavour) : dots,
           c.cellVoteOfficial ? std::to_string(*c.cellVoteOfficial) : dots}),
      format(tr("Pursuant to the resolution of the party committee number {1} of {2},"),
             {c.committeeResolutionNo, c.committeeResolutionOn->vn()}),
      tr("DECIDES:"),
      format(tr("Article 1. To admit {1}, born {2}, of the {3} ethnic group, residing at {4}, into the "
                "Communist Party of Viet Nam; the probation lasts {5} months from the day of the admission "
                "ceremony."),
             {c.fullName, c.birthDate ? c.birthDate->vn() : dots, ethnicity,
              c.residence.empty() ? dots : c.residence,
              std::to_string(s.ruleBook().intOn("admission.probation_months", r.asOf))}),
      format(tr("Article 2. The cell {1} holds the admission ceremony and helps the new member during the "
                "probation."),
             {file.cellName}),
      format(
          tr("Article 3. The office of the committee, the cell {1} and the comrade named in Article 1 carry "
             "out this decision."),
          {file.cellName})};
  r.sections.push_back(std::move(sec));
  return r;
}

}  // namespace dangbo::services
