#include "services/CodeSuggestion.h"

#include <algorithm>

#include "services/StoreAccess.h"
#include "store/CodeQueries.h"

namespace dangbo::services {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isLetter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// "DV01122" -> {"DV", 5}; nothing for a code of another shape.
bool scheme(const std::string& code, std::string& prefix, size_t& width) {
  const auto firstDigit = std::find_if(code.begin(), code.end(), isDigit);
  if (firstDigit == code.begin() || firstDigit == code.end()) return false;
  if (!std::all_of(code.begin(), firstDigit, isLetter) || !std::all_of(firstDigit, code.end(), isDigit))
    return false;
  prefix.assign(code.begin(), firstDigit);
  width = size_t(code.end() - firstDigit);
  return true;
}

// The decimal number after `digits` ("01122" -> "01123", "99" -> "100").
std::string increment(std::string digits) {
  for (size_t i = digits.size(); i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return digits;
    }
    digits[i] = '0';
  }
  return "1" + digits;
}

std::string suggest(Services& s, store::CodeTable table, const std::string& defaultPrefix,
                    size_t defaultWidth = 5) {
  store::Database& db = storeOf(s);
  std::string prefix = defaultPrefix;
  size_t width = defaultWidth;
  std::string newest = store::newestCode(db, table);
  if (!scheme(newest, prefix, width)) {
    prefix = defaultPrefix;
    width = defaultWidth;
  }
  const std::string highest = store::highestCode(db, table, prefix);
  std::string digits = highest.empty() ? std::string(width, '0') : highest.substr(prefix.size());
  digits = increment(digits);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return prefix + digits;
}

}  // namespace

std::string suggestMemberCode(Services& s) {
  return suggest(s, store::CodeTable::Members, "DV");
}

std::string suggestCandidateCode(Services& s) {
  return suggest(s, store::CodeTable::Candidates, "QC");
}

std::string suggestOrganizationCode(Services& s) {
  return suggest(s, store::CodeTable::Organizations, "CB", 2);
}

}  // namespace dangbo::services
