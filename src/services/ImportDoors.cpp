// The import's rows handed to the records' service doors (issue 14, "One door per record"): an organization's
// fields go through addOrganization / updateOrganization, a target through Services::saveTarget, an
// inspection case through recordInspection / updateInspection, a new disciplinary decision through
// recordDecision (its checks alone, checkDecision, in the plan and the dry run): the calls of the window's
// dialogs and of `dangbo-cli record`, with their scope, their validation and their audit row (the old and new
// value of each changed field). The import calls them in its one transaction as a bulk caller
// (services/BulkWrite: one revision step). What no door can write is refused here as by the window: a stored
// decision's text, a case's kind or date, a recorded end of an organization. An organization's dissolution
// and merger go through the organization action dialog's doors (dissolveOrganization, mergeOrganizations);
// its cell committee column ("Có chi ủy") through the same dialog's setCellCommittee (applyCellCommittee). A
// rating (xep_loai) goes through the door of a year's rating (services/YearRatings: the ratings page's calls
// for an open round, a past year's level recorded with the page's checks and audit row).
#include <charconv>
#include <string>
#include <string_view>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/AdmissionShared.h"
#include "services/Admissions.h"
#include "services/CandidateCorrection.h"
#include "services/CandidateStages.h"
#include "services/CommitteeSeats.h"
#include "services/Discipline.h"
#include "services/ImportInternal.h"
#include "services/RecordRules.h"
#include "services/Register.h"
#include "store/AdmissionRepository.h"
#include "store/CaseRepository.h"

namespace dangbo::services::import_detail {

namespace {

// The organization's fields its dialog writes (the rest of to_chuc is its history: ceased, merged_into and
// the cell committee).
bool organizationDoorField(std::string_view field) {
  return field == "name" || field == "kind" || field == "category" || field == "founded" || field == "origin";
}

bool updated(const Outcome& o, int k) {
  return k >= 0 && ((o.updates >> k) & 1u);
}

std::string text(const Outcome& o, int k) {
  return o.has(k) ? o.values[size_t(k)] : std::string();
}

core::Target targetOf(const SpecInfo& info, const Outcome& o) {
  const ImportFileSpec& spec = *info.spec;
  auto at = [&](const char* f) { return importColumnIndex(spec, f); };
  core::Target t;
  t.key = text(o, at("key"));
  const std::string from = text(o, at("from_year")), to = text(o, at("to_year")),
                    value = text(o, at("value"));
  std::from_chars(from.data(), from.data() + from.size(), t.fromYear);
  std::from_chars(to.data(), to.data() + to.size(), t.toYear);
  std::from_chars(value.data(), value.data() + value.size(), t.value);
  t.origin = text(o, at("origin"));
  return t;
}

// The organization as it will be: the stored one (or a new one) with the row's door fields over it.
core::Organization organizationOf(Context& ctx, const SpecInfo& info, const Outcome& o) {
  core::Organization org;
  if (o.stored)
    for (const auto& x : ctx.s.organizations(ctx.actor))
      if (x.id == o.stored->rowid) org = x;
  const ImportFileSpec& spec = *info.spec;
  for (int k = 0; k < int(spec.columns.size()); ++k) {
    const std::string_view f = spec.columns[size_t(k)].field;
    if (!o.has(k) || (o.stored && !updated(o, k))) continue;
    const std::string& v = o.values[size_t(k)];
    if (f == "code") org.code = v;
    if (f == "name") org.name = v;
    if (f == "kind") org.kind = v;
    if (f == "category") org.category = v;
    if (f == "founded") org.founded = core::Date::parse(v);
    if (f == "origin") org.origin = v;
  }
  return org;
}

// The end of an organization the row records, through the organization action dialog's doors: "Ngày giải
// thể" with "Sáp nhập vào" is a merger on that day (mergeOrganizations), "Ngày giải thể" alone a dissolution
// (dissolveOrganization: a cell that still has members is refused as in the window, which asks where they
// go). While the merge targets are not written yet (the first pass over the file), a merger waits.
void endThroughDoor(Context& ctx, const SpecInfo& info, const ImportRow& row, const Outcome& o) {
  const int ceased = importColumnIndex(*info.spec, "ceased");
  const std::string code = o.values[size_t(info.code)];
  const std::string into(row.value(size_t(info.mergedInto)));
  if (!o.has(ceased)) return;  // a merger without its day: refused by doorProblems
  const core::Date on = *dateOf(o, ceased);
  if (into.empty())
    dissolveOrganization(ctx.s, ctx.actor, code, on, "", "");
  else if (o.has(info.mergedInto))
    mergeOrganizations(ctx.s, ctx.actor, {code}, into, on, "");
}

void writeOrganization(Context& ctx, const SpecInfo& info, const ImportRow& row, Outcome& o) {
  auto& repo = ctx.repo;
  core::Id id = 0;
  store::ImportValues history;
  const int ceased = importColumnIndex(*info.spec, "ceased");
  if (o.action == ImportAction::New) {
    id = addOrganization(ctx.s, ctx.actor, organizationOf(ctx, info, o));
    ctx.inserted(info.table, o.values[size_t(info.code)], id);
    // The committee first: a cell that ends closes its committee as the window's merger or dissolution does.
    if (o.committee.value_or(false))
      setCellCommittee(ctx.s, ctx.actor, o.values[size_t(info.code)], true, dateOf(o, info.founded), "");
    endThroughDoor(ctx, info, row, o);
    return;
  }
  id = o.stored->rowid;
  bool door = false;
  for (int k = 0; k < int(info.spec->columns.size()); ++k) {
    if (!updated(o, k) || k == ceased || k == info.mergedInto) continue;
    const std::string_view f = info.spec->columns[size_t(k)].field;
    if (organizationDoorField(f))
      door = true;
    else
      history.emplace_back(f, o.values[size_t(k)]);
  }
  if (door) updateOrganization(ctx.s, ctx.actor, organizationOf(ctx, info, o));
  if (!history.empty()) repo.update(info.table, id, history);
  applyCellCommittee(ctx, info, o);
  if (updated(o, ceased) || updated(o, info.mergedInto)) endThroughDoor(ctx, info, row, o);
}

}  // namespace

void applyCellCommittee(Context& ctx, const SpecInfo& info, const Outcome& o) {
  if (!o.committeeChanges) return;
  if (*o.committee) {
    auto founded = dateOf(o, info.founded);
    if (!founded) founded = storedDate(info, o, info.founded);
    setCellCommittee(ctx.s, ctx.actor, o.key, true, founded, "");
  } else {
    setCellCommittee(ctx.s, ctx.actor, o.key, false, ctx.today, "");
  }
}

namespace {

void writeInspection(Context& ctx, const SpecInfo& info, const ImportRow& row, Outcome& o) {
  const int conclusion = importColumnIndex(*info.spec, "conclusion");
  if (o.action == ImportAction::New) {
    InspectionInput in;
    in.kind = text(o, importColumnIndex(*info.spec, "kind"));
    in.subjectType = text(o, info.subjectType);
    in.subjectCode = std::string(row.value(size_t(info.subjectId)));
    in.number = text(o, importColumnIndex(*info.spec, "number"));
    in.date = *dateOf(o, importColumnIndex(*info.spec, "date"));
    in.conclusion = text(o, conclusion);
    recordInspection(ctx.s, ctx.actor, in);
    return;
  }
  // Only the conclusion can change (doorProblems refused the rest): the case as stored, the new conclusion.
  auto stored = store::CaseRepository(storeOf(ctx.s)).inspectionById(o.stored->rowid);
  if (!stored) throw core::DataError(tr("The import could not be applied."));
  const auto& i = stored->inspection;
  InspectionInput in{i.kind,
                     i.subjectType,
                     stored->subjectCode,
                     i.number,
                     i.date,
                     i.team,
                     i.findings,
                     text(o, conclusion),
                     i.followUp,
                     stored->links.planId,
                     stored->links.followsId,
                     stored->links.violationOn,
                     stored->links.findingsOn,
                     stored->links.closedOn};
  updateInspection(ctx.s, ctx.actor, o.stored->rowid, in);
}

// The decision a new row of ky_luat records, as the discipline page's dialog hands it to recordDecision.
DecisionInput decisionOf(const SpecInfo& info, const ImportRow& row, const Outcome& o) {
  auto at = [&](const char* f) { return importColumnIndex(*info.spec, f); };
  DecisionInput in;
  in.subjectType = text(o, info.subjectType);
  in.subjectCode = std::string(row.value(size_t(info.subjectId)));
  in.number = text(o, at("number"));
  in.date = *dateOf(o, at("date"));
  in.form = text(o, at("form"));
  in.body = text(o, at("body"));
  in.violation = text(o, at("violation"));
  in.violationOn = dateOf(o, at("violation_on"));
  in.violationDateUnknown = !in.violationOn;  // optional in the file (spec/import.md): an old decision's
  return in;
}

// The column of ky_luat that holds a field checkDecision refused.
int decisionColumn(const SpecInfo& info, const std::string& field) {
  if (field == "number" || field == "violation_on" || field == "form")
    return importColumnIndex(*info.spec, field.c_str());
  if (field == "subject") return info.subjectId;
  return importColumnIndex(*info.spec, "form");
}

// The seat a row of cap_uy names: its term and member as written, its position's code.
struct SeatRow {
  std::string term, member, position;
};
SeatRow seatOf(const SpecInfo& info, const ImportRow& row, const Outcome& o) {
  const int term = importColumnIndex(*info.spec, "term_id"),
            member = importColumnIndex(*info.spec, "member_id");
  return {std::string(row.value(size_t(term))), std::string(row.value(size_t(member))),
          text(o, importColumnIndex(*info.spec, "position"))};
}

// A candidate's fields the admissions page writes: its form when the candidate is listed (createCandidate),
// its correction afterwards (correctCandidate: the name, the birth date and the listing day). The stages of
// the file (certificate, sponsors, the cell's vote, the decision, the ceremony) stay the import's history of
// old files.
bool candidateFormField(std::string_view field) {
  return field == "code" || field == "full_name" || field == "birth_date" || field == "gender" ||
         field == "ethnicity" || field == "cell_id" || field == "listed_on";
}
bool candidateCorrectionField(std::string_view field) {
  return field == "full_name" || field == "birth_date" || field == "listed_on";
}

// The stages the file records (services/CandidateStages), walked through the admissions page's rules.
FileStages stagesOf(const SpecInfo& info, const ImportRow& row, const Outcome& o, bool merged) {
  auto at = [&](const char* f) { return importColumnIndex(*info.spec, f); };
  FileStages st;
  st.certificateOn = dateOf(o, at("certificate_on"));
  st.sponsor1 = std::string(row.value(size_t(at("sponsor1"))));
  st.sponsor2 = std::string(row.value(size_t(at("sponsor2"))));
  st.cellVoteOn = dateOf(o, at("cell_vote_on"));
  if (const std::string v = text(o, at("cell_vote_in_favour")); !v.empty()) {
    int n = 0;
    std::from_chars(v.data(), v.data() + v.size(), n);
    st.cellVoteInFavour = n;
  }
  st.decisionOn = dateOf(o, at("decision_on"));
  st.ceremonyOn = dateOf(o, at("ceremony_on"));
  st.otherRegister = merged;
  return st;
}

// A new row whose file records the admission decision or the ceremony is the history of a completed file (the
// person is a member by now): no page lists it, the import writes it as before.
bool completedFile(const SpecInfo& info, const ImportRow& row) {
  for (const char* f : {"decision_on", "ceremony_on"})
    if (!row.value(size_t(importColumnIndex(*info.spec, f))).empty()) return true;
  return false;
}

NewCandidate newCandidateOf(const SpecInfo& info, const ImportRow& row, const Outcome& o) {
  auto at = [&](const char* f) { return importColumnIndex(*info.spec, f); };
  NewCandidate n;
  n.code = text(o, info.code);
  n.fullName = text(o, at("full_name"));
  n.birthDate = core::PartialDate::parse(text(o, info.birthDate));
  n.gender = text(o, at("gender"));
  n.ethnicity = text(o, at("ethnicity"));
  n.cellCode = std::string(row.value(size_t(info.cellId)));
  n.listedOn = dateOf(o, info.listedOn).value_or(core::Date());
  return n;
}

// The reason of a correction the import makes (the audit row's note, as the page asks for one).
std::string importReason(std::string_view source) {
  return format(tr("imported from {1}"), {source});
}

// The correction a changed row makes: the file as stored, the row's changed fields over it.
CandidateCorrection correctionOf(Context& ctx, const SpecInfo& info, const Outcome& o,
                                 std::string_view source) {
  const core::Candidate c = candidateFile(ctx.s, ctx.actor, o.key).candidate;
  CandidateCorrection in{
      c.fullName, c.birthDate, c.cccd, c.occupation, c.listedOn.value_or(core::Date()), importReason(source)};
  const int name = importColumnIndex(*info.spec, "full_name");
  if (updated(o, name)) in.fullName = text(o, name);
  if (updated(o, info.birthDate)) in.birthDate = core::PartialDate::parse(text(o, info.birthDate));
  if (updated(o, info.listedOn)) in.listedOn = *dateOf(o, info.listedOn);
  return in;
}

bool correctsCandidate(const SpecInfo& info, const Outcome& o) {
  for (int k = 0; k < int(info.spec->columns.size()); ++k)
    if (updated(o, k) && candidateCorrectionField(info.spec->columns[size_t(k)].field)) return true;
  return false;
}

// The column of quan_chung that holds a field the candidate's doors refused.
int candidateColumn(const SpecInfo& info, const std::string& field) {
  if (field == "cell") return info.cellId;
  if (field == "full_name" || field == "birth_date" || field == "gender" || field == "ethnicity" ||
      field == "listed_on")
    return importColumnIndex(*info.spec, field.c_str());
  return info.code;
}

void writeCandidate(Context& ctx, const SpecInfo& info, const ImportFile& file, const ImportRow& row,
                    Outcome& o) {
  core::Id id = 0;
  const bool isNew = o.action == ImportAction::New;
  // The admissions page's form lists the candidate; a completed file (the person is a member by now) and a
  // merge's candidates are the history of other registers: written as they stand, their stages walked below.
  const bool form = !ctx.merged && !(isNew && completedFile(info, row));
  if (isNew && form) {
    id = createCandidate(ctx.s, ctx.actor, newCandidateOf(info, row, o));
    ctx.inserted(info.table, o.values[size_t(info.code)], id);
  } else if (isNew) {
    admission::requireWrite(ctx.actor, *idOf(o, info.cellId));
    store::ImportValues values;
    for (int k = 0; k < int(info.spec->columns.size()); ++k)
      if (o.has(k) && !candidateStageField(info.spec->columns[size_t(k)].field))
        values.emplace_back(info.spec->columns[size_t(k)].field, o.values[size_t(k)]);
    id = ctx.repo.insert(info.table, values);
    ctx.inserted(info.table, o.values[size_t(info.code)], id);
  } else {
    id = o.stored->rowid;
    if (form && correctsCandidate(info, o))
      correctCandidate(ctx.s, ctx.actor, o.key, correctionOf(ctx, info, o, file.source));
  }
  // A change of gender, ethnicity or cell (no page changes them), and what a merge changes: the import's.
  store::ImportValues history;
  for (int k = 0; k < int(info.spec->columns.size()); ++k) {
    const std::string_view f = info.spec->columns[size_t(k)].field;
    if (candidateStageField(f)) continue;
    if (isNew ? (form && o.has(k) && !candidateFormField(f))
              : (updated(o, k) && (!form || !candidateCorrectionField(f))))
      history.emplace_back(f, o.values[size_t(k)]);
  }
  if (!history.empty()) ctx.repo.update(info.table, id, history);
  // The stages, in the page's order with its checks and audit rows.
  recordFileStages(ctx.s, ctx.actor, o.values[size_t(info.code)], stagesOf(info, row, o, ctx.merged),
                   importReason(file.source));
}

// The candidate as it stands before the row's stages: stored (with the row's corrections), or as the row
// lists it.
core::Candidate candidateBefore(Context& ctx, const SpecInfo& info, const ImportRow& row, const Outcome& o) {
  core::Candidate c;
  if (o.stored) {
    if (auto stored = store::AdmissionRepository(storeOf(ctx.s)).candidateById(o.stored->rowid)) c = *stored;
  } else {
    const NewCandidate n = newCandidateOf(info, row, o);
    c.code = n.code;
    c.fullName = n.fullName;
    c.cellId = *idOf(o, info.cellId);
  }
  if (o.has(info.birthDate)) c.birthDate = core::PartialDate::parse(text(o, info.birthDate));
  if (o.has(info.listedOn)) c.listedOn = dateOf(o, info.listedOn);
  return c;
}

// The column of quan_chung that holds a stage the walk refused.
int stageColumn(const SpecInfo& info, const std::string& field) {
  const int k = field.empty() ? -1 : importColumnIndex(*info.spec, field.c_str());
  return k >= 0 ? k : info.code;
}

// The rating a row of xep_loai records, as the ratings page's door takes it.
YearRating ratingOf(const SpecInfo& info, const ImportRow& row, const Outcome& o) {
  YearRating r;
  const std::string year = text(o, info.year);
  std::from_chars(year.data(), year.data() + year.size(), r.year);
  r.subjectType = text(o, info.subjectType);
  r.code = std::string(row.value(size_t(info.subjectId)));
  r.level = text(o, importColumnIndex(*info.spec, "level"));
  return r;
}

// The column of xep_loai that holds a field the rating's door refused.
int ratingColumn(const SpecInfo& info, const std::string& field) {
  if (field == "year") return info.year;
  if (field == "subject_type") return info.subjectType;
  if (field == "level") return importColumnIndex(*info.spec, "level");
  return info.subjectId;
}

}  // namespace

void doorProblems(Context& ctx, const SpecInfo& info, const ImportRow& row, const Outcome& o,
                  const ProblemAt& problem) {
  const ImportFileSpec& spec = *info.spec;
  if (info.kind == "quan_chung") {
    if (!o.problems.empty() || isNewRef(text(o, info.cellId))) return;  // a new cell: checked when written
    // The admissions page's checks, the account's rights first.
    std::string field;
    try {
      if (ctx.merged || (!o.stored && completedFile(info, row)))
        ;  // another register's history, or a completed file: no listing form; its stages below
      else if (!o.stored)
        checkNewCandidate(ctx.s, ctx.actor, newCandidateOf(info, row, o), &field);
      else if (correctsCandidate(info, o))
        checkCandidateCorrection(ctx.s, ctx.actor, o.key,
                                 correctionOf(ctx, info, o, std::string(spec.kind) + ".csv"), &field);
    } catch (const std::runtime_error& e) {
      problem(candidateColumn(info, field), e.what());
      return;
    }
    // The file's stages in the page's order (sponsors this import adds: checked when written).
    for (const char* f : {"sponsor1", "sponsor2"})
      if (isNewRef(text(o, importColumnIndex(spec, f)))) return;
    field.clear();
    try {
      checkFileStages(ctx.s, ctx.actor, candidateBefore(ctx, info, row, o),
                      stagesOf(info, row, o, ctx.merged), &field);
    } catch (const std::runtime_error& e) {
      problem(stageColumn(info, field), e.what());
    }
    return;
  }
  if (info.kind == "xep_loai" && o.problems.empty() && (!o.stored || !o.changes.empty()) &&
      !isNewRef(text(o, info.subjectId))) {
    // The rating's door's checks, the account's rights first (a member this import adds: checked when
    // written).
    std::string field;
    try {
      ctx.ratings().check(ratingOf(info, row, o), &field);
    } catch (const std::runtime_error& e) {
      problem(ratingColumn(info, field), e.what());
    }
    return;
  }
  if (info.kind == "ky_luat" && !o.stored && o.problems.empty() && !isNewRef(text(o, info.subjectId))) {
    // The dialog's checks, the account's rights first (a subject this import adds is checked when written).
    std::string field;
    try {
      checkDecision(ctx.s, ctx.actor, decisionOf(info, row, o), &field);
    } catch (const std::runtime_error& e) {
      problem(decisionColumn(info, field), e.what());
    }
    return;
  }
  if (info.kind == "cap_uy" && o.problems.empty() &&
      !isNewRef(text(o, importColumnIndex(spec, "member_id")))) {
    // The seat's door's checks, its scope first (a member this import adds is checked when written).
    const SeatRow seat = seatOf(info, row, o);
    std::string field;
    try {
      checkCommitteeSeat(ctx.s, ctx.actor, seat.term, seat.member, seat.position, &field);
    } catch (const std::runtime_error& e) {
      problem(importColumnIndex(spec, field == "term"       ? "term_id"
                                      : field == "position" ? "position"
                                                            : "member_id"),
              e.what());
    }
    return;
  }
  if (info.kind == "ky_luat" && o.stored) {
    // The window and `record` have no way to rewrite a recorded decision: neither has the import.
    for (int k = 0; k < int(spec.columns.size()); ++k)
      if (updated(o, k)) {
        problem(k, format(tr("the disciplinary decision {1} is already recorded and is never rewritten (the "
                             "window and the command line cannot change it either): a correction is a new "
                             "decision or the outcome of a complaint."),
                          {o.key}));
        return;
      }
  }
  if (info.kind == "kiem_tra" && o.stored)
    for (const char* fixed : {"kind", "date"})
      if (int k = importColumnIndex(spec, fixed); updated(o, k))
        problem(k, format(tr("{1}: the kind, subject, number and date of a case stay as recorded."),
                          {std::string(fixed)}));
  if (info.kind == "to_chuc") {
    // An organization ends once, through its merger or dissolution (the window's organization actions): the
    // day and the target of a recorded end stay as recorded, and a merger needs its day.
    const int ceased = importColumnIndex(spec, "ceased");
    const bool ended = o.stored && o.old(info, ceased).has_value();
    for (int k : {ceased, info.mergedInto})
      if (ended && updated(o, k)) {
        problem(k, format(tr("the organization {1} has ended: the day and the target of its merger or "
                             "dissolution stay as recorded."),
                          {o.key}));
        return;
      }
    if (o.has(info.mergedInto) && !o.has(ceased))
      problem(info.mergedInto, tr("a merger needs its day in \"Ngày giải thể\"."));
  }
  if (info.kind == "chi_tieu" && o.problems.empty())
    if (std::string why = targetRefusal(targetOf(info, o)); !why.empty())
      problem(importColumnIndex(spec, "value"), why);
  (void)ctx;
}

bool writeThroughDoor(Context& ctx, const SpecInfo& info, const ImportFile& file, const ImportRow& row,
                      Outcome& o) {
  if (info.kind != "to_chuc" && info.kind != "chi_tieu" && info.kind != "kiem_tra" &&
      info.kind != "ky_luat" && info.kind != "cap_uy" && info.kind != "quan_chung" && info.kind != "xep_loai")
    return false;
  if (o.action != ImportAction::New && o.action != ImportAction::Update) return true;
  try {
    if (info.kind == "xep_loai")
      ctx.ratings().record(ratingOf(info, row, o));
    else if (info.kind == "quan_chung")
      writeCandidate(ctx, info, file, row, o);
    else if (info.kind == "cap_uy") {
      const SeatRow seat = seatOf(info, row, o);
      saveCommitteeSeat(ctx.s, ctx.actor, seat.term, seat.member, seat.position);
    } else if (info.kind == "ky_luat")
      recordDecision(ctx.s, ctx.actor, decisionOf(info, row, o));  // a stored decision never updates
    else if (info.kind == "to_chuc")
      writeOrganization(ctx, info, row, o);
    else if (info.kind == "chi_tieu")
      ctx.s.saveTarget(ctx.actor, targetOf(info, o));
    else
      writeInspection(ctx, info, row, o);
  } catch (const core::DataError& e) {
    throw core::DataError(format(tr("{1}, row {2}: {3}"), {file.source, std::to_string(row.row), e.what()}));
  }
  return true;
}

void finishDoorFile(Context& ctx, const SpecInfo& info, const ImportFile& file) {
  if (info.kind != "xep_loai" || !ctx.ratingDoor) return;
  try {
    ctx.ratingDoor->flush();
  } catch (const core::DataError& e) {
    throw core::DataError(format(tr("{1}: {2}"), {file.source, e.what()}));
  }
}

bool doorAudits(std::string_view kind, std::string_view field) {
  if (kind == "chi_tieu" || kind == "kiem_tra" || kind == "ky_luat" || kind == "cap_uy" || kind == "xep_loai")
    return true;
  if (kind == "to_chuc")
    return field.empty() || organizationDoorField(field) || field == "ceased" || field == "merged_into" ||
           field == "has_committee";
  if (kind == "quan_chung")
    return field.empty() || candidateCorrectionField(field) || candidateStageField(field);
  return false;
}

bool doorWritesNew(std::string_view kind, const ImportRow& row, bool merged) {
  if (kind != "quan_chung") return doorAudits(kind, "");
  return !merged && !completedFile(infoOf(*importFileSpec(kind)), row);
}

bool doorAuditsNew(std::string_view kind, std::string_view field) {
  return kind != "quan_chung" || candidateFormField(field) || candidateStageField(field);
}

bool candidateStageField(std::string_view field) {
  return field == "certificate_on" || field == "sponsor1" || field == "sponsor2" || field == "cell_vote_on" ||
         field == "cell_vote_in_favour" || field == "decision_on" || field == "ceremony_on";
}

}  // namespace dangbo::services::import_detail
