#pragma once
// The File menu's exchange commands: the import wizard, saving the empty import templates, and exporting
// the member register (sổ danh sách đảng viên) for a date to .xlsx or .csv.
class wxWindow;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// Runs the import wizard; true when an import was applied (the pages must be refreshed).
bool runImportWizard(wxWindow* parent, services::Services& s);
/// Asks for a folder and writes the empty import templates into it.
void saveImportTemplates(wxWindow* parent);
/// Asks for a file and writes the import template workbook (a sheet per file, example rows, drop-down lists).
void saveImportTemplateWorkbook(wxWindow* parent, services::Services& s);
/// Asks for a date and a file, and writes the member register of that date.
void exportMemberRegister(wxWindow* parent, services::Services& s);

}  // namespace dangbo::app
