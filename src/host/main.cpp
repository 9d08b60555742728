// kiwoomd-host: the one process that touches the Kiwoom control. kiwoomd starts it, talks to it
// over a local socket (HostServer) and replaces it when it dies, hangs or its session drops; it
// exits when kiwoomd goes away. Not meant to be started by hand.

#include "ControlFactory.h"
#include "DialogWatch.h"
#include "HostServer.h"

#include "kiwoomd/core/ConfigSchema.h"
#include "kiwoomd/kiwoom/ControlSource.h"
#include "kiwoomd/kiwoom/QtScheduler.h"
#include "kiwoomd/kiwoom/SpdlogLevel.h"
#include "kiwoomd/kiwoom/emulator/EmulatorSettingsJson.h"
#include "kiwoomd/kiwoom/record/ReplayControl.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocalSocket>
#include <QTimer>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>

namespace {

using namespace kiwoomd;

struct HostOptions {
    QString connectTo;
    bool simulate = false;
    QString replayFile;
    QString emulatorJson;
    LogLevel logLevel = LogLevel::Info;
};

// "trace, debug, ..., off": the config's log_level names, which kiwoomd passes on as they are.
QString logLevelNames() {
    QStringList names;
    for (const auto& [level, name] : configNames<LogLevel>()) {
        names << QString::fromStdString(name);
    }
    return names.join(QStringLiteral(", "));
}

bool parse(const QStringList& arguments, HostOptions& options, QString& error) {
    QCommandLineParser parser;
    const QCommandLineOption connectTo(QStringLiteral("connect"), QStringLiteral("kiwoomd's socket"),
                                       QStringLiteral("NAME"));
    const QCommandLineOption simulate(QStringLiteral("simulate"), QStringLiteral("host the emulator"));
    const QCommandLineOption replay(QStringLiteral("replay"), QStringLiteral("host a recording"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption emulator(QStringLiteral("emulator"), QStringLiteral("the emulator's settings"),
                                      QStringLiteral("JSON"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"), logLevelNames(), QStringLiteral("LEVEL"));
    parser.addOptions({connectTo, simulate, replay, emulator, logLevel});
    if (!parser.parse(arguments)) {
        error = parser.errorText();
        return false;
    }
    if (!parser.isSet(connectTo)) {
        error = QStringLiteral("kiwoomd-host is started by kiwoomd (--connect NAME missing)");
        return false;
    }
    options.connectTo = parser.value(connectTo);
    options.simulate = parser.isSet(simulate);
    options.replayFile = parser.value(replay);
    options.emulatorJson = parser.value(emulator);
    if (parser.isSet(logLevel)) {
        // The daemon's own names (configName<LogLevel>), so the host takes exactly the daemon's
        // levels; spdlog's from_str would read any unknown word as "off" and silence the host.
        const auto level = fromConfigName<LogLevel>(parser.value(logLevel).toStdString());
        if (!level) {
            error = QStringLiteral("--log-level must be one of %1, not '%2'")
                        .arg(logLevelNames(), parser.value(logLevel));
            return false;
        }
        options.logLevel = *level;
    }
    return true;
}

// The control every login gets a fresh one of: the recording, the emulator, or the real OCX
// (with the emulator where it does not exist, as kiwoomd always did).
std::unique_ptr<ControlSource> makeSource(const HostOptions& options, Scheduler& scheduler, QString& error) {
    if (!options.replayFile.isEmpty()) {
        auto probe = std::make_unique<ReplayControl>(scheduler);
        if (!probe->load(options.replayFile, error)) {
            return nullptr;
        }
        spdlog::info("replaying {} ({} recorded answers)", options.replayFile.toStdString(),
                     probe->answerCount());
        const QString file = options.replayFile;
        return std::make_unique<ControlSource>(
            Backend::Replay,
            [file, &scheduler]() -> std::unique_ptr<OpenApiControl> {
                auto replay = std::make_unique<ReplayControl>(scheduler);
                QString ignored;
                replay->load(file, ignored);
                return replay;
            },
            scheduler);
    }
    std::string jsonError;
    const auto settings = emulator::settingsFromJson(
        options.emulatorJson.isEmpty() ? emulator::settingsToJson({}) : options.emulatorJson.toStdString(),
        jsonError);
    if (!settings) {
        error = QString::fromStdString(jsonError);
        return nullptr;
    }
    auto emulated = [settings = *settings, &scheduler]() -> std::unique_ptr<OpenApiControl> {
        return std::make_unique<emulator::EmulatedControl>(settings, scheduler);
    };
    if (!options.simulate) {
        QString whyNot;
        if (auto probe = host::createRealControl(whyNot)) {
            probe.reset();
            return std::make_unique<ControlSource>(
                Backend::ActiveX,
                []() -> std::unique_ptr<OpenApiControl> {
                    QString ignored;
                    return host::createRealControl(ignored);
                },
                scheduler);
        }
        spdlog::warn("running the emulated Kiwoom control (demo data): {}", whyNot.toStdString());
    }
    return std::make_unique<ControlSource>(Backend::Emulator, emulated, scheduler);
}

} // namespace

int main(int argc, char** argv) {
#ifndef Q_OS_WIN
    // No window is ever shown off Windows: the emulator and the replay need no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
#endif
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    // Lines on stderr: kiwoomd reads them into its own log, prefixed with this host's pid.
    auto logger = spdlog::stderr_logger_st("kiwoomd-host");
    logger->set_pattern("[%l] %v");
    spdlog::set_default_logger(logger);

    HostOptions options;
    QString error;
    if (!parse(QCoreApplication::arguments(), options, error)) {
        std::fprintf(stderr, "kiwoomd-host: %s\n", error.toLocal8Bit().constData());
        return 2;
    }
    spdlog::set_level(spdlogLevel(options.logLevel));

    QtScheduler scheduler;
    auto source = makeSource(options, scheduler, error);
    if (!source) {
        spdlog::critical("cannot start: {}", error.toStdString());
        return 2;
    }
    QLocalSocket socket;
    socket.connectToServer(options.connectTo);
    if (!socket.waitForConnected(10000)) {
        spdlog::critical("cannot reach kiwoomd at {}: {}", options.connectTo.toStdString(),
                         socket.errorString().toStdString());
        return 1;
    }
    host::HostServer server(*source, socket);
    QObject::connect(&server, &host::HostServer::finished, &app, [](int code) {
        QCoreApplication::exit(code);
        // A modal dialog of the control runs its own loop, which exit() does not end: the host
        // must not outlive its daemon because of a dialog nobody will click.
        QTimer::singleShot(3000, [code] { std::_Exit(code); });
    });
    server.greet();
    host::watchDialogs(
        app,
        [&server](const std::string& line) {
            spdlog::warn("dialog {}", line);
            server.reportDialog(line);
        },
        [] {
            spdlog::warn("the OpenAPI updater needs the module: this host exits for it");
            QCoreApplication::exit(3);
        });
    return QApplication::exec();
}
