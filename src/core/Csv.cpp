#include "core/Csv.h"

#include "core/InputClean.h"

namespace dangbo::core {

std::string csvField(std::string_view raw) {
  // A cell a spreadsheet would run as a formula (=, +, -, @) is written inert.
  const std::string safe = spreadsheetSafe(raw);
  const std::string_view s(safe);
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return safe;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string csvLine(std::initializer_list<std::string_view> fields) {
  std::string out;
  for (auto f : fields) {
    if (!out.empty()) out += ',';
    out += csvField(f);
  }
  out += '\n';
  return out;
}

}  // namespace dangbo::core
