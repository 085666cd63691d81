// Issue 15: what people type and files bring, cleaned in one place (core/InputClean).
#include <doctest/doctest.h>

#include "core/Csv.h"
#include "core/Errors.h"
#include "core/InputClean.h"

using namespace dangbo;

TEST_CASE("codes: capitals, NFC, outer spaces, invisible and control characters refused") {
  CHECK(core::cleanCode(" cb07 ", "Mã") == "CB07");
  CHECK(core::sameCode("cb07", "CB07"));
  CHECK(core::sameCode("CB07 ", "CB07"));
  CHECK_FALSE(core::sameCode("CB07", "CB70"));
  CHECK_THROWS_WITH_AS(core::cleanCode(std::string("CB\0"
                                                   "07",
                                                   5),
                                       "Mã"),
                       doctest::Contains("U+0000"), core::DataError);
  CHECK_THROWS_WITH_AS(core::cleanCode("CB\u200B07", "Mã"), doctest::Contains("U+200B"), core::DataError);
  CHECK_THROWS_AS(core::cleanCode("CB07\u2060", "Mã"), core::DataError);
  CHECK_THROWS_AS(core::cleanCode("\uFEFFCB07", "Mã"), core::DataError);
}

TEST_CASE("names: zero-width and control characters refused, a line break becomes a space, NFC") {
  CHECK(core::cleanName("Lò  Văn\nAn", "Họ tên") == "Lò Văn An");
  CHECK(core::cleanName("Lo\xCC\x80 Va\xCC\x86n An", "Họ tên") == "Lò Văn An");  // combining marks -> NFC
  CHECK_THROWS_WITH_AS(core::cleanName("Lò Văn\u200B An", "Họ tên"), doctest::Contains("Họ tên"),
                       core::DataError);
  CHECK_THROWS_AS(core::cleanName(std::string("Lò\0Văn", 7), "Họ tên"), core::DataError);
  CHECK_THROWS_AS(core::cleanName("Lò\u202EVăn", "Họ tên"), core::DataError);    // a direction override
  CHECK_THROWS_AS(core::cleanName("Lò\xC2\xADVăn", "Họ tên"), core::DataError);  // a soft hyphen
}

TEST_CASE("passphrases: typed with combining marks, the same text as precomposed") {
  CHECK(core::passphraseText("mật khẩu") !=
        core::passphraseText("mật khẫu"));  // different letters stay different
  const std::string nfc = "mật khẩu";
  const std::string nfd = "ma\xCC\x82\xCC\xA3t kha\xCC\x82\xCC\x89u";
  CHECK(nfd != nfc);
  CHECK(core::passphraseText(nfd) == core::passphraseText(nfc));
}

TEST_CASE("CSV cells a spreadsheet would run as formulas are written inert") {
  CHECK(core::csvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(core::csvField("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
  CHECK(core::csvField("@SUM(A1)") == "'@SUM(A1)");
  CHECK(core::csvField("-2+3") == "'-2+3");
  CHECK(core::csvField("-12") == "-12");  // a plain number stays a number
  CHECK(core::csvField("+84912345678") == "+84912345678");
  CHECK(core::csvField("Lò Văn An") == "Lò Văn An");
}
