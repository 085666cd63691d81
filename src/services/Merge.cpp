#include "services/Merge.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/Progress.h"
#include "core/VietText.h"
#include "services/ImportCellWork.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/ImportRepository.h"
#include "store/MergeRepository.h"

namespace dangbo::services {

using core::format;
using core::tr;

namespace {

// A code as compared: ASCII capitals, outer spaces trimmed (cb07 is CB07).
std::string codeKey(std::string_view code) {
  while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
  while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
  std::string k(code);
  for (char& c : k)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return k;
}

const ImportFile* fileOf(const ImportBatch& b, std::string_view kind) {
  for (const auto& f : b.files)
    if (f.kind == kind) return &f;
  return nullptr;
}

std::string_view valueOf(const ImportRow& row, const ImportFileSpec& spec, std::string_view field) {
  const int k = importColumnIndex(spec, field);
  return k < 0 ? std::string_view() : row.value(size_t(k));
}

// "PREFIX" + the number, at least `width` digits.
std::string numbered(const std::string& prefix, int n, int width) {
  std::string d = std::to_string(n);
  if (int(d.size()) < width) d.insert(0, size_t(width - int(d.size())), '0');
  return prefix + d;
}

// The highest N of the codes PREFIX + digits among `codes`, and the widest such number.
std::pair<int, int> highestNumber(const std::vector<std::pair<std::string, core::Id>>& codes,
                                  const std::string& prefix) {
  int high = 0, width = 0;
  for (const auto& [code, id] : codes) {
    const std::string k = codeKey(code);
    if (k.size() <= prefix.size() || k.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = k.substr(prefix.size());
    if (digits.size() > 9 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    high = std::max(high, std::stoi(digits));
    width = std::max(width, int(digits.size()));
  }
  return {high, width};
}

int digitsOf(int n) {
  return int(std::to_string(n).size());
}

// Codes sorted as a person reads them: CB2 before CB10.
bool codeLess(const std::string& a, const std::string& b) {
  const std::string ka = codeKey(a), kb = codeKey(b);
  auto split = [](const std::string& k) {
    size_t i = k.size();
    while (i > 0 && k[i - 1] >= '0' && k[i - 1] <= '9') --i;
    return std::pair{k.substr(0, i), k.size() - i};
  };
  auto [pa, na] = split(ka);
  auto [pb, nb] = split(kb);
  if (pa != pb) return pa < pb;
  if (na != nb) return na < nb;
  return ka < kb;
}

// A member of a source: (source, row index in its dang_vien file).
using MemberRef = std::pair<size_t, size_t>;

struct SourceCodes {
  std::unordered_map<std::string, std::string> cells, members, candidates;  // old code key -> new code
  std::unordered_map<std::string, size_t> memberRow;                        // old code key -> row index
};

// Everything the merge computes from the request before anything is written.
struct Build {
  MergePlan plan;
  ImportBatch batch{{}, {}, true};        // the combined rows, one file per source and kind
  std::vector<SourceCodes> codes;         // per source
  std::map<MemberRef, MemberRef> sameAs;  // a later member -> the member it is merged into (the root)
};

const ImportFileSpec& specOf(const char* kind) {
  return *importFileSpec(kind);
}

// Union of same-person decisions: every member of a group points to the earliest (source, row).
struct Groups {
  std::map<MemberRef, MemberRef> parent;
  MemberRef find(MemberRef m) {
    auto it = parent.find(m);
    if (it == parent.end() || it->second == m) return m;
    MemberRef r = find(it->second);
    parent[m] = r;
    return r;
  }
  void unite(MemberRef a, MemberRef b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent[b] = a;
    parent.emplace(a, a);
  }
};

std::string pairLine(const MergePair& p) {
  return format(tr("{1} {2} ({3}) and {4} {5} ({6}): {7}"),
                {p.origin1, p.code1, p.name1, p.origin2, p.code2, p.name2, p.reason});
}

// Reads the decision of PAIRS.csv: true for "cùng người", false for "khác người".
std::optional<bool> readDecision(const std::string& text) {
  const std::string k = core::fold(core::normalizeText(text));
  if (k == "cung nguoi" || k == "cung" || k == "same") return true;
  if (k == "khac nguoi" || k == "khac" || k == "different") return false;
  return std::nullopt;
}

void checkSources(const MergeRequest& r, MergePlan& plan) {
  if (r.sources.empty()) plan.problems.push_back(tr("Give at least one source: --source \"NAME=PATH\"."));
  std::set<std::string> names;
  for (const auto& src : r.sources) {
    if (core::normalizeText(src.name).empty())
      plan.problems.push_back(format(tr("{1}: the source has no name (the former commune)."), {src.path}));
    else if (!names.insert(core::fold(src.name)).second)
      plan.problems.push_back(format(tr("The former commune {1} is given twice."), {src.name}));
    for (const auto& f : src.batch.files) {
      for (const auto& m : f.problems) plan.problems.push_back(m);
      for (const auto& row : f.rows)
        for (const auto& m : row.problems) plan.problems.push_back(m);
    }
    if (!fileOf(src.batch, "to_chuc") && fileOf(src.batch, "dang_vien"))
      plan.problems.push_back(format(tr("{1} ({2}): the source has members but no organizations (to_chuc)."),
                                     {src.name, src.path}));
  }
}

// Assigns the new codes: cells CB.., members DV.., candidates QC.., in the order of the sources, then the
// source's codes; a member decided the same as an earlier one takes that one's code.
void assignCodes(store::ImportRepository& repo, const MergeRequest& r, Build& b) {
  const size_t n = r.sources.size();
  b.codes.assign(n, {});
  struct Kind {
    const char* file;
    const char* table;
    const char* prefix;
    int minWidth;
    std::unordered_map<std::string, std::string> SourceCodes::*map;
    const char* entity;
  };
  const Kind kinds[] = {{"to_chuc", "organizations", "CB", 2, &SourceCodes::cells, "organization"},
                        {"dang_vien", "members", "DV", 4, &SourceCodes::members, "member"},
                        {"quan_chung", "candidates", "QC", 3, &SourceCodes::candidates, "candidate"}};
  for (const auto& k : kinds) {
    auto [high, width] = highestNumber(repo.idsByCode(k.table), k.prefix);
    std::vector<std::pair<size_t, std::vector<std::pair<std::string, size_t>>>>
        order;  // per source: code, row
    int total = 0;
    for (size_t s = 0; s < n; ++s) {
      std::vector<std::pair<std::string, size_t>> codes;
      if (const ImportFile* f = fileOf(r.sources[s].batch, k.file)) {
        const int at = importColumnIndex(specOf(k.file), "code");
        for (size_t i = 0; i < f->rows.size(); ++i)
          codes.emplace_back(std::string(f->rows[i].value(size_t(at))), i);
      }
      std::stable_sort(codes.begin(), codes.end(),
                       [](const auto& a, const auto& c) { return codeLess(a.first, c.first); });
      total += int(codes.size());
      order.emplace_back(s, std::move(codes));
    }
    width = std::max({width, k.minWidth, digitsOf(high + total)});
    int next = high;
    for (auto& [s, codes] : order)
      for (auto& [code, row] : codes) {
        auto& map = b.codes[s].*k.map;
        const std::string key = codeKey(code);
        if (k.map == &SourceCodes::members) {
          b.codes[s].memberRow.emplace(key, row);
          auto same = b.sameAs.find({s, row});
          if (same != b.sameAs.end()) {
            const auto& [rs, rrow] = same->second;
            const ImportFile* rf = fileOf(r.sources[rs].batch, "dang_vien");
            const std::string rootCode =
                codeKey(rf->rows[rrow].value(size_t(importColumnIndex(specOf("dang_vien"), "code"))));
            const std::string& newCode = b.codes[rs].members.at(rootCode);
            map.emplace(key, newCode);
            b.plan.codes.push_back({k.entity, r.sources[s].name, code, newCode});
            continue;
          }
        }
        if (!map.emplace(key, numbered(k.prefix, ++next, width)).second)
          continue;  // a repeated code: the import says so
        b.plan.codes.push_back({k.entity, r.sources[s].name, code, map.at(key)});
      }
  }
}

}  // namespace

namespace {
// A stored birth date as written for people: 02/04/1985, 04/1985, 1985.
std::string birthText(std::string_view stored) {
  auto d = core::PartialDate::parse(stored);
  return d ? d->vn() : std::string(stored);
}
}  // namespace

std::string mergeRefusal(const Actor& actor) {
  if (allows(actor, Permission::EditSettings)) return {};
  return format(
      tr("The account {1} ({2}) may not merge registers: only the office or an administrator does."),
      {actor.username, core::enums::userRole.label(actor.role)});
}

std::vector<MergePair> proposeMergePairs(const std::vector<MergeSource>& sources) {
  const ImportFileSpec& spec = specOf("dang_vien");
  const int code = importColumnIndex(spec, "code"), name = importColumnIndex(spec, "full_name"),
            birth = importColumnIndex(spec, "birth_date"), cccd = importColumnIndex(spec, "cccd"),
            card = importColumnIndex(spec, "card_no"), fileNo = importColumnIndex(spec, "file_no");
  // key -> the members of earlier sources holding it.
  std::unordered_map<std::string, std::vector<MemberRef>> seen;
  std::map<std::pair<MemberRef, MemberRef>, std::vector<std::string>> found;
  for (size_t s = 0; s < sources.size(); ++s) {
    const ImportFile* f = fileOf(sources[s].batch, "dang_vien");
    if (!f) continue;
    std::vector<std::pair<std::string, size_t>> mine;
    for (size_t i = 0; i < f->rows.size(); ++i) {
      const ImportRow& row = f->rows[i];
      auto keyOf = [&](int k, const char* tag) -> std::string {
        const std::string_view v = row.value(size_t(k));
        return v.empty() ? std::string() : std::string(tag) + std::string(v);
      };
      std::string nameKey;
      if (!row.value(size_t(name)).empty() && !row.value(size_t(birth)).empty())
        nameKey = "n" + core::fold(core::normalizeText(row.value(size_t(name)))) + "|" +
                  std::string(row.value(size_t(birth)));
      const std::pair<std::string, std::string> keys[] = {
          {keyOf(cccd, "c"), format(tr("same CCCD number {1}"), {row.value(size_t(cccd))})},
          {keyOf(card, "t"), format(tr("same party card number {1}"), {row.value(size_t(card))})},
          {keyOf(fileNo, "f"), format(tr("same file number {1}"), {row.value(size_t(fileNo))})},
          {nameKey, format(tr("same name and birth date {1}"), {birthText(row.value(size_t(birth)))})}};
      for (const auto& [key, reason] : keys) {
        if (key.empty()) continue;
        if (auto it = seen.find(key); it != seen.end())
          for (const MemberRef& other : it->second) {
            auto& reasons = found[{other, MemberRef{s, i}}];
            if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) reasons.push_back(reason);
          }
        mine.emplace_back(key, i);
      }
    }
    for (auto& [key, i] : mine) seen[key].push_back({s, i});
  }
  std::vector<MergePair> out;
  out.reserve(found.size());
  for (const auto& [refs, reasons] : found) {
    const auto& [a, b] = refs;
    const ImportRow& ra = fileOf(sources[a.first].batch, "dang_vien")->rows[a.second];
    const ImportRow& rb = fileOf(sources[b.first].batch, "dang_vien")->rows[b.second];
    MergePair p;
    p.source1 = a.first;
    p.source2 = b.first;
    p.origin1 = sources[a.first].name;
    p.origin2 = sources[b.first].name;
    p.code1 = ra.value(size_t(code));
    p.code2 = rb.value(size_t(code));
    p.name1 = ra.value(size_t(name));
    p.name2 = rb.value(size_t(name));
    for (const auto& why : reasons) p.reason += (p.reason.empty() ? "" : "; ") + why;
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

// Matches PAIRS.csv to the proposed pairs; fills the decisions, the undecided lines and the same-person
// groups.
void decidePairs(const MergeRequest& r, Build& b) {
  MergePlan& plan = b.plan;
  plan.pairs = proposeMergePairs(r.sources);
  std::map<std::string, size_t> byKey;  // "o1\nC1\no2\nC2" (folded origin, code key) -> pair
  auto keyOf = [](const std::string& o1, const std::string& c1, const std::string& o2,
                  const std::string& c2) {
    return core::fold(core::normalizeText(o1)) + "\n" + codeKey(c1) + "\n" +
           core::fold(core::normalizeText(o2)) + "\n" + codeKey(c2);
  };
  for (size_t i = 0; i < plan.pairs.size(); ++i) {
    const auto& p = plan.pairs[i];
    byKey[keyOf(p.origin1, p.code1, p.origin2, p.code2)] = i;
    byKey[keyOf(p.origin2, p.code2, p.origin1, p.code1)] = i;
  }
  for (const auto& row : r.pairs) {
    auto it = byKey.find(keyOf(row.origin1, row.code1, row.origin2, row.code2));
    if (it == byKey.end()) {
      plan.problems.push_back(importProblem(
          r.pairsSource, row.row, "Mã 2",
          format(
              tr("{1} {2} and {3} {4} is not a proposed pair (PAIRS.csv may list only the proposed pairs)."),
              {row.origin1, row.code1, row.origin2, row.code2})));
      continue;
    }
    auto same = readDecision(row.decision);
    if (!same) {
      plan.problems.push_back(
          importProblem(r.pairsSource, row.row, "Quyết định",
                        format(tr("\"{1}\" is neither \"cùng người\" nor \"khác người\"."), {row.decision})));
      continue;
    }
    plan.pairs[it->second].same = *same;
  }
  Groups groups;
  for (const auto& p : plan.pairs) {
    if (!p.same) {
      plan.undecided.push_back(pairLine(p));
      continue;
    }
    if (!*p.same) continue;
    const auto row1 = [&](size_t s, const std::string& code) {
      const ImportFile* f = fileOf(r.sources[s].batch, "dang_vien");
      const int at = importColumnIndex(specOf("dang_vien"), "code");
      for (size_t i = 0; i < f->rows.size(); ++i)
        if (codeKey(f->rows[i].value(size_t(at))) == codeKey(code)) return i;
      return size_t(0);
    };
    groups.unite({p.source1, row1(p.source1, p.code1)}, {p.source2, row1(p.source2, p.code2)});
  }
  for (const auto& [m, ignored] : groups.parent) {
    MemberRef root = groups.find(m);
    if (root != m) b.sameAs.emplace(m, root);
  }
  plan.samePersons = int(b.sameAs.size());
}

// The value of a reference column rewritten to the new code; "" and a problem when the source lacks it.
struct Rewriter {
  const MergeRequest& r;
  Build& b;
  size_t s;
  const ImportFile& file;
  const ImportRow& row;
  std::string ref(const std::unordered_map<std::string, std::string>& map, std::string_view old,
                  const char* header, const char* what) {
    if (old.empty()) return {};
    auto it = map.find(codeKey(old));
    if (it != map.end()) return it->second;
    b.plan.problems.push_back(importProblem(
        file.source, row.row, header,
        format(tr("no {1} has the code \"{2}\" in the source {3}."), {what, old, r.sources[s].name})));
    return {};
  }
};

// The combined rows: each source's files with new codes, origins, same persons folded into one row.
void combine(const MergeRequest& r, Build& b) {
  const ImportFileSpec& memberSpec = specOf("dang_vien");
  for (const auto& spec : importFileSpecs()) {
    const std::string kind = spec.kind;
    // Keys already taken by an earlier source (a same person's rating of a year, a committee seat): kept
    // once.
    std::set<std::string> keys;
    for (size_t s = 0; s < r.sources.size(); ++s) {
      const ImportFile* f = fileOf(r.sources[s].batch, spec.kind);
      if (!f) continue;
      const SourceCodes& codes = b.codes[s];
      ImportFile out;
      out.kind = kind;
      out.source = f->source;
      out.headers = f->headers;
      for (size_t i = 0; i < f->rows.size(); ++i) {
        const ImportRow& row = f->rows[i];
        Rewriter rw{r, b, s, *f, row};
        if (kind == "dang_vien" && b.sameAs.count({s, i})) continue;  // folded into the earlier source's row
        ImportRow nr;
        nr.row = row.row;
        std::vector<std::string> values(spec.columns.size());
        for (size_t k = 0; k < spec.columns.size(); ++k) values[k] = row.value(k);
        auto set = [&](const char* field, std::string v) {
          const int k = importColumnIndex(spec, field);
          if (k >= 0) values[size_t(k)] = std::move(v);
        };
        auto header = [&](const char* field) { return importColumn(spec, field)->header; };
        const std::string subjectType(valueOf(row, spec, "subject_type"));
        if (kind == "to_chuc") {
          set("code", codes.cells.at(codeKey(valueOf(row, spec, "code"))));
          set("merged_into",
              rw.ref(codes.cells, valueOf(row, spec, "merged_into"), header("merged_into"), tr("cell")));
          set("origin", r.sources[s].name);
          out.headers["origin"] = "Đơn vị cũ";
          ++b.plan.cells;
        } else if (kind == "dang_vien") {
          set("code", codes.members.at(codeKey(valueOf(row, spec, "code"))));
          // A same person: the later sources fill only the blanks; differences are listed.
          for (const auto& [later, root] : b.sameAs) {
            if (root != MemberRef{s, i}) continue;
            const ImportFile* lf = fileOf(r.sources[later.first].batch, "dang_vien");
            const ImportRow& lr = lf->rows[later.second];
            for (size_t k = 0; k < spec.columns.size(); ++k) {
              const std::string_view lv = lr.value(k);
              const std::string field = spec.columns[k].field;
              if (lv.empty() || field == "code") continue;
              if (values[k].empty()) {
                if (field == "cell_id")
                  values[k] = Rewriter{r, b, later.first, *lf, lr}.ref(b.codes[later.first].cells, lv,
                                                                       header("cell_id"), tr("cell"));
                else
                  values[k] = lv;
              } else if (field != "cell_id" && values[k] != lv) {
                b.plan.conflicts.push_back(
                    format(tr("{1} ({2} {3} = {4} {5}): {6}: \"{7}\" kept, \"{8}\" of {9} left."),
                           {values[size_t(importColumnIndex(memberSpec, "full_name"))], r.sources[s].name,
                            std::string(row.value(0)), r.sources[later.first].name, std::string(lr.value(0)),
                            spec.columns[k].header, values[k], lv, r.sources[later.first].name}));
              }
            }
          }
          set("cell_id", rw.ref(codes.cells, valueOf(row, spec, "cell_id"), header("cell_id"), tr("cell")));
          ++b.plan.members;
        } else if (kind == "quan_chung") {
          set("code", codes.candidates.at(codeKey(valueOf(row, spec, "code"))));
          set("cell_id", rw.ref(codes.cells, valueOf(row, spec, "cell_id"), header("cell_id"), tr("cell")));
          set("sponsor1",
              rw.ref(codes.members, valueOf(row, spec, "sponsor1"), header("sponsor1"), tr("member")));
          set("sponsor2",
              rw.ref(codes.members, valueOf(row, spec, "sponsor2"), header("sponsor2"), tr("member")));
          ++b.plan.candidates;
        } else if (kind == "cap_uy") {
          set("member_id",
              rw.ref(codes.members, valueOf(row, spec, "member_id"), header("member_id"), tr("member")));
        } else if (kind == "chi_tieu") {
          if (valueOf(row, spec, "origin").empty()) set("origin", r.sources[s].name);
          out.headers["origin"] = "Đơn vị cũ";
        } else if (isCellWorkImport(kind)) {
          // The cells' monthly work: its cell, member and chair by the codes of the new register.
          if (importColumnIndex(spec, "cell") >= 0)
            set("cell", rw.ref(codes.cells, valueOf(row, spec, "cell"), header("cell"), tr("cell")));
          for (const char* field : {"member", "chair"})
            if (importColumnIndex(spec, field) >= 0)
              set(field, rw.ref(codes.members, valueOf(row, spec, field), header(field), tr("member")));
        } else if (!subjectType.empty()) {
          const bool org = subjectType == "to_chuc";
          set("subject_id", rw.ref(org ? codes.cells : codes.members, valueOf(row, spec, "subject_id"),
                                   header("subject_id"), org ? tr("cell") : tr("member")));
        }
        if (kind != "to_chuc" && kind != "dang_vien" && kind != "quan_chung") {
          std::string key = kind;
          for (const auto& field : spec.keyFields)
            key += "\n" + values[size_t(importColumnIndex(spec, field))];
          if (!keys.insert(key).second)
            continue;  // the same person's record of the same key: the earlier kept
        }
        for (auto& v : values) nr.append(v);
        out.rows.push_back(std::move(nr));
      }
      b.batch.files.push_back(std::move(out));
    }
  }
}

// The map's new cells: checks MAP.csv, adds a to_chuc row for each new cell and the groups to merge.
void mapCells(Services& svc, const MergeRequest& r, Build& b) {
  store::ImportRepository repo(storeOf(svc));
  std::set<std::string> assigned;
  for (const auto& c : b.plan.codes)
    if (c.entity == "organization") assigned.insert(codeKey(c.newCode));
  const ImportFileSpec& spec = specOf("to_chuc");
  std::map<std::string, size_t> groupOf;  // new code key -> index in cellGroups
  std::set<std::pair<size_t, std::string>> mapped;
  ImportFile file;
  file.kind = "to_chuc";
  file.source = r.cellsSource;
  for (const char* f : {"code", "name", "kind", "category", "founded"})
    file.headers[f] = importColumn(spec, f)->header;
  for (const auto& row : r.cells) {
    auto problem = [&](const char* column, const std::string& why) {
      b.plan.problems.push_back(importProblem(r.cellsSource, row.row, column, why));
    };
    size_t s = r.sources.size();
    for (size_t i = 0; i < r.sources.size(); ++i)
      if (core::fold(core::normalizeText(r.sources[i].name)) == core::fold(core::normalizeText(row.origin)))
        s = i;
    if (s == r.sources.size()) {
      problem("Đơn vị cũ", format(tr("\"{1}\" is not one of the sources."), {row.origin}));
      continue;
    }
    auto old = b.codes[s].cells.find(codeKey(row.oldCode));
    if (old == b.codes[s].cells.end()) {
      problem("Mã chi bộ cũ",
              format(tr("no cell has the code \"{1}\" in the source {2}."), {row.oldCode, row.origin}));
      continue;
    }
    if (!mapped.insert({s, codeKey(row.oldCode)}).second) {
      problem("Mã chi bộ cũ", format(tr("the cell {1} of {2} is mapped twice."), {row.oldCode, row.origin}));
      continue;
    }
    std::string newCode;
    try {
      newCode = core::cleanCode(row.newCode, "Mã chi bộ mới");
    } catch (const core::DataError& e) {
      problem("Mã chi bộ mới", e.what());
      continue;
    }
    if (newCode.empty()) {
      problem("Mã chi bộ mới", tr("a value is required."));
      continue;
    }
    auto [g, fresh] = groupOf.emplace(codeKey(newCode), b.plan.cellGroups.size());
    if (fresh) {
      if (repo.idByCode("organizations", newCode)) {
        problem("Mã chi bộ mới", format(tr("the code {1} is taken already in the register."), {newCode}));
        groupOf.erase(g);
        continue;
      }
      if (assigned.count(codeKey(newCode))) {
        problem(
            "Mã chi bộ mới",
            format(tr("the merge gives the code {1} to a cell of the sources: choose another."), {newCode}));
        groupOf.erase(g);
        continue;
      }
      const std::string name = core::normalizeText(row.newName);
      if (name.empty()) {
        problem("Tên chi bộ mới", tr("a value is required."));
        groupOf.erase(g);
        continue;
      }
      // Kind and category: as given, else those of the first old cell.
      const ImportFile* sf = fileOf(r.sources[s].batch, "to_chuc");
      std::string kind, category;
      for (const auto& sr : sf->rows)
        if (codeKey(valueOf(sr, spec, "code")) == codeKey(row.oldCode)) {
          kind = valueOf(sr, spec, "kind");
          category = valueOf(sr, spec, "category");
        }
      auto pick = [&](const std::string& text, const core::EnumSet& set, const char* column,
                      std::string& into) {
        if (core::normalizeText(text).empty()) return true;
        if (const core::EnumItem* item = set.match(text)) {
          into = std::string(item->code);
          return true;
        }
        problem(column, format(tr("\"{1}\" is not a value of this column."), {text}));
        return false;
      };
      if (!pick(row.kind, core::enums::orgKind, "Loại", kind) ||
          !pick(row.category, core::enums::orgCategory, "Khối", category)) {
        groupOf.erase(g);
        continue;
      }
      ImportRow nr;
      nr.row = row.row;
      for (const auto& c : spec.columns) {
        const std::string_view f = c.field;
        nr.append(f == "code"       ? newCode
                  : f == "name"     ? name
                  : f == "kind"     ? kind
                  : f == "category" ? category
                  : f == "founded"  ? r.on.iso()
                                    : std::string());
      }
      file.rows.push_back(std::move(nr));
      b.plan.cellGroups.push_back({newCode, name, {}});
    }
    b.plan.cellGroups[g->second].fromCodes.push_back(old->second);
  }
  if (!file.rows.empty()) b.batch.files.push_back(std::move(file));
}

// `planImport`: the import of the combined rows is planned too (the dry run); applying plans it once, itself.
Build build(Services& svc, const Actor& actor, const MergeRequest& r, core::Progress* progress,
            bool planTheImport) {
  if (std::string why = mergeRefusal(actor); !why.empty()) throw core::PermissionError(why);
  Build b;
  if (core::normalizeText(r.decision).empty())
    b.plan.problems.push_back(tr("--decision: the merge needs its decision."));
  checkSources(r, b.plan);
  if (!b.plan.problems.empty()) return b;
  decidePairs(r, b);
  if (!r.pairsGiven && !b.plan.undecided.empty())
    b.plan.problems.push_back(
        format(tr("{1} pairs of members may be the same person: decide each in PAIRS.csv "
                  "(Đơn vị cũ 1, Mã 1, Đơn vị cũ 2, Mã 2, Quyết định: cùng người / khác người)."),
               {std::to_string(b.plan.undecided.size())}));
  else if (!b.plan.undecided.empty())
    b.plan.problems.push_back(format(tr("{1}: {2} proposed pairs are not decided."),
                                     {r.pairsSource, std::to_string(b.plan.undecided.size())}));
  {
    store::ImportRepository repo(storeOf(svc));
    assignCodes(repo, r, b);
  }
  combine(r, b);
  mapCells(svc, r, b);
  for (const auto& f : b.batch.files)
    if ((f.kind == "kiem_tra" || f.kind == "ky_luat") && !f.rows.empty()) {
      if (!importFileRefusal(actor, f.kind).empty()) {
        b.plan.notices.push_back(
            format(tr("{1}: {2} case-file rows are not carried: only the inspection committee "
                      "writes case files; after the merge it brings them in from the same sources "
                      "(merge --case-files)."),
                   {f.source, std::to_string(f.rows.size())}));
      }
    }
  std::erase_if(b.batch.files, [&](const ImportFile& f) {
    return (f.kind == "kiem_tra" || f.kind == "ky_luat") && !importFileRefusal(actor, f.kind).empty();
  });
  if (b.plan.problems.empty() && planTheImport) {
    b.plan.import = planImport(svc, actor, b.batch, progress);
    for (const auto& p : b.plan.import.problems) b.plan.problems.push_back(p);
  }
  return b;
}

// The text of the audit row: each source with its path and checksum.
std::string sourcesText(const MergeRequest& r) {
  std::string t;
  for (const auto& s : r.sources)
    t += (t.empty() ? "" : "; ") + s.name + " = " + s.path + " (SHA-256 " + s.checksum + ")";
  return t;
}

}  // namespace

MergePlan planMerge(Services& s, const Actor& actor, const MergeRequest& request, core::Progress* progress) {
  return build(s, actor, request, progress, true).plan;
}

MergePlan applyMerge(Services& s, const Actor& actor, const MergeRequest& request, core::Progress* progress) {
  Build b = build(s, actor, request, progress, false);
  if (!b.plan.ok()) {
    std::string text;
    for (const auto& m : b.plan.problems) text += (text.empty() ? "" : "\n") + m;
    for (const auto& m : b.plan.undecided)
      text += (text.empty() ? "" : "\n") + format(tr("Undecided: {1}"), {m});
    text += "\n" + std::string(tr("The merge was refused; nothing was written."));
    throw core::DataError(text);
  }
  store::Database& db = storeOf(s);
  try {
    db.transaction([&] {
      b.plan.import = applyImport(s, actor, b.batch, progress).plan;
      // The map's cells: the old cells cease on the merge day, their members move (the organization's door).
      for (const auto& g : b.plan.cellGroups)
        mergeOrganizations(s, actor, g.fromCodes, g.newCode, request.on, request.decision);
      store::ImportRepository ids(db);
      store::MergeRepository repo(db);
      const std::string on = request.on.iso();
      std::map<std::string, std::unordered_map<std::string, core::Id>> byCode;
      for (const char* t : {"organizations", "members", "candidates"}) {
        auto& m = byCode[t];
        for (auto& [code, id] : ids.idsByCode(t)) m.emplace(codeKey(code), id);
      }
      core::ProgressStage stage(progress, tr("Keeping the old codes"), b.plan.codes.size());
      for (const auto& c : b.plan.codes) {
        stage.step();
        const char* table = c.entity == "organization" ? "organizations"
                            : c.entity == "member"     ? "members"
                                                       : "candidates";
        auto it = byCode[table].find(codeKey(c.newCode));
        if (it != byCode[table].end()) repo.insertOldCode(c.entity, it->second, c.origin, c.oldCode, on);
      }
      stage.finish();
      // The whole history of a dangbo source's members, an event of the same kind and date kept once.
      std::set<std::tuple<core::Id, std::string, std::string>> have;
      std::set<MemberRef> grouped;  // the members of a same-person group
      for (const auto& [later, root] : b.sameAs) {
        grouped.insert(later);
        grouped.insert(root);
      }
      bool loaded = false;
      for (size_t si = 0; si < request.sources.size(); ++si) {
        const auto& src = request.sources[si];
        if (src.events.empty()) continue;
        if (!loaded) {
          for (auto& k : repo.memberEventKeys()) have.insert(std::move(k));
          loaded = true;
        }
        const SourceCodes& codes = b.codes[si];
        auto cellId = [&](const std::string& old) -> std::optional<core::Id> {
          if (old.empty()) return std::nullopt;
          auto it = codes.cells.find(codeKey(old));
          if (it == codes.cells.end()) return std::nullopt;
          auto id = byCode["organizations"].find(codeKey(it->second));
          return id == byCode["organizations"].end() ? std::nullopt : std::optional<core::Id>(id->second);
        };
        for (const auto& e : src.events) {
          auto code = codes.members.find(codeKey(e.memberCode));
          if (code == codes.members.end()) continue;
          auto id = byCode["members"].find(codeKey(code->second));
          auto date = core::Date::parse(e.date);
          if (id == byCode["members"].end() || !date) continue;
          if (!have.insert({id->second, e.kind, e.date}).second) {
            // The import wrote this event from the member's row: it takes the cells the source recorded.
            // (A same person's events keep the cells of the earlier source's row.)
            auto row = codes.memberRow.find(codeKey(e.memberCode));
            if (row == codes.memberRow.end() || grouped.count({si, row->second})) continue;
            repo.setEventCells(id->second, e.kind, e.date, cellId(e.fromCell), cellId(e.toCell));
            continue;
          }
          core::MemberEvent ev;
          ev.memberId = id->second;
          ev.date = *date;
          ev.kind = e.kind;
          ev.fromCell = cellId(e.fromCell);
          ev.toCell = cellId(e.toCell);
          ev.place = e.place;
          ev.decisionNo = e.decisionNo;
          ev.reason = e.reason;
          repo.insertMemberEvent(ev);
        }
      }
      s.audit(actor, "register.merge", "merge:" + request.on.iso(), "",
              format(tr("{1} sources: {2}; {3} cells, {4} members ({5} the same person), {6} candidates"),
                     {std::to_string(request.sources.size()), sourcesText(request),
                      std::to_string(b.plan.cells), std::to_string(b.plan.members),
                      std::to_string(b.plan.samePersons), std::to_string(b.plan.candidates)}),
              request.decision);
    });
  } catch (const core::DataError& e) {
    // A row the import refused: nothing of the merge was kept.
    throw core::DataError(std::string(e.what()) + "\n" + tr("The merge was refused; nothing was written."));
  }
  b.plan.written = true;
  return b.plan;
}

std::optional<core::Date> mergedOn(Services& s, const std::string& origin) {
  store::MergeRepository repo(storeOf(s));
  return core::Date::parse(repo.mergedOn(origin));
}

std::vector<core::Id> membersByOldCode(Services& s, const std::string& code) {
  store::MergeRepository repo(storeOf(s));
  return repo.idsByOldCode("member", codeKey(code));
}

std::vector<std::string> memberOldCodes(Services& s, core::Id memberId) {
  store::MergeRepository repo(storeOf(s));
  return repo.oldCodes("member", memberId);
}

}  // namespace dangbo::services
