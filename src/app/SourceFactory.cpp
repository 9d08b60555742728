#include "SourceFactory.h"

#include "ComponentSettings.h"
#include "Daemon.h"
#include "kiwoomd/app/RestKeysLoader.h"

#include "kiwoomd/core/ConfigSchema.h"
#include "kiwoomd/kiwoom/HostSource.h"
#include "kiwoomd/kiwoom/emulator/EmulatorSettingsJson.h"
#include "kiwoomd/kiwoom/record/ReplayControl.h"
#include "kiwoomd/rest/RestSource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <spdlog/spdlog.h>

#include <chrono>

namespace kiwoomd::app {
namespace {

// The real OCX exists only on Windows; elsewhere the host runs the emulator.
#ifdef Q_OS_WIN
constexpr bool kControlExistsHere = true;
#else
constexpr bool kControlExistsHere = false;
#endif

emulator::EmulatorSettings emulatorSettings(const Config& config, Scheduler& scheduler) {
    emulator::EmulatorSettings settings;
    settings.seed = config.emulator.seed != 0
                        ? config.emulator.seed
                        : static_cast<std::uint64_t>(scheduler.now().time_since_epoch().count());
    settings.pageSize = config.emulator.pageSize;
    settings.loginDelayMs = config.emulator.loginDelayMs;
    settings.minLatencyMs = config.emulator.minLatencyMs;
    settings.maxLatencyMs = config.emulator.maxLatencyMs;
    settings.tickMs = config.emulator.tickMs;
    settings.windows = config.emulator.windows;
    settings.faults = config.emulator.faults;
    // Faults are timed from the daemon's start: every host that follows sees the same timetable.
    settings.faultClockStart = scheduler.now();
    return settings;
}

void logEmulatorSettings(const emulator::EmulatorSettings& settings) {
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    spdlog::info("emulated market seed {} (pass --seed {} to replay this market)", settings.seed,
                 settings.seed);
    for (const auto& fault : settings.faults) {
        spdlog::warn("emulator fault '{}' from {} s{}", fault.name, duration_cast<seconds>(fault.at).count(),
                     fault.duration
                         ? " for " + std::to_string(duration_cast<seconds>(*fault.duration).count()) + " s"
                         : std::string());
    }
}

// kiwoomd-host beside this executable, unless --host-program names another. On Windows it is a
// 32-bit program with its own 32-bit Qt, so the installer keeps it in a folder of its own, host\.
QString hostProgram(const DaemonOptions& options) {
    if (options.hostProgram) {
        return *options.hostProgram;
    }
    const QDir here(QCoreApplication::applicationDirPath());
#ifdef Q_OS_WIN
    const QString installed = here.filePath(QStringLiteral("host/kiwoomd-host.exe"));
    return QFileInfo::exists(installed) ? installed : here.filePath(QStringLiteral("kiwoomd-host.exe"));
#else
    return here.filePath(QStringLiteral("kiwoomd-host"));
#endif
}

HostSettings hostSettings(const DaemonOptions& options, const Config& config, Scheduler& scheduler) {
    HostSettings settings;
    settings.program = hostProgram(options);
    settings.arguments << QStringLiteral("--log-level")
                       << QString::fromStdString(configName(config.logLevel));
    if (options.replayFile) {
        settings.arguments << QStringLiteral("--replay") << QFileInfo(*options.replayFile).absoluteFilePath();
        settings.backend = Backend::Replay;
        return settings;
    }
    const auto emulator = emulatorSettings(config, scheduler);
    settings.arguments << QStringLiteral("--emulator")
                       << QString::fromStdString(emulator::settingsToJson(emulator));
    if (options.simulate) {
        spdlog::info("--simulate: using the emulated Kiwoom control");
        settings.arguments << QStringLiteral("--simulate");
    }
    const bool emulated = options.simulate || !kControlExistsHere;
    settings.backend = emulated ? Backend::Emulator : Backend::ActiveX;
    if (emulated) {
        logEmulatorSettings(emulator);
    } else if (!config.emulator.faults.empty()) {
        spdlog::warn("emulator faults apply only if the host falls back to the emulator");
    }
    return settings;
}

std::unique_ptr<Source> createRestSource(const Config& config, QtScheduler& scheduler) {
    QString error;
    const auto keys = loadRestKeys(config.rest, error);
    if (!keys) {
        spdlog::critical("{}", error.toStdString());
        return nullptr;
    }
    auto rest = std::make_unique<RestSource>(restSettings(config), *keys, scheduler);
    if (!rest->setupError().isEmpty()) {
        spdlog::critical("{}", rest->setupError().toStdString());
        return nullptr;
    }
    spdlog::info("source: Kiwoom's REST API at {} ({} server)",
                 restSettings(config).baseUrl.toString().toStdString(), configName(config.rest.server));
    return rest;
}

} // namespace

std::optional<SourceChain> createSource(const DaemonOptions& options, const Config& config,
                                        QtScheduler& scheduler, int& exitCode) {
    exitCode = kExitUsageError;
    if (options.replayFile) {
        // Checked here, so that a file that cannot be replayed stops the start with its reason.
        ReplayControl replay(scheduler);
        QString error;
        if (!replay.load(*options.replayFile, error)) {
            spdlog::critical("cannot replay: {}", error.toStdString());
            return std::nullopt;
        }
        if (!config.emulator.faults.empty()) {
            spdlog::warn("emulator faults are ignored: the replay control is not the emulator");
        }
    }
    SourceChain chain;
    // A replayed market is as detached from today's clock as the emulated one.
    chain.emulated = config.source == SourceKind::OpenApi &&
                     (options.simulate || options.replayFile || !kControlExistsHere);
    if (config.source == SourceKind::Rest) {
        chain.base = createRestSource(config, scheduler);
        if (!chain.base) {
            return std::nullopt;
        }
    } else {
        chain.base = std::make_unique<HostSource>(hostSettings(options, config, scheduler), scheduler);
    }
    if (options.recordFile) {
        chain.recorder =
            std::make_unique<RecordingSource>(*chain.base, *options.recordFile, scheduler.clock());
        if (!chain.recorder->isOpen()) {
            spdlog::critical("cannot record to {}: {}", options.recordFile->toStdString(),
                             chain.recorder->errorString().toStdString());
            return std::nullopt;
        }
        spdlog::info("recording every TR exchange to {}", options.recordFile->toStdString());
    }
    return chain;
}

} // namespace kiwoomd::app
