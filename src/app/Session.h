#pragma once
// The user working in the window: every service call of a page passes currentActor().
#include "services/Actor.h"

namespace dangbo::app {

/// The logged-in user (the local administrator of a register without accounts).
const services::Actor& currentActor();
/// Set after a login or when a register without accounts is opened.
void setCurrentActor(services::Actor actor);

}  // namespace dangbo::app
