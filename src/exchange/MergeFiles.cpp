#include "exchange/MergeFiles.h"

#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "core/VietText.h"
#include "exchange/Csv.h"
#include "exchange/Import.h"

namespace dangbo::exchange {

using core::DataError;
using core::format;
using core::tr;
namespace fs = std::filesystem;

namespace {

void hashFile(crypto_hash_sha256_state& st, const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw DataError(format(tr("{1} cannot be read."), {p.string()}));
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    if (in.gcount() > 0)
      crypto_hash_sha256_update(&st, reinterpret_cast<unsigned char*>(buf), size_t(in.gcount()));
  }
}

// A CSV of the merge's own files: header cells matched ignoring case, spaces and diacritics; each wanted
// column's position (-1 when absent); unknown or missing required columns refused naming the file.
struct Table {
  CsvTable csv;
  std::map<std::string, int> at;
};

const std::vector<std::pair<const char*, bool>> kMapColumns = {
    {"Đơn vị cũ", true},      {"Mã chi bộ cũ", true}, {"Mã chi bộ mới", true},
    {"Tên chi bộ mới", true}, {"Loại", false},        {"Khối", false}};

Table tableOf(CsvTable csv, const std::string& name,
              const std::vector<std::pair<const char*, bool>>& columns) {
  Table t;
  t.csv = std::move(csv);
  if (t.csv.rows.empty())
    throw DataError(format(tr("{1}: the file is empty (a header row is needed)."), {name}));
  const auto& header = t.csv.rows.front();
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string h = core::fold(core::normalizeText(header[i]));
    bool known = false;
    for (const auto& [col, required] : columns)
      if (core::fold(col) == h) {
        t.at[col] = int(i);
        known = true;
      }
    if (!known && !h.empty())
      throw DataError(format(tr("{1}, row 1, column {2}: unknown column."), {name, header[i]}));
  }
  for (const auto& [col, required] : columns)
    if (required && !t.at.count(col))
      throw DataError(format(tr("{1}: the column \"{2}\" is missing."), {name, col}));
  return t;
}

Table readTable(const fs::path& path, const std::vector<std::pair<const char*, bool>>& columns) {
  checkCsvSize(path);
  return tableOf(readCsvFile(path.string()), path.filename().string(), columns);
}

std::string cell(const Table& t, size_t row, const char* column) {
  auto it = t.at.find(column);
  if (it == t.at.end()) return {};
  const auto& r = t.csv.rows[row];
  return size_t(it->second) < r.size() ? core::normalizeText(r[size_t(it->second)]) : std::string();
}

bool looksLikeSqlite(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char head[16] = {};
  in.read(head, 16);
  return in.gcount() == 16 && std::string(head, 15) == "SQLite format 3";
}

}  // namespace

std::pair<std::string, std::string> splitSourceArgument(const std::string& argument) {
  const size_t eq = argument.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 >= argument.size())
    throw DataError(
        format(tr("--source \"{1}\": write it as \"NAME=PATH\" (the former commune, then its register)."),
               {argument}));
  return {core::normalizeText(argument.substr(0, eq)), argument.substr(eq + 1)};
}

std::string sourceChecksum(const fs::path& path) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium");
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(path, ec))
      if (e.is_regular_file(ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const std::string n = f.filename().string();
      crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(n.c_str()), n.size() + 1);
      hashFile(st, f);
    }
  } else {
    hashFile(st, path);
  }
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

services::MergeSource readMergeSource(const std::string& name, const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw DataError(format(tr("The source {1} ({2}) does not exist."), {name, path.string()}));
  services::MergeSource src;
  const std::string ext = core::fold(path.extension().string());
  if (!fs::is_directory(path, ec) && ext != ".xlsx") {
    if (!fs::is_regular_file(path, ec) || !looksLikeSqlite(path))
      throw DataError(
          format(tr("The source {1} ({2}) is neither a dangbo file, a folder of CSV files nor an .xlsx "
                    "workbook."),
                 {name, path.string()}));
    try {
      src = services::readRegisterSource(name, path.string());
    } catch (const core::DatabaseError& e) {
      throw DataError(format(tr("The source {1} ({2}) cannot be read as a dangbo register: {3}"),
                             {name, path.string(), e.what()}));
    }
  } else {
    src.name = name;
    src.batch = readImport(path);
    // Every message names the source.
    for (auto& f : src.batch.files) {
      const std::string prefix = name + ": ";
      f.source = prefix + f.source;
      for (auto& m : f.problems) m = prefix + m;
      for (auto& r : f.rows)
        for (auto& m : r.problems) m = prefix + m;
    }
  }
  src.path = path.string();
  src.checksum = sourceChecksum(path);
  return src;
}

namespace {
std::vector<services::MergeCellRow> cellRows(const Table& t) {
  std::vector<services::MergeCellRow> out;
  for (size_t i = 1; i < t.csv.rows.size(); ++i)
    out.push_back({int(i + 1), cell(t, i, "Đơn vị cũ"), cell(t, i, "Mã chi bộ cũ"),
                   cell(t, i, "Mã chi bộ mới"), cell(t, i, "Tên chi bộ mới"), cell(t, i, "Loại"),
                   cell(t, i, "Khối")});
  return out;
}
}  // namespace

std::vector<services::MergeCellRow> readCellMap(const fs::path& path) {
  return cellRows(readTable(path, kMapColumns));
}

std::vector<services::MergeCellRow> parseCellMap(const std::string& text, const std::string& name) {
  if (text.size() > (1u << 20)) throw DataError(format(tr("{1} is too large to be a cell map."), {name}));
  return cellRows(tableOf(parseCsv(text, name), name, kMapColumns));
}

std::vector<services::MergePairRow> readPairDecisions(const fs::path& path) {
  Table t = readTable(path, {{"Đơn vị cũ 1", true},
                             {"Mã 1", true},
                             {"Đơn vị cũ 2", true},
                             {"Mã 2", true},
                             {"Quyết định", true},
                             {"Họ và tên 1", false},
                             {"Họ và tên 2", false},
                             {"Lý do", false}});
  std::vector<services::MergePairRow> out;
  for (size_t i = 1; i < t.csv.rows.size(); ++i)
    out.push_back({int(i + 1), cell(t, i, "Đơn vị cũ 1"), cell(t, i, "Mã 1"), cell(t, i, "Đơn vị cũ 2"),
                   cell(t, i, "Mã 2"), cell(t, i, "Quyết định")});
  return out;
}

void writePairDecisions(const fs::path& path, const std::vector<services::MergePair>& pairs) {
  std::string text =
      "\xEF\xBB\xBF"
      "Đơn vị cũ 1,Mã 1,Đơn vị cũ 2,Mã 2,Quyết định,Họ và tên 1,Họ và tên 2,Lý do\r\n";
  for (const auto& p : pairs) {
    const std::string decision = !p.same ? "" : *p.same ? "cùng người" : "khác người";
    for (const auto& v : {p.origin1, p.code1, p.origin2, p.code2, decision, p.name1, p.name2, p.reason})
      text += csvField(v) + ",";
    text.back() = '\r';
    text += "\n";
  }
  core::platform::writeAtomically(path, [&](const fs::path& tmp) {
    std::ofstream o(tmp, std::ios::binary);
    o << text;
    if (!o.flush()) throw DataError(core::platform::writeFailure(path));
  });
}

}  // namespace dangbo::exchange
