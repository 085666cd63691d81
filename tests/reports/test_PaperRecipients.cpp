// Each paper kind's own recipients (issue 19): a template's `@recipient` lines print under "Nơi nhận:" at
// @closing instead of the settings' list (the congress list); a template without them keeps the settings'
// list; the office's copy of a template changes them; an empty `@recipient` is refused with its line.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "../TestUtil.h"
#include "reports/HtmlRenderer.h"
#include "reports/ReportDocument.h"
#include "reports/ReportTemplate.h"

using namespace dangbo;
using dangbo::test::readFile;
using dangbo::test::TempDir;

namespace {

core::CommitteeInfo committee() {
  core::CommitteeInfo c{"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "Đảng bộ tỉnh Sơn La",
                        "Đảng ủy xã Phiêng Pằn"};
  c.signerOnBehalf = "T/M Đảng ủy";
  c.signerTitle = "Bí thư";
  c.signerName = "Hà Xuân Liêm";
  c.recipients = "- Đoàn Chủ tịch Đại hội,\n- Lưu Hồ sơ Đại hội.";
  return c;
}

std::string html(const std::string& report, const std::string& folder = {}) {
  services::ReportModel m;
  m.name = report;
  m.title = "Báo cáo";
  m.committee = "Đảng bộ xã Phiêng Pằn";
  m.from = m.to = m.asOf = *core::Date::make(2025, 12, 31);
  std::ostringstream out;
  reports::renderHtml(out, reports::modelDocument(m, committee(), folder));
  return out.str();
}

}  // namespace

TEST_CASE("paper recipients: each paper kind its own list, the settings' list for the others") {
  // The statistics sent up: to the province's organization board, not the congress list.
  const std::string stats = html("statistics");
  const size_t at = stats.find("Nơi nhận:");
  REQUIRE(at != std::string::npos);
  CHECK(stats.find("- Ban Tổ chức Tỉnh ủy (để báo cáo),", at) != std::string::npos);
  CHECK(stats.find("- Lưu Văn phòng Đảng ủy.", at) != std::string::npos);
  CHECK(stats.find("Đoàn Chủ tịch Đại hội") == std::string::npos);
  CHECK(stats.find("Hà Xuân Liêm", at) != std::string::npos);  // the signature stays the settings'
  // The transfer letter and the badge papers have theirs.
  CHECK(html("transfer-letter").find("- Đồng chí được giới thiệu,") != std::string::npos);
  CHECK(html("badge-proposals").find("- Ban Tổ chức Tỉnh ủy,") != std::string::npos);
  CHECK(html("badge-ceremony").find("- Các chi bộ có đảng viên được trao,") != std::string::npos);
  // The admission and recognition papers: their own lists, never the congress's.
  for (const auto& [paper, line] : std::initializer_list<std::pair<const char*, const char*>>{
           {"admission-decision", "- Như Điều 3,"},
           {"recognition-decision", "- Như Điều 2,"},
           {"admission-resolution", "- Chi bộ đề nghị kết nạp,"},
           {"recognition-resolution", "- Chi bộ đề nghị công nhận,"}}) {
    CAPTURE(paper);
    const std::string text = html(paper);
    CHECK(text.find(line, text.find("Nơi nhận:")) != std::string::npos);
    CHECK(text.find("Đoàn Chủ tịch Đại hội") == std::string::npos);
  }
  // A paper whose template lists none: the settings' list.
  const std::string members = html("members");
  CHECK(members.find("- Đoàn Chủ tịch Đại hội,", members.find("Nơi nhận:")) != std::string::npos);
}

TEST_CASE("paper recipients: the office's copy of a template changes them; an empty one is refused") {
  TempDir dir;
  const std::string folder = (dir / "mau-bao-cao").string();
  const std::string copy = reports::officeTemplateCopy("statistics", folder);
  std::string text = readFile(copy);
  const size_t first = text.find("@recipient ");
  REQUIRE(first != std::string::npos);
  text.insert(first, "@recipient - Ủy ban Kiểm tra Đảng ủy,\n");
  std::ofstream(copy, std::ios::binary) << text;
  const std::string edited = html("statistics", folder);
  CHECK(edited.find("- Ủy ban Kiểm tra Đảng ủy,") != std::string::npos);
  CHECK(edited.find("- Ban Tổ chức Tỉnh ủy (để báo cáo),") != std::string::npos);
  CHECK(edited.find("Đoàn Chủ tịch Đại hội") == std::string::npos);

  // A recipient line with nothing after it: refused with its line, nothing made.
  std::ofstream(copy, std::ios::binary) << "@title BIỂU\n@sections\n@recipient\n@closing\n";
  try {
    html("statistics", folder);
    FAIL("an empty @recipient was accepted");
  } catch (const reports::TemplateError& e) {
    CHECK(e.line() == 3);
  }
}
