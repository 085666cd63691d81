#pragma once
// The fields of the party-file records beyond the member row (issue 19), described once: an interruption of
// party age, a badge award, a request to propose a badge early. The `record` command reads and writes them
// through these descriptions, as it does a member's fields (core/MemberFields).
#include <string>
#include <string_view>
#include <vector>

#include "core/MemberFields.h"
#include "core/PartyAge.h"

namespace dangbo::core {

/// One field of a record of type R.
template <class R>
struct RecordField {
  const char* name;   ///< "from"
  const char* label;  ///< English msgid, translated by tr
  FieldType type = FieldType::Text;
  bool required = false;
  std::string (*get)(const R&);  ///< the stored form ("" for none)
  void (*put)(R&, std::string);  ///< writes the stored form (already read and checked)
};

/// The fields of an interruption: kind, from, to, first_admitted_on, note.
const std::vector<RecordField<PartyInterruption>>& interruptionFields();
/// The fields of a badge award: milestone, decision_no, decision_on, badge_no, ceremony_on, note.
const std::vector<RecordField<BadgeAward>>& badgeFields();
/// The fields of a badge request: kind, requested_on, note.
const std::vector<RecordField<BadgeRequest>>& badgeRequestFields();

/// Reads `text` for a field of this type (Date, Text; a milestone is Text checked as a number by the
/// service); nullopt and a Vietnamese reason in `why` when it is not one.
std::optional<std::string> readRecordField(FieldType type, std::string_view text, std::string& why);

}  // namespace dangbo::core
