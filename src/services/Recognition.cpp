// Recognition as an official member at the end of probation (spec: the cell's vote and the committee's
// resolution on each member admitted by this committee), split from Admissions.cpp; the candidate's file
// helpers they share are in AdmissionShared.h.
#include <algorithm>
#include <map>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/MemberRules.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "services/AdmissionShared.h"
#include "services/Admissions.h"
#include "services/Lookup.h"
#include "services/PartyFile.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AdmissionRepository.h"
#include "store/Database.h"
#include "store/MemberQuery.h"
#include "store/RecordsRepository.h"
#include "store/RegisterRepository.h"
#include "store/SettingsRepository.h"

namespace dangbo::services {

using core::DataError;
using core::Date;
using core::format;
using core::tr;
using namespace admission;

namespace {
struct Probation {
  core::Member member;
  std::optional<store::Recognition> record;
  Date ends;
};

Probation probationOf(Services& s, const std::string& memberCode) {
  store::RegisterRepository reg(storeOf(s));
  Probation p{memberByCode(reg, memberCode), std::nullopt, Date()};
  const core::Member& m = p.member;
  std::optional<Date> start = m.ceremonyOn ? m.ceremonyOn : m.admittedOn;
  if (!start || m.transferredInOn)
    throw DataError(format(tr("{1} ({2}) was not admitted by this committee: no probation to review."),
                           {m.fullName, m.code}));
  p.ends = start->addMonths(s.ruleBook().intOn("admission.probation_months", *start));
  p.record = store::AdmissionRepository(storeOf(s)).recognition(m.id);
  return p;
}
}  // namespace

RecognitionFile recognitionFile(Services& s, const Actor& actor, const std::string& memberCode) {
  Probation p = probationOf(s, memberCode);
  requireRead(actor, p.member.cellId);
  RecognitionFile f;
  f.code = p.member.code;
  f.name = p.member.fullName;
  f.ceremonyOn = p.member.ceremonyOn;
  f.probationEnds = p.ends;
  if (p.record) {
    f.cellReviewOn = p.record->cellReviewOn;
    f.officialCount = p.record->officialCount;
    f.inFavour = p.record->inFavour;
    f.decisionNo = p.record->decisionNo;
    f.decisionOn = p.record->decisionOn;
    f.result = p.record->result;
    if (f.cellReviewOn && f.officialCount && f.inFavour)
      f.reviewPassed = reaches(*f.inFavour, *f.officialCount,
                               s.ruleBook().fractionOn("admission.cell_vote_share", *f.cellReviewOn));
  } else if (p.member.officialOn) {
    f.result = "recognized";
  }
  return f;
}

int recordRecognitionReview(Services& s, const Actor& actor, const std::string& memberCode, const Date& on,
                            int inFavour) {
  Probation p = probationOf(s, memberCode);
  const core::Member& m = p.member;
  requireWrite(actor, m.cellId);
  auto refuse = [&](const std::string& why) {
    throw DataError(
        format(tr("The cell's review of {1} ({2}) on {3}: {4}"), {m.fullName, m.code, on.vn(), why}));
  };
  if (m.officialOn) refuse(format(tr("the member has been official since {1}."), {m.officialOn->vn()}));
  if (m.status != "active" && m.status != "exempt")
    refuse(format(tr("the member's status is \"{1}\"."), {core::enums::memberStatus.label(m.status)}));
  if (p.record && p.record->cellReviewOn)
    refuse(format(tr("a review is already recorded ({1})."), {p.record->cellReviewOn->vn()}));
  if (on < p.ends) refuse(format(tr("probation ends on {1}."), {p.ends.vn()}));
  if (on > Date::today()) refuse(tr("the date is in the future."));
  const int official = int(officialOn(s, m.cellId, on).size());
  if (inFavour < 0 || inFavour > official)
    refuse(format(tr("{1} in favour, but the cell had {2} official members that day."),
                  {num(inFavour), num(official)}));
  store::Recognition r = p.record.value_or(store::Recognition{});
  r.memberId = m.id;
  r.cellReviewOn = on;
  r.officialCount = official;
  r.inFavour = inFavour;
  storeOf(s).transaction([&] {
    store::AdmissionRepository(storeOf(s)).saveRecognition(r);
    s.audit(actor, "recognition.review", "member:" + m.code, "",
            on.iso() + " " + num(inFavour) + "/" + num(official));
  });
  return official;
}

void recordRecognitionDecision(Services& s, const Actor& actor, const std::string& memberCode,
                               const std::string& number, const Date& on, bool recognized) {
  Probation p = probationOf(s, memberCode);
  const core::Member& m = p.member;
  requireWrite(actor, m.cellId);
  auto refuse = [&](const std::string& why) {
    throw DataError(
        format(tr("The recognition decision for {1} ({2}) on {3}: {4}"), {m.fullName, m.code, on.vn(), why}));
  };
  const std::string no = core::normalizeText(number);
  if (no.empty()) refuse(tr("enter the number of the decision."));
  if (!p.record || !p.record->cellReviewOn) refuse(tr("record the cell's review first."));
  if (p.record->result != "pending") refuse(tr("a decision is already recorded."));
  if (on < *p.record->cellReviewOn)
    refuse(format(tr("the cell's review was on {1}."), {p.record->cellReviewOn->vn()}));
  if (on > Date::today()) refuse(tr("the date is in the future."));
  const core::Fraction share = s.ruleBook().fractionOn("admission.cell_vote_share", *p.record->cellReviewOn);
  if (recognized && !reaches(p.record->inFavour.value_or(0), p.record->officialCount.value_or(0), share))
    refuse(format(tr("the cell's review had {1} of {2} official members in favour, below {3}/{4}."),
                  {num(p.record->inFavour.value_or(0)), num(p.record->officialCount.value_or(0)),
                   num(share.num), num(share.den)}));
  // recordAction validates and writes the member's side in its own transaction; the record follows.
  MemberAction a;
  a.decisionNo = no;
  if (recognized) {
    a.kind = "recognized";
    a.date = p.ends;  // official from the exact end of probation
  } else {
    a.kind = "removed";
    a.date = on;
    a.reason = "du_bi_khong_dat";
  }
  recordAction(s, actor, m.code, a);
  store::Recognition r = *p.record;
  r.decisionNo = no;
  r.decisionOn = on;
  r.result = recognized ? "recognized" : "failed";
  storeOf(s).transaction([&] {
    store::AdmissionRepository(storeOf(s)).saveRecognition(r);
    s.audit(actor, "recognition.decision", "member:" + m.code, "pending", r.result + " " + on.iso(), no);
  });
}

}  // namespace dangbo::services
