#include "app/Session.h"

namespace dangbo::app {

namespace {
services::Actor& current() {
  static services::Actor actor = services::Actor::localOffice();
  return actor;
}
}  // namespace

const services::Actor& currentActor() {
  return current();
}

void setCurrentActor(services::Actor actor) {
  current() = std::move(actor);
}

}  // namespace dangbo::app
