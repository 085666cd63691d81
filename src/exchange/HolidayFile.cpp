#include "exchange/HolidayFile.h"

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "exchange/Csv.h"

namespace dangbo::exchange {

using core::DataError;
using core::format;
using core::tr;

namespace {
std::vector<core::WorkCalendar::Entry> fromTable(const CsvTable& t, const std::string& path);
}  // namespace

std::vector<core::WorkCalendar::Entry> readHolidayFile(const std::string& path) {
  CsvTable t = readCsvFile(path);
  return fromTable(t, path);
}

std::vector<core::WorkCalendar::Entry> parseHolidayCsv(std::string_view text, const std::string& fileName) {
  return fromTable(parseCsv(text, fileName), fileName);
}

namespace {
std::vector<core::WorkCalendar::Entry> fromTable(const CsvTable& t, const std::string& path) {
  if (t.rows.empty()) throw DataError(format(tr("{1} is empty."), {path}));
  int colDate = -1, colKind = -1, colName = -1;
  const auto& header = t.rows[0];
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = core::fold(header[i]);
    if (h == "date" || h == "ngay")
      colDate = int(i);
    else if (h == "kind" || h == "loai")
      colKind = int(i);
    else if (h == "name" || h == "ten")
      colName = int(i);
    else
      throw DataError(
          format(tr("{1}, row 1: unknown column \"{2}\" (expected: date, kind, name)."), {path, header[i]}));
  }
  if (colDate < 0 || colKind < 0)
    throw DataError(format(tr("{1}: the columns \"date\" and \"kind\" are required."), {path}));
  std::vector<core::WorkCalendar::Entry> out;
  for (size_t r = 1; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    auto cell = [&](int c) {
      return c >= 0 && size_t(c) < row.size() ? core::normalizeText(row[c]) : std::string();
    };
    std::string rowNo = std::to_string(r + 1);
    if (row.size() > header.size())
      throw DataError(
          format(tr("{1}, row {2}: {3} values for {4} columns (a comma inside a value needs quotes)."),
                 {path, rowNo, std::to_string(row.size()), std::to_string(header.size())}));
    auto d = core::Date::parse(cell(colDate));
    if (!d)
      throw DataError(
          format(tr("{1}, row {2}, column {3}: \"{4}\" is not a date (dd/mm/yyyy or yyyy-mm-dd)."),
                 {path, rowNo, header[colDate], cell(colDate)}));
    const core::EnumItem* k = core::enums::holidayKind.match(cell(colKind));
    if (!k)
      throw DataError(
          format(tr("{1}, row {2}, column {3}: \"{4}\" is not a kind of day (holiday, compensatory_off, "
                    "working_swap)."),
                 {path, rowNo, header[colKind], cell(colKind)}));
    out.push_back({*d, *core::WorkCalendar::kindFromCode(k->code), cell(colName)});
  }
  return out;
}
}  // namespace

}  // namespace dangbo::exchange
