#pragma once
// The reports other than the congress report, each as a plain ReportModel built from the dated history:
// organizations, the members' structure, the committee's composition, badges due at the next award day,
// and the period reports (admissions, ratings, discipline, deadlines) as printable models. (The register,
// Mẫu 7-HSĐV, is built in reports/ReportRegister with the register's columns of exchange.) Every table's
// Total rows are sums of its Body rows (checkTotals). Each needs Permission::ReadRegister.
#include <string>
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {

class Services;

/// Organizations existing on asOf: by category and kind, village cells with a cell committee, and the list
/// of cells with their members on the day.
ReportModel organizationsReport(Services& s, const Actor& actor, const core::Date& asOf);

/// The age bands of the members' structure on a day: the upper ends of the bands but the last
/// (rule report.age_bands, e.g. 30,35,...,60: "up to 30", "31-35", ..., "over 60").
std::vector<int> ageBandsOn(Services& s, const core::Date& on);
/// The label of band `i` of `bands` ("Từ 30 tuổi trở xuống", "Từ 31 - 35 tuổi", "Trên 60 tuổi").
std::string ageBandLabel(const std::vector<int>& bands, size_t i);
/// The band of an age (0 .. bands.size()).
size_t ageBandOf(const std::vector<int>& bands, int age);

/// The members active or exempt on asOf by age band, gender, ethnicity, religion, general education,
/// qualification, political theory, official/probationary, and exempt; a chart of the age bands.
ReportModel membersReport(Services& s, const Actor& actor, const core::Date& asOf);

/// The committee of the latest term beginning in or before asOf's year: seats by position, composition
/// (the congress definitions) and the list of its members.
ReportModel committeeReport(Services& s, const Actor& actor, const core::Date& asOf);

/// Members whose badge milestone (badge.milestones of party age) falls on the next award day on or after
/// asOf (badge.award_dates): counts by milestone and the list.
ReportModel badgesReport(Services& s, const Actor& actor, const core::Date& asOf);

/// Admissions per year of [from, to] against the yearly targets, with a chart.
ReportModel admissionsReport(Services& s, const Actor& actor, const core::Date& from, const core::Date& to,
                             const core::Date& asOf);
/// Ratings per year of [from, to] by level, the share good or better against the term's targets
/// (to_chuc_tot, dang_vien_tot), with a chart.
ReportModel ratingsReport(Services& s, const Actor& actor, const core::Date& from, const core::Date& to);
/// Discipline decisions by form, removals by ground and inspections by kind in [from, to].
ReportModel disciplineReport(Services& s, const Actor& actor, const core::Date& from, const core::Date& to);
/// The open deadlines on asOf by kind, and the list.
ReportModel deadlinesReport(Services& s, const Actor& actor, const core::Date& asOf);

}  // namespace dangbo::services
