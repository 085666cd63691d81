#pragma once
// The import template as one Excel workbook (`dangbo-cli templates --out mau.xlsx`, and the window's import
// wizard): a sheet per import file with its header, an example row (its first cell begins with "Ví dụ", and
// the import skips that row), the allowed values of each list column as a drop-down (data validation on a
// hidden sheet of values), and the code, CCCD and other identifier columns formatted as text so that Excel
// keeps their leading zeros.
#include <filesystem>
#include <string>
#include <vector>

namespace dangbo::exchange {

/// The first cell of a template's example row begins with this ("Ví dụ").
extern const char* const kExampleMark;
/// True when a row's first cell marks the template's example row.
bool isExampleRow(const std::vector<std::string>& cells);

/// Writes the workbook to `out` (through a temporary file renamed on success); `ethnicGroups` are the names
/// offered in the ethnicity columns. Throws DataError when the file cannot be written.
void writeImportTemplateWorkbook(const std::filesystem::path& out,
                                 const std::vector<std::string>& ethnicGroups);

}  // namespace dangbo::exchange
