#pragma once
// A report frozen for publishing: its model (the congress figures, or the ReportModel of another report),
// the committee's identity as printed in its header, and the options it was made with, written as a
// versioned Boost.Serialization archive (the model column of published_reports).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Records.h"
#include "services/CongressReport.h"
#include "services/ReportModel.h"

namespace dangbo::reports {

/// A report as made: what it takes to print it again exactly.
struct FrozenReport {
  std::string name;                                   ///< "congress", "members", ...
  core::Date from, to, asOf;                          ///< the options it was made with
  core::CommitteeInfo committee;                      ///< the header block's names at the time
  std::optional<services::CongressFigures> congress;  ///< the congress report's figures
  std::optional<services::ReportModel> model;         ///< any other report's model
  /// A reprint of a published report: its number and the day it was published (not archived: set by
  /// loadPublished from the register's record). The printed document says so on its last line.
  std::optional<std::pair<core::Id, core::Date>> published;
  /// The office's template folder (FOLDER_OF_REGISTER/mau-bao-cao; not archived): its copy of a report's
  /// template is used when present.
  std::string templateFolder;
  /// A report of one former commune (ReportRequest::origin): its name as recorded, "" for the whole register
  /// (not archived: such a report is printed, not published).
  std::string origin;
  /// A congress report with --by-origin: the same figures of each origin ("" for the cells without one), in
  /// the order of services::reportOrigins (not archived). A model report takes its origins' tables into its
  /// model instead.
  std::vector<std::pair<std::string, services::CongressFigures>> congressByOrigin;
  /// A preview of the register holding only its first rows (ReportRequest::firstRows): the number of members
  /// of the whole register; -1 when the report is whole. Not archived. Such a report is shown, never written
  /// to a file nor published (writeRegisterReportFile writes the register as it is read).
  int64_t wholeRows = -1;
};

/// The archive of a frozen report (Boost.Serialization, portable text archive, class versions recorded).
std::string archiveReport(const FrozenReport& r);
/// Reads an archive written by archiveReport (this version or an older one). Throws core::DataError when
/// the bytes are not such an archive.
FrozenReport unarchiveReport(const std::string& bytes);

}  // namespace dangbo::reports
