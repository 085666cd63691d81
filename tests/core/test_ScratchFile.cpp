// core::platform::scratchFile: the scratch file a long PDF's lines wait in, beside the output rather than in
// the system's temporary folder (which may be memory), seen by no other program and gone once closed.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "../TestUtil.h"
#include "core/Platform.h"

using namespace dangbo;

TEST_CASE("scratch file: written and read back in its folder, which shows no file of it") {
  test::TempDir dir;
  std::FILE* f = core::platform::scratchFile(dir.path());
  REQUIRE(f != nullptr);
  const std::string text(100000, 'x');
  REQUIRE(std::fwrite(text.data(), 1, text.size(), f) == text.size());
  CHECK(test::filesIn(dir.path()) == 0);  // no name another program could open
  REQUIRE(std::fflush(f) == 0);
  REQUIRE(std::fseek(f, 0, SEEK_SET) == 0);
  std::string back(text.size(), '\0');
  CHECK(std::fread(back.data(), 1, back.size(), f) == back.size());
  CHECK(back == text);
  std::fclose(f);
  CHECK(test::filesIn(dir.path()) == 0);
}

TEST_CASE("scratch file: none in a folder that does not exist; the system's folder when none is given") {
  test::TempDir dir;
  CHECK(core::platform::scratchFile(dir / "missing") == nullptr);
  std::FILE* f = core::platform::scratchFile({});
  REQUIRE(f != nullptr);
  CHECK(std::fputs("a", f) >= 0);
  std::fclose(f);
}
