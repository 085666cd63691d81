#pragma once
// The annual quality rating (domain.md "Annual rating"): a round per year opened, entered, locked and
// reopened by the office; members' self-assessments, cells' proposals (a secretary for their own cell)
// and the committee's decisions; the cells rated by the office; eligibility from the register; the rules
// rating_quota, rating_disciplined and rating_not_eligible (warnings while entering, blocking the lock);
// and the summary per year against the targets with each cell's history.
//
// The day a year is judged on is 31 December of it (ratingDay): a member is rated in the cell they
// belonged to then (store::cellOn), exemption and suspension are taken on that day, the rule values are
// those in force on it. This is also the day `check` uses, so the sheet, the lock and `check` agree; the
// round's opened_on is kept only as a record.
//
// The stored `level` of a member's rating is the committee's decision. Until the office decides, it
// follows the cell's proposal (or, with no proposal, the self-assessment), so the grid always shows the
// level that would stand; once the office sets a different level, later proposals no longer move it.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "core/Rules.h"
#include "services/Actor.h"
#include "services/CongressReport.h"
#include "services/MemberList.h"

namespace dangbo::services {

class Services;

// ---------------------------------------------------------------------------------------------
// Judgements shared with `check` (services/RuleChecks): pure functions of the facts.

/// The day a year's ratings are judged on: 31 December of the year.
core::Date ratingDay(int year);

/// What the register says about a member's standing, for judging eligibility.
struct EligibilityFacts {
  std::string status;                     ///< the file's current status
  std::optional<core::Date> statusSince;  ///< when it began
  std::optional<core::Date> admittedOn;   ///< admission decision (also for members who came by transfer)
  /// exempted / exemption_ended / suspended / suspension_ended events, oldest first
  std::vector<std::pair<core::Date, std::string>> standing;
};

/// Whether a member may be rated for a year, and why not.
struct Eligibility {
  std::string reason;   ///< empty: eligible; else exempt | suspended | too_recent
  std::string message;  ///< Vietnamese explanation ("" when eligible)
  /// for too_recent: the last admission day that is still rated (30/06 with 6 months)
  std::optional<core::Date> cutoff;
  /// True when the member is rated.
  bool eligible() const { return reason.empty(); }
};

/// Judges a member for `year` on ratingDay(year): exempt then (the last exempted/exemption_ended event on
/// or before it decides; with no such event, the file's status exempt from status_since, or always when
/// that is not recorded), suspended then (the last suspended/suspension_ended event), or admitted after
/// ratingDay(year) minus rating.min_months_since_admission months (after 30 June with 6). In that order.
Eligibility judgeEligibility(const EligibilityFacts& facts, int year, const core::RuleBook& rules);

/// True when `excellent` is more than `maxPercent` % of `good` (integer arithmetic: 2 of 10 is allowed at
/// 20%).
bool exceedsExcellentQuota(int excellent, int good, int maxPercent);

/// The level of a 100-point score by the bands of rating.score_bands in force on `on` ("90/70/50": >= 90
/// HTXSNV, >= 70 HTTNV, >= 50 HTNV, else KHTNV). Throws DataError when the score is outside 0..100 or the
/// rule has no valid value then.
std::string levelForScore(int score, const core::RuleBook& rules, const core::Date& on);

/// What makes a cell "not complete" in a year.
struct OrgDisciplineFacts {
  bool disciplined = false;  ///< a disciplinary decision on the cell itself dated in the year
  /// Its bi_thu / pho_bi_thu / chi_uy_vien during the year who were disciplined in it ("Name (code)").
  std::vector<std::string> disciplinedLeaders;
  /// Sub-units: the organizations whose parent is this one and that existed during the year (0 for a plain
  /// cell).
  int subUnits = 0;
  int disciplinedSubUnits = 0;  ///< of which disciplined in the year
};

/// The Vietnamese reasons why the cell must be rated KHTNV (empty: none): the cell disciplined, its
/// leadership disciplined, or more than `maxPercent` % of its sub-units disciplined (only when it has any).
std::vector<std::string> orgNotCompleteReasons(const OrgDisciplineFacts& facts, int maxPercent);

/// The findings of the three rating rules of `check` for `year` (every rated year when nullopt), with
/// rule values in force on ratingDay(year): rating_quota (subject: the cell code; members grouped by their
/// cell on 31 December), rating_disciplined (subject: member or cell code; a member disciplined in the
/// year, or a cell per orgNotCompleteReasons, rated above KHTNV without an exception reason), and
/// rating_not_eligible (subject: member code; exempt, suspended or too recent per judgeEligibility).
/// Needs ReadRegister; a secretary gets findings about their own cell and its members only.
std::vector<CheckFinding> ratingFindings(Services& s, const Actor& actor,
                                         std::optional<int> year = std::nullopt);

// ---------------------------------------------------------------------------------------------
// Rounds

/// A year's rating round.
struct RatingRound {
  int year = 0;          ///< the rated year
  core::Date openedOn;   ///< the day it was opened
  std::string status;    ///< open | locked
  std::string lockedAt;  ///< UTC ISO time of the lock ("" while open)
  std::string lockedBy;  ///< who locked it ("" while open)
};

/// Every round, by year. Needs ReadRegister.
std::vector<RatingRound> ratingRounds(Services& s, const Actor& actor);
/// Opens the round of `year` on `openedOn` (office: admin or office). Refuses a year that already has a
/// round or lies after openedOn's year. Audit row rating.open.
void openRatingRound(Services& s, const Actor& actor, int year, const core::Date& openedOn);

/// The outcome of a lock attempt.
struct LockResult {
  bool locked = false;                   ///< the round is now locked
  std::vector<CheckFinding> violations;  ///< ratingFindings(year) found when trying
};

/// Locks an open round (office). While ratingFindings(year) finds anything, the round stays open and the
/// findings are returned, unless `overrideReason` is given: then it locks and the audit row rating.lock
/// records the reason and the overridden findings.
LockResult lockRatingRound(Services& s, const Actor& actor, int year, const std::string& overrideReason = {});
/// Reopens a locked round (office); the reason is required and kept in the audit row rating.reopen.
void reopenRatingRound(Services& s, const Actor& actor, int year, const std::string& reason);

// ---------------------------------------------------------------------------------------------
// Entering

/// Which value of a rating an input sets.
enum class RatingStage {
  SelfAssessment,  ///< the member's own assessment (secretary of the member's cell, or office)
  Proposal,        ///< the cell's proposal (secretary of the member's cell, or office)
  Decision         ///< the committee's level (office only); the only stage for cells
};

/// One value to enter.
struct RatingInput {
  std::string subjectCode;                    ///< member code, or cell code for rateOrganizations
  RatingStage stage = RatingStage::Decision;  ///< which value
  std::string level;  ///< HTXSNV | HTTNV | HTNV | KHTNV; empty with a score: by the bands; empty without:
                      ///< clears the value
  std::optional<int> score;  ///< 0..100, kept on the rating; nullopt leaves the stored score
  std::optional<std::string> exceptionReason;  ///< Decision only: why a disciplined subject keeps a level
                                               ///< above KHTNV; "" clears; nullopt leaves it
};

/// Enters members' values for `year` in one transaction with an audit row each (rating.self,
/// rating.propose, rating.decide). The round must be open; each member must be present on ratingDay(year)
/// and eligible (DataError naming the reason otherwise). Returns warnings: rating_quota of the cells
/// touched, rating_disciplined of the members touched, rating_score where a given level differs from the
/// score's band. Clearing every value of a rating deletes it.
std::vector<CheckFinding> enterMemberRatings(Services& s, const Actor& actor, int year,
                                             const std::vector<RatingInput>& inputs);
/// Rates cells (office, stage Decision) for `year`, in one transaction with audit rows rating.organization.
/// Each cell must exist on ratingDay(year). Returns rating_disciplined and rating_score warnings.
std::vector<CheckFinding> rateOrganizations(Services& s, const Actor& actor, int year,
                                            const std::vector<RatingInput>& inputs);

// ---------------------------------------------------------------------------------------------
// Reading

/// One member on a cell's rating sheet.
struct RatingSheetRow {
  core::Id memberId = 0;  ///< row id
  std::string code;       ///< member code
  std::string name;       ///< full name
  /// "" rated | exempt | suspended | too_recent | not_in_cell (rated here but not in the cell on 31/12).
  std::string eligibility;
  std::string reason;  ///< Vietnamese reason when not eligible
  /// A disciplinary decision dated in the year (must be KHTNV unless an exception).
  bool disciplined = false;
  std::string selfLevel;        ///< self-assessment ("" none)
  std::string proposedLevel;    ///< the cell's proposal ("" none)
  std::string level;            ///< the level that counts ("" not rated)
  bool decided = false;         ///< the committee decided `level`; false: it follows the proposal for now
  std::optional<int> score;     ///< 100-point score
  std::string exceptionReason;  ///< the office's exception
};

/// Every member present in the cell `cellCode` on ratingDay(year), eligible or not with the reason, in the
/// Vietnamese name order, with their current values; then members rated for the year in that cell who were
/// not in it on 31/12 (not_in_cell). Needs ReadRegister; a secretary only for their own cell. DataError for
/// an unknown cell.
std::vector<RatingSheetRow> ratingSheet(Services& s, const Actor& actor, int year,
                                        const std::string& cellCode);

/// One cell on the office's organization sheet.
struct OrgRatingRow {
  core::Id orgId = 0;                          ///< row id
  std::string code;                            ///< cell code
  std::string name;                            ///< cell name
  std::vector<std::string> mustBeNotComplete;  ///< orgNotCompleteReasons (Vietnamese), empty when none
  std::string level;                           ///< "" not rated
  std::optional<int> score;                    ///< 100-point score
  std::string exceptionReason;                 ///< the office's exception
};

/// The cells existing on ratingDay(year), by code, with their rating. Needs ReadRegister.
std::vector<OrgRatingRow> organizationSheet(Services& s, const Actor& actor, int year);

/// One cell's progress in a year's round, for the list beside the grid.
struct CellRatingProgress {
  std::string code;            ///< cell code
  std::string name;            ///< cell name
  int members = 0;             ///< members in the cell on ratingDay(year)
  int eligible = 0;            ///< of whom rated (judgeEligibility)
  int rated = 0;               ///< of the eligible, those with a level
  int excellent = 0;           ///< of the rated, HTXSNV
  int good = 0;                ///< of the rated, HTTNV
  bool quotaExceeded = false;  ///< rating_quota finds the cell
  int warnings = 0;            ///< findings of ratingFindings(year) about the cell or its members
  std::string level;           ///< the cell's own level ("" not rated)
};

/// Every cell existing on ratingDay(year) (by code; a secretary: their own cell only) with its members'
/// progress and the rule findings of the year, read once. Needs ReadRegister.
std::vector<CellRatingProgress> ratingProgress(Services& s, const Actor& actor, int year);

/// One year of the summary.
struct RatingYearSummary {
  int year = 0;                ///< the rated year
  std::string roundStatus;     ///< open | locked | "" (no round: imported)
  RatingLevels organizations;  ///< cells by level (percent as in the congress report)
  RatingLevels members;        ///< members by level
  /// to_chuc_tot of the term containing the year, tenths of a percent
  std::optional<int64_t> organizationTarget;
  std::optional<int64_t> memberTarget;  ///< dang_vien_tot likewise
};

/// One year of a cell's history.
struct CellYearRating {
  int year = 0;          ///< the rated year
  std::string level;     ///< the cell's own level ("" not rated)
  RatingLevels members;  ///< its members' ratings that year (by the cell rating them)
};

/// A cell compared with earlier years.
struct CellRatingHistory {
  std::string code;  ///< cell code
  std::string name;  ///< cell name
  /// every year of the summary with a rating of the cell or of its members
  std::vector<CellYearRating> years;
};

/// The rating summary of a span of years.
struct RatingSummary {
  int fromYear = 0;                      ///< first year asked
  int toYear = 0;                        ///< last year asked
  std::vector<RatingYearSummary> years;  ///< years in the span with any rating or a round, ascending
  std::vector<CellRatingHistory> cells;  ///< by cell code
};

/// Counts per level for cells and members per year (every stored rating, as the congress report counts
/// them), the share good or better against the term's targets, and each cell's history. A member's rating
/// counts for ratings.cell_id, or when that is empty for the member's cell on 31 December. Needs
/// ReadRegister; a secretary's `cells` hold only their cell.
RatingSummary ratingSummary(Services& s, const Actor& actor, int fromYear, int toYear);
/// ratingSummary of a period's years as the congress report takes them: the years whose 31 December lies in
/// [from, to] (a period ending 31/07/2025 cannot know the 2025 ratings, made in December).
RatingSummary ratingSummaryOf(Services& s, const Actor& actor, const core::Date& from, const core::Date& to);

}  // namespace dangbo::services
