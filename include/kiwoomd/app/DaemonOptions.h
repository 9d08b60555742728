#pragma once
// The command line, parsed. Thread: main thread, before and during startup.

#include <QString>
#include <QStringList>

#include "kiwoomd/core/Config.h"

#include <optional>
#include <vector>

namespace kiwoomd::app {

struct DaemonOptions {
    bool simulate = false;
    bool headless = false;
    bool console = false; // --console: Windows only, show the log in a console (a no-op elsewhere)
    std::optional<QString> host;
    std::optional<int> port;
    std::optional<QString> configFile;
    std::optional<QString> dataDir;
    std::optional<int> intervalSeconds;
    std::optional<quint64> seed;
    std::optional<QString> logLevel;
    std::vector<EmulatorFault> simFaults; // --sim-fault, repeatable
    std::optional<QString> recordFile;    // --record FILE
    std::optional<QString> replayFile;    // --replay FILE
    std::optional<QString> webRoot;       // --web-root DIR: the dashboard from disk, not the binary
    std::optional<QString> hostProgram;   // --host-program FILE: another kiwoomd-host (tests, packagers)
    std::optional<QString> source;        // --source openapi|rest
    std::optional<QString> restUrl;       // --rest-url URL: rest.base_url
    std::optional<QString> restCaFile;    // --rest-ca-file FILE: rest.ca_file
};

struct ParseOutcome {
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    DaemonOptions options;
    QString message; // help text, version text or the error
};

// `arguments` includes the program name first, as QCoreApplication::arguments() does.
ParseOutcome parseCommandLine(const QStringList& arguments);

} // namespace kiwoomd::app
