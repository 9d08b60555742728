#include "ProcessLimits.h"

namespace kiwoomd::app {

// Winsock sockets are not C runtime file descriptors; there is no per-process limit to raise.
std::string raiseOpenFileLimit() {
    return "no open-file limit to raise on Windows";
}

} // namespace kiwoomd::app
