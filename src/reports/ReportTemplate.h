#pragma once
// Report templates (reports/README.md): the wording, order and tables of a printed report in a small text
// syntax with the figures as named fields. A template is parsed and checked once (an unknown field, table or
// directive is refused with its line and column), then filled with the fields of one report into a Document.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "reports/Document.h"

namespace dangbo::reports {

struct TemplateData;

/// One named field: a text as printed, whether it counts as true in a section, and for a list its items.
struct TemplateField {
  std::string text;    ///< as printed ("05", "100%", "Phiêng Pằn")
  bool truth = false;  ///< {{#name}} shows its content (a count not 0, a text not empty, a flag set)
  bool list = false;   ///< a list: {{#name}} repeats its content once per item
  std::vector<TemplateData> items;  ///< the items of a list
};

/// The fields a template may name, by name ("admissions.total").
struct TemplateData {
  std::map<std::string, TemplateField> fields;
  /// A text field (true when not empty).
  TemplateData& text(const std::string& name, std::string value);
  /// A flag (prints nothing).
  TemplateData& flag(const std::string& name, bool value);
  /// A field with its own printed text and truth.
  TemplateData& field(const std::string& name, std::string value, bool truth);
  /// A list; `items` each hold the fields of one item.
  TemplateData& list(const std::string& name, std::vector<TemplateData> items);
};

/// What a template may use besides its fields: the tables and charts the program builds, by name.
struct TemplateBlocks {
  std::map<std::string, Table> tables;  ///< @table NAME
  std::map<std::string, Chart> charts;  ///< @chart NAME (left out when the chart has no category)
  std::vector<Block> closing;           ///< @closing: recipients and signature
  /// @closing of a template that lists its own recipients (`@recipient TEXT` lines, one each): the closing
  /// block with those instead of the settings' list; unset: `closing` whatever the template lists.
  std::function<std::vector<Block>(const std::vector<std::string>&)> closingWith;
  std::vector<Block> sections;  ///< @sections: the sections of a report worded by the program
};

/// A template refused on load: the file, line and column of the problem, in Vietnamese.
class TemplateError : public std::runtime_error {
 public:
  TemplateError(const std::string& message, int line, int column)
      : std::runtime_error(message), line_(line), column_(column) {}
  int line() const { return line_; }      ///< 1-based
  int column() const { return column_; }  ///< 1-based, in characters
 private:
  int line_, column_;
};

/// A parsed and checked template.
class ReportTemplate {
 public:
  /// Parses `text` (named `source` in messages) and checks every name against `schema` (the fields of a
  /// sample report whose lists hold one item each) and `blocks` (the table and chart names). Throws
  /// TemplateError naming the line and column of the first problem.
  static ReportTemplate parse(const std::string& source, const std::string& text, const TemplateData& schema,
                              const TemplateBlocks& blocks);
  /// Fills the template with `data` and `blocks` into `doc` (appending to its blocks).
  void render(const TemplateData& data, const TemplateBlocks& blocks, Document& doc) const;

  struct Node;  ///< the parsed tree (ReportTemplate.cpp)
 private:
  std::shared_ptr<const std::vector<Node>> nodes_;
};

/// The default template of a report as embedded in the program (reports/NAME.txt); empty when none.
std::string defaultTemplate(const std::string& report);
/// The names of the embedded templates ("congress", ...).
std::vector<std::string> templateNames();
/// The file name of a report's template ("congress.txt"), in reports/ and in an office's folder.
std::string templateFileName(const std::string& report);
/// The office's template folder beside a register: FOLDER/mau-bao-cao.
std::string officeTemplateFolder(const std::string& registerPath);

/// The office's copy of `report`'s template in `folder` (created with the folder from the embedded default
/// when absent; an existing copy is left as it is). Returns its path. Throws TemplateError when the report
/// has no template or the copy cannot be written.
std::string officeTemplateCopy(const std::string& report, const std::string& folder);

/// The template of `report`: the office's copy in `folder` when present, else the embedded default. Parsed
/// and checked (TemplateError with the file's path, line and column when refused).
ReportTemplate loadTemplate(const std::string& report, const std::string& folder, const TemplateData& schema,
                            const TemplateBlocks& blocks);

// Figures written the way the seed writes them in sentences.
/// A count in a sentence: below 10 with a leading zero ("05"), else as usual ("1.046"); 0 as "0".
std::string sentenceCount(int64_t n);
/// A percentage from tenths: whole ones without a decimal ("100%", "12%"), others with one ("101,4%").
std::string sentencePercent(int64_t tenths);
/// A term's years as the seed writes them: "2025 - 2030" (from "2025-2030" or the two years).
std::string termYears(int from, int to);
/// A term's name as the seed writes it: "2025-2030" -> "2025 - 2030" (any other name as it is).
std::string termName(const std::string& name);

}  // namespace dangbo::reports
