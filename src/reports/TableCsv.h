#pragma once
// The tables of a document as CSV a user opens in Excel: a UTF-8 byte-order mark, then per table its
// Vietnamese column headings and one line per row, a column per field (a caption line above each table
// when there are several, an empty line between them).
#include <ostream>

#include "reports/Document.h"

namespace dangbo::reports {

/// The UTF-8 byte-order mark that makes Excel on Windows read the file as UTF-8.
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

/// Writes the document's tables (not its charts, whose figures the tables hold) without the mark:
/// counts as plain integers ("1046"), percentages and text as printed ("10,7%"); "\r\n" line ends.
void writeTablesCsv(std::ostream& out, const Document& doc);

}  // namespace dangbo::reports
