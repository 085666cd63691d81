#pragma once
// core/I18n.h for the window: wx defines a macro N_ that would mangle core's N_ function, so the
// macro is put aside while core's header is read.
#pragma push_macro("N_")
#undef N_
#include "core/I18n.h"
#pragma pop_macro("N_")
