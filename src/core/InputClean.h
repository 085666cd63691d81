#pragma once
// Cleaning what people type and what files bring in, in one place: NFC everywhere (passphrases included),
// invisible and control characters refused in codes and names, codes compared without regard to case, and
// CSV cells that a spreadsheet would run as formulas made inert.
#include <string>
#include <string_view>

namespace dangbo::core {

/// The problem with an invisible or control character in `text` (a NUL, a control code, a zero-width space
/// or joiner, a soft hyphen, a direction mark, a byte-order mark), in the user's language and naming
/// `what` (the field); empty when there is none. Line ends and tabs count only in codes (`allowBreaks`).
std::string hiddenCharacterProblem(std::string_view text, std::string_view what, bool allowBreaks = false);
/// normalizeText(text) after refusing (core::DataError) hidden characters: for names and other single-line
/// text.
std::string cleanName(std::string_view text, std::string_view what);
/// A code as stored: NFC, trimmed, hidden characters refused (core::DataError), letters in capitals (cb07 is
/// CB07).
std::string cleanCode(std::string_view text, std::string_view what);
/// True when two codes are the same code (case, Unicode form and outer spaces aside).
bool sameCode(std::string_view a, std::string_view b);
/// The text a passphrase is turned into a key from: NFC, so that one typed with combining marks (Unikey's
/// "Unicode tổ hợp") opens what the precomposed one sealed. Spaces are kept as typed.
std::string passphraseText(std::string_view typed);
/// A CSV cell made inert for spreadsheets: a cell beginning with = + - @ (or a tab or carriage return) that
/// is not a plain number gets a leading apostrophe, so Excel shows it instead of running it as a formula.
std::string spreadsheetSafe(std::string_view cell);

}  // namespace dangbo::core
