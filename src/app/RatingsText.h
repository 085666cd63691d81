#pragma once
// What the two files of the ratings page share: the colour of warnings and the percentage text.
#include <wx/colour.h>
#include <wx/string.h>

#include <cstdint>
#include <optional>

#include "app/Ui.h"
#include "core/Numbers.h"

namespace dangbo::app::ratings {

/// Text of a warning (a cell over its quota, a row below the target).
inline const wxColour& warnText() {
  static const wxColour c(0xB0, 0x1E, 0x1E);
  return c;
}

/// "91,9%" from tenths of a percent, "-" when there is none.
inline wxString percent(const std::optional<int64_t>& tenths) {
  return tenths ? ui::wx(core::formatPercentVn(*tenths)) : wxString("-");
}

}  // namespace dangbo::app::ratings
