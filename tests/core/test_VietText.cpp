#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/VietText.h"

using dangbo::core::compareNames;
using dangbo::core::fold;
using dangbo::core::foldedContains;
using dangbo::core::givenName;
using dangbo::core::isValidUtf8;
using dangbo::core::nameSortKey;
using dangbo::core::normalizeText;
using dangbo::core::toLower;
using dangbo::core::toNfc;
using dangbo::core::toUpper;

namespace {

// All precomposed Vietnamese vowels, base letters a ă â e ê i o ô ơ u ư y, each with the six tones
// ngang, huyền, hỏi, ngã, sắc, nặng.
const std::vector<std::string> kLowerRows = {
    "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
    "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
};
const std::vector<std::string> kUpperRows = {
    "AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
    "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ",
};
// The same base letters written decomposed: plain letter + vowel modifier (if any).
const std::vector<std::string> kLowerDecomposedBases = {
    "a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y",
};
const std::vector<std::string> kUpperDecomposedBases = {
    "A", "A\u0306", "A\u0302", "E", "E\u0302", "I", "O", "O\u0302", "O\u031B", "U", "U\u031B", "Y",
};
// Combining tone marks in tone order (ngang has none).
const std::vector<std::string> kToneMarks = {"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"};

// The n-th UTF-8 character of s (s holds only 2- and 3-byte characters here, or ASCII).
std::vector<std::string> chars(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string joined(const std::vector<std::string>& rows) {
  std::string s;
  for (const auto& r : rows) s += r;
  return s;
}

std::vector<std::string> sortedByKey(std::vector<std::string> names) {
  std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return nameSortKey(a) < nameSortKey(b);
  });
  return names;
}

}  // namespace

TEST_CASE("VietText: vowel table sanity (each row has six distinct letters)") {
  REQUIRE(kLowerRows.size() == 12);
  REQUIRE(kUpperRows.size() == 12);
  for (std::size_t r = 0; r < kLowerRows.size(); ++r) {
    const auto lo = chars(kLowerRows[r]);
    const auto up = chars(kUpperRows[r]);
    REQUIRE(lo.size() == 6);
    REQUIRE(up.size() == 6);
  }
}

TEST_CASE("toNfc: every Vietnamese vowel from fully decomposed input, marks in both orders, both cases") {
  for (std::size_t r = 0; r < kLowerRows.size(); ++r) {
    const auto lo = chars(kLowerRows[r]);
    const auto up = chars(kUpperRows[r]);
    for (std::size_t t = 0; t < kToneMarks.size(); ++t) {
      CAPTURE(r);
      CAPTURE(t);
      // base letter, modifier, tone
      CHECK(toNfc(kLowerDecomposedBases[r] + kToneMarks[t]) == lo[t]);
      CHECK(toNfc(kUpperDecomposedBases[r] + kToneMarks[t]) == up[t]);
      // base letter, tone, modifier (the modifier is the second byte pair of the decomposed base)
      const std::string& lb = kLowerDecomposedBases[r];
      const std::string& ub = kUpperDecomposedBases[r];
      CHECK(toNfc(lb.substr(0, 1) + kToneMarks[t] + lb.substr(1)) == lo[t]);
      CHECK(toNfc(ub.substr(0, 1) + kToneMarks[t] + ub.substr(1)) == up[t]);
      // already precomposed input is unchanged
      CHECK(toNfc(lo[t]) == lo[t]);
      CHECK(toNfc(up[t]) == up[t]);
    }
  }
}

TEST_CASE("toNfc: the brief's examples and partially composed input") {
  CHECK(toNfc("e\u0323\u0302") == "ệ");
  CHECK(toNfc("e\u0302\u0323") == "ệ");
  CHECK(toNfc("ê\u0301") == "ế");
  CHECK(toNfc("ơ\u0300") == "ờ");
  CHECK(toNfc("ẹ\u0302") == "ệ");  // precomposed tone + decomposed modifier
  CHECK(toNfc("à\u0302") == "ầ");  // marks in non-canonical order are still combined
  CHECK(toNfc("Ă\u0323") == "Ặ");
  CHECK(toNfc("U\u031B\u0303") == "Ữ");
  CHECK(toNfc("o\u0301\u031B") == "ớ");
  CHECK(toNfc("a\u0340") == "à");  // deprecated tone marks U+0340/U+0341 map to grave/acute
  CHECK(toNfc("a\u0341") == "á");
}

TEST_CASE("toNfc: mixed precomposed and decomposed text") {
  CHECK(toNfc("Phie\u0302ng Pa\u0306\u0300n") == "Phiêng Pằn");
  CHECK(toNfc("Nguye\u0302\u0303n Thi\u0323 A\u0301nh") == "Nguyễn Thị Ánh");
  CHECK(toNfc("Nguyễn Thi\u0323 Ánh") == "Nguyễn Thị Ánh");
  CHECK(toNfc("LU\u031B\u0300NG THI\u0323 A\u0302\u0301N") == "LỪNG THỊ ẤN");
  CHECK(toNfc("ĐA\u0300O") == "ĐÀO");
  CHECK(toNfc("") == "");
  CHECK(toNfc("Phiêng Pằn 123 - ok.") == "Phiêng Pằn 123 - ok.");
}

TEST_CASE("toNfc: marks that do not combine are kept") {
  CHECK(toNfc("á\u0301") == "á\u0301");  // a second tone mark
  CHECK(toNfc("a\u0301\u0300") == "á\u0300");
  CHECK(toNfc("â\u0306") == "â\u0306");  // a second modifier
  CHECK(toNfc("ư\u0302") == "ư\u0302");
  CHECK(toNfc("i\u0302") == "i\u0302");                    // modifier on a vowel that takes none
  CHECK(toNfc("n\u0301") == "n\u0301");                    // not a Vietnamese vowel
  CHECK(toNfc("\u0301a") == "\u0301a");                    // mark before its base
  CHECK(toNfc("a\u0308") == "a\u0308");                    // not a Vietnamese mark
  CHECK(toNfc("e\u0301\u0308\u0302") == "é\u0308\u0302");  // stops at the first foreign mark
  CHECK(toNfc("ü ñ 中文 😀") == "ü ñ 中文 😀");
}

TEST_CASE("toNfc / isValidUtf8: invalid UTF-8") {
  const std::string r = "\uFFFD";
  CHECK(toNfc("a\xFF"
              "b") == "a" + r + "b");
  CHECK(toNfc("\x80") == r);      // lone continuation byte
  CHECK(toNfc("\xE1\xBB") == r);  // truncated sequence: one replacement
  CHECK(toNfc("\xE1\xBB"
              "a") == r + "a");
  CHECK(toNfc("\xC0\x80") == r + r);                  // overlong NUL
  CHECK(toNfc("\xE0\x80\x80") == r + r + r);          // overlong
  CHECK(toNfc("\xED\xA0\x80") == r + r + r);          // surrogate
  CHECK(toNfc("\xF4\x90\x80\x80") == r + r + r + r);  // above U+10FFFF
  CHECK(toNfc("\xF0\x9F\x98") == r);                  // truncated 4-byte sequence
  CHECK(toNfc("a\xCC") == "a" + r);                   // truncated combining mark after a vowel
  CHECK(toNfc("P\xE1\xBA\xB1n\xFE") == "Pằn" + r);
  CHECK(isValidUtf8(toNfc("\xC3\x28\xFF")));

  CHECK(isValidUtf8(""));
  CHECK(isValidUtf8("plain ASCII"));
  CHECK(isValidUtf8("Phiêng Pằn"));
  CHECK(isValidUtf8("\xF0\x9F\x98\x80"));  // emoji
  CHECK(isValidUtf8("\xEF\xBF\xBD"));      // an actual U+FFFD is valid
  CHECK(isValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  CHECK_FALSE(isValidUtf8("\xFF"));
  CHECK_FALSE(isValidUtf8("abc\x80"));
  CHECK_FALSE(isValidUtf8("\xC3"));
  CHECK_FALSE(isValidUtf8("\xC1\xBF"));
  CHECK_FALSE(isValidUtf8("\xE0\x9F\xBF"));
  CHECK_FALSE(isValidUtf8("\xED\xBF\xBF"));
  CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));
  CHECK_FALSE(isValidUtf8("\xF5\x80\x80\x80"));
  CHECK_FALSE(isValidUtf8("P\xE1\xBA"));
}

TEST_CASE("normalizeText: trims, collapses white space, composes") {
  CHECK(normalizeText("  Lò\t Văn \n Pằn  ") == "Lò Văn Pằn");
  CHECK(normalizeText("Lò\xC2\xA0Văn\xE3\x80\x80Pằn") == "Lò Văn Pằn");  // NBSP, ideographic space
  CHECK(normalizeText("\r\nPa\u0306\u0300n\r\n") == "Pằn");
  CHECK(normalizeText("") == "");
  CHECK(normalizeText(" \t\n ") == "");
  CHECK(normalizeText("A") == "A");
  CHECK(normalizeText("a\xFF b") == "a\uFFFD b");
}

TEST_CASE("fold: lower-cases and removes all diacritics") {
  CHECK(fold("Phiêng Pằn") == "phieng pan");
  CHECK(fold("ĐÀO") == "dao");
  CHECK(fold("Đ") == "d");
  CHECK(fold("đ") == "d");
  CHECK(fold("Nguyễn Thị Ngọc Ánh") == "nguyen thi ngoc anh");
  CHECK(fold("Phie\u0302ng PA\u0306\u0300N") == "phieng pan");  // decomposed gives the same key
  CHECK(fold("Lường Thị Ơn, Vì Văn Ồn") == "luong thi on, vi van on");
  CHECK(fold("Chi bộ bản Nà Ngựa 2") == "chi bo ban na ngua 2");
  CHECK(fold("") == "");
  CHECK(fold("Ñúñez Müller") == "nunez muller");  // other Latin-1 letters fold too
  CHECK(fold("中文") == "中文");
  CHECK(fold("x\xFF") == "x\uFFFD");
  CHECK(fold(joined(kLowerRows)) == std::string(6, 'a') + std::string(6, 'a') + std::string(6, 'a') +
                                        std::string(6, 'e') + std::string(6, 'e') + std::string(6, 'i') +
                                        std::string(18, 'o') + std::string(12, 'u') + std::string(6, 'y'));
  CHECK(fold(joined(kUpperRows)) == fold(joined(kLowerRows)));
}

TEST_CASE("foldedContains: search ignores case and diacritics") {
  CHECK(foldedContains("Phiêng Pằn", "pan"));
  CHECK(foldedContains("Phiêng Pằn", "PẰN"));
  CHECK(foldedContains("Phiêng Pằn", "phieng p"));
  CHECK(foldedContains("Đào Văn Dũng", "dao"));
  CHECK(foldedContains("Đào", "Đ"));
  CHECK(foldedContains("Dao", "đào"));
  CHECK(foldedContains("Nguye\u0302\u0303n", "nguyễn"));
  CHECK(foldedContains("anything", ""));
  CHECK(foldedContains("", ""));
  CHECK_FALSE(foldedContains("", "a"));
  CHECK_FALSE(foldedContains("Phiêng Pằn", "pn"));
  CHECK_FALSE(foldedContains("Pằn", "pang"));
}

TEST_CASE("toLower / toUpper: all Vietnamese vowels round trip") {
  const std::string lower = joined(kLowerRows) + "đ";
  const std::string upper = joined(kUpperRows) + "Đ";
  CHECK(toUpper(lower) == upper);
  CHECK(toLower(upper) == lower);
  CHECK(toLower(lower) == lower);
  CHECK(toUpper(upper) == upper);
  CHECK(toLower(toUpper(lower)) == lower);
}

TEST_CASE("toLower / toUpper: examples, decomposed input, other text") {
  CHECK(toLower("ĐẢNG") == "đảng");
  CHECK(toUpper("phiêng pằn") == "PHIÊNG PẰN");
  CHECK(toUpper("lo\u0300 va\u0306n pa\u0306\u0300n") == "LÒ VĂN PẰN");  // output is NFC
  CHECK(toLower("NGUYE\u0302\u0303N") == "nguyễn");
  CHECK(toUpper("abc xyz 123 - ok") == "ABC XYZ 123 - OK");
  CHECK(toLower("ABC XYZ 123 - OK") == "abc xyz 123 - ok");
  CHECK(toUpper("müller ñ ß") == "MÜLLER Ñ ß");
  CHECK(toLower("MÜLLER Ñ") == "müller ñ");
  CHECK(toUpper("中文") == "中文");
  CHECK(toUpper("") == "");
  CHECK(toLower("\xFF") == "\uFFFD");
}

TEST_CASE("givenName: last word of the normalized name") {
  CHECK(givenName("Lò Văn Pằn") == "Pằn");
  CHECK(givenName("  Lò   Văn   Pằn  ") == "Pằn");
  CHECK(givenName("Pằn") == "Pằn");
  CHECK(givenName("Lò Văn Pa\u0306\u0300n") == "Pằn");
  CHECK(givenName("") == "");
  CHECK(givenName(" \t ") == "");
}

TEST_CASE("nameSortKey: a list of real-looking names in the exact Vietnamese order") {
  const std::vector<std::string> expected = {
      "Bùi Văn An",      // given names first: An ...
      "Cà Văn An",       //   same given name: by full name from the first word (b < c)
      "Lường Thị Anh",   // An < Anh (prefix)
      "Quàng Thị Ánh",   //   Anh/Ánh tie on letters; the full name (l < q) decides before tones
      "Cà Văn Bình",     // Bình after all A names although "Cà" < "Lường"
      "Nguyễn Văn Du",   // Du < Dũng (prefix)
      "Dương Văn Dũng",  //   full name: d < đ
      "Đào Văn Dũng",    //   đ < l
      "Lò Văn Dũng",
      "Hà Thị Dương",  // Dũng < Dương: u < ư
      "Lò Văn Đức",    // d < đ in the given name
      "Vì Văn Ồn",     // ô < ơ
      "Lò Thị Ơn",      "Lò Văn Pằn",
      "Lò Thị Tú",  // u < ư
      "Lò Thị Tư",
  };
  std::vector<std::string> shuffled = expected;
  std::reverse(shuffled.begin(), shuffled.end());
  std::rotate(shuffled.begin(), shuffled.begin() + 5, shuffled.end());
  CHECK(sortedByKey(shuffled) == expected);
  for (std::size_t i = 0; i + 1 < expected.size(); ++i) {
    CAPTURE(expected[i]);
    CHECK(compareNames(expected[i], expected[i + 1]) < 0);
    CHECK(compareNames(expected[i + 1], expected[i]) > 0);
  }
}

TEST_CASE("nameSortKey: alphabet order a ă â, o ô ơ, u ư, d đ, e ê") {
  const std::vector<std::string> expected = {
      "Hà", "Hải", "Hạnh", "Hằng", "Hân", "Hiền", "Hoa", "Hồng", "Hợp", "Huệ", "Hưng", "Hương",
  };
  std::vector<std::string> reversed(expected.rbegin(), expected.rend());
  CHECK(sortedByKey(reversed) == expected);
  CHECK(compareNames("Dung", "Đa") < 0);  // every d word before any đ word
  CHECK(compareNames("Dy", "Đa") < 0);
  CHECK(compareNames("Đy", "E") < 0);
  CHECK(compareNames("Ez", "Êa") < 0);  // every e word before any ê word
  CHECK(compareNames("Az", "Ăa") < 0);
  CHECK(compareNames("Ăz", "Âa") < 0);
  CHECK(compareNames("Âz", "B") < 0);
  CHECK(compareNames("Oz", "Ôa") < 0);
  CHECK(compareNames("Ôz", "Ơa") < 0);
  CHECK(compareNames("Ơz", "P") < 0);
  CHECK(compareNames("Uz", "Ưa") < 0);
  CHECK(compareNames("Ưz", "V") < 0);
}

TEST_CASE("nameSortKey: f j w z, digits and other characters") {
  CHECK(compareNames("Ê", "F") < 0);
  CHECK(compareNames("F", "G") < 0);
  CHECK(compareNames("I", "J") < 0);
  CHECK(compareNames("J", "K") < 0);
  CHECK(compareNames("V", "W") < 0);
  CHECK(compareNames("W", "X") < 0);
  CHECK(compareNames("Y", "Z") < 0);
  CHECK(compareNames("Ỵ", "Z") < 0);
  CHECK(compareNames("9", "A") < 0);  // digits before letters
  CHECK(compareNames("1", "2") < 0);
  CHECK(compareNames("A1", "A2") < 0);
  CHECK(compareNames("A9", "Aa") < 0);
  CHECK(compareNames("Z", "中") < 0);      // other scripts after the Latin letters
  CHECK(compareNames("H'Hen", "Ha") < 0);  // punctuation before letters and digits
  CHECK(compareNames("H-", "H0") < 0);
  CHECK(compareNames("Müller", "Mun") < 0);  // other Latin letters sort as their base letter
}

TEST_CASE("nameSortKey: given name first, then the full name from its first word") {
  CHECK(compareNames("Bùi Văn An", "Cà Văn Bình") < 0);
  CHECK(compareNames("Vì Thị An", "Bùi Văn Bình") < 0);
  CHECK(compareNames("Bùi Văn An", "Cà Văn An") < 0);
  CHECK(compareNames("Lò An", "Lò Văn An") < 0);   // second word: an < van
  CHECK(compareNames("Lò Văn An", "Lòv An") < 0);  // end of a word comes before any letter
  CHECK(compareNames("Lò Văn An", "Lòa Văn An") < 0);
  CHECK(compareNames("An", "Anh") < 0);  // prefix rule
  CHECK(compareNames("Lò Văn An", "Lò Văn Anh") < 0);
  CHECK(compareNames("Văn An", "Lò Văn An") > 0);  // v > l
  CHECK(compareNames("An", "Lò Văn An") < 0);      // single word "An" vs "Lò ... An": a < l
}

TEST_CASE("nameSortKey: tones only break ties, ngang < huyền < hỏi < ngã < sắc < nặng") {
  const std::vector<std::string> expected = {"Ma", "Mà", "Mả", "Mã", "Má", "Mạ"};
  std::vector<std::string> reversed(expected.rbegin(), expected.rend());
  CHECK(sortedByKey(reversed) == expected);
  for (std::size_t i = 0; i + 1 < expected.size(); ++i) CHECK(compareNames(expected[i], expected[i + 1]) < 0);

  CHECK(compareNames("Mạ", "Mac") < 0);  // letters before tones
  CHECK(compareNames("Ánh", "Anhh") < 0);
  CHECK(compareNames("Lò Thị Ánh", "Quàng Thị Anh") < 0);
  // Given name tone first, then word by word from the first word.
  CHECK(compareNames("Lò Vấn An", "Lo Vân Án") < 0);  // given name tone beats earlier words
  CHECK(compareNames("Lò Văn An", "Lỏ Văn An") < 0);
  CHECK(compareNames("Lo Vãn An", "Lò Van An") < 0);
  CHECK(compareNames("Lò Van An", "Lò Vàn An") < 0);
  CHECK(compareNames("Lò Văn Pằn", "Lò Văn Pẳn") < 0);
  // Tones only: "Hoà" (old placement) and "Hòa" (new placement) are the same name.
  CHECK(compareNames("Hoà", "Hòa") == 0);
  CHECK(compareNames("Hoa", "Hòa") < 0);
}

TEST_CASE("nameSortKey: equal names, case, spacing and composition do not matter") {
  CHECK(compareNames("Lò Văn Pằn", "Lò Văn Pằn") == 0);
  CHECK(compareNames("LÒ VĂN PẰN", "lò văn pằn") == 0);
  CHECK(compareNames("  Lò   Văn\tPằn ", "Lò Văn Pằn") == 0);
  CHECK(compareNames("Lo\u0300 Va\u0306n Pa\u0300\u0306n", "Lò Văn Pằn") == 0);
  CHECK(nameSortKey("Đào Văn Dũng") == nameSortKey("ĐÀO VĂN DŨNG"));
  CHECK(nameSortKey("Ð") == nameSortKey("Đ"));  // U+00D0 (eth) typed for Đ
  CHECK(compareNames("", "") == 0);
  CHECK(compareNames("", "A") < 0);
  CHECK(compareNames("", "1") < 0);
}

TEST_CASE("nameSortKey: appending a member code keeps the name order (the key is prefix-free)") {
  const std::vector<std::string> names = {"An", "Anh", "Lò Văn An", "Lò Văn Anh", "Ma",
                                          "Mà", "Má",  "Mac",       "",           "A"};
  for (const auto& a : names) {
    for (const auto& b : names) {
      CAPTURE(a);
      CAPTURE(b);
      const std::string ka = nameSortKey(a);
      const std::string kb = nameSortKey(b);
      if (ka == kb) continue;
      CHECK(kb.compare(0, ka.size(), ka) != 0);  // ka is not a prefix of kb
      CHECK(((ka + "\xFF\xFF") < (kb + "")) == (ka < kb));
      CHECK(((ka + "ZZ9") < (kb + "AA0")) == (ka < kb));
    }
  }
  CHECK(nameSortKey("Lò Văn Pằn").find('\0') == std::string::npos);
  CHECK(nameSortKey("中 \x7F").find('\0') == std::string::npos);
}

TEST_CASE("plain text sorts word by word from the first, in the Vietnamese alphabet") {
  CHECK(dangbo::core::compareText("Ba Na", "Brâu") < 0);
  CHECK(dangbo::core::compareText("Brâu", "Chăm") < 0);
  CHECK(dangbo::core::compareText("Đào", "Dao") > 0);
  CHECK(dangbo::core::compareText("Ơ Đu", "Ô") > 0);
  CHECK(dangbo::core::compareText("Mà", "Ma") > 0);
  CHECK(dangbo::core::compareNames("Ba Na", "Brâu") > 0);  // as a person's name, "Na" is the given name
}
