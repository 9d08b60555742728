#pragma once
// Startup steps "options" and "config": the command line, the Qt platform, the data dir and the
// configuration with the flags over it. Thread: main thread, at startup.

#include "kiwoomd/app/DaemonOptions.h"

#include "kiwoomd/core/Config.h"

#include <QString>

#include <cstdio>
#include <optional>

namespace kiwoomd::app {

void printTo(FILE* stream, const QString& text);

// --help, --version and a bad command line end the run here with their exit code; otherwise the
// options to run with.
struct CommandLineStep {
    std::optional<DaemonOptions> options;
    int exitCode = 0;
};
CommandLineStep readCommandLine(int argc, char** argv);

// A headless run, or a Linux session without any display server, uses Qt's offscreen platform.
void chooseQtPlatform(bool headless);

// --data-dir, or the per-user app data folder; created if missing.
QString makeDataDir(const DaemonOptions& options);

struct LoadedConfig {
    Config config;
    QString source; // the file, or "built-in defaults"
    bool fromFile() const;
};

// --config, else kiwoomd.json in the data dir, else the defaults; the flags over it. An invalid
// file is printed to stderr and gives nullopt (exit code 2).
std::optional<LoadedConfig> loadDaemonConfig(const DaemonOptions& options, const QString& dataDir);

} // namespace kiwoomd::app
