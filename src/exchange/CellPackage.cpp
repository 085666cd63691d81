#include "exchange/CellPackage.h"

#include <sodium.h>
#include <zlib.h>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>
#include <cstring>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <type_traits>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/Platform.h"

namespace dangbo::exchange {
namespace {

constexpr char kMagic[8] = {'D', 'A', 'N', 'G', 'B', 'O', 'P', 'K'};
constexpr uint16_t kFormatVersion = 1;
constexpr uint32_t kMaxOps = 8;
constexpr uint32_t kMinMemKiB = 8 * 1024;
constexpr uint32_t kMaxMemKiB = 256 * 1024;
constexpr size_t kMaxPayload = 64u << 20;  // decompressed content
constexpr size_t kMaxFile = 64u << 20;

/// A read-only stream buffer over memory that knows how many bytes remain.
class MemoryBuf : public std::streambuf {
 public:
  MemoryBuf(const char* data, size_t size) {
    char* p = const_cast<char*>(data);
    setg(p, p, p + size);
  }
  size_t remaining() const { return static_cast<size_t>(egptr() - gptr()); }
};

// The buffer being read by the archive on this thread: loaders check every length against it.
thread_local const MemoryBuf* tLoading = nullptr;

struct BadContent : std::runtime_error {
  using std::runtime_error::runtime_error;
};

size_t remainingInput() {
  return tLoading ? tLoading->remaining() : 0;
}

template <class Ar>
void sized(Ar& ar, std::string& s) {
  if constexpr (Ar::is_saving::value) {
    uint64_t n = s.size();
    ar << n;
    if (n) ar.save_binary(s.data(), n);
  } else {
    uint64_t n = 0;
    ar >> n;
    if (n > remainingInput()) throw BadContent("string length beyond the end");
    s.resize(static_cast<size_t>(n));
    if (n) ar.load_binary(s.data(), static_cast<size_t>(n));
  }
}

template <class Ar, class T>
void sized(Ar& ar, std::vector<T>& v) {
  if constexpr (Ar::is_saving::value) {
    uint64_t n = v.size();
    ar << n;
    for (auto& e : v) {
      if constexpr (std::is_same_v<T, std::string>)
        sized(ar, e);  // never Boost's own string loader: it allocates whatever length the input claims
      else
        ar << e;
    }
  } else {
    uint64_t n = 0;
    ar >> n;
    // Every element takes at least one byte: a count beyond the remaining bytes is damage. Elements are
    // added one by one, so memory only grows with input actually read.
    if (n > remainingInput()) throw BadContent("count beyond the end");
    v.clear();
    for (uint64_t i = 0; i < n; ++i) {
      v.emplace_back();
      if constexpr (std::is_same_v<T, std::string>)
        sized(ar, v.back());
      else
        ar >> v.back();
    }
  }
}

}  // namespace
}  // namespace dangbo::exchange

namespace boost::serialization {

using dangbo::exchange::sized;

template <class Ar>
void serialize(Ar& ar, dangbo::core::PackageValue& v, const unsigned) {
  ar& v.kind;
  sized(ar, v.data);
  if (v.kind > dangbo::core::PackageValue::Blob) throw dangbo::exchange::BadContent("value kind");
}

template <class Ar>
void serialize(Ar& ar, dangbo::core::PackageRow& r, const unsigned) {
  ar& r.id;
  sized(ar, r.values);
}

template <class Ar>
void serialize(Ar& ar, dangbo::core::PackageTable& t, const unsigned) {
  sized(ar, t.name);
  sized(ar, t.columns);
  sized(ar, t.rows);
}

template <class Ar>
void serialize(Ar& ar, dangbo::core::CellPackage& p, const unsigned) {
  sized(ar, p.exportId);
  sized(ar, p.officeId);
  ar& p.officeRevision;
  sized(ar, p.committee);
  ar& p.cellId;
  sized(ar, p.cellCode);
  sized(ar, p.cellName);
  sized(ar, p.exportedAt);
  sized(ar, p.exportedBy);
  sized(ar, p.tables);
}

// Version 1: field changes of rows the package carried. Version 2 adds the kind (a field of a row the cell
// added) and the natural key of such a row; a version-1 change reads as an update.
template <class Ar>
void serialize(Ar& ar, dangbo::core::FieldChange& c, const unsigned version) {
  sized(ar, c.table);
  ar& c.recordId;
  sized(ar, c.recordLabel);
  sized(ar, c.column);
  ar& c.oldValue;
  ar& c.newValue;
  if (version < 2) {
    c.kind = dangbo::core::FieldChange::Update;
    c.keyColumns.clear();
    c.keyValues.clear();
    return;
  }
  ar& c.kind;
  sized(ar, c.keyColumns);
  sized(ar, c.keyValues);
  if constexpr (Ar::is_loading::value) {
    if (c.kind > dangbo::core::FieldChange::Insert) throw dangbo::exchange::BadContent("change kind");
    if (c.keyColumns.size() != c.keyValues.size()) throw dangbo::exchange::BadContent("change key");
  }
}

template <class Ar>
void serialize(Ar& ar, dangbo::core::ChangePackage& p, const unsigned) {
  sized(ar, p.packageId);
  sized(ar, p.exportId);
  sized(ar, p.officeId);
  ar& p.baseRevision;
  sized(ar, p.committee);
  ar& p.cellId;
  sized(ar, p.cellCode);
  sized(ar, p.secretary);
  sized(ar, p.createdAt);
  sized(ar, p.changes);
}

}  // namespace boost::serialization

BOOST_CLASS_VERSION(dangbo::core::PackageValue, 1)
BOOST_CLASS_VERSION(dangbo::core::PackageRow, 1)
BOOST_CLASS_VERSION(dangbo::core::PackageTable, 1)
BOOST_CLASS_VERSION(dangbo::core::CellPackage, 1)
BOOST_CLASS_VERSION(dangbo::core::FieldChange, 2)
BOOST_CLASS_VERSION(dangbo::core::ChangePackage, 1)
BOOST_CLASS_TRACKING(dangbo::core::PackageValue, boost::serialization::track_never)
BOOST_CLASS_TRACKING(dangbo::core::PackageRow, boost::serialization::track_never)
BOOST_CLASS_TRACKING(dangbo::core::PackageTable, boost::serialization::track_never)
BOOST_CLASS_TRACKING(dangbo::core::CellPackage, boost::serialization::track_never)
BOOST_CLASS_TRACKING(dangbo::core::FieldChange, boost::serialization::track_never)
BOOST_CLASS_TRACKING(dangbo::core::ChangePackage, boost::serialization::track_never)

namespace dangbo::exchange {

using core::DataError;
using core::format;
using core::tr;

namespace {

void sodiumReady() {
  if (sodium_init() < 0) throw DataError(tr("The encryption library could not be started."));
}

std::string compress(const std::string& in) {
  uLongf size = compressBound(in.size());
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(in.data()),
                in.size(), 9) != Z_OK)
    throw DataError(tr("The package could not be compressed."));
  out.resize(size);
  return out;
}

std::string decompress(std::string_view in) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) throw BadContent("inflateInit");
  std::string out;
  char chunk[16384];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      throw BadContent("inflate");
    }
    out.append(chunk, sizeof chunk - z.avail_out);
    if (out.size() > kMaxPayload) {
      inflateEnd(&z);
      throw BadContent("too large");
    }
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
      inflateEnd(&z);
      throw BadContent("truncated stream");
    }
  }
  bool trailing = z.avail_in != 0;
  inflateEnd(&z);
  if (trailing) throw BadContent("bytes after the stream");
  return out;
}

// Boost's own archive header is not written: its reader allocates whatever length the input claims for the
// signature (found by fuzzing). Our own signature takes its place; the class versions stay in the archive.
constexpr char kArchiveSignature[8] = {'D', 'B', 'G', 'A', 'R', 'C', '0', '1'};
constexpr unsigned kArchiveFlags = boost::archive::no_header | boost::archive::no_codecvt;

template <class T>
std::string archiveOf(const T& content) {
  std::ostringstream s;
  s.write(kArchiveSignature, sizeof kArchiveSignature);
  {
    boost::archive::binary_oarchive ar(s, kArchiveFlags);
    ar << content;
  }
  return s.str();
}

template <class T>
T contentOf(std::string_view payload, bool compressed) {
  T out;
  try {
    std::string plain = compressed ? decompress(payload) : std::string(payload);
    if (plain.size() < sizeof kArchiveSignature ||
        std::memcmp(plain.data(), kArchiveSignature, sizeof kArchiveSignature))
      throw BadContent("signature");
    MemoryBuf buf(plain.data() + sizeof kArchiveSignature, plain.size() - sizeof kArchiveSignature);
    tLoading = &buf;
    struct Reset {
      ~Reset() { tLoading = nullptr; }
    } reset;
    boost::archive::binary_iarchive ar(buf, kArchiveFlags);
    ar >> out;
  } catch (const BadContent& e) {
    throw DataError(format(tr("The content of the package is damaged ({1})."), {e.what()}));
  } catch (const boost::archive::archive_exception& e) {
    throw DataError(format(tr("The content of the package is damaged ({1})."), {e.what()}));
  } catch (const std::bad_alloc&) {
    throw DataError(format(tr("The content of the package is damaged ({1})."), {"size"}));
  } catch (const std::length_error& e) {
    throw DataError(format(tr("The content of the package is damaged ({1})."), {e.what()}));
  }
  return out;
}

void put16(std::string& s, uint16_t v) {
  for (int i = 0; i < 2; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put64(std::string& s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}
uint64_t get(std::string_view b, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(b[at + i])) << (8 * i);
  return v;
}

std::string headerBytes(const PackageHeader& h) {
  std::string s(kMagic, sizeof kMagic);
  put16(s, h.version);
  s += static_cast<char>(h.kind);
  s += '\0';
  put32(s, h.opsLimit);
  put32(s, h.memLimitKiB);
  put64(s, h.cipherLength);
  s.append(reinterpret_cast<const char*>(h.salt.data()), h.salt.size());
  s.append(reinterpret_cast<const char*>(h.nonce.data()), h.nonce.size());
  return s;
}

std::string seal(PackageKind kind, const std::string& payload, const std::string& passphrase) {
  if (passphrase.empty()) throw DataError(tr("The passphrase of a package cannot be empty."));
  sodiumReady();
  PackageHeader h;
  h.version = kFormatVersion;
  h.kind = kind;
  h.opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  h.memLimitKiB = static_cast<uint32_t>(crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024);
  h.cipherLength = payload.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  randombytes_buf(h.salt.data(), h.salt.size());
  randombytes_buf(h.nonce.data(), h.nonce.size());
  auto key = deriveKey(passphrase, h);
  std::string out = headerBytes(h);
  size_t at = out.size();
  out.resize(at + h.cipherLength);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      reinterpret_cast<unsigned char*>(out.data() + at), &written,
      reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
      reinterpret_cast<const unsigned char*>(out.data()), at, nullptr, h.nonce.data(), key.data());
  sodium_memzero(key.data(), key.size());
  out.resize(at + written);
  return out;
}

std::string unseal(std::string_view bytes, PackageKind kind, const std::string& passphrase) {
  PackageHeader h = parseHeader(bytes);
  if (h.kind != kind)
    throw DataError(kind == PackageKind::Cell ? tr("This file is a change package, not a cell package.")
                                              : tr("This file is a cell package, not a change package."));
  if (passphrase.empty()) throw DataError(tr("The passphrase of a package cannot be empty."));
  auto key = deriveKey(passphrase, h);
  std::string plain = openSealed(bytes, h, key);
  sodium_memzero(key.data(), key.size());
  return plain;
}

}  // namespace

PackageHeader parseHeader(std::string_view bytes) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw DataError(tr("The file is not a dangbo package."));
  if (bytes.size() < PackageHeader::kSize)
    throw DataError(format(tr("The package file is truncated: it ends inside its header ({1} of {2} bytes)."),
                           {std::to_string(bytes.size()), std::to_string(PackageHeader::kSize)}));
  PackageHeader h;
  h.version = static_cast<uint16_t>(get(bytes, 8, 2));
  if (h.version == 0 || h.version > kFormatVersion)
    throw DataError(
        format(tr("The package was made by a newer version of dangbo (format {1}); install the newer "
                  "version to open it."),
               {std::to_string(h.version)}));
  uint8_t kind = static_cast<uint8_t>(bytes[10]);
  if (kind != static_cast<uint8_t>(PackageKind::Cell) && kind != static_cast<uint8_t>(PackageKind::Changes))
    throw DataError(tr("The file is not a dangbo package."));
  h.kind = static_cast<PackageKind>(kind);
  h.opsLimit = static_cast<uint32_t>(get(bytes, 12, 4));
  h.memLimitKiB = static_cast<uint32_t>(get(bytes, 16, 4));
  h.cipherLength = get(bytes, 20, 8);
  if (bytes[11] != 0 || h.opsLimit < 1 || h.opsLimit > kMaxOps || h.memLimitKiB < kMinMemKiB ||
      h.memLimitKiB > kMaxMemKiB || h.cipherLength < crypto_aead_xchacha20poly1305_ietf_ABYTES ||
      h.cipherLength > kMaxFile)
    throw DataError(tr("The header of the package is damaged."));
  std::memcpy(h.salt.data(), bytes.data() + 28, h.salt.size());
  std::memcpy(h.nonce.data(), bytes.data() + 44, h.nonce.size());
  size_t have = bytes.size() - PackageHeader::kSize;
  if (have < h.cipherLength)
    throw DataError(format(
        tr("The package file is truncated: {1} of its {2} bytes are missing."),
        {std::to_string(h.cipherLength - have), std::to_string(h.cipherLength + PackageHeader::kSize)}));
  if (have > h.cipherLength)
    throw DataError(format(tr("The package file has {1} unexpected bytes at its end."),
                           {std::to_string(have - h.cipherLength)}));
  return h;
}

std::array<unsigned char, 32> deriveKey(const std::string& typed, const PackageHeader& h) {
  sodiumReady();
  // NFC: a passphrase typed with combining marks opens what the precomposed one sealed, and the other way.
  const std::string passphrase = core::passphraseText(typed);
  std::array<unsigned char, 32> key{};
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), h.salt.data(), h.opsLimit,
                    static_cast<size_t>(h.memLimitKiB) * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw DataError(tr("Not enough memory to derive the key of the package."));
  return key;
}

std::string openSealed(std::string_view bytes, const PackageHeader& h,
                       const std::array<unsigned char, 32>& key) {
  sodiumReady();
  std::string plain(h.cipherLength - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long got = 0;
  const auto* base = reinterpret_cast<const unsigned char*>(bytes.data());
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &got,
                                                 nullptr, base + PackageHeader::kSize, h.cipherLength, base,
                                                 PackageHeader::kSize, h.nonce.data(), key.data()) != 0)
    throw DataError(
        tr("The package cannot be opened: the passphrase is wrong, or the file was damaged or changed "
           "after it was made."));
  plain.resize(got);
  return plain;
}

std::string cellPayload(const core::CellPackage& p) {
  return compress(archiveOf(p));
}
std::string changesPayload(const core::ChangePackage& p) {
  return compress(archiveOf(p));
}
core::CellPackage cellFromPayload(std::string_view payload) {
  return contentOf<core::CellPackage>(payload, true);
}
core::ChangePackage changesFromPayload(std::string_view payload) {
  return contentOf<core::ChangePackage>(payload, true);
}
std::string cellArchive(const core::CellPackage& p) {
  return archiveOf(p);
}
std::string changesArchive(const core::ChangePackage& p) {
  return archiveOf(p);
}
core::CellPackage cellFromArchive(std::string_view archive) {
  return contentOf<core::CellPackage>(archive, false);
}
core::ChangePackage changesFromArchive(std::string_view archive) {
  return contentOf<core::ChangePackage>(archive, false);
}

std::string encodeCellPackage(const core::CellPackage& p, const std::string& passphrase) {
  return seal(PackageKind::Cell, cellPayload(p), passphrase);
}
std::string encodeChangePackage(const core::ChangePackage& p, const std::string& passphrase) {
  return seal(PackageKind::Changes, changesPayload(p), passphrase);
}
core::CellPackage decodeCellPackage(std::string_view bytes, const std::string& passphrase) {
  return cellFromPayload(unseal(bytes, PackageKind::Cell, passphrase));
}
core::ChangePackage decodeChangePackage(std::string_view bytes, const std::string& passphrase) {
  return changesFromPayload(unseal(bytes, PackageKind::Changes, passphrase));
}

std::string readPackageFile(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw DataError(format(tr("The file {1} cannot be read."), {path.string()}));
  if (size > kMaxFile + PackageHeader::kSize) throw DataError(tr("The file is not a dangbo package."));
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size)))
    throw DataError(format(tr("The file {1} cannot be read."), {path.string()}));
  return bytes;
}

void writePackageFile(const std::filesystem::path& path, const std::string& bytes) {
  core::platform::writeAtomically(path, [&](const std::filesystem::path& tmp) {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw DataError(format(tr("The file {1} cannot be written."), {path.string()}));
  });
}

}  // namespace dangbo::exchange
