#include "reports/StatisticsXlsx.h"

#include <xlsxwriter.h>

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/I18n.h"
#include "core/Platform.h"
#include "core/VietText.h"

namespace dangbo::reports {

using core::format;
using core::tr;

namespace {

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX ") + what + ": " + lxw_strerror(e));
}

struct Styles {
  lxw_format* plain;      // the issuer's lines
  lxw_format* bold;       // the issuer's second line, the template's number
  lxw_format* centre;     // "*"
  lxw_format* title;      // the template's title
  lxw_format* note;       // the period, the unit, the signature hints
  lxw_format* sign;       // the signers' titles
  lxw_format* header;     // the header cells
  lxw_format* numbers;    // the row of column numbers
  lxw_format* tt;         // the row's number
  lxw_format* ttBold;     // the number of a part (A, I)
  lxw_format* label;      // a criterion
  lxw_format* labelBold;  // a part's criterion
  lxw_format* detail;     // a detail, indented
  lxw_format* ofWhom;     // "of whom ...": indented, italic
  lxw_format* count;
  lxw_format* countBold;
  lxw_format* percent;
  lxw_format* percentBold;
  lxw_format* dash;  // "-": no percent (nothing last year)
};

lxw_format* font(lxw_workbook* wb, double size = 12) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, size);
  return f;
}

// A cell of the grid: bordered, wrapped, centred vertically; the rest by `look`.
enum Look : unsigned { Bold = 1, Italic = 2, Centre = 4, Right = 8, Indent = 16, Indent2 = 32 };
lxw_format* grid(lxw_workbook* wb, unsigned look, const char* numFormat = nullptr) {
  lxw_format* f = font(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_align(f, (look & Centre) ? LXW_ALIGN_CENTER : (look & Right) ? LXW_ALIGN_RIGHT : LXW_ALIGN_LEFT);
  if (look & Bold) format_set_bold(f);
  if (look & Italic) format_set_italic(f);
  if (look & (Indent | Indent2)) format_set_indent(f, (look & Indent2) ? 2 : 1);
  if (numFormat) format_set_num_format(f, numFormat);
  return f;
}

Styles styles(lxw_workbook* wb) {
  Styles s{};
  s.plain = font(wb);
  format_set_align(s.plain, LXW_ALIGN_CENTER);
  s.bold = font(wb);
  format_set_bold(s.bold);
  format_set_align(s.bold, LXW_ALIGN_CENTER);
  s.centre = font(wb);
  format_set_align(s.centre, LXW_ALIGN_CENTER);
  s.title = font(wb, 14);
  format_set_bold(s.title);
  format_set_align(s.title, LXW_ALIGN_CENTER);
  format_set_align(s.title, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(s.title);
  s.note = font(wb);
  format_set_italic(s.note);
  format_set_align(s.note, LXW_ALIGN_CENTER);
  s.sign = font(wb);
  format_set_bold(s.sign);
  format_set_align(s.sign, LXW_ALIGN_CENTER);
  s.header = grid(wb, Bold | Centre);
  s.numbers = grid(wb, Italic | Centre);
  s.tt = grid(wb, Centre);
  s.ttBold = grid(wb, Bold | Centre);
  s.label = grid(wb, 0);
  s.labelBold = grid(wb, Bold);
  s.detail = grid(wb, Indent);
  s.ofWhom = grid(wb, Italic | Indent2);
  s.count = grid(wb, Right, "#,##0");
  s.countBold = grid(wb, Bold | Right, "#,##0");
  s.percent = grid(wb, Right, "0.0%");
  s.percentBold = grid(wb, Bold | Right, "0.0%");
  s.dash = grid(wb, Centre);
  return s;
}

// One row of a template as the sheet sets it.
struct Line {
  std::string key;
  std::string number;  // "A", "1", "II"; empty: none
  std::string text;    // the criterion without its number
  bool part = false;   // a part of the template (A, B, I): bold
  bool detail = false;
  bool heading = false;                // a heading the sheet adds: no figures
  int64_t current = 0, previous = 0;   // the figures
  int64_t women = 0, womenBefore = 0;  // template 4
};

bool isRoman(const std::string& s) {
  return !s.empty() && s.find_first_not_of("IVX") == std::string::npos;
}

// "A. Tổng số ..." -> ("A", "Tổng số ..."); "- trong đó ..." -> ("", "trong đó ...").
std::pair<std::string, std::string> splitNumber(std::string label) {
  if (label.rfind("- ", 0) == 0) label.erase(0, 2);
  const size_t dot = label.find(". ");
  if (dot != std::string::npos && dot > 0 && dot <= 4) {
    const std::string n = label.substr(0, dot);
    const bool digits = n.find_first_not_of("0123456789") == std::string::npos;
    const bool letter = n.size() == 1 && ((n[0] >= 'A' && n[0] <= 'Z') || (n[0] >= 'a' && n[0] <= 'z'));
    if (digits || letter || isRoman(n)) return {n, label.substr(dot + 2)};
  }
  return {"", label};
}

// The headings the official templates put between groups of rows that the figures do not carry (the
// analysis of templates 2 and 3), before the first row whose key starts with the prefix.
std::vector<std::pair<std::string, std::string>> headingsBefore(const std::string& code,
                                                                const std::string& key) {
  const bool t2 = code == "2-BTCTW", t3 = code == "3-BTCTW";
  if ((t2 || t3) && key == "age.0")
    return {{"II", t3 ? tr("Analysis of the members") : tr("Analysis of the new members")},
            {"2", tr("Age in years")}};
  if (t3 && key == "period.1") return {{"3", tr("Time of admission to the Party")}};
  if (t3 && key.rfind("cm.", 0) == 0) return {{"5", tr("Level of professional qualification")}};
  if (t3 && key.rfind("llct.", 0) == 0) return {{"7", tr("Level of political theory")}};
  if (code == "7-BTCTW" && key.rfind("chuyen.", 0) == 0) return {{"IV", tr("Party transfers")}};
  return {};
}

// The lines of a template's table: numbers split off, headings added, template 4's women folded into their
// row.
std::vector<Line> linesOf(const std::string& code, const services::ReportTable& t) {
  std::vector<Line> out;
  std::set<std::string> headed;
  for (const auto& r : t.rows) {
    auto figure = [&](size_t i) { return r.cells.size() > i && r.cells[i].value ? *r.cells[i].value : 0; };
    if (code == "4-BTCTW" && r.key.size() > 3 && r.key.compare(r.key.size() - 3, 3, ".nu") == 0 &&
        !out.empty() && out.back().key + ".nu" == r.key) {
      out.back().women = figure(1);
      out.back().womenBefore = figure(2);
      continue;
    }
    for (const auto& [number, text] : headingsBefore(code, r.key)) {
      if (!headed.insert(text).second) continue;
      Line h;
      h.number = number;
      h.text = text;
      h.heading = true;
      h.part = isRoman(number);
      out.push_back(std::move(h));
    }
    Line l;
    l.key = r.key;
    std::tie(l.number, l.text) = splitNumber(r.cells.empty() ? std::string() : r.cells[0].text);
    l.detail = r.role == services::RowRole::Detail;
    // Template 7's transfers each say "IV.": one heading IV, the transfers under it.
    if (code == "7-BTCTW" && r.key.rfind("chuyen.", 0) == 0) {
      l.number.clear();
      l.detail = true;
    }
    l.part = !l.detail && (l.number.empty() || isRoman(l.number) ||
                           (l.number.size() == 1 && l.number[0] >= 'A' && l.number[0] <= 'Z'));
    l.current = figure(1);
    l.previous = figure(2);
    out.push_back(std::move(l));
  }
  return out;
}

// The sheet's name: the template's number and a few words of its subject (at most 31 characters).
std::string sheetName(const std::string& code, const std::string& origin, std::set<std::string>& used) {
  static const std::map<std::string, const char*> subjects = {
      {"1-BTCTW", core::N_("Increase, decrease")}, {"2-BTCTW", core::N_("Admitted members")},
      {"3-BTCTW", core::N_("Body of members")},    {"4-BTCTW", core::N_("Ethnic groups, religions")},
      {"5-BTCTW", core::N_("Types of units")},     {"6-BTCTW", core::N_("Quality rating")},
      {"7-BTCTW", core::N_("Work with members")}};
  // A former commune's copy: the template's code and the commune ("1-BTCTW Chiềng Lương").
  auto it = subjects.find(code);
  std::string name = !origin.empty() ? code + " " + origin
                                     : code.substr(0, code.find('-')) + ". " +
                                           (it == subjects.end() ? code : std::string(tr(it->second)));
  std::string clean;
  for (char c : name)
    if (std::string("[]:*?/\\'").find(c) == std::string::npos) clean += c;
  // At most 31 characters (code points), cut at a word, unique.
  auto cut = [](const std::string& s, size_t n) {
    size_t count = 0, i = 0;
    for (; i < s.size(); ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == n) break;
    std::string out = s.substr(0, i);
    if (i < s.size() && s[i] != ' ' && out.rfind(' ') != std::string::npos) out.erase(out.rfind(' '));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  std::string unique = cut(clean, 31);
  for (int k = 2; used.count(core::toUpper(unique)); ++k)
    unique = cut(clean, 26) + " (" + std::to_string(k) + ")";
  used.insert(core::toUpper(unique));
  return unique;
}

struct Sheet {
  lxw_worksheet* ws;
  const Styles& s;
  lxw_col_t last;  // the last column

  void merge(lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const std::string& text, lxw_format* f) {
    if (r1 == r2 && c1 == c2)
      check(worksheet_write_string(ws, r1, c1, text.c_str(), f), "text");
    else
      check(worksheet_merge_range(ws, r1, c1, r2, c2, text.c_str(), f), "merge");
  }
  void count(lxw_row_t r, lxw_col_t c, int64_t n, bool bold) {
    check(worksheet_write_number(ws, r, c, double(n), bold ? s.countBold : s.count), "number");
  }
  // n / of as a percentage rounded to tenths as the printed report rounds it (a fraction: 0.107 shows
  // 10,7%); "-" when of is 0.
  void percent(lxw_row_t r, lxw_col_t c, int64_t n, int64_t of, bool bold) {
    const auto tenths = services::Figure::share(n, of).value;
    if (!tenths) {
      check(worksheet_write_string(ws, r, c, "-", s.dash), "text");
      return;
    }
    check(worksheet_write_number(ws, r, c, double(*tenths) / 1000.0, bold ? s.percentBold : s.percent),
          "number");
  }
};

// Writes one template on its own sheet.
void writeTemplate(lxw_workbook* wb, const Styles& st, const services::ReportModel& model,
                   const core::CommitteeInfo& committee, const std::string& code, const std::string& title,
                   const services::ReportTable& table, const std::string& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  if (!ws) throw std::runtime_error("XLSX: cannot add the sheet " + sheet);
  const bool byGroup = code == "4-BTCTW";  // total, women, share; last year's total, women; percent
  const lxw_col_t last = byGroup ? 7 : 4;
  Sheet out{ws, st, last};
  const std::string year = std::to_string(model.to.year()), before = std::to_string(model.to.year() - 1);

  // The title block: the issuer left, the template's number right, the title and the period centred.
  lxw_row_t r = 0;
  const lxw_col_t issuerTo = 1, numberFrom = byGroup ? 5 : 3;
  out.merge(r, 0, r, issuerTo, core::toUpper(committee.superior), st.plain);
  out.merge(r, numberFrom, r, last, format(tr("Template No. {1}"), {code}), st.bold);
  ++r;
  out.merge(r, 0, r, issuerTo, core::toUpper(committee.executive), st.bold);
  ++r;
  out.merge(r, 0, r, issuerTo, "*", st.centre);
  r += 2;
  out.merge(r, 0, r, last, core::toUpper(title), st.title);
  worksheet_set_row(ws, r, 36, nullptr);
  ++r;
  out.merge(r, 0, r, last,
            format(tr("(Report period from {1} to {2}; the same day last year alongside)"),
                   {model.from.vn(), model.to.vn()}),
            st.note);
  ++r;
  const char* unit =
      code == "5-BTCTW" || code == "6-BTCTW" ? core::N_("organizations, people") : core::N_("people");
  out.merge(r, numberFrom, r, last, format(tr("Unit: {1}"), {tr(unit)}), st.note);
  r += 1;

  // The header: two rows of merged cells, then the column numbers.
  const lxw_row_t h1 = r, h2 = r + 1, hn = r + 2;
  out.merge(h1, 0, h2, 0, tr("Row No."), st.header);
  if (!byGroup) {
    out.merge(h1, 1, h2, 1, tr("Criterion"), st.header);
    out.merge(h1, 2, h1, 3, tr("Number"), st.header);
    out.merge(h2, 2, h2, 2, format(tr("This period (year {1})"), {year}), st.header);
    out.merge(h2, 3, h2, 3, format(tr("Same period last year (year {1})"), {before}), st.header);
    out.merge(h1, 4, h2, 4, tr("This period against the same period last year (%)"), st.header);
    out.merge(hn, 0, hn, 1, "1", st.numbers);
    out.merge(hn, 2, hn, 2, "2", st.numbers);
    out.merge(hn, 3, hn, 3, "3", st.numbers);
    out.merge(hn, 4, hn, 4, "4 = 2 × 100 : 3", st.numbers);
  } else {
    out.merge(h1, 1, h2, 1, tr("Ethnic group, religion"), st.header);
    out.merge(h1, 2, h1, 4, format(tr("This period (year {1})"), {year}), st.header);
    out.merge(h1, 5, h1, 6, format(tr("Same period last year (year {1})"), {before}), st.header);
    out.merge(h1, 7, h2, 7, tr("Total of this period against the same period last year (%)"), st.header);
    for (lxw_col_t c : {2, 5}) {
      out.merge(h2, c, h2, c, tr("Total"), st.header);
      out.merge(h2, lxw_col_t(c + 1), h2, lxw_col_t(c + 1), tr("Of whom women"), st.header);
    }
    out.merge(h2, 4, h2, 4, tr("Share of all members (%)"), st.header);
    out.merge(hn, 0, hn, 1, "1", st.numbers);
    for (lxw_col_t c = 2; c <= 6; ++c) out.merge(hn, c, hn, c, std::to_string(c), st.numbers);
    out.merge(hn, 7, hn, 7, "7 = 2 × 100 : 5", st.numbers);
  }
  worksheet_set_row(ws, h1, 34, nullptr);
  worksheet_set_row(ws, h2, 50, nullptr);
  r = hn + 1;

  // The rows.
  const auto lines = linesOf(code, table);
  int64_t all = 0;  // template 4: all members (the share's base)
  for (const auto& l : lines) {
    const bool bold = l.part;
    const bool ofWhom = l.detail && (core::toLower(l.text).rfind(core::toLower(tr("of whom")), 0) == 0);
    check(worksheet_write_string(ws, r, 0, l.number.c_str(), bold ? st.ttBold : st.tt), "text");
    lxw_format* lf = bold ? st.labelBold : ofWhom ? st.ofWhom : l.detail ? st.detail : st.label;
    check(worksheet_write_string(ws, r, 1, l.text.c_str(), lf), "text");
    if (l.heading) {
      for (lxw_col_t c = 2; c <= last; ++c) check(worksheet_write_blank(ws, r, c, st.count), "blank");
    } else if (!byGroup) {
      out.count(r, 2, l.current, bold);
      out.count(r, 3, l.previous, bold);
      out.percent(r, 4, l.current, l.previous, bold);
    } else {
      if (l.key == "total") all = l.current;
      out.count(r, 2, l.current, bold);
      out.count(r, 3, l.women, bold);
      out.percent(r, 4, l.current, all, bold);
      out.count(r, 5, l.previous, bold);
      out.count(r, 6, l.womenBefore, bold);
      out.percent(r, 7, l.current, l.previous, bold);
    }
    ++r;
  }

  // The signatures: the maker of the sheet left, the committee right.
  r += 1;
  const lxw_col_t signFrom = byGroup ? 4 : 2;
  out.merge(r, signFrom, r, last, format(tr("{1}, day .. month .. year ...."), {committee.place}), st.note);
  ++r;
  out.merge(r, 0, r, 1, tr("PREPARED BY"), st.sign);
  out.merge(r, signFrom, r, last, committee.signerOnBehalf, st.sign);
  ++r;
  out.merge(r, 0, r, 1, tr("(Signature, full name, telephone)"), st.note);
  out.merge(r, signFrom, r, last, committee.signerTitle, st.sign);
  r += 4;
  if (!committee.signerName.empty()) out.merge(r, signFrom, r, last, committee.signerName, st.sign);

  // Columns, print setup: A4, landscape when wide, one page wide, the header on every page and frozen.
  worksheet_set_column(ws, 0, 0, 6, nullptr);
  worksheet_set_column(ws, 1, 1, byGroup ? 34 : 58, nullptr);
  if (byGroup)
    worksheet_set_column(ws, 2, 7, 12, nullptr);
  else
    worksheet_set_column(ws, 2, 4, 15, nullptr);
  worksheet_set_paper(ws, 9);
  if (byGroup) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.6, 0.4, 0.7, 0.7);
  check(worksheet_repeat_rows(ws, h1, hn), "repeat");
  worksheet_freeze_panes(ws, hn + 1, 0);
  const std::string footer = "&C" + format(tr("Page {1} of {2}"), {"&P", "&N"});
  worksheet_set_footer(ws, footer.c_str());
}

}  // namespace

bool isStatisticsModel(const services::ReportModel& model) {
  return model.name == "statistics";
}

void renderStatisticsXlsx(const std::filesystem::path& out, const services::ReportModel& model,
                          const core::CommitteeInfo& committee) {
  lxw_workbook* wb = workbook_new(out.c_str());
  if (!wb) throw std::runtime_error("cannot write " + out.string());
  try {
    const Styles st = styles(wb);
    std::set<std::string> used;
    for (const auto& sec : model.sections) {
      // "Biểu số 1-BTCTW: Thống kê tăng, giảm đảng viên năm 2025": the title after the colon.
      const size_t colon = sec.heading.find(": ");
      const std::string title = colon == std::string::npos ? sec.heading : sec.heading.substr(colon + 2);
      for (const auto& t : sec.tables) {
        const size_t at = t.key.find('@');  // a former commune's copy (report --by-origin): "1-BTCTW@Nà Ớt"
        const std::string code = t.key.substr(0, at);
        const std::string origin = at == std::string::npos ? std::string() : t.key.substr(at + 1);
        writeTemplate(wb, st, model, committee, code, origin.empty() ? title : title + " - " + origin, t,
                      sheetName(code, origin, used));
      }
    }
  } catch (...) {
    core::platform::withoutStderr([&] { return int(workbook_close(wb)); });
    throw;
  }
  check(lxw_error(core::platform::withoutStderr([&] { return int(workbook_close(wb)); })), "close");
}

}  // namespace dangbo::reports
