#pragma once
// A cell's rating list for a year, printable: the party document header of the cell, one row per member
// (self-assessment, the cell's proposal, the committee's decision, the score and a note saying why a member
// is not rated, was disciplined or keeps a level by the office's exception) and the counts per level.
#include <filesystem>
#include <string>
#include <vector>

#include "core/Records.h"
#include "reports/Document.h"
#include "services/Ratings.h"

namespace dangbo::reports {

/// What the list is about.
struct RatingSheetInfo {
  int year = 0;             ///< the rated year
  std::string cellCode;     ///< "CB01"
  std::string cellName;     ///< "Chi bộ bản Nà Ớt"
  std::string roundStatus;  ///< open | locked | "" (no round)
};

/// The list as a document: header block (the committee above, the cell below), title with the year, the
/// members' table (members not rated keep their row with the reason and no level), and a table of the
/// committee's levels among the rated with the share of each and of good or better.
Document ratingSheetDocument(const core::CommitteeInfo& committee, const RatingSheetInfo& info,
                             const std::vector<services::RatingSheetRow>& rows);

/// Writes ratingSheetDocument() as a PDF. Throws std::runtime_error when the file cannot be written.
void writeRatingSheetPdf(const std::filesystem::path& out, const core::CommitteeInfo& committee,
                         const RatingSheetInfo& info, const std::vector<services::RatingSheetRow>& rows);

}  // namespace dangbo::reports
