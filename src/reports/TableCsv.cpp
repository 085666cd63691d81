#include "reports/TableCsv.h"

#include <string>
#include <vector>

#include "core/Csv.h"
#include "core/I18n.h"

namespace dangbo::reports {

namespace {

// Every field of a report's CSV goes through here (escaping of the text is core::csvField's).
std::string field(const std::string& text) {
  return core::csvField(text);
}

std::string valueOf(const Cell& c) {
  if (c.kind == CellKind::Count) return std::to_string(c.value);
  return c.text;
}

// One heading per column: the texts of the header rows over it, joined with " - " ("Nam - Số lượng").
std::vector<std::string> headings(const Table& t) {
  std::vector<std::string> out(t.columns());
  for (const auto& row : t.header) {
    size_t c = 0;
    for (const auto& cell : row) {
      for (size_t k = 0; k < size_t(cell.span) && c + k < out.size(); ++k) {
        std::string& h = out[c + k];
        if (cell.text.empty() || h == cell.text) continue;
        h += h.empty() ? cell.text : " - " + cell.text;
      }
      c += size_t(cell.span);
    }
  }
  // The row labels' column often has no heading in print; a spreadsheet needs one.
  if (!out.empty() && out.front().empty()) out.front() = core::tr("Figure");
  return out;
}

void line(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << field(fields[i]);
  out << "\r\n";
}

}  // namespace

void writeTablesCsv(std::ostream& out, const Document& doc) {
  const auto tables = doc.tables();
  bool first = true;
  for (const Table* t : tables) {
    if (!first) out << "\r\n";
    first = false;
    if (tables.size() > 1 && !t->caption.empty()) line(out, {t->caption});
    line(out, headings(*t));
    const size_t columns = t->columns();
    std::vector<std::string> fields;
    t->forEachRow([&](const TableRow& row) {
      fields.clear();
      for (size_t c = 0; c < columns; ++c)
        fields.push_back(c < row.cells.size() ? valueOf(row.cells[c]) : "");
      line(out, fields);
    });
  }
}

}  // namespace dangbo::reports
