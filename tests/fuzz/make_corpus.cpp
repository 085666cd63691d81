// Writes the seed corpus of fuzz_package into the folder given as the only argument: for each stage of the
// target (its first byte), a small cell package and a change package with Vietnamese text, every value kind
// and a few rows. Built and run by hand when the format changes:
//   clang++ -std=c++20 -Isrc tests/fuzz/make_corpus.cpp src/exchange/CellPackage.cpp src/core/I18n.cpp \
//     build/generated/Catalog.cpp -lboost_serialization -lsodium -lz -o /tmp/make_corpus && /tmp/make_corpus
//     tests/fuzz/corpus
#include <filesystem>
#include <fstream>
#include <iostream>

#include "exchange/CellPackage.h"

using namespace dangbo;

namespace {
void write(const std::filesystem::path& dir, const std::string& name, char stage, const std::string& bytes) {
  std::ofstream out(dir / name, std::ios::binary);
  out << stage << bytes;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_corpus DIR\n";
    return 2;
  }
  std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  core::CellPackage cell;
  cell.exportId = "0123456789abcdef0123456789abcdef";
  cell.officeId = "fedcba9876543210fedcba9876543210";
  cell.officeRevision = 42;
  cell.committee = "Đảng bộ xã Phiêng Pằn";
  cell.cellId = 7;
  cell.cellCode = "CB07";
  cell.cellName = "Chi bộ bản Nà Ớt";
  cell.exportedAt = "2026-11-29T10:00:00Z";
  cell.exportedBy = "office";
  core::PackageTable members{"members", {"id", "code", "full_name", "sort_key", "score"}, {}};
  members.rows.push_back({1,
                          {core::PackageValue::integer(1),
                           core::PackageValue::text("DV0001"),
                           core::PackageValue::text("Lò Văn Ánh"),
                           {core::PackageValue::Blob, std::string("\x01\x02\x00", 3)},
                           {core::PackageValue::Real, "7.5"}}});
  members.rows.push_back({2,
                          {core::PackageValue::integer(2),
                           core::PackageValue::text("DV0002"),
                           core::PackageValue::text("Cầm Thị Đào"),
                           {},
                           {}}});
  cell.tables = {members,
                 {"rating_rounds",
                  {"year", "status"},
                  {{2026, {core::PackageValue::integer(2026), core::PackageValue::text("open")}}}}};

  core::ChangePackage changes;
  changes.packageId = "00112233445566778899aabbccddeeff";
  changes.exportId = cell.exportId;
  changes.officeId = cell.officeId;
  changes.baseRevision = 42;
  changes.committee = cell.committee;
  changes.cellId = 7;
  changes.cellCode = "CB07";
  changes.secretary = "Lò Văn Ánh";
  changes.createdAt = "2026-11-30T08:00:00Z";
  changes.changes.push_back({"members", 1, "Lò Văn Ánh (DV0001)", "phone", core::PackageValue::text(""),
                             core::PackageValue::text("0912345678")});
  changes.changes.push_back({"ratings",
                             9,
                             "Cầm Thị Đào (DV0002), năm 2026",
                             "proposed_level",
                             {},
                             core::PackageValue::text("HTTNV")});

  // Since version 2 of the change class: the fields of a row the cell added, with its natural key.
  core::FieldChange added{"candidate_checks", 31, "Lường Thị Mai (QC00177): thẩm tra Lường Văn Pọm (bố)",
                          "result",           {}, core::PackageValue::text("Gia đình chấp hành tốt")};
  added.kind = core::FieldChange::Insert;
  added.keyColumns = {"candidate_id", "person", "relation"};
  added.keyValues = {core::PackageValue::integer(177), core::PackageValue::text("Lường Văn Pọm"),
                     core::PackageValue::text("bố")};
  changes.changes.push_back(added);

  // The seeds changes-file, changes-payload and changes-archive (without "-v2") were written by version 1 of
  // the change class and are kept: the reader still takes that version.
  write(dir, "cell-file", 0, exchange::encodeCellPackage(cell, "fuzz"));
  write(dir, "changes-file-v2", 0, exchange::encodeChangePackage(changes, "fuzz"));
  write(dir, "cell-payload", 1, exchange::cellPayload(cell));
  write(dir, "changes-payload-v2", 2, exchange::changesPayload(changes));
  write(dir, "cell-archive", 3, exchange::cellArchive(cell));
  write(dir, "changes-archive-v2", 4, exchange::changesArchive(changes));
  std::cout << "6 seeds in " << dir << "\n";
  return 0;
}
