#pragma once
// The enumerations of the register: short codes (stored, and accepted in import files) and labels
// (English message ids, shown in Vietnamese through the catalog).
#include <span>
#include <string>
#include <string_view>

namespace dangbo::core {

/// One value of an enumeration.
struct EnumItem {
  std::string_view code;
  const char* label;  ///< message id; tr(label) is the Vietnamese label
};

/// A closed list of values.
class EnumSet {
 public:
  constexpr EnumSet(std::string_view name, std::span<const EnumItem> items) : name_(name), items_(items) {}
  /// The set's name (for messages and tests).
  std::string_view name() const { return name_; }
  /// All values in display order.
  std::span<const EnumItem> items() const { return items_; }
  /// The item with this code, or nullptr.
  const EnumItem* byCode(std::string_view code) const;
  /// The Vietnamese label of a code; the code itself when unknown.
  std::string label(std::string_view code) const;
  /// The code whose code or Vietnamese label matches `text` ignoring case, spaces, diacritics and tone
  /// placement.
  const EnumItem* match(std::string_view text) const;
  /// True when `code` is one of the set's codes.
  bool contains(std::string_view code) const { return byCode(code) != nullptr; }

 private:
  std::string_view name_;
  std::span<const EnumItem> items_;
};

namespace enums {
extern const EnumSet orgKind;            ///< co_so, truc_thuoc
extern const EnumSet orgCategory;        ///< ban, truong, co_quan_dang, ...
extern const EnumSet gender;             ///< nam, nu
extern const EnumSet memberStatus;       ///< active, exempt, transferred_out, ...
extern const EnumSet memberEvent;        ///< admitted, recognized, transfer_in, ...
extern const EnumSet qualification;      ///< khong .. tien_si
extern const EnumSet theory;             ///< chua .. cu_nhan
extern const EnumSet ratingLevel;        ///< HTXSNV, HTTNV, HTNV, KHTNV
extern const EnumSet subjectType;        ///< to_chuc, dang_vien
extern const EnumSet inspectionKind;     ///< thuong_xuyen, ...
extern const EnumSet disciplineForm;     ///< khien_trach, canh_cao, cach_chuc, khai_tru, giai_tan
extern const EnumSet removalGround;      ///< bo_sinh_hoat, ...
extern const EnumSet committeePosition;  ///< bi_thu, pho_bi_thu, uv_btv, uv_bch
extern const EnumSet cellRole;           ///< bi_thu, pho_bi_thu, chi_uy_vien
extern const EnumSet targetKey;          ///< ket_nap_nhiem_ky, ...
extern const EnumSet candidateStatus;    ///< in_progress, admitted, withdrawn, rejected
extern const EnumSet userRole;           ///< admin, office, secretary, inspection, leadership
extern const EnumSet holidayKind;        ///< holiday, compensatory_off, working_swap
}  // namespace enums

}  // namespace dangbo::core
