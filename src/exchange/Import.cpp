#include "exchange/Import.h"
#include "exchange/ImportTemplate.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "core/Date.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/Pipeline.h"
#include "core/Platform.h"
#include "core/VietText.h"
#include "exchange/Csv.h"
#include "exchange/InputLimits.h"
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

namespace {

// True when normalizeText(s) == s for sure: printable ASCII with single inner spaces (the common cell).
bool alreadyNormal(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  char prev = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7F) return false;
    if (c == ' ' && prev == ' ') return false;
    prev = c;
  }
  return true;
}

// True when normalizeText would return `s` unchanged, for text known to be valid UTF-8 (a precomposed
// Vietnamese letter is already what normalizeText makes of it). Refused, and so left to normalizeText: a
// control character, a combining mark (lead bytes CC, CD), a space at either end or twice in a row, and
// the bytes that begin the other white spaces (C2 85, C2 A0, E1 9A, E2 80, E2 81, E3 80; some characters
// that are not spaces begin so too: they only take the slower way).
bool alreadyNormalUtf8(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0xCC || b == 0xCD) return false;
    if (i + 1 == s.size()) break;
    const auto n = static_cast<unsigned char>(s[i + 1]);
    if ((b == ' ' && n == ' ') || (b == 0xC2 && (n == 0x85 || n == 0xA0)) || (b == 0xE1 && n == 0x9A) ||
        (b == 0xE2 && (n == 0x80 || n == 0x81)) || (b == 0xE3 && n == 0x80))
      return false;
  }
  return true;
}

// True when the cell normalizes to nothing (quick answer for a cell with a visible ASCII character).
bool blankCell(std::string_view s) {
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b > 0x20 && b < 0x7F) return false;
  }
  return core::normalizeText(s).empty();
}

// Parses the already normalized, non-empty `text` of a cell of `column` into `out`.
void parseNormalized(const ImportColumn& column, std::string_view text, std::string& out,
                     std::string& error) {
  out.clear();
  switch (column.type) {
    case ImportType::Code:
      // Codes in capitals (cb07 is the cell CB07, never a new one); invisible characters refused.
      error = core::hiddenCharacterProblem(text, column.header);
      if (error.empty()) out = core::toUpper(text);
      return;
    case ImportType::Text:
    case ImportType::Ethnic:
      error = core::hiddenCharacterProblem(text, column.header);
      if (error.empty()) out.assign(text);
      return;
    case ImportType::Date:
      if (auto d = core::Date::parse(text)) {
        out = d->iso();
        return;
      }
      error = format(tr("\"{1}\" is not a valid date (dd/mm/yyyy or yyyy-mm-dd)."), {std::string(text)});
      return;
    case ImportType::BirthDate:
      if (auto d = core::PartialDate::parse(text)) {
        out = d->storage();
        return;
      }
      error = format(tr("\"{1}\" is not a valid date (dd/mm/yyyy, mm/yyyy or yyyy)."), {std::string(text)});
      return;
    case ImportType::Enum:
      if (const core::EnumItem* it = column.set->match(text)) {
        out.assign(it->code);
        return;
      }
      error = format(tr("\"{1}\" is not one of: {2}."), {std::string(text), enumChoices(*column.set)});
      return;
    case ImportType::YesNo: {
      std::string k = core::fold(text);
      if (k == "co" || k == "1" || k == "true") {
        out = "1";
        return;
      }
      if (k == "khong" || k == "0" || k == "false") {
        out = "0";
        return;
      }
      error = format(tr("\"{1}\" must be \"Có\" or \"Không\"."), {std::string(text)});
      return;
    }
    case ImportType::Year:
      if (text.size() == 4 && allDigits(text)) {
        int y = std::stoi(std::string(text));
        if (y >= core::Date::kMinYear && y <= core::Date::kMaxYear) {
          out.assign(text);
          return;
        }
      }
      error = format(tr("\"{1}\" is not a year."), {std::string(text)});
      return;
    case ImportType::Count:
      if (allDigits(text) && text.size() <= 6) {
        out = std::to_string(std::stoi(std::string(text)));
        return;
      }
      error = format(tr("\"{1}\" is not a whole number."), {std::string(text)});
      return;
    case ImportType::Number: {
      std::string t(text);
      if (!t.empty() && t.back() == '%') t = core::normalizeText(t.substr(0, t.size() - 1));
      std::replace(t.begin(), t.end(), ',', '.');
      double v = 0;
      auto r = std::from_chars(t.data(), t.data() + t.size(), v);
      if (r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(v) && v >= 0) {
        char buf[64];
        auto w = std::to_chars(buf, buf + sizeof buf, v);
        out.assign(buf, w.ptr);
        return;
      }
      error = format(tr("\"{1}\" is not a number."), {std::string(text)});
      return;
    }
    case ImportType::Cccd: {
      std::string digits;
      for (char c : text)
        if (c != ' ') digits += c;
      if (digits.size() == 12 && allDigits(digits)) {
        out = digits;
        return;
      }
      error =
          format(tr("\"{1}\" is not a CCCD number: it must have exactly 12 digits."), {std::string(text)});
      return;
    }
    case ImportType::TermName: {
      std::string t;
      for (char c : text)
        if (c != ' ') t += c;
      if (t.size() == 9 && t[4] == '-' && allDigits(t.substr(0, 4)) && allDigits(t.substr(5))) {
        int from = std::stoi(t.substr(0, 4)), to = std::stoi(t.substr(5));
        if (from >= core::Date::kMinYear && to <= core::Date::kMaxYear && to >= from) {
          out = t;
          return;
        }
      }
      error = format(tr("\"{1}\" is not a term such as 2025-2030."), {std::string(text)});
      return;
    }
  }
  out.assign(text);
}

// Turns the rows of one file into ImportRows. Enumerations and yes/no cells repeat a handful of values:
// their readings are remembered per column. With `owned`, each source row is freed once read.
class TableReader {
 public:
  TableReader(const ImportFileSpec& spec, const std::string& source) : spec_(spec) {
    file_.kind = spec.kind;
    file_.source = source;
  }

  // The header row: matches each written header with a column of the spec (problems noted in the file).
  void header(const std::vector<std::string>& header, int rowNo) {
    headerSize_ = header.size();
    byIndex_.assign(header.size(), -1);
    blank_.assign(header.size(), false);
    for (size_t i = 0; i < header.size(); ++i) {
      std::string written = core::normalizeText(header[i]);
      if (written.empty()) {
        blank_[i] = true;
        continue;
      }
      int match = -1;
      for (size_t k = 0; k < spec_.columns.size(); ++k)
        if (headerKey(spec_.columns[k].header) == headerKey(written)) match = int(k);
      if (match < 0) {
        file_.problems.push_back(services::importProblem(
            file_.source, rowNo, written,
            format(tr("this column is not in the template of {1}.csv (check its spelling)."), {spec_.kind})));
        continue;
      }
      const ImportColumn& c = spec_.columns[size_t(match)];
      if (file_.headers.count(c.field)) {
        file_.problems.push_back(
            services::importProblem(file_.source, rowNo, written, tr("the column appears twice.")));
        continue;
      }
      file_.headers[c.field] = written;
      byIndex_[i] = match;
    }
    for (const auto& c : spec_.columns)
      if (!c.optional && !file_.headers.count(c.field))
        file_.problems.push_back(
            services::importProblem(file_.source, rowNo, c.header, tr("the column is missing.")));
    slots_.assign(spec_.columns.size(), std::string());
    memo_.assign(spec_.columns.size(), {});
  }

  // The cells given to row() are already normalized (normalizeText).
  void cellsNormalized() { cellsNormal_ = true; }
  // About how many rows will come (room is made for them at once).
  void expect(size_t rows) { file_.rows.reserve(rows); }

  // One data row (cells: std::string or std::string_view).
  template <class Cells>
  void row(const Cells& cells, int rowNo) {
    if (std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return blankCell(c); })) return;
    services::ImportRow row;
    row.row = rowNo;
    for (size_t i = 0; i < cells.size(); ++i) {
      bool stray = i >= headerSize_ || blank_[i];
      if (stray && !blankCell(cells[i]))
        row.problems.push_back(services::importProblem(file_.source, row.row, columnLabel(i),
                                                       tr("a value stands in a column without a header.")));
    }
    uint64_t invalid = 0;
    size_t total = 0;
    for (auto& s : slots_) s.clear();
    std::string normalized, error;
    for (size_t i = 0; i < headerSize_; ++i) {
      const int k = byIndex_[i];
      if (k < 0) continue;
      const ImportColumn& c = spec_.columns[size_t(k)];
      std::string_view raw = i < cells.size() ? std::string_view(cells[i]) : std::string_view();
      std::string_view text = raw;
      if (!cellsNormal_ && !alreadyNormal(raw)) {
        normalized = core::normalizeText(raw);
        text = normalized;
      }
      std::string& slot = slots_[size_t(k)];
      error.clear();
      if (text.empty()) {
        // nothing: the empty value
      } else if (c.type == ImportType::Enum || c.type == ImportType::YesNo) {
        auto& memo = memo_[size_t(k)];
        if (auto it = memo.find(text); it != memo.end()) {
          slot = it->second.first;
          error = it->second.second;
        } else {
          parseNormalized(c, text, slot, error);
          if (memo.size() < 256) memo.emplace(std::string(text), std::pair{slot, error});
        }
      } else {
        parseNormalized(c, text, slot, error);
      }
      if (!error.empty()) {
        row.problems.push_back(services::importProblem(file_.source, row.row, file_.headers[c.field], error));
        invalid |= uint64_t(1) << k;
        slot.assign(text);
      }
    }
    for (const auto& s : slots_) total += s.size();
    row.text.reserve(total);
    row.ends.reserve(slots_.size());
    for (size_t k = 0; k < slots_.size(); ++k) row.append(slots_[k], (invalid >> k) & 1u);
    file_.rows.push_back(std::move(row));
  }

  ImportFile take() {
    if (file_.rows.capacity() - file_.rows.size() > file_.rows.size() / 8) file_.rows.shrink_to_fit();
    return std::move(file_);
  }
  ImportFile& file() { return file_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  const ImportFileSpec& spec_;
  ImportFile file_;
  size_t headerSize_ = 0;
  bool cellsNormal_ = false;
  std::vector<int> byIndex_;  // file column -> spec position (-1: none)
  std::vector<bool> blank_;
  std::vector<std::string> slots_;
  std::vector<std::unordered_map<std::string, std::pair<std::string, std::string>, Hash, std::equal_to<>>>
      memo_;
};

}  // namespace

std::string parseImportValue(const ImportColumn& column, const std::string& in, std::string& error) {
  error.clear();
  const std::string text = core::normalizeText(in);
  if (text.empty()) return {};
  std::string out;
  parseNormalized(column, text, out, error);
  if (!error.empty()) return {};
  return out;
}

ImportFile readImportTable(const ImportFileSpec& spec, const std::string& source,
                           const std::vector<std::vector<std::string>>& rows,
                           const std::vector<int>& rowNumbers) {
  TableReader reader(spec, source);
  if (rows.empty()) {
    reader.file().problems.push_back(
        services::importProblem(source, 1, "", tr("the file has no header row.")));
    return reader.take();
  }
  auto rowNo = [&](size_t i) { return i < rowNumbers.size() ? rowNumbers[i] : int(i + 1); };
  reader.header(rows[0], rowNo(0));
  for (size_t r = 1; r < rows.size(); ++r) reader.row(rows[r], rowNo(r));
  return reader.take();
}

namespace {

// The cells of a piece of CSV text as parseCsv reads them, each already normalized (normalizeText): an
// unquoted cell that is already normal is a view into the text itself; a quoted or normalized one is kept in
// `owned` (a deque: its strings never move). Row r holds cells[ends[r - 1] .. ends[r]).
struct CsvViews {
  std::vector<std::string_view> cells;
  std::vector<size_t> ends;
  std::deque<std::string> owned;
};

// The records of a piece of CSV text read at a time.
constexpr size_t kPieceRecords = 1024;

// Parses `text` (UTF-8, or read for nothing: see readImportCsv) into `out` exactly as parseCsv would, then
// normalizes each cell as the pieces' reader does; throws DataError (with no message: the whole text is then
// parsed again by parseCsv, which words the problem) where parseCsv would throw. Stops after `records` line
// ends outside quotes, where the rest parses on its own exactly as within the whole text (not before a byte
// order mark, which only the start of a text may carry); returns the bytes of `text` read.
size_t parseCsvViews(std::string_view whole, CsvViews& out, size_t records) {
  std::string_view text = whole;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const size_t skipped = whole.size() - text.size();
  const size_t n = text.size();
  size_t lineEnds = 0;
  size_t i = 0, rowStart = 0;
  bool rowHasContent = false;
  auto add = [&](std::string_view v, std::string* made) {
    if (v.size() > limits::kMaxCellBytes || out.cells.size() - rowStart >= size_t(limits::kMaxColumns))
      throw DataError(std::string());
    if (!alreadyNormalUtf8(v)) {
      out.owned.push_back(core::normalizeText(v));
      v = out.owned.back();
    } else if (made) {
      out.owned.push_back(std::move(*made));
      v = out.owned.back();
    }
    out.cells.push_back(v);
  };
  auto endRow = [&] {
    const bool blank = out.cells.size() - rowStart == 1 && out.cells.back().empty() && !rowHasContent;
    if (blank)
      out.cells.pop_back();  // an empty cell's view: nothing was kept for it
    else
      out.ends.push_back(out.cells.size());
    rowStart = out.cells.size();
    rowHasContent = false;
  };
  std::string quoted;
  for (;;) {
    if (i < n && text[i] == '"') {
      rowHasContent = true;
      quoted.clear();
      for (++i;; ++i) {
        if (i >= n) throw DataError(std::string());  // a quote never closed
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            quoted += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        quoted += text[i];
        if (quoted.size() > limits::kMaxCellBytes) throw DataError(std::string());
      }
      while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
      if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        throw DataError(std::string());  // text after a closing quote
      add(quoted, &quoted);
    } else {
      const size_t from = i;
      while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') ++i;
      if (i > from) rowHasContent = true;
      add(text.substr(from, i - from), nullptr);
    }
    if (i >= n) {
      endRow();
      return skipped + n;
    }
    if (text[i] == ',') {
      rowHasContent = true;
      ++i;
      continue;
    }
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    endRow();
    if (++lineEnds >= records && i < n && text.substr(i, 3) != "\xEF\xBB\xBF") return skipped + i;
  }
}

// Reads CSV text piece by piece (the parsed cells of one piece at a time), as readImportTable would read
// the whole table; throws DataError where parsing the whole text would.
ImportFile readCsvPieces(const ImportFileSpec& spec, const std::string& source, std::string_view text,
                         size_t lines) {
  TableReader reader(spec, source);
  reader.cellsNormalized();
  reader.expect(lines);

  // One thread parses the pieces in order and normalizes their cells, at most two pieces ahead, while
  // this one reads the cells into rows. The pieces read go back to that thread to be freed (the thread
  // that made them: neither waits on the other's heap).
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<CsvViews> ready;
  std::vector<CsvViews> used;
  std::exception_ptr failure;
  bool finished = false, stop = false;
  std::thread parser([&] {
    try {
      for (size_t from = 0; from < text.size();) {
        CsvViews t;
        from += parseCsvViews(text.substr(from), t, kPieceRecords);
        std::vector<CsvViews> garbage;
        {
          std::unique_lock<std::mutex> lock(mutex);
          changed.wait(lock, [&] { return ready.size() < 2 || stop; });
          if (stop) return;
          ready.push_back(std::move(t));
          garbage.swap(used);
        }
        changed.notify_all();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      failure = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      finished = true;
    }
    changed.notify_all();
  });
  core::StopAndJoin join(parser, mutex, changed, stop);

  int record = 0;
  bool headerSeen = false;
  for (;;) {
    CsvViews t;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return !ready.empty() || finished; });
      if (ready.empty()) {
        if (failure) std::rethrow_exception(failure);
        break;
      }
      t = std::move(ready.front());
      ready.pop_front();
    }
    changed.notify_all();
    size_t start = 0;
    for (const size_t end : t.ends) {
      const std::span<const std::string_view> cells(t.cells.data() + start, end - start);
      start = end;
      ++record;
      if (!headerSeen) {
        reader.header(std::vector<std::string>(cells.begin(), cells.end()), record);
        headerSeen = true;
      } else {
        reader.row(cells, record);
      }
    }
    std::lock_guard<std::mutex> lock(mutex);
    used.push_back(std::move(t));
  }
  if (!headerSeen)
    reader.file().problems.push_back(
        services::importProblem(source, 1, "", tr("the file has no header row.")));
  return reader.take();
}

}  // namespace

ImportFile readImportCsv(const ImportFileSpec& spec, const std::string& source, std::string_view text) {
  // The text is checked for UTF-8 on another thread while it is read. A text that is not is read for nothing,
  // and safely: every decoding of it checks its bytes (core::normalizeText and the cell parsers).
  std::future<bool> utf8 = std::async(std::launch::async, [text] { return core::isValidUtf8(text); });
  std::optional<bool> valid;
  auto notUtf8 = [&] {
    if (!valid) valid = utf8.get();
    return !*valid;
  };
  auto refused = [&] {
    ImportFile f;
    f.kind = spec.kind;
    f.source = source;
    f.problems.push_back(format(tr("{1} is not UTF-8 text: save it from Excel as \"CSV UTF-8\"."), {source}));
    return f;
  };
  size_t lines = 1;  // room for the rows
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) ++lines;
  try {
    ImportFile file = readCsvPieces(spec, source, text, lines);
    if (notUtf8()) return refused();
#ifdef __GLIBC__
    // The parser thread's heap keeps the room its pieces took; give it back now that the thread is gone
    // (a province's register: about 15 MB).
    malloc_trim(0);
#endif
    return file;
  } catch (const DataError&) {
  }
  if (notUtf8()) return refused();
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

services::ImportBatch readImportFolder(const std::filesystem::path& folder, bool namedWithPath) {
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
    const std::string name = namedWithPath ? p.string() : p.filename().string();
    std::string key = headerKey(p.filename().string());
    const ImportFileSpec* spec = nullptr;
    if (key.size() > 4 && key.substr(key.size() - 4) == ".csv")
      spec = services::importFileSpec(key.substr(0, key.size() - 4));
    if (!spec || found.count(spec->kind)) {
      batch.notices.push_back(format(tr("{1} is not one of the import files: ignored."), {name}));
      continue;
    }
    std::string text;
    {
      checkCsvSize(p);
      std::ifstream in(p, std::ios::binary);
      in.seekg(0, std::ios::end);
      const auto size = in.tellg();
      in.seekg(0, std::ios::beg);
      if (size > 0) {
        text.resize(static_cast<size_t>(size));
        in.read(text.data(), size);
        text.resize(static_cast<size_t>(in.gcount()));
      }
    }
    found[spec->kind] = readImportCsv(*spec, name, text);
  }
  for (const auto& spec : services::importFileSpecs())
    if (auto it = found.find(spec.kind); it != found.end()) batch.files.push_back(std::move(it->second));
  return batch;
}

services::ImportBatch readImportWorkbook(const std::filesystem::path& xlsx, bool namedWithPath) {
  std::vector<XlsxSheet> sheets = readXlsx(xlsx);
  const std::string book = namedWithPath ? xlsx.string() : xlsx.filename().string();
  std::map<std::string, ImportFile> found;
  services::ImportBatch batch;
  for (auto& sheet : sheets) {
    std::string key = headerKey(sheet.name);
    if (key.size() > 4 && key.substr(key.size() - 4) == ".csv") key = key.substr(0, key.size() - 4);
    const ImportFileSpec* spec = services::importFileSpec(key);
    if (key == "gia_tri") continue;  // the allowed values of the template's drop-downs
    if (!spec || found.count(spec->kind)) {
      batch.notices.push_back(
          format(tr("{1}: the sheet {2} is not one of the import files: ignored."), {book, sheet.name}));
      continue;
    }
    // Row by row, each sheet row freed once read.
    const std::string source = format(tr("{1}, sheet {2}"), {book, sheet.name});
    TableReader reader(*spec, source);
    if (sheet.rows.empty()) {
      reader.file().problems.push_back(
          services::importProblem(source, 1, "", tr("the file has no header row.")));
    } else {
      reader.header(sheet.rows[0].cells, sheet.rows[0].number);
      for (size_t r = 1; r < sheet.rows.size(); ++r) {
        // The template's example row (right under the header, "Ví dụ: ..." in its first cell) is not data.
        if (r == 1 && isExampleRow(sheet.rows[r].cells)) {
          batch.notices.push_back(format(tr("{1}: the example row {2} of the template was skipped."),
                                         {source, std::to_string(sheet.rows[r].number)}));
          continue;
        }
        reader.row(sheet.rows[r].cells, sheet.rows[r].number);
        std::vector<std::string>().swap(sheet.rows[r].cells);
      }
    }
    std::vector<XlsxRow>().swap(sheet.rows);
    found[spec->kind] = reader.take();
  }
  for (const auto& spec : services::importFileSpecs())
    if (auto it = found.find(spec.kind); it != found.end()) batch.files.push_back(std::move(it->second));
  return batch;
}

services::ImportBatch readImport(const std::filesystem::path& path, bool namedWithPath) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return readImportFolder(path, namedWithPath);
  std::string ext = core::fold(path.extension().string());
  if (ext == ".xlsx" && std::filesystem::is_regular_file(path, ec))
    return readImportWorkbook(path, namedWithPath);
  throw DataError(format(tr("{1} is neither a folder of CSV files nor an .xlsx workbook."), {path.string()}));
}

}  // namespace dangbo::exchange
