#pragma once
// Writes a Document as a Word document (.docx: WordprocessingML in a zip written with libzip) for the
// office to edit: Times New Roman 14 pt styles, A4 (landscape for a landscape document) with the margins
// of the party document format, the header block as a borderless two-column table, real Word tables whose
// header rows repeat on every page (w:tblHeader) and whose columns are sized so no word breaks
// (TableLayout), "Trang N/M" at the bottom, charts as PNG pictures drawn as in the PDF. Every element is
// written in the order of the ECMA-376 schema.
#include <filesystem>
#include <map>
#include <ostream>
#include <string>

#include "reports/Document.h"

namespace dangbo::reports {

/// Writes the document to a .docx file. Throws std::runtime_error when the file cannot be written.
void renderDocx(const std::filesystem::path& out, const Document& doc);

/// The parts of the .docx package by name ("word/document.xml", ...), as written into the zip.
std::map<std::string, std::string> docxParts(const Document& doc);

/// Writes word/document.xml of the document to `out`, each row of a table that reads its rows as they are
/// written (Table::rowSource) written as it is read. renderDocx writes such a document's part to a temporary
/// file first, so that the register of a province is never held whole.
void writeDocxDocument(std::ostream& out, const Document& doc);

/// Writes named parts into a new zip file (replacing it), the first name listed in `first` first; the parts
/// of `files` are read from those files. Throws std::runtime_error on failure. Shared by the DOCX writer and
/// its tests.
void writeZip(const std::filesystem::path& out, const std::map<std::string, std::string>& parts,
              const std::string& first = "[Content_Types].xml",
              const std::map<std::string, std::filesystem::path>& files = {});

}  // namespace dangbo::reports
