#pragma once
// Translation of user-facing text below the window: the Vietnamese catalog (po/vi.po) is compiled
// at build time and embedded, so messages are Vietnamese whatever the machine's locale.
#include <initializer_list>
#include <string>
#include <string_view>

namespace dangbo::core {

/// The Vietnamese text of a message id; the id itself when the catalog lacks it.
const char* tr(const char* msgid);
/// Marks a string for extraction without translating it (for tables translated later).
constexpr const char* N_(const char* msgid) {
  return msgid;
}
/// Replaces {1}, {2}, ... in `pattern` with the arguments, in any order the translation puts them.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);
/// The raw bytes of the embedded catalog (a GNU .mo file), for the window's translation loader.
std::string_view catalogBytes();

}  // namespace dangbo::core
