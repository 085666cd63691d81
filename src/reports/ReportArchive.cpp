#include "reports/ReportArchive.h"

#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/utility.hpp>
#include <boost/serialization/vector.hpp>
#include <boost/serialization/version.hpp>
#include <sstream>

#include "core/Errors.h"
#include "core/I18n.h"

// Boost 1.74 knows neither std::optional nor our dates: small free functions do them. Every class written
// here carries a version (BOOST_CLASS_VERSION below); a later program reads older archives by checking it.
namespace boost::serialization {

template <class Archive>
void save(Archive& ar, const dangbo::core::Date& d, unsigned) {
  const int64_t serial = d.serial();
  ar << serial;
}
template <class Archive>
void load(Archive& ar, dangbo::core::Date& d, unsigned) {
  int64_t serial = 0;
  ar >> serial;
  d = dangbo::core::Date::fromSerial(serial);
}
template <class Archive>
void serialize(Archive& ar, dangbo::core::Date& d, unsigned v) {
  split_free(ar, d, v);
}

template <class Archive, class T>
void save(Archive& ar, const std::optional<T>& o, unsigned) {
  const bool has = o.has_value();
  ar << has;
  if (has) ar << *o;
}
template <class Archive, class T>
void load(Archive& ar, std::optional<T>& o, unsigned) {
  bool has = false;
  ar >> has;
  if (!has) {
    o.reset();
    return;
  }
  T value{};
  ar >> value;
  o = std::move(value);
}
template <class Archive, class T>
void serialize(Archive& ar, std::optional<T>& o, unsigned v) {
  split_free(ar, o, v);
}

template <class Archive>
void serialize(Archive& ar, dangbo::core::CommitteeInfo& c, unsigned v) {
  ar& c.name& c.place& c.province& c.superior& c.executive;
  if (v >= 1) ar& c.signerOnBehalf& c.signerTitle& c.signerName& c.recipients;
}

// --- the congress figures ---
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressOrganizations& o, unsigned) {
  ar& o.total& o.grassroots& o.subordinate& o.byCategory& o.subordinateByCategory& o.villageCells& o
      .villageCellsWithCommittee;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressMembers& m, unsigned) {
  ar& m.total& m.official& m.probationary& m.women& m.ethnicMinority& m.exempt& m.byAgeGroup& m.ageUnknown& m
      .ethnicityUnknown;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressAdmissions& a, unsigned v) {
  ar& a.byYear& a.total& a.target& a.targetSource& a.yearTargets& a.percentOfTarget;
  if (v >= 1) ar& a.byOrigin;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressFounded& o, unsigned) {
  ar& o.total& o.byCategory& o.byOrigin;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressMerged& m, unsigned) {
  ar& m.origin& m.category& m.from& m.into;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::SecretaryTrainingYear& y, unsigned) {
  ar& y.year& y.trained& y.secretaries& y.percent;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::RatingTargetMet& m, unsigned) {
  ar& m.year& m.organizations& m.members;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressRatingTargets& r, unsigned) {
  ar& r.organizationsPercent& r.membersPercent& r.met;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::NextTermTarget& t, unsigned) {
  ar& t.code& t.value& t.from& t.to;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::RatingLevels& r, unsigned) {
  ar& r.htxsnv& r.httnv& r.htnv& r.khtnv& r.rated& r.goodOrBetterPercent;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressRatingYear& y, unsigned) {
  ar& y.year& y.organizations& y.members& y.organizationTarget& y.memberTarget;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressInspections& i, unsigned) {
  ar& i.organizations& i.members;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressDiscipline& d, unsigned) {
  ar& d.khienTrach& d.canhCao& d.cachChuc& d.khaiTru& d.xoaTen& d.orgKhienTrach& d.orgCanhCao& d.orgGiaiTan;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressCommittee& c, unsigned) {
  ar& c.term& c.members& c.standing& c.women& c.ethnicMinority& c.womenEthnicMinority& c.age42OrUnder& c
      .universityOrAbove& c.postgraduate& c.theoryIntermediateOrAbove& c.theoryAdvanced& c.womenPercent& c
      .ethnicMinorityPercent& c.womenEthnicMinorityPercent& c.age42OrUnderPercent& c
      .universityOrAbovePercent& c.postgraduatePercent& c.theoryIntermediateOrAbovePercent& c
      .theoryAdvancedPercent;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::CongressFigures& f, unsigned v) {
  ar& f.committee& f.from& f.to& f.asOf& f.organizations& f.members& f.admissions& f.ratings& f.inspections& f
      .discipline& f.committeeComposition;
  // Version 2: the figures of a merged commune's first congress.
  if (v >= 2)
    ar& f.supervisions& f.organizationsFounded& f.organizationsMerged& f.secretaryTraining& f.ratingTargets& f
        .nextTermTargets& f.nextTerm;
}

// --- the generic model ---
template <class Archive>
void serialize(Archive& ar, dangbo::services::Figure& f, unsigned) {
  ar& f.kind& f.text& f.value;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::ReportRow& r, unsigned) {
  ar& r.key& r.cells& r.role;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::ReportTable& t, unsigned) {
  ar& t.key& t.caption& t.columns& t.rows& t.sums;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::ReportSeries& s, unsigned) {
  ar& s.name& s.values;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::ReportChart& c, unsigned) {
  ar& c.title& c.categoryLabel& c.axisLabel& c.categories& c.series& c.targetLabel& c.target& c.percent;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::ReportSection& s, unsigned) {
  ar& s.heading& s.paragraphs& s.tables& s.charts;
}
template <class Archive>
void serialize(Archive& ar, dangbo::services::ReportModel& m, unsigned) {
  ar& m.name& m.title& m.committee& m.from& m.to& m.asOf& m.hasPeriod& m.sections;
}
template <class Archive>
void serialize(Archive& ar, dangbo::reports::FrozenReport& r, unsigned) {
  ar& r.name& r.from& r.to& r.asOf& r.committee& r.congress& r.model;
}

}  // namespace boost::serialization

BOOST_CLASS_VERSION(dangbo::reports::FrozenReport, 1)
BOOST_CLASS_VERSION(dangbo::services::CongressFigures, 2)
BOOST_CLASS_VERSION(dangbo::services::CongressAdmissions, 1)
BOOST_CLASS_VERSION(dangbo::core::CommitteeInfo, 1)
BOOST_CLASS_VERSION(dangbo::services::CongressRatingYear, 1)
BOOST_CLASS_VERSION(dangbo::services::ReportModel, 1)
BOOST_CLASS_VERSION(dangbo::services::ReportTable, 1)
BOOST_CLASS_VERSION(dangbo::services::ReportChart, 1)

namespace dangbo::reports {

namespace {
constexpr const char* kMagic = "dangbo-report";
}

std::string archiveReport(const FrozenReport& r) {
  std::ostringstream out;
  {
    boost::archive::text_oarchive ar(out);
    const std::string magic = kMagic;
    ar << magic << r;
  }
  return out.str();
}

FrozenReport unarchiveReport(const std::string& bytes) {
  FrozenReport r;
  try {
    std::istringstream in(bytes);
    boost::archive::text_iarchive ar(in);
    std::string magic;
    ar >> magic;
    if (magic != kMagic) throw std::runtime_error("not a report");
    ar >> r;
  } catch (const std::exception&) {
    throw core::DataError(
        core::tr("The published report cannot be read: its stored model is damaged or comes from "
                 "a newer version of dangbo."));
  }
  return r;
}

}  // namespace dangbo::reports
