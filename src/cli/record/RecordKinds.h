#pragma once
// The record kinds of `dangbo-cli record`: for each kind its fields (the FIELD names of FIELD=VALUE) and the
// service calls behind show, add, set and delete, the same calls the window's dialogs make (scope,
// validation and audit are theirs). A kind lives in its own small file of src/cli/record/ and is registered
// by one line in RecordKinds.cpp; a dated action (a member's event, a candidate's stage, a rating round's
// lock, a complaint's outcome) is a kind of its own whose `add` records it.
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/CliCommon.h"
#include "core/Date.h"
#include "core/I18n.h"
#include "core/MemberFields.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::cli::record {

// What every kind's file uses.
using core::format;
using core::N_;
using core::tr;
using T = core::FieldType;

struct Kind;

/// The FIELD=VALUE arguments of one command, each already read by its description (dates in ISO form,
/// enumerations as codes, whole numbers checked).
class Values {
 public:
  Values(const Kind& kind, std::map<std::string, std::string> values) : kind_(&kind), v_(std::move(values)) {}
  /// True when FIELD was given (perhaps empty).
  bool has(const char* name) const { return v_.count(name) > 0; }
  /// The value ("" when absent).
  std::string text(const char* name) const;
  /// The date (nullopt when absent or empty).
  std::optional<core::Date> date(const char* name) const;
  /// The date; DataError naming the field when absent.
  core::Date needDate(const char* name) const;
  /// The value; DataError naming the field when absent or empty.
  std::string needText(const char* name) const;
  /// The whole number (nullopt when absent or empty).
  std::optional<int> integer(const char* name) const;
  /// Every value, by field name.
  const std::map<std::string, std::string>& all() const { return v_; }

 private:
  const Kind* kind_;
  std::map<std::string, std::string> v_;
};

/// What a kind's calls get: the open register, the acting account, the command line and the outputs.
struct Context {
  services::Services& s;
  const services::Actor& actor;
  const Parsed& p;
  std::ostream& out;  ///< show's FIELD=VALUE lines, an assigned id
  std::ostream& err;  ///< the confirmation, warnings
};

/// One kind of record.
struct Kind {
  const char* name;                            ///< "candidate"
  const char* about;                           ///< English msgid: what it is and what its KEY is
  std::vector<core::FieldDescription> fields;  ///< the FIELDs (get/put unused here)
  /// Extra options accepted by add, set and delete ("--reason").
  std::vector<const char*> options{};
  /// True when the register assigns the key: `add` takes no KEY and prints the new one.
  bool keyAssigned = false;
  std::function<void(Context&, const std::string& key)> show{};
  std::function<void(Context&, const std::string&key, const Values&)> add{}, set{}, del{};
  /// The field called `name`, or nullptr.
  const core::FieldDescription* field(std::string_view name) const;
};

/// A field of a kind: FIELD, label (English msgid), type, enumeration.
core::FieldDescription field(const char* name, const char* label,
                             core::FieldType type = core::FieldType::Text,
                             const core::EnumSet* set = nullptr);
/// Writes one FIELD=VALUE line (a line end inside a value is written as \n).
void line(std::ostream& out, const std::string& name, const std::string& value);
/// The ISO form of an optional date ("" for none).
std::string iso(const std::optional<core::Date>& d);
/// Splits KEY "A/B" into its two parts; UsageError naming `form` when it is not one.
std::pair<std::string, std::string> splitKey(const std::string& key, const char* form);
/// A year read from text; UsageError when it is not one.
int yearOf(const std::string& text);

/// Every kind, in the order of `record show`.
const std::vector<Kind>& kinds();

// One registration per file of src/cli/record/ (called by kinds()).
void addMemberKinds(std::vector<Kind>& k);        ///< member, member_event (RecordMember.cpp)
void addCandidateKinds(std::vector<Kind>& k);     ///< candidate, candidate_stage (RecordCandidate.cpp)
void addOrganizationKinds(std::vector<Kind>& k);  ///< organization (RecordOrganization.cpp)
void addSettingsKinds(std::vector<Kind>& k);      ///< target, rule, committee (RecordSettings.cpp)
void addRatingKinds(
    std::vector<Kind>& k);  ///< rating, cell_rating, rating_round, year_rating (RecordRating.cpp)
void addCaseKinds(std::vector<Kind>& k);  ///< inspection, discipline, complaint, removal (RecordCases.cpp)
/// meeting, attendance, leave, dues_basis, dues_payment, dues_sent (RecordCellWork.cpp)
void addCellWorkKinds(std::vector<Kind>& k);

}  // namespace dangbo::cli::record
