#pragma once
// The rules on the dates of a member's and a candidate's file, defined once: the member dialog, the import,
// change packages and `check` all judge a record by these functions.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Rules.h"

namespace dangbo::core {

/// One problem of a record: the field it is about (its internal name, "admitted_on") and a Vietnamese
/// message.
struct FieldProblem {
  std::string field;
  std::string message;
};

/// The dates of a member's file that the rules compare.
struct MemberDates {
  std::optional<PartialDate> birth;
  std::optional<Date> admitted, ceremony, official, transferredIn;
};

/// The dated rule of the youngest age a member's file may show at the admission (the statute's 18, with room
/// for old records): its value in force on the admission day.
inline constexpr std::string_view kYoungestAdmissionAgeRule = "member.youngest_admission_age";

/// Every problem among a member's dates judged on `today`: a date in the future (birth included), an
/// admission before the age of kYoungestAdmissionAgeRule in `rules` on the admission day (no value that day:
/// not judged), a ceremony before the admission, an official date not after the ceremony or admission.
std::vector<FieldProblem> memberDateProblems(const MemberDates& d, const Date& today, const RuleBook& rules);

/// Every problem among a candidate's dates judged on `today`: a birth or listing date in the future, a
/// listing before the birth.
std::vector<FieldProblem> candidateDateProblems(const std::optional<PartialDate>& birth,
                                                const std::optional<Date>& listed, const Date& today);

}  // namespace dangbo::core
