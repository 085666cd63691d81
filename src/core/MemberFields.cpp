#include "core/MemberFields.h"

#include "core/I18n.h"
#include "core/VietText.h"

namespace dangbo::core {

namespace {

template <std::string Member::*F>
std::string getText(const Member& m) {
  return m.*F;
}
template <std::string Member::*F>
void putText(Member& m, std::string v) {
  m.*F = std::move(v);
}
template <std::optional<Date> Member::*F>
std::string getDate(const Member& m) {
  return (m.*F) ? (m.*F)->iso() : std::string();
}
template <std::optional<Date> Member::*F>
void putDate(Member& m, std::string v) {
  m.*F = v.empty() ? std::nullopt : Date::parse(v);
}
std::string getBirth(const Member& m) {
  return m.birthDate ? m.birthDate->storage() : std::string();
}
void putBirth(Member& m, std::string v) {
  m.birthDate = v.empty() ? std::nullopt : PartialDate::parse(v);
}

using T = FieldType;
namespace en = enums;

}  // namespace

const std::vector<FieldDescription>& memberFields() {
  static const std::vector<FieldDescription> k = {
      {"code", "Mã", N_("Member code"), T::Text, nullptr, true, false, getText<&Member::code>,
       putText<&Member::code>},
      {"full_name", "Họ và tên", N_("Full name"), T::Text, nullptr, true, true, getText<&Member::fullName>,
       putText<&Member::fullName>},
      {"birth_name", "", N_("Birth name"), T::Text, nullptr, false, true, getText<&Member::birthName>,
       putText<&Member::birthName>},
      {"gender", "Giới tính", N_("Gender"), T::Enum, &en::gender, true, true, getText<&Member::gender>,
       putText<&Member::gender>},
      {"birth_date", "Ngày sinh", N_("Date of birth"), T::PartialDate, nullptr, true, true, getBirth,
       putBirth},
      {"birth_place", "", N_("Place of birth"), T::Text, nullptr, false, true, getText<&Member::birthPlace>,
       putText<&Member::birthPlace>},
      {"hometown", "Quê quán", N_("Home town"), T::Text, nullptr, false, true, getText<&Member::hometown>,
       putText<&Member::hometown>},
      {"residence", "Nơi ở hiện nay", N_("Residence"), T::Text, nullptr, false, true,
       getText<&Member::residence>, putText<&Member::residence>},
      {"ethnicity", "Dân tộc", N_("Ethnic group"), T::Text, nullptr, true, true, getText<&Member::ethnicity>,
       putText<&Member::ethnicity>},
      {"religion", "Tôn giáo", N_("Religion"), T::Text, nullptr, false, true, getText<&Member::religion>,
       putText<&Member::religion>},
      {"cccd", "Số CCCD", N_("CCCD number"), T::Text, nullptr, false, true, getText<&Member::cccd>,
       putText<&Member::cccd>},
      {"phone", "", N_("Phone"), T::Text, nullptr, false, true, getText<&Member::phone>,
       putText<&Member::phone>},
      {"education", "Học vấn", N_("General education"), T::Text, nullptr, false, true,
       getText<&Member::education>, putText<&Member::education>},
      {"qualification", "Chuyên môn", N_("Professional qualification"), T::Enum, &en::qualification, false,
       true, getText<&Member::qualification>, putText<&Member::qualification>},
      {"theory", "Lý luận chính trị", N_("Political theory"), T::Enum, &en::theory, false, true,
       getText<&Member::theory>, putText<&Member::theory>},
      {"occupation", "Nghề nghiệp, chức vụ", N_("Occupation and position"), T::Text, nullptr, false, true,
       getText<&Member::occupation>, putText<&Member::occupation>},
      {"admitted_on", "Ngày vào Đảng", N_("Admission date"), T::Date, nullptr, false, true,
       getDate<&Member::admittedOn>, putDate<&Member::admittedOn>},
      {"ceremony_on", "", N_("Ceremony date"), T::Date, nullptr, false, true, getDate<&Member::ceremonyOn>,
       putDate<&Member::ceremonyOn>},
      {"official_on", "Ngày chính thức", N_("Official date"), T::Date, nullptr, false, true,
       getDate<&Member::officialOn>, putDate<&Member::officialOn>},
      {"card_no", "Số thẻ", N_("Party card number"), T::Text, nullptr, false, true, getText<&Member::cardNo>,
       putText<&Member::cardNo>},
      {"file_no", "Số lý lịch", N_("File number"), T::Text, nullptr, false, true, getText<&Member::fileNo>,
       putText<&Member::fileNo>},
      {"transferred_in_on", "Ngày chuyển đến", N_("Transfer-in date"), T::Date, nullptr, false, true,
       getDate<&Member::transferredInOn>, putDate<&Member::transferredInOn>},
      {"transferred_in_from", "", N_("Transferred in from"), T::Text, nullptr, false, true,
       getText<&Member::transferredInFrom>, putText<&Member::transferredInFrom>},
      {"status", "Tình trạng", N_("Status"), T::Enum, &en::memberStatus, true, false,
       getText<&Member::status>, putText<&Member::status>},
      {"status_since", "Ngày thay đổi tình trạng", N_("Status since"), T::Date, nullptr, false, false,
       getDate<&Member::statusSince>, putDate<&Member::statusSince>},
  };
  return k;
}

const FieldDescription* memberField(std::string_view name) {
  for (const auto& f : memberFields())
    if (name == f.name) return &f;
  return nullptr;
}

std::optional<std::string> readField(const FieldDescription& f, std::string_view text, std::string& why) {
  const std::string v = normalizeText(text);
  if (v.empty()) return v;
  switch (f.type) {
    case FieldType::Text:
      return v;
    case FieldType::Date:
      if (auto d = Date::parse(v)) return d->iso();
      why = format(tr("\"{1}\" is not a date."), {v});
      return std::nullopt;
    case FieldType::PartialDate:
      if (auto d = PartialDate::parse(v)) return d->storage();
      why = format(tr("\"{1}\" is not a date of birth."), {v});
      return std::nullopt;
    case FieldType::Enum:
      if (const EnumItem* item = f.set ? f.set->match(v) : nullptr) return std::string(item->code);
      why = format(tr("\"{1}\" is not one of the allowed values."), {v});
      return std::nullopt;
    case FieldType::Integer: {
      size_t i = (v[0] == '-') ? 1 : 0;
      if (i < v.size() && v.size() <= 9 && v.find_first_not_of("0123456789", i) == std::string::npos)
        return v;
      why = format(tr("\"{1}\" is not a whole number."), {v});
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace dangbo::core
