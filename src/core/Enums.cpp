#include "core/Enums.h"

#include "core/I18n.h"
#include "core/VietText.h"

namespace dangbo::core {

const EnumItem* EnumSet::byCode(std::string_view code) const {
  for (const auto& it : items_)
    if (it.code == code) return &it;
  return nullptr;
}

std::string EnumSet::label(std::string_view code) const {
  const EnumItem* it = byCode(code);
  return it ? tr(it->label) : std::string(code);
}

const EnumItem* EnumSet::match(std::string_view text) const {
  std::string key = fold(normalizeText(text));
  if (key.empty()) return nullptr;
  for (const auto& it : items_)
    if (fold(it.code) == key || fold(tr(it.label)) == key) return &it;
  return nullptr;
}

namespace {
constexpr EnumItem kOrgKind[] = {{"co_so", N_("Grassroots cell")}, {"truc_thuoc", N_("Subordinate cell")}};
constexpr EnumItem kOrgCategory[] = {{"ban", N_("Village")},
                                     {"truong", N_("School")},
                                     {"co_quan_dang", N_("Party agencies")},
                                     {"chinh_quyen", N_("Government")},
                                     {"quan_su", N_("Military")},
                                     {"cong_an", N_("Police")},
                                     {"y_te", N_("Health")},
                                     {"khac", N_("Other")}};
constexpr EnumItem kGender[] = {{"nam", N_("Male")}, {"nu", N_("Female")}};
constexpr EnumItem kMemberStatus[] = {{"active", N_("Active")},
                                      {"exempt", N_("Exempt from activities")},
                                      {"transferred_out", N_("Transferred out")},
                                      {"deceased", N_("Deceased")},
                                      {"removed", N_("Removed from the list")},
                                      {"expelled", N_("Expelled")},
                                      {"left", N_("Left the Party")}};
constexpr EnumItem kMemberEvent[] = {{"admitted", N_("Admitted")},
                                     {"recognized", N_("Recognized as official member")},
                                     {"transfer_in", N_("Transferred in")},
                                     {"transfer_out", N_("Transferred out")},
                                     {"temp_out", N_("Temporarily transferred out")},
                                     {"temp_back", N_("Returned from temporary transfer")},
                                     {"moved", N_("Moved to another cell")},
                                     {"exempted", N_("Exempted from activities")},
                                     {"exemption_ended", N_("Exemption ended")},
                                     {"deceased", N_("Deceased")},
                                     {"removed", N_("Removed from the list")},
                                     {"expelled", N_("Expelled")},
                                     {"left", N_("Left the Party")},
                                     {"suspended", N_("Suspended")},
                                     {"suspension_ended", N_("Suspension ended")}};
constexpr EnumItem kQualification[] = {
    {"khong", N_("None")},       {"so_cap", N_("Elementary")},  {"trung_cap", N_("Intermediate")},
    {"cao_dang", N_("College")}, {"dai_hoc", N_("University")}, {"thac_si", N_("Master")},
    {"tien_si", N_("Doctor")}};
constexpr EnumItem kTheory[] = {{"chua", N_("Not trained")},
                                {"so_cap", N_("Elementary")},
                                {"trung_cap", N_("Intermediate")},
                                {"cao_cap", N_("Advanced")},
                                {"cu_nhan", N_("Bachelor of political theory")}};
constexpr EnumItem kRatingLevel[] = {{"HTXSNV", N_("Excellently completed duties")},
                                     {"HTTNV", N_("Well completed duties")},
                                     {"HTNV", N_("Completed duties")},
                                     {"KHTNV", N_("Did not complete duties")}};
constexpr EnumItem kSubjectType[] = {{"to_chuc", N_("Organization")}, {"dang_vien", N_("Party member")}};
constexpr EnumItem kInspectionKind[] = {{"thuong_xuyen", N_("Routine")},
                                        {"dau_hieu_vi_pham", N_("On signs of violation")},
                                        {"thi_hanh_ky_luat", N_("Enforcement of discipline")},
                                        {"tai_chinh", N_("Party finance")},
                                        {"to_cao", N_("Handling a denunciation")},
                                        {"giai_quyet_khieu_nai", N_("Handling a discipline complaint")},
                                        {"giam_sat", N_("Topical supervision")}};
constexpr EnumItem kDisciplineForm[] = {{"khien_trach", N_("Reprimand")},
                                        {"canh_cao", N_("Warning")},
                                        {"cach_chuc", N_("Dismissal from post")},
                                        {"khai_tru", N_("Expulsion")},
                                        {"giai_tan", N_("Dissolution")}};
constexpr EnumItem kRemovalGround[] = {{"bo_sinh_hoat", N_("No activity or dues for 3 months in a year")},
                                       {"khong_tien_bo", N_("No progress 12 months after being educated")},
                                       {"khong_du_tu_cach", N_("Failed member standards 2 years in a row")},
                                       {"du_bi_khong_dat", N_("Failed probation")},
                                       {"khac", N_("Other ground")}};
constexpr EnumItem kCommitteePosition[] = {{"bi_thu", N_("Secretary")},
                                           {"pho_bi_thu", N_("Deputy Secretary")},
                                           {"uv_btv", N_("Standing Committee member")},
                                           {"uv_bch", N_("Executive Committee member")}};
constexpr EnumItem kCellRole[] = {{"bi_thu", N_("Secretary")},
                                  {"pho_bi_thu", N_("Deputy Secretary")},
                                  {"chi_uy_vien", N_("Cell committee member")}};
constexpr EnumItem kTargetKey[] = {
    {"ket_nap_nhiem_ky", N_("Admissions over the term")},
    {"ket_nap_nam", N_("Admissions each year")},
    {"to_chuc_tot", N_("% of organizations rated good or better")},
    {"dang_vien_tot", N_("% of members rated good or better")},
    {"chi_bo_ban_co_chi_uy", N_("% of village cells with a cell committee")},
    {"bi_thu_tap_huan", N_("% of village cell secretaries trained each year")}};
constexpr EnumItem kCandidateStatus[] = {{"in_progress", N_("In progress")},
                                         {"admitted", N_("Admitted")},
                                         {"withdrawn", N_("Withdrawn")},
                                         {"rejected", N_("Rejected")}};
constexpr EnumItem kUserRole[] = {{"admin", N_("Administrator")},
                                  {"office", N_("Office staff")},
                                  {"secretary", N_("Cell secretary")},
                                  {"inspection", N_("Inspection committee")},
                                  {"leadership", N_("Leadership")}};
constexpr EnumItem kHolidayKind[] = {{"holiday", N_("Public holiday")},
                                     {"compensatory_off", N_("Compensatory day off")},
                                     {"working_swap", N_("Swapped working day")}};
}  // namespace

namespace enums {
const EnumSet orgKind("org_kind", kOrgKind);
const EnumSet orgCategory("org_category", kOrgCategory);
const EnumSet gender("gender", kGender);
const EnumSet memberStatus("member_status", kMemberStatus);
const EnumSet memberEvent("member_event", kMemberEvent);
const EnumSet qualification("qualification", kQualification);
const EnumSet theory("theory", kTheory);
const EnumSet ratingLevel("rating_level", kRatingLevel);
const EnumSet subjectType("subject_type", kSubjectType);
const EnumSet inspectionKind("inspection_kind", kInspectionKind);
const EnumSet disciplineForm("discipline_form", kDisciplineForm);
const EnumSet removalGround("removal_ground", kRemovalGround);
const EnumSet committeePosition("committee_position", kCommitteePosition);
const EnumSet cellRole("cell_role", kCellRole);
const EnumSet targetKey("target_key", kTargetKey);
const EnumSet candidateStatus("candidate_status", kCandidateStatus);
const EnumSet userRole("user_role", kUserRole);
const EnumSet holidayKind("holiday_kind", kHolidayKind);
}  // namespace enums

}  // namespace dangbo::core
