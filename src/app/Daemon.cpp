#include "Daemon.h"

#include "ApiServer.h"
#include "ComponentSettings.h"
#include "ConfigReloader.h"
#include "Console.h"
#include "DaemonConfig.h"
#include "DaemonTray.h"
#include "ProcessLimits.h"
#include "SecurityPolicy.h"
#include "ShutdownSignals.h"
#include "SingleInstance.h"
#include "SourceFactory.h"
#include "kiwoomd/app/Logging.h"
#include "kiwoomd/app/SnapshotStore.h"

#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/kiwoom/KiwoomSession.h"
#include "kiwoomd/kiwoom/QtScheduler.h"

#include <QApplication>
#include <QDir>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {
namespace {

// One daemon per data dir: a second start shows the running one's status and leaves, instead of
// fighting over the control, the port and the log. Returns 0 when this one may run.
int acquireInstance(SingleInstance& instance) {
    QString message;
    switch (instance.acquire(message)) {
    case SingleInstance::Result::Acquired:
        return 0;
    case SingleInstance::Result::AlreadyRunning:
        attachConsole(false); // so that a start from a shell on Windows sees why it left
        printTo(stderr, message + QLatin1Char('\n'));
        return kExitAlreadyRunning;
    case SingleInstance::Result::Failed:
        printTo(stderr, QStringLiteral("kiwoomd: %1\n").arg(message));
        return kExitRuntimeError;
    }
    return kExitRuntimeError;
}

void startLogging(const QString& dataDir, const LoadedConfig& loaded) {
    const std::string logFile =
        setUpLogging(QDir(dataDir).filePath(QStringLiteral("logs")).toStdString(), loaded.config.logLevel);
    spdlog::info("kiwoomd {} starting; config: {}; data dir: {}; log: {}", KIWOOMD_VERSION,
                 loaded.source.toStdString(), dataDir.toStdString(),
                 logFile.empty() ? "(console only)" : logFile);
}

// The cache and the status reach the event stream (GET /api/stream) on this thread as they
// change; the hub formats each event once and queues it for every subscriber.
void feedEventStream(SnapshotCache& cache, StatusBoard& statusBoard, http::EventStreamHub& streams) {
    cache.setListener([&streams](const std::string& feedId, const FeedSnapshotPtr& snapshot) {
        streams.onSnapshot(feedId, snapshot);
    });
    statusBoard.setListener([&streams](const SessionStatusPtr& status) { streams.onStatus(status); });
}

// The last good rankings of the previous run answer at once, marked stale; each new one is kept.
void keepSnapshots(KiwoomSession& session, const SnapshotCache& cache, SnapshotStore& store) {
    session.restore(store.loadAll());
    QObject::connect(&session, &KiwoomSession::snapshotPublished, qApp,
                     [&cache, &store](const QString& feedId, quint64) {
                         if (const auto snapshot = cache.get(feedId.toStdString())) {
                             store.save(*snapshot);
                         }
                     });
}

} // namespace

// options -> config -> logging -> security policy -> source/backend -> server -> presenter ->
// reloader; then "serving ...", the line that tells scripts and tests the daemon is ready.
int runDaemon(int argc, char** argv) {
    QCoreApplication::setApplicationName(QStringLiteral("kiwoomd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KIWOOMD_VERSION));
    const CommandLineStep commandLine = readCommandLine(argc, argv);
    if (!commandLine.options) {
        return commandLine.exitCode;
    }
    const DaemonOptions& options = *commandLine.options;
    if (options.console) {
        attachConsole(true);
    }
    chooseQtPlatform(options.headless);
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    const bool headless = options.headless || QGuiApplication::platformName() == QLatin1String("offscreen");
    const QString dataDir = makeDataDir(options);
    SingleInstance instance(dataDir);
    if (const int exitCode = acquireInstance(instance); exitCode != 0) {
        return exitCode;
    }

    const auto loaded = loadDaemonConfig(options, dataDir);
    if (!loaded) {
        return kExitUsageError;
    }
    const Config& config = loaded->config;
    startLogging(dataDir, *loaded);

    int exitCode = kExitOk;
    auto guard = securityPolicy(config.server, dataDir, exitCode);
    if (!guard) {
        return exitCode;
    }

    QtScheduler scheduler;
    const auto sources = createSource(options, config, scheduler, exitCode);
    if (!sources) {
        return exitCode;
    }
    SnapshotCache cache;
    StatusBoard statusBoard;
    http::EventStreamHub streams(cache, statusBoard, scheduler.clock(), streamSettings(config));
    feedEventStream(cache, statusBoard, streams);
    KiwoomSession session(sources->source(), sessionSettings(config, sources->emulated), cache, statusBoard,
                          scheduler);
    SnapshotStore store(QDir(dataDir).filePath(QStringLiteral("snapshots")));
    keepSnapshots(session, cache, store);

    spdlog::info("{}", raiseOpenFileLimit());
    ApiServer server(config, cache, statusBoard, scheduler.clock(), streams, session, std::move(*guard),
                     options.webRoot);
    if (!server.start()) {
        return kExitRuntimeError;
    }
    const QString baseUrl = server.baseUrl();

    std::unique_ptr<ConfigReloader> reloader;
    if (loaded->fromFile()) {
        reloader =
            std::make_unique<ConfigReloader>(loaded->source, options, config, session, sources->emulated);
    }
    ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &app, [] {
        spdlog::info("shutdown requested");
        QCoreApplication::exit(kExitOk);
    });
    instance.setServingUrl(baseUrl);
    const DaemonTray tray(headless, config.tray,
                          TrayLinks{baseUrl, QDir(dataDir).filePath(QStringLiteral("logs")), dataDir},
                          options, DaemonTrayParts{statusBoard, cache, scheduler.clock(), session, instance});

    // Last, once the config watcher, the shutdown signals and the tray are in place: scripts and
    // tests take this line to mean the daemon is ready (they read the port from it).
    spdlog::info("serving {}/api/volume-ranking (dashboard at /; also /api/stream, /api/feeds, /api/status, "
                 "/api/health, /metrics)",
                 baseUrl.toStdString());
    session.start();
    const int loopResult = QApplication::exec();
    sources->source().shutDown(); // no host outlives its daemon; a REST token is revoked
    server.stop();
    spdlog::info("stopped");
    spdlog::shutdown();
    return loopResult;
}

} // namespace kiwoomd::app
