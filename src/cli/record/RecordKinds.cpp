#include "cli/record/RecordKinds.h"

#include "core/Errors.h"
#include "core/I18n.h"

namespace dangbo::cli::record {

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> k = [] {
    std::vector<Kind> v;
    addMemberKinds(v);
    addCandidateKinds(v);
    addOrganizationKinds(v);
    addSettingsKinds(v);
    addRatingKinds(v);
    addCaseKinds(v);
    addCellWorkKinds(v);
    return v;
  }();
  return k;
}

const core::FieldDescription* Kind::field(std::string_view n) const {
  for (const auto& f : fields)
    if (n == f.name) return &f;
  return nullptr;
}

core::FieldDescription field(const char* name, const char* label, core::FieldType type,
                             const core::EnumSet* set) {
  return core::FieldDescription{name, "", label, type, set, false, true, nullptr, nullptr};
}

void line(std::ostream& out, const std::string& name, const std::string& value) {
  out << name << "=";
  for (char c : value) {
    if (c == '\n')
      out << "\\n";
    else
      out << c;
  }
  out << "\n";
}

std::string iso(const std::optional<core::Date>& d) {
  return d ? d->iso() : std::string();
}

std::pair<std::string, std::string> splitKey(const std::string& key, const char* form) {
  const auto slash = key.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == key.size())
    throw UsageError(format(tr("The key \"{1}\" is not {2}."), {key, form}));
  return {key.substr(0, slash), key.substr(slash + 1)};
}

int yearOf(const std::string& text) {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError(format(tr("\"{1}\" is not a year."), {text}));
  return std::stoi(text);
}

std::string Values::text(const char* name) const {
  auto it = v_.find(name);
  return it == v_.end() ? std::string() : it->second;
}

std::optional<core::Date> Values::date(const char* name) const {
  const std::string t = text(name);
  return t.empty() ? std::nullopt : core::Date::parse(t);
}

std::string Values::needText(const char* name) const {
  std::string t = text(name);
  if (t.empty()) {
    const core::FieldDescription* f = kind_->field(name);
    throw core::DataError(
        format(tr("{1}: {2} is required."), {std::string(name), f ? tr(f->label) : std::string(name)}));
  }
  return t;
}

core::Date Values::needDate(const char* name) const {
  return *core::Date::parse(needText(name));
}

std::optional<int> Values::integer(const char* name) const {
  const std::string t = text(name);
  if (t.empty()) return std::nullopt;
  return std::stoi(t);
}

}  // namespace dangbo::cli::record
