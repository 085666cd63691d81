#include "exchange/Import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/Date.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "exchange/Csv.h"
#include "exchange/Xlsx.h"

namespace dangbo::exchange {

using core::DataError;
using core::format;
using core::tr;
using services::ImportColumn;
using services::ImportFile;
using services::ImportFileSpec;
using services::ImportType;

namespace {

std::string headerKey(std::string_view h) {
  return core::fold(core::normalizeText(h));
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string enumChoices(const core::EnumSet& set) {
  std::string out;
  for (const auto& it : set.items()) {
    out += out.empty() ? "" : ", ";
    out += std::string(core::tr(it.label)) + " [" + std::string(it.code) + "]";
  }
  return out;
}

std::string columnLabel(size_t index) {
  return format(tr("column {1}"), {std::to_string(index + 1)});
}

// Where an unterminated quote opens: the record number and field index, and the offset where that record
// starts.
struct QuoteSpot {
  int record = 0;
  size_t field = 0;
  size_t recordStart = 0;
};

std::optional<QuoteSpot> findOpenQuote(std::string_view text) {
  size_t base = 0;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") base = 3;
  int records = 0;
  size_t field = 0, start = base;
  bool inQuotes = false, content = false, fieldStart = true;
  QuoteSpot spot;
  for (size_t i = base; i < text.size(); ++i) {
    char c = text[i];
    if (inQuotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"')
          ++i;
        else
          inQuotes = false;
      }
      continue;
    }
    if (c == ',') {
      ++field;
      content = true;
      fieldStart = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (content) ++records;
      field = 0;
      content = false;
      fieldStart = true;
      start = i + 1;
    } else {
      if (c == '"' && fieldStart) {
        inQuotes = true;
        spot = {records + 1, field, start};
      }
      content = true;
      fieldStart = false;
    }
  }
  if (!inQuotes) return std::nullopt;
  return spot;
}

}  // namespace

std::string parseImportValue(const ImportColumn& column, const std::string& in, std::string& error) {
  error.clear();
  const std::string text = core::normalizeText(in);
  if (text.empty()) return {};
  switch (column.type) {
    case ImportType::Text:
    case ImportType::Code:
    case ImportType::Ethnic:
      return text;
    case ImportType::Date:
      if (auto d = core::Date::parse(text)) return d->iso();
      error = format(tr("\"{1}\" is not a valid date (dd/mm/yyyy or yyyy-mm-dd)."), {text});
      return {};
    case ImportType::BirthDate:
      if (auto d = core::PartialDate::parse(text)) return d->storage();
      error = format(tr("\"{1}\" is not a valid date (dd/mm/yyyy, mm/yyyy or yyyy)."), {text});
      return {};
    case ImportType::Enum:
      if (const core::EnumItem* it = column.set->match(text)) return std::string(it->code);
      error = format(tr("\"{1}\" is not one of: {2}."), {text, enumChoices(*column.set)});
      return {};
    case ImportType::YesNo: {
      std::string k = core::fold(text);
      if (k == "co" || k == "1" || k == "true") return "1";
      if (k == "khong" || k == "0" || k == "false") return "0";
      error = format(tr("\"{1}\" must be \"Có\" or \"Không\"."), {text});
      return {};
    }
    case ImportType::Year:
      if (text.size() == 4 && allDigits(text)) {
        int y = std::stoi(text);
        if (y >= core::Date::kMinYear && y <= core::Date::kMaxYear) return text;
      }
      error = format(tr("\"{1}\" is not a year."), {text});
      return {};
    case ImportType::Count:
      if (allDigits(text) && text.size() <= 6) return std::to_string(std::stoi(text));
      error = format(tr("\"{1}\" is not a whole number."), {text});
      return {};
    case ImportType::Number: {
      std::string t = text;
      if (!t.empty() && t.back() == '%') t = core::normalizeText(t.substr(0, t.size() - 1));
      std::replace(t.begin(), t.end(), ',', '.');
      double v = 0;
      auto r = std::from_chars(t.data(), t.data() + t.size(), v);
      if (r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(v) && v >= 0) {
        char buf[64];
        auto w = std::to_chars(buf, buf + sizeof buf, v);
        return std::string(buf, w.ptr);
      }
      error = format(tr("\"{1}\" is not a number."), {text});
      return {};
    }
    case ImportType::Cccd: {
      std::string digits;
      for (char c : text)
        if (c != ' ') digits += c;
      if (digits.size() == 12 && allDigits(digits)) return digits;
      error = format(tr("\"{1}\" is not a CCCD number: it must have exactly 12 digits."), {text});
      return {};
    }
    case ImportType::TermName: {
      std::string t;
      for (char c : text)
        if (c != ' ') t += c;
      if (t.size() == 9 && t[4] == '-' && allDigits(t.substr(0, 4)) && allDigits(t.substr(5))) {
        int from = std::stoi(t.substr(0, 4)), to = std::stoi(t.substr(5));
        if (from >= core::Date::kMinYear && to <= core::Date::kMaxYear && to >= from) return t;
      }
      error = format(tr("\"{1}\" is not a term such as 2025-2030."), {text});
      return {};
    }
  }
  return text;
}

ImportFile readImportTable(const ImportFileSpec& spec, const std::string& source,
                           const std::vector<std::vector<std::string>>& rows,
                           const std::vector<int>& rowNumbers) {
  ImportFile f;
  f.kind = spec.kind;
  f.source = source;
  if (rows.empty()) {
    f.problems.push_back(services::importProblem(source, 1, "", tr("the file has no header row.")));
    return f;
  }
  auto rowNo = [&](size_t i) { return i < rowNumbers.size() ? rowNumbers[i] : int(i + 1); };
  const auto& header = rows[0];
  std::vector<const ImportColumn*> byIndex(header.size(), nullptr);
  std::vector<bool> blank(header.size(), false);
  for (size_t i = 0; i < header.size(); ++i) {
    std::string written = core::normalizeText(header[i]);
    if (written.empty()) {
      blank[i] = true;
      continue;
    }
    const ImportColumn* match = nullptr;
    for (const auto& c : spec.columns)
      if (headerKey(c.header) == headerKey(written)) match = &c;
    if (!match) {
      f.problems.push_back(services::importProblem(
          source, rowNo(0), written,
          format(tr("this column is not in the template of {1}.csv (check its spelling)."), {spec.kind})));
      continue;
    }
    if (f.headers.count(match->field)) {
      f.problems.push_back(
          services::importProblem(source, rowNo(0), written, tr("the column appears twice.")));
      continue;
    }
    f.headers[match->field] = written;
    byIndex[i] = match;
  }
  for (const auto& c : spec.columns)
    if (!c.optional && !f.headers.count(c.field))
      f.problems.push_back(services::importProblem(source, rowNo(0), c.header, tr("the column is missing.")));

  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r];
    if (std::all_of(cells.begin(), cells.end(),
                    [](const std::string& c) { return core::normalizeText(c).empty(); }))
      continue;
    services::ImportRow row;
    row.row = rowNo(r);
    for (size_t i = 0; i < cells.size(); ++i) {
      bool stray = i >= header.size() || blank[i];
      if (stray && !core::normalizeText(cells[i]).empty())
        row.problems.push_back(services::importProblem(source, row.row, columnLabel(i),
                                                       tr("a value stands in a column without a header.")));
    }
    for (size_t i = 0; i < header.size(); ++i) {
      const ImportColumn* c = byIndex[i];
      if (!c) continue;
      std::string raw = i < cells.size() ? cells[i] : std::string();
      std::string error;
      std::string v = parseImportValue(*c, raw, error);
      if (!error.empty()) {
        row.problems.push_back(services::importProblem(source, row.row, f.headers[c->field], error));
        row.invalid.insert(c->field);
        v = core::normalizeText(raw);
      }
      row.values[c->field] = v;
    }
    f.rows.push_back(std::move(row));
  }
  return f;
}

ImportFile readImportCsv(const ImportFileSpec& spec, const std::string& source, std::string_view text) {
  if (!core::isValidUtf8(text)) {
    ImportFile f;
    f.kind = spec.kind;
    f.source = source;
    f.problems.push_back(format(tr("{1} is not UTF-8 text: save it from Excel as \"CSV UTF-8\"."), {source}));
    return f;
  }
  try {
    CsvTable t = parseCsv(text, source);
    std::vector<int> numbers;
    for (size_t i = 0; i < t.rows.size(); ++i) numbers.push_back(int(i + 1));
    return readImportTable(spec, source, t.rows, numbers);
  } catch (const DataError& e) {
    ImportFile f;
    f.kind = spec.kind;
    f.source = source;
    if (auto spot = findOpenQuote(text)) {
      std::string column = columnLabel(spot->field);
      if (spot->record > 1) {
        try {
          CsvTable head = parseCsv(text.substr(0, spot->recordStart), source);
          if (!head.rows.empty() && spot->field < head.rows[0].size() &&
              !core::normalizeText(head.rows[0][spot->field]).empty())
            column = core::normalizeText(head.rows[0][spot->field]);
        } catch (const DataError&) {
        }
      }
      f.problems.push_back(
          services::importProblem(source, spot->record, column, tr("a quote is opened and never closed.")));
    } else {
      f.problems.push_back(e.what());
    }
    return f;
  }
}

services::ImportBatch readImportFolder(const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw DataError(format(tr("The folder {1} does not exist."), {folder.string()}));
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.is_regular_file()) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  std::map<std::string, ImportFile> found;
  services::ImportBatch batch;
  for (const auto& p : entries) {
    std::string name = p.filename().string();
    std::string key = headerKey(name);
    const ImportFileSpec* spec = nullptr;
    if (key.size() > 4 && key.substr(key.size() - 4) == ".csv")
      spec = services::importFileSpec(key.substr(0, key.size() - 4));
    if (!spec || found.count(spec->kind)) {
      batch.notices.push_back(format(tr("{1} is not one of the import files: ignored."), {name}));
      continue;
    }
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    found[spec->kind] = readImportCsv(*spec, name, ss.str());
  }
  for (const auto& spec : services::importFileSpecs())
    if (auto it = found.find(spec.kind); it != found.end()) batch.files.push_back(std::move(it->second));
  return batch;
}

services::ImportBatch readImportWorkbook(const std::filesystem::path& xlsx) {
  std::vector<XlsxSheet> sheets = readXlsx(xlsx);
  const std::string book = xlsx.filename().string();
  std::map<std::string, ImportFile> found;
  services::ImportBatch batch;
  for (auto& sheet : sheets) {
    std::string key = headerKey(sheet.name);
    if (key.size() > 4 && key.substr(key.size() - 4) == ".csv") key = key.substr(0, key.size() - 4);
    const ImportFileSpec* spec = services::importFileSpec(key);
    if (!spec || found.count(spec->kind)) {
      batch.notices.push_back(
          format(tr("{1}: the sheet {2} is not one of the import files: ignored."), {book, sheet.name}));
      continue;
    }
    std::vector<std::vector<std::string>> rows;
    std::vector<int> numbers;
    for (auto& r : sheet.rows) {
      rows.push_back(std::move(r.cells));
      numbers.push_back(r.number);
    }
    found[spec->kind] =
        readImportTable(*spec, format(tr("{1}, sheet {2}"), {book, sheet.name}), rows, numbers);
  }
  for (const auto& spec : services::importFileSpecs())
    if (auto it = found.find(spec.kind); it != found.end()) batch.files.push_back(std::move(it->second));
  return batch;
}

services::ImportBatch readImport(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return readImportFolder(path);
  std::string ext = core::fold(path.extension().string());
  if (ext == ".xlsx" && std::filesystem::is_regular_file(path, ec)) return readImportWorkbook(path);
  throw DataError(format(tr("{1} is neither a folder of CSV files nor an .xlsx workbook."), {path.string()}));
}

std::vector<std::filesystem::path> writeImportTemplates(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  std::vector<std::filesystem::path> out;
  for (const auto& spec : services::importFileSpecs()) {
    std::string line = "\xEF\xBB\xBF";
    bool first = true;
    for (const auto& c : spec.columns) {
      if (!first) line += ',';
      first = false;
      line += csvField(c.header);
    }
    line += "\r\n";
    auto p = folder / (std::string(spec.kind) + ".csv");
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f << line;
    if (!f) throw DataError(format(tr("Cannot write the file {1}."), {p.string()}));
    out.push_back(p);
  }
  return out;
}

}  // namespace dangbo::exchange
