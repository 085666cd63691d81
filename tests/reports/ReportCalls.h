#pragma once
// The reports of `report --list` made from the demo commune in the report tests: each call ("party-card
// MEMBER") filled with a member, a candidate, a cell or a transferred member of the demo, or with the
// handover of a register that took in a former commune.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "../TestUtil.h"
#include "exchange/MergeFiles.h"
#include "reports/HandoverReport.h"
#include "reports/ReportCatalog.h"
#include "services/Deadlines.h"
#include "services/MemberList.h"
#include "services/Merge.h"
#include "services/Services.h"
#include "services/TransferBook.h"

namespace dangbo::test::reportcalls {

using test::TempDir;

inline core::Date day(int y, int m, int d) {
  return *core::Date::make(y, m, d);
}

// The demo commune (about 1.050 members), made once for the tests of this file.
inline services::Services& demo() {
  static TempDir dir;
  static std::unique_ptr<services::Services> s = [] {
    services::DemoOptions o;
    o.seed = 1;
    o.today = day(2026, 11, 29);
    services::Services::createDemo(dir / "demo.db", o);
    return services::Services::open(dir / "demo.db");
  }();
  return *s;
}

inline reports::FrozenReport demoReport(const std::string& name) {
  const bool period = reports::reportUsesPeriod(name);
  return reports::makeReport(
      demo(), services::Actor::localOffice(),
      {name, period ? day(2020, 8, 1) : day(2026, 11, 29), period ? day(2025, 7, 31) : day(2026, 11, 29),
       period ? day(2025, 7, 31) : day(2026, 11, 29)});
}

// A small register that took in the former commune Nà Ớt (two cells, four members): the handover reports.
inline services::Services& mergedRegister() {
  static TempDir dir;
  static std::unique_ptr<services::Services> s = [] {
    const auto src = dir / "na-ot";
    std::filesystem::create_directories(src);
    test::writeFile(
        src / "to_chuc.csv",
        "Mã,Tên,Loại,Khối,Ngày thành lập,Có chi ủy\nCB01,Chi bộ bản Nà Ớt,co_so,ban,2000-01-01,Có\n"
        "CB02,Chi bộ bản Pá Ngùa,co_so,ban,2001-01-01,Không\n");
    std::string members =
        "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,Lý "
        "luận "
        "chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Tình trạng,Ngày thay đổi "
        "tình trạng\n";
    for (int i = 1; i <= 4; ++i)
      members += "DV0" + std::to_string(i) + ",Lò Văn Pằn " + std::to_string(i) +
                 ",1980,Nam,Thái,Không,Sơn La,Bản Nà Ớt,12/12,khong,chua,Nông dân,CB0" +
                 std::to_string(1 + i % 2) + ",2010-05-19,2011-05-19,Đang sinh hoạt,\n";
    test::writeFile(src / "dang_vien.csv", members);
    auto merged = services::Services::create(
        dir / "merged.db",
        {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
    services::MergeRequest r;
    r.on = day(2025, 7, 1);
    r.decision = "1-QĐ/TU";
    r.sources.push_back(exchange::readMergeSource("Nà Ớt", src));
    services::applyMerge(*merged, services::Actor::localOffice(), r);
    return merged;
  }();
  return *s;
}

// A demo member transferred out (the last one of the register), the letter of the transfer entered in the
// transfer book once.
inline std::string transferredWithLetter() {
  static const std::string code = [] {
    const auto office = services::Actor::localOffice();
    std::string last;
    for (const auto& e : services::registerEntries(demo(), office, day(2026, 11, 29), true))
      if (e.member.status == "transferred_out") last = e.member.code;
    if (!last.empty()) services::enterTransferLetter(demo(), office, {last, "issued"});
    return last;
  }();
  REQUIRE_MESSAGE(!code.empty(), "the demo has no member transferred out");
  return code;
}

// A document of reportCalls() ("party-card MEMBER"), its words filled from the demo: a member, a candidate
// waiting for the ceremony (the committee has resolved), that candidate's cell, a member transferred out with
// its letter in the transfer book; the handover from the merged register.
inline reports::FrozenReport reportOfCall(const std::string& call) {
  std::istringstream in(call);
  std::string name, w;
  in >> name;
  const auto office = services::Actor::localOffice();
  const bool period = reports::reportUsesPeriod(name);
  reports::ReportRequest q{name, period ? day(2020, 8, 1) : day(2026, 11, 29),
                           period ? day(2025, 7, 31) : day(2026, 11, 29),
                           period ? day(2025, 7, 31) : day(2026, 11, 29)};
  services::Deadline waiting;
  for (const auto& d : services::deadlines(demo(), office, day(2026, 11, 29)))
    if (d.kind == "ceremony_due") waiting = d;
  while (in >> w) {
    if (w == "MEMBER") {
      services::MemberFilter f;
      f.asOf = day(2026, 11, 29);
      q.subject = services::listMembers(demo(), office, f).front().code;
    } else if (w == "CANDIDATE") {
      q.subject = waiting.code;
    } else if (w == "TRANSFERRED") {
      q.subject = transferredWithLetter();
    } else if (w == "CELL") {
      q.cell = waiting.cellCode;
    } else if (w == "ORIGIN") {
      reports::FrozenReport r;
      r.name = name;
      r.asOf = r.from = r.to = day(2026, 11, 29);
      r.committee = mergedRegister().committee();
      r.model = reports::handoverReport(mergedRegister(), office, name, "Nà Ớt", "", r.asOf);
      return r;
    } else if (w.rfind("--", 0) != 0) {
      FAIL("report --list names " << w << ", which this test does not know how to fill");
    }
  }
  return reports::makeReport(demo(), office, q);
}

}  // namespace dangbo::test::reportcalls
