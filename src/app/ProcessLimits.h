#pragma once
// Operating-system limits the daemon raises for itself at start. One implementation per
// platform (platform/ProcessLimits*.cpp), chosen by CMake.
// Thread: main thread, at startup.

#include <string>

namespace kiwoomd::app {

// Lets the process hold as many open files as the system allows it: every HTTP connection and
// event-stream client is a socket, and Linux's default soft limit of 1024 would cap a thousand
// stream subscribers plus pollers. Returns a line for the log.
std::string raiseOpenFileLimit();

} // namespace kiwoomd::app
