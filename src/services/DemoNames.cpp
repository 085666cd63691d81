#include "services/DemoNames.h"

#include <string>

namespace dangbo::services::demo {

namespace {

const NameParts kThaiNames{
    {"Lò", "Lường", "Quàng", "Cà", "Vì", "Tòng", "Hoàng", "Điêu", "Lừ", "Sa", "Mè", "Cầm", "Lê", "Bạc",
     "Khoàng"},
    {"Văn"},
    {"Thị"},
    {"Pằn",  "Ơn",   "Chiến", "Xuân", "Thoan", "Khiêm", "Hùng",   "Thắng", "Piêng", "Sơn",  "Lả",    "Hoan",
     "Quân", "Tuấn", "Nhất",  "Diện", "Thành", "Hưng",  "Biên",   "Khánh", "Pọm",   "Ương", "Chinh", "Dũng",
     "Tiến", "Hòa",  "Minh",  "Ngọc", "Lún",   "Tâm",   "Thương", "Hải",   "Đôi",   "Kiên", "Lợi",   "Phong"},
    {"Ánh",  "Hương", "Duyên", "Thoan",  "Xuân", "Hoa",  "Ban", "Yến",    "Lan",
     "Hiền", "Thu",   "Nga",   "Phương", "Ơn",   "Bun",  "Lả",  "Khuyên", "Mai",
     "Thảo", "Nhung", "Vân",   "Pánh",   "Tươi", "Hằng", "Dung"}};

const NameParts kMongNames{
    {"Giàng", "Sồng", "Mùa", "Thào", "Vàng", "Lầu", "Hờ", "Lý", "Mua", "Tráng", "Vừ", "Cứ"},
    {"A", "A", "A", "Văn"},
    {"Thị"},
    {"Páo", "Chứ", "Dế",   "Sua",  "Tủa",  "Lử",  "Chô",  "Chống", "Dình",  "Khua",
     "Nhè", "Pó",  "Sình", "Tồng", "Vàng", "Chư", "Lềnh", "Xá",    "Giàng", "Cở"},
    {"Mỷ", "Dua", "Sua", "Chía", "Dợ", "Mai", "Pàng", "Xí", "Mua", "Dở", "Sinh", "Chò", "Lia", "Vá", "Máy"}};

const NameParts kKinhNames{
    {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Đào", "Đặng", "Bùi", "Hoàng", "Vũ", "Đỗ", "Ngô",
     "Phan", "Trịnh", "Đinh", "Hà"},
    {"Văn", "Văn", "Đức", "Mạnh", "Quang", "Xuân", "Minh", "Hữu", "Thanh", "Tiến"},
    {"Thị", "Thị", "Thu", "Thanh", "Hồng", "Ngọc", "Minh", "Thúy"},
    {"Hùng", "Dũng", "Tuấn", "Hải",   "Long", "Nam",  "Thắng", "Cường", "Hiếu", "Huy",   "Trung",
     "Sơn",  "Bình", "Tùng", "Thành", "Đức",  "Hưng", "Quyết", "Vinh",  "Toàn", "Khánh", "Phúc"},
    {"Hương", "Lan", "Hà", "Hằng", "Nga", "Huyền", "Trang", "Thảo", "Linh", "Phương", "Mai", "Yến", "Hạnh",
     "Nhung", "Thủy", "Loan", "Vân", "Oanh"}};

const NameParts kXinhMunNames{
    {"Lò", "Vì", "Lường", "Quàng", "Lù", "Cà"},
    {"Văn"},
    {"Thị"},
    {"Ỏn", "Phăn", "Thích", "Sinh", "Khăm", "Púi", "Xiêng", "Bun", "Sâm", "Hặc", "Lả", "Chom"},
    {"Ỏn", "Khăm", "Xiêng", "Sắm", "Pỏm", "Hiên", "Lả", "Ngoan", "Bích"}};

const NameParts kKhoMuNames{{"Lò", "Quàng", "Cầm", "Vì", "Lường"},
                            {"Văn"},
                            {"Thị"},
                            {"Khăm", "Xẻo", "Phanh", "Hươn", "Sưởng", "Ỏn", "Tạc", "Chom", "Puốn", "Lả"},
                            {"Xuân", "Hiên", "Xẻo", "Khăm", "Bun", "Ỏn", "Thoan", "Phiên"}};

}  // namespace

const NameParts& namesOf(std::string_view e) {
  if (e == kMong) return kMongNames;
  if (e == kKinh) return kKinhNames;
  if (e == kXinhMun) return kXinhMunNames;
  if (e == kKhoMu) return kKhoMuNames;
  return kThaiNames;
}

const Table& villageNames() {
  static const Table t{
      "Phiêng Pằn", "Nà Ớt",         "Huổi Dạ", "Pá Lếch",    "Co Kè",       "Nà Hạ",      "Sẳng",
      "Nà Cang",    "Phiêng Hạ",     "Huổi Pu", "Co Muông",   "Nà Cóc",      "Pá Công",    "Huổi Mòn",
      "Nà Lốc",     "Phiêng Khoang", "Co Sâu",  "Nong Luông", "Huổi Tát",    "Pá Sang",    "Nà Dạ",
      "Phiêng Ban", "Huổi Hẹ",       "Co Pục",  "Nà Chạy",    "Pá Ngùa",     "Phiêng Tam", "Lọng Lót",
      "Nà Khoang",  "Bó Hoi",        "Hua Lạn", "Nậm Pát",    "Tà Cọ",       "Púng Cang",  "Kéo Lầu",
      "Huổi Liếng", "Pá Sóng",       "Tà Lành", "Hang Chú",   "Pu Hao",      "Kéo Pháy",   "Chiềng Lương",
      "Nà Tở",      "Cang Mường",    "Hát Sọ",  "Bó Lạn",     "Phiêng Lanh", "Nà Pát",     "Pá Kạch",
      "Huổi Nưa",   "Co Đứa",        "Nong Hẹ", "Lọng Sản",   "Hua Mường"};
  return t;
}

const Table& villagePrefixes() {
  static const Table t{"Nà", "Huổi", "Pá",   "Co",   "Phiêng", "Bó",  "Hua", "Nậm", "Púng",
                       "Tà", "Lọng", "Nong", "Khau", "Cang",   "Hát", "Pom", "Kéo", "Ten"};
  return t;
}

const Table& villageSuffixes() {
  static const Table t{"Ớt",  "Pằn",   "Dạ",   "Lếch", "Kè",   "Hạ",    "Sẳng", "Toong",  "Mòn",  "Cọ",
                       "Lạn", "Hin",   "Đông", "Lầu",  "Pát",  "Nưa",   "Hoi",  "Khoang", "Sản",  "Cang",
                       "Pu",  "Mạ",    "Có",   "Lót",  "Tát",  "Hẹ",    "Pục",  "Chạy",   "Ngùa", "Tam",
                       "Sâu", "Luông", "Kham", "Lay",  "Búng", "Muông", "Cóc",  "Lốc",    "Bon",  "Khoai"};
  return t;
}

const Table& villageQualifiers() {
  static const Table t{"", "Trên", "Dưới", "Mới", "Trong", "Ngoài"};
  return t;
}

const std::vector<Place>& otherPlaces() {
  static const std::vector<Place> t{{"xã Chiềng Mai", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Mường Bon", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Cò Nòi", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Hát Lót", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Chiềng Sung", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Chiềng Ban", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Mường Chanh", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Tà Hộc", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Phiêng Cằm", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Chiềng Nơi", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"xã Chiềng Chăn", "huyện Mai Sơn", "tỉnh Sơn La"},
                                    {"phường Tô Hiệu", "thành phố Sơn La", "tỉnh Sơn La"},
                                    {"xã Chiềng Khoi", "huyện Yên Châu", "tỉnh Sơn La"},
                                    {"xã Mường Lựm", "huyện Yên Châu", "tỉnh Sơn La"},
                                    {"thị trấn Thuận Châu", "huyện Thuận Châu", "tỉnh Sơn La"},
                                    {"xã Nà Ngựu", "huyện Sông Mã", "tỉnh Sơn La"},
                                    {"xã Thanh Xương", "huyện Điện Biên", "tỉnh Điện Biên"},
                                    {"xã Vũ Hội", "huyện Vũ Thư", "tỉnh Thái Bình"}};
  return t;
}

const Table& kinhHometowns() {
  static const Table t{
      "xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình",     "xã Hải Minh, huyện Hải Hậu, tỉnh Nam Định",
      "xã Tân Dân, huyện Khoái Châu, tỉnh Hưng Yên", "xã Hoằng Lộc, huyện Hoằng Hóa, tỉnh Thanh Hóa",
      "xã Yên Nghĩa, huyện Ý Yên, tỉnh Nam Định",    "xã Đông La, huyện Đông Hưng, tỉnh Thái Bình",
      "xã Cò Nòi, huyện Mai Sơn, tỉnh Sơn La",       "xã Hát Lót, huyện Mai Sơn, tỉnh Sơn La"};
  return t;
}

const Table& occupationsOf(std::string_view c) {
  static const Table ban{"Nông dân",
                         "Nông dân",
                         "Nông dân",
                         "Nông dân",
                         "Nông dân",
                         "Nông dân",
                         "Nông dân",
                         "Nông dân",
                         "Nông dân",
                         "Trưởng bản",
                         "Y tá thôn bản",
                         "Nhân viên thú y bản",
                         "Kinh doanh tự do",
                         "Xã viên Hợp tác xã nông nghiệp",
                         "Công nhân Công ty Mía đường Sơn La"};
  static const Table truong{"Giáo viên",         "Giáo viên",        "Giáo viên", "Giáo viên",
                            "Giáo viên",         "Giáo viên",        "Giáo viên", "Phó Hiệu trưởng",
                            "Nhân viên kế toán", "Nhân viên văn thư"};
  static const Table cqd{"Chuyên viên Văn phòng Đảng ủy xã",
                         "Chuyên viên Ban Xây dựng Đảng",
                         "Cán bộ Ủy ban Kiểm tra Đảng ủy xã",
                         "Cán bộ Ủy ban MTTQ Việt Nam xã",
                         "Cán bộ Hội Liên hiệp Phụ nữ xã",
                         "Cán bộ Đoàn Thanh niên xã",
                         "Cán bộ Hội Nông dân xã",
                         "Cán bộ Hội Cựu chiến binh xã"};
  static const Table cq{"Công chức Văn phòng - Thống kê",
                        "Công chức Tư pháp - Hộ tịch",
                        "Công chức Địa chính - Xây dựng",
                        "Công chức Tài chính - Kế toán",
                        "Công chức Văn hóa - Xã hội",
                        "Cán bộ xã",
                        "Viên chức Trung tâm Phục vụ hành chính công xã"};
  static const Table qs{"Chỉ huy phó Ban Chỉ huy Quân sự xã", "Dân quân thường trực", "Dân quân thường trực",
                        "Trung đội trưởng dân quân", "Quân nhân chuyên nghiệp"};
  static const Table ca{"Công an xã", "Công an xã", "Cán bộ Công an xã", "Phó Trưởng Công an xã"};
  static const Table yt{"Bác sĩ Trạm Y tế xã", "Y sĩ Trạm Y tế xã", "Điều dưỡng", "Nữ hộ sinh", "Dược sĩ"};
  if (c == "truong") return truong;
  if (c == "co_quan_dang") return cqd;
  if (c == "chinh_quyen") return cq;
  if (c == "quan_su") return qs;
  if (c == "cong_an") return ca;
  if (c == "y_te") return yt;
  return ban;
}

const std::vector<CommitteeSlot>& committeeSlots() {
  // 3 women of ethnic minorities (12%), 8 aged 40 or under at the congress (32%), 24 with a university
  // degree (96%) of whom 5 masters (20%), theory intermediate or above for all, advanced for 7 (28%).
  static const std::vector<CommitteeSlot> t{
      {"bi_thu", "Bí thư Đảng ủy xã", "co_quan_dang", false, 2, "thac_si", "cao_cap"},
      {"pho_bi_thu", "Phó Bí thư Thường trực Đảng ủy xã", "co_quan_dang", false, 2, "thac_si", "cao_cap"},
      {"pho_bi_thu", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã", "chinh_quyen", false, 2, "dai_hoc", "cao_cap"},
      {"uv_btv", "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã", "co_quan_dang", false, 2, "thac_si", "cu_nhan"},
      {"uv_btv", "Chủ tịch Ủy ban MTTQ Việt Nam xã", "co_quan_dang", false, 2, "dai_hoc", "cao_cap"},
      {"uv_btv", "Phó Chủ tịch UBND xã", "chinh_quyen", true, 2, "dai_hoc", "cao_cap"},
      {"uv_btv", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "quan_su", false, 1, "dai_hoc", "trung_cap"},
      {"uv_btv", "Trưởng Công an xã", "cong_an", false, 2, "thac_si", "cao_cap"},
      {"uv_bch", "Phó Chủ tịch UBND xã", "chinh_quyen", false, 1, "dai_hoc", "trung_cap"},
      {"uv_bch", "Chánh Văn phòng Đảng ủy xã", "co_quan_dang", false, 2, "dai_hoc", "trung_cap"},
      {"uv_bch", "Trưởng Ban Xây dựng Đảng Đảng ủy xã", "co_quan_dang", false, 2, "dai_hoc", "trung_cap"},
      {"uv_bch", "Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã", "co_quan_dang", false, 1, "dai_hoc",
       "trung_cap"},
      {"uv_bch", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "co_quan_dang", true, 2, "dai_hoc", "trung_cap"},
      {"uv_bch", "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "co_quan_dang", false, 1, "dai_hoc",
       "trung_cap"},
      {"uv_bch", "Chủ tịch Hội Nông dân xã", "co_quan_dang", false, 2, "dai_hoc", "trung_cap"},
      {"uv_bch", "Chủ tịch Hội Cựu chiến binh xã", "co_quan_dang", false, 2, "cao_dang", "trung_cap"},
      {"uv_bch", "Trưởng phòng Kinh tế UBND xã", "chinh_quyen", false, 2, "dai_hoc", "trung_cap"},
      {"uv_bch", "Trưởng phòng Văn hóa - Xã hội UBND xã", "chinh_quyen", false, 1, "dai_hoc", "trung_cap"},
      {"uv_bch", "Chánh Văn phòng HĐND và UBND xã", "chinh_quyen", false, 2, "dai_hoc", "trung_cap"},
      {"uv_bch", "Phó Chủ tịch HĐND xã", "chinh_quyen", false, 2, "dai_hoc", "trung_cap"},
      {"uv_bch", "Phó Trưởng Công an xã", "cong_an", false, 1, "dai_hoc", "trung_cap"},
      {"uv_bch", "Chỉ huy phó Ban Chỉ huy Quân sự xã", "quan_su", false, 1, "dai_hoc", "trung_cap"},
      {"uv_bch", "Trạm trưởng Trạm Y tế xã", "y_te", true, 2, "thac_si", "trung_cap"},
      {"uv_bch", "Hiệu trưởng", "truong", false, 1, "dai_hoc", "trung_cap"},
      {"uv_bch", "Bí thư chi bộ, Trưởng bản", "ban", false, 2, "dai_hoc", "trung_cap"}};
  return t;
}

const Table& defaultSchools() {
  static const Table t{"Trường Mầm non Phiêng Pằn",    "Trường Tiểu học Phiêng Pằn",
                       "Trường THCS Phiêng Pằn",       "Trường Mầm non Nà Ớt",
                       "Trường PTDTBT TH&THCS Nà Ớt",  "Trường Mầm non Chiềng Lương",
                       "Trường Tiểu học Chiềng Lương", "Trường THCS Chiềng Lương"};
  return t;
}

const Table& violationTexts() {
  static const Table t{"Vi phạm chính sách dân số - kế hoạch hóa gia đình (sinh con thứ ba)",
                       "Vi phạm quy định về quản lý, sử dụng đất đai",
                       "Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao",
                       "Vi phạm quy định về những điều đảng viên không được làm",
                       "Tham gia đánh bạc",
                       "Vi phạm Luật Hôn nhân và gia đình (tổ chức tảo hôn cho con)",
                       "Không thực hiện nhiệm vụ đảng viên nơi cư trú",
                       "Vi phạm quy định về nồng độ cồn khi tham gia giao thông"};
  return t;
}

const Table& cellFindings() {
  static const Table t{
      "Chi bộ duy trì sinh hoạt định kỳ vào ngày 24 hằng tháng; nội dung sinh hoạt còn chung chung",
      "Sổ sách ghi chép chưa đầy đủ; thu nộp đảng phí đúng quy định",
      "Chi bộ lãnh đạo thực hiện tốt nhiệm vụ chính trị; công tác phát triển đảng viên đạt chỉ tiêu",
      "Việc quản lý, phân công nhiệm vụ cho đảng viên còn hạn chế",
      "Thu, nộp, quản lý và sử dụng đảng phí đúng quy định",
      "Chi bộ chưa xây dựng chương trình kiểm tra, giám sát năm"};
  return t;
}

const Table& memberFindings() {
  static const Table t{"Đảng viên chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
                       "Đảng viên thực hiện chưa tốt nhiệm vụ đảng viên nơi cư trú",
                       "Kê khai tài sản, thu nhập đầy đủ, đúng thời hạn",
                       "Có dấu hiệu vi phạm trong quản lý, sử dụng đất đai",
                       "Thực hiện tốt chức trách, nhiệm vụ được giao"};
  return t;
}

const Table& conclusions() {
  static const Table t{"Chấp hành tốt; đề nghị phát huy ưu điểm",
                       "Có ưu điểm, còn một số hạn chế cần khắc phục", "Yêu cầu kiểm điểm, rút kinh nghiệm",
                       "Chưa đến mức phải xem xét xử lý kỷ luật"};
  return t;
}

const Table& withdrawReasons() {
  static const Table t{"Gia đình chuyển đi nơi khác làm ăn", "Xin rút khỏi danh sách vì hoàn cảnh gia đình",
                       "Đi làm việc tại tỉnh ngoài"};
  return t;
}

void makePerson(Rng& r, core::Member& m, std::string_view category, const std::string& place,
                const std::string& homeVillage, core::Date birth, core::Date today, uint64_t cccdTail,
                uint64_t fileNo) {
  const bool village = category == "ban";
  m.ethnicity = village
                    ? r.weighted({{kThai, 640}, {kMong, 220}, {kKinh, 20}, {kXinhMun, 70}, {kKhoMu, 50}})
                    : r.weighted({{kThai, 480}, {kMong, 110}, {kKinh, 330}, {kXinhMun, 40}, {kKhoMu, 40}});
  const int women = village                 ? 250
                    : category == "truong"  ? 650
                    : category == "y_te"    ? 550
                    : category == "quan_su" ? 50
                    : category == "cong_an" ? 100
                                            : 320;
  const bool male = !r.permille(women);
  m.gender = male ? "nam" : "nu";
  const auto& n = namesOf(m.ethnicity);
  m.fullName = std::string(r.pick(n.surnames)) + " " +
               std::string(r.pick(male ? n.maleMiddle : n.femaleMiddle)) + " " +
               std::string(r.pick(male ? n.maleGiven : n.femaleGiven));
  m.birthName = m.fullName;
  m.birthDate = core::PartialDate::ofDate(birth);
  const bool kinh = m.ethnicity == kKinh;
  static const Table kOldCommunes{"xã Phiêng Pằn", "xã Phiêng Pằn", "xã Nà Ớt", "xã Chiềng Lương"};
  m.hometown = kinh && r.permille(700) ? std::string(r.pick(kinhHometowns()))
                                       : std::string(r.pick(kOldCommunes)) + ", huyện Mai Sơn, tỉnh Sơn La";
  m.birthPlace = m.hometown;
  m.residence = "Bản " + homeVillage + ", xã Phiêng Pằn, tỉnh Sơn La";
  m.religion = (m.ethnicity == kMong && r.permille(80)) ? "Tin lành" : "Không";
  const int by = birth.year();
  if (by < 1972)
    m.education =
        village ? std::string(r.pick({"4/10", "5/10", "7/10", "7/10", "7/10", "9/10", "10/10", "10/10"}))
                : "10/10";
  else
    m.education =
        village ? std::string(r.pick({"12/12", "12/12", "12/12", "9/12", "9/12", "9/12", "7/12", "5/12"}))
                : "12/12";
  if (village) {
    m.qualification =
        r.weighted({{"khong", 550}, {"so_cap", 150}, {"trung_cap", 200}, {"cao_dang", 50}, {"dai_hoc", 50}});
    m.theory = r.weighted({{"chua", 200}, {"so_cap", 700}, {"trung_cap", 100}});
  } else if (category == "truong") {
    m.qualification = r.weighted({{"trung_cap", 50}, {"cao_dang", 200}, {"dai_hoc", 700}, {"thac_si", 50}});
    m.theory = r.weighted({{"chua", 50}, {"so_cap", 750}, {"trung_cap", 200}});
  } else {
    m.qualification =
        r.weighted({{"so_cap", 50}, {"trung_cap", 200}, {"cao_dang", 50}, {"dai_hoc", 650}, {"thac_si", 50}});
    m.theory = r.weighted({{"so_cap", 300}, {"trung_cap", 550}, {"cao_cap", 100}, {"cu_nhan", 50}});
  }
  const int ageNow = core::completedYears(birth, today);
  if (village && ageNow >= 62 && r.permille(650)) {
    m.occupation = male && r.permille(400) ? "Cựu chiến binh" : "Hưu trí";
  } else {
    m.occupation = r.pick(occupationsOf(category));
    if (category == "truong" && (m.occupation == "Giáo viên" || m.occupation == "Phó Hiệu trưởng"))
      m.occupation += " " + place;
  }
  if (r.permille(ageNow > 80 ? 700 : 960)) {
    const int cent = (by >= 2000 ? 2 : 0) + (male ? 0 : 1);
    m.cccd = "014" + std::to_string(cent) + padNum(by % 100, 2) +
             padNum(static_cast<int64_t>(cccdTail % 1000000), 6);
  }
  if (ageNow < 78 && r.permille(720))
    m.phone = std::string(r.pick({"096", "097", "098", "086", "091", "094", "088", "032", "033", "035", "037",
                                  "038", "039", "081", "083", "085"})) +
              padNum(r.range(0, 9999999), 7);
  m.fileNo = padNum(static_cast<int64_t>(fileNo % 1000000), 6) +
             std::string(r.pick({"SL", "SL", "SL", "SL", "MS", "S", "SLA"}));
}

}  // namespace dangbo::services::demo
