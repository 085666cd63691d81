// The case files of the former communes' registers, brought in after the register's merge by the inspection
// committee (see mergeCaseFiles in services/Merge.h).
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Merge.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MergeRepository.h"

namespace dangbo::services {

using core::format;
using core::tr;

namespace {

bool isCaseFile(std::string_view kind) {
  return kind == "kiem_tra" || kind == "ky_luat";
}

// A source's case-file rows with their subjects named by the codes the merge gave them; a subject the merge
// did not bring in is a problem naming the file, the row and the code.
ImportFile renamed(store::MergeRepository& repo, const MergeSource& src, const ImportFile& f,
                   std::vector<std::string>& problems) {
  const ImportFileSpec& spec = *importFileSpec(f.kind);
  const int type = importColumnIndex(spec, "subject_type"), subject = importColumnIndex(spec, "subject_id");
  ImportFile out;
  out.kind = f.kind;
  out.source = f.source;
  out.headers = f.headers;
  for (const auto& row : f.rows) {
    ImportRow nr;
    nr.row = row.row;
    nr.problems = row.problems;
    const bool org = row.value(size_t(type)) == "to_chuc";
    const std::string old(row.value(size_t(subject)));
    std::string code = old;
    if (!old.empty() && !row.isInvalid(size_t(subject))) {
      code = repo.currentCode(org ? "organization" : "member", src.name, old);
      if (code.empty())
        problems.push_back(
            format(tr("{1}, row {2}: {3} {4} of {5} was not brought in by the merge."),
                   {f.source, std::to_string(row.row), org ? tr("cell") : tr("member"), old, src.name}));
    }
    for (size_t k = 0; k < spec.columns.size(); ++k)
      nr.append(int(k) == subject ? std::string_view(code) : row.value(k), row.isInvalid(k));
    out.rows.push_back(std::move(nr));
  }
  return out;
}

}  // namespace

ImportPlan mergeCaseFiles(Services& s, const Actor& actor, const std::vector<MergeSource>& sources,
                          bool dryRun, core::Progress* progress) {
  for (const char* kind : {"kiem_tra", "ky_luat"})
    if (std::string why = importFileRefusal(actor, kind); !why.empty()) throw core::PermissionError(why);
  store::MergeRepository repo(storeOf(s));
  ImportBatch batch;
  std::vector<std::string> problems;
  for (const auto& src : sources) {
    if (repo.mergedOn(src.name).empty()) {
      problems.push_back(format(tr("{1}: no merge has brought in the register of this former commune: the "
                                   "office merges the register first."),
                                {src.name}));
      continue;
    }
    for (const auto& f : src.batch.files)
      if (isCaseFile(f.kind) && !f.rows.empty()) batch.files.push_back(renamed(repo, src, f, problems));
  }
  if (problems.empty() && batch.files.empty())
    problems.push_back(tr("The sources hold no inspection or discipline rows."));
  if (!problems.empty()) {
    std::string text;
    for (const auto& m : problems) text += m + "\n";
    throw core::DataError(text + tr("The case files were not brought in; nothing was written."));
  }
  if (dryRun) return planImport(s, actor, batch, progress);
  return applyImport(s, actor, batch, progress).plan;
}

}  // namespace dangbo::services
