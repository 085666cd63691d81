#include "exchange/Csv.h"

#include <fstream>
#include <sstream>

#include "core/Csv.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "exchange/InputLimits.h"

namespace dangbo::exchange {

using core::DataError;
using core::format;
using core::tr;

CsvTable parseCsv(std::string_view text, const std::string& fileName) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvTable t;
  std::vector<std::string> row;
  std::string field;
  bool inQuotes = false, afterQuote = false, rowHasContent = false;
  int line = 1, rowLine = 1, quoteLine = 1;
  auto endField = [&] {
    if (field.size() > limits::kMaxCellBytes)
      throw DataError(format(tr("{1}, line {2}: a cell is longer than {3} characters. Nothing was read."),
                             {fileName, std::to_string(rowLine), "32.767"}));
    if (row.size() >= size_t(limits::kMaxColumns))
      throw DataError(format(tr("{1}, line {2}: more than {3} columns. Nothing was read."),
                             {fileName, std::to_string(rowLine), std::to_string(limits::kMaxColumns)}));
    row.push_back(std::move(field));
    field.clear();
    afterQuote = false;
  };
  auto endRow = [&] {
    endField();
    bool blank = row.size() == 1 && row[0].empty() && !rowHasContent;
    if (!blank) {
      if (t.rows.size() >= size_t(limits::kMaxRows))
        throw DataError(format(tr("{1}: more than {2} rows. Nothing was read."),
                               {fileName, std::to_string(limits::kMaxRows)}));
      t.rows.push_back(std::move(row));
      t.lines.push_back(rowLine);
    }
    row.clear();
    rowHasContent = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inQuotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
        if (field.size() > limits::kMaxCellBytes) endField();  // refused there
      }
      continue;
    }
    if (c == ',') {
      endField();
      rowHasContent = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      endRow();
      ++line;
      rowLine = line;
    } else if (c == '"' && field.empty() && !afterQuote) {
      inQuotes = true;
      quoteLine = line;
      rowHasContent = true;
    } else if (afterQuote) {
      if (c == ' ' || c == '\t') continue;
      throw DataError(format(tr("{1}, line {2}: unexpected text after a closing quote."),
                             {fileName, std::to_string(line)}));
    } else {
      field += c;
      rowHasContent = true;
    }
  }
  if (inQuotes)
    throw DataError(format(tr("{1}, line {2}: a quote is opened and never closed."),
                           {fileName, std::to_string(quoteLine)}));
  if (!field.empty() || !row.empty() || rowHasContent) endRow();
  return t;
}

void checkCsvSize(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits::kMaxCsvBytes)
    throw DataError(format(tr("{1} is larger than {2} MB: far more than a register. Nothing was read."),
                           {path.string(), std::to_string(limits::kMaxCsvBytes >> 20)}));
}

CsvTable readCsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(format(tr("Cannot read the file {1}."), {path}));
  checkCsvSize(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (!core::isValidUtf8(text))
    throw DataError(format(tr("{1} is not UTF-8 text: save it from Excel as \"CSV UTF-8\"."), {path}));
  return parseCsv(text, path);
}

std::string csvField(std::string_view s) {
  return core::csvField(s);
}

}  // namespace dangbo::exchange
