#pragma once
// Whether a register is the demo commune (made by `dangbo-cli demo` or the window's first start), so that the
// window can say its data are sample data.

namespace dangbo::services {

class Services;

/// True when the register was made as the demo commune (its audit trail holds the "demo" row).
bool isDemoRegister(Services& s);

}  // namespace dangbo::services
