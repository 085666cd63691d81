#include "core/I18n.h"

#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace dangbo::core {

extern const unsigned char kViCatalog[];
extern const std::size_t kViCatalogSize;

namespace {

// Reads a GNU .mo file: magic, revision, count, offset of originals, offset of translations.
class MoCatalog {
 public:
  explicit MoCatalog(std::string_view bytes) {
    if (bytes.size() < 28) return;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    uint32_t magic = read32(p, false);
    bool swap = false;
    if (magic == 0xde120495u)
      swap = true;
    else if (magic != 0x950412deu)
      return;
    uint32_t count = read32(p + 8, swap);
    uint32_t origOff = read32(p + 12, swap);
    uint32_t transOff = read32(p + 16, swap);
    if (origOff + 8ull * count > bytes.size() || transOff + 8ull * count > bytes.size()) return;
    map_.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t olen = read32(p + origOff + 8 * i, swap), opos = read32(p + origOff + 8 * i + 4, swap);
      uint32_t tlen = read32(p + transOff + 8 * i, swap), tpos = read32(p + transOff + 8 * i + 4, swap);
      if (uint64_t(opos) + olen >= bytes.size() || uint64_t(tpos) + tlen >= bytes.size()) continue;
      if (olen == 0 || tlen == 0) continue;  // the header entry, or an untranslated one
      map_.emplace(std::string_view(bytes.data() + opos, olen), bytes.data() + tpos);
    }
  }
  const char* find(const char* msgid) const {
    auto it = map_.find(std::string_view(msgid));
    return it == map_.end() ? msgid : it->second;
  }

 private:
  static uint32_t read32(const unsigned char* p, bool swap) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return swap ? __builtin_bswap32(v) : v;
  }
  std::unordered_map<std::string_view, const char*> map_;
};

const MoCatalog& catalog() {
  static const MoCatalog c(catalogBytes());
  return c;
}

}  // namespace

std::string_view catalogBytes() {
  return {reinterpret_cast<const char*>(kViCatalog), kViCatalogSize};
}

const char* tr(const char* msgid) {
  return catalog().find(msgid);
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string_view::npos && close > i + 1) {
        size_t n = 0;
        bool digits = true;
        for (size_t k = i + 1; k < close; ++k) {
          if (pattern[k] < '0' || pattern[k] > '9') {
            digits = false;
            break;
          }
          n = n * 10 + size_t(pattern[k] - '0');
        }
        if (digits && n >= 1 && n <= args.size()) {
          out += *(args.begin() + (n - 1));
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace dangbo::core
