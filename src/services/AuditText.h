#pragma once
// The old and new values of an audit row for a record whose fields changed, written the same way by every
// door (the dialog, the import, a change package, the CLI): "field: value" joined by "; ", in one order.
#include <charconv>
#include <string>
#include <utility>
#include <vector>

namespace dangbo::services {

/// One changed field: its internal name and its stored values before and after.
struct ChangedField {
  std::string field, oldValue, newValue;
};

/// The old and the new value of the audit row of `changes`.
inline std::pair<std::string, std::string> auditValues(const std::vector<ChangedField>& changes) {
  std::pair<std::string, std::string> out;
  for (const auto& c : changes) {
    const char* sep = out.first.empty() && out.second.empty() ? "" : "; ";
    out.first += sep + c.field + ": " + c.oldValue;
    out.second += sep + c.field + ": " + c.newValue;
  }
  return out;
}

/// A number as the audit and the import store it: the shortest form, a point for decimals ("12.5", "25").
inline std::string auditNumber(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace dangbo::services
