#include "services/ReportModel.h"

#include "core/I18n.h"
#include "core/Numbers.h"
#include "services/Services.h"

namespace dangbo::services {

ReportModel periodReportModel(Services& s, const char* name, const char* title, const core::Date& from,
                              const core::Date& to, const core::Date& asOf) {
  ReportModel m;
  m.name = name;
  m.title = core::tr(title);
  m.committee = s.committee().name;
  m.from = from;
  m.to = to;
  m.asOf = asOf;
  m.hasPeriod = true;
  return m;
}

Figure Figure::share(int64_t n, int64_t of) {
  return percent(core::percentTenths(n, of));
}

std::vector<const ReportTable*> ReportModel::tables() const {
  std::vector<const ReportTable*> out;
  for (const auto& s : sections)
    for (const auto& t : s.tables) out.push_back(&t);
  return out;
}

const ReportTable* ReportModel::table(const std::string& key) const {
  for (const auto* t : tables())
    if (t->key == key) return t;
  return nullptr;
}

std::vector<std::string> checkTotals(const ReportTable& t) {
  std::vector<std::string> problems;
  std::vector<int64_t> sum;
  for (const auto& row : t.rows) {
    if (row.role == RowRole::Detail) continue;
    if (sum.size() < row.cells.size()) sum.resize(row.cells.size(), 0);
    if (row.role == RowRole::Body) {
      for (size_t c = 0; c < row.cells.size(); ++c)
        if (row.cells[c].kind == FigureKind::Count && row.cells[c].value) sum[c] += *row.cells[c].value;
      continue;
    }
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const Figure& f = row.cells[c];
      if (f.kind != FigureKind::Count || !f.value) continue;
      if (*f.value != sum[c])
        problems.push_back(t.key + ": " + row.key + ", column " + std::to_string(c + 1) + ": " +
                           std::to_string(*f.value) + " != " + std::to_string(sum[c]));
    }
    std::fill(sum.begin(), sum.end(), 0);
  }
  return problems;
}

std::vector<std::string> checkTotals(const ReportModel& m) {
  std::vector<std::string> out;
  for (const auto* t : m.tables()) {
    if (!t->sums) continue;
    auto p = checkTotals(*t);
    out.insert(out.end(), p.begin(), p.end());
  }
  return out;
}

}  // namespace dangbo::services
