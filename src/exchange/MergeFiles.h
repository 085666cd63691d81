#pragma once
// The files of a merge (spec/merger.md): each source (a dangbo file, a folder of CSV files or an .xlsx
// workbook) read with its SHA-256 checksum, the cell map MAP.csv and the same-person decisions PAIRS.csv. A
// file that is none of these, or is hostile (too large, not UTF-8, broken quoting), is refused naming it.
#include <filesystem>
#include <string>
#include <vector>

#include "services/Merge.h"

namespace dangbo::exchange {

/// Splits "NAME=PATH" (the --source argument); throws core::DataError when there is no '='.
std::pair<std::string, std::string> splitSourceArgument(const std::string& argument);
/// Reads one source named `name` (the former commune) from `path`, with its checksum.
services::MergeSource readMergeSource(const std::string& name, const std::filesystem::path& path);
/// Reads MAP.csv (Đơn vị cũ, Mã chi bộ cũ, Mã chi bộ mới, Tên chi bộ mới, optional Loại, Khối).
std::vector<services::MergeCellRow> readCellMap(const std::filesystem::path& path);
/// Reads the text of a cell map (as MAP.csv) typed in the window; `name` names it in messages.
std::vector<services::MergeCellRow> parseCellMap(const std::string& text, const std::string& name);
/// Reads PAIRS.csv (Đơn vị cũ 1, Mã 1, Đơn vị cũ 2, Mã 2, Quyết định).
std::vector<services::MergePairRow> readPairDecisions(const std::filesystem::path& path);
/// Writes the proposed pairs as a PAIRS.csv to fill (the decision column empty unless decided).
void writePairDecisions(const std::filesystem::path& path, const std::vector<services::MergePair>& pairs);
/// The hex SHA-256 of a file, or of a folder's files (names and contents, in name order).
std::string sourceChecksum(const std::filesystem::path& path);

}  // namespace dangbo::exchange
