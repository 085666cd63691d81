#include "exchange/ImportTemplate.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <string_view>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "core/VietText.h"
#include "exchange/Csv.h"
#include "exchange/Import.h"
#include "services/Import.h"

namespace dangbo::exchange {

using core::DataError;
using core::format;
using core::tr;
using services::ImportColumn;
using services::ImportType;

const char* const kExampleMark = "Ví dụ";

bool isExampleRow(const std::vector<std::string>& cells) {
  if (cells.empty()) return false;
  return core::fold(cells[0]).rfind(core::fold(kExampleMark), 0) == 0;
}

namespace {

constexpr int kRows = 5000;  // rows of the sheet given the text format and the drop-downs

// An example value of a column, in the form the import reads.
std::string example(const std::string& kind, const ImportColumn& c) {
  const std::string field = c.field;
  switch (c.type) {
    case ImportType::Code:
      if (field == "code") return kind == "to_chuc" ? "CB01" : kind == "quan_chung" ? "QC0001" : "DV0001";
      if (field == "cell_id" || field == "merged_into") return "CB01";
      return "DV0001";
    case ImportType::Date:
      return "15/03/2020";
    case ImportType::BirthDate:
      return "05/1985";
    case ImportType::Enum:
      return c.set && !c.set->items().empty() ? c.set->label(c.set->items().front().code) : "";
    case ImportType::YesNo:
      return "Có";
    case ImportType::Year:
      return "2025";
    case ImportType::Count:
      return "12";
    case ImportType::Number:
      return "30";
    case ImportType::Cccd:
      return "001085012345";
    case ImportType::Ethnic:
      return "Kinh";
    case ImportType::TermName:
      return "2025-2030";
    case ImportType::Text:
      break;
  }
  if (field == "full_name") return "Nguyễn Văn An";
  if (field == "name") return "Chi bộ bản Nà Ớt";
  return "";
}

// Identifiers that Excel would turn into numbers (a CCCD's leading zero lost): kept as text.
bool asText(ImportType t) {
  return t == ImportType::Code || t == ImportType::Cccd || t == ImportType::TermName || t == ImportType::Text;
}

// Column letters of a 0-based column ("A", "AB").
std::string letters(int col) {
  std::string s;
  for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), char('A' + (col - 1) % 26));
  return s;
}

void check(lxw_error e, const std::filesystem::path& p) {
  if (e != LXW_NO_ERROR) throw DataError(format(tr("Cannot write the file {1}."), {p.string()}));
}

// The sheets of the template workbook, their headers, example rows and drop-down lists.
void fillTemplateWorkbook(lxw_workbook* wb, const std::filesystem::path& out,
                          const std::vector<std::string>& ethnicGroups) {
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xE8EAED);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format_index(text, 49);  // the built-in "@": text
  lxw_format* exampleText = workbook_add_format(wb);
  format_set_num_format_index(exampleText, 49);
  format_set_italic(exampleText);
  format_set_font_color(exampleText, 0x5F6368);

  std::vector<lxw_worksheet*> sheets;
  for (const auto& spec : services::importFileSpecs())
    sheets.push_back(workbook_add_worksheet(wb, spec.kind));
  // The allowed values, one column per list, on a hidden sheet the drop-downs point to.
  lxw_worksheet* values = workbook_add_worksheet(wb, "gia_tri");
  int listCol = 0;
  auto addList = [&](const std::vector<std::string>& items) {
    for (size_t i = 0; i < items.size(); ++i)
      worksheet_write_string(values, lxw_row_t(i), lxw_col_t(listCol), items[i].c_str(), nullptr);
    const std::string range = "=gia_tri!$" + letters(listCol) + "$1:$" + letters(listCol) + "$" +
                              std::to_string(std::max<size_t>(1, items.size()));
    ++listCol;
    return range;
  };
  const std::string yesNo = addList({"Có", "Không"});
  const std::string ethnic = addList(ethnicGroups);

  size_t si = 0;
  for (const auto& spec : services::importFileSpecs()) {
    lxw_worksheet* ws = sheets[si++];
    const std::string kind = spec.kind;
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t i = 0; i < spec.columns.size(); ++i) {
      const ImportColumn& c = spec.columns[i];
      const auto col = lxw_col_t(i);
      const double width = std::max<double>(12.0, double(std::string_view(c.header).size()) * 0.9 + 2);
      worksheet_set_column(ws, col, col, width, asText(c.type) ? text : nullptr);
      worksheet_write_string(ws, 0, col, c.header, header);
      std::string value = example(kind, c);
      if (i == 0) value = std::string(kExampleMark) + ": " + value;  // the import skips this row
      if (!value.empty()) worksheet_write_string(ws, 1, col, value.c_str(), exampleText);
      std::string list;
      if (c.type == ImportType::Enum && c.set) {
        std::vector<std::string> labels;
        for (const auto& item : c.set->items()) labels.push_back(c.set->label(item.code));
        list = addList(labels);
      } else if (c.type == ImportType::YesNo) {
        list = yesNo;
      } else if (c.type == ImportType::Ethnic && !ethnicGroups.empty()) {
        list = ethnic;
      }
      if (!list.empty()) {
        lxw_data_validation dv{};
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = const_cast<char*>(list.c_str());
        // Another value is still accepted (the import reads codes and other names too), with a warning.
        dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        check(worksheet_data_validation_range(ws, 1, col, kRows, col, &dv), out);
      }
    }
  }
  worksheet_hide(values);
  worksheet_activate(sheets.front());
}

}  // namespace

void writeImportTemplateWorkbook(const std::filesystem::path& out,
                                 const std::vector<std::string>& ethnicGroups) {
  // Written whole or not at all (a full disk says so in Vietnamese, and leaves nothing).
  core::platform::writeAtomically(out, [&](const std::filesystem::path& tmp) {
    lxw_workbook* wb = workbook_new(tmp.string().c_str());
    if (!wb) throw DataError(format(tr("Cannot write the file {1}."), {out.string()}));
    try {
      fillTemplateWorkbook(wb, out, ethnicGroups);
    } catch (...) {
      core::platform::withoutStderr([&] { return int(workbook_close(wb)); });
      throw;
    }
    // libxlsxwriter's own English line is not shown.
    check(lxw_error(core::platform::withoutStderr([&] { return int(workbook_close(wb)); })), out);
  });
}

// The CSV templates: one empty list a kind, its header row only.
std::vector<std::filesystem::path> writeImportTemplates(const std::filesystem::path& folder) {
  core::platform::createPrivateFolders(folder);
  const auto specs = services::importFileSpecs();
  // A template never replaces a file that holds anything (a filled list would be cut to its header).
  for (const auto& spec : specs) {
    auto p = folder / (std::string(spec.kind) + ".csv");
    std::error_code ec;
    if (std::filesystem::exists(p, ec) &&
        (!std::filesystem::is_regular_file(p, ec) || std::filesystem::file_size(p, ec) != 0))
      throw DataError(
          format(tr("The file {1} already exists and is not empty; it was not replaced. Choose an empty "
                    "folder. Nothing was written."),
                 {p.string()}));
  }
  std::vector<std::filesystem::path> out;
  for (const auto& spec : specs) {
    std::string line = "\xEF\xBB\xBF";
    bool first = true;
    for (const auto& c : spec.columns) {
      if (!first) line += ',';
      first = false;
      line += csvField(c.header);
    }
    line += "\r\n";
    auto p = folder / (std::string(spec.kind) + ".csv");
    core::platform::writeAtomically(p, [&](const std::filesystem::path& tmp) {
      std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
      f << line;
      f.flush();
      if (!f) throw DataError(format(tr("Cannot write the file {1}."), {p.string()}));
    });
    out.push_back(p);
  }
  return out;
}

}  // namespace dangbo::exchange
