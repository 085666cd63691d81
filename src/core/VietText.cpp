#include "core/VietText.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>

namespace dangbo::core {

namespace {

constexpr char32_t kReplacementChar = 0xFFFD;

// ---------------------------------------------------------------------------------------------
// The single table of precomposed Vietnamese vowels. Rows: the twelve base vowels in alphabet order
// (a ă â e ê i o ô ơ u ư y), lower case then upper case; columns: the six tones in sort order.
// Composition, case mapping, folding, tones and letter ranks of vowels are all derived from it.
// ---------------------------------------------------------------------------------------------
constexpr int kBaseCount = 12;
constexpr int kToneCount = 6;  // ngang, huyền, hỏi, ngã, sắc, nặng
constexpr char32_t kVowels[2 * kBaseCount][kToneCount] = {
    {U'a', U'à', U'ả', U'ã', U'á', U'ạ'}, {U'ă', U'ằ', U'ẳ', U'ẵ', U'ắ', U'ặ'},
    {U'â', U'ầ', U'ẩ', U'ẫ', U'ấ', U'ậ'}, {U'e', U'è', U'ẻ', U'ẽ', U'é', U'ẹ'},
    {U'ê', U'ề', U'ể', U'ễ', U'ế', U'ệ'}, {U'i', U'ì', U'ỉ', U'ĩ', U'í', U'ị'},
    {U'o', U'ò', U'ỏ', U'õ', U'ó', U'ọ'}, {U'ô', U'ồ', U'ổ', U'ỗ', U'ố', U'ộ'},
    {U'ơ', U'ờ', U'ở', U'ỡ', U'ớ', U'ợ'}, {U'u', U'ù', U'ủ', U'ũ', U'ú', U'ụ'},
    {U'ư', U'ừ', U'ử', U'ữ', U'ứ', U'ự'}, {U'y', U'ỳ', U'ỷ', U'ỹ', U'ý', U'ỵ'},
    {U'A', U'À', U'Ả', U'Ã', U'Á', U'Ạ'}, {U'Ă', U'Ằ', U'Ẳ', U'Ẵ', U'Ắ', U'Ặ'},
    {U'Â', U'Ầ', U'Ẩ', U'Ẫ', U'Ấ', U'Ậ'}, {U'E', U'È', U'Ẻ', U'Ẽ', U'É', U'Ẹ'},
    {U'Ê', U'Ề', U'Ể', U'Ễ', U'Ế', U'Ệ'}, {U'I', U'Ì', U'Ỉ', U'Ĩ', U'Í', U'Ị'},
    {U'O', U'Ò', U'Ỏ', U'Õ', U'Ó', U'Ọ'}, {U'Ô', U'Ồ', U'Ổ', U'Ỗ', U'Ố', U'Ộ'},
    {U'Ơ', U'Ờ', U'Ở', U'Ỡ', U'Ớ', U'Ợ'}, {U'U', U'Ù', U'Ủ', U'Ũ', U'Ú', U'Ụ'},
    {U'Ư', U'Ừ', U'Ử', U'Ữ', U'Ứ', U'Ự'}, {U'Y', U'Ỳ', U'Ỷ', U'Ỹ', U'Ý', U'Ỵ'},
};
// Base vowel indexes into the rows above (lower-case row; upper case is + kBaseCount).
enum Base : int { kA, kABreve, kACirc, kE, kECirc, kI, kO, kOCirc, kOHorn, kU, kUHorn, kY };
// The plain ASCII letter each base vowel folds to.
constexpr char kBaseAscii[kBaseCount] = {'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y'};

constexpr char32_t kDStrokeLower = 0x0111;  // đ
constexpr char32_t kDStrokeUpper = 0x0110;  // Đ
constexpr char32_t kEthUpper = 0x00D0;      // Ð, often typed instead of Đ
constexpr char32_t kEthLower = 0x00F0;      // ð

// Rank of each letter in the alphabet a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y
// (z).
constexpr int kRankDStroke = 7;
constexpr int kAsciiRank[26] = {
    1,   // a
    4,   // b
    5,   // c
    6,   // d
    8,   // e  (ê = 9)
    10,  // f
    11,  // g
    12,  // h
    13,  // i
    14,  // j
    15,  // k
    16,  // l
    17,  // m
    18,  // n
    19,  // o  (ô = 20, ơ = 21)
    22,  // p
    23,  // q
    24,  // r
    25,  // s
    26,  // t
    27,  // u  (ư = 28)
    29,  // v
    30,  // w
    31,  // x
    32,  // y
    33,  // z
};
constexpr int kBaseRank[kBaseCount] = {1, 2, 3, 8, 9, 13, 19, 20, 21, 27, 28, 32};

// Bytes of the sort key (see nameSortKey). Every token starts with a byte that tells its kind, so the
// key is a prefix code and the terminator kKeyEnd only ever appears where a token could start.
constexpr char kKeyEnd = 0x01;         // ends the primary part; ends each word's tone list
constexpr char kKeyFieldSep = 0x02;    // between the given name and the full name
constexpr char kKeyWordSep = 0x03;     // between the words of the full name
constexpr char kKeyAsciiOther = 0x08;  // followed by 0x80 | the ASCII byte (punctuation, symbols)
constexpr char kKeyDigitBase = 0x10;   // '0'..'9' -> 0x10..0x19
constexpr char kKeyLetterBase = 0x30;  // letter rank 1..33 -> 0x31..0x51
constexpr char kKeyNonAscii = 0x70;    // followed by three bytes 0x80 | 7 bits of the code point

// Code points below this limit have entries in the dense lookup tables (covers Latin-1, Latin Extended
// and the Latin Extended Additional block that holds most Vietnamese letters).
constexpr char32_t kTableLimit = 0x1F00;

// Dense per-code-point tables, built once from kVowels.
struct Tables {
  std::array<std::uint8_t, kTableLimit> vowel{};  // 0, or 1 + row * kToneCount + tone
  std::array<char, kTableLimit> foldAscii{};      // the ASCII lower-case letter a letter folds to, or 0
  std::array<std::uint8_t, kTableLimit> rank{};   // the alphabet rank of a letter, or 0

  Tables() {
    for (int row = 0; row < 2 * kBaseCount; ++row) {
      for (int tone = 0; tone < kToneCount; ++tone) {
        const char32_t c = kVowels[row][tone];
        vowel[c] = static_cast<std::uint8_t>(1 + row * kToneCount + tone);
        foldAscii[c] = kBaseAscii[row % kBaseCount];
        rank[c] = static_cast<std::uint8_t>(kBaseRank[row % kBaseCount]);
      }
    }
    for (char32_t c = 'A'; c <= 'Z'; ++c) {
      foldAscii[c] = static_cast<char>(c - 'A' + 'a');
      foldAscii[c + 32] = static_cast<char>(c - 'A' + 'a');
      rank[c] = static_cast<std::uint8_t>(kAsciiRank[c - 'A']);
      rank[c + 32] = static_cast<std::uint8_t>(kAsciiRank[c - 'A']);
    }
    for (const char32_t c : {kDStrokeLower, kDStrokeUpper, kEthLower, kEthUpper}) {
      foldAscii[c] = 'd';
      rank[c] = kRankDStroke;
    }
    // Other Latin-1 letters with diacritics (names of foreign origin): fold and rank as their base letter.
    // Index 0 is U+00C0; '.' marks characters left alone (Æ, Ð handled above, ×, Þ, ß, æ, ÷, þ).
    constexpr std::string_view kLatin1Fold =
        "aaaaaa.ceeeeiiii.nooooo.ouuuuy.."
        "aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";
    for (std::size_t i = 0; i < kLatin1Fold.size(); ++i) {
      const char f = kLatin1Fold[i];
      const char32_t c = static_cast<char32_t>(0xC0 + i);
      if (f != '.' && vowel[c] == 0) {
        foldAscii[c] = f;
        rank[c] = static_cast<std::uint8_t>(kAsciiRank[f - 'a']);
      }
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 decoding and encoding
// ---------------------------------------------------------------------------------------------
struct Decoded {
  char32_t cp;      // the code point, or U+FFFD when invalid
  std::size_t len;  // bytes consumed (>= 1)
  bool valid;
};

// Decodes the code point at s[i] (i < s.size()). An ill-formed sequence yields U+FFFD and consumes its
// maximal subpart (the longest prefix of a well-formed sequence, at least one byte), as Unicode recommends.
Decoded decodeAt(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t need = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {kReplacementChar, 1, false};
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return {kReplacementChar, k, false};
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < lo || b > hi) return {kReplacementChar, k, false};
    cp = (cp << 6) | (b & 0x3Fu);
    lo = 0x80;
    hi = 0xBF;
  }
  return {cp, need + 1, true};
}

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Appends the decoded character: its original bytes when valid, U+FFFD otherwise.
void appendDecoded(std::string& out, std::string_view s, std::size_t i, const Decoded& d) {
  if (d.valid) {
    out.append(s.substr(i, d.len));
  } else {
    appendUtf8(out, kReplacementChar);
  }
}

bool isCombiningMark(char32_t c) {
  return c >= 0x0300 && c <= 0x036F;
}

// The tone (1..5) a combining tone mark gives, or 0 when c is not a tone mark.
int toneOfMark(char32_t c) {
  switch (c) {
    case 0x0300:
    case 0x0340:  // deprecated grave tone mark, canonically U+0300
      return 1;   // huyền
    case 0x0309:
      return 2;  // hỏi
    case 0x0303:
      return 3;  // ngã
    case 0x0301:
    case 0x0341:  // deprecated acute tone mark, canonically U+0301
      return 4;   // sắc
    case 0x0323:
      return 5;  // nặng
    default:
      return 0;
  }
}

// The base vowel that results from adding the vowel modifier mark c to base, or -1 when it does not apply.
int applyModifier(int base, char32_t c) {
  switch (c) {
    case 0x0302:  // circumflex
      if (base == kA) return kACirc;
      if (base == kE) return kECirc;
      if (base == kO) return kOCirc;
      return -1;
    case 0x0306:  // breve
      return base == kA ? kABreve : -1;
    case 0x031B:  // horn
      if (base == kO) return kOHorn;
      if (base == kU) return kUHorn;
      return -1;
    default:
      return -1;
  }
}

bool isWhiteSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

char32_t lowerChar(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= kTableLimit) return c;
  if (const int v = tables().vowel[c]; v != 0) {
    const int row = (v - 1) / kToneCount;
    return row >= kBaseCount ? kVowels[row - kBaseCount][(v - 1) % kToneCount] : c;
  }
  if (c == kDStrokeUpper) return kDStrokeLower;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // other Latin-1 capitals
  return c;
}

char32_t upperChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if (c >= kTableLimit) return c;
  if (const int v = tables().vowel[c]; v != 0) {
    const int row = (v - 1) / kToneCount;
    return row < kBaseCount ? kVowels[row + kBaseCount][(v - 1) % kToneCount] : c;
  }
  if (c == kDStrokeLower) return kDStrokeUpper;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;  // other Latin-1 small letters
  if (c == 0xFF) return 0x0178;                              // ÿ -> Ÿ
  return c;
}

// Applies a per-character mapping to the NFC form of s.
template <typename Map>
std::string mapChars(std::string_view s, Map map) {
  const std::string nfc = toNfc(s);
  const std::string_view v(nfc);
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size();) {
    const Decoded d = decodeAt(v, i);
    const char32_t m = map(d.cp);
    if (m == d.cp) {
      out.append(v.substr(i, d.len));
    } else {
      appendUtf8(out, m);
    }
    i += d.len;
  }
  return out;
}

// Appends the primary key bytes of one word (NFC, valid UTF-8, no spaces) to primary and its tones,
// closed by kKeyEnd, to tones.
void appendWordKey(std::string_view word, std::string& primary, std::string& tones) {
  const Tables& t = tables();
  for (std::size_t i = 0; i < word.size();) {
    const Decoded d = decodeAt(word, i);
    i += d.len;
    const char32_t c = d.cp;
    if (c < 0x80) {
      if (c >= '0' && c <= '9') {
        primary.push_back(static_cast<char>(kKeyDigitBase + (c - '0')));
      } else if (t.rank[c] != 0) {
        primary.push_back(static_cast<char>(kKeyLetterBase + t.rank[c]));
      } else {
        primary.push_back(kKeyAsciiOther);
        primary.push_back(static_cast<char>(0x80 | c));
      }
      continue;
    }
    if (c < kTableLimit) {
      if (t.rank[c] != 0) {
        primary.push_back(static_cast<char>(kKeyLetterBase + t.rank[c]));
        if (const int v = t.vowel[c]; v != 0) {
          const int tone = (v - 1) % kToneCount;
          if (tone != 0) tones.push_back(static_cast<char>(kKeyEnd + tone));
        }
        continue;
      }
      if (isCombiningMark(c)) continue;  // stray marks are ignored, like tones
    }
    primary.push_back(kKeyNonAscii);
    primary.push_back(static_cast<char>(0x80 | ((c >> 14) & 0x7F)));
    primary.push_back(static_cast<char>(0x80 | ((c >> 7) & 0x7F)));
    primary.push_back(static_cast<char>(0x80 | (c & 0x7F)));
  }
  tones.push_back(kKeyEnd);
}

}  // namespace

std::string toNfc(std::string_view s) {
  const Tables& t = tables();
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const Decoded d = decodeAt(s, i);
    const int v = (d.valid && d.cp < kTableLimit) ? t.vowel[d.cp] : 0;
    if (v == 0) {
      appendDecoded(out, s, i, d);
      i += d.len;
      continue;
    }
    const int row = (v - 1) / kToneCount;
    const bool upper = row >= kBaseCount;
    int base = row % kBaseCount;
    int tone = (v - 1) % kToneCount;
    i += d.len;
    // Absorb the following vowel modifiers and one tone mark, in whatever order they come.
    while (i < s.size()) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b != 0xCC && b != 0xCD) break;  // lead bytes of U+0300..U+037F
      const Decoded m = decodeAt(s, i);
      if (!m.valid) break;
      if (const int markTone = toneOfMark(m.cp); markTone != 0) {
        if (tone != 0) break;
        tone = markTone;
      } else {
        const int next = applyModifier(base, m.cp);
        if (next < 0) break;
        base = next;
      }
      i += m.len;
    }
    appendUtf8(out, kVowels[base + (upper ? kBaseCount : 0)][tone]);
  }
  return out;
}

std::string normalizeText(std::string_view s) {
  const std::string nfc = toNfc(s);
  const std::string_view v(nfc);
  std::string out;
  out.reserve(v.size());
  bool pendingSpace = false;
  for (std::size_t i = 0; i < v.size();) {
    const Decoded d = decodeAt(v, i);
    if (isWhiteSpace(d.cp)) {
      pendingSpace = !out.empty();
    } else {
      if (pendingSpace) out.push_back(' ');
      pendingSpace = false;
      out.append(v.substr(i, d.len));
    }
    i += d.len;
  }
  return out;
}

std::string fold(std::string_view s) {
  // Folding the decomposed form gives the same result as folding the composed one (the marks are
  // dropped either way), so no NFC pass is needed.
  const Tables& t = tables();
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    const Decoded d = decodeAt(s, i);
    if (d.valid && d.cp < kTableLimit) {
      if (const char f = t.foldAscii[d.cp]; f != 0) {
        out.push_back(f);
      } else if (!isCombiningMark(d.cp)) {
        const char32_t lower = lowerChar(d.cp);
        if (lower == d.cp) {
          out.append(s.substr(i, d.len));
        } else {
          appendUtf8(out, lower);
        }
      }
    } else {
      appendDecoded(out, s, i, d);
    }
    i += d.len;
  }
  return out;
}

std::string toLower(std::string_view s) {
  return mapChars(s, lowerChar);
}

std::string toUpper(std::string_view s) {
  return mapChars(s, upperChar);
}

std::string givenName(std::string_view fullName) {
  std::string n = normalizeText(fullName);
  const std::size_t space = n.rfind(' ');
  if (space != std::string::npos) n.erase(0, space + 1);
  return n;
}

namespace {
// Layout: [primary(given) 0x02] primary(word1) 0x03 primary(word2) ... 0x01 tones(given) tones(word1) ...
// where each word's tones are its tone bytes (huyền 0x02 .. nặng 0x06) followed by 0x01, so a
// toneless (ngang) word sorts first. Equal primaries imply equal word counts, hence the key is prefix-free.
std::string sortKey(std::string_view text, bool givenNameFirst) {
  const std::string n = normalizeText(text);
  const std::string_view v(n);
  std::string key;
  std::string tones;
  key.reserve(2 * v.size() + 4);
  tones.reserve(v.size() / 2 + 4);
  if (givenNameFirst) {
    const std::size_t space = v.rfind(' ');
    appendWordKey(space == std::string_view::npos ? v : v.substr(space + 1), key, tones);
    key.push_back(kKeyFieldSep);
  }
  std::size_t start = 0;
  while (start < v.size()) {
    std::size_t end = v.find(' ', start);
    if (end == std::string_view::npos) end = v.size();
    if (start != 0) key.push_back(kKeyWordSep);
    appendWordKey(v.substr(start, end - start), key, tones);
    start = end + 1;
  }
  key.push_back(kKeyEnd);
  key += tones;
  return key;
}
}  // namespace

std::string nameSortKey(std::string_view fullName) {
  return sortKey(fullName, true);
}

std::string textSortKey(std::string_view text) {
  return sortKey(text, false);
}

int compareText(std::string_view a, std::string_view b) {
  const int c = textSortKey(a).compare(textSortKey(b));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int compareNames(std::string_view a, std::string_view b) {
  const int c = nameSortKey(a).compare(nameSortKey(b));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool foldedContains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  return fold(haystack).find(fold(needle)) != std::string::npos;
}

bool isValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = decodeAt(s, i);
    if (!d.valid) return false;
    i += d.len;
  }
  return true;
}

}  // namespace dangbo::core
