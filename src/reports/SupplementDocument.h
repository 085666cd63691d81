#pragma once
// The printed sheets of the file supplement (phiếu bổ sung hồ sơ đảng viên, Mẫu 3-HSĐV): one sheet per member
// of the model services::fileSupplementReport, each on its own page with its own header, worded by the
// template reports/file-supplement.txt (rendered once per sheet).
#include <string>

#include "core/Records.h"
#include "reports/Document.h"
#include "reports/ReportTemplate.h"
#include "services/ReportModel.h"

namespace dangbo::reports {

/// The fields of one sheet's template: those of every model report (modelFields), and `year`, `member.code`,
/// `member.name`, `member.birth_name`, `member.birth_date`, `member.hometown`, `member.cell`,
/// `member.file_no`, `member.card_no`, `changed` (flag: the register holds changes of the year).
TemplateData supplementFields(const services::ReportModel& model, const core::CommitteeInfo& committee,
                              const services::ReportSection& sheet);
/// The document of every sheet of the model, a page break between sheets. Throws TemplateError for an
/// office's template that is refused.
Document supplementDocument(const services::ReportModel& model, const core::CommitteeInfo& committee,
                            const std::string& templateFolder = {});

}  // namespace dangbo::reports
