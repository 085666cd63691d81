#pragma once
// The fields of a member's file described once: internal name (the column), import header, label, type,
// enumeration, whether the details door (services::updateMember) writes it, and how it is read from and
// written into a core::Member. The CLI's `record` command reads its fields from here; the import's member
// columns carry the same names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Enums.h"
#include "core/Records.h"

namespace dangbo::core {

/// How a field's text is read.
enum class FieldType {
  Text,         ///< free text
  Date,         ///< a day: YYYY-MM-DD or dd/mm/yyyy; stored as ISO
  PartialDate,  ///< a date of birth: a day, mm/yyyy or yyyy
  Enum,         ///< a code of `set` (or its Vietnamese label)
  Integer,      ///< a whole number (a year, a count, a score)
};

/// One field of a record.
struct FieldDescription {
  const char* name;                   ///< internal name and column: "full_name"
  const char* header;                 ///< the import header of spec/import.md ("" when not imported)
  const char* label;                  ///< the label for people (English msgid, translated by tr)
  FieldType type = FieldType::Text;   ///< how the text is read
  const EnumSet* set = nullptr;       ///< the enumeration of an Enum field
  bool required = false;              ///< a member's file needs a value
  bool details = true;                ///< written by the details door; false: only through a dated action
  std::string (*get)(const Member&);  ///< the stored form ("" for none)
  void (*put)(Member&, std::string);  ///< writes the stored form (already read and checked)
};

/// Every field of a member's file, in the order of the member form.
const std::vector<FieldDescription>& memberFields();
/// The field called `name`, or nullptr.
const FieldDescription* memberField(std::string_view name);
/// Reads `text` as a value of `f` into its stored form; nullopt (and a Vietnamese reason in `why`) when it is
/// not one. Empty text is the empty value.
std::optional<std::string> readField(const FieldDescription& f, std::string_view text, std::string& why);

}  // namespace dangbo::core
