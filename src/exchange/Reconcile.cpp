#include "exchange/Reconcile.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/MemberFields.h"
#include "core/VietText.h"
#include "exchange/Csv.h"
#include "exchange/Xlsx.h"
#include "services/MemberList.h"

namespace dangbo::exchange {

using core::format;
using core::tr;

const std::vector<std::string>& reconcileFields() {
  static const std::vector<std::string> k = {"cccd",       "card_no",     "file_no",    "full_name",
                                             "birth_date", "admitted_on", "official_on"};
  return k;
}

namespace {

std::vector<std::vector<std::string>> rowsOf(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (ext == ".csv") return readCsvFile(file.string()).rows;
  std::vector<std::vector<std::string>> out;
  const auto sheets = readXlsx(file);
  if (!sheets.empty())
    for (const auto& r : sheets.front().rows) out.push_back(r.cells);
  return out;
}

// The comparable form of a value: dates as stored (ISO, or YYYY / YYYY-MM for a birth date), text as NFC
// without outer spaces.
std::string comparable(const std::string& field, const std::string& value) {
  const std::string v = core::normalizeText(value);
  if (v.empty()) return v;
  const core::FieldDescription* f = core::memberField(field);
  if (!f) return v;
  std::string why;
  auto read = core::readField(*f, v, why);
  return read ? *read : v;
}

}  // namespace

std::vector<ReconcileDifference> reconcile(services::Services& s, const services::Actor& actor,
                                           const std::filesystem::path& file,
                                           const std::filesystem::path& map) {
  // The map: FIELD,HEADER (a first line naming the columns is skipped when its field is unknown and it is
  // first).
  std::map<std::string, std::string> headerOf;
  const auto mapRows = readCsvFile(map.string()).rows;
  const auto& fields = reconcileFields();
  for (size_t i = 0; i < mapRows.size(); ++i) {
    const auto& r = mapRows[i];
    if (r.size() < 2) continue;
    const std::string field = core::normalizeText(r[0]);
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      if (i == 0) continue;
      throw core::DataError(format(tr("The map {1} names the field \"{2}\"; the fields are: cccd, card_no, "
                                      "file_no, full_name, birth_date, admitted_on, official_on."),
                                   {map.string(), field}));
    }
    headerOf[field] = core::fold(r[1]);
  }
  if (!headerOf.count("cccd") && !headerOf.count("card_no") && !headerOf.count("file_no"))
    throw core::DataError(
        format(tr("The map {1} maps no column to cccd, card_no or file_no: members cannot be matched."),
               {map.string()}));
  const auto rows = rowsOf(file);
  if (rows.empty()) throw core::DataError(format(tr("The export {1} holds no rows."), {file.string()}));
  std::map<std::string, size_t> column;
  for (size_t c = 0; c < rows[0].size(); ++c) column[core::fold(rows[0][c])] = c;
  std::map<std::string, size_t> columnOf;
  for (const auto& [field, header] : headerOf) {
    auto it = column.find(header);
    if (it == column.end())
      throw core::DataError(format(tr("The export {1} has no column \"{2}\" (mapped to {3})."),
                                   {file.string(), header, field}));
    columnOf[field] = it->second;
  }

  const auto entries = services::registerEntries(s, actor, core::Date::today());
  std::map<std::string, size_t> byCccd, byCard, byFile;
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& m = entries[i].member;
    if (!m.cccd.empty()) byCccd[m.cccd] = i;
    if (!m.cardNo.empty()) byCard[m.cardNo] = i;
    if (!m.fileNo.empty()) byFile[m.fileNo] = i;
  }
  std::vector<ReconcileDifference> out;
  std::set<size_t> matched;
  for (size_t r = 1; r < rows.size(); ++r) {
    auto cell = [&](const std::string& field) {
      auto it = columnOf.find(field);
      if (it == columnOf.end() || it->second >= rows[r].size()) return std::string();
      return core::normalizeText(rows[r][it->second]);
    };
    std::optional<size_t> hit;
    for (const auto& [field, index] :
         {std::pair{"cccd", &byCccd}, {"card_no", &byCard}, {"file_no", &byFile}}) {
      const std::string v = cell(field);
      if (hit || v.empty()) continue;
      if (auto it = index->find(v); it != index->end()) hit = it->second;
    }
    if (!hit) {
      const std::string key = !cell("cccd").empty()      ? cell("cccd")
                              : !cell("card_no").empty() ? cell("card_no")
                                                         : cell("file_no");
      out.push_back({"", cell("full_name"), "member", "", key});
      continue;
    }
    matched.insert(*hit);
    const core::Member& m = entries[*hit].member;
    for (const auto& [field, col] : columnOf) {
      const std::string mine = core::memberField(field)->get(m);
      const std::string theirs = cell(field);
      if (comparable(field, mine) != comparable(field, theirs))
        out.push_back({m.code, m.fullName, field, mine, theirs});
    }
  }
  for (size_t i = 0; i < entries.size(); ++i)
    if (!matched.count(i))
      out.push_back(
          {entries[i].member.code, entries[i].member.fullName, "member", entries[i].member.code, ""});
  return out;
}

}  // namespace dangbo::exchange
