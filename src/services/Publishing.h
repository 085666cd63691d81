#pragma once
// Publishing a report: a report sent to the congress or the province is frozen. Its model, archived by
// reports/ReportArchive, is stored with the date, the user and the options, and reprints exactly as it
// was however the register changes afterwards.
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// A published report.
struct Published {
  core::Id id = 0;          ///< its number
  std::string name;         ///< the report's name ("congress")
  std::string title;        ///< as printed
  std::string options;      ///< "from=2020-08-01 to=2025-07-31 as_of=2025-07-31"
  std::string publishedAt;  ///< ISO date and time (UTC)
  std::string username;     ///< who published it
  std::string archive;      ///< the frozen model (empty in listings)
};

/// Stores a published report in one transaction with its audit row; needs ReadRegister (every role that can
/// make the report may publish it). Returns its number.
core::Id publishReport(Services& s, const Actor& actor, const std::string& name, const std::string& title,
                       const std::string& options, const std::string& archive);
/// The published reports the actor may read, newest first, without their archives. Needs ReadRegister. A
/// report is read only by accounts that may read everything in it: one made for the whole commune not by a
/// cell secretary; one made for a cell by that cell's secretary or the commune's accounts; one made by a role
/// that reads case files only by such a role. The maker's scope is kept in its options ("by_role=", "cell=").
std::vector<Published> publishedReports(Services& s, const Actor& actor);
/// One published report with its archive; DataError when there is none with this number, PermissionError when
/// the actor may not read all of it.
Published publishedReport(Services& s, const Actor& actor, core::Id id);

}  // namespace dangbo::services
