#pragma once
// A year's announcement of days off, as a CSV file with the columns of data/holidays_vn.csv:
// date, kind (holiday | compensatory_off | working_swap, or their Vietnamese labels), name.
#include <string>
#include <vector>

#include "core/WorkCalendar.h"

namespace dangbo::exchange {

/// Parses the text of such a file (`fileName` names it in messages); throws core::DataError naming the
/// row and column of the first bad value.
std::vector<core::WorkCalendar::Entry> parseHolidayCsv(std::string_view text, const std::string& fileName);
/// Reads the file; throws core::DataError naming the file, row and column of the first bad value.
std::vector<core::WorkCalendar::Entry> readHolidayFile(const std::string& path);

}  // namespace dangbo::exchange
