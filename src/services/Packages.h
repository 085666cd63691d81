#pragma once
// Offline work of a cell (issue 9), as use cases: the office exports the content of a cell package, a cell
// file is made from it, the cell's changes are collected against the values as opened, and the office
// reviews and applies a change package in one transaction. The file format lives in exchange/CellPackage.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/PackageData.h"
#include "core/Progress.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// Where a cell file came from (empty export id: an office file).
struct CellFileInfo {
  std::string exportId, officeId, committee, cellCode, openedAt;
  int64_t officeRevision = 0;
  int64_t cellId = 0;
  std::string cellName;    ///< the cell's name (from the cell's own row when the file did not record it)
  std::string exportedAt;  ///< when the office exported the package ("" in a file made before schema step 9)
  std::string exportedBy;  ///< the office account that exported it
};

/// One change of a change package as the office sees it.
struct ReviewItem {
  core::FieldChange change;
  std::string fieldLabel;          ///< the field for people ("Số điện thoại")
  core::PackageValue officeValue;  ///< the office's value now
  bool conflict = false;           ///< the office changed the field too since the export
  bool unchanged = false;          ///< the office already has the cell's new value: nothing to do
  bool newRecord = false;          ///< a field of a row the cell added that the office does not have yet
};

/// A change package checked against the office file.
struct Review {
  core::ChangePackage package;
  std::vector<ReviewItem> items;
  int conflicts() const;
};

/// Which side wins one item of a review.
enum class Choice { Cell, Office };

/// The package use cases on one open file.
class Packages {
 public:
  explicit Packages(Services& s) : s_(s) {}

  /// Office: the content of a cell package for the cell `cellCode`, and records the export (a later change
  /// package must come from the newest export of its cell). `deliver` (e.g. writing the file) runs inside the
  /// same transaction: when it throws, the export is not recorded. Needs WriteRegister.
  core::CellPackage exportCell(const Actor& actor, const std::string& cellCode,
                               const std::function<void(const core::CellPackage&)>& deliver = {});
  /// Cell: creates the cell file `path` from a package; refuses an existing file.
  static std::unique_ptr<Services> createCellFile(const std::filesystem::path& path,
                                                  const core::CellPackage& pkg);
  /// Where this file came from; nullopt for an office file.
  std::optional<CellFileInfo> cellOrigin();
  /// Cell: the changes made since the package was opened, as a change package by `secretary` (when empty,
  /// the acting user's name): the changed fields of members, candidates and ratings the package carried,
  /// and the rows the cell added (a rating proposed for a member who had none, people checked and helpers
  /// of a candidate's stages), field by field. Throws DataError in an office file.
  core::ChangePackage changes(const Actor& actor, const std::string& secretary);
  /// Cell: what was changed in this file since the package was opened that a change package cannot carry
  /// (a member or candidate added, a row deleted, an event recorded in a member's history, a field the
  /// office keeps such as a member's code or cell), one line each for people. It stays in the cell file;
  /// the office must be told. Empty in a file made by an earlier version. Throws DataError in an office file.
  std::vector<std::string> unsentChanges();
  /// Office: checks a change package against this file and lists its changes with the office's values.
  /// Throws DataError (nothing written) for another committee's package, one made from an export that is
  /// not the newest of its cell, one already applied, or one that touches records outside its cell.
  Review review(const core::ChangePackage& pkg);
  /// Office: applies the changes of `pkg`: a change without a conflict is taken from the cell, a conflict
  /// as `choices[i]` says; a row the cell added is inserted whole (when the office has added the same row
  /// meanwhile, found by its natural key, its fields are compared like changes) (`choices` has one entry per
  /// item of review(pkg); missing entries of conflicts are refused). One transaction, one audit row per
  /// applied change naming the secretary. Returns how many fields were changed. Needs WriteRegister.
  /// `progress` (may be null) follows the changes; cancelling throws core::Cancelled and writes nothing.
  int apply(const Actor& actor, const core::ChangePackage& pkg, const std::vector<Choice>& choices,
            core::Progress* progress = nullptr);

 private:
  Services& s_;
};

/// The Vietnamese label of a field of members, candidates or ratings (the column name when unknown).
std::string packageFieldLabel(const std::string& table, const std::string& column);
/// The Vietnamese name of a table a change may touch.
std::string packageTableLabel(const std::string& table);

}  // namespace dangbo::services
