#include "reports/ReportTemplate.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/I18n.h"
#include "core/Numbers.h"

namespace dangbo::reports {

using core::format;
using core::tr;
namespace fs = std::filesystem;

// The embedded defaults (generated from reports/*.txt by cmake/EmbedReports.cmake).
const std::vector<std::pair<const char*, const char*>>& embeddedReportTemplates();

TemplateData& TemplateData::text(const std::string& name, std::string value) {
  const bool t = !value.empty();
  return field(name, std::move(value), t);
}
TemplateData& TemplateData::flag(const std::string& name, bool value) {
  return field(name, "", value);
}
TemplateData& TemplateData::field(const std::string& name, std::string value, bool truth) {
  TemplateField& f = fields[name];
  f.text = std::move(value);
  f.truth = truth;
  return *this;
}
TemplateData& TemplateData::list(const std::string& name, std::vector<TemplateData> items) {
  TemplateField& f = fields[name];
  f.list = true;
  f.truth = !items.empty();
  f.items = std::move(items);
  return *this;
}

enum class NodeKind { Text, Field, Section, Inverted };

struct ReportTemplate::Node {
  NodeKind kind = NodeKind::Text;
  std::string text;  // Text: the text; others: the field's name
  std::vector<Node> children;
};

namespace {

// Characters (UTF-8 code points) of s[0, bytes): the 1-based column of the byte after them is that + 1.
int charsIn(std::string_view s) {
  int n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

[[noreturn]] void refuse(const std::string& source, int line, int column, const std::string& problem) {
  throw TemplateError(format(tr("Report template {1}, line {2}, column {3}: {4}"),
                             {source, std::to_string(line), std::to_string(column), problem}),
                      line, column);
}

struct Tag {
  char sigil = 0;  // 0 (a field), '#', '^', '/', '!'
  std::string name;
  size_t begin = 0, end = 0;  // byte offsets in the line: "{{" .. past "}}"
};

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

bool validName(const std::string& n) {
  if (n.empty()) return false;
  for (unsigned char c : n)
    if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-')) return false;
  return true;
}

// The tags of one line.
std::vector<Tag> tagsOf(const std::string& source, int lineNo, const std::string& line) {
  std::vector<Tag> out;
  size_t pos = 0;
  while ((pos = line.find("{{", pos)) != std::string::npos) {
    const size_t close = line.find("}}", pos + 2);
    if (close == std::string::npos)
      refuse(source, lineNo, charsIn(std::string_view(line).substr(0, pos)) + 1,
             tr("a field opened with {{ is not closed with }} on the same line."));
    Tag t;
    t.begin = pos;
    t.end = close + 2;
    std::string inner = trim(std::string_view(line).substr(pos + 2, close - pos - 2));
    if (!inner.empty() && (inner[0] == '#' || inner[0] == '^' || inner[0] == '/' || inner[0] == '!')) {
      t.sigil = inner[0];
      inner = trim(std::string_view(inner).substr(1));
    }
    t.name = inner;
    if (t.sigil != '!' && !validName(t.name))
      refuse(source, lineNo, charsIn(std::string_view(line).substr(0, pos)) + 1,
             format(tr("\"{1}\" is not a field name."), {t.name}));
    out.push_back(std::move(t));
    pos = close + 2;
  }
  return out;
}

// A name known in the scopes (innermost last); inside a list also "first" and "last".
const TemplateField* lookup(const std::vector<const TemplateData*>& scopes, const std::string& name) {
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
    auto f = (*it)->fields.find(name);
    if (f != (*it)->fields.end()) return &f->second;
  }
  return nullptr;
}

const std::vector<std::string>& directives() {
  static const std::vector<std::string> d = {"title",   "subtitle", "note",      "table",    "chart",
                                             "closing", "sections", "pagebreak", "numbered", "recipient"};
  return d;
}

// Checks the directive of a line beginning with '@'.
void checkDirective(const std::string& source, int lineNo, const std::string& line,
                    const TemplateBlocks& blocks) {
  const size_t at = line.find('@');
  size_t end = at + 1;
  while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
  const std::string word = line.substr(at + 1, end - at - 1);
  const int column = charsIn(std::string_view(line).substr(0, at)) + 1;
  if (std::find(directives().begin(), directives().end(), word) == directives().end())
    refuse(source, lineNo, column, format(tr("\"@{1}\" is not a directive."), {word}));
  const std::string arg = trim(std::string_view(line).substr(end));
  const int argColumn = charsIn(std::string_view(line).substr(0, line.find(arg, end))) + 1;
  if (word == "table" && !blocks.tables.count(arg))
    refuse(source, lineNo, argColumn, format(tr("there is no table \"{1}\"."), {arg}));
  if (word == "chart" && !blocks.charts.count(arg))
    refuse(source, lineNo, argColumn, format(tr("there is no chart \"{1}\"."), {arg}));
  if (word == "recipient" && arg.empty())
    refuse(source, lineNo, column, tr("@recipient needs the recipient's line."));
  if (word == "numbered" && (arg.empty() || arg.find_first_not_of("0123456789") != std::string::npos))
    refuse(source, lineNo, argColumn, tr("@numbered needs the first number."));
}

void renderNodes(const std::vector<ReportTemplate::Node>& nodes, std::vector<const TemplateData*>& scopes,
                 std::string& out);

void renderNode(const ReportTemplate::Node& n, std::vector<const TemplateData*>& scopes, std::string& out) {
  if (n.kind == NodeKind::Text) {
    out += n.text;
    return;
  }
  const TemplateField* f = lookup(scopes, n.text);
  if (!f) return;  // checked on load; a missing field in data prints nothing
  if (n.kind == NodeKind::Field) {
    out += f->text;
  } else if (n.kind == NodeKind::Inverted) {
    if (!f->truth) renderNodes(n.children, scopes, out);
  } else if (f->list) {
    for (size_t i = 0; i < f->items.size(); ++i) {
      TemplateData position;
      position.flag("first", i == 0).flag("last", i + 1 == f->items.size());
      scopes.push_back(&position);
      scopes.push_back(&f->items[i]);
      renderNodes(n.children, scopes, out);
      scopes.pop_back();
      scopes.pop_back();
    }
  } else if (f->truth) {
    renderNodes(n.children, scopes, out);
  }
}

void renderNodes(const std::vector<ReportTemplate::Node>& nodes, std::vector<const TemplateData*>& scopes,
                 std::string& out) {
  for (const auto& n : nodes) renderNode(n, scopes, out);
}

// A paragraph's runs: **bold** marks a bold run.
std::vector<Run> runsOf(const std::string& text) {
  std::vector<Run> runs;
  bool bold = false;
  size_t pos = 0;
  while (true) {
    const size_t mark = text.find("**", pos);
    const std::string piece = text.substr(pos, mark == std::string::npos ? std::string::npos : mark - pos);
    if (!piece.empty()) runs.push_back({piece, bold});
    if (mark == std::string::npos) break;
    bold = !bold;
    pos = mark + 2;
  }
  return runs;
}

}  // namespace

ReportTemplate ReportTemplate::parse(const std::string& source, const std::string& text,
                                     const TemplateData& schema, const TemplateBlocks& blocks) {
  // Lines, then the tree: a stack of open sections, each with its name and where it opened.
  struct Open {
    std::vector<Node>* children;
    std::string name;
    int line, column;
    bool list = false;  // a list section: pushed the position and item scopes
  };
  auto root = std::make_shared<std::vector<Node>>();
  std::vector<Open> stack{{root.get(), "", 0, 0}};
  std::vector<const TemplateData*> scopes{&schema};
  std::deque<TemplateData> positionScopes;  // "first"/"last" of the open lists
  auto addText = [&](const std::string& t) {
    if (t.empty()) return;
    auto& c = *stack.back().children;
    if (!c.empty() && c.back().kind == NodeKind::Text)
      c.back().text += t;
    else
      c.push_back({NodeKind::Text, t, {}});
  };
  std::istringstream in(text);
  std::string line;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<Tag> tags = tagsOf(source, lineNo, line);
    // A line of section and comment tags alone prints nothing, not even its end.
    bool standalone = !tags.empty();
    size_t prev = 0;
    for (const auto& t : tags) {
      if (t.sigil == 0 || !trim(std::string_view(line).substr(prev, t.begin - prev)).empty())
        standalone = false;
      prev = t.end;
    }
    if (!trim(std::string_view(line).substr(prev)).empty()) standalone = false;
    const std::string lead = trim(line);
    if (!lead.empty() && lead[0] == '@') checkDirective(source, lineNo, line, blocks);

    prev = 0;
    for (const auto& t : tags) {
      if (!standalone) addText(line.substr(prev, t.begin - prev));
      prev = t.end;
      const int column = charsIn(std::string_view(line).substr(0, t.begin)) + 1;
      if (t.sigil == '!') continue;
      if (t.sigil == '/') {
        if (stack.size() == 1 || stack.back().name != t.name)
          refuse(source, lineNo, column,
                 stack.size() == 1 ? format(tr("{{/{1}}} closes no open section."), {t.name})
                                   : format(tr("{{/{1}}} closes the section {{#{2}}} opened on line {3}."),
                                            {t.name, stack.back().name, std::to_string(stack.back().line)}));
        if (stack.back().list) {
          scopes.resize(scopes.size() - 2);
          positionScopes.pop_back();
        }
        stack.pop_back();
        continue;
      }
      const TemplateField* f = lookup(scopes, t.name);
      if (!f) refuse(source, lineNo, column, format(tr("there is no field \"{1}\"."), {t.name}));
      if (t.sigil == 0) {
        stack.back().children->push_back({NodeKind::Field, t.name, {}});
        continue;
      }
      auto& c = *stack.back().children;
      c.push_back({t.sigil == '#' ? NodeKind::Section : NodeKind::Inverted, t.name, {}});
      stack.push_back({&c.back().children, t.name, lineNo, column, t.sigil == '#' && f->list});
      if (stack.back().list) {
        static const TemplateData empty;
        TemplateData pos;
        pos.flag("first", true).flag("last", true);
        positionScopes.push_back(std::move(pos));
        scopes.push_back(&positionScopes.back());
        scopes.push_back(f->items.empty() ? &empty : &f->items.front());
      }
    }
    if (!standalone) {
      addText(line.substr(prev));
      addText("\n");
    }
  }
  if (stack.size() > 1)
    refuse(source, stack.back().line, stack.back().column,
           format(tr("the section {{#{1}}} is not closed."), {stack.back().name}));
  ReportTemplate t;
  t.nodes_ = root;
  return t;
}

void ReportTemplate::render(const TemplateData& data, const TemplateBlocks& blocks, Document& doc) const {
  std::string text;
  std::vector<const TemplateData*> scopes{&data};
  renderNodes(*nodes_, scopes, text);

  std::string paragraph;
  int number = 0;
  auto flush = [&] {
    if (paragraph.empty()) return;
    if (number > 0 && paragraph.rfind("(#)", 0) == 0)
      paragraph.replace(0, 3, std::string(1, '(').append(std::to_string(number++)).append(")"));
    doc.paragraph(runsOf(paragraph));
    paragraph.clear();
  };
  // The paper's own recipients (@recipient lines), wherever they stand: @closing prints them.
  std::vector<std::string> recipients;
  {
    std::istringstream scan(text);
    for (std::string raw; std::getline(scan, raw);)
      if (const std::string line = trim(raw); line.rfind("@recipient ", 0) == 0)
        recipients.push_back(trim(std::string_view(line).substr(11)));
  }
  std::istringstream in(text);
  std::string raw;
  while (std::getline(in, raw)) {
    const std::string line = trim(raw);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '@') {
      flush();
      const size_t sp = line.find(' ');
      const std::string word = line.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
      const std::string arg =
          sp == std::string::npos ? std::string() : trim(std::string_view(line).substr(sp));
      if (word == "title")
        doc.titleLine(arg, TitleStyle::Title);
      else if (word == "subtitle")
        doc.titleLine(arg, TitleStyle::Subtitle);
      else if (word == "note")
        doc.titleLine(arg, TitleStyle::Note);
      else if (word == "pagebreak")
        doc.pageBreak();
      else if (word == "numbered")
        number = std::stoi(arg);
      else if (word == "table") {
        if (auto it = blocks.tables.find(arg); it != blocks.tables.end()) doc.table(it->second);
      } else if (word == "chart") {
        if (auto it = blocks.charts.find(arg); it != blocks.charts.end() && !it->second.categories.empty())
          doc.chart(it->second);
      } else if (word == "closing") {
        const bool own = !recipients.empty() && blocks.closingWith;
        for (const auto& b : own ? blocks.closingWith(recipients) : blocks.closing) doc.blocks.push_back(b);
      } else if (word == "sections") {
        for (const auto& b : blocks.sections) doc.blocks.push_back(b);
      }
      continue;
    }
    if (line.rfind("## ", 0) == 0) {
      flush();
      doc.heading(trim(std::string_view(line).substr(3)), 2);
      continue;
    }
    if (line.rfind("# ", 0) == 0) {
      flush();
      doc.heading(trim(std::string_view(line).substr(2)), 1);
      continue;
    }
    paragraph = line;  // one line, one paragraph
    flush();
  }
}

std::string defaultTemplate(const std::string& report) {
  for (const auto& [name, text] : embeddedReportTemplates())
    if (report == name) return text;
  return {};
}

std::vector<std::string> templateNames() {
  std::vector<std::string> out;
  for (const auto& [name, text] : embeddedReportTemplates()) out.emplace_back(name);
  return out;
}

std::string templateFileName(const std::string& report) {
  return report + ".txt";
}

std::string officeTemplateFolder(const std::string& registerPath) {
  return (fs::path(registerPath).parent_path() / "mau-bao-cao").string();
}

std::string officeTemplateCopy(const std::string& report, const std::string& folder) {
  const std::string text = defaultTemplate(report);
  if (text.empty())
    throw TemplateError(format(tr("The report \"{1}\" has no template yet."), {report}), 0, 0);
  const fs::path path = fs::path(folder) / templateFileName(report);
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return path.string();
  fs::create_directories(folder, ec);
  const fs::path part = path.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary);
    out << text;
    if (!out.flush()) {
      fs::remove(part, ec);
      throw TemplateError(format(tr("The file {1} could not be written."), {path.string()}), 0, 0);
    }
  }
  fs::rename(part, path, ec);
  if (ec) throw TemplateError(format(tr("The file {1} could not be written."), {path.string()}), 0, 0);
  return path.string();
}

ReportTemplate loadTemplate(const std::string& report, const std::string& folder, const TemplateData& schema,
                            const TemplateBlocks& blocks) {
  if (!folder.empty()) {
    const fs::path office = fs::path(folder) / templateFileName(report);
    std::error_code ec;
    if (fs::is_regular_file(office, ec)) {
      std::ifstream file(office, std::ios::binary);
      std::ostringstream text;
      text << file.rdbuf();
      if (!file)
        throw TemplateError(format(tr("The report template {1} cannot be read."), {office.string()}), 0, 0);
      return ReportTemplate::parse(office.string(), text.str(), schema, blocks);
    }
  }
  return ReportTemplate::parse("reports/" + templateFileName(report), defaultTemplate(report), schema,
                               blocks);
}

std::string sentenceCount(int64_t n) {
  // Appended, not "0" + std::to_string(n): GCC 12 at -O3 reports a false -Wrestrict on the latter.
  if (n > 0 && n < 10) return std::string(1, '0').append(std::to_string(n));
  return core::formatCountVn(n);
}

std::string sentencePercent(int64_t tenths) {
  if (tenths % 10 == 0) return core::formatCountVn(tenths / 10) + "%";
  return core::formatPercentVn(tenths);
}

std::string termYears(int from, int to) {
  return std::to_string(from) + " - " + std::to_string(to);
}

std::string termName(const std::string& name) {
  if (name.size() == 9 && name[4] == '-') return name.substr(0, 4) + " - " + name.substr(5);
  return name;
}

}  // namespace dangbo::reports
