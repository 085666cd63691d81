#pragma once
// The content of cell packages (office -> cell) and change packages (cell -> office), independent of
// how they are stored: the rows of a cell as typed values, and field changes with their old and new values.
#include <cstdint>
#include <string>
#include <vector>

namespace dangbo::core {

/// One stored value as carried in a package (an SQLite value: its type and its bytes).
struct PackageValue {
  enum Kind : uint8_t { Null = 0, Integer = 1, Real = 2, Text = 3, Blob = 4 };
  uint8_t kind = Null;
  std::string data;  ///< integer and real as decimal text, text as UTF-8, blob as bytes; empty for Null
  bool operator==(const PackageValue&) const = default;
  /// The value for a person to read: "" for NULL, "<n byte>" for a blob.
  std::string display() const;
  static PackageValue text(std::string s) { return {Text, std::move(s)}; }
  static PackageValue integer(int64_t v) { return {Integer, std::to_string(v)}; }
};

/// One row: its rowid and its values in the order of the table's columns.
struct PackageRow {
  int64_t id = 0;
  std::vector<PackageValue> values;
};

/// The rows of one table that a package carries.
struct PackageTable {
  std::string name;
  std::vector<std::string> columns;
  std::vector<PackageRow> rows;
};

/// What the office sends to a cell: its rows and the settings they need.
struct CellPackage {
  std::string exportId;        ///< random id of this export (recorded by the office)
  std::string officeId;        ///< the office file's identity
  int64_t officeRevision = 0;  ///< the office file's revision when exported
  std::string committee;       ///< the committee's name
  int64_t cellId = 0;
  std::string cellCode, cellName;
  std::string exportedAt, exportedBy;
  std::vector<PackageTable> tables;
};

/// One field changed in the cell: of a row the package carried (Update), or of a row the cell added (Insert:
/// a rating proposed for a member who had none, a person checked or a helper assigned at a candidate's
/// stage).
struct FieldChange {
  enum Kind : uint8_t { Update = 0, Insert = 1 };
  std::string table;        ///< members | candidates | ratings (Update); ratings | candidate_checks |
                            ///< candidate_helpers (Insert)
  int64_t recordId = 0;     ///< Update: the row's id (the same at the office and in the cell); Insert: the
                            ///< row's id in the cell file (groups the fields of one new row)
  std::string recordLabel;  ///< for people: "Name (code)"
  std::string column;
  PackageValue oldValue;  ///< as opened from the cell package (Insert: Null, the row did not exist)
  PackageValue newValue;  ///< as saved in the cell
  uint8_t kind = Update;  ///< since format version 2 of the class; older packages hold only updates
  /// Insert: the columns that find the row at the office (its natural key, e.g. year, subject_type and
  /// subject_id of a rating) and their values; empty for an update.
  std::vector<std::string> keyColumns{};
  std::vector<PackageValue> keyValues{};
};

/// What a cell sends back: only its changes and the export they were made against.
struct ChangePackage {
  std::string packageId;  ///< random id of this change package (the office applies it once)
  std::string exportId;   ///< the cell package it was made from
  std::string officeId;
  int64_t baseRevision = 0;  ///< the office revision of that export
  std::string committee;
  int64_t cellId = 0;
  std::string cellCode;
  std::string secretary;  ///< who made the changes
  std::string createdAt;
  std::vector<FieldChange> changes;
};

}  // namespace dangbo::core
