#include "services/PackageChecks.h"

#include <map>
#include <optional>

#include "core/Date.h"
#include "core/Enums.h"
#include "core/I18n.h"
#include "core/MemberRules.h"
#include "core/VietText.h"
#include "services/Packages.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/PackageRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::format;
using core::PackageValue;
using core::tr;

bool hasControlCharacters(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9f)
      return true;
  }
  return false;
}

namespace {

bool isDateColumn(const std::string& column) {
  return column == "date" || column == "status_since" ||
         (column.size() > 3 && (column.ends_with("_on") || column.ends_with("_date")));
}

// The enumeration a column's value must belong to, or nullptr.
const core::EnumSet* enumOf(const std::string& table, const std::string& column) {
  namespace en = core::enums;
  if (column == "gender") return &en::gender;
  if (table == "members" && column == "qualification") return &en::qualification;
  if (table == "members" && column == "theory") return &en::theory;
  if (table == "ratings" && (column == "level" || column == "proposed_level" || column == "self_level"))
    return &en::ratingLevel;
  return nullptr;
}

// A date column's value as a day (strict storage form), a birth date as a partial date.
std::optional<core::Date> day(const PackageValue& v) {
  if (v.kind != PackageValue::Text) return std::nullopt;
  auto d = core::Date::parse(v.data);
  if (!d || d->iso() != v.data) return std::nullopt;
  return d;
}

}  // namespace

std::vector<std::string> packageValueProblems(Services& s, store::PackageRepository& repo,
                                              const core::ChangePackage& pkg) {
  std::vector<std::string> out;
  store::RegisterRepository reg(storeOf(s));
  const core::Date today = core::Date::today();
  const core::RuleBook rules = s.ruleBook();
  // The new values of each updated member and candidate, to judge the record as it will be.
  std::map<std::pair<std::string, int64_t>, std::map<std::string, PackageValue>> records;
  std::map<std::pair<std::string, int64_t>, std::string> labels;
  for (const auto& c : pkg.changes) {
    const std::string field = packageFieldLabel(c.table, c.column);
    auto refuse = [&](const std::string& why) {
      out.push_back(format(tr("{1}, {2}: {3}"), {core::normalizeText(c.recordLabel), field, why}));
    };
    const PackageValue& v = c.newValue;
    if (v.kind == PackageValue::Text && hasControlCharacters(v.data)) {
      refuse(tr("the value holds a control character or an escape code."));
      continue;
    }
    const bool empty = v.kind == PackageValue::Null || (v.kind == PackageValue::Text && v.data.empty());
    if (!empty && c.column == "birth_date") {
      if (v.kind != PackageValue::Text || !core::PartialDate::parse(v.data))
        refuse(format(tr("\"{1}\" is not a date of birth."), {v.display()}));
    } else if (!empty && isDateColumn(c.column) && !day(v)) {
      refuse(format(tr("\"{1}\" is not a date."), {v.display()}));
      continue;
    }
    if (const core::EnumSet* set = enumOf(c.table, c.column); set && !empty && !set->contains(v.data)) {
      refuse(format(tr("\"{1}\" is not one of the allowed values."), {v.display()}));
      continue;
    }
    if (c.table == "members" && c.column == "ethnicity" && !reg.ethnicGroupExists(v.data)) {
      refuse(format(tr("\"{1}\" is not one of the 54 ethnic groups."), {v.display()}));
      continue;
    }
    if (c.table == "candidates" && (c.column == "sponsor1" || c.column == "sponsor2") && !empty) {
      const int64_t id = v.kind == PackageValue::Integer && v.data.size() < 19 &&
                                 v.data.find_first_not_of("0123456789") == std::string::npos
                             ? std::stoll(v.data)
                             : 0;
      auto cell = id ? repo.value("members", id, "cell_id") : std::nullopt;
      if (!cell || *cell != PackageValue::integer(pkg.cellId)) {
        refuse(format(tr("the sponsor is not a member of the cell {1}."), {pkg.cellCode}));
        continue;
      }
    }
    if (c.kind == core::FieldChange::Update && (c.table == "members" || c.table == "candidates")) {
      records[{c.table, c.recordId}][c.column] = v;
      labels[{c.table, c.recordId}] = core::normalizeText(c.recordLabel);
    }
  }
  // The date rules on each record as it will be (the office's values where the package changes nothing).
  for (const auto& [key, changed] : records) {
    const auto& [table, id] = key;
    auto valueOf = [&](const char* column) -> std::optional<PackageValue> {
      if (auto it = changed.find(column); it != changed.end()) return it->second;
      return repo.value(table, id, column);
    };
    auto dateOf = [&](const char* column) -> std::optional<core::Date> {
      auto v = valueOf(column);
      return v ? day(*v) : std::nullopt;
    };
    std::optional<core::PartialDate> birth;
    if (auto v = valueOf("birth_date"); v && v->kind == PackageValue::Text)
      birth = core::PartialDate::parse(v->data);
    const auto problems = table == "members"
                              ? core::memberDateProblems({birth, dateOf("admitted_on"), dateOf("ceremony_on"),
                                                          dateOf("official_on"), dateOf("transferred_in_on")},
                                                         today, rules)
                              : core::candidateDateProblems(birth, dateOf("listed_on"), today);
    for (const auto& fp : problems)
      if (changed.count(fp.field) || changed.count("birth_date") || changed.count("admitted_on") ||
          changed.count("official_on") || changed.count("ceremony_on") || changed.count("listed_on"))
        out.push_back(
            format(tr("{1}, {2}: {3}"), {labels[key], packageFieldLabel(table, fp.field), fp.message}));
  }
  return out;
}

}  // namespace dangbo::services
