#pragma once
// A deterministic generator of a believable commune party committee (Phiêng Pằn, Sơn La), in memory
// only: organizations, members with their dated history, candidates, ratings, inspections,
// discipline, removals, the committee of two terms, targets, cell leaders and trainings.
// The same options give the same data, byte for byte, on any machine: the generator uses its own
// integer PRNG (splitmix64) and no standard distributions, clocks, hashing or floating point.
#include <cstdint>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"

namespace dangbo::services {

/// What to generate.
struct DemoOptions {
  uint64_t seed = 1;
  int villageCells = 45,
      schoolCells =
          8;           ///< plus always 5 grassroots cells (co_quan_dang, chinh_quyen, quan_su, cong_an, y_te)
  int members = 1050;  ///< members active or exempt on `today`
  int historyYears = 5;  ///< years of admissions, ratings, inspections, discipline, removals before today
  core::Date today;      ///< the "now" of the data (set it: the default is 1970-01-01)
};

/// The generated register. Ids of every kind run 1..n in vector order.
struct DemoData {
  core::CommitteeInfo committee;
  std::vector<core::Organization>
      organizations;                        ///< current cells first, then the 8 cells merged in the last term
  std::vector<core::Member> members;        ///< in order of joining (admission or transfer in)
  std::vector<core::MemberEvent> events;    ///< grouped by member, each member's events in date order
  std::vector<core::Candidate> candidates;  ///< admitted ones (linked to their member) then those in progress
  std::vector<core::Rating> ratings;
  std::vector<core::Inspection> inspections;  ///< in date order
  std::vector<core::Discipline> disciplines;  ///< in date order
  std::vector<core::Removal> removals;
  std::vector<core::Term> terms;  ///< 2020-2025 (id 1) and 2025-2030 (id 2)
  std::vector<core::CommitteeSeat> seats;
  std::vector<core::Target> targets;
  std::vector<core::Training> trainings;
  std::vector<core::CellLeader> leaders;
};

/// Builds the demo data; the same options give the same data, byte for byte, on any machine.
DemoData generateDemo(const DemoOptions& opt);

}  // namespace dangbo::services
