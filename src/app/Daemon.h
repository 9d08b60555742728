#pragma once
// Wires the daemon together: config, logging, control, session, cache, HTTP server, tray.
// Thread: main thread; runDaemon() owns the Qt event loop until shutdown.

namespace kiwoomd::app {

// Exit codes: what a supervisor or the user's script can act on.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRuntimeError = 1;   // e.g. the port is taken
inline constexpr int kExitUsageError = 2;     // bad command line or config
inline constexpr int kExitAlreadyRunning = 4; // another kiwoomd serves this data dir

int runDaemon(int argc, char** argv);

} // namespace kiwoomd::app
