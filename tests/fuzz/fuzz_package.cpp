// libFuzzer target of the package reader (exchange/CellPackage). The first byte chooses the stage:
//   0: a whole file: header, then authentication with a fixed key (the key derivation is skipped: it is
//      the one part that needs no fuzzing and would make every run slow)
//   1, 2: a compressed payload of a cell package / a change package (zlib, then the archive)
//   3, 4: an uncompressed archive of a cell package / a change package (reaches Boost.Serialization
//         without having to get past zlib's checksum)
// Every input must end in the content or a DataError; anything else (a crash, a sanitizer report, another
// exception, a timeout, a large allocation) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/Errors.h"
#include "exchange/CellPackage.h"

using namespace dangbo;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 5) {
      case 0: {
        exchange::PackageHeader h = exchange::parseHeader(in);
        std::array<unsigned char, 32> key{};
        key[0] = 1;
        std::string plain = exchange::openSealed(in, h, key);
        if (h.kind == exchange::PackageKind::Cell)
          (void)exchange::cellFromPayload(plain);
        else
          (void)exchange::changesFromPayload(plain);
        break;
      }
      case 1:
        (void)exchange::cellFromPayload(in);
        break;
      case 2:
        (void)exchange::changesFromPayload(in);
        break;
      case 3:
        (void)exchange::cellFromArchive(in);
        break;
      default:
        (void)exchange::changesFromArchive(in);
        break;
    }
  } catch (const core::DataError&) {
  }
  return 0;
}
