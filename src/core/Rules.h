#pragma once
// Dated rules: every threshold, deadline, quota and milestone is a value valid from a date.
// The keys the program knows are listed here with their kind; the values live in the database.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Date.h"

namespace dangbo::core {

/// How a rule value is written.
enum class RuleKind {
  Integer,    ///< "60"
  Decimal,    ///< "0.5"
  Fraction,   ///< "2/3"
  IntList,    ///< "30,40,45"
  DayMonths,  ///< "03/02,19/05"
  Bands,      ///< "90/70/50" (descending integers)
  GroundList  ///< "bo_sinh_hoat,khac" (removal ground codes; may be empty)
};

/// A rule the program knows.
struct RuleDef {
  std::string_view key;
  const char* label;  ///< message id
  const char* unit;   ///< message id ("" for none)
  RuleKind kind;
};

/// Every rule key, in the order the settings page shows them.
const std::vector<RuleDef>& ruleDefinitions();
/// The definition of a key, or nullptr.
const RuleDef* findRule(std::string_view key);
/// Empty when `value` is a valid value of the rule; otherwise the reason, in Vietnamese.
std::string ruleValueError(const RuleDef& def, std::string_view value);

/// A ratio such as 2/3.
struct Fraction {
  int num = 0;
  int den = 1;
};

/// One stored value of a rule.
struct RuleValue {
  std::string key;
  Date validFrom;
  std::string value;
  std::string regulation;
  std::string note;
};

/// The rule values in force on any date.
class RuleBook {
 public:
  RuleBook() = default;
  /// Builds the book from stored values (any order).
  explicit RuleBook(const std::vector<RuleValue>& values);
  /// The value of `key` in force on `on`: the latest valid_from on or before it; nullopt if none.
  std::optional<std::string> valueOn(std::string_view key, const Date& on) const;
  /// Integer value on a date; throws DataError naming the rule when it has no value then.
  int intOn(std::string_view key, const Date& on) const;
  /// Fraction value ("2/3") on a date; throws DataError when missing.
  Fraction fractionOn(std::string_view key, const Date& on) const;
  /// List of integers ("30,40,45") on a date; throws DataError when missing.
  std::vector<int> intListOn(std::string_view key, const Date& on) const;

 private:
  std::string require(std::string_view key, const Date& on) const;
  std::map<std::string, std::map<Date, std::string>, std::less<>> values_;
};

}  // namespace dangbo::core
