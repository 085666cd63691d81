#pragma once
// A minimal .xlsx reader (libzip + expat): the worksheets of a workbook as rows of text cells.
// Shared strings (with rich text runs), inline strings, numbers, booleans; numbers in date-formatted
// cells become ISO dates (1900 date system with its day-60 bug, or 1904).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Date.h"

namespace dangbo::exchange {

/// One row of a worksheet.
struct XlsxRow {
  int number = 0;                  ///< the sheet's row number (1-based)
  std::vector<std::string> cells;  ///< by column from A; gaps are empty strings
};

/// One worksheet.
struct XlsxSheet {
  std::string name;           ///< the tab's name
  std::vector<XlsxRow> rows;  ///< rows that have at least one cell, in order
};

/// Reads every worksheet in workbook order; throws core::DataError naming the file when it is not a readable
/// workbook.
std::vector<XlsxSheet> readXlsx(const std::filesystem::path& path);
/// The same from a workbook in memory, named `name` in messages (the fuzz target's door).
std::vector<XlsxSheet> readXlsxBytes(std::string_view bytes, const std::string& name);
/// The 0-based column of a cell reference ("A1" -> 0, "AB12" -> 27); -1 when it has no column letters.
int xlsxColumnIndex(std::string_view ref);
/// The row number of a cell reference ("AB12" -> 12); 0 when it has none.
int xlsxRowNumber(std::string_view ref);
/// The date of an Excel serial day number (fraction ignored); nullopt for the 1900 system's fictitious
/// 29/02/1900 (60).
std::optional<core::Date> excelSerialDate(double serial, bool date1904 = false);
/// True when a number format shows a date: built-in formats 14-22, or a custom code with d, m or y outside
/// quotes.
bool isDateFormat(int numFmtId, std::string_view formatCode);

}  // namespace dangbo::exchange
