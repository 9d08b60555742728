#pragma once
// Sets up spdlog: the console (and the debugger output on Windows) plus a rotating file in the
// data dir, and routes Qt's own messages into it. Thread: main thread, once, at startup.

#include "kiwoomd/core/Config.h"

#include <string>

namespace kiwoomd::app {

// Returns the log file's path, or "" when the file could not be opened (console only then).
std::string setUpLogging(const std::string& logDir, LogLevel level);

void setLogLevel(LogLevel level);

} // namespace kiwoomd::app
