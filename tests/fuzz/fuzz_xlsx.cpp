// libFuzzer target of the workbook reader (exchange/Xlsx): any bytes as an .xlsx file. Every input must end
// in sheets or a DataError; a crash, a sanitizer report, another exception, a timeout or an allocation over
// the -malloc_limit_mb is a finding (a zip bomb or a cell in column XFD must be refused by the limits).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/Errors.h"
#include "exchange/Xlsx.h"

using namespace dangbo;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)exchange::readXlsxBytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xlsx");
  } catch (const core::DataError&) {
  }
  return 0;
}
