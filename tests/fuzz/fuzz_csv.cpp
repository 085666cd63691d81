// libFuzzer target of the CSV reader (exchange/Csv) and of the cell cleaning every import row goes through
// (core/InputClean): any bytes as CSV text. Every input must end in rows or a DataError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/Csv.h"
#include "core/Errors.h"
#include "core/InputClean.h"
#include "core/VietText.h"
#include "exchange/Csv.h"

using namespace dangbo;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const exchange::CsvTable t = exchange::parseCsv(text, "fuzz.csv");
    for (const auto& row : t.rows)
      for (const auto& cell : row) {
        if (!core::isValidUtf8(cell)) continue;
        (void)core::hiddenCharacterProblem(cell, "fuzz");
        (void)core::csvField(cell);
        try {
          (void)core::cleanCode(cell, "fuzz");
        } catch (const core::DataError&) {
        }
      }
  } catch (const core::DataError&) {
  }
  return 0;
}
