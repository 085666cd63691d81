#pragma once
// The figures of the party-building part of a congress report (spec/congress-report.md): a plain model
// holding every field of the report's JSON, and the use case that computes it from the register.
// Percentages are tenths of a percent, computed exactly (core::percentTenths); nullopt prints as null.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// The organization codes of the report's by_category, in the printed order.
const std::vector<std::string>& congressCategories();

/// "organizations": cells existing on as_of.
struct CongressOrganizations {
  int total = 0;                                        ///< cells existing on as_of
  int grassroots = 0;                                   ///< kind co_so
  int subordinate = 0;                                  ///< kind truc_thuoc
  std::vector<std::pair<std::string, int>> byCategory;  ///< every code of congressCategories(), 0 included
  std::vector<std::pair<std::string, int>>
      subordinateByCategory;          ///< the same for subordinate cells only (not in the JSON)
  int villageCells = 0;               ///< category ban (= byCategory "ban"; not in the JSON)
  int villageCellsWithCommittee = 0;  ///< village cells with a cell committee open on as_of
};

/// "members": members active or exempt on as_of.
struct CongressMembers {
  int total = 0;                                        ///< active or exempt on as_of
  int official = 0;                                     ///< official_on on or before as_of
  int probationary = 0;                                 ///< total - official
  int women = 0;                                        ///< gender nu
  int ethnicMinority = 0;                               ///< a recorded ethnicity other than Kinh ("01")
  int exempt = 0;                                       ///< status exempt on as_of
  std::vector<std::pair<std::string, int>> byAgeGroup;  ///< "18-30" (under 18 included) .. "71+", all six
  int ageUnknown = 0;        ///< no birth date recorded: in no age group (not in the JSON)
  int ethnicityUnknown = 0;  ///< no ethnicity recorded: neither Kinh nor minority (not in the JSON)
};

/// Where the admissions target came from.
enum class TargetSource {
  None,   ///< no target: null
  Term,   ///< ket_nap_nhiem_ky of the term containing the whole period
  Years,  ///< the sum of the yearly ket_nap_nam targets
};

/// "admissions": members admitted by this committee in the period.
struct CongressAdmissions {
  std::vector<std::pair<int, int>> byYear;         ///< every calendar year the period touches, 0 included
  int total = 0;                                   ///< sum of byYear
  std::optional<int64_t> target;                   ///< per the spec's rule; nullopt: null
  TargetSource targetSource = TargetSource::None;  ///< which rule gave the target (not in the JSON)
  int targetYears = 0;  ///< Term: the years of the term the target is for (its yearly pace); not in the JSON
  std::vector<std::pair<int, std::optional<int64_t>>>
      yearTargets;                         ///< each year's ket_nap_nam where one applies (not in the JSON)
  std::optional<int64_t> percentOfTarget;  ///< total / target in tenths; nullopt when target null or 0
  /// By the origin of the cell the member belonged to on the admission date ("" for none), in Vietnamese
  /// order of the names, zeros left out (version 2).
  std::vector<std::pair<std::string, int>> byOrigin;
};

/// Ratings of one subject type in one year.
struct RatingLevels {
  int htxsnv = 0;  ///< excellent
  int httnv = 0;   ///< good
  int htnv = 0;    ///< complete
  int khtnv = 0;   ///< not complete
  int rated = 0;   ///< the sum
  std::optional<int64_t>
      goodOrBetterPercent;  ///< (htxsnv + httnv) / rated in tenths; nullopt when rated is 0
};

/// One entry of "ratings": a calendar year of the period with any rating.
struct CongressRatingYear {
  int year = 0;                ///< the rating year
  RatingLevels organizations;  ///< cells
  RatingLevels members;        ///< members
  /// to_chuc_tot / dang_vien_tot of the term containing the year, tenths of a percent (not in the JSON)
  std::optional<int64_t> organizationTarget;
  std::optional<int64_t> memberTarget;  ///< likewise for members (not in the JSON)
};

/// "inspections": distinct subjects of inspections dated in the period.
struct CongressInspections {
  int organizations = 0;  ///< distinct organizations
  int members = 0;        ///< distinct members
};

/// "organizations_founded": cells whose founding date lies in the period (version 2).
struct CongressFounded {
  int total = 0;                                        ///< cells founded in the period, each once
  std::vector<std::pair<std::string, int>> byCategory;  ///< in congressCategories() order, zeros left out
  std::vector<std::pair<std::string, int>>
      byOrigin;  ///< in Vietnamese order of the names, "" for none, zeros left out
};

/// One entry of "organizations_merged": cells of one origin and category that ceased in the period with a
/// merged_into cell.
struct CongressMerged {
  std::string origin;    ///< the former commune of the ceased cells ("" for none)
  std::string category;  ///< their category code
  int from = 0;          ///< ceased cells
  int into = 0;          ///< distinct cells they were merged into
};

/// One year of "secretary_training": a calendar year whose 31 December lies in the period.
struct SecretaryTrainingYear {
  int year = 0;                    ///< the year
  int trained = 0;                 ///< secretaries with a training dated in the year
  int secretaries = 0;             ///< distinct secretaries of a village cell on 31 December
  std::optional<int64_t> percent;  ///< trained / secretaries in tenths; nullopt when no secretary
};

/// Whether one listed rating year met the targets ("rating_targets.met").
struct RatingTargetMet {
  int year = 0;                ///< the rating year
  bool organizations = false;  ///< printed good_or_better_percent of cells >= the target
  bool members = false;        ///< the same for members
};

/// "rating_targets": to_chuc_tot and dang_vien_tot of the term containing the period's last year.
struct CongressRatingTargets {
  std::optional<int64_t> organizationsPercent;  ///< tenths; nullopt: no target (null)
  std::optional<int64_t> membersPercent;        ///< tenths; nullopt: no target (null)
  std::vector<RatingTargetMet> met;             ///< per listed rating year
};

/// One entry of "next_term_targets".
struct NextTermTarget {
  std::string code;  ///< ket_nap_nhiem_ky, ket_nap_nam, to_chuc_tot, dang_vien_tot, chi_bo_ban_co_chi_uy,
                     ///< bi_thu_tap_huan
  double value = 0;  ///< the value (origins' rows combined by the version-2 rule)
  int from = 0;      ///< first year of the term
  int to = 0;        ///< last year of the term
};

/// "discipline": decisions dated in the period, and removals.
struct CongressDiscipline {
  int khienTrach = 0;     ///< decisions on members: reprimand
  int canhCao = 0;        ///< warning
  int cachChuc = 0;       ///< dismissal from post
  int khaiTru = 0;        ///< expulsion
  int xoaTen = 0;         ///< members whose status became removed in the period
  int orgKhienTrach = 0;  ///< decisions on organizations: reprimand
  int orgCanhCao = 0;     ///< warning
  int orgGiaiTan = 0;     ///< dissolution
};

/// "committee_composition": the committee of the latest term beginning in or before as_of's year.
struct CongressCommittee {
  std::string term;  ///< the term's name, "2025-2030"
  int members = 0;   ///< seats
  int standing = 0;  ///< positions bi_thu, pho_bi_thu, uv_btv
  // Counts behind the percentages (not in the JSON).
  int women = 0;                      ///< gender nu
  int ethnicMinority = 0;             ///< ethnicity recorded and not Kinh
  int womenEthnicMinority = 0;        ///< both
  int age42OrUnder = 0;               ///< completed years on as_of <= 42 (partial birth dates anchored)
  int universityOrAbove = 0;          ///< dai_hoc, thac_si, tien_si
  int postgraduate = 0;               ///< thac_si, tien_si
  int theoryIntermediateOrAbove = 0;  ///< trung_cap, cao_cap, cu_nhan
  int theoryAdvanced = 0;             ///< cao_cap, cu_nhan
  // Percentages of `members` in tenths; nullopt when the term has no seat.
  std::optional<int64_t> womenPercent;                      ///< women_percent
  std::optional<int64_t> ethnicMinorityPercent;             ///< ethnic_minority_percent
  std::optional<int64_t> womenEthnicMinorityPercent;        ///< women_ethnic_minority_percent
  std::optional<int64_t> age42OrUnderPercent;               ///< age_42_or_under_percent
  std::optional<int64_t> universityOrAbovePercent;          ///< university_or_above_percent
  std::optional<int64_t> postgraduatePercent;               ///< postgraduate_percent
  std::optional<int64_t> theoryIntermediateOrAbovePercent;  ///< theory_intermediate_or_above_percent
  std::optional<int64_t> theoryAdvancedPercent;             ///< theory_advanced_percent
};

/// Every figure of `report congress` (spec/congress-report.md).
struct CongressFigures {
  std::string committee;                    ///< the committee's name
  core::Date from;                          ///< first day of the period
  core::Date to;                            ///< last day of the period
  core::Date asOf;                          ///< the day standing figures are taken on
  CongressOrganizations organizations;      ///< "organizations"
  CongressMembers members;                  ///< "members"
  CongressAdmissions admissions;            ///< "admissions"
  std::vector<CongressRatingYear> ratings;  ///< "ratings", by year
  CongressInspections inspections;          ///< "inspections" (kinds other than giam_sat)
  CongressDiscipline discipline;            ///< "discipline"
  std::optional<CongressCommittee>
      committeeComposition;  ///< "committee_composition"; nullopt: null (no term)
  // Version 2 (spec/congress-report.md "Version 2").
  CongressInspections supervisions;                 ///< "supervisions": the same count over giam_sat
  CongressFounded organizationsFounded;             ///< "organizations_founded"
  std::vector<CongressMerged> organizationsMerged;  ///< "organizations_merged"
  /// "secretary_training"; nullopt: absent (no training recorded); empty: no year of the period ends in it.
  std::optional<std::vector<SecretaryTrainingYear>> secretaryTraining;
  std::optional<CongressRatingTargets> ratingTargets;  ///< "rating_targets"; nullopt: absent (neither target)
  std::vector<NextTermTarget>
      nextTermTargets;   ///< "next_term_targets"; empty when no term begins in as_of's year
  std::string nextTerm;  ///< the name of that term ("2025-2030"; not in the JSON)
};

/// The codes of chi_tieu.csv in their order (next_term_targets).
const std::vector<std::string>& targetCodes();

/// Computes the congress figures of the period [from, to] (both days included) with standing figures on
/// asOf. Needs Permission::ReadRegister (every role: the discipline figures are counts only, no case
/// content); the figures are always the whole committee's. Throws DataError when `to` is before `from`.
CongressFigures congressFigures(Services& services, const Actor& actor, const core::Date& from,
                                const core::Date& to, const core::Date& asOf);

}  // namespace dangbo::services
