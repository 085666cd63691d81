// Kinds `candidate` (the candidate form: services::createCandidate, correctCandidate) and `candidate_stage`
// (the form's stage sections: one services call per stage, withdrawal and rejection included).
#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Admissions.h"
#include "services/CandidateCorrection.h"

namespace dangbo::cli::record {

namespace {

std::optional<core::PartialDate> birth(const Values& v) {
  const std::string t = v.text("birth_date");
  return t.empty() ? std::nullopt : core::PartialDate::parse(t);
}

Kind candidateKind() {
  Kind k{"candidate",
         N_("a candidate for admission (listed by a cell); KEY: the candidate code"),
         {field("full_name", N_("Full name")), field("birth_date", N_("Date of birth"), T::PartialDate),
          field("gender", N_("Gender"), T::Enum, &core::enums::gender),
          field("ethnicity", N_("Ethnic group")), field("religion", N_("Religion")),
          field("residence", N_("Residence")), field("occupation", N_("Occupation and position")),
          field("education", N_("General education")), field("cell", N_("Cell")),
          field("listed_on", N_("Listed on"), T::Date), field("cccd", N_("CCCD number"))}};
  k.options = {"--reason"};
  k.show = [](Context& c, const std::string& key) {
    const auto f = services::candidateFile(c.s, c.actor, key);
    const auto& d = f.candidate;
    line(c.out, "full_name", d.fullName);
    line(c.out, "birth_date", d.birthDate ? d.birthDate->storage() : "");
    line(c.out, "gender", d.gender);
    line(c.out, "ethnicity", d.ethnicity);
    line(c.out, "religion", d.religion);
    line(c.out, "residence", d.residence);
    line(c.out, "occupation", d.occupation);
    line(c.out, "education", d.education);
    line(c.out, "cell", f.cellCode);
    line(c.out, "listed_on", iso(d.listedOn));
    line(c.out, "cccd", d.cccd);
    line(c.out, "stage", services::stageCode(f.stage));
    line(c.out, "status", d.status);
    line(c.out, "member_code", f.memberCode);
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    services::NewCandidate n;
    n.code = key;
    n.fullName = v.text("full_name");
    n.birthDate = birth(v);
    n.gender = v.text("gender");
    n.ethnicity = v.text("ethnicity");
    n.religion = v.text("religion");
    n.residence = v.text("residence");
    n.occupation = v.text("occupation");
    n.education = v.text("education");
    n.cellCode = v.needText("cell");
    n.listedOn = v.needDate("listed_on");
    n.cccd = v.text("cccd");
    services::createCandidate(c.s, c.actor, n);
    c.err << format(tr("Candidate {1} added."), {key}) << "\n";
  };
  // The correction the form offers after listing: name, birth date, CCCD, occupation, listing day.
  k.set = [](Context& c, const std::string& key, const Values& v) {
    for (const auto& [name, value] : v.all())
      if (name != "full_name" && name != "birth_date" && name != "cccd" && name != "occupation" &&
          name != "listed_on")
        throw core::DataError(
            format(tr("{1}: only the name, date of birth, CCCD, occupation and listing day of "
                      "a candidate are corrected after listing."),
                   {name}));
    const auto f = services::candidateFile(c.s, c.actor, key).candidate;
    services::CandidateCorrection in;
    in.fullName = v.has("full_name") ? v.text("full_name") : f.fullName;
    in.birthDate = v.has("birth_date") ? birth(v) : f.birthDate;
    in.cccd = v.has("cccd") ? v.text("cccd") : f.cccd;
    in.occupation = v.has("occupation") ? v.text("occupation") : f.occupation;
    in.listedOn = v.has("listed_on") ? v.needDate("listed_on") : f.listedOn.value_or(core::Date());
    in.reason = c.p.get("--reason").value_or("");
    services::correctCandidate(c.s, c.actor, key, in);
    c.err << format(tr("Candidate {1} corrected."), {key}) << "\n";
  };
  k.del = [](Context&, const std::string& key, const Values&) {
    throw core::DataError(format(
        tr("The file of candidate {1} is never deleted: withdraw or reject it (candidate_stage)."), {key}));
  };
  return k;
}

// The stage sections of the candidate form, by the stage code of candidate_stage.
void recordStage(Context& c, const std::string& key, const Values& v) {
  const std::string stage = v.needText("stage");
  if (stage == "helper") {
    services::addHelper(c.s, c.actor, key, v.needText("member"), v.needDate("date"));
  } else if (stage == "withdrawn") {
    services::withdrawCandidate(c.s, c.actor, key, v.needDate("date"), v.text("reason"));
  } else if (stage == "rejected") {
    services::rejectCandidate(c.s, c.actor, key, v.needDate("date"), v.text("reason"));
  } else {
    const auto st = services::stageFromCode(stage);
    if (!st || *st == services::Stage::Listed)
      throw core::DataError(format(tr("stage: \"{1}\" is not a stage of the file."), {stage}));
    const core::Date on = v.needDate("date");
    switch (*st) {
      case services::Stage::Certificate:
        services::recordCertificate(c.s, c.actor, key, v.text("number"), on);
        break;
      case services::Stage::Application:
        services::recordApplication(c.s, c.actor, key, on);
        break;
      case services::Stage::History:
        services::recordHistory(c.s, c.actor, key, on);
        break;
      case services::Stage::BackgroundCheck: {
        std::vector<services::PersonCheck> persons;
        if (!v.text("person").empty())
          persons.push_back({v.text("person"), v.text("relation"), on, v.text("result")});
        services::recordBackgroundCheck(c.s, c.actor, key, on, v.text("result"), persons);
        break;
      }
      case services::Stage::Sponsors: {
        services::Sponsorship sp;
        sp.on = on;
        sp.sponsor1 = v.text("sponsor1");
        sp.sponsor1Since = v.date("sponsor1_since");
        sp.sponsor2 = v.text("sponsor2");
        sp.sponsor2Since = v.date("sponsor2_since");
        sp.youthUnionResolution = v.text("youth_union_resolution");
        services::recordSponsors(c.s, c.actor, key, sp);
        break;
      }
      case services::Stage::MassOrgComment:
        services::recordMassOrgComment(c.s, c.actor, key, on);
        break;
      case services::Stage::CellVote: {
        services::CellVote cv;
        cv.on = on;
        cv.inFavour = v.integer("in_favour").value_or(0);
        cv.approvalNo = v.text("approval_no");
        cv.provincialApproval = !cv.approvalNo.empty();
        const int official = services::recordCellVote(c.s, c.actor, key, cv);
        c.err << format(tr("Official members counted: {1}."), {std::to_string(official)}) << "\n";
        break;
      }
      case services::Stage::CommitteeResolution:
        services::recordCommitteeResolution(c.s, c.actor, key, v.text("number"), on);
        break;
      case services::Stage::Decision:
        services::recordDecision(c.s, c.actor, key, v.text("number"), on, v.text("body"));
        break;
      case services::Stage::Ceremony: {
        services::Ceremony ce{on, v.text("member"), v.text("card_no"), v.text("file_no")};
        services::recordCeremony(c.s, c.actor, key, ce);
        break;
      }
      case services::Stage::Listed:
        break;
    }
  }
  c.err << format(tr("Candidate {1}: stage {2} recorded."), {key, stage}) << "\n";
}

Kind stageKind() {
  Kind k{
      "candidate_stage",
      N_("a stage of a candidate's file (certificate, application, history, background_check, sponsors, "
         "mass_org_comment, cell_vote, committee_resolution, decision, ceremony), a helper, a withdrawal or "
         "a rejection; KEY: the candidate code"),
      {field("stage", N_("Stage")), field("date", N_("Date"), T::Date),
       field("number", N_("Document number")), field("result", N_("Result")),
       field("person", N_("Person checked")), field("relation", N_("Relation")),
       field("sponsor1", N_("Sponsor 1")),
       field("sponsor1_since", N_("Sponsor 1 knows the candidate since"), T::Date),
       field("sponsor2", N_("Sponsor 2")),
       field("sponsor2_since", N_("Sponsor 2 knows the candidate since"), T::Date),
       field("youth_union_resolution", N_("Youth union resolution")),
       field("in_favour", N_("Votes in favour"), T::Integer), field("approval_no", N_("Provincial approval")),
       field("body", N_("Deciding body")), field("member", N_("Member code")),
       field("card_no", N_("Party card number")), field("file_no", N_("File number")),
       field("reason", N_("Reason"))}};
  k.add = recordStage;
  return k;
}

}  // namespace

void addCandidateKinds(std::vector<Kind>& k) {
  k.insert(k.end(), {candidateKind(), stageKind()});
}

}  // namespace dangbo::cli::record
