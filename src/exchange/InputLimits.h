#pragma once
// The limits every file read from outside (a workbook, a CSV file) must keep, so that a hostile or broken
// file is refused with a message naming it instead of taking the computer's memory. Generous for a
// province's register (100.000 members, 3.000 cells, ten years), small beside a zip bomb.
#include <cstddef>
#include <cstdint>

namespace dangbo::exchange::limits {

/// Entries of a workbook (an .xlsx is a zip of a few dozen parts).
constexpr int64_t kMaxZipEntries = 10000;
/// Uncompressed bytes of one part of a workbook, and of all its parts together.
constexpr uint64_t kMaxPartBytes = 256ull << 20;
constexpr uint64_t kMaxWorkbookBytes = 512ull << 20;
/// How many times larger than stored a part may inflate (sheets of text inflate 5-20 times; a bomb 1000).
constexpr uint64_t kMaxInflation = 200;
/// Parts under this size are not held to the ratio (a tiny part of repeated text may inflate a lot).
constexpr uint64_t kRatioFloor = 1ull << 20;
/// Columns of an import sheet or CSV file (A..IV; the import files have a few dozen).
constexpr int kMaxColumns = 256;
/// Rows of a sheet or CSV file (Excel's own limit).
constexpr int kMaxRows = 1048576;
/// Cells of a whole workbook (a province's register is about three million).
constexpr size_t kMaxCells = 12u * 1000 * 1000;
/// Bytes of one cell (Excel's limit is 32.767 characters; UTF-8 Vietnamese takes up to 3 bytes each).
constexpr size_t kMaxCellBytes = 32767u * 3;
/// Bytes of a CSV file.
constexpr uint64_t kMaxCsvBytes = 512ull << 20;

}  // namespace dangbo::exchange::limits
