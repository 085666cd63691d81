#pragma once
// RFC 4180 CSV: comma separated, double-quoted fields, a byte-order mark allowed.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dangbo::exchange {

/// A parsed CSV file: rows of fields, each row with the file line it started on.
struct CsvTable {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;  ///< 1-based line of each row's start
};

/// Parses CSV text; throws core::DataError naming `fileName` and the line for an unterminated quote
/// or text after a closing quote. Empty lines are skipped.
CsvTable parseCsv(std::string_view text, const std::string& fileName);
/// Reads and parses a file; throws core::DataError when it cannot be read or is not UTF-8.
CsvTable readCsvFile(const std::string& path);
/// Refuses (core::DataError naming it) a file larger than a CSV file of the register can be.
void checkCsvSize(const std::filesystem::path& path);
/// Quotes a field when needed.
std::string csvField(std::string_view s);

}  // namespace dangbo::exchange
