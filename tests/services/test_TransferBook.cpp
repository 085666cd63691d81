// The transfer book and the transfer letter (issue 19, spec/member-file.md "Forms printed from the
// register"): the numbering per year and direction, the refusals, the audit row, the letter's fields.
#include <doctest/doctest.h>

#include <algorithm>

#include "AdmissionTestData.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Administration.h"
#include "services/CellWork.h"
#include "services/Register.h"
#include "services/TransferBook.h"

using namespace dangbo;
using services::Actor;
using test::admission::d;

namespace {

const Actor kOffice = Actor::localOffice();

struct Book : test::admission::OneCell {
  Book() {
    add("DV01", "Lò Văn Cường");
    add("DV02", "Lò Văn Minh", "22102233", "SL-0202");
    add("DV03", "Lò Văn Bình");
    add("DV04", "Lò Văn Tú");
    add("DV05", "Lò Văn An");
    core::Member in;  // arrived from another commune on 01/03/2025
    in.code = "DV10";
    in.fullName = "Lò Thị Hoa";
    in.gender = "nu";
    in.birthDate = core::PartialDate::make(1990, 5, 5);
    in.ethnicity = "03";
    in.admittedOn = d(2012, 3, 1);
    in.officialOn = d(2013, 3, 1);
    in.transferredInOn = d(2025, 3, 1);
    in.transferredInFrom = "Đảng bộ xã Mường Bon";
    services::addMember(*s, kOffice, in, "CB01", "");
  }
  void add(const std::string& code, const std::string& name, const std::string& card = "",
           const std::string& file = "") {
    core::Member m;
    m.code = code;
    m.fullName = name;
    m.gender = "nam";
    m.birthDate = core::PartialDate::make(1980, 1, 1);
    m.ethnicity = "03";
    m.admittedOn = d(2010, 1, 10);
    m.ceremonyOn = d(2010, 1, 20);
    m.officialOn = d(2011, 1, 10);
    m.cardNo = card;
    m.fileNo = file;
    services::addMember(*s, kOffice, m, "CB01", "");
  }
  void transferOut(const std::string& code, core::Date on, const std::string& reason = "") {
    services::recordAction(*s, kOffice, code, {"transfer_out", on, "", "Đảng bộ xã Hát Lót", "", reason});
  }
  services::TransferLetter issue(const std::string& code, std::optional<core::Date> on = std::nullopt,
                                 const Actor& actor = kOffice) {
    services::TransferLetterInput in;
    in.memberCode = code;
    in.direction = "issued";
    in.on = on;
    return services::enterTransferLetter(*s, actor, in);
  }
};

std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE(
    "transfer book: issued letters numbered 1, 2, 3 in a year, from 1 again the next year, received apart") {
  Book b;
  b.transferOut("DV01", d(2025, 2, 1));
  b.transferOut("DV02", d(2025, 5, 1));
  b.transferOut("DV03", d(2025, 11, 1));
  b.transferOut("DV04", d(2025, 12, 20));
  CHECK(b.issue("DV01").number == 1);
  CHECK(b.issue("DV02").number == 2);
  // The received letter of 2025 is numbered apart from the issued ones.
  services::TransferLetterInput in;
  in.memberCode = "DV10";
  in.direction = "received";
  in.otherNumber = "45-GT/ĐU";
  in.duesPaidTo = core::YearMonth{2025, 2};
  const auto received = services::enterTransferLetter(*b.s, kOffice, in);
  CHECK(received.number == 1);
  CHECK(received.year == 2025);
  CHECK(received.on == d(2025, 3, 1));  // the day of the transfer in
  CHECK(received.fromPlace == "Đảng bộ xã Mường Bon");
  CHECK(received.toPlace == "Đảng bộ xã Thử, Chi bộ bản Nà Ớt");
  const auto third = b.issue("DV03");
  CHECK(third.number == 3);
  CHECK(third.year == 2025);
  // DV04 left on 20/12/2025, the letter signed on 03/01/2026: the first of 2026.
  const auto next = b.issue("DV04", d(2026, 1, 3));
  CHECK(next.year == 2026);
  CHECK(next.number == 1);

  const auto y2025 = services::transferBook(*b.s, kOffice, 2025);
  REQUIRE(y2025.size() == 4);
  CHECK(y2025[0].memberCode == "DV01");
  CHECK(y2025[2].memberCode == "DV03");
  CHECK(y2025[3].direction == "received");
  CHECK(y2025[3].otherNumber == "45-GT/ĐU");
  REQUIRE(y2025[3].duesPaidTo);
  CHECK(y2025[3].duesPaidTo->vn() == "02/2025");
  CHECK(services::transferBook(*b.s, kOffice, 2026).size() == 1);
  CHECK(services::transferBook(*b.s, kOffice, 2024).empty());

  const auto rep = services::transferBookReport(*b.s, kOffice, 2025);
  REQUIRE(rep.table("issued"));
  REQUIRE(rep.table("received"));
  CHECK(rep.table("issued")->rows.size() == 3);
  CHECK(rep.table("received")->rows.size() == 1);
  CHECK(rep.table("received")->rows[0].cells[2].text == "Lò Thị Hoa");
}

TEST_CASE(
    "transfer book refuses: no transfer out, a second letter, a secretary or inspection, a future day") {
  Book b;
  b.transferOut("DV01", d(2025, 2, 1));
  // DV05 is still in the cell: no transfer out recorded, the member named.
  std::string why = refusal([&] { b.issue("DV05"); });
  CHECK(why.find("Lò Văn An") != std::string::npos);
  CHECK(why.find("DV05") != std::string::npos);
  CHECK_THROWS_AS(b.issue("DV05"), core::DataError);
  // DV05 did not transfer in either.
  services::TransferLetterInput in;
  in.memberCode = "DV05";
  in.direction = "received";
  CHECK_THROWS_AS(services::enterTransferLetter(*b.s, kOffice, in), core::DataError);
  // Not a secretary of the member's own cell, nor the inspection committee; nothing written.
  CHECK_THROWS_AS(b.issue("DV01", std::nullopt, {"bt", "secretary", b.cell}), core::PermissionError);
  CHECK_THROWS_AS(b.issue("DV01", std::nullopt, {"kt", "inspection", std::nullopt}), core::PermissionError);
  why = refusal([&] { b.issue("DV01", std::nullopt, {"bt", "secretary", b.cell}); });
  CHECK(why.find("Lò Văn Cường") != std::string::npos);
  why = refusal([&] { b.issue("DV01", std::nullopt, {"kt", "inspection", std::nullopt}); });
  CHECK(why.find("Lò Văn Cường") != std::string::npos);
  // A secretary of another cell is refused too, and learns no name.
  why = refusal([&] { b.issue("DV01", std::nullopt, {"bt2", "secretary", b.cell + 99}); });
  CHECK(why.find("DV01") != std::string::npos);
  CHECK(why.find("Lò Văn Cường") == std::string::npos);
  CHECK(services::transferBook(*b.s, kOffice, 2025).empty());
  // A day still to come.
  CHECK_THROWS_AS(b.issue("DV01", core::Date::today().addDays(1)), core::DataError);
  CHECK(services::transferBook(*b.s, kOffice, 2025).empty());
  // Issued once, then refused with the number already given; the book keeps one row.
  CHECK(b.issue("DV01").number == 1);
  why = refusal([&] { b.issue("DV01"); });
  CHECK(why.find("DV01") != std::string::npos);
  CHECK(why.find("1/2025") != std::string::npos);
  CHECK(services::transferBook(*b.s, kOffice, 2025).size() == 1);
  // The book is the committee's: a secretary may not read it.
  CHECK_THROWS_AS(services::transferBook(*b.s, {"bt", "secretary", b.cell}, 2025), core::PermissionError);
}

TEST_CASE("transfer book: each letter entered writes its audit row") {
  Book b;
  b.transferOut("DV01", d(2025, 2, 1));
  b.issue("DV01");
  services::AuditFilter f;
  f.record = "member:DV01";
  const auto rows = services::auditTrail(*b.s, kOffice, f);
  const auto it = std::find_if(rows.begin(), rows.end(), [](const services::AuditRow& r) {
    return r.action == "transfer_letter.issue";
  });
  REQUIRE(it != rows.end());
  CHECK(it->username == "office");
  CHECK(it->newValue.find("1/2025") != std::string::npos);
  CHECK(it->newValue.find("Hát Lót") != std::string::npos);
  CHECK(std::count_if(rows.begin(), rows.end(),
                      [](const services::AuditRow& r) { return r.action == "transfer_letter.issue"; }) == 1);
}

TEST_CASE("transfer letter: card, file, the row in the cell's register, the book's number, from, to, dues") {
  Book b;
  // Another cell's member sorts before DV02 in the commune's register, not in the cell's.
  core::Organization other;
  other.code = "CB02";
  other.name = "Chi bộ bản Púng";
  other.kind = "truc_thuoc";
  other.category = "ban";
  other.founded = d(1960, 1, 1);
  services::addOrganization(*b.s, kOffice, other);
  core::Member anh;
  anh.code = "DV20";
  anh.fullName = "Lò Văn Anh";
  anh.gender = "nam";
  anh.birthDate = core::PartialDate::make(1985, 1, 1);
  anh.ethnicity = "03";
  anh.admittedOn = d(2015, 1, 10);
  anh.officialOn = d(2016, 1, 10);
  services::addMember(*b.s, kOffice, anh, "CB02", "");
  // DV02 pays January to April 2025, then leaves on 01/05/2025; DV01 left before, DV10 arrived in March.
  services::saveDuesBasis(*b.s, kOffice, {"DV02", {{2025, 1}, "bhxh", 6000000, "", ""}});
  for (int m = 1; m <= 4; ++m)
    services::saveDuesPayment(*b.s, kOffice, {"DV02", {2025, m}, 60000, d(2025, m, 25), "tien_mat", ""});
  b.transferOut("DV01", d(2025, 2, 1));
  b.transferOut("DV02", d(2025, 5, 1), "Theo gia đình");
  // Before the letter is in the book there is nothing to print.
  CHECK_THROWS_AS(services::transferLetterReport(*b.s, kOffice, "DV02"), core::DataError);
  b.issue("DV01");
  const auto letter = b.issue("DV02");
  CHECK(letter.number == 2);
  REQUIRE(letter.duesPaidTo);
  CHECK(letter.duesPaidTo->vn() == "04/2025");
  CHECK(letter.reason == "Theo gia đình");
  const auto r = services::transferLetterReport(*b.s, kOffice, "DV02");
  CHECK(r.name == "transfer-letter");
  CHECK(r.number == "2-GT/ĐU");
  std::string text;
  for (const auto& sec : r.sections)
    for (const auto& p : sec.paragraphs) text += p + "\n";
  CAPTURE(text);
  CHECK(text.find("22102233") != std::string::npos);  // card
  CHECK(text.find("SL-0202") != std::string::npos);   // file
  // On 30/04/2025 the cell holds An, Bình, Hoa, Minh, Tú (Cường left in February): Minh is row 4.
  CHECK(text.find(
            core::format(core::tr("The party committee introduces comrade {1}, born {2}, party card number "
                                  "{3}, file number {4}, at row {5} of the member register of {6}."),
                         {"Lò Văn Minh", "01/01/1980", "22102233", "SL-0202", "4", "Chi bộ bản Nà Ớt"})) !=
        std::string::npos);
  CHECK(text.find("2/2025") != std::string::npos);
  CHECK(text.find("Đảng bộ xã Thử, Chi bộ bản Nà Ớt") != std::string::npos);
  CHECK(text.find("Đảng bộ xã Hát Lót") != std::string::npos);
  CHECK(text.find("Theo gia đình") != std::string::npos);
  CHECK(text.find(core::format(core::tr("The comrade has paid party dues up to the end of {1}."),
                               {"04/2025"})) != std::string::npos);
  // A secretary of another cell may not print it.
  CHECK_THROWS(services::transferLetterReport(*b.s, {"bt", "secretary", b.cell + 99}, "DV02"));
}

TEST_CASE(
    "transfers without a letter: the year's transfers out and in, each gone once its letter is entered") {
  Book b;
  b.transferOut("DV01", d(2025, 2, 1), "Theo chồng");
  b.transferOut("DV02", d(2025, 5, 1));
  b.transferOut("DV03", d(2024, 12, 1));  // another year
  auto listed = [&](int year) {
    std::vector<std::string> out;
    for (const auto& t : services::transfersWithoutLetter(*b.s, kOffice, year))
      out.push_back(t.direction + " " + t.memberCode + " " + t.on.iso() + " " + t.place);
    return out;
  };
  const std::vector<std::string> before = {"issued DV01 2025-02-01 Đảng bộ xã Hát Lót",
                                           "received DV10 2025-03-01 Đảng bộ xã Mường Bon",
                                           "issued DV02 2025-05-01 Đảng bộ xã Hát Lót"};
  CHECK(listed(2025) == before);
  CHECK(services::transfersWithoutLetter(*b.s, kOffice, 2025).front().reason == "Theo chồng");
  CHECK(listed(2024) == std::vector<std::string>{"issued DV03 2024-12-01 Đảng bộ xã Hát Lót"});
  b.issue("DV01");
  services::TransferLetterInput in;
  in.memberCode = "DV10";
  in.direction = "received";
  services::enterTransferLetter(*b.s, kOffice, in);
  CHECK(listed(2025) == std::vector<std::string>{"issued DV02 2025-05-01 Đảng bộ xã Hát Lót"});
  // The list is the committee's book: a secretary may not read it.
  CHECK_THROWS_AS(services::transfersWithoutLetter(*b.s, {"bt", "secretary", b.cell}, 2025),
                  core::PermissionError);
}
