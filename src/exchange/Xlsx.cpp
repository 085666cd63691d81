#include "exchange/Xlsx.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>

#include "core/Errors.h"
#include "core/I18n.h"
#include "exchange/InputLimits.h"

namespace dangbo::exchange {

using core::DataError;
using core::format;
using core::tr;

namespace {

std::string_view localName(std::string_view n) {
  size_t c = n.rfind(':');
  return c == std::string_view::npos ? n : n.substr(c + 1);
}

// SAX callbacks with namespace prefixes removed from element and attribute names.
struct XmlHandler {
  std::function<void(std::string_view, const std::map<std::string, std::string>&)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
};

void parseXml(const std::string& xml, XmlHandler& h, const std::string& file, const std::string& part) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"),
                                                                                  &XML_ParserFree);
  XML_SetUserData(p.get(), &h);
  XML_SetElementHandler(
      p.get(),
      [](void* ud, const XML_Char* name, const XML_Char** atts) {
        auto* hh = static_cast<XmlHandler*>(ud);
        if (!hh->start) return;
        std::map<std::string, std::string> a;
        for (int i = 0; atts[i]; i += 2) a[std::string(localName(atts[i]))] = atts[i + 1];
        hh->start(localName(name), a);
      },
      [](void* ud, const XML_Char* name) {
        auto* hh = static_cast<XmlHandler*>(ud);
        if (hh->end) hh->end(localName(name));
      });
  XML_SetCharacterDataHandler(p.get(), [](void* ud, const XML_Char* s, int len) {
    auto* hh = static_cast<XmlHandler*>(ud);
    if (hh->text) hh->text(std::string_view(s, size_t(len)));
  });
  if (XML_Parse(p.get(), xml.data(), int(xml.size()), 1) == XML_STATUS_ERROR)
    throw DataError(format(tr("{1} is not a readable Excel workbook: {2} is damaged ({3})."),
                           {file, part, XML_ErrorString(XML_GetErrorCode(p.get()))}));
}

class Zip {
 public:
  explicit Zip(const std::filesystem::path& path) : file_(path.string()) {
    int err = 0;
    z_ = zip_open(file_.c_str(), ZIP_RDONLY, &err);
    checkOpened();
  }
  // A workbook in memory (`bytes` must outlive the object).
  Zip(std::string_view bytes, std::string name) : file_(std::move(name)) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src) {
      z_ = zip_open_from_source(src, ZIP_RDONLY, &error);
      if (!z_) zip_source_free(src);
    }
    zip_error_fini(&error);
    checkOpened();
  }
  void checkOpened() {
    if (!z_) throw DataError(format(tr("{1} is not a readable Excel workbook."), {file_}));
    if (zip_get_num_entries(z_, 0) > limits::kMaxZipEntries) {
      zip_discard(z_);
      z_ = nullptr;
      throw DataError(
          format(tr("{1} holds more than {2} parts: it is not a workbook of the register. Nothing "
                    "was read."),
                 {file_, std::to_string(limits::kMaxZipEntries)}));
    }
  }
  ~Zip() {
    if (z_) zip_discard(z_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  // The content of an entry; nullopt when absent.
  std::optional<std::string> read(const std::string& name) {
    zip_int64_t idx = zip_name_locate(z_, name.c_str(), ZIP_FL_NOCASE);
    if (idx < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z_, zip_uint64_t(idx), 0, &st) != 0)
      throw DataError(format(tr("{1} is not a readable Excel workbook."), {file_}));
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(z_, zip_uint64_t(idx), 0),
                                                         &zip_fclose);
    if (!f) throw DataError(format(tr("{1} is not a readable Excel workbook."), {file_}));
    // A zip bomb is refused from what its header says, and from what it really inflates to (a header may
    // lie).
    auto tooLarge = [&](uint64_t size) {
      return size > limits::kMaxPartBytes || total_ + size > limits::kMaxWorkbookBytes ||
             (size > limits::kRatioFloor && (st.valid & ZIP_STAT_COMP_SIZE) &&
              size / std::max<uint64_t>(st.comp_size, 1) > limits::kMaxInflation);
    };
    auto refuse = [&] {
      throw DataError(
          format(tr("{1}: the part {2} inflates to far more than a workbook of the register holds "
                    "(a damaged or hostile file). Nothing was read."),
                 {file_, name}));
    };
    if ((st.valid & ZIP_STAT_SIZE) && tooLarge(st.size)) refuse();
    std::string out;
    char buf[65536];
    zip_int64_t n;
    while ((n = zip_fread(f.get(), buf, sizeof buf)) > 0) {
      out.append(buf, size_t(n));
      if (tooLarge(out.size())) refuse();
    }
    if (n < 0) throw DataError(format(tr("{1} is not a readable Excel workbook."), {file_}));
    total_ += out.size();
    return out;
  }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  zip_t* z_ = nullptr;
  uint64_t total_ = 0;  // bytes inflated so far
};

// Resolves a relationship target against the folder of the part that owns it.
std::string resolveTarget(const std::string& baseDir, const std::string& target) {
  std::string path = target.size() && target[0] == '/' ? target.substr(1) : baseDir + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t e = path.find('/', start);
    if (e == std::string::npos) e = path.size();
    std::string piece = path.substr(start, e - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = e + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string dirOf(const std::string& part) {
  size_t s = part.rfind('/');
  return s == std::string::npos ? std::string() : part.substr(0, s + 1);
}

std::string relsOf(const std::string& part) {
  return dirOf(part) + "_rels/" + part.substr(dirOf(part).size()) + ".rels";
}

std::map<std::string, std::string> readRels(Zip& zip, const std::string& part) {
  std::map<std::string, std::string> out;
  auto xml = zip.read(relsOf(part));
  if (!xml) return out;
  XmlHandler h;
  h.start = [&](std::string_view name, const std::map<std::string, std::string>& a) {
    if (name != "Relationship") return;
    auto id = a.find("Id"), target = a.find("Target");
    if (id != a.end() && target != a.end()) out[id->second] = resolveTarget(dirOf(part), target->second);
  };
  parseXml(*xml, h, zip.file(), relsOf(part));
  return out;
}

std::string formatNumber(const std::string& raw) {
  char* end = nullptr;
  double v = std::strtod(raw.c_str(), &end);
  if (end == raw.c_str() || *end) return raw;
  if (std::floor(v) == v && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    return buf;
  }
  return raw;
}

[[noreturn]] void cellTooLong(const std::string& file, const std::string& part) {
  throw DataError(
      format(tr("{1}: a cell of {2} is longer than {3} characters, more than Excel itself allows. "
                "Nothing was read."),
             {file, part, "32.767"}));
}

[[noreturn]] void tooManyCells(const std::string& file) {
  throw DataError(format(tr("{1} holds more than {2} cells: far more than a register. Nothing was read."),
                         {file, std::to_string(limits::kMaxCells)}));
}

// "A", "Z", "AA", ... for a 0-based column.
std::string xlsxColumnName(int col) {
  std::string out;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) out.insert(out.begin(), char('A' + (c - 1) % 26));
  return out;
}

}  // namespace

int xlsxColumnIndex(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size(); ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
    if (col > 16384) return -1;
  }
  return i == 0 ? -1 : col - 1;
}

int xlsxRowNumber(std::string_view ref) {
  int row = 0;
  for (char c : ref) {
    if (c >= '0' && c <= '9') {
      row = row * 10 + (c - '0');
      if (row > 1048576) return 0;
    }
  }
  return row;
}

std::optional<core::Date> excelSerialDate(double serial, bool date1904) {
  auto days = static_cast<int64_t>(std::floor(serial));
  if (date1904) return core::Date::fromSerial(days - 24107);
  if (days == 60) return std::nullopt;
  if (days < 60) return core::Date::fromSerial(days - 25568);
  return core::Date::fromSerial(days - 25569);
}

bool isDateFormat(int id, std::string_view code) {
  if (id >= 14 && id <= 22) return true;
  if (id < 164 && code.empty()) return false;
  bool quoted = false, bracket = false, date = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
      continue;
    }
    if (bracket) {
      if (c == ']') bracket = false;
      continue;
    }
    if (c == '"')
      quoted = true;
    else if (c == '[')
      bracket = true;
    else if (c == '\\' || c == '_' || c == '*')
      ++i;
    else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M')
      date = true;
  }
  return date;
}

namespace {
std::vector<XlsxSheet> readWorkbook(Zip& zip);
}

std::vector<XlsxSheet> readXlsx(const std::filesystem::path& path) {
  Zip zip(path);
  return readWorkbook(zip);
}

std::vector<XlsxSheet> readXlsxBytes(std::string_view bytes, const std::string& name) {
  Zip zip(bytes, name);
  return readWorkbook(zip);
}

namespace {
std::vector<XlsxSheet> readWorkbook(Zip& zip) {
  // The workbook part.
  std::string workbook = "xl/workbook.xml";
  for (const auto& [id, target] : readRels(zip, ""))
    if (target.size() > 4 && target.substr(target.size() - 4) == ".xml" &&
        target.find("workbook") != std::string::npos)
      workbook = target;
  auto wbXml = zip.read(workbook);
  if (!wbXml) throw DataError(format(tr("{1} is not a readable Excel workbook."), {zip.file()}));
  struct SheetRef {
    std::string name, rid;
  };
  std::vector<SheetRef> refs;
  bool date1904 = false;
  {
    XmlHandler h;
    h.start = [&](std::string_view name, const std::map<std::string, std::string>& a) {
      if (name == "sheet") {
        auto n = a.find("name"), id = a.find("id");
        if (n != a.end() && id != a.end()) refs.push_back({n->second, id->second});
      } else if (name == "workbookPr") {
        auto d = a.find("date1904");
        date1904 = d != a.end() && (d->second == "1" || d->second == "true");
      }
    };
    parseXml(*wbXml, h, zip.file(), workbook);
  }
  auto rels = readRels(zip, workbook);
  std::string sharedPart = dirOf(workbook) + "sharedStrings.xml", stylesPart = dirOf(workbook) + "styles.xml";
  for (const auto& [id, target] : rels) {
    if (target.find("sharedStrings") != std::string::npos) sharedPart = target;
    if (target.find("styles") != std::string::npos) stylesPart = target;
  }

  // Shared strings: the text of every <t> of an <si>, except phonetic runs.
  std::vector<std::string> shared;
  if (auto xml = zip.read(sharedPart)) {
    bool inT = false;
    int phonetic = 0;
    XmlHandler h;
    h.start = [&](std::string_view name, const std::map<std::string, std::string>&) {
      if (name == "si")
        shared.emplace_back();
      else if (name == "rPh")
        ++phonetic;
      else if (name == "t")
        inT = true;
    };
    h.end = [&](std::string_view name) {
      if (name == "rPh")
        --phonetic;
      else if (name == "t")
        inT = false;
    };
    h.text = [&](std::string_view s) {
      if (inT && !phonetic && !shared.empty()) {
        shared.back() += s;
        if (shared.back().size() > limits::kMaxCellBytes) cellTooLong(zip.file(), sharedPart);
      }
    };
    parseXml(*xml, h, zip.file(), sharedPart);
    if (shared.size() > limits::kMaxCells) tooManyCells(zip.file());
  }

  // Styles: which cell formats show dates.
  std::vector<bool> dateStyle;
  if (auto xml = zip.read(stylesPart)) {
    std::map<int, std::string> custom;
    std::vector<int> xfFormats;
    bool inCellXfs = false;
    XmlHandler h;
    h.start = [&](std::string_view name, const std::map<std::string, std::string>& a) {
      auto num = [&](const char* k) {
        auto it = a.find(k);
        return it == a.end() ? 0 : std::atoi(it->second.c_str());
      };
      if (name == "numFmt") {
        auto code = a.find("formatCode");
        custom[num("numFmtId")] = code == a.end() ? std::string() : code->second;
      } else if (name == "cellXfs") {
        inCellXfs = true;
      } else if (name == "xf" && inCellXfs) {
        xfFormats.push_back(num("numFmtId"));
      }
    };
    h.end = [&](std::string_view name) {
      if (name == "cellXfs") inCellXfs = false;
    };
    parseXml(*xml, h, zip.file(), stylesPart);
    for (int id : xfFormats) {
      auto it = custom.find(id);
      dateStyle.push_back(
          isDateFormat(id, it == custom.end() ? std::string_view() : std::string_view(it->second)));
    }
  }

  std::vector<XlsxSheet> out;
  size_t cells = 0;  // cells held by every sheet read so far, gaps included
  for (const auto& ref : refs) {
    auto rel = rels.find(ref.rid);
    if (rel == rels.end()) continue;
    auto xml = zip.read(rel->second);
    if (!xml) throw DataError(format(tr("{1} is not a readable Excel workbook."), {zip.file()}));
    XlsxSheet sheet;
    sheet.name = ref.name;
    int rowNo = 0, col = -1;
    std::string type, value, inlineText;
    int style = -1;
    bool inV = false, inT = false, inCell = false;
    int phonetic = 0;
    XlsxRow current;
    size_t rowsRead = 0;
    auto flushRow = [&] {
      if (++rowsRead > size_t(limits::kMaxRows))
        throw DataError(format(tr("{1}: the sheet {2} has more than {3} rows. Nothing was read."),
                               {zip.file(), ref.name, std::to_string(limits::kMaxRows)}));
      bool any = false;
      for (const auto& c : current.cells) any = any || !c.empty();
      if (any) sheet.rows.push_back(std::move(current));
      current = XlsxRow();
    };
    XmlHandler h;
    h.start = [&](std::string_view name, const std::map<std::string, std::string>& a) {
      if (name == "row") {
        auto r = a.find("r");
        rowNo = r != a.end() ? std::atoi(r->second.c_str()) : rowNo + 1;
        current = XlsxRow();
        current.number = rowNo;
        col = -1;
      } else if (name == "c") {
        inCell = true;
        auto r = a.find("r");
        int c = r != a.end() ? xlsxColumnIndex(r->second) : -1;
        col = c >= 0 ? c : col + 1;
        if (col >= limits::kMaxColumns || (r != a.end() && c < 0 && !r->second.empty() &&
                                           std::isalpha(static_cast<unsigned char>(r->second[0]))))
          throw DataError(
              format(tr("{1}: the cell {2} of the sheet {3} lies beyond the column {4}, the last an "
                        "import sheet may use. Nothing was read."),
                     {zip.file(), r != a.end() ? r->second : std::to_string(col + 1), ref.name,
                      xlsxColumnName(limits::kMaxColumns - 1)}));
        auto t = a.find("t");
        type = t == a.end() ? "n" : t->second;
        auto s = a.find("s");
        style = s == a.end() ? -1 : std::atoi(s->second.c_str());
        value.clear();
        inlineText.clear();
      } else if (name == "v" && inCell) {
        inV = true;
      } else if (name == "t" && inCell) {
        inT = true;
      } else if (name == "rPh") {
        ++phonetic;
      }
    };
    h.text = [&](std::string_view s) {
      if (inV)
        value += s;
      else if (inT && !phonetic)
        inlineText += s;
      if (value.size() > limits::kMaxCellBytes || inlineText.size() > limits::kMaxCellBytes)
        cellTooLong(zip.file(), rel->second);
    };
    h.end = [&](std::string_view name) {
      if (name == "v")
        inV = false;
      else if (name == "t")
        inT = false;
      else if (name == "rPh")
        --phonetic;
      else if (name == "row")
        flushRow();
      else if (name == "c") {
        inCell = false;
        std::string text;
        if (type == "s") {
          size_t i = size_t(std::atol(value.c_str()));
          if (!value.empty() && i < shared.size()) text = shared[i];
        } else if (type == "inlineStr") {
          text = inlineText;
        } else if (type == "b") {
          text = value == "1" ? "TRUE" : "FALSE";
        } else if (type == "str" || type == "e") {
          text = value;
        } else if (type == "d") {
          text = value.substr(0, 10);
        } else if (!value.empty()) {
          bool isDate = style >= 0 && size_t(style) < dateStyle.size() && dateStyle[size_t(style)];
          char* end = nullptr;
          double v = std::strtod(value.c_str(), &end);
          if (isDate && end != value.c_str() && !*end) {
            auto d = excelSerialDate(v, date1904);
            text = d ? d->iso() : "29/02/1900";
          } else {
            text = formatNumber(value);
          }
        }
        if (col >= 0 && col < limits::kMaxColumns) {
          if (current.cells.size() <= size_t(col)) {
            cells += size_t(col) + 1 - current.cells.size();
            if (cells > limits::kMaxCells) tooManyCells(zip.file());
            current.cells.resize(size_t(col) + 1);
          }
          current.cells[size_t(col)] = std::move(text);
        }
      }
    };
    parseXml(*xml, h, zip.file(), rel->second);
    out.push_back(std::move(sheet));
  }
  return out;
}

}  // namespace

}  // namespace dangbo::exchange
