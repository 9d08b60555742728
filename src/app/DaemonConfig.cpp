#include "DaemonConfig.h"

#include "Daemon.h"

#include "kiwoomd/core/ConfigLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace kiwoomd::app {
namespace {

const QString kBuiltInDefaults = QStringLiteral("built-in defaults");

Config readConfig(const DaemonOptions& options, const QString& dataDir, QString& source) {
    if (options.configFile) {
        source = *options.configFile;
        return loadConfigFile(options.configFile->toStdString());
    }
    const QString fallback = QDir(dataDir).filePath(QStringLiteral("kiwoomd.json"));
    if (QFileInfo::exists(fallback)) {
        source = fallback;
        return loadConfigFile(fallback.toStdString());
    }
    source = kBuiltInDefaults;
    return Config{};
}

} // namespace

void printTo(FILE* stream, const QString& text) {
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

CommandLineStep readCommandLine(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    const ParseOutcome parsed = parseCommandLine(arguments);
    switch (parsed.action) {
    case ParseOutcome::Action::ShowHelp: {
        // QCommandLineParser::helpText() reads the program name from the application object.
        QCoreApplication helpApp(argc, argv);
        printTo(stdout, parseCommandLine(arguments).message);
        return {std::nullopt, kExitOk};
    }
    case ParseOutcome::Action::ShowVersion:
        printTo(stdout, parsed.message);
        return {std::nullopt, kExitOk};
    case ParseOutcome::Action::Error:
        printTo(stderr, QStringLiteral("kiwoomd: %1\nTry 'kiwoomd --help'.\n").arg(parsed.message));
        return {std::nullopt, kExitUsageError};
    case ParseOutcome::Action::Run:
        break;
    }
    return {parsed.options, kExitOk};
}

void chooseQtPlatform(bool headless) {
    bool noDisplay = false;
#ifdef Q_OS_LINUX
    noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#endif
    if ((headless || noDisplay) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
}

QString makeDataDir(const DaemonOptions& options) {
    const QString dataDir = options.dataDir
                                ? *options.dataDir
                                : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dataDir);
    return dataDir;
}

bool LoadedConfig::fromFile() const {
    return source != kBuiltInDefaults;
}

std::optional<LoadedConfig> loadDaemonConfig(const DaemonOptions& options, const QString& dataDir) {
    LoadedConfig loaded;
    try {
        loaded.config = readConfig(options, dataDir, loaded.source);
    } catch (const ConfigError& error) {
        printTo(
            stderr,
            QStringLiteral("kiwoomd: invalid configuration: %1\n").arg(QString::fromStdString(error.what())));
        return std::nullopt;
    }
    applyOverrides(options, loaded.config);
    return loaded;
}

} // namespace kiwoomd::app
