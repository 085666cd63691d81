#pragma once
// Vietnamese text handling on UTF-8 strings: composition to NFC, white-space normalization, case mapping,
// diacritic folding for search, and the Vietnamese order of full names. Std C++ only.
#include <string>
#include <string_view>

namespace dangbo::core {

/// Composes decomposed Vietnamese letters into their precomposed (NFC) form: base letter + combining
/// circumflex U+0302 / breve U+0306 / horn U+031B and tone marks U+0300 grave, U+0301 acute, U+0303 tilde,
/// U+0309 hook above, U+0323 dot below, in any order the marks come (e.g. "e\u0323\u0302" and "e\u0302\u0323"
/// -> "ệ"), also partially composed input ("ê"+U+0301 -> "ế", "ơ"+U+0300 -> "ờ"). Other text passes through
/// unchanged. Invalid UTF-8 bytes are replaced by U+FFFD.
std::string toNfc(std::string_view s);
/// Trims, collapses runs of white space to one space, and applies toNfc.
std::string normalizeText(std::string_view s);
/// Lower-cases (ASCII and all Vietnamese letters incl. Đ->đ), then removes all diacritics, đ->d, after toNfc.
/// "Phiêng Pằn" -> "phieng pan", "ĐÀO" -> "dao". Used as a search key.
std::string fold(std::string_view s);
/// Lower-case letters, keeping diacritics (NFC output). "ĐẢNG" -> "đảng".
std::string toLower(std::string_view s);
/// Upper-case letters, keeping diacritics. "phiêng pằn" -> "PHIÊNG PẰN".
std::string toUpper(std::string_view s);
/// The given name: the last word of the normalized full name ("Lò Văn Pằn" -> "Pằn"); empty for empty input.
std::string givenName(std::string_view fullName);
/// A byte string whose plain std::string comparison (operator<) orders full names the Vietnamese way:
/// primary: the given name, then the full name from its first word, letter by letter in the alphabet
/// a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z and other characters placed sensibly:
/// digits before letters; f,j,w,z after the neighbouring Latin letters), case-insensitive, tone marks
/// ignored; a word that is a prefix of another sorts first ("An" < "Anh"); only on a tie, tones decide, word
/// by word in the same order (given name first, then the full name), ngang < huyền < hỏi < ngã < sắc < nặng.
/// (The caller appends the member code for the final tie-break.)
/// The key is prefix-free (no key is a proper prefix of another), so appending a code never changes the order
/// of names with different keys; it contains no NUL bytes.
std::string nameSortKey(std::string_view fullName);
/// <0, 0, >0 comparing two full names as nameSortKey does.
int compareNames(std::string_view a, std::string_view b);
/// Like nameSortKey but for plain text (place and group names): word by word from the first, no given name.
std::string textSortKey(std::string_view text);
/// <0, 0, >0 comparing two texts as textSortKey does ("Ba Na" < "Brâu" < "Chăm").
int compareText(std::string_view a, std::string_view b);
/// True when fold(needle) occurs in fold(haystack) (empty needle matches everything).
bool foldedContains(std::string_view haystack, std::string_view needle);
/// True if s is valid UTF-8.
bool isValidUtf8(std::string_view s);

}  // namespace dangbo::core
