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
#include "reports/StatisticsLayout.h"

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
  void figure(lxw_row_t r, lxw_col_t c, const StatisticsFigure& f, bool bold) {
    if (f.kind == StatisticsFigure::Blank)
      check(worksheet_write_blank(ws, r, c, s.count), "blank");
    else if (f.kind == StatisticsFigure::Count)
      check(worksheet_write_number(ws, r, c, double(f.count), bold ? s.countBold : s.count), "number");
    else if (!f.tenths)  // "-": nothing last year
      check(worksheet_write_string(ws, r, c, "-", s.dash), "text");
    else  // a fraction rounded to tenths of a percent as the printed report rounds it (0.107 shows 10,7%)
      check(worksheet_write_number(ws, r, c, double(*f.tenths) / 1000.0, bold ? s.percentBold : s.percent),
            "number");
  }
};

// Writes one template on its own sheet.
void writeTemplate(lxw_workbook* wb, const Styles& st, const services::ReportModel& model,
                   const core::CommitteeInfo& committee, const StatisticsSheet& t, const std::string& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  if (!ws) throw std::runtime_error("XLSX: cannot add the sheet " + sheet);
  const lxw_col_t last = lxw_col_t(t.columns - 1);
  Sheet out{ws, st, last};

  // The title block: the issuer left, the template's number right, the title and the period centred.
  lxw_row_t r = 0;
  const auto issuerTo = lxw_col_t(t.issuerTo), numberFrom = lxw_col_t(t.numberFrom);
  out.merge(r, 0, r, issuerTo, core::toUpper(committee.superior), st.plain);
  out.merge(r, numberFrom, r, last, statisticsNumber(t), st.bold);
  ++r;
  out.merge(r, 0, r, issuerTo, core::toUpper(committee.executive), st.bold);
  ++r;
  out.merge(r, 0, r, issuerTo, "*", st.centre);
  r += 2;
  out.merge(r, 0, r, last, core::toUpper(t.title), st.title);
  worksheet_set_row(ws, r, 36, nullptr);
  ++r;
  out.merge(r, 0, r, last, statisticsPeriod(model), st.note);
  ++r;
  out.merge(r, numberFrom, r, last, t.unit, st.note);
  r += 1;

  // The header: two rows of merged cells, then the column numbers.
  const lxw_row_t h1 = r, hn = r + 2;
  for (const auto& h : t.header)
    out.merge(lxw_row_t(h1 + h.row), lxw_col_t(h.col), lxw_row_t(h1 + h.row + h.rows - 1),
              lxw_col_t(h.col + h.cols - 1), h.text, h.row == 2 ? st.numbers : st.header);
  worksheet_set_row(ws, h1, 34, nullptr);
  worksheet_set_row(ws, h1 + 1, 50, nullptr);
  r = hn + 1;

  // The rows.
  for (const auto& l : t.lines) {
    const bool bold = l.part;
    check(worksheet_write_string(ws, r, 0, l.number.c_str(), bold ? st.ttBold : st.tt), "text");
    lxw_format* lf = bold ? st.labelBold : l.ofWhom ? st.ofWhom : l.detail ? st.detail : st.label;
    check(worksheet_write_string(ws, r, 1, l.text.c_str(), lf), "text");
    for (size_t k = 0; k < l.figures.size(); ++k) out.figure(r, lxw_col_t(2 + k), l.figures[k], bold);
    ++r;
  }

  // The signatures: the maker of the sheet left, the committee right.
  r += 1;
  const auto signFrom = lxw_col_t(t.signFrom);
  out.merge(r, signFrom, r, last, statisticsPlaceDate(committee), st.note);
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
  worksheet_set_column(ws, 1, 1, t.wide ? 34 : 58, nullptr);
  worksheet_set_column(ws, 2, last, t.wide ? 12 : 15, nullptr);
  worksheet_set_paper(ws, 9);
  if (t.wide) worksheet_set_landscape(ws);
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
    for (const auto& t : statisticsSheets(model))
      writeTemplate(wb, st, model, committee, t, sheetName(t.code, t.origin, used));
  } catch (...) {
    core::platform::withoutStderr([&] { return int(workbook_close(wb)); });
    throw;
  }
  check(lxw_error(core::platform::withoutStderr([&] { return int(workbook_close(wb)); })), "close");
}

}  // namespace dangbo::reports
