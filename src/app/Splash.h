#pragma once
// The splash shown while a large register opens (a province's 100.000 members take seconds before the window
// can show): from the first moment, a small window naming the register, the step under way and a progress
// bar. A small register opens at once and shows none.
#include <wx/string.h>

#include <cstdint>
#include <filesystem>

namespace dangbo::app::splash {

/// Registers of at least this many bytes open behind a splash (about 25.000 members).
inline constexpr std::uintmax_t kLargeRegisterBytes = 16u << 20;

/// Shows the splash when the file at `path` is a large register, its progress out of `steps` steps.
void startIfLarge(const std::filesystem::path& path, int steps);
/// The next step under way (`what`, said as a phrase); nothing when no splash is shown.
void step(const wxString& what);
/// Hides the splash (once the window is shown); nothing when none is shown.
void finish();

}  // namespace dangbo::app::splash
