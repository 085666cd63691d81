#include "services/AdmissionForms.h"

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "services/Admissions.h"
#include "services/FormWords.h"
#include "services/Register.h"
#include "services/Services.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;
using forms::kDots;
using forms::orDots;

namespace {

std::string ethnicName(Services& s, const std::string& code) {
  for (const auto& [c, name] : s.ethnicGroups())
    if (c == code) return name;
  return orDots(code);
}

// "11/12 official members in favour (91,7%)", dots for what is not recorded.
std::string votes(const std::optional<int>& inFavour, const std::optional<int>& official) {
  if (!inFavour || !official) return format(tr("{1} of {2} official members in favour"), {kDots, kDots});
  std::string out = format(tr("{1} of {2} official members in favour"),
                           {std::to_string(*inFavour), std::to_string(*official)});
  if (const auto pct = core::percentTenths(*inFavour, *official))
    out += " (" + core::formatPercentVn(*pct) + ")";
  return out;
}

ReportModel form(Services& s, const char* name, const char* title, const Date& on) {
  ReportModel r;
  r.name = name;
  r.title = tr(title);
  r.committee = s.committee().name;
  r.from = r.to = r.asOf = on;
  return r;
}

void paragraphs(ReportModel& r, std::vector<std::string> lines) {
  ReportSection sec;
  sec.paragraphs = std::move(lines);
  r.sections.push_back(std::move(sec));
}

// "Lò Thị An, born 03/02/2000, of the Thái ethnic group, residing at Bản Nà Ớt, occupation farmer".
std::string candidateLine(Services& s, const core::Candidate& c) {
  return format(tr("{1}, born {2}, of the {3} ethnic group, residing at {4}, occupation {5}"),
                {c.fullName, orDots(c.birthDate), ethnicName(s, c.ethnicity), orDots(c.residence),
                 orDots(c.occupation)});
}

// The probationary member's file with its recognition. A member recognised before the register kept the
// cell's review (history brought in by an import) has the decision's number from the "recognized" event and
// dots for the review. Refused while the review is not recorded; with `mustPass`, when the member was not
// recognised.
struct Recognition {
  MemberFile member;
  RecognitionFile file;
  std::optional<Date> admitted;  ///< the ceremony, or the admission when no ceremony is recorded
  Date officialFrom;             ///< the official date when recorded, else the end of probation
};
Recognition recognition(Services& s, const Actor& actor, const std::string& code, bool mustPass) {
  Recognition r{memberFile(s, actor, code), {}, std::nullopt, Date()};
  const auto& m = r.member.member;
  try {
    r.file = recognitionFile(s, actor, code);
  } catch (const core::DataError&) {
    // An official member admitted here long ago, before the dated rules of probation begin: the file has
    // nothing of the review, and the official date stands for the end of probation.
    if (!m.officialOn || m.transferredInOn) throw;
    r.file.code = m.code;
    r.file.name = m.fullName;
    r.file.ceremonyOn = m.ceremonyOn;
    r.file.probationEnds = *m.officialOn;
    r.file.result = "recognized";
  }
  r.admitted = r.file.ceremonyOn ? r.file.ceremonyOn : m.admittedOn;
  r.officialFrom = m.officialOn.value_or(r.file.probationEnds);
  if (!r.file.cellReviewOn && r.file.result != "recognized")
    throw core::DataError(
        format(tr("The file of {1} ({2}) has no review of the cell yet: the recognition papers follow it."),
               {m.fullName, m.code}));
  if (r.file.decisionNo.empty())
    for (const auto& e : r.member.events)
      if (e.kind == "recognized") r.file.decisionNo = e.decisionNo;
  const bool passed = r.file.cellReviewOn ? r.file.reviewPassed : r.file.result == "recognized";
  if (mustPass && (!passed || r.file.result == "failed"))
    throw core::DataError(
        format(tr("{1} ({2}) was not recognised as an official member: there is no recognition to "
                  "print (a member not recognised is removed)."),
               {m.fullName, m.code}));
  return r;
}

// "Considering the resolution of the cell ... proposing the recognition (votes);"
std::string consideringReview(const Recognition& rec) {
  return format(
      tr("Considering the resolution of the cell {1} of {2} proposing the recognition ({3});"),
      {rec.member.cellName, orDots(rec.file.cellReviewOn), votes(rec.file.inFavour, rec.file.officialCount)});
}
// The recognition itself in `pattern` (translated), whose {1}-{5} are the name, the birth, the ethnic group,
// the admission and the official date.
std::string recognised(Services& s, const Recognition& rec, const std::string& pattern) {
  const core::Member& m = rec.member.member;
  return format(pattern, {m.fullName, orDots(m.birthDate), ethnicName(s, m.ethnicity), orDots(rec.admitted),
                          rec.officialFrom.vn()});
}

}  // namespace

ReportModel admissionCellResolutionReport(Services& s, const Actor& actor, const std::string& code) {
  const CandidateFile file = candidateFile(s, actor, code);  // scope: a secretary, their cell
  const core::Candidate& c = file.candidate;
  if (!c.cellVoteOn)
    throw core::DataError(
        format(tr("The file of {1} ({2}) has no vote of the cell yet: the cell's resolution records it."),
               {c.fullName, c.code}));
  ReportModel r = form(s, "admission-cell-resolution",
                       core::N_("Resolution of the cell proposing an admission"), *c.cellVoteOn);
  std::string sponsors;
  for (const auto* sp : {&file.sponsor1, &file.sponsor2})
    if (*sp) sponsors += (sponsors.empty() ? "" : ", ") + (*sp)->name;
  if (!c.youthUnionResolution.empty())
    sponsors += (sponsors.empty() ? "" : "; ") +
                format(tr("the resolution of the youth union {1}"), {c.youthUnionResolution});
  paragraphs(
      r, {format(tr("On {1} the cell {2} met to consider proposing the admission of {3} into the "
                    "Party."),
                 {c.cellVoteOn->vn(), file.cellName, c.fullName}),
          format(tr("Introduced by: {1}."), {orDots(sponsors)}),
          format(tr("Vote: {1}."), {votes(c.cellVoteInFavour, c.cellVoteOfficial)}), tr("THE CELL RESOLVES:"),
          format(tr("To propose that the party committee consider and admit {1} into the Communist Party "
                    "of Viet Nam."),
                 {candidateLine(s, c)})});
  return r;
}

ReportModel admissionResolutionReport(Services& s, const Actor& actor, const std::string& code) {
  const CandidateFile file = candidateFile(s, actor, code);
  const core::Candidate& c = file.candidate;
  if (!c.committeeResolutionOn)
    throw core::DataError(
        format(tr("The file of {1} ({2}) has no resolution of the committee yet."), {c.fullName, c.code}));
  ReportModel r = form(s, "admission-resolution", core::N_("Resolution of the committee on an admission"),
                       *c.committeeResolutionOn);
  r.number = c.committeeResolutionNo;
  paragraphs(r,
             {format(tr("Resolution number {1}, dated {2}."),
                     {orDots(c.committeeResolutionNo), c.committeeResolutionOn->vn()}),
              format(tr("Considering the resolution of the cell {1} of {2} proposing the admission ({3});"),
                     {file.cellName, orDots(c.cellVoteOn), votes(c.cellVoteInFavour, c.cellVoteOfficial)}),
              tr("THE PARTY COMMITTEE RESOLVES:"),
              format(tr("1. To admit {1} into the Communist Party of Viet Nam."), {candidateLine(s, c)}),
              format(tr("2. The standing committee issues the decision of admission; the cell {1} holds the "
                        "admission ceremony."),
                     {file.cellName})});
  return r;
}

ReportModel recognitionCellResolutionReport(Services& s, const Actor& actor, const std::string& code) {
  const Recognition rec = recognition(s, actor, code, false);
  const core::Member& m = rec.member.member;
  const RecognitionFile& f = rec.file;
  ReportModel r = form(s, "recognition-cell-resolution",
                       core::N_("Resolution of the cell on recognising an official member"),
                       f.cellReviewOn.value_or(f.probationEnds));
  std::vector<std::string> lines = {
      format(tr("On {1} the cell {2} met to review the probation of {3}, admitted on {4}, whose probation "
                "ended on {5}."),
             {orDots(f.cellReviewOn), rec.member.cellName, m.fullName, orDots(rec.admitted),
              f.probationEnds.vn()}),
      format(tr("Vote: {1}."), {votes(f.inFavour, f.officialCount)}), tr("THE CELL RESOLVES:")};
  if (f.reviewPassed || (!f.cellReviewOn && f.result == "recognized"))
    lines.push_back(
        format(tr("To propose that the party committee recognise {1} as an official member of the "
                  "Communist Party of Viet Nam from {2}."),
               {m.fullName, rec.officialFrom.vn()}));
  else
    lines.push_back(format(tr("Not to propose the recognition of {1}: the vote did not reach the share the "
                              "Statute requires."),
                           {m.fullName}));
  paragraphs(r, std::move(lines));
  return r;
}

ReportModel recognitionResolutionReport(Services& s, const Actor& actor, const std::string& code) {
  const Recognition rec = recognition(s, actor, code, true);
  const RecognitionFile& f = rec.file;
  ReportModel r = form(s, "recognition-resolution",
                       core::N_("Resolution of the committee on recognising an official member"),
                       f.decisionOn.value_or(Date::today()));
  paragraphs(
      r, {format(tr("Resolution number {1}, dated {2}."), {kDots, kDots}), consideringReview(rec),
          tr("THE PARTY COMMITTEE RESOLVES:"),
          recognised(
              s, rec,
              tr("1. To recognise {1}, born {2}, of the {3} ethnic group, admitted on {4}, as an official "
                 "member of the Communist Party of Viet Nam from {5}.")),
          tr("2. The standing committee issues the decision of recognition.")});
  return r;
}

ReportModel recognitionDecisionReport(Services& s, const Actor& actor, const std::string& code) {
  const Recognition rec = recognition(s, actor, code, true);
  const RecognitionFile& f = rec.file;
  ReportModel r = form(s, "recognition-decision", core::N_("Decision on recognising an official member"),
                       f.decisionOn.value_or(Date::today()));
  r.number = f.decisionNo;
  paragraphs(
      r,
      {format(tr("Decision number {1}, dated {2}."), {orDots(f.decisionNo), orDots(f.decisionOn)}),
       tr("Pursuant to the Statute of the Communist Party of Viet Nam and the regulations on its "
          "implementation;"),
       consideringReview(rec), tr("DECIDES:"),
       recognised(s, rec,
                  tr("Article 1. To recognise {1}, born {2}, of the {3} ethnic group, admitted on {4}, as an "
                     "official member of the Communist Party of Viet Nam from {5}.")),
       format(tr("Article 2. The office of the committee, the cell {1} and the comrade named in Article 1 "
                 "carry out this decision."),
              {rec.member.cellName})});
  return r;
}

}  // namespace dangbo::services
