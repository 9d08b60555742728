#pragma once
// --console. kiwoomd.exe is a GUI-subsystem program (no console window pops up with the tray), so
// on Windows its log and messages go nowhere a user sees. attachConsole() binds stdout and stderr
// to the console of the shell that started it, or to a new console window. One implementation per
// platform, chosen in CMake; outside Windows the process already has its terminal and it does
// nothing.
// Thread: main thread, at startup, before logging is set up (the console log sink binds then).

namespace kiwoomd::app {

// Attaches to the parent process's console (cmd, PowerShell); when there is none and
// `createIfNone`, opens a console window of its own. Output redirected to a file or pipe stays
// where it was sent. Calling it again changes nothing.
void attachConsole(bool createIfNone);

} // namespace kiwoomd::app
