#pragma once
// The admission file after its creation: reading and updating candidates, the helpers assigned to them,
// the people checked in the background check, recognition at the end of probation, and the queries
// behind the deadlines and the year's admissions. Candidates are inserted by RecordsRepository.
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// A member assigned to help a candidate (candidate_helpers).
struct CandidateHelper {
  core::Id memberId = 0;           ///< the helping member
  std::optional<core::Date> from;  ///< assigned from
};

/// A person checked in the background check (candidate_checks).
struct CandidateCheck {
  core::Id id = 0;                      ///< row id (0: new)
  core::Id candidateId = 0;             ///< the candidate
  std::string person;                   ///< the person checked (the candidate or a relative)
  std::string relation;                 ///< "bản thân", "bố", "mẹ", ...
  std::optional<core::Date> checkedOn;  ///< when
  std::string result;                   ///< what the check found
};

/// The recognition of a probationary member (recognitions).
struct Recognition {
  core::Id id = 0;                         ///< row id (0: new)
  core::Id memberId = 0;                   ///< the probationary member
  std::optional<core::Date> cellReviewOn;  ///< the cell's review
  std::optional<int> officialCount;        ///< official members of the cell on the review day (register)
  std::optional<int> inFavour;             ///< of them, in favour
  std::string decisionNo;                  ///< the decision's number
  std::optional<core::Date> decisionOn;    ///< the decision's date
  std::string result = "pending";          ///< pending | recognized | failed
};

/// The facts of a member that admissions, recognition and deadlines need.
struct MemberFacts {
  core::Id id = 0;                             ///< row id
  std::string code;                            ///< member code
  std::string fullName;                        ///< full name
  std::string searchKey;                       ///< folded full name
  std::optional<core::PartialDate> birthDate;  ///< may be partial
  std::string cccd;                            ///< citizen id or empty
  core::Id cellId = 0;                         ///< current cell
  std::optional<core::Date> admittedOn;        ///< admission decision
  std::optional<core::Date> ceremonyOn;        ///< ceremony
  std::optional<core::Date> officialOn;        ///< official since
  std::optional<core::Date> transferredInOn;   ///< joined by transfer
  std::string status;                          ///< active | exempt | transferred_out | ...
  std::optional<core::Date> statusSince;       ///< when the status began
};

/// An admission counted for the year's progress.
struct AdmissionFact {
  core::Id cellId =
      0;  ///< the cell the member was admitted into (the admitted event's cell, else the current)
  core::Date decisionOn;  ///< the admission decision
  bool member = true;     ///< true: on the register; false: a candidate decided but awaiting the ceremony
};

/// Reads and writes the admission tables.
class AdmissionRepository {
 public:
  /// Works on `db`.
  explicit AdmissionRepository(Database& db) : db_(db) {}

  /// The candidate with this code.
  std::optional<core::Candidate> candidateByCode(const std::string& code);
  /// The candidate with this id.
  std::optional<core::Candidate> candidateById(core::Id id);
  /// Candidates, optionally of one cell and one status, by code.
  std::vector<core::Candidate> candidates(std::optional<core::Id> cellId, const std::string& status);
  /// Writes every stage field, the status, the outcome, the member link, the CCCD and the provincial
  /// approval of an existing candidate (by id).
  void updateCandidate(const core::Candidate& c);

  /// Assigns a helper (replaces the date when already assigned).
  void saveHelper(core::Id candidateId, const CandidateHelper& h);
  /// The helpers of a candidate, in order of assignment.
  std::vector<CandidateHelper> helpers(core::Id candidateId);
  /// Appends a checked person; returns the id.
  core::Id insertCheck(const CandidateCheck& c);
  /// The people checked for a candidate, in order of entry.
  std::vector<CandidateCheck> checks(core::Id candidateId);

  /// The recognition record of a member.
  std::optional<Recognition> recognition(core::Id memberId);
  /// Inserts or replaces (same member) a recognition record.
  void saveRecognition(const Recognition& r);
  /// Every recognition record.
  std::vector<Recognition> recognitions();

  /// A member's facts by id.
  std::optional<MemberFacts> memberFacts(core::Id id);
  /// Members without an official date whose status is active or exempt (probationary now), by code.
  std::vector<MemberFacts> probationaryMembers();
  /// Members with an admission date whose status is active or exempt, by code.
  std::vector<MemberFacts> admittedPresentMembers();
  /// Members of any status with this CCCD (when not empty) or this folded full name.
  std::vector<MemberFacts> membersLike(const std::string& cccd, const std::string& searchKey);

  /// The grounds of the removals (xóa tên) of a member, oldest first.
  std::vector<std::string> removalGrounds(core::Id memberId);
  /// Candidates of any status with this (non-empty) CCCD, by code.
  std::vector<core::Candidate> candidatesWithCccd(const std::string& cccd);

  /// Admissions decided in [from, to]: members admitted by this committee (no transfer-in date) by their
  /// admission date, and candidates in progress with a decision in the period (awaiting the ceremony).
  std::vector<AdmissionFact> admissionsBetween(const core::Date& from, const core::Date& to);

 private:
  Database& db_;
};

}  // namespace dangbo::store
