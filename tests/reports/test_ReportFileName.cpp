#include <doctest/doctest.h>

#include "reports/ReportCatalog.h"
#include "reports/ReportFileName.h"

using namespace dangbo;

TEST_CASE("report file names: Vietnamese words and the day, never the report's English name") {
  const core::Date day = *core::Date::make(2026, 12, 4);
  CHECK(reports::reportFileName("congress", day, "pdf") == "bao-cao-dai-hoi-04-12-2026.pdf");
  CHECK(reports::reportFileName("register", day, "xlsx") == "bao-cao-so-dang-vien-04-12-2026.xlsx");
  // Every report and form `report --list` names ("party-card MEMBER": its first word).
  for (const auto& call : reports::reportCalls()) {
    const std::string name = call.substr(0, call.find(' '));
    CAPTURE(name);
    const std::string file = reports::reportFileName(name, day, "docx");
    CHECK(file.rfind("bao-cao-", 0) == 0);
    CHECK(file.find(name) == std::string::npos);  // "bao-cao-congress-...", "bao-cao-dues-..." otherwise
    CHECK(file.find("-04-12-2026.docx") == file.size() - std::string("-04-12-2026.docx").size());
    for (const char c : file)  // a name every system and mail program keeps as it is
      CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'));
  }
}
