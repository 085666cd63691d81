#pragma once
// The kinds of failure every layer reports; the message is already in Vietnamese.
#include <stdexcept>
#include <string>

namespace dangbo::core {

/// The data was refused (invalid value, broken rule, failed check): nothing was written. CLI exit 1.
struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
/// The action is not allowed for the acting user. CLI exit 1.
struct PermissionError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
/// The database could not be opened, is damaged, or comes from a newer version. CLI exit 3.
struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace dangbo::core
