#pragma once
// What the printed forms (MemberForms, AdmissionForms, TransferBook) write where the register has nothing
// yet: dots for the office to fill in by hand. Private to services.
#include <optional>
#include <string>

#include "core/Date.h"

namespace dangbo::services::forms {

/// The dots of a blank to fill in.
inline const std::string kDots = "…";

/// The text, or the dots when it is empty.
inline std::string orDots(const std::string& v) {
  return v.empty() ? kDots : v;
}
/// The day as dd/mm/yyyy, or the dots.
inline std::string orDots(const std::optional<core::Date>& d) {
  return d ? d->vn() : kDots;
}
/// A birth date as recorded (dd/mm/yyyy, mm/yyyy or yyyy), or the dots.
inline std::string orDots(const std::optional<core::PartialDate>& d) {
  return d ? d->vn() : kDots;
}

}  // namespace dangbo::services::forms
