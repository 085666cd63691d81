#pragma once
// The forms that belong to one member or candidate (spec/member-file.md "Forms printed from the register"),
// printed from the page that shows it: Ctrl+P on the members page (the member card, the recognition papers
// and the transfer letter) and on the admissions page (the cell's and the committee's admission papers).
#include <string>
#include <vector>

class wxWindow;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// Whose forms: a member of the register or a candidate.
enum class FormSubject { Member, Candidate };

/// The names of the forms of that kind of subject, in the order offered ("party-card", ...).
const std::vector<std::string>& formsOf(FormSubject subject);

/// Asks which form of `code` to print, makes it (a refusal such as "no vote of the cell yet" is shown before
/// any file is chosen), asks where to save it as PDF or Word, and saves it. Nothing happens when cancelled.
void printSubjectForm(wxWindow* parent, services::Services& s, FormSubject subject, const std::string& code);

}  // namespace dangbo::app
