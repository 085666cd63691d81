#pragma once
// Type-ahead in every drop-down list (wxChoice) of the window: with the list closed and the keyboard on it,
// typing a few letters selects the first entry that begins with them, else the first that contains them,
// without tones or case ("na ot" finds "Chi bộ bản Nà Ớt", "cb12" finds "CB12 – ..."). Letters typed within
// a second and a half add up; the page is told as if the entry had been chosen with the mouse.

namespace dangbo::app {

/// Installs the type-ahead for the whole application (once, at start).
void installChoiceTypeAhead();
/// Removes it (at exit).
void removeChoiceTypeAhead();

}  // namespace dangbo::app
