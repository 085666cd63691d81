#include "core/PackageData.h"

namespace dangbo::core {

// Out of line on purpose: inlined into callers that write `"\"" + v.display()`, GCC 12 at -O3 reports a
// -Wrestrict false positive (GCC bug 105651) on the string's front insertion; the pieces are appended here.
std::string PackageValue::display() const {
  if (kind != Blob) return data;
  std::string s = "<";
  s += std::to_string(data.size());
  s += " byte>";
  return s;
}

}  // namespace dangbo::core
