#pragma once
// Type-ahead in every long drop-down list of the program (the 54 ethnic groups, the 58 cells): while a list
// of more than eight items has the focus, the letters typed within a second choose the first item whose
// text contains them, diacritics and case ignored ("thai" finds "Thái", "na ot" finds "Chi bộ bản Nà Ớt").

namespace dangbo::app {

/// Installs the type-ahead for the whole program (once, at start).
void installTypeAhead();

}  // namespace dangbo::app
