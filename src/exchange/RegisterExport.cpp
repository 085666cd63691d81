#include "exchange/RegisterExport.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "core/VietText.h"
#include "exchange/Csv.h"
#include "services/Services.h"

namespace dangbo::exchange {

namespace {

// Joins the non-empty parts with `sep`.
std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string vn(const std::optional<core::Date>& d) {
  return d ? d->vn() : std::string();
}

// The last event of this kind, or nullptr.
const core::MemberEvent* lastEvent(const services::RegisterEntry& e, std::string_view kind) {
  for (auto it = e.events.rbegin(); it != e.events.rend(); ++it)
    if (it->kind == kind) return &*it;
  return nullptr;
}

std::string lowerExtension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (auto& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return ext;
}

void writeCsv(const std::filesystem::path& path, const std::vector<services::RegisterEntry>& entries,
              const core::Date& asOf, core::ProgressStage& stage) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    throw core::DataError(core::format(core::tr("The file {1} could not be written."), {path.string()}));
  out << "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csvField(cells[i]);
    out << "\r\n";
  };
  line(registerHeadings());
  int n = 0;
  for (const auto& e : entries) {
    line(registerCells(e, ++n, asOf, "; "));
    stage.step();
  }
  out.flush();
  if (!out)
    throw core::DataError(core::format(core::tr("The file {1} could not be written."), {path.string()}));
}

// The number of lines the highest cell of a register row takes in columns of these widths (characters).
int registerRowLines(const std::vector<std::string>& cells, const double* widths) {
  int most = 1;
  for (size_t c = 0; c < cells.size() && c < 14; ++c) {
    int lines = 0;
    size_t start = 0;
    const std::string& text = cells[c];
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      size_t chars = 0;
      for (size_t i = start; i < end; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
      // Wrapping at words loses about a tenth of each line.
      lines += std::max(1, int((double(chars) * 1.1 + widths[c] - 2) / std::max(1.0, widths[c] - 1)));
      start = end + 1;
    }
    most = std::max(most, lines);
  }
  return most;
}

void writeXlsx(const std::filesystem::path& path, const std::vector<services::RegisterEntry>& entries,
               const core::Date& asOf, const std::string& committee, core::ProgressStage& stage) {
  // Constant memory: rows are written in order and strings inline, so a register of 100.000 members
  // does not sit in memory twice.
  lxw_workbook_options opts{};
  opts.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.string().c_str(), &opts);
  if (!wb)
    throw core::DataError(core::format(core::tr("The file {1} could not be written."), {path.string()}));
  // A stop or failure before the close frees the workbook (and its row files) without writing it.
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> open(wb, lxw_workbook_free);
  // The sheet is named for what it holds ("Sổ danh sách đảng viên").
  const std::string sheet = core::tr("Member register");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  if (!ws) ws = workbook_add_worksheet(wb, nullptr);
  auto add = [&] {
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 11);
    return f;
  };

  lxw_format* title = add();
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER_ACROSS);
  lxw_format* subtitle = add();
  format_set_italic(subtitle);
  format_set_align(subtitle, LXW_ALIGN_CENTER_ACROSS);
  lxw_format* committeeFmt = add();
  format_set_bold(committeeFmt);
  lxw_format* head = add();
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_bg_color(head, 0xE7E6E6);
  lxw_format* body = add();
  format_set_text_wrap(body);
  format_set_align(body, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(body, LXW_BORDER_THIN);
  lxw_format* number = add();
  format_set_align(number, LXW_ALIGN_CENTER);
  format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(number, LXW_BORDER_THIN);

  static const double kWidths[14] = {6, 26, 16, 22, 28, 24, 13, 16, 11, 20, 20, 16, 16, 30};
  for (lxw_col_t c = 0; c < 14; ++c) worksheet_set_column(ws, c, c, kWidths[c], nullptr);
  // Printed landscape on A4, all 14 columns on the page's width, the titles on page 1 and the
  // heading row on every page, "Trang N/M" at the bottom.
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_center_horizontally(ws);
  const std::string footer = "&C" + core::format(core::tr("Page {1} of {2}"), {"&P", "&N"});
  worksheet_set_footer(ws, footer.c_str());

  // Titles centred across the 14 columns (merging does not work in constant-memory mode).
  auto across = [&](lxw_row_t r, const std::string& text, lxw_format* f) {
    worksheet_write_string(ws, r, 0, text.c_str(), f);
    for (lxw_col_t c = 1; c < 14; ++c) worksheet_write_blank(ws, r, c, f);
  };
  worksheet_write_string(ws, 0, 0, core::toUpper(committee).c_str(), committeeFmt);
  worksheet_set_row(ws, 1, 22, nullptr);  // rows in order: constant-memory mode writes a row out when left
  across(1, core::tr("MEMBER REGISTER"), title);
  across(2, core::format(core::tr("As of {1}"), {asOf.vn()}), subtitle);
  const lxw_row_t headRow = 4;
  const auto headings = registerHeadings();
  worksheet_set_row(ws, headRow, 75, nullptr);
  for (lxw_col_t c = 0; c < 14; ++c) worksheet_write_string(ws, headRow, c, headings[c].c_str(), head);
  worksheet_repeat_rows(ws, headRow, headRow);
  worksheet_freeze_panes(ws, headRow + 1, 2);

  lxw_row_t row = headRow + 1;
  int n = 0;
  for (const auto& e : entries) {
    const auto cells = registerCells(e, ++n, asOf, "\n");
    // Tall enough for the wrapped cells (set before the row is written, in constant-memory mode).
    worksheet_set_row(ws, row, 15.0 * registerRowLines(cells, kWidths), nullptr);
    worksheet_write_number(ws, row, 0, n, number);
    for (lxw_col_t c = 1; c < 14; ++c) worksheet_write_string(ws, row, c, cells[c].c_str(), body);
    ++row;
    stage.step();
  }
  // libxlsxwriter's own English line is not shown: writeAtomically tells why in Vietnamese.
  const int err = core::platform::withoutStderr([&] { return int(workbook_close(open.release())); });
  if (err != LXW_NO_ERROR)
    throw core::DataError(core::format(core::tr("The file {1} could not be written."), {path.string()}));
}

}  // namespace

std::vector<std::string> registerHeadings() {
  return {core::tr("No."),
          core::tr("Full name (in use) / Full name at birth"),
          core::tr("Gender; ethnicity; religion"),
          core::tr("Hometown"),
          core::tr("General education, political theory, professional qualification, foreign language"),
          core::tr("Occupation before joining the Party; occupation now"),
          core::tr("Date of joining the Party; date official"),
          core::tr("Party card number; personal file number; Party badge number"),
          core::tr("Army, police, retired"),
          core::tr("Date transferred out, to which grassroots committee"),
          core::tr("Date transferred in, from which grassroots committee"),
          core::tr("Date of death; cause"),
          core::tr("Date of leaving the Party; form"),
          core::tr("Notes")};
}

std::vector<std::string> registerCells(const services::RegisterEntry& e, int number, const core::Date& asOf,
                                       std::string_view sep) {
  const core::Member& m = e.member;
  std::vector<std::string> c(14);
  c[0] = std::to_string(number);
  c[1] = join({m.fullName, m.birthName != m.fullName ? m.birthName : std::string()}, sep);
  c[2] = join({core::enums::gender.label(m.gender), e.ethnicityName, m.religion}, "; ");
  c[3] = m.hometown;
  c[4] = join({m.education,
               m.theory.empty() || m.theory == "chua"
                   ? std::string()
                   : core::format(core::tr("Theory: {1}"), {core::enums::theory.label(m.theory)}),
               m.qualification.empty() || m.qualification == "khong"
                   ? std::string()
                   : core::format(core::tr("Qualification: {1}"),
                                  {core::enums::qualification.label(m.qualification)})},
              sep);
  c[5] = m.occupation;
  c[6] =
      join({vn(m.admittedOn), vn(m.officialOn && *m.officialOn <= asOf ? m.officialOn : std::nullopt)}, sep);
  c[7] = join({m.cardNo, m.fileNo, e.badgeNo}, sep);
  if (e.cellCategory == "quan_su") c[8] = core::tr("Army");
  if (e.cellCategory == "cong_an") c[8] = core::tr("Police");

  // Column 10: a permanent transfer out (departed), or a temporary one still running on the day.
  if (!e.present && m.status == "transferred_out") {
    const auto* ev = lastEvent(e, "transfer_out");
    c[9] = ev && !ev->place.empty() ? core::format(core::tr("{1} to {2}"), {vn(m.statusSince), ev->place})
                                    : vn(m.statusSince);
  } else {
    const auto* out = lastEvent(e, "temp_out");
    const auto* back = lastEvent(e, "temp_back");
    if (out && (!back || back->date < out->date))
      c[9] = core::format(core::tr("temporarily, {1} to {2}"), {out->date.vn(), out->place});
  }
  if (m.transferredInOn)
    c[10] = m.transferredInFrom.empty()
                ? m.transferredInOn->vn()
                : core::format(core::tr("{1} from {2}"), {m.transferredInOn->vn(), m.transferredInFrom});
  if (!e.present && m.status == "deceased") {
    const auto* ev = lastEvent(e, "deceased");
    c[11] = join({vn(m.statusSince), ev ? ev->reason : std::string()}, "; ");
  }
  if (!e.present && (m.status == "removed" || m.status == "expelled" || m.status == "left"))
    c[12] = join({vn(m.statusSince), core::enums::memberStatus.label(m.status)}, "; ");

  std::vector<std::string> notes;
  if (m.birthDate) notes.push_back(core::format(core::tr("born {1}"), {m.birthDate->vn()}));
  notes.push_back(e.cellName);
  if (e.present && m.status == "exempt" && (!m.statusSince || *m.statusSince <= asOf))
    notes.push_back(m.statusSince
                        ? core::format(core::tr("exempt from activities since {1}"), {m.statusSince->vn()})
                        : std::string(core::tr("exempt from activities")));
  if (e.present && !(m.officialOn && *m.officialOn <= asOf)) notes.push_back(core::tr("probationary"));
  c[13] = join(notes, sep);
  return c;
}

int exportRegister(services::Services& services, const services::Actor& actor,
                   const std::filesystem::path& out, const RegisterExportOptions& options) {
  const std::string ext = lowerExtension(out);
  if (ext != ".csv" && ext != ".xlsx")
    throw core::DataError(core::format(
        core::tr("The register can be written only to a .csv or .xlsx file, not to {1}."), {out.string()}));
  const auto entries = services::registerEntries(services, actor, options.asOf, options.includeDeparted);
  // Written beside the target and renamed at the end, so a failure leaves no half-written file.
  core::platform::writeAtomically(out, [&](const std::filesystem::path& tmp) {
    core::ProgressStage stage(options.progress, core::tr("Writing the register"), entries.size());
    if (ext == ".csv")
      writeCsv(tmp, entries, options.asOf, stage);
    else
      writeXlsx(tmp, entries, options.asOf, services.committee().name, stage);
    stage.finish();
  });
  return static_cast<int>(entries.size());
}

}  // namespace dangbo::exchange
