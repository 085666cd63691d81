// Several folders or workbooks read as one import (exchange::readImports).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <system_error>

#include "core/Errors.h"
#include "core/I18n.h"
#include "exchange/Import.h"

namespace dangbo::exchange {

using core::DataError;
using core::format;
using core::tr;

services::ImportBatch readImports(const std::vector<std::filesystem::path>& paths) {
  namespace fs = std::filesystem;
  if (paths.size() == 1) return readImport(paths.front());
  std::set<fs::path> seen;
  for (const auto& path : paths) {
    std::error_code ec;
    const fs::path same = fs::weakly_canonical(path, ec);
    if (!seen.insert(ec ? path : same).second)
      throw DataError(format(tr("{1} is named twice in the import."), {path.string()}));
  }
  std::map<std::string, size_t> order;  // kind -> its place in importFileSpecs()
  for (const auto& spec : services::importFileSpecs()) order.emplace(spec.kind, order.size());
  services::ImportBatch batch;
  for (const auto& path : paths) {
    auto one = readImport(path, true);
    for (auto& f : one.files) batch.files.push_back(std::move(f));
    for (auto& n : one.notices) batch.notices.push_back(std::move(n));
  }
  std::stable_sort(batch.files.begin(), batch.files.end(),
                   [&](const services::ImportFile& a, const services::ImportFile& b) {
                     return order.at(a.kind) < order.at(b.kind);
                   });
  return batch;
}

}  // namespace dangbo::exchange
