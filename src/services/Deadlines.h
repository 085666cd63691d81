#pragma once
// The deadlines of admission and recognition and the badge milestones (spec/cli.md `report deadlines`),
// and the `check` rule "overdue". Every rule value is the one in force on the day the deadline counts
// from; working days come from Services::calendar() (announced days off, estimated for later years).
//
// Kinds: certificate_expiry, decision_due, ceremony_due, recognition_due, badge_due, transfer_due (a member
// transferred out permanently must present the transfer papers to the receiving committee within
// transfer.permanent_working_days working days; open until the receipt is recorded).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Date.h"
#include "core/Rules.h"
#include "services/Actor.h"
#include "services/MemberList.h"

namespace dangbo::services {

class Services;

/// One deadline of a candidate or a member.
struct Deadline {
  std::string kind;  ///< certificate_expiry | decision_due | ceremony_due | recognition_due | badge_due |
                     ///< transfer_due
  std::string subjectType;  ///< candidate | member
  std::string code;         ///< the candidate's or member's code
  std::string name;         ///< full name
  std::string cellCode;     ///< the (current) cell
  core::Date from;          ///< the day it counts from: certificate, cell vote, decision, end of
                            ///< probation or the cell's review, the milestone's day
  core::Date due;           ///< the last day (certificate_expiry: the last day the certificate is valid)
  std::optional<core::Date>
      extendedDue;      ///< with the extension (decision_due; recognition_due once reviewed)
  std::string step;     ///< recognition_due: "review" or "decision"; badge_due: the milestone ("30");
                        ///< transfer_due: the committee the member transferred to
  int overdueDays = 0;  ///< asOf - due in CALENDAR days: > 0 overdue, <= 0 still ahead
};

/// The Vietnamese label of a kind ("Hạn quyết định kết nạp").
std::string deadlineKindLabel(const std::string& kind);

/// The open deadlines on `asOf`, sorted by due date, then kind, then code:
/// - certificate_expiry: candidates in progress with a certificate and no decision yet; due = certificate
/// date
///   + admission.certificate_validity_months (the certificate is still valid on `due`);
/// - decision_due: candidates with a passed cell vote and no decision; due = vote +
/// admission.decision_working_days
///   working days, extendedDue = vote + that + admission.decision_extension_working_days;
/// - ceremony_due: candidates with a decision and no ceremony; due = decision +
/// admission.ceremony_working_days;
/// - recognition_due: probationary members admitted on or before asOf (active or exempt, no official date):
///   step "review": due = end of probation (ceremony, else the decision, + admission.probation_months) +
///   recognition.review_working_days; once the review is recorded, step "decision": due = review +
///   recognition.decision_working_days, extendedDue + recognition.decision_extension_working_days;
/// - badge_due: members active or exempt whose party age (core/PartyAge: the first admission less every
///   recorded interruption) reaches a milestone not yet awarded of
///   badge.milestones after the previous award day and on or before the next award day of badge.award_dates
///   on or after asOf; due = that award day, step = the milestone;
/// - transfer_due: members transferred out permanently (status transferred_out) on or before asOf whose last
///   transfer out has no receipt yet; due = transfer + transfer.permanent_working_days working days (the rule
///   in force on the transfer's day), step = the receiving committee.
/// overdue_days is counted in calendar days (asOf - due) as spec/cli.md shows it: negative while still ahead.
/// Needs ReadRegister; a secretary gets only their cell.
std::vector<Deadline> deadlines(Services& s, const Actor& actor, const core::Date& asOf);

/// The deadlines that have passed on asOf (overdueDays > 0), as findings of the `check` rule "overdue":
/// subject the candidate's or member's code, year none, a Vietnamese message naming the deadline, its day and
/// the days overdue.
std::vector<CheckFinding> checkOverdue(Services& s, const Actor& actor, const core::Date& asOf);

/// Records that the receiving committee confirmed the member's permanent transfer (the papers were presented)
/// on `receivedOn`: the transfer_due deadline closes. Refused (DataError) when the member has no open
/// transfer out, or the day is before the transfer or in the future. Needs WriteRegister (a secretary: own
/// cell only).
void recordTransferReceipt(Services& s, const Actor& actor, const std::string& memberCode,
                           const core::Date& receivedOn);

/// The next award day of badge.award_dates on or after `asOf` and the award day before it.
std::optional<std::pair<core::Date, core::Date>> badgeAwardWindow(const core::RuleBook& rules,
                                                                  const core::Date& asOf);

}  // namespace dangbo::services
