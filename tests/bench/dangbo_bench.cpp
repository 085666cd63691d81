// dangbo_bench: the speed and memory figures of the register at province scale, each beside a bare
// SQLite baseline of the same rows measured in the same run. Prints figures; asserts nothing.
//
//   dangbo_bench [--members N] [--cells N] [--years N] [--seed N] [--keep DIR] [--file-rows N]
//   dangbo_bench --merge-members N [--cells N] [--years N] [--keep DIR]
//
// With --merge-members: three former communes of N members each (seeds 1, 2, 3, written as CSV folders by
// child processes) merged into a new register (spec/merger.md), every proposed pair decided, timed; nothing
// else.
//
// A child process generates the province (demo generator, scaled) and writes it as the office's CSV
// import files, so the parent's peak memory is that of dangbo's own work: import, then search.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_clock.h"
#include "bench/cellwork_timings.h"
#include "bench/import_floor.h"
#include "bench/open_timings.h"
#include "bench/report_timings.h"
#include "bench/search_timings.h"
#include "core/Enums.h"
#include "core/Progress.h"
#include "core/VietText.h"
#include "exchange/Csv.h"
#include "exchange/Import.h"
#include "exchange/MergeFiles.h"
#include "services/DemoGenerator.h"
#include "services/Import.h"
#include "services/MemberList.h"
#include "services/MemberPager.h"
#include "services/Merge.h"
#include "services/Services.h"

using namespace dangbo;
namespace fs = std::filesystem;
using bench::Clock;
using bench::cpuMs;
using bench::msSince;
using bench::peakRssKb;

namespace {

std::string opt(const std::optional<core::Date>& d) {
  return d ? d->vn() : std::string();
}

size_t kRowsPerFile = 1000000;  // --file-rows

// The folders of member files after the first (more1, more2, ...), in order.
std::vector<fs::path> moreFolders(const fs::path& dir) {
  std::vector<fs::path> out;
  for (int k = 1; fs::exists(dir / ("more" + std::to_string(k))); ++k)
    out.push_back(dir / ("more" + std::to_string(k)));
  return out;
}

// Writes generated registers as to_chuc.csv and dang_vien.csv (spec/import.md), labels in Vietnamese, one
// register after another: a nation is generated a province at a time (the generator holds its whole register
// in memory, about 4 KB a member), each province's codes made its own by recode() below.
struct DatasetWriter {
  fs::path dir;
  std::ofstream orgs, out;
  size_t written = 0;

  explicit DatasetWriter(fs::path folder) : dir(std::move(folder)) {
    fs::create_directories(dir);
    orgs.open(dir / "to_chuc.csv", std::ios::binary);
    orgs << "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy\n";
  }

  void write(const services::DemoData& data) {
    std::map<core::Id, std::string> orgCode;
    for (const auto& o : data.organizations) orgCode[o.id] = o.code;
    for (const auto& o : data.organizations)
      orgs << o.code << ',' << exchange::csvField(o.name) << ',' << core::enums::orgKind.label(o.kind) << ','
           << o.category << ',' << opt(o.founded) << ',' << opt(o.ceased) << ','
           << (o.mergedInto ? orgCode[*o.mergedInto] : "") << ',' << (o.hasCommittee ? "Có" : "Không")
           << '\n';
    static const std::map<std::string, std::string> ethnicName = {
        {"01", "Kinh"}, {"03", "Thái"}, {"08", "Mông"}, {"29", "Khơ Mú"}, {"34", "Xinh Mun"}};
    // A CSV file holds at most 1.048.576 rows (exchange/InputLimits.h): a larger register is written as
    // files of kRowsPerFile members, dang_vien.csv and then the folders more1/, more2/, ... imported in turn.
    for (const auto& m : data.members) {
      if (written % kRowsPerFile == 0) {
        const fs::path folder = written == 0 ? dir : dir / ("more" + std::to_string(written / kRowsPerFile));
        fs::create_directories(folder);
        out.close();
        out.open(folder / "dang_vien.csv", std::ios::binary);
        out << "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Số CCCD,Học "
               "vấn,Chuyên môn,Lý luận chính trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính "
               "thức,Số thẻ,Số lý lịch,Ngày chuyển đến,Tình trạng,Ngày thay đổi tình trạng\n";
      }
      ++written;
      const auto e = ethnicName.find(m.ethnicity);
      const std::string eth = e != ethnicName.end() ? e->second : std::string("Kinh");
      out << m.code << ',' << exchange::csvField(m.fullName) << ',' << (m.birthDate ? m.birthDate->vn() : "")
          << ',' << core::enums::gender.label(m.gender) << ',' << eth << ',' << exchange::csvField(m.religion)
          << ',' << exchange::csvField(m.hometown) << ',' << exchange::csvField(m.residence) << ',' << m.cccd
          << ',' << m.education << ',' << m.qualification << ',' << m.theory << ','
          << exchange::csvField(m.occupation) << ',' << orgCode[m.cellId] << ',' << opt(m.admittedOn) << ','
          << opt(m.officialOn) << ',' << m.cardNo << ',' << m.fileNo << ',' << opt(m.transferredInOn) << ','
          << core::enums::memberStatus.label(m.status) << ','
          << (m.status == "active" ? "" : opt(m.statusSince)) << '\n';
    }
  }
};

void writeDataset(const services::DemoData& data, const fs::path& dir) {
  DatasetWriter(dir).write(data);
}

// Makes province `k`'s codes its own among a nation's: organizations prefixed T01, T02, ...; members, party
// cards and CCCD province digits numbered on from the provinces before (`before` members, `cards` cards).
void recode(services::DemoData& d, int k, size_t before, size_t& cards) {
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "T%02d", k + 1);
  for (auto& o : d.organizations) o.code = prefix + o.code;
  char buf[32];
  for (size_t i = 0; i < d.members.size(); ++i) {
    auto& m = d.members[i];
    std::snprintf(buf, sizeof buf, "DV%08zu", before + i + 1);
    m.code = buf;
    if (!m.cardNo.empty()) {
      std::snprintf(buf, sizeof buf, "%08zu", 10000000 + cards++);
      m.cardNo = buf;
    }
    if (m.cccd.size() == 12) {
      std::snprintf(buf, sizeof buf, "%03d", 100 + k);
      m.cccd.replace(0, 3, buf);
    }
  }
}

// The stages of an import as it reports them (checking, writing, building the indexes), each with the
// time from its start to the next one's: where an import's time goes, printed beside its total.
class StageTimes : public core::Progress {
 public:
  void stage(const std::string& what, uint64_t) override {
    close();
    stages_.push_back({what, 0});
    start_ = Clock::now();
  }
  bool update(uint64_t) override { return true; }
  // The time of the stages, the last one ended at the last call of text().
  double total() const {
    double t = 0;
    for (const auto& st : stages_) t += st.second;
    return t;
  }
  // The stages so far ("Kiểm tra các dòng 118 ms, ..."), the last one ended now.
  std::string text() {
    close();
    std::string out;
    for (const auto& [what, ms] : stages_) {
      char buf[32];
      std::snprintf(buf, sizeof buf, " %.0f ms", ms);
      out += (out.empty() ? "" : ", ") + what + buf;
    }
    return out;
  }

 private:
  void close() {
    if (!stages_.empty() && stages_.back().second == 0) stages_.back().second = msSince(start_);
  }
  std::vector<std::pair<std::string, double>> stages_;
  Clock::time_point start_;
};

// The baseline: the same files parsed as plain CSV and inserted as text into one bare table each.
double baselineImport(const fs::path& dir, const fs::path& dbPath) {
  auto t0 = Clock::now();
  SQLite::Database db(dbPath.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = WAL");
  std::vector<std::pair<std::string, fs::path>> files = {{"to_chuc", dir / "to_chuc.csv"},
                                                         {"dang_vien", dir / "dang_vien.csv"}};
  for (const auto& more : moreFolders(dir)) files.push_back({"dang_vien", more / "dang_vien.csv"});
  for (const auto& [name, file] : files) {
    auto table = exchange::readCsvFile(file.string());
    const auto& header = table.rows.at(0);
    std::string cols, marks;
    for (size_t i = 0; i < header.size(); ++i) {
      cols += (i ? ", c" : "c") + std::to_string(i);
      marks += i ? ", ?" : "?";
    }
    db.exec(std::string("CREATE TABLE IF NOT EXISTS ") + name + " (" + cols + ")");
    SQLite::Transaction tx(db);
    SQLite::Statement ins(db, std::string("INSERT INTO ") + name + " VALUES (" + marks + ")");
    for (size_t r = 1; r < table.rows.size(); ++r) {
      ins.reset();
      for (size_t i = 0; i < header.size(); ++i)
        ins.bind(int(i) + 1, i < table.rows[r].size() ? table.rows[r][i] : std::string());
      ins.exec();
    }
    tx.commit();
  }
  return msSince(t0);
}

struct Args {
  int members = 100000, cells = 3000, years = 10;
  uint64_t seed = 1;
  std::string keep;
  int mergeMembers = 0;
  bool importAtOnce = false;   // --import once: the member files of a large register as one import
  int chunkMembers = 1200000;  // --province-members: a larger register is generated a province at a time
  // The steps to run after the import (--only): all of them by default. A nation's run keeps to the
  // import, the searches and the congress figures; the cells' work and every report would take hours.
  std::set<std::string> steps = {"search", "window", "cellwork", "reports"};
  bool runs(const std::string& step) const { return steps.count(step) > 0; }
};

// Generates a commune, a province or a nation (seed, size, a.cells cells) as CSV files in `dir`, in a child
// process (its memory is not dangbo's); a register larger than a.chunkMembers is generated a province at a
// time. False when it failed.
bool generate(const Args& a, uint64_t seed, int members, const fs::path& dir) {
  return bench::fromChild<bool>([&] {
           services::DemoOptions o;
           o.seed = seed;
           o.schoolCells = std::max(0, a.cells / 6);
           o.villageCells = std::max(1, a.cells - 5 - o.schoolCells);
           o.members = members;
           o.historyYears = a.years;
           o.today = core::Date::today();
           if (members <= a.chunkMembers) {
             writeDataset(services::generateDemo(o), dir);
             return true;
           }
           // A nation: provinces of at most chunkMembers members each, written one after another.
           const int provinces = (members + a.chunkMembers - 1) / a.chunkMembers;
           DatasetWriter w(dir);
           size_t cards = 0;
           for (int k = 0; k < provinces; ++k) {
             o.seed = seed + static_cast<uint64_t>(k);
             o.members = members / provinces + (k < members % provinces ? 1 : 0);
             const int cells = a.cells / provinces + (k < a.cells % provinces ? 1 : 0);
             o.schoolCells = std::max(0, cells / 6);
             o.villageCells = std::max(1, cells - 5 - o.schoolCells);
             auto data = services::generateDemo(o);
             recode(data, k, w.written, cards);
             w.write(data);
           }
           return true;  // the files flushed and closed as the writer goes
         })
      .value_or(false);
}

// Three former communes of a.mergeMembers members merged into one new register.
int mergeBench(const Args& a, const fs::path& dir) {
  const char* names[] = {"Phiêng Pằn", "Chiềng Lương", "Nà Ớt"};
  auto t0 = Clock::now();
  for (int i = 0; i < 3; ++i)
    if (!generate(a, uint64_t(i + 1), a.mergeMembers, dir / ("nguon" + std::to_string(i + 1)))) {
      std::cerr << "the generator failed\n";
      return 1;
    }
  std::printf("merge dataset: 3 communes of %d members asked, %d cells each; generated in %.0f ms\n",
              a.mergeMembers, a.cells, msSince(t0));
  fs::remove(dir / "merged.db");
  auto s = services::Services::create(dir / "merged.db",
                                      {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "", ""});
  const auto actor = services::Actor::localOffice();
  services::MergeRequest r;
  r.on = *core::Date::parse("2025-07-01");
  r.decision = "1234/QĐ-TU";
  t0 = Clock::now();
  const double cpu0 = cpuMs();
  for (int i = 0; i < 3; ++i)
    r.sources.push_back(exchange::readMergeSource(names[i], dir / ("nguon" + std::to_string(i + 1))));
  const double readMs = msSince(t0);
  // Every proposed pair decided as another person (the office's PAIRS.csv), so that the merge goes through.
  r.pairsGiven = true;
  int row = 1;
  for (const auto& p : services::proposeMergePairs(r.sources))
    r.pairs.push_back({++row, p.origin1, p.code1, p.origin2, p.code2, "khác người"});
  const double pairsMs = msSince(t0) - readMs;
  auto plan = services::applyMerge(*s, actor, r);
  const double ms = msSince(t0);
  std::printf(
      "merge: %.0f ms wall, %.0f ms CPU (reading %.0f ms, pairs %.0f ms), %d cells, %d members, %zu pairs "
      "proposed | target < 10000 ms\n",
      ms, cpuMs() - cpu0, readMs, pairsMs, plan.cells, plan.members, plan.pairs.size());
  std::printf("peak memory after the merge: %.1f MB\n", peakRssKb() / 1024.0);
  if (a.keep.empty()) fs::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  const char* usage =
      "usage: dangbo_bench [--members N] [--cells N] [--years N] [--seed N] [--keep DIR] [--file-rows N]\n"
      "                    [--province-members N] (a larger register is generated a province at a time)\n"
      "                    [--import each|once] (the files of --file-rows imported one after the other,\n"
      "                                        as many imports, or as one: `dangbo-cli import DIR DIR ...`)\n"
      "                    [--only STEP,...]   steps after the import: search, window, cellwork, reports,\n"
      "                                        congress, register (the congress or the register lines\n"
      "                                        alone; all but those two by default)\n"
      "       dangbo_bench --merge-members N [--seed N] [--keep DIR]\n"
      "       dangbo_bench --open FILE [--only WORD]   (the window's opening calls; those whose line holds "
      "WORD\n"
      "                                        or one of WORD|WORD...;\n"
      "                                        --only search,window,register,floor: those steps on FILE)\n";
  // A lone word (--help, or an option missing its value) prints the usage instead of running the benchmark.
  if (argc % 2 == 0) {
    std::cerr << usage;
    return 2;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--members")
      a.members = std::stoi(v);
    else if (k == "--cells")
      a.cells = std::stoi(v);
    else if (k == "--years")
      a.years = std::stoi(v);
    else if (k == "--seed")
      a.seed = std::stoull(v);
    else if (k == "--keep")
      a.keep = v;
    else if (k == "--merge-members")
      a.mergeMembers = std::stoi(v);
    else if (k == "--open") {
      // --open FILE --only WORD: only the calls whose line holds WORD (or one of WORD|WORD...); --only
      // search,window,register,floor (any of them): the benchmark's search, window, register report and
      // import floor steps on that file.
      const std::string only = i + 3 < argc && std::string(argv[i + 2]) == "--only" ? argv[i + 3] : "";
      const bool search = only.find("search") != std::string::npos,
                 window = only.find("window") != std::string::npos,
                 reg = only.find("register") != std::string::npos,
                 floor = only.find("floor") != std::string::npos;
      if (!search && !window && !reg && !floor) return bench::printOpenTimings(v, only);
      if (floor) {
        const auto ms = bench::importFloor(v, fs::path(v).parent_path() / "floor.db");
        std::printf("import floor of %s: %.0f ms wall, %.0f ms CPU\n", v.c_str(), ms[0], ms[1]);
      }
      if (search) bench::printSearchTimings(v, services::Actor::localOffice());
      if (window) bench::printWindowTimings(v, services::Actor::localOffice());
      if (reg)
        bench::printRegisterTimings(*services::Services::openForReading(v), services::Actor::localOffice(),
                                    core::Date::today());
      return 0;
    } else if (k == "--only") {
      a.steps.clear();
      std::stringstream list(v);
      for (std::string step; std::getline(list, step, ',');) {
        if (step != "search" && step != "window" && step != "cellwork" && step != "reports" &&
            step != "congress" && step != "register") {
          std::cerr << "unknown step: " << step << "\n" << usage;
          return 2;
        }
        a.steps.insert(step);
      }
    } else if (k == "--province-members")
      a.chunkMembers = std::max(1, std::stoi(v));
    else if (k == "--file-rows")
      kRowsPerFile = std::max<size_t>(1, std::stoull(v));
    else if (k == "--import" && (v == "once" || v == "each"))
      a.importAtOnce = v == "once";
    else {
      std::cerr << usage;
      return 2;
    }
  }
  fs::path dir = a.keep.empty() ? fs::temp_directory_path() / ("dangbo-bench-" + std::to_string(getpid()))
                                : fs::path(a.keep);
  fs::create_directories(dir);
  fs::path csvDir = dir / "csv";
  if (a.mergeMembers > 0) return mergeBench(a, dir);

  // 1. The province, generated in a child process.
  auto t0 = Clock::now();
  if (!generate(a, a.seed, a.members, csvDir)) {
    std::cerr << "the generator failed\n";
    return 1;
  }
  double genMs = msSince(t0);
  std::printf("dataset: %d members asked, %d cells, %d years; generated and written as CSV in %.0f ms (%s)\n",
              a.members, a.cells, a.years, genMs, csvDir.c_str());
  std::printf("peak memory before dangbo's work: %.1f MB\n", peakRssKb() / 1024.0);

  // 2. Import: dangbo (read, check every row against the register, write with history and audit) vs bare
  // SQLite.
  fs::remove(dir / "bench.db");
  fs::remove(dir / "baseline.db");
  auto s = services::Services::create(dir / "bench.db", {"Đảng bộ tỉnh Thử", "Thử", "Thử", "", ""});
  // As dangbo-cli import, which holds the register's lock (a first load then goes without the WAL);
  // DANGBO_BENCH_WAL=1: through the WAL, as the window's import goes (to compare the two).
  if (!std::getenv("DANGBO_BENCH_WAL")) s->setHeldAlone(true);
  const auto actor = services::Actor::localOffice();
  t0 = Clock::now();
  const double cpu0 = cpuMs();
  std::vector<fs::path> folders = {csvDir};
  if (a.importAtOnce)
    for (const auto& more : moreFolders(csvDir)) folders.push_back(more);
  auto batch = exchange::readImports(folders);
  double readMs = msSince(t0);
  std::printf("peak memory after reading the files: %.1f MB\n", peakRssKb() / 1024.0);
  StageTimes stages;
  auto result = services::applyImport(*s, actor, batch, &stages);
  const double appliedMs = msSince(t0);
  const std::string stageText = stages.text();
  batch = {};
  if (!a.importAtOnce)
    for (const auto& more : moreFolders(csvDir)) {
      auto next = services::applyImport(*s, actor, exchange::readImport(more));
      result.added += next.added;
    }
  double importMs = msSince(t0);
  const double importCpu = cpuMs() - cpu0;
  const double importPeakMb = peakRssKb() / 1024.0;
  // The baseline runs in a child process: its own parsed CSV table must not count in dangbo's peak memory.
  const auto base = bench::measuredInChild([&] {
    const double c0 = cpuMs();
    const double wall = baselineImport(csvDir, dir / "baseline.db");
    return std::array<double, 2>{wall, cpuMs() - c0};
  });
  std::printf(
      "import: %.0f ms wall, %.0f ms CPU (reading %.0f ms), %d rows added | baseline %.0f ms wall, %.0f ms "
      "CPU "
      "| ratio %.2fx wall, %.2fx CPU | target < 3000 ms and < 3x\n",
      importMs, importCpu, readMs, result.added, base[0], base[1], importMs / base[0], importCpu / base[1]);
  std::printf(
      "import stages (the first import): reading %.0f ms, %s (the last one until the import returned, its "
      "commit included); before its first stage %.0f ms\n",
      readMs, stageText.c_str(), appliedMs - readMs - stages.total());

  // What SQLite alone spends storing the same rows in dangbo's schema: the part of the ratio no reading or
  // checking of the files can remove (the rest overlapping it on the second core aside).
  const auto floor = bench::importFloor(dir / "bench.db", dir / "floor.db");
  std::printf(
      "import floor (SQLite alone: the same rows copied into dangbo's schema by INSERT ... SELECT, its "
      "indexes, "
      "name index and counts built, committed): %.0f ms wall, %.0f ms CPU | %.2fx the baseline wall, %.2fx "
      "its CPU; left under 3x for reading, checking and writing the rows: %.0f ms wall\n",
      floor[0], floor[1], floor[0] / base[0], floor[1] / base[1], 3 * base[0] - floor[0]);
  std::printf("peak memory after the import: %.1f MB (after reading: see above)\n", importPeakMb);

  s.reset();
  if (a.runs("search")) bench::printSearchTimings(dir / "bench.db", actor);
  if (a.runs("window")) bench::printWindowTimings(dir / "bench.db", actor);
  // The cells' work: two years of meetings, attendance and dues, then the dues book and the summary.
  s.reset();
  if (a.runs("cellwork")) {
    auto w = services::Services::open(dir / "bench.db");
    bench::printCellWorkTimings(*w, actor, a.seed, core::Date::today());
  }
  s = services::Services::openForReading(dir / "bench.db");
  // The reports on the same register: the congress report of the last five years, and every other report.
  {
    const core::Date today = core::Date::today();
    const core::Date from = *core::Date::make(today.year() - 5, 1, 1);
    if (a.runs("reports"))
      bench::printReportTimings(*s, actor, from, today);
    else if (a.runs("congress"))
      bench::printCongressTimings(*s, actor, from, today);
    if (a.runs("register") && !a.runs("reports")) bench::printRegisterTimings(*s, actor, today);
    std::printf("peak memory after the reports: %.1f MB\n", peakRssKb() / 1024.0);
  }
  if (a.keep.empty()) fs::remove_all(dir);
  return 0;
}
