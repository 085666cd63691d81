#include "core/Numbers.h"

#include <limits>

namespace dangbo::core {

namespace {

// |v| without overflow for INT64_MIN.
uint64_t magnitude(int64_t v) {
  return v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

// One step of long division: with r < b, returns floor(10 r / b) and sets r = 10 r mod b, without overflow.
uint64_t nextDigit(uint64_t& r, uint64_t b) {
  uint64_t acc = 0;
  uint64_t digit = 0;
  for (int i = 0; i < 10; ++i) {
    // acc + r, reduced mod b (acc < b and r < b, so at most one subtraction).
    if (r >= b - acc) {
      acc = r - (b - acc);
      ++digit;
    } else {
      acc += r;
    }
  }
  r = acc;
  return digit;
}

// Digits of v with `sep` every three digits from the right.
std::string groupThousands(uint64_t v, char sep) {
  const std::string plain = std::to_string(v);
  std::string out;
  out.reserve(plain.size() + plain.size() / 3);
  const std::size_t first = plain.size() % 3 == 0 ? 3 : plain.size() % 3;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i >= first && (i - first) % 3 == 0) out += sep;
    out += plain[i];
  }
  return out;
}

std::string formatTenths(int64_t tenths, char decimal, char thousands) {
  const uint64_t m = magnitude(tenths);
  std::string out;
  if (tenths < 0) out += '-';
  out += thousands ? groupThousands(m / 10, thousands) : std::to_string(m / 10);
  out += decimal;
  out += static_cast<char>('0' + m % 10);
  return out;
}

}  // namespace

std::optional<int64_t> percentTenths(int64_t num, int64_t den) {
  if (den == 0) return std::nullopt;
  const bool negative = (num < 0) != (den < 0);
  const uint64_t a = magnitude(num);
  const uint64_t b = magnitude(den);
  const uint64_t whole =
      a / b;  // the integer part of num/den; the percent is whole * 1000 tenths plus the fraction
  uint64_t r = a % b;
  uint64_t frac = 0;
  for (int i = 0; i < 3; ++i) frac = frac * 10 + nextDigit(r, b);
  // Half away from zero on the magnitude: round up when the remainder is at least half of b.
  if (r >= b - r) ++frac;
  constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (whole > (kMax - frac) / 1000) return std::nullopt;
  const uint64_t total = whole * 1000 + frac;
  const int64_t value = static_cast<int64_t>(total);
  return negative ? -value : value;
}

std::string formatPercentVn(int64_t tenths) {
  return formatTenths(tenths, ',', '.') + '%';
}

std::string formatTenthsJson(int64_t tenths) {
  return formatTenths(tenths, '.', '\0');
}

std::string formatCountVn(int64_t n) {
  std::string out;
  if (n < 0) out += '-';
  out += groupThousands(magnitude(n), '.');
  return out;
}

}  // namespace dangbo::core
