#pragma once
// Editing the register: member files and their dated actions, organizations with their mergers,
// splits and dissolutions, cell committees, cell leaders and trainings. Each call checks the actor,
// validates, and writes in one transaction with its audit row.
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// A member's whole file, for the member form.
struct MemberFile {
  core::Member member;
  std::string cellCode, cellName;         ///< the current (or last) cell
  std::vector<core::MemberEvent> events;  ///< oldest first
  std::vector<core::Training> trainings;  ///< newest first
  std::string cellOrigin;                 ///< the former commune of that cell ("" when none)
  std::vector<std::string> oldCodes;      ///< codes before a merge, "ORIGIN: CODE" each
};

/// A dated action on a member: recognition, transfers, a move between cells, exemption, death, removal...
struct MemberAction {
  std::string kind;        ///< a code of core::enums::memberEvent other than "admitted"
  core::Date date;         ///< the day it takes effect
  std::string toCellCode;  ///< for moved and transfer_in (a member coming back): the cell
  std::string place;       ///< for transfers: the committee the member goes to or comes from
  std::string decisionNo;  ///< the decision's number
  std::string reason;      ///< free text; for removed: the ground code (core::enums::removalGround)
};

/// The member's file; a secretary may read only members of their cell.
MemberFile memberFile(Services& s, const Actor& actor, const std::string& code);
/// Every problem of a member record, in Vietnamese (empty when valid). `isNew`: the code must be free.
std::vector<std::string> validateMember(Services& s, const core::Member& m, bool isNew);
/// Adds a member admitted here (admittedOn) or transferred in (transferredInOn, transferredInFrom) to the
/// cell `cellCode`, with the first events of the history; returns the id.
core::Id addMember(Services& s, const Actor& actor, core::Member m, const std::string& cellCode,
                   const std::string& decisionNo);
/// Changes the details of a member. Status and cell change only through recordAction.
void updateMember(Services& s, const Actor& actor, const core::Member& m, const std::string& reason);
/// Records a dated action; the member's current state follows it. An action may not be dated before the
/// member's latest recorded event.
void recordAction(Services& s, const Actor& actor, const std::string& memberCode, const MemberAction& a);

/// Creates an organization; returns its id.
core::Id addOrganization(Services& s, const Actor& actor, core::Organization o);
/// Changes an organization's code, name, kind, category or founding date.
void updateOrganization(Services& s, const Actor& actor, const core::Organization& o);
/// Merges the cells `fromCodes` into `intoCode` on `date`: they cease, their members move. Earlier dates keep
/// counting the old cells.
void mergeOrganizations(Services& s, const Actor& actor, const std::vector<std::string>& fromCodes,
                        const std::string& intoCode, const core::Date& date, const std::string& decisionNo);
/// Splits a new cell `newCell` off `code` on `date`, moving the listed members to it; returns its id.
core::Id splitOrganization(Services& s, const Actor& actor, const std::string& code,
                           core::Organization newCell, const std::vector<std::string>& memberCodes,
                           const core::Date& date, const std::string& decisionNo);
/// Dissolves a cell on `date`; its members still active move to `moveTo` (required when there are any).
void dissolveOrganization(Services& s, const Actor& actor, const std::string& code, const core::Date& date,
                          const std::string& decisionNo, const std::string& moveTo);
/// A cell committee (chi ủy) is elected (has = true) or ends on `date` (office; audit cell_committee.open or
/// .close). An election's day may be unknown (nullopt: an import's "Có chi ủy" for a cell without a founding
/// day): the committee then counts from the cell's beginning. An end needs its day.
void setCellCommittee(Services& s, const Actor& actor, const std::string& code, bool has,
                      const std::optional<core::Date>& date, const std::string& decisionNo);
/// `memberCode` takes `role` (bi_thu, pho_bi_thu, chi_uy_vien) in the cell from `from`; a previous secretary
/// or deputy's term ends that day.
void setCellLeader(Services& s, const Actor& actor, const std::string& orgCode, const std::string& memberCode,
                   const std::string& role, const core::Date& from, const std::string& decisionNo);
/// The leaders of a cell over time, newest first.
std::vector<core::CellLeader> cellLeaders(Services& s, const Actor& actor, const std::string& orgCode);
/// Records a training course attended by a member in a year.
void addTraining(Services& s, const Actor& actor, const std::string& memberCode, int year,
                 const std::optional<core::Date>& date, const std::string& course);
/// The checks of addTraining alone: throws its refusal, writes nothing (an import's plan).
void checkTraining(Services& s, const Actor& actor, const std::string& memberCode, int year,
                   const std::optional<core::Date>& date, const std::string& course);

}  // namespace dangbo::services
