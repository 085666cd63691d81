#include "core/InputClean.h"

#include <cstdint>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"

namespace dangbo::core {

namespace {
// The code point at `i` and its length; an invalid byte counts as itself (isValidUtf8 is checked elsewhere).
std::pair<char32_t, size_t> codePointAt(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() ? char32_t(static_cast<unsigned char>(s[i + k]) & 0x3F) : 0;
  };
  if (b < 0x80) return {b, 1};
  if ((b >> 5) == 0x6) return {char32_t(b & 0x1F) << 6 | cont(1), 2};
  if ((b >> 4) == 0xE) return {char32_t(b & 0x0F) << 12 | cont(1) << 6 | cont(2), 3};
  if ((b >> 3) == 0x1E) return {char32_t(b & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3), 4};
  return {b, 1};
}

bool hidden(char32_t c, bool allowBreaks) {
  if (allowBreaks && (c == '\t' || c == '\n' || c == '\r')) return false;
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xFEFF || c == 0x180E;
}

std::string codePointName(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
  return buf;
}
}  // namespace

std::string hiddenCharacterProblem(std::string_view text, std::string_view what, bool allowBreaks) {
  for (size_t i = 0; i < text.size();) {
    const auto [c, len] = codePointAt(text, i);
    if (hidden(c, allowBreaks))
      return format(tr("{1} holds an invisible or control character ({2}); type it again without it."),
                    {what, codePointName(c)});
    i += len;
  }
  return {};
}

std::string cleanName(std::string_view text, std::string_view what) {
  // Line ends and tabs are white space a name may carry in from a file: normalizeText makes them spaces.
  if (auto p = hiddenCharacterProblem(text, what, true); !p.empty()) throw DataError(p);
  return normalizeText(text);
}

std::string cleanCode(std::string_view text, std::string_view what) {
  if (auto p = hiddenCharacterProblem(text, what, false); !p.empty()) throw DataError(p);
  return toUpper(normalizeText(text));
}

bool sameCode(std::string_view a, std::string_view b) {
  if (a == b) return true;
  return toUpper(normalizeText(a)) == toUpper(normalizeText(b));
}

std::string passphraseText(std::string_view typed) {
  return toNfc(typed);
}

std::string spreadsheetSafe(std::string_view cell) {
  if (cell.empty()) return std::string(cell);
  const char first = cell[0];
  if (first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' && first != '\r')
    return std::string(cell);
  // A plain number (-12, +84, -3,5) stays a number.
  if ((first == '-' || first == '+') && cell.size() > 1) {
    bool number = true;
    for (size_t i = 1; i < cell.size() && number; ++i)
      number = (cell[i] >= '0' && cell[i] <= '9') || cell[i] == ',' || cell[i] == '.';
    if (number) return std::string(cell);
  }
  // Appended rather than "'" + std::string(cell): GCC 12 at -O3 reports a false -Wrestrict on the latter.
  std::string inert(1, '\'');
  inert.append(cell);
  return inert;
}

}  // namespace dangbo::core
