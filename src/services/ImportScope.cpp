// The import's part of the one door that keeps a row within the account's scope (a secretary: their own cell)
// and judges a member's or candidate's dates by the dialog's rules (core/MemberRules).
#include "core/I18n.h"
#include "core/MemberRules.h"
#include "services/ImportInternal.h"

namespace dangbo::services::import_detail {

// A secretary's import touches only the records of their own cell: members and candidates stored in it and
// staying in it, sponsors from it, ratings of its members. Adds the refusal to `out` and returns false when
// the row reaches outside; nothing of an outside record is compared (no hint of its stored values).

bool withinScope(Context& ctx, const SpecInfo& info, Outcome& out, const ProblemAt& problem) {
  if (!ctx.scopeCell) return true;
  const std::string own = std::to_string(*ctx.scopeCell);
  auto ownCode = [&] { return ctx.repo.codeById("organizations", *ctx.scopeCell); };
  const std::string& user = ctx.actor.username;
  auto memberOutside = [&](int k) {
    if (!out.has(k) || isNewRef(out.values[size_t(k)])) return false;  // a new member: its own row is checked
    return ctx.repo.memberCell(std::stoll(out.values[size_t(k)])) != *ctx.scopeCell;
  };
  if (info.kind == "dang_vien" || info.kind == "quan_chung") {
    if (out.stored) {
      const auto cell = out.old(info, info.cellId);
      if (!cell || *cell != own) {
        problem(info.code,
                format(tr("{1} belongs to another cell: the account {2} may change only the records "
                          "of its own cell {3}."),
                       {out.key, user, ownCode()}));
        return false;
      }
    }
    if (out.has(info.cellId) && out.values[size_t(info.cellId)] != own) {
      problem(info.cellId,
              format(tr("the account {1} may import only the records of its own cell {2}; moving a "
                        "record into or out of the cell is the office's work."),
                     {user, ownCode()}));
      return false;
    }
    for (const char* f : {"sponsor1", "sponsor2"})
      if (int k = importColumnIndex(*info.spec, f); k >= 0 && memberOutside(k)) {
        problem(k, format(tr("the sponsor is not a member of the cell {1}."), {ownCode()}));
        return false;
      }
  }
  if (info.kind == "xep_loai") {
    if (out.has(info.subjectType) && out.values[size_t(info.subjectType)] == "to_chuc") {
      problem(info.subjectType,
              format(tr("the account {1} may not rate party organizations: the office does."), {user}));
      return false;
    }
    if (memberOutside(info.subjectId)) {
      problem(info.subjectId, format(tr("the account {1} may rate only the members of its own cell {2}."),
                                     {user, ownCode()}));
      return false;
    }
  }
  return true;
}

// The dates of a new member or candidate, or of one whose dates change, judged by the rules of the dialog
// (core/MemberRules) on the record as it will be: the row's values over the stored ones.

void checkDates(Context& ctx, const SpecInfo& info, const Outcome& out, const ProblemAt& problem) {
  const bool member = info.kind == "dang_vien";
  if (!member && info.kind != "quan_chung") return;
  const int at[5] = {info.birthDate, info.admittedOn, info.officialOn, info.transferredInOn, info.listedOn};
  bool changes = !out.stored;
  for (int i = 0; i < 5; ++i) changes = changes || (at[i] >= 0 && ((out.updates >> at[i]) & 1u));
  if (!changes) return;
  auto text = [&](int i) -> std::optional<std::string_view> {
    if (at[i] < 0) return std::nullopt;
    if (out.has(at[i])) return std::string_view(out.values[size_t(at[i])]);
    return out.old(info, at[i]);
  };
  auto date = [&](int i) -> std::optional<core::Date> {
    auto t = text(i);
    return t ? core::Date::parse(*t) : std::nullopt;
  };
  std::optional<core::PartialDate> birth;
  if (auto t = text(0)) birth = core::PartialDate::parse(*t);
  const auto problems = member ? core::memberDateProblems({birth, date(1), std::nullopt, date(2), date(3)},
                                                          ctx.today, ctx.rules)
                               : core::candidateDateProblems(birth, date(4), ctx.today);
  for (const auto& fp : problems) {
    const int k = importColumnIndex(*info.spec, fp.field);
    problem(k >= 0 ? k : info.keys.front(), fp.message);
  }
}

}  // namespace dangbo::services::import_detail
