#pragma once
// bench_nfc: the process boundary by itself, no libnfc, no simulator: a
// child process writes its clock to a socket every few milliseconds; this
// thread waits in poll() (with a second, idle descriptor, as the supervisor
// waits on the worker and its eventfd) and reads it.

#include "nfc_taps.h"

namespace nfcbench {

Latencies measureHop(int samples);

}  // namespace nfcbench
