#pragma once
// The yearly supplement to each member's file, phiếu bổ sung hồ sơ đảng viên (Mẫu 3-HSĐV,
// spec/member-file.md "Forms printed from the register"): one sheet per member present at the end of the
// year, pre-filled with the year's changes of the member's record, or "Không có gì thay đổi"; the office
// marks each sheet returned (one door: recordSupplementReturns), and lists the members whose sheet is
// missing.
//
// Where the changes come from, each dated in the year:
// - the member's details (residence, occupation, education and qualification, political theory, and the
//   other details of the file): the audit rows of the details door (member.update), which every door writes
//   (the dialog, `record set`, the import, a change package) with the old and the new value of each field;
//   dated by the day the change was recorded (UTC), chained by SHA-256 so that an edit outside dangbo shows;
// - trainings (bồi dưỡng) of the year; badge awards decided in the year (rewards); discipline decisions on
// the
//   member dated in the year (form, number and date only: their contents are case files);
// - the member's dated events of the year (recognition, moves between cells, transfers, exemption...).
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {

class Services;

/// One change of a sheet.
struct SupplementChange {
  std::string item;  ///< residence | occupation | education | theory | rewards | discipline | party | other
  core::Date on;     ///< its day
  std::string text;  ///< as printed ("Nơi cư trú: Bản Mới (trước đây: Bản Cũ; ngày 10/03/2026)")
};

/// The sheet of one member for a year.
struct SupplementSheet {
  std::string code, fullName, birthName, birthDate, hometown, cellCode, cellName, fileNo, cardNo;
  std::vector<SupplementChange> changes;  ///< by item (the form's order), then day
  std::optional<core::Date> returnedOn;   ///< marked returned on
  std::string returnedBy;                 ///< the account that marked it
};

/// What sheets to make.
struct SupplementQuery {
  int year = 0;
  std::string cell{};    ///< one cell's code; empty: every cell the actor may read
  std::string member{};  ///< one member's code; empty: every member
};

/// The sheets of `q.year`: the members active or exempt at the end of the year (today for the current year),
/// in the cells' order then the Vietnamese name order. Needs ReadRegister; a secretary only their own cell
/// (another cell, or a member of it, is refused). Refused (DataError, in Vietnamese): a year not yet begun or
/// before 1930, an unknown cell or member, a member not on the year's list.
std::vector<SupplementSheet> supplementSheets(Services& s, const Actor& actor, const SupplementQuery& q);

/// The sheets as a report ("file-supplement"): one section per member (heading: name and code; paragraphs:
/// the form's items, or "Không có gì thay đổi."; tables "member@CODE" (the identity) and "changes@CODE").
ReportModel fileSupplementReport(Services& s, const Actor& actor, const SupplementQuery& q);

/// Marks the sheets of `year` of the members `codes` returned on `on`: all or nothing, one transaction, one
/// audit row per member ("file_supplement.return"). Only the committee's office or an administrator. Refused
/// (DataError, in Vietnamese, naming each problem): an unknown code, a member not on the year's list, a sheet
/// already marked (with its day), a year not yet begun, a day in the future or before the year.
void recordSupplementReturns(Services& s, const Actor& actor, int year, const std::vector<std::string>& codes,
                             const core::Date& on);

/// The members of `year` whose sheet is not marked returned ("file-supplement-missing"), by cell; the same
/// scope as supplementSheets.
ReportModel fileSupplementMissingReport(Services& s, const Actor& actor, const SupplementQuery& q);

}  // namespace dangbo::services
