#include "Daemon.h"

#include "ApiToken.h"
#include "ConfigWatcher.h"
#include "Console.h"
#include "ProcessLimits.h"
#include "QueuedSessionCommands.h"
#include "ShutdownSignals.h"
#include "SingleInstance.h"
#include "TrayIcon.h"
#include "WebAssets.h"
#include "kiwoomd/app/Autostart.h"
#include "kiwoomd/app/DaemonOptions.h"
#include "kiwoomd/app/Logging.h"
#include "kiwoomd/app/SnapshotStore.h"

#include "kiwoomd/app/RestKeysLoader.h"
#include "kiwoomd/core/ConfigLoader.h"
#include "kiwoomd/core/PollBudget.h"
#include "kiwoomd/http/ApiRouter.h"
#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/http/HttpServer.h"
#include "kiwoomd/kiwoom/HostSource.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/QtScheduler.h"
#include "kiwoomd/kiwoom/emulator/EmulatorSettingsJson.h"
#include "kiwoomd/kiwoom/record/RecordingSource.h"
#include "kiwoomd/kiwoom/record/ReplayControl.h"
#include "kiwoomd/rest/RestSource.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>

namespace kiwoomd::app {
namespace {

void printTo(FILE* stream, const QString& text) {
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

bool isLoopbackHost(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// A headless run, or a Linux session without any display server, uses Qt's offscreen platform.
void chooseQtPlatform(bool headless) {
    bool noDisplay = false;
#ifdef Q_OS_LINUX
    noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#endif
    if ((headless || noDisplay) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
}

Config loadConfig(const DaemonOptions& options, const QString& dataDir, QString& source) {
    if (options.configFile) {
        source = *options.configFile;
        return loadConfigFile(options.configFile->toStdString());
    }
    const QString fallback = QDir(dataDir).filePath(QStringLiteral("kiwoomd.json"));
    if (QFileInfo::exists(fallback)) {
        source = fallback;
        return loadConfigFile(fallback.toStdString());
    }
    source = QStringLiteral("built-in defaults");
    return Config{};
}

void applyOverrides(const DaemonOptions& options, Config& config) {
    if (options.host) {
        config.server.host = options.host->toStdString();
    }
    if (options.port) {
        config.server.port = *options.port;
    }
    if (options.intervalSeconds) {
        config.polling.intervalSeconds = *options.intervalSeconds;
    }
    if (options.seed) {
        config.emulator.seed = *options.seed;
    }
    if (options.logLevel) {
        config.logLevel = options.logLevel->toStdString();
    }
    config.emulator.faults.insert(config.emulator.faults.end(), options.simFaults.begin(),
                                  options.simFaults.end());
    if (options.source) {
        config.source = *options.source == QLatin1String("rest") ? SourceKind::Rest : SourceKind::OpenApi;
    }
    if (options.restUrl) {
        config.rest.baseUrl = options.restUrl->toStdString();
    }
    if (options.restCaFile) {
        config.rest.caFile = options.restCaFile->toStdString();
    }
}

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
    spdlog::info("emulated market seed {} (pass --seed {} to replay this market)", settings.seed,
                 settings.seed);
    for (const auto& fault : settings.faults) {
        spdlog::warn(
            "emulator fault '{}' from {} s{}", fault.name,
            std::chrono::duration_cast<std::chrono::seconds>(fault.at).count(),
            fault.duration
                ? " for " +
                      std::to_string(
                          std::chrono::duration_cast<std::chrono::seconds>(*fault.duration).count()) +
                      " s"
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
    settings.arguments << QStringLiteral("--log-level") << QString::fromStdString(config.logLevel);
    if (options.replayFile) {
        settings.arguments << QStringLiteral("--replay") << QFileInfo(*options.replayFile).absoluteFilePath();
        settings.backendName = QStringLiteral("replay");
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
    settings.backendName = emulated ? QStringLiteral("emulator") : QStringLiteral("activex");
    if (emulated) {
        logEmulatorSettings(emulator);
    } else if (!config.emulator.faults.empty()) {
        spdlog::warn("emulator faults apply only if the host falls back to the emulator");
    }
    return settings;
}

// KOSPI when a feed serves it, as in the seed prototype; otherwise the first configured feed's market.
std::string defaultMarket(const Config& config) {
    for (const auto& feed : config.feeds) {
        if (feed.market == "kospi") {
            return feed.market;
        }
    }
    return config.feeds.empty() ? std::string("kospi") : config.feeds.front().market;
}

// The KRX calendar for the real control; the emulator's demo market trades around the clock
// unless the config asks for the KRX calendar.
MarketCalendar calendarFor(const Config& config, bool emulated) {
    const bool alwaysOpen = config.market.calendar == CalendarMode::AlwaysOpen ||
                            (config.market.calendar == CalendarMode::Auto && emulated);
    return alwaysOpen ? MarketCalendar::alwaysOpen()
                      : MarketCalendar(config.market.holidays, config.market.specialDays);
}

// The server settings that only a restart applies, to warn when an edit changes them.
std::vector<int> transportLimits(const Config& config) {
    const ServerConfig& s = config.server;
    return {s.maxConnections,        s.maxStreamSubscribers, s.keepAliveTimeoutSeconds,
            s.requestTimeoutSeconds, s.writeTimeoutSeconds,  s.maxRequestHeadBytes};
}

http::StreamSettings streamSettings(const Config& config) {
    http::StreamSettings settings;
    settings.maxSubscribers = config.server.maxStreamSubscribers;
    return settings;
}

http::TransportSettings transportSettings(const Config& config) {
    using std::chrono::seconds;
    http::TransportSettings settings;
    settings.maxConnections = config.server.maxConnections;
    settings.keepAliveTimeout = seconds(config.server.keepAliveTimeoutSeconds);
    settings.readTimeout = seconds(config.server.requestTimeoutSeconds);
    settings.writeTimeout = seconds(config.server.writeTimeoutSeconds);
    settings.maxRequestHeadBytes = static_cast<std::size_t>(config.server.maxRequestHeadBytes);
    return settings;
}

RestSettings restSettings(const Config& config) {
    RestSettings settings;
    settings.server = config.rest.server;
    settings.baseUrl = QUrl(QString::fromStdString(
        !config.rest.baseUrl.empty()
            ? config.rest.baseUrl
            : (config.rest.server == "mock" ? "https://mockapi.kiwoom.com" : "https://api.kiwoom.com")));
    settings.caFile = QString::fromStdString(config.rest.caFile);
    return settings;
}

// The pacing windows of the configured source.
std::vector<LimitWindow> limitWindows(const Config& config) {
    if (config.source == SourceKind::Rest) {
        return config.rest.windows.empty() ? restLimitWindows(config.rest.server) : config.rest.windows;
    }
    return config.polling.windows;
}

SessionSettings sessionSettings(const Config& config, bool emulated) {
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    SessionSettings settings;
    settings.feeds = config.feeds;
    settings.limitWindows = limitWindows(config);
    settings.safetyMargin = milliseconds(config.polling.safetyMarginMs);
    settings.pollIntervalAuto = config.polling.intervalAuto;
    settings.pollInterval =
        config.polling.intervalAuto
            ? autoPollInterval(settings.feeds, settings.limitWindows, settings.safetyMargin)
            : seconds(config.polling.intervalSeconds);
    settings.requestTimeout = seconds(config.polling.requestTimeoutSeconds);
    settings.maxThrottleBackoff = seconds(config.polling.maxThrottleBackoffSeconds);
    settings.staleAfterIntervals = config.polling.staleAfterIntervals;
    settings.calendar = calendarFor(config, emulated);
    settings.connection.loginTimeout = seconds(config.connection.loginTimeoutSeconds);
    settings.connection.reconnectMin = seconds(config.connection.reconnectMinSeconds);
    settings.connection.reconnectMax = seconds(config.connection.reconnectMaxSeconds);
    settings.connection.maintenanceWindows = config.connection.maintenanceWindows;
    return settings;
}

// How "Start with Windows" starts this daemon again: the same program, data dir and config.
QStringList autostartCommand(const DaemonOptions& options) {
    QStringList command{QCoreApplication::applicationFilePath()};
    if (options.dataDir) {
        command << QStringLiteral("--data-dir") << QFileInfo(*options.dataDir).absoluteFilePath();
    }
    if (options.configFile) {
        command << QStringLiteral("--config") << QFileInfo(*options.configFile).absoluteFilePath();
    }
    return command;
}

} // namespace

int runDaemon(int argc, char** argv) {
    QCoreApplication::setApplicationName(QStringLiteral("kiwoomd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KIWOOMD_VERSION));

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
        return kExitOk;
    }
    case ParseOutcome::Action::ShowVersion:
        printTo(stdout, parsed.message);
        return kExitOk;
    case ParseOutcome::Action::Error:
        printTo(stderr, QStringLiteral("kiwoomd: %1\nTry 'kiwoomd --help'.\n").arg(parsed.message));
        return kExitUsageError;
    case ParseOutcome::Action::Run:
        break;
    }
    const DaemonOptions& options = parsed.options;
    if (options.console) {
        attachConsole(true);
    }

    chooseQtPlatform(options.headless);
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    const bool headless = options.headless || QGuiApplication::platformName() == QLatin1String("offscreen");

    const QString dataDir = options.dataDir
                                ? *options.dataDir
                                : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dataDir);

    // One daemon per data dir: a second start shows the running one's status and leaves, instead
    // of fighting over the control, the port and the log.
    SingleInstance instance(dataDir);
    QString instanceMessage;
    switch (instance.acquire(instanceMessage)) {
    case SingleInstance::Result::Acquired:
        break;
    case SingleInstance::Result::AlreadyRunning:
        attachConsole(false); // so that a start from a shell on Windows sees why it left
        printTo(stderr, instanceMessage + QLatin1Char('\n'));
        return kExitAlreadyRunning;
    case SingleInstance::Result::Failed:
        printTo(stderr, QStringLiteral("kiwoomd: %1\n").arg(instanceMessage));
        return kExitRuntimeError;
    }

    Config config;
    QString configSource;
    try {
        config = loadConfig(options, dataDir, configSource);
    } catch (const ConfigError& error) {
        printTo(
            stderr,
            QStringLiteral("kiwoomd: invalid configuration: %1\n").arg(QString::fromStdString(error.what())));
        return kExitUsageError;
    }
    applyOverrides(options, config);

    const std::string logFile =
        setUpLogging(QDir(dataDir).filePath(QStringLiteral("logs")).toStdString(), config.logLevel);
    spdlog::info("kiwoomd {} starting; config: {}; data dir: {}; log: {}", KIWOOMD_VERSION,
                 configSource.toStdString(), dataDir.toStdString(),
                 logFile.empty() ? "(console only)" : logFile);

    // Beyond loopback the API is reachable from the network: only with a token on every request.
    if (!isLoopbackHost(config.server.host) && config.server.tokenPolicy != "always") {
        spdlog::critical(
            "refusing to listen on {}: outside loopback (127.0.0.1, ::1, localhost) kiwoomd requires "
            "its API token on every request; set server.token_policy to \"always\"",
            config.server.host);
        return kExitUsageError;
    }
    const auto token = loadOrCreateApiToken(QDir(dataDir).filePath(QStringLiteral("api-token")));
    if (!token && config.server.tokenPolicy == "always") {
        spdlog::critical("server.token_policy is \"always\" but the API token cannot be stored");
        return kExitRuntimeError;
    }
    http::GuardSettings guard{config.server.allowedHosts, config.server.allowedOrigins, std::string(),
                              token ? token->toStdString() : std::string()};
    if (config.server.tokenPolicy == "always") {
        guard.token = token->toStdString();
        if (!isLoopbackHost(config.server.host)) {
            guard.allowedHosts.push_back(config.server.host); // clients name it in their Host header
        }
    }

    QtScheduler scheduler;
    if (options.replayFile) {
        // Checked here, so that a file that cannot be replayed stops the start with its reason.
        ReplayControl replay(scheduler);
        QString error;
        if (!replay.load(*options.replayFile, error)) {
            spdlog::critical("cannot replay: {}", error.toStdString());
            return kExitUsageError;
        }
        if (!config.emulator.faults.empty()) {
            spdlog::warn("emulator faults are ignored: the replay control is not the emulator");
        }
    }
    // A replayed market is as detached from today's clock as the emulated one.
    const bool emulated = config.source == SourceKind::OpenApi &&
                          (options.simulate || options.replayFile || !kControlExistsHere);
    std::unique_ptr<Source> base;
    if (config.source == SourceKind::Rest) {
        QString error;
        const auto keys = loadRestKeys(config.rest, error);
        if (!keys) {
            spdlog::critical("{}", error.toStdString());
            return kExitUsageError;
        }
        auto rest = std::make_unique<RestSource>(restSettings(config), *keys, scheduler);
        if (!rest->setupError().isEmpty()) {
            spdlog::critical("{}", rest->setupError().toStdString());
            return kExitUsageError;
        }
        spdlog::info("source: Kiwoom's REST API at {} ({} server)",
                     restSettings(config).baseUrl.toString().toStdString(), config.rest.server);
        base = std::move(rest);
    } else {
        base = std::make_unique<HostSource>(hostSettings(options, config, scheduler), scheduler);
    }
    Source* source = base.get();
    std::unique_ptr<RecordingSource> recorder;
    if (options.recordFile) {
        recorder = std::make_unique<RecordingSource>(*base, *options.recordFile, scheduler.clock());
        if (!recorder->isOpen()) {
            spdlog::critical("cannot record to {}: {}", options.recordFile->toStdString(),
                             recorder->errorString().toStdString());
            return kExitUsageError;
        }
        spdlog::info("recording every TR exchange to {}", options.recordFile->toStdString());
        source = recorder.get();
    }

    SnapshotCache cache;
    StatusBoard statusBoard;
    // Every change of the cache and the status reaches the event stream (GET /api/stream) on this
    // thread, as it happens; the hub formats each event once and queues it for every subscriber.
    http::EventStreamHub streams(cache, statusBoard, scheduler.clock(), streamSettings(config));
    cache.setListener([&streams](const std::string& feedId, const FeedSnapshotPtr& snapshot) {
        streams.onSnapshot(feedId, snapshot);
    });
    statusBoard.setListener([&streams](const SessionStatusPtr& status) { streams.onStatus(status); });
    KiwoomSession session(*source, sessionSettings(config, emulated), cache, statusBoard, scheduler);

    // The last good rankings of the previous run answer at once, marked stale.
    SnapshotStore store(QDir(dataDir).filePath(QStringLiteral("snapshots")));
    session.restore(store.loadAll());
    QObject::connect(&session, &KiwoomSession::snapshotPublished, &app, [&](const QString& feedId, quint64) {
        if (const auto snapshot = cache.get(feedId.toStdString())) {
            store.save(*snapshot);
        }
    });

    spdlog::info("{}", raiseOpenFileLimit());
    http::TransportStats transportStats;
    QueuedSessionCommands commands(session);
    http::RouterParts parts{&streams, &transportStats,
                            options.webRoot ? webAssetsFromFolder(*options.webRoot) : embeddedWebAssets(),
                            &commands};
    if (options.webRoot) {
        spdlog::info("serving the dashboard from {}", options.webRoot->toStdString());
    }
    http::ApiRouter router(cache, statusBoard, scheduler.clock(), defaultMarket(config), KIWOOMD_VERSION,
                           guard, std::move(parts));
    router.setPort(config.server.port);
    http::HttpServer server(router, transportSettings(config), &streams, &transportStats);
    if (!server.start(config.server.host, config.server.port)) {
        spdlog::critical("{}", server.error());
        return kExitRuntimeError;
    }
    router.setPort(server.port()); // the real one when the config asked for any free port
    const QString baseUrl =
        QStringLiteral("http://%1:%2")
            .arg(QString::fromStdString(config.server.host).contains(':')
                     ? QStringLiteral("[%1]").arg(QString::fromStdString(config.server.host))
                     : QString::fromStdString(config.server.host))
            .arg(server.port());

    // Edits to the config file apply while running; an invalid edit changes nothing.
    const std::string boundHost = config.server.host;
    const int boundPort = config.server.port;
    std::unique_ptr<ConfigWatcher> configWatcher;
    if (configSource != QLatin1String("built-in defaults")) {
        configWatcher = std::make_unique<ConfigWatcher>(configSource);
        QObject::connect(configWatcher.get(), &ConfigWatcher::reloaded, &app,
                         [&, emulated, boundHost, boundPort](Config next) {
                             applyOverrides(options, next);
                             if (next.server.allowedHosts != config.server.allowedHosts ||
                                 next.server.allowedOrigins != config.server.allowedOrigins ||
                                 next.server.tokenPolicy != config.server.tokenPolicy) {
                                 spdlog::warn("server.allowed_hosts, allowed_origins and token_policy take "
                                              "effect at the next start");
                             }
                             if (transportLimits(next) != transportLimits(config)) {
                                 spdlog::warn(
                                     "the server's connection limits and timeouts take effect at the "
                                     "next start");
                             }
                             if (next.server.host != boundHost || next.server.port != boundPort) {
                                 spdlog::warn("server.host and server.port take effect at the next start");
                             }
                             setLogLevel(next.logLevel);
                             session.reconfigure(sessionSettings(next, emulated));
                             config = std::move(next);
                         });
    }

    ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &app, [] {
        spdlog::info("shutdown requested");
        QCoreApplication::exit(kExitOk);
    });
    std::unique_ptr<TrayIcon> tray;
    QObject::connect(&session, &KiwoomSession::versionUpdateRequired, &app, [&tray] {
        if (tray) {
            tray->refresh(); // pops "the OpenAPI module is updating"
        }
    });

    instance.setServingUrl(baseUrl);
    if (!headless) {
        const QString logDir = QDir(dataDir).filePath(QStringLiteral("logs"));
        tray = std::make_unique<TrayIcon>(statusBoard, cache, scheduler.clock(),
                                          TrayLinks{baseUrl, logDir, dataDir},
                                          createAutostart(autostartCommand(options)));
        QObject::connect(tray.get(), &TrayIcon::quitRequested, &app, [] { QCoreApplication::exit(kExitOk); });
        QObject::connect(tray.get(), &TrayIcon::loginRequested, &session, &KiwoomSession::reconnectNow);
        QObject::connect(tray.get(), &TrayIcon::pausePollingRequested, &session,
                         &KiwoomSession::setPollingPaused);
        instance.setTrayShown([&tray] { return tray && tray->isShown(); });
    } else {
        spdlog::info("headless: no tray icon");
    }
    QObject::connect(&instance, &SingleInstance::statusRequested, &app, [&](qint64 pid) {
        const auto status = statusBoard.current();
        spdlog::info("another kiwoomd start (pid {}) found this one running; connection {}, serving {}", pid,
                     connectionStateName(status->connection), baseUrl.toStdString());
        if (tray) {
            tray->showStatusMessage();
        }
    });

    // Last, once the config watcher, the shutdown signals and the tray are in place: scripts and
    // tests take this line to mean the daemon is ready (they read the port from it).
    spdlog::info("serving {}/api/volume-ranking (dashboard at /; also /api/stream, /api/feeds, /api/status, "
                 "/api/health, /metrics)",
                 baseUrl.toStdString());
    session.start();
    const int loopResult = QApplication::exec();
    source->shutDown(); // no host outlives its daemon; a REST token is revoked
    server.stop();
    spdlog::info("stopped");
    spdlog::shutdown();
    return loopResult;
}

} // namespace kiwoomd::app
