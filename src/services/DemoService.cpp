// Services::createDemo: a new file filled with the generated demo commune, in one transaction.
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/DemoCellWork.h"
#include "services/Services.h"
#include "store/CaseRepository.h"
#include "store/Database.h"
#include "store/RecordsRepository.h"
#include "store/RegisterRepository.h"
#include "store/SettingsRepository.h"
#include "store/TransferQueries.h"

namespace dangbo::services {

Summary Services::createDemo(const std::filesystem::path& path, const DemoOptions& opt) {
  DemoData data = generateDemo(opt);
  auto s = create(path, data.committee);
  auto& db = *s->db_;
  try {
    db.transaction([&] {
      store::SettingsRepository settings(db);
      store::RegisterRepository reg(db);
      store::RecordsRepository rec(db);
      for (const auto& t : data.terms) settings.saveTerm(t);
      for (const auto& t : data.targets) settings.saveTarget(t);
      for (const auto& o : data.organizations) reg.insertOrganization(o);
      // Members reference candidates and candidates reference members (sponsors): defer the checks.
      db.deferForeignKeys();
      for (const auto& m : data.members) reg.insertMember(m);
      for (const auto& c : data.candidates) rec.insertCandidate(c);
      for (const auto& e : data.events) reg.insertEvent(e);
      // The receiving committees confirmed the older transfers out; the recent ones are still open.
      store::settleTransfersBefore(db, opt.today.addDays(-130), 30);
      for (const auto& l : data.leaders) reg.insertLeader(l);
      for (const auto& t : data.trainings) reg.insertTraining(t);
      for (const auto& r : data.ratings) rec.insertRating(r);
      for (const auto& i : data.inspections) rec.insertInspection(i);
      for (const auto& d : data.disciplines) rec.insertDiscipline(d);
      for (const auto& r : data.removals) rec.insertRemoval(r);
      for (const auto& seat : data.seats) rec.insertSeat(seat);
      store::CaseRepository(db).completeDemoCases(opt.today,
                                                  "Kiểm tra tổ chức đảng và đảng viên theo chương trình năm",
                                                  "Giám sát thường xuyên và chuyên đề");
      writeDemoCellWork(db, opt.seed, opt.today);
      s->audit(Actor::localOffice(), "demo", "database", "",
               core::format("mẫu số {1}: {2} hồ sơ đảng viên",
                            {std::to_string(opt.seed), std::to_string(data.members.size())}));
    });
  } catch (const SQLite::Exception& e) {
    auto p = s->path();
    s.reset();
    std::error_code ec;
    std::filesystem::remove(p, ec);
    std::filesystem::remove(p.string() + "-wal", ec);
    std::filesystem::remove(p.string() + "-shm", ec);
    throw core::DataError(core::format(core::tr("The demo data could not be written: {1}"), {e.what()}));
  }
  return s->summary(opt.today);
}

}  // namespace dangbo::services
