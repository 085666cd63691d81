#pragma once
// Name and text tables of the demo generator (DemoGenerator.cpp): personal names by ethnic group,
// village names of the Phiêng Pằn area, neighbouring committees, occupations and case texts; the PRNG
// and the making of one person (names, origin, education, work, identity numbers).
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"

namespace dangbo::services::demo {

using Table = std::vector<std::string_view>;

/// splitmix64: small, fast and identical on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// A value in lo..hi, both included (lo when hi < lo).
  int64_t range(int64_t lo, int64_t hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int64_t>(next() % (static_cast<uint64_t>(hi - lo) + 1));
  }
  bool permille(int p) { return range(0, 999) < p; }
  std::string_view pick(const Table& t) {
    return t[static_cast<size_t>(range(0, static_cast<int64_t>(t.size()) - 1))];
  }
  /// A value from weighted choices.
  std::string_view weighted(std::initializer_list<std::pair<std::string_view, int>> w) {
    int total = 0;
    for (const auto& p : w) total += p.second;
    int64_t x = range(0, total - 1);
    for (const auto& p : w) {
      if (x < p.second) return p.first;
      x -= p.second;
    }
    return w.begin()->first;
  }

 private:
  uint64_t s_;
};

/// `v` in decimal, left-padded with zeros to `width` digits.
inline std::string padNum(int64_t v, int width) {
  std::string s = std::to_string(v);
  return s.size() < static_cast<size_t>(width) ? std::string(static_cast<size_t>(width) - s.size(), '0') + s
                                               : s;
}

/// Fills who a member (or candidate) is: ethnicity, gender, names, birth date (full), hometown,
/// residence, religion, education, qualification, theory, occupation, CCCD (some empty), phone, file number.
/// `category` is the cell's category code, `place` its village or school name, `homeVillage` where the
/// person lives; `cccdTail` and `fileNo` (below 1000000) make those numbers distinct.
void makePerson(Rng& r, core::Member& m, std::string_view category, const std::string& place,
                const std::string& homeVillage, core::Date birth, core::Date today, uint64_t cccdTail,
                uint64_t fileNo);

/// Ethnic group codes of data/ethnic_groups.csv used by the demo.
inline constexpr std::string_view kKinh = "01";
inline constexpr std::string_view kThai = "03";
inline constexpr std::string_view kMong = "08";
inline constexpr std::string_view kKhoMu = "29";
inline constexpr std::string_view kXinhMun = "34";

/// The parts of personal names of one ethnic group.
struct NameParts {
  Table surnames;
  Table maleMiddle;
  Table femaleMiddle;
  Table maleGiven;
  Table femaleGiven;
};

/// The name parts of an ethnic group code (Thái for unknown codes).
const NameParts& namesOf(std::string_view ethnicity);

/// Village names of the area, most common first (real names of the seed where known).
const Table& villageNames();
/// First and second syllables of further plausible Thái village names.
const Table& villagePrefixes();
const Table& villageSuffixes();
/// Qualifiers making further village names distinct ("Trên", "Dưới", ...).
const Table& villageQualifiers();

/// A neighbouring committee a member can transfer from or to.
struct Place {
  std::string_view commune;   ///< "xã Chiềng Mai"
  std::string_view district;  ///< "huyện Mai Sơn" (empty when none)
  std::string_view province;  ///< "tỉnh Sơn La"
};
const std::vector<Place>& otherPlaces();
/// Hometowns of Kinh members born in the lowlands ("xã Vũ Thư, huyện Vũ Thư, tỉnh Thái Bình").
const Table& kinhHometowns();

/// Occupations by cell category code (ban, truong, co_quan_dang, chinh_quyen, quan_su, cong_an, y_te).
const Table& occupationsOf(std::string_view category);

/// The seats of the 2025-2030 committee in order, with the make-up of the seed's congress report.
struct CommitteeSlot {
  std::string_view position;  ///< bi_thu | pho_bi_thu | uv_btv | uv_bch
  std::string_view job;       ///< the occupation and position written on the member
  std::string_view category;  ///< the category of the member's cell
  bool womanMinority;         ///< a woman of an ethnic minority
  int band;                   ///< age at the congress: 0 any, 1 40 or under, 2 45 or over
  std::string_view qualification;
  std::string_view theory;
};
const std::vector<CommitteeSlot>& committeeSlots();
/// The school names of the default commune (3 former communes).
const Table& defaultSchools();

/// Case texts.
const Table& violationTexts();
const Table& cellFindings();
const Table& memberFindings();
const Table& conclusions();
const Table& withdrawReasons();

}  // namespace dangbo::services::demo
