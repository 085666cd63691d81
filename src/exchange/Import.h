#pragma once
// Reading the office's import files (spec/import.md): a folder of CSV files or one .xlsx workbook whose
// sheets carry the file names without ".csv". Headers are matched ignoring case, surrounding spaces and
// diacritics; values are parsed into their canonical form (ISO dates, enumeration codes, ...). Every
// problem is collected with its file, row and column: planImport/applyImport (services/Import.h) refuse
// the import when there is any.
#include <filesystem>
#include <string>
#include <vector>

#include "services/Import.h"

namespace dangbo::exchange {

/// Reads a folder of CSV files or a .xlsx workbook; throws core::DataError when the path is neither
/// (or the workbook cannot be opened at all). Problems inside the files are in the batch. Its files are named
/// in messages by their file name ("dang_vien.csv", "ds.xlsx, sheet dang_vien"), or with `namedWithPath`
/// by their path as given ("tinh1/dang_vien.csv").
services::ImportBatch readImport(const std::filesystem::path& path, bool namedWithPath = false);
/// Reads several folders or workbooks as one import (written in one transaction, so that a large register
/// sent as several files is loaded once: spec/import.md's files of each, in that order, those of the same
/// kind in the order of `paths`). With more than one, every file is named with its folder or workbook as
/// given ("tinh1/dang_vien.csv"); a path named twice is refused (core::DataError).
services::ImportBatch readImports(const std::vector<std::filesystem::path>& paths);
/// Reads the CSV files of a folder (files that are absent are skipped, other files named in a notice).
services::ImportBatch readImportFolder(const std::filesystem::path& folder, bool namedWithPath = false);
/// Reads the sheets of a workbook named like the files (other sheets named in a notice).
services::ImportBatch readImportWorkbook(const std::filesystem::path& xlsx, bool namedWithPath = false);
/// Reads the text of one CSV file of kind `spec` (BOM allowed); `source` names it in messages.
services::ImportFile readImportCsv(const services::ImportFileSpec& spec, const std::string& source,
                                   std::string_view text);
/// Turns a table (header first) into the rows of one file; `rowNumbers` gives each row's number in messages.
services::ImportFile readImportTable(const services::ImportFileSpec& spec, const std::string& source,
                                     const std::vector<std::vector<std::string>>& rows,
                                     const std::vector<int>& rowNumbers);
/// Parses one cell of column `column`: the canonical value, or "" with a Vietnamese reason in `error`.
std::string parseImportValue(const services::ImportColumn& column, const std::string& text,
                             std::string& error);
/// Writes the empty template (header row, UTF-8 with BOM) of every file into `folder`, creating it; returns
/// the paths.
std::vector<std::filesystem::path> writeImportTemplates(const std::filesystem::path& folder);

}  // namespace dangbo::exchange
