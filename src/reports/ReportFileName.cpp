#include "reports/ReportFileName.h"

#include <map>

namespace dangbo::reports {

std::string reportFileWord(const std::string& name) {
  static const std::map<std::string, std::string> words = {
      {"congress", "dai-hoi"},
      {"organizations", "to-chuc-dang"},
      {"members", "co-cau-dang-vien"},
      {"admissions", "ket-nap"},
      {"ratings", "danh-gia-xep-loai"},
      {"discipline", "kiem-tra-ky-luat"},
      {"committee", "ban-chap-hanh"},
      {"register", "so-dang-vien"},
      {"badges", "huy-hieu-dang"},
      {"deadlines", "thoi-han"},
      {"meetings", "sinh-hoat-chi-bo"},
      {"dues", "dang-phi"},
      {"removal-grounds", "can-cu-xoa-ten"},
      {"badge-proposals", "to-trinh-huy-hieu-dang"},
      {"badge-ceremony", "trao-huy-hieu-dang"},
      {"statistics", "bieu-thong-ke"},
      {"changes", "thay-doi-csdl"},
      {"transfer-book", "so-gioi-thieu-sinh-hoat-dang"},
      {"party-card", "phieu-dang-vien"},
      {"file-supplement", "phieu-bo-sung-ho-so-dang-vien"},
      {"file-supplement-missing", "chua-nop-phieu-bo-sung-ho-so"},
      {"admission-cell-resolution", "nghi-quyet-chi-bo-de-nghi-ket-nap"},
      {"admission-resolution", "nghi-quyet-ket-nap"},
      {"admission-decision", "quyet-dinh-ket-nap"},
      {"recognition-cell-resolution", "nghi-quyet-chi-bo-de-nghi-cong-nhan"},
      {"recognition-resolution", "nghi-quyet-cong-nhan"},
      {"recognition-decision", "quyet-dinh-cong-nhan"},
      {"transfer-letter", "giay-gioi-thieu-sinh-hoat-dang"},
      {"meeting-minutes", "bien-ban-sinh-hoat-chi-bo"},
      {"handover", "bien-ban-ban-giao"},
      {"handover-list", "danh-sach-ban-giao"}};
  auto it = words.find(name);
  return it == words.end() ? name : it->second;
}

std::string reportFileName(const std::string& name, const core::Date& asOf, const std::string& format) {
  const std::string iso = asOf.iso();  // 2026-12-04 -> 04-12-2026
  return "bao-cao-" + reportFileWord(name) + "-" + iso.substr(8, 2) + "-" + iso.substr(5, 2) + "-" +
         iso.substr(0, 4) + "." + format;
}

}  // namespace dangbo::reports
