#pragma once
// The file format of cell packages (office -> cell, .dbgoi) and change packages (cell -> office, .dbgthd).
//
// A file is a fixed header followed by the ciphertext:
//   magic "DANGBOPK" (8) | format version u16 | kind u8 | reserved u8 (0) | Argon2id opslimit u32 |
//   Argon2id memlimit in KiB u32 | ciphertext length u64 | salt (16) | nonce (24)     (little-endian, 68
//   bytes)
// The key is Argon2id(passphrase, salt); the ciphertext is XChaCha20-Poly1305 over the zlib-compressed
// Boost.Serialization binary archive of the content, with the whole header as additional data, so that
// a changed header, a wrong passphrase and a changed byte of the content are all refused.
// The reader never trusts a size it reads: every length is checked against the bytes that remain.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/PackageData.h"

namespace dangbo::exchange {

/// What a package file holds.
enum class PackageKind : uint8_t { Cell = 1, Changes = 2 };

/// The file name extensions (with the dot).
inline constexpr const char* kCellPackageExtension = ".dbgoi";
inline constexpr const char* kChangePackageExtension = ".dbgthd";

/// The fixed header of a package file.
struct PackageHeader {
  static constexpr size_t kSize = 68;
  uint16_t version = 1;
  PackageKind kind = PackageKind::Cell;
  uint32_t opsLimit = 0;
  uint32_t memLimitKiB = 0;
  uint64_t cipherLength = 0;
  std::array<unsigned char, 16> salt{};
  std::array<unsigned char, 24> nonce{};
};

/// The header of `bytes`; throws DataError for a file that is not a package, a newer format, unreasonable key
/// parameters, or a file shorter than its header says (truncated).
PackageHeader parseHeader(std::string_view bytes);
/// The 32-byte key of `passphrase` for `h`.
std::array<unsigned char, 32> deriveKey(const std::string& passphrase, const PackageHeader& h);
/// The plaintext of `bytes` (header already parsed) with `key`; throws DataError when authentication fails.
std::string openSealed(std::string_view bytes, const PackageHeader& h,
                       const std::array<unsigned char, 32>& key);

/// The compressed archive of a content, and back (DataError for anything that does not decode).
std::string cellPayload(const core::CellPackage& p);
std::string changesPayload(const core::ChangePackage& p);
core::CellPackage cellFromPayload(std::string_view payload);
core::ChangePackage changesFromPayload(std::string_view payload);
/// The uncompressed archive of a content, and back (for the fuzz target and its seed corpus).
std::string cellArchive(const core::CellPackage& p);
std::string changesArchive(const core::ChangePackage& p);
core::CellPackage cellFromArchive(std::string_view archive);
core::ChangePackage changesFromArchive(std::string_view archive);

/// The whole file of a content, encrypted with `passphrase` (refuses an empty one).
std::string encodeCellPackage(const core::CellPackage& p, const std::string& passphrase);
std::string encodeChangePackage(const core::ChangePackage& p, const std::string& passphrase);
/// The content of a whole file; DataError (Vietnamese, naming the problem) for anything else.
core::CellPackage decodeCellPackage(std::string_view bytes, const std::string& passphrase);
core::ChangePackage decodeChangePackage(std::string_view bytes, const std::string& passphrase);

/// Reads a package file (refuses one larger than any package); DataError when unreadable.
std::string readPackageFile(const std::filesystem::path& path);
/// Writes a package file whole or not at all.
void writePackageFile(const std::filesystem::path& path, const std::string& bytes);

}  // namespace dangbo::exchange
