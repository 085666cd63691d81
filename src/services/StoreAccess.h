#pragma once
// The open register's connection, for the code of services only. This header is left out of the include
// folder the layers above see (the window, the CLI, exchange, reports: src/services/CMakeLists.txt), so
// nothing outside services and store gets at the database.
namespace dangbo::store {
class Database;
}

namespace dangbo::services {

class Services;

/// The connection of the open register `s`.
store::Database& storeOf(Services& s);

}  // namespace dangbo::services
