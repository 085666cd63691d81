#include "reports/ReportCatalog.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/Platform.h"
#include "exchange/RegisterExport.h"
#include "reports/CongressReport.h"
#include "reports/DocxRenderer.h"
#include "reports/HtmlRenderer.h"
#include "reports/PdfRenderer.h"
#include "reports/ReportDocument.h"
#include "reports/ReportOrigins.h"
#include "reports/ReportTemplate.h"
#include "reports/StatisticsLayout.h"
#include "reports/StatisticsXlsx.h"
#include "reports/SupplementDocument.h"
#include "reports/TableCsv.h"
#include "reports/XlsxRenderer.h"
#include "services/AdmissionForms.h"
#include "services/BadgeRound.h"
#include "services/CellWork.h"
#include "services/FileSupplement.h"
#include "services/MemberForms.h"
#include "services/MemberList.h"
#include "services/NationalDatabase.h"
#include "services/Publishing.h"
#include "services/Reports.h"
#include "services/Services.h"
#include "services/Statistics.h"
#include "services/TransferBook.h"

namespace dangbo::reports {

using core::format;
using core::tr;
namespace fs = std::filesystem;

const std::vector<std::string>& reportNames() {
  static const std::vector<std::string> names = {"congress",
                                                 "organizations",
                                                 "members",
                                                 "admissions",
                                                 "ratings",
                                                 "discipline",
                                                 "committee",
                                                 "register",
                                                 "badges",
                                                 "deadlines",
                                                 "meetings",
                                                 "dues",
                                                 "removal-grounds",
                                                 "badge-proposals",
                                                 "badge-ceremony",
                                                 "statistics",
                                                 "changes",
                                                 "transfer-book",
                                                 "file-supplement-missing"};
  return names;
}

std::vector<std::string> reportCalls() {
  std::vector<std::string> calls;
  for (const auto& n : reportNames()) {
    calls.push_back(n);
    if (n == "dues")
      calls.push_back("dues --cell CELL");  // a cell's book (S01/ĐP) beside the summary (S02/ĐP)
  }
  for (const char* c :
       {"party-card MEMBER", "admission-cell-resolution CANDIDATE", "admission-resolution CANDIDATE",
        "admission-decision CANDIDATE", "recognition-cell-resolution MEMBER", "recognition-resolution MEMBER",
        "recognition-decision MEMBER", "transfer-letter TRANSFERRED", "handover --origin ORIGIN",
        "handover-list --origin ORIGIN", "file-supplement --cell CELL"})
    calls.push_back(c);
  return calls;
}

std::string reportTitle(const std::string& name) {
  static const std::map<std::string, const char*> titles = {
      {"congress", core::N_("Congress report: party building")},
      {"organizations", core::N_("Party organizations")},
      {"members", core::N_("Structure of the party membership")},
      {"admissions", core::N_("Admission of new members")},
      {"ratings", core::N_("Annual quality rating")},
      {"discipline", core::N_("Inspection, supervision and discipline")},
      {"committee", core::N_("Composition of the executive committee")},
      {"register", core::N_("Member register")},
      {"badges", core::N_("Party badges due at the next award day")},
      {"deadlines", core::N_("Deadlines")},
      {"meetings", core::N_("Cell meetings by month")},
      {"dues", core::N_("Party dues")},
      {"removal-grounds", core::N_("Members with a ground for removal")},
      {"badge-proposals", core::N_("Proposal of Party badges")},
      {"badge-ceremony", core::N_("Party badge award ceremony")},
      {"statistics", core::N_("Basic statistics templates")},
      {"changes", core::N_("Changes to enter into the national member database")},
      {"party-card", core::N_("Member card")},
      {"admission-decision", core::N_("Decision on admitting a party member")},
      {"admission-cell-resolution", core::N_("Resolution of the cell proposing an admission")},
      {"admission-resolution", core::N_("Resolution of the committee on an admission")},
      {"recognition-cell-resolution", core::N_("Resolution of the cell on recognising an official member")},
      {"recognition-resolution", core::N_("Resolution of the committee on recognising an official member")},
      {"recognition-decision", core::N_("Decision on recognising an official member")},
      {"meeting-minutes", core::N_("Minutes of the cell meeting")},
      {"transfer-letter", core::N_("Party transfer letter")},
      {"transfer-book", core::N_("Party transfer book")},
      {"file-supplement", core::N_("Supplement to the member's file")},
      {"file-supplement-missing", core::N_("Members whose file supplement is missing")}};
  auto it = titles.find(name);
  return it == titles.end() ? name : std::string(tr(it->second));
}

bool reportUsesPeriod(const std::string& name) {
  return name == "congress" || name == "admissions" || name == "ratings" || name == "discipline" ||
         name == "meetings" || name == "dues" || name == "removal-grounds" || name == "statistics" ||
         name == "changes" || name == "transfer-book" || name == "file-supplement" ||
         name == "file-supplement-missing";
}

bool isMemberForm(const std::string& name) {
  static const std::set<std::string> forms = {"party-card",
                                              "admission-cell-resolution",
                                              "admission-resolution",
                                              "admission-decision",
                                              "recognition-cell-resolution",
                                              "recognition-resolution",
                                              "recognition-decision",
                                              "meeting-minutes",
                                              "transfer-letter"};
  return forms.count(name) > 0;
}

bool isSheetsForm(const std::string& name) {
  return name == "file-supplement";
}

const std::vector<std::string>& reportFormats() {
  static const std::vector<std::string> formats = {"html", "json", "csv", "pdf", "docx", "xlsx"};
  return formats;
}

const std::vector<std::string>& reportFormatsOf(const std::string& name) {
  static const std::set<std::string> papers = {"admission-cell-resolution", "admission-resolution",
                                               "admission-decision",        "recognition-cell-resolution",
                                               "recognition-resolution",    "recognition-decision",
                                               "transfer-letter",           "file-supplement"};
  static const std::vector<std::string> noCsv = {"html", "json", "pdf", "docx", "xlsx"};
  return papers.count(name) ? noCsv : reportFormats();
}

FrozenReport makeReport(services::Services& s, const services::Actor& actor, const ReportRequest& q,
                        core::Progress* progress) {
  if (std::find(reportNames().begin(), reportNames().end(), q.name) == reportNames().end() &&
      !isMemberForm(q.name) && !isSheetsForm(q.name))
    throw core::DataError(format(tr("Unknown report \"{1}\"."), {q.name}));
  if (q.to < q.from)
    throw core::DataError(
        format(tr("The period ends ({2}) before it begins ({1})."), {q.from.vn(), q.to.vn()}));
  // A report of one former commune, or of each: the same report made from the register of each origin.
  if (!q.origin.empty() || q.byOrigin) return makeOriginReport(s, actor, q, progress);
  // A stage of unknown length while the services read the register (the register report counts its rows).
  core::ProgressStage reading(progress, tr("Reading the register"), 0);
  FrozenReport r;
  r.name = q.name;
  r.from = q.from;
  r.to = q.to;
  r.asOf = q.asOf;
  r.committee = s.committee();
  r.templateFolder = officeTemplateFolder(s.path().string());
  const std::string& n = q.name;
  if (n == "congress")
    r.congress = services::congressFigures(s, actor, q.from, q.to, q.asOf);
  else if (n == "organizations")
    r.model = services::organizationsReport(s, actor, q.asOf);
  else if (n == "members")
    r.model = services::membersReport(s, actor, q.asOf);
  else if (n == "committee")
    r.model = services::committeeReport(s, actor, q.asOf);
  else if (n == "register" && q.firstRows > 0) {
    r.wholeRows = services::registerCount(s, actor, q.asOf);
    r.model = registerFirstRows(s, actor, q.asOf, r.wholeRows, q.firstRows);
  } else if (n == "register")
    r.model = registerReport(s, actor, q.asOf, progress);
  else if (n == "badges")
    r.model = services::badgesReport(s, actor, q.asOf);
  else if (n == "admissions")
    r.model = services::admissionsReport(s, actor, q.from, q.to, q.asOf);
  else if (n == "ratings")
    r.model = services::ratingsReport(s, actor, q.from, q.to);
  else if (n == "discipline")
    r.model = services::disciplineReport(s, actor, q.from, q.to);
  else if (n == "deadlines")
    r.model = services::deadlinesReport(s, actor, q.asOf);
  else if (n == "meetings")
    r.model = services::meetingsReport(s, actor, q.from, q.to, q.cell);
  else if (n == "dues")
    r.model = services::duesReport(s, actor, q.from.year(), q.cell, q.asOf);
  else if (n == "removal-grounds")
    r.model = services::removalGroundsReport(s, actor, q.from.year(), q.asOf);
  else if (n == "badge-proposals")
    r.model = services::badgeProposalsReport(s, actor, q.asOf);
  else if (n == "badge-ceremony")
    r.model = services::badgeCeremonyReport(s, actor, q.asOf);
  else if (n == "statistics")
    r.model = services::statisticsReport(s, actor, q.to.year());
  else if (n == "changes")
    r.model = services::changesReport(s, actor, q.from, q.to);
  else if (n == "transfer-book")
    r.model = services::transferBookReport(s, actor, q.to.year());
  else if (n == "file-supplement")  // the sheets of the year of the period's end (3-HSĐV)
    r.model = services::fileSupplementReport(s, actor, {q.to.year(), q.cell, q.subject});
  else if (n == "file-supplement-missing")
    r.model = services::fileSupplementMissingReport(s, actor, {q.to.year(), q.cell});
  else if (n == "transfer-letter") {
    if (q.subject.empty()) throw core::DataError(tr("The transfer letter needs the member's code."));
    r.model = services::transferLetterReport(s, actor, q.subject);
  } else if (n == "party-card") {
    if (q.subject.empty()) throw core::DataError(tr("The member card needs the member's code."));
    r.model = services::partyCardReport(s, actor, q.subject);
  } else if (n == "admission-decision") {
    if (q.subject.empty()) throw core::DataError(tr("The admission decision needs the candidate's code."));
    r.model = services::admissionDecisionReport(s, actor, q.subject);
  } else if (n == "admission-cell-resolution" || n == "admission-resolution") {
    if (q.subject.empty()) throw core::DataError(tr("The admission papers need the candidate's code."));
    r.model = n == "admission-resolution" ? services::admissionResolutionReport(s, actor, q.subject)
                                          : services::admissionCellResolutionReport(s, actor, q.subject);
  } else if (n == "recognition-cell-resolution" || n == "recognition-resolution" ||
             n == "recognition-decision") {
    if (q.subject.empty()) throw core::DataError(tr("The recognition papers need the member's code."));
    if (n == "recognition-cell-resolution")
      r.model = services::recognitionCellResolutionReport(s, actor, q.subject);
    else if (n == "recognition-resolution")
      r.model = services::recognitionResolutionReport(s, actor, q.subject);
    else
      r.model = services::recognitionDecisionReport(s, actor, q.subject);
  } else if (n == "meeting-minutes") {
    if (q.subject.empty()) throw core::DataError(tr("The minutes sheet needs the meeting: CELL/DAY."));
    r.model = services::meetingMinutesReport(s, actor, q.subject);
  }
  // The dues reports keep their own titles: the book of a cell (S01/ĐP) or the summary (S02/ĐP).
  if (r.model && n != "dues") r.model->title = reportTitle(n);
  if (n != "register") reading.finish();
  return r;
}

Document reportDocument(const FrozenReport& r) {
  Document doc;
  if (r.congress) {
    try {
      doc = congressDocument(*r.congress, r.committee, r.templateFolder);
    } catch (const TemplateError& e) {
      throw core::DataError(e.what());
    }
  } else if (r.model) {
    try {
      // The statistics templates: the official grid of each (StatisticsLayout), as in the workbook.
      doc = r.model->name == "file-supplement" ? supplementDocument(*r.model, r.committee, r.templateFolder)
            : isStatisticsModel(*r.model)      ? statisticsDocument(*r.model, r.committee, r.templateFolder)
                                               : modelDocument(*r.model, r.committee, r.templateFolder);
    } catch (const TemplateError& e) {
      throw core::DataError(e.what());
    }
  } else {
    throw core::DataError(tr("The report holds no figures."));
  }
  addOriginParts(doc, r);
  if (r.published)
    doc.titleLine(publishedLine(r.published->first, r.published->second).text, TitleStyle::Note);
  if (r.wholeRows >= 0 && r.model) {  // the register's first rows: the others said under its table
    for (auto& block : doc.blocks)
      if (auto* t = std::get_if<Table>(&block); t && t->dense) {
        t->omittedRows = size_t(std::max<int64_t>(0, r.wholeRows - int64_t(t->rows.size())));
        break;
      }
  }
  return doc;
}

std::string reportOptions(const FrozenReport& r) {
  return "from=" + r.from.iso() + " to=" + r.to.iso() + " as_of=" + r.asOf.iso();
}

namespace {
// A preview holding the register's first rows is never written out as if it were the register.
void refusePreview(const FrozenReport& r) {
  if (r.wholeRows >= 0)
    throw core::DataError(
        tr("The preview holds only the first rows of the register: make the register whole "
           "to save or publish it."));
}
}  // namespace

void writeReport(std::ostream& out, const FrozenReport& r, const std::string& fmt,
                 const std::function<void(std::ostream&)>& live) {
  refusePreview(r);
  if ((fmt == "json" || fmt == "csv") && live) {
    if (fmt == "csv") out << kUtf8Bom;
    live(out);
    return;
  }
  if (fmt == "json") {
    if (r.congress && !r.congressByOrigin.empty())
      writeCongressByOriginJson(out, r);
    else if (r.congress)
      writeCongressJson(out, *r.congress);
    else if (r.model)
      writeModelJson(out, *r.model);
  } else if (fmt == "csv") {
    const Document doc = reportDocument(r);
    // A paper without tables: a file of its byte order mark alone would be taken for a failure.
    if (doc.tables().empty())
      throw core::DataError(
          format(tr("\"{1}\" holds no table, so a CSV file of it would be empty: choose pdf, "
                    "docx, xlsx, html or json."),
                 {r.model ? r.model->title : reportTitle(r.name)}));
    out << kUtf8Bom;
    writeTablesCsv(out, doc);
  } else if (fmt == "html") {
    renderHtml(out, reportDocument(r));
  } else if (fmt == "pdf") {
    renderPdf(out, reportDocument(r));
  } else {
    throw core::DataError(format(tr("The {1} format needs --out FILE."), {fmt}));
  }
}

void writeDocumentFile(const fs::path& out, const std::function<Document()>& makeDocument,
                       const std::function<void(std::ostream&)>& writeText, const std::string& fmt,
                       core::Progress* progress) {
  try {
    core::platform::writeAtomically(out, [&](const fs::path& part) {
      // Laying out the document has no steps to count; the renderers count the rows.
      auto document = [&] {
        core::ProgressStage layout(progress, tr("Preparing the document"), 0);
        Document doc = makeDocument();
        layout.finish();
        return doc;
      };
      if (fmt == "docx") {
        renderDocx(part, document());
      } else if (fmt == "xlsx") {
        renderXlsx(part, document(), progress);
      } else if (fmt == "pdf") {
        PdfOptions options;
        options.progress = progress;
        renderPdf(part, document(), options);
      } else {
        std::ofstream file(part, std::ios::binary | std::ios::trunc);
        if (!file) throw std::runtime_error(part.string());
        writeText(file);
        if (!file.flush()) throw std::runtime_error(part.string());
      }
    });
  } catch (const core::Cancelled&) {  // the part file is already gone
    throw core::Cancelled(
        format(tr("Stopped at your request: the file {1} was not written."), {out.string()}));
  }
}

void writeReportFile(const fs::path& out, const FrozenReport& r, const std::string& fmt,
                     core::Progress* progress) {
  refusePreview(r);
  // The statistics templates in Excel: laid out like the official templates, not as a document's tables.
  if (fmt == "xlsx" && r.model && isStatisticsModel(*r.model)) {
    core::platform::writeAtomically(
        out, [&](const fs::path& part) { renderStatisticsXlsx(part, *r.model, r.committee); });
    return;
  }
  writeDocumentFile(
      out, [&] { return reportDocument(r); }, [&](std::ostream& o) { writeReport(o, r, fmt); }, fmt,
      progress);
}

core::Id publish(services::Services& s, const services::Actor& actor, const FrozenReport& r) {
  refusePreview(r);
  const std::string title = r.model ? r.model->title : reportTitle(r.name);
  return services::publishReport(s, actor, r.name, title, reportOptions(r), archiveReport(r));
}

FrozenReport loadPublished(services::Services& s, const services::Actor& actor, core::Id id) {
  const services::Published p = services::publishedReport(s, actor, id);
  FrozenReport r = unarchiveReport(p.archive);
  // publishedAt is UTC ISO ("2026-12-04T09:15:00Z"): its date is the day of publication.
  const auto day = core::Date::parse(p.publishedAt.substr(0, 10));
  r.published = std::make_pair(p.id, day.value_or(r.asOf));
  r.templateFolder = officeTemplateFolder(s.path().string());
  return r;
}

namespace {

struct Located {
  std::string table, row, column, text;
};

// Every figure of a document keyed by table caption (n-th of equal captions), row label (n-th of equal
// labels) and column heading.
std::vector<std::pair<std::string, Located>> figuresOf(const Document& doc) {
  std::vector<std::pair<std::string, Located>> out;
  std::map<std::string, int> tableSeen;
  for (const Table* t : doc.tables()) {
    const std::string tkey = t->caption + "#" + std::to_string(tableSeen[t->caption]++);
    std::vector<std::string> headings;
    if (!t->header.empty())
      for (const auto& c : t->header.back())
        for (int i = 0; i < c.span; ++i) headings.push_back(c.text);
    std::map<std::string, int> rowSeen;
    for (const auto& r : t->rows) {
      if (r.cells.empty()) continue;
      const std::string label = r.cells.front().text;
      const std::string rkey = label + "#" + std::to_string(rowSeen[label]++);
      for (size_t c = 1; c < r.cells.size(); ++c) {
        const Cell& cell = r.cells[c];
        if (cell.kind == CellKind::Text && cell.text != "-") continue;
        const std::string column = c < headings.size() ? headings[c] : std::to_string(c + 1);
        out.push_back(
            {tkey + "\x1f" + rkey + "\x1f" + std::to_string(c), {t->caption, label, column, cell.text}});
      }
    }
  }
  return out;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// The figures of a sentence ("1.046", "101,4", "05") with where each begins, and the sentence with each
// replaced by '#': two printings of one sentence have the same skeleton.
struct Sentence {
  std::string text, skeleton;
  std::vector<std::pair<size_t, std::string>> figures;
};

Sentence sentenceOf(const std::string& text) {
  Sentence s;
  s.text = text;
  for (size_t i = 0; i < text.size();) {
    if (!isDigit(text[i])) {
      s.skeleton += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && (isDigit(text[j]) || ((text[j] == '.' || text[j] == ',') &&
                                                    j + 1 < text.size() && isDigit(text[j + 1]))))
      ++j;
    s.figures.emplace_back(i, text.substr(i, j - i));
    s.skeleton += '#';
    i = j;
  }
  return s;
}

// The words before a figure, back to the last punctuation: "kiểm tra đối với".
std::string contextBefore(const std::string& text, size_t at) {
  size_t b = at;
  while (b > 0 && std::string_view(",;:().").find(text[b - 1]) == std::string_view::npos) --b;
  std::string out = text.substr(b, at - b);
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The sentences of a document keyed by skeleton (n-th of equal skeletons).
std::vector<std::pair<std::string, Sentence>> sentencesOf(const Document& doc) {
  std::vector<std::pair<std::string, Sentence>> out;
  std::map<std::string, int> seen;
  for (const auto& b : doc.blocks)
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      Sentence s = sentenceOf(p->text());
      const std::string key = s.skeleton + "#" + std::to_string(seen[s.skeleton]++);
      out.emplace_back(key, std::move(s));
    }
  return out;
}

// The figures of the sentences that moved, and the sentences only one printing has.
void compareSentences(const Document& then, const Document& now, std::vector<FigureChange>& out) {
  const auto a = sentencesOf(then), b = sentencesOf(now);
  std::map<std::string, const Sentence*> nowByKey, thenByKey;
  for (const auto& [k, v] : b) nowByKey[k] = &v;
  for (const auto& [k, v] : a) thenByKey[k] = &v;
  const std::string label = tr("Text");
  for (const auto& [k, v] : a) {
    auto it = nowByKey.find(k);
    if (it == nowByKey.end()) {
      out.push_back({label, v.text, "", tr("(printed)"), "-"});
      continue;
    }
    const Sentence& n = *it->second;
    for (size_t i = 0; i < v.figures.size() && i < n.figures.size(); ++i)
      if (v.figures[i].second != n.figures[i].second)
        out.push_back(
            {label, contextBefore(v.text, v.figures[i].first), "", v.figures[i].second, n.figures[i].second});
  }
  for (const auto& [k, v] : b)
    if (!thenByKey.count(k)) out.push_back({label, v.text, "", "-", tr("(printed)")});
}

}  // namespace

std::vector<FigureChange> compareDocuments(const Document& then, const Document& now) {
  const auto a = figuresOf(then), b = figuresOf(now);
  std::map<std::string, const Located*> nowByKey, thenByKey;
  for (const auto& [k, v] : b) nowByKey[k] = &v;
  for (const auto& [k, v] : a) thenByKey[k] = &v;
  std::vector<FigureChange> out;
  for (const auto& [k, v] : a) {
    auto it = nowByKey.find(k);
    const std::string nowText = it == nowByKey.end() ? "-" : it->second->text;
    if (nowText != v.text) out.push_back({v.table, v.row, v.column, v.text, nowText});
  }
  for (const auto& [k, v] : b)
    if (!thenByKey.count(k) && v.text != "-") out.push_back({v.table, v.row, v.column, "-", v.text});
  compareSentences(then, now, out);
  return out;
}

namespace {

// The leaves of a JSON text as the JsonWriter indents it (one value per line): "path.to.key" -> value, array
// items numbered from 1 ("organizations_merged.2.from").
std::vector<std::pair<std::string, std::string>> jsonLeaves(const std::string& json) {
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::string> path;
  std::vector<int> index;  // per open container: -1 for an object, else the items of an array so far
  std::istringstream in(json);
  std::string line;
  while (std::getline(in, line)) {
    size_t b = line.find_first_not_of(' ');
    if (b == std::string::npos) continue;
    std::string t = line.substr(b);
    if (!t.empty() && t.back() == ',') t.pop_back();
    if (t == "}" || t == "]" || t == "{}" || t == "[]") {
      if (t.size() == 1 && !path.empty()) {
        path.pop_back();
        index.pop_back();
      }
      continue;
    }
    std::string key, value = t;
    if (t[0] == '"') {
      const size_t colon = t.find("\": ");
      if (colon != std::string::npos) {
        key = t.substr(1, colon - 1);
        value = t.substr(colon + 3);
      }
    }
    if (key.empty() && !index.empty() && index.back() >= 0) key = std::to_string(++index.back());
    std::string full;
    for (const auto& p : path) full += p.empty() ? "" : p + ".";
    full += key;
    if (value == "{" || value == "[") {
      path.push_back(key);
      index.push_back(value == "[" ? 0 : -1);
      continue;
    }
    out.emplace_back(full, value);
  }
  return out;
}

}  // namespace

std::vector<FigureChange> compareReports(const FrozenReport& then, const FrozenReport& now) {
  std::vector<FigureChange> out = compareDocuments(reportDocument(then), reportDocument(now));
  if (!then.congress || !now.congress) return out;
  // Every figure of the congress model, also those no sentence or table prints (by_origin, ...).
  std::ostringstream a, b;
  writeCongressJson(a, *then.congress);
  writeCongressJson(b, *now.congress);
  const auto before = jsonLeaves(a.str()), after = jsonLeaves(b.str());
  std::map<std::string, std::string> nowByPath(after.begin(), after.end()),
      thenByPath(before.begin(), before.end());
  const std::string table = tr("Figures of the report (JSON)");
  for (const auto& [k, v] : before) {
    auto it = nowByPath.find(k);
    const std::string n = it == nowByPath.end() ? "-" : it->second;
    if (n != v) out.push_back({table, k, "", v, n});
  }
  for (const auto& [k, v] : after)
    if (!thenByPath.count(k)) out.push_back({table, k, "", "-", v});
  return out;
}

void writeChanges(std::ostream& out, const std::vector<FigureChange>& changes) {
  if (changes.empty()) {
    out << tr("No figure has moved since the report was published.") << "\n";
    return;
  }
  for (const auto& c : changes)
    out << c.table << ": " << c.row << (c.column.empty() ? "" : ", " + c.column) << ": " << c.then << " -> "
        << c.now << "\n";
}

}  // namespace dangbo::reports
