// Member search through the trigram index (migration 0017) finds exactly what the pass over every member's
// folded name finds, in the same order, on the demo commune and on a random register; the first page of a
// search is the head of the whole answer; the index follows every write and is built for older files.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <random>
#include <set>

#include "../TestUtil.h"
#include "core/InputClean.h"
#include "core/VietText.h"
#include "services/MemberList.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberListOrder.h"
#include "store/MemberQuery.h"
#include "store/MemberRows.h"
#include "store/Migrations.h"
#include "store/RegisterRepository.h"
#include "store/SearchIndex.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();
const core::Date kToday = *core::Date::make(2026, 11, 29);

std::unique_ptr<services::Services> freshRegister(const std::filesystem::path& db) {
  return services::Services::create(
      db, {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
}

// Everything a list shows of its rows, in order.
std::vector<std::string> shown(const std::vector<services::MemberRow>& rows) {
  std::vector<std::string> out;
  for (const auto& x : rows)
    out.push_back(x.code + "|" + x.name + "|" + x.cellCode + "|" + x.status + "|" + x.standing + "|" +
                  (x.age ? std::to_string(*x.age) : "") + "|" + x.ethnicityName + "|" + x.cardNo);
  return out;
}

// The same search with nothing kept: through the index (store::searchMembersOn).
std::vector<std::string> byIndex(services::Services& s, const services::MemberFilter& f) {
  services::dropMemberListCache();
  return shown(services::listMembers(s, kOffice, f));
}

// Every piece of 1 to 4 letters of the folded names, the whole names as typed and in capitals.
std::set<std::string> queriesFrom(const std::vector<std::string>& names, size_t maxNames) {
  std::set<std::string> out;
  for (size_t n = 0; n < names.size() && n < maxNames; ++n) {
    const std::string folded = core::fold(names[n]);
    for (size_t len = 1; len <= 4; ++len)
      for (size_t i = 0; i + len <= folded.size(); ++i) out.insert(folded.substr(i, len));
    out.insert(names[n]);
    out.insert(core::toUpper(names[n]));
  }
  for (const char* odd : {"", "%", "_", "\"", "\"pan", "a\"b", "zzz", "qxw", "  PẰN ", "van  pan", "NGUYỄN"})
    out.insert(odd);
  return out;
}

// Checks every query on `day`: the index and the scan give the same rows in the same order, and the first
// page (limits 1, 7 and 100) is the head of that answer. Returns how many queries read their candidates
// through the trigram index and found more than 1500 members (a broad search).
size_t compareAll(services::Services& s, const std::set<std::string>& queries, const core::Date& day) {
  const std::vector<size_t> limits = {0, 1, 7, 100};
  auto filter = [&](const std::string& text, size_t limit) {
    services::MemberFilter f;
    f.asOf = day;
    f.search = text;
    f.limit = limit;
    return f;
  };
  // First every answer of the scan (the snapshot read once), then every answer through the index.
  std::map<std::pair<std::string, size_t>, std::vector<std::string>> scan;
  services::MemberFilter all;
  all.asOf = day;
  services::listMembers(s, kOffice, all);  // reads and keeps the snapshot
  for (const auto& text : queries)
    for (size_t limit : limits)
      scan[{text, limit}] = shown(services::listMembers(s, kOffice, filter(text, limit)));
  size_t broad = 0;
  for (const auto& text : queries) {
    CAPTURE(text);
    const auto& whole = scan[{text, 0}];
    CHECK(byIndex(s, filter(text, 0)) == whole);
    if (store::searchUsesIndex(core::fold(text)) && whole.size() > 1500) ++broad;
    for (size_t limit : limits) {
      CAPTURE(limit);
      const std::vector<std::string> head(
          whole.begin(), whole.begin() + std::min(limit ? limit : whole.size(), whole.size()));
      CHECK(scan[{text, limit}] == head);
      if (limit) CHECK(byIndex(s, filter(text, limit)) == head);
    }
  }
  return broad;
}

std::vector<std::string> namesOf(services::Services& s, const core::Date& day) {
  services::MemberFilter all;
  all.asOf = day;
  std::vector<std::string> out;
  for (const auto& r : services::listMembers(s, kOffice, all)) out.push_back(r.name);
  return out;
}

// A random Vietnamese full name: family, one or two middle names, given name, with random tones and case.
std::string randomName(std::mt19937& rng) {
  static const std::vector<std::string> family = {"Lò",   "Quàng", "Cà",    "Lường", "Tòng", "Nguyễn",
                                                  "Trần", "Lê",    "Phạm",  "Hoàng", "Vì",   "Đinh",
                                                  "Bạc",  "Mùa",   "Giàng", "Đặng"};
  static const std::vector<std::string> middle = {"Văn",  "Thị",  "Đức",  "Minh", "Thu",
                                                  "Ngọc", "Xuân", "Hồng", "Kim"};
  static const std::vector<std::string> given = {
      "Pằn", "Pán", "Pan",    "Đào", "Dao",  "An",   "Anh", "Ánh", "Bình", "Cương", "Dũng", "Hưng", "Lan",
      "Mai", "Nam", "Phương", "Sơn", "Tuấn", "Xuân", "Yến", "Hoa", "Thảo", "Ơn",    "Ưng",  "Ỷ"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::string name = pick(family) + " " + (rng() % 5 < 3 ? std::string("Văn") : pick(middle));
  if (rng() % 3 == 0) name += " " + pick(middle);
  name += " " + pick(given);
  if (rng() % 7 == 0) name = core::toUpper(name);
  if (rng() % 11 == 0) name += " " + std::to_string(rng() % 100);
  return name;
}

// Fills `s` with two cells and `count` members of random names (rng seeded with `seed`), admitted on random
// days, a sixth of them exempt, transferred out or deceased.
void fillRandom(services::Services& s, int count, unsigned seed) {
  store::RegisterRepository reg(services::storeOf(s));
  core::Organization a{1, "CB01", "Chi bộ bản Nà Ớt", "truc_thuoc", "ban", {}, {}, {}, false, {}, {}};
  core::Organization b{2, "CB02", "Chi bộ bản Co Muông", "truc_thuoc", "ban", {}, {}, {}, false, {}, {}};
  reg.insertOrganization(a);
  reg.insertOrganization(b);
  std::mt19937 rng(seed);
  const core::Date base = *core::Date::make(1990, 1, 1);
  services::storeOf(s).transaction([&] {
    for (int i = 0; i < count; ++i) {
      core::Member m;
      m.code = "DV" + std::to_string(100000 + (i * 7919) % 100000);  // codes not in the order of names
      m.fullName = randomName(rng);
      m.gender = rng() % 2 ? "nam" : "nu";
      m.birthDate = core::PartialDate::ofDate(base.addDays(-int(rng() % 20000)));
      m.ethnicity = rng() % 2 ? "03" : "01";
      m.admittedOn = base.addDays(int(rng() % 13000));
      if (rng() % 2) m.officialOn = m.admittedOn->addDays(365);
      m.cardNo = std::to_string(20000000 + i);
      m.cellId = 1 + core::Id(rng() % 2);
      switch (rng() % 6) {
        case 0:
          m.status = "exempt";
          m.statusSince = base.addDays(int(rng() % 13000));
          break;
        case 1:
          m.status = "transferred_out";
          m.statusSince = base.addDays(int(rng() % 13000));
          break;
        case 2:
          m.status = "deceased";
          break;
        default:
          break;
      }
      reg.insertMember(m);
    }
  });
}

// One cell (CB01) and a member of it for each of `names`, admitted in 2001, coded DV10000 on.
void addNamed(services::Services& s, const std::vector<std::string>& names) {
  store::RegisterRepository reg(services::storeOf(s));
  reg.insertOrganization({1, "CB01", "Chi bộ bản Nà Ớt", "truc_thuoc", "ban", {}, {}, {}, false, {}, {}});
  for (size_t i = 0; i < names.size(); ++i) {
    core::Member m;
    m.code = "DV" + std::to_string(10000 + i);
    m.fullName = names[i];
    m.gender = "nam";
    m.ethnicity = "01";
    m.admittedOn = *core::Date::make(2001, 1, 1);
    m.cellId = 1;
    reg.insertMember(m);
  }
}

}  // namespace

TEST_CASE("member search index: the same members as the scan on the demo commune, today and five years ago") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path());
  CHECK(store::memberSearchIndexSound(services::storeOf(*s)));
  const auto queries = queriesFrom(namesOf(*s, kToday), 80);
  REQUIRE(queries.size() > 300);
  compareAll(*s, queries, kToday);
  compareAll(*s, {"pan", "lo van", "thi", "a", "ng"}, *core::Date::make(2021, 6, 1));
}

TEST_CASE("member search index: the same members as the scan on a random register, broad searches included") {
  TempDir dir;
  auto s = freshRegister(dir / "r.db");
  fillRandom(*s, 4000, 20261204);
  CHECK(store::memberSearchIndexSound(services::storeOf(*s)));
  auto queries = queriesFrom(namesOf(*s, kToday), 20);
  for (const char* q : {"van", "thi", "lo van", "van pan", "an", "a", "n", "xuan", "quang thi", "dang"})
    queries.insert(q);
  const size_t broad = compareAll(*s, queries, kToday);
  CHECK(broad > 0);  // the first page of these walks the list order (index members_order)
  compareAll(*s, {"van", "pan", "lo", "dao", "xuan"}, *core::Date::make(2010, 1, 1));
  // Both ways of reading candidates were taken: through the trigram index (three letters or more) and not.
  CHECK(store::searchUsesIndex("van"));
  CHECK(store::searchUsesIndex("đào"));
  CHECK_FALSE(store::searchUsesIndex("an"));
}

TEST_CASE(
    "member search index: accents, case and decomposed marks are folded, the index follows a renamed "
    "member") {
  TempDir dir;
  auto s = freshRegister(dir / "r.db");
  store::RegisterRepository reg(services::storeOf(*s));
  reg.insertOrganization({1, "CB01", "Chi bộ bản Nà Ớt", "truc_thuoc", "ban", {}, {}, {}, false, {}, {}});
  core::Member m;
  m.code = "DV0001";
  m.fullName = "Lò Văn Pằn";
  m.gender = "nam";
  m.birthDate = core::PartialDate::ofDate(*core::Date::make(1970, 5, 3));
  m.ethnicity = "03";
  m.admittedOn = *core::Date::make(2000, 1, 1);
  m.officialOn = *core::Date::make(2001, 1, 1);
  m.cellId = 1;
  reg.insertMember(m);
  m.code = "DV0002";
  m.fullName = "Quàng Thị Đào";
  reg.insertMember(m);
  auto codes = [&](const std::string& text) {
    services::MemberFilter f;
    f.asOf = kToday;
    f.search = text;
    services::dropMemberListCache();
    std::vector<std::string> out;
    for (const auto& r : services::listMembers(*s, kOffice, f)) out.push_back(r.code);
    return out;
  };
  const std::vector<std::string> pan = {"DV0001"}, dao = {"DV0002"}, none;
  CHECK(codes("PẰN") == pan);
  CHECK(codes("Pa\u0306\u0300n") == pan);  // decomposed marks
  CHECK(codes("lò văn pằn") == pan);
  CHECK(codes("LO VAN") == pan);
  CHECK(codes("ĐÀO") == dao);
  CHECK(codes("dao") == dao);
  CHECK(codes("thi dao") == dao);
  CHECK(codes("van dao").empty());

  // Renamed through the service (the window's and the CLI's door): the index follows.
  auto file = services::memberFile(*s, kOffice, "DV0002");
  file.member.fullName = "Quàng Thị Phương";
  services::updateMember(*s, kOffice, file.member, "sửa tên");
  CHECK(codes("dao").empty());
  CHECK(codes("phuong") == dao);
  CHECK(store::memberSearchIndexSound(services::storeOf(*s)));
  // A member removed from the table leaves the index too.
  services::storeOf(*s).db().exec(
      "DELETE FROM member_events WHERE member_id = (SELECT id FROM members WHERE code = 'DV0001')");
  services::storeOf(*s).db().exec("DELETE FROM members WHERE code = 'DV0001'");
  CHECK(codes("pan").empty());
  CHECK(store::memberSearchIndexSound(services::storeOf(*s)));
  // An index out of step with the table is found.
  services::storeOf(*s).db().exec(
      "INSERT INTO member_search (member_search, rowid, search_key) VALUES ('delete', "
      "(SELECT id FROM members WHERE code = 'DV0002'), 'quang thi phuong')");
  services::storeOf(*s).db().exec(
      "INSERT INTO member_search (rowid, search_key) VALUES "
      "((SELECT id FROM members WHERE code = 'DV0002'), 'sai khac')");
  CHECK_FALSE(store::memberSearchIndexSound(services::storeOf(*s)));
}

TEST_CASE("member search index: migration 0017 builds the index of a file made before it") {
  TempDir dir;
  {
    auto s = freshRegister(dir / "old.db");
    store::RegisterRepository reg(services::storeOf(*s));
    reg.insertOrganization({1, "CB01", "Chi bộ bản Nà Ớt", "truc_thuoc", "ban", {}, {}, {}, false, {}, {}});
    std::mt19937 rng(7);
    for (int i = 0; i < 50; ++i) {
      core::Member m;
      m.code = "DV" + std::to_string(1000 + i);
      m.fullName = randomName(rng);
      m.gender = "nu";
      m.ethnicity = "01";
      m.admittedOn = *core::Date::make(2001, 1, 1);
      m.cellId = 1;
      reg.insertMember(m);
    }
  }
  {
    // The file as the versions before 17 left it (no index, no triggers), then the step 0017 applied to it.
    SQLite::Database raw((dir / "old.db").string(), SQLite::OPEN_READWRITE);
    raw.exec(
        "DROP TRIGGER member_search_insert; DROP TRIGGER member_search_delete; DROP TRIGGER "
        "member_search_update;"
        "DROP TABLE member_search; DROP INDEX members_order");
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'member_search%'").getInt() ==
          0);
    const auto& steps = store::builtinMigrations();
    auto step =
        std::find_if(steps.begin(), steps.end(), [](const store::Migration& m) { return m.version == 17; });
    REQUIRE(step != steps.end());
    raw.exec(step->sql);
  }
  auto s = services::Services::open(dir / "old.db");
  CHECK(store::memberSearchIndexSound(services::storeOf(*s)));
  const auto queries = queriesFrom(namesOf(*s, kToday), 20);
  compareAll(*s, queries, kToday);
  services::MemberFilter f;
  f.asOf = kToday;
  f.search = "van";
  CHECK_FALSE(byIndex(*s, f).empty());
}

TEST_CASE(
    "member search index: the candidates of a text's two rarest pieces hold every hit of the whole phrase, "
    "in "
    "the list order") {
  TempDir dir;
  auto s = freshRegister(dir / "r.db");
  fillRandom(*s, 3000, 20261205);
  auto& db = services::storeOf(*s);
  // The list order and the keys, read whole.
  std::vector<std::pair<core::Id, std::string>> ordered;
  {
    SQLite::Statement q(db.db(), "SELECT id, search_key FROM members ORDER BY sort_key, code");
    while (q.executeStep()) ordered.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
  }
  std::map<core::Id, std::string> keyOf(ordered.begin(), ordered.end());
  auto holding = [&](const std::vector<core::Id>& ids, const std::string& folded) {
    std::vector<core::Id> out;
    for (core::Id id : ids)
      if (keyOf.at(id).find(folded) != std::string::npos) out.push_back(id);
    return out;
  };
  auto queries = queriesFrom(namesOf(*s, kToday), 40);
  for (const char* q : {"lo van pan", "lo van p", "van pan", "quang thi", "van van", "anan", "thi thu"})
    queries.insert(q);
  size_t anded = 0;
  for (const auto& text : queries) {
    const std::string folded = core::fold(core::normalizeText(text));
    if (!store::searchUsesIndex(folded)) continue;
    CAPTURE(folded);
    // The old query: the whole text as one phrase of the trigram index, its hits put in the list order.
    std::vector<core::Id> old;
    {
      SQLite::Statement q(db.db(),
                          "SELECT m.id FROM member_search s JOIN members m ON m.id = s.rowid WHERE "
                          "member_search MATCH ?1 ORDER BY m.sort_key, m.code");
      q.bind(1, store::rows::ftsPhrase(folded));
      while (q.executeStep()) old.push_back(q.getColumn(0).getInt64());
    }
    std::vector<core::Id> scan;
    for (const auto& [id, key] : ordered)
      if (key.find(folded) != std::string::npos) scan.push_back(id);
    REQUIRE(holding(old, folded) == scan);
    const auto candidates = store::searchCandidatesInOrder(db, folded, ordered.size());
    REQUIRE(candidates);
    CHECK(holding(*candidates, folded) == scan);
    // In the list order, each once.
    std::map<core::Id, size_t> place;
    for (size_t k = 0; k < ordered.size(); ++k) place[ordered[k].first] = k;
    for (size_t k = 1; k < candidates->size(); ++k)
      CHECK(place.at((*candidates)[k - 1]) < place.at((*candidates)[k]));
    // The query: the phrase of three letters, else two or three pieces of the text, the first two apart
    // when the text has room.
    const auto query = store::rows::candidateQuery(db, folded);
    if (query.match.find("\" AND \"") != std::string::npos && folded.find('"') == std::string::npos) {
      ++anded;
      std::vector<std::string> pieces;
      for (size_t from = 1;;) {
        const size_t end = query.match.find('"', from);
        pieces.push_back(query.match.substr(from, end - from));
        if (end + 1 >= query.match.size()) break;
        from = end + 7;  // past `" AND "`
      }
      CHECK(pieces.size() <= 3);
      for (const auto& piece : pieces) {
        CHECK(piece.size() == 3);
        CHECK(folded.find(piece) != std::string::npos);
      }
      const size_t a = folded.find(pieces[0]), b = folded.find(pieces[1]);
      if (folded.size() >= 8 && folded.size() == store::rows::charCount(folded))
        CHECK((a + 3 <= b || b + 3 <= a || folded.find(pieces[1], a + 3) != std::string::npos ||
               folded.find(pieces[0], b + 3) != std::string::npos));
    } else if (store::rows::charCount(folded) == 3) {
      CHECK(query.match == store::rows::ftsPhrase(folded));
    }
    // Too many candidates: none.
    if (candidates->size() > 1)
      CHECK_FALSE(store::searchCandidatesInOrder(db, folded, candidates->size() - 1));
    // However far the first page's probe looks, the first page is the head of the scan's answer.
    const size_t entries = store::searchProbeEntries(db, folded, 100);
    CHECK(entries <= store::listProbeEntries(db));
  }
  CHECK(anded > 50);  // texts of four letters or more: two pieces
}

TEST_CASE(
    "member search index: a text whose pieces are each common but together few takes its candidates at "
    "once") {
  // "thu" in 1.270 names and "van" in 2.550, but both in the ten "Lò Văn Thu" only (the last ids; in the
  // list order among the "Thu", after every "Thành").
  std::vector<std::string> names;
  for (int i = 0; i < 3820; ++i)
    names.push_back(i >= 3810 ? "Lò Văn Thu" : i % 3 == 1 ? "Hà Thị Thu" : "Lê Văn Thành");
  TempDir dir;
  auto s = freshRegister(dir / "r.db");
  services::storeOf(*s).transaction([&] { addNamed(*s, names); });
  auto& db = services::storeOf(*s);
  const std::string folded = core::fold(core::normalizeText("Văn Thu"));
  REQUIRE(store::searchUsesIndex(folded));
  const auto query = store::rows::candidateQuery(db, folded);
  CHECK(query.estimate > store::fewSearchCandidates(db, 100));  // the rarest piece alone is not few
  CHECK(query.match.find(" AND ") != std::string::npos);
  // The pieces together are: no probe of the list order, the candidates are put in order at once.
  size_t counted = SIZE_MAX;
  CHECK(store::searchProbeEntries(db, folded, 100, &counted) == 0);
  CHECK(counted == 10);  // counted in the index: the ordering does not count them again
  const auto candidates = store::searchCandidatesInOrder(db, folded, 100);
  REQUIRE(candidates);
  CHECK(candidates->size() == 10);
  CHECK(store::searchCandidatesInOrder(db, folded, 100, counted) == candidates);
  // A third piece apart from both is ANDed only when it is rare: in "lo van thu", "van" and "an " are in
  // two thirds of the keys and left out.
  const auto three = store::rows::candidateQuery(db, core::fold("lo van thu")).match;
  CAPTURE(three);
  CHECK(three.find(" AND ") != std::string::npos);
  CHECK(three.find(" AND ", three.find(" AND ") + 1) == std::string::npos);
  CHECK(three.find("\"van\"") == std::string::npos);
  CHECK(three.find("\"an \"") == std::string::npos);
  compareAll(*s, {"van thu", "Văn Thu", "lo van thu", "thu", "van th", "ha thi thu", "le van thanh"}, kToday);
}

TEST_CASE(
    "member search index: resumed after a load into an empty register, it holds the entries kept row by "
    "row, and finds what the scan finds") {
  TempDir dir;
  // A: the members written with the index kept by its triggers, row by row.
  auto a = freshRegister(dir / "a.db");
  fillRandom(*a, 4000, 20261206);
  // B: the same members written with the index suspended, then resumed in one pass.
  auto s = freshRegister(dir / "b.db");
  auto& db = services::storeOf(*s);
  const auto triggers = store::suspendMemberSearchIndex(db);
  REQUIRE(triggers.size() == 3);
  fillRandom(*s, 4000, 20261206);
  CHECK_FALSE(store::memberSearchIndexSound(db));  // none of them indexed yet
  store::resumeMemberSearchIndex(db, triggers);
  CHECK(store::memberSearchIndexSound(db));
  // Every entry of the index (term, member, offset), as FTS5 reads it back.
  auto entries = [](services::Services& r) {
    auto& d = services::storeOf(r).db();
    d.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_entries USING fts5vocab(main, member_search, "
        "'instance')");
    std::string out;
    SQLite::Statement st(d, "SELECT hex(term), doc, offset FROM temp.search_entries ORDER BY 1, 2, 3");
    while (st.executeStep())
      out += st.getColumn(0).getString() + "|" + st.getColumn(1).getString() + "|" +
             st.getColumn(2).getString() + "\n";
    return out;
  };
  const std::string resumed = entries(*s);
  CHECK(resumed.size() > 100000);
  CHECK(resumed == entries(*a));
  auto queries = queriesFrom(namesOf(*s, kToday), 10);
  for (const char* q : {"van", "thi", "lo van", "xuan", "quang thi", "dang"}) queries.insert(q);
  compareAll(*s, queries, kToday);
  // The triggers are back: a member added now is found.
  core::Member m;
  m.code = "DV9";
  m.fullName = "Mùa A Chứ";
  m.gender = "nam";
  m.ethnicity = "01";
  m.admittedOn = *core::Date::make(2001, 1, 1);
  m.cellId = 1;
  store::RegisterRepository(db).insertMember(m);
  services::MemberFilter f;
  f.asOf = kToday;
  f.search = "mua a chu";
  CHECK(byIndex(*s, f).size() == 1);
}

TEST_CASE("member search index: the ids kept without the rows are those of the members kept with them") {
  TempDir dir;
  auto s = freshRegister(dir / "r.db");
  fillRandom(*s, 3000, 20261206);
  auto& db = services::storeOf(*s);
  std::mt19937 rng(7);
  for (const core::Date& day : {kToday, *core::Date::make(2005, 6, 1)})
    for (const char* text : {"", "van", "pan", "lo van", "a", "zzz"}) {
      CAPTURE(text);
      // Ids in any order, some twice, some of no member.
      std::vector<core::Id> ids;
      for (int i = 0; i < 2500; ++i) ids.push_back(core::Id(1 + rng() % 3100));
      std::vector<core::Id> withRows;
      for (const auto& m : store::presentMembersByIds(db, day, core::fold(text), ids))
        withRows.push_back(m.id);
      CHECK(store::presentIdsByIds(db, day, core::fold(text), ids) == withRows);
    }
}
