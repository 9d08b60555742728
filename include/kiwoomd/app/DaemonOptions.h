#pragma once
// The command line, parsed. Thread: main thread, before and during startup.

#include <QString>
#include <QStringList>

#include "kiwoomd/core/Config.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiwoomd::app {

struct DaemonOptions {
    bool simulate = false;
    bool headless = false;
    bool console = false; // --console: Windows only, show the log in a console (a no-op elsewhere)
    std::optional<QString> configFile;
    std::optional<QString> dataDir;
    // Flags that override a setting (--port, --host, --interval, --seed, --log-level, --source,
    // --rest-url, --rest-ca-file; the schema's entries that name a flag): key and text, checked.
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<EmulatorFault> simFaults; // --sim-fault, repeatable
    std::optional<QString> recordFile;    // --record FILE
    std::optional<QString> replayFile;    // --replay FILE
    std::optional<QString> webRoot;       // --web-root DIR: the dashboard from disk, not the binary
    std::optional<QString> hostProgram;   // --host-program FILE: another kiwoomd-host (tests, packagers)
};

struct ParseOutcome {
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    DaemonOptions options;
    QString message; // help text, version text or the error
};

// `arguments` includes the program name first, as QCoreApplication::arguments() does.
ParseOutcome parseCommandLine(const QStringList& arguments);

// The flags' settings over the file's (at the start and at each reload), and --sim-fault's faults
// after the file's.
void applyOverrides(const DaemonOptions& options, Config& config);

} // namespace kiwoomd::app
