#pragma once
// Published reports (published_reports): a report frozen when it was sent to the congress or the
// province, its model kept as an archive so that it reprints exactly as it was.
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// One published report. `model` is the archive (bytes) written by reports/ReportArchive.
struct PublishedReport {
  core::Id id = 0;          ///< row id: the number given to `report --id`
  std::string name;         ///< the report's name ("congress")
  std::string title;        ///< its title as printed
  std::string options;      ///< the options it was made with ("from=2020-08-01;to=...;as_of=...")
  std::string publishedAt;  ///< when (ISO date and time, UTC)
  std::string username;     ///< who published it
  std::string model;        ///< the archive; empty in listings
};

/// Stores a published report; returns its id.
core::Id insertPublishedReport(Database& db, const PublishedReport& r);
/// Every published report without its model, newest first.
std::vector<PublishedReport> listPublishedReports(Database& db);
/// One published report with its model; nullopt when there is no such id.
std::optional<PublishedReport> findPublishedReport(Database& db, core::Id id);

}  // namespace dangbo::store
