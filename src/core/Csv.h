#pragma once
// One CSV field as RFC 4180 writes it.
#include <initializer_list>
#include <string>
#include <string_view>

namespace dangbo::core {

/// The field as is, or in double quotes (inner quotes doubled) when it holds a comma, a quote or a line
/// break; a cell beginning with = + - @ (not a plain number) gets a leading apostrophe
/// (core::spreadsheetSafe).
std::string csvField(std::string_view s);

/// A whole line: each field through csvField, separated by commas, ended by a line break.
std::string csvLine(std::initializer_list<std::string_view> fields);

}  // namespace dangbo::core
