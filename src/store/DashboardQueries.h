#pragma once
// The rows behind the overview's figures (services/Dashboard): who was admitted in a period, who and
// which cells were rated in a year, and the cell secretaries on a day with their training of a year.
// Each function runs one statement; the counting is left to services/Dashboard.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// An admission decided in a period.
struct AdmissionEntry {
  std::string code;     ///< the member's code, or the candidate's while awaiting the ceremony
  std::string name;     ///< full name
  core::Id cellId = 0;  ///< the cell admitted into (the first "admitted" event's cell, else the current one)
  core::Date on;        ///< the admission decision
  bool member = true;   ///< false: a candidate with a decision, ceremony not yet held
};

/// The admissions decided in [from, to] with the definitions of AdmissionRepository::admissionsBetween:
/// members admitted by this committee (no transfer-in date) by admitted_on, then candidates in progress
/// without a member file whose decision lies in the period. By date, then code.
std::vector<AdmissionEntry> admissionEntries(Database& db, const core::Date& from, const core::Date& to);

/// One stored rating of a year.
struct RatedSubject {
  std::string subjectType;  ///< to_chuc | dang_vien
  std::string code;         ///< the cell's or the member's code
  std::string name;         ///< its name
  core::Id cellId = 0;      ///< the cell: itself for to_chuc; ratings.cell_id, else the member's cell
  std::string level;        ///< HTXSNV | HTTNV | HTNV | KHTNV
};

/// Every rating stored for `year` (as ReportQueries::ratingCounts counts them), by type then code.
std::vector<RatedSubject> ratedSubjects(Database& db, int year);

/// A cell secretary in office on a day.
struct SecretaryOnDay {
  core::Id orgId = 0;                   ///< the cell
  std::string code;                     ///< the member's code
  std::string name;                     ///< full name
  core::Date since;                     ///< in office from
  bool trained = false;                 ///< a training recorded for the year
  std::optional<core::Date> trainedOn;  ///< the latest dated training of the year
  std::string course;                   ///< its course
};

/// The secretaries (cell_leaders role bi_thu) whose term covers `day` (from on or before it, no end or an
/// end after it), with their trainings of `trainingYear`. By cell id.
std::vector<SecretaryOnDay> secretariesOn(Database& db, const core::Date& day, int trainingYear);

}  // namespace dangbo::store
