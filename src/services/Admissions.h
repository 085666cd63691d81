#pragma once
// The admission of new members (domain.md "Admission, stage by stage"): candidates and their file stage by
// stage, the ceremony that makes a candidate a probationary member of the register, recognition at the end
// of probation, and the year's admissions against the target. Each call checks the actor (WriteRegister to
// change; a secretary only for candidates and members of their cell), validates against the dated rules
// and writes in one transaction with its audit row. Stages must be recorded in order, each dated on or
// after the one before and not in the future.
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// The stages of the file, in order; a candidate's stage is the last one recorded.
enum class Stage {
  Listed,               ///< listed by the cell (creation)
  Certificate,          ///< awareness-course certificate
  Application,          ///< application (đơn)
  History,              ///< personal history (lý lịch)
  BackgroundCheck,      ///< background check of the candidate and close family
  Sponsors,             ///< two sponsors, or the youth union's resolution and one sponsor
  MassOrgComment,       ///< comments of mass organizations and the place of residence
  CellVote,             ///< the cell's vote (passed)
  CommitteeResolution,  ///< the commune committee's resolution
  Decision,             ///< the admission decision
  Ceremony              ///< the ceremony: a probationary member now
};

/// "listed", "certificate", "application", "history", "background_check", "sponsors", "mass_org_comment",
/// "cell_vote", "committee_resolution", "decision", "ceremony".
const char* stageCode(Stage s);
/// The stage with this code; nullopt when unknown.
std::optional<Stage> stageFromCode(const std::string& code);
/// The Vietnamese label of a stage ("Chi bộ biểu quyết").
std::string stageLabel(Stage s);
/// The last stage recorded in a candidate's file.
Stage stageOf(const core::Candidate& c);

/// What listCandidates shows; empty strings mean "any".
struct CandidateFilter {
  std::string cellCode;  ///< only this cell (unknown code: DataError)
  std::string stage;     ///< a stageCode()
  std::string status;    ///< in_progress | admitted | withdrawn | rejected
};

/// A candidate in a list.
struct CandidateRow {
  core::Candidate candidate;          ///< the file as stored
  std::string cellCode, cellName;     ///< the candidate's cell
  Stage stage = Stage::Listed;        ///< last stage recorded
  std::optional<core::Date> stageOn;  ///< its date
  bool overMaxAge = false;  ///< needs the province's approval: over admission.max_age at the vote (or today,
                            ///< before the vote)
};

/// A member named in a candidate's file.
struct NamedMember {
  std::string code, name;           ///< member code and full name
  std::optional<core::Date> since;  ///< helpers: assigned from; sponsors: known the candidate since
};

/// A person checked in the background check.
struct PersonCheck {
  std::string person;                   ///< full name
  std::string relation;                 ///< "bản thân", "bố", "mẹ", "vợ", ...
  std::optional<core::Date> checkedOn;  ///< when (default: the check's date)
  std::string result;                   ///< what was found
};

/// A candidate's whole file, for the candidate form.
struct CandidateFile {
  core::Candidate candidate;                        ///< as stored
  std::string cellCode, cellName;                   ///< the cell
  Stage stage = Stage::Listed;                      ///< last stage recorded
  std::vector<NamedMember> helpers;                 ///< members assigned to help
  std::vector<PersonCheck> checks;                  ///< people checked
  std::optional<NamedMember> sponsor1, sponsor2;    ///< the sponsors
  std::string memberCode;                           ///< after the ceremony: the member's code
  bool overMaxAge = false;                          ///< as CandidateRow::overMaxAge
  std::optional<core::Date> certificateValidUntil;  ///< certificate + admission.certificate_validity_months
};

/// A new candidate (stage "listed").
struct NewCandidate {
  std::string code;                              ///< candidate code, unique ("QC00123")
  std::string fullName;                          ///< full name
  std::optional<core::PartialDate> birthDate;    ///< required; a full date is needed for the age checks
  std::string gender;                            ///< nam | nu
  std::string ethnicity;                         ///< ethnic group code
  std::string religion;                          ///< "Không" when empty
  std::string residence, occupation, education;  ///< free text
  std::string cellCode;                          ///< the proposing cell
  core::Date listedOn;                           ///< listed by the cell
  std::string cccd;  ///< citizen id (12 digits, optional): stored, checked against former members and
                     ///< other files in progress, copied to the member at the ceremony
};

/// The candidates matching the filter, by code; a secretary sees only their cell.
std::vector<CandidateRow> listCandidates(Services& s, const Actor& actor, const CandidateFilter& filter);
/// The candidate's file; a secretary only of their cell.
CandidateFile candidateFile(Services& s, const Actor& actor, const std::string& code);
/// Lists a new candidate after checking the re-admission rules against former members (same CCCD, or same
/// folded name and birth date): refused for an expelled member, and before readmission.wait_months after
/// leaving, removal or a former admission ending otherwise. Returns the id.
core::Id createCandidate(Services& s, const Actor& actor, const NewCandidate& c);
/// The checks of createCandidate alone, nothing written (an import's plan and dry run): throws what it would
/// throw; `field` (when given) names the first field refused: "cell", "code", "full_name", "birth_date",
/// "gender", "ethnicity", "cccd" or "listed_on".
void checkNewCandidate(Services& s, const Actor& actor, const NewCandidate& c, std::string* field = nullptr);
/// Assigns a member of the candidate's cell to help the candidate from `from`.
void addHelper(Services& s, const Actor& actor, const std::string& code, const std::string& memberCode,
               const core::Date& from);
/// The awareness-course certificate (number and date).
void recordCertificate(Services& s, const Actor& actor, const std::string& code, const std::string& number,
                       const core::Date& on);
/// The application.
void recordApplication(Services& s, const Actor& actor, const std::string& code, const core::Date& on);
/// The personal history (lý lịch) completed.
void recordHistory(Services& s, const Actor& actor, const std::string& code, const core::Date& on);
/// The background check: its result and at least one person checked.
void recordBackgroundCheck(Services& s, const Actor& actor, const std::string& code, const core::Date& on,
                           const std::string& result, const std::vector<PersonCheck>& persons);

/// The sponsors of a candidate, on the day they sponsor.
struct Sponsorship {
  core::Date on;                            ///< the day of the sponsorship
  std::string sponsor1;                     ///< member code
  std::optional<core::Date> sponsor1Since;  ///< known the candidate since
  std::string sponsor2;  ///< member code; empty when the youth union resolution replaces it
  std::optional<core::Date> sponsor2Since;  ///< known the candidate since
  std::string youthUnionResolution;         ///< the youth union's resolution number (replaces sponsor 2)
};
/// Two sponsors (or the youth union's resolution and one): each an official member of the candidate's
/// cell on `on` (official on or before it, active or exempt, in the cell that day), who has known the
/// candidate for admission.sponsor_min_months on `on`.
void recordSponsors(Services& s, const Actor& actor, const std::string& code, const Sponsorship& sp);
/// The comments of mass organizations and the place of residence.
void recordMassOrgComment(Services& s, const Actor& actor, const std::string& code, const core::Date& on);

/// The official members of a cell on a day, counted from the register: present (active or exempt) and
/// official on the day, in that cell on the day. For the vote forms.
int officialMembersOn(Services& s, const Actor& actor, const std::string& cellCode, const core::Date& on);

/// What a vote of a cell on a day needs, counted from the register.
struct VoteCount {
  int official = 0;      ///< official members of the cell that day
  int needed = 0;        ///< the fewest in favour that reach the share
  int num = 2, den = 3;  ///< the share (admission.cell_vote_share on the day)
};
/// The official members of a cell on a day and the votes needed, for the vote forms.
VoteCount cellVoteCount(Services& s, const Actor& actor, const std::string& cellCode, const core::Date& on);

/// The cell's vote.
struct CellVote {
  core::Date on;                    ///< the day of the vote
  int inFavour = 0;                 ///< official members in favour
  bool provincialApproval = false;  ///< the province approved a candidate over the maximum age
  std::string approvalNo;           ///< its document (kept in the audit row)
};
/// Records a passed cell vote; returns the official members counted from the register. Refused below
/// admission.cell_vote_share of them, with the certificate expired on the vote day, under admission.min_age,
/// or over admission.max_age without provincial approval (ages in completed years at the vote).
int recordCellVote(Services& s, const Actor& actor, const std::string& code, const CellVote& v);
/// The commune committee's resolution.
void recordCommitteeResolution(Services& s, const Actor& actor, const std::string& code,
                               const std::string& number, const core::Date& on);
/// The admission decision; `body` empty: the committee's executive name from the settings.
void recordDecision(Services& s, const Actor& actor, const std::string& code, const std::string& number,
                    const core::Date& on, const std::string& body);

/// The ceremony and the member file it opens.
struct Ceremony {
  core::Date on;           ///< the ceremony
  std::string memberCode;  ///< the new member's code in the register
  std::string cardNo;      ///< party card number, if known
  std::string fileNo;      ///< file number (số lý lịch), if known
};
/// The ceremony: in one transaction the candidate becomes a probationary member of the register
/// (admitted on the decision date, ceremony on `c.on`, in the candidate's cell, with the "admitted" event and
/// the decision number), the two are linked both ways and the candidate's status becomes admitted.
/// Returns the member's id.
core::Id recordCeremony(Services& s, const Actor& actor, const std::string& code, const Ceremony& c);
/// Withdraws a candidate (reason required).
void withdrawCandidate(Services& s, const Actor& actor, const std::string& code, const core::Date& on,
                       const std::string& reason);
/// Rejects a candidate (reason required).
void rejectCandidate(Services& s, const Actor& actor, const std::string& code, const core::Date& on,
                     const std::string& reason);

/// A probationary member's recognition file.
struct RecognitionFile {
  std::string code, name;                  ///< the member
  std::optional<core::Date> ceremonyOn;    ///< probation starts
  core::Date probationEnds;                ///< ceremony + admission.probation_months: official from this day
  std::optional<core::Date> cellReviewOn;  ///< the cell's review
  std::optional<int> officialCount;        ///< official members counted on the review day
  std::optional<int> inFavour;             ///< in favour
  bool reviewPassed = false;               ///< in favour >= admission.cell_vote_share of the official members
  std::string decisionNo;                  ///< the decision
  std::optional<core::Date> decisionOn;    ///< its date
  std::string result = "pending";          ///< pending | recognized | failed
};
/// The recognition file of a member admitted here (probationary or already decided).
RecognitionFile recognitionFile(Services& s, const Actor& actor, const std::string& memberCode);
/// The cell's review after probation ends (on or after the end): official members counted from the register
/// on that day; the result is kept (a review below the share leads to a failed decision). Returns the count.
int recordRecognitionReview(Services& s, const Actor& actor, const std::string& memberCode,
                            const core::Date& on, int inFavour);
/// The decision: recognized (the review passed) -> the member is official from the exact end of probation
/// (recordAction "recognized"); not recognized -> removal on the decision date (recordAction "removed",
/// ground du_bi_khong_dat, the decision number).
void recordRecognitionDecision(Services& s, const Actor& actor, const std::string& memberCode,
                               const std::string& number, const core::Date& on, bool recognized);

/// Admissions of one cell in a year.
struct CellAdmissions {
  std::string cellCode, cellName;  ///< the cell admitted into
  int admitted = 0;                ///< members admitted (decision dated in the year)
  int awaitingCeremony = 0;        ///< decided in the year, ceremony not yet held
};
/// The year's admissions against the target.
struct AdmissionProgress {
  int year = 0;                   ///< the calendar year
  core::Date asOf;                ///< counted up to this day (31/12 for past years)
  int admitted = 0;               ///< members admitted by this committee, decision in the year up to asOf
  int awaitingCeremony = 0;       ///< candidates decided in the year, ceremony not yet held
  int total = 0;                  ///< admitted + awaitingCeremony
  std::optional<int64_t> target;  ///< ket_nap_nam of the term containing the year (later-starting one)
  std::optional<int64_t> percentOfTarget;  ///< total / target in tenths of a percent
  std::string termName;                    ///< that term ("2025-2030"), empty when none
  int termTotal = 0;                       ///< admissions from the term's first year up to asOf
  std::optional<int64_t> termTarget;       ///< ket_nap_nhiem_ky of the term
  std::optional<int64_t> termPercent;      ///< termTotal / termTarget in tenths
  std::vector<CellAdmissions> cells;       ///< cells with admissions, by code (no per-cell target)
};
/// The progress of `year` up to `asOf` (whole year when asOf is later). Needs ReadRegister; a secretary
/// gets the committee's figures and only their own cell in `cells`.
AdmissionProgress admissionProgress(Services& s, const Actor& actor, int year, const core::Date& asOf);
/// One AdmissionProgress per calendar year the period [from, to] touches, each counted over the days of the
/// period in that year up to `asOf` (the `report admissions` model): its admitted total is the congress
/// report's for the same period.
std::vector<AdmissionProgress> admissionsByYear(Services& s, const Actor& actor, const core::Date& from,
                                                const core::Date& to, const core::Date& asOf);

}  // namespace dangbo::services
