#pragma once
// The member register (sổ danh sách đảng viên, Mẫu 7-HSĐV) on a day, with its 14 columns, written to
// .csv (UTF-8 with a byte-order mark, RFC 4180) or .xlsx (title, bold header, column widths).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/Date.h"
#include "core/Progress.h"
#include "services/Actor.h"
#include "services/MemberList.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::exchange {

/// What exportRegister writes.
struct RegisterExportOptions {
  core::Date asOf;  ///< the day the register is taken on
  bool includeDeparted =
      false;  ///< also members who joined and left on or before the day (columns 10, 12, 13)
  core::Progress* progress = nullptr;  ///< told of each row written; a stop leaves no file (may be null)
};

/// The 14 column headings of Mẫu 7-HSĐV, in Vietnamese.
std::vector<std::string> registerHeadings();
/// The 14 cells of one register row numbered `number`; `sep` joins the parts inside a cell ("; " or "\n").
std::vector<std::string> registerCells(const services::RegisterEntry& entry, int number,
                                       const core::Date& asOf, std::string_view sep);
/// Writes the register to `out`, .csv or .xlsx by its ending (any other ending: DataError, nothing
/// written); rows in the Vietnamese name order, numbered from 1. Needs ReadRegister (a secretary gets
/// their cell). Returns the number of members written. When the progress asks to stop, core::Cancelled
/// is thrown and nothing is left at `out`.
int exportRegister(services::Services& services, const services::Actor& actor,
                   const std::filesystem::path& out, const RegisterExportOptions& options);

}  // namespace dangbo::exchange
