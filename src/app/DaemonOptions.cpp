#include "kiwoomd/app/DaemonOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace kiwoomd::app {
namespace {

template <typename T> bool parseNumber(const QString& text, T min, T max, T& out) {
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < static_cast<qlonglong>(min) || value > static_cast<qlonglong>(max)) {
        return false;
    }
    out = static_cast<T>(value);
    return true;
}

// "login-fail, disconnect, ...": the help lists the faults the parser accepts, from their one list.
QString faultNameList() {
    QStringList names;
    for (const auto& name : emulatorFaultNames()) {
        names << QString::fromStdString(name);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

ParseOutcome parseCommandLine(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("kiwoomd: serves Kiwoom OpenAPI+ market data (opt10023 volume surge ranking) as JSON "
                       "on a local HTTP API."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption simulate(
        QStringLiteral("simulate"), QStringLiteral("Use the built-in emulator instead of the Kiwoom control "
                                                   "(the default where the control is not installed)."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run without a tray icon and without a display."));
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("H"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on (default 8000; 0 = any)."),
                                  QStringLiteral("N"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("JSON config file (default: kiwoomd.json in the data dir, if any)."),
        QStringLiteral("FILE"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Folder for logs and state (default: the per-user app data folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      QStringLiteral("Seconds between polls of each feed (default 60)."),
                                      QStringLiteral("S"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the emulated market, for a reproducible run."),
                                  QStringLiteral("N"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      QStringLiteral("trace, debug, info, warn, error, critical or off."),
                                      QStringLiteral("LEVEL"));
    const QCommandLineOption simFault(
        QStringLiteral("sim-fault"),
        QStringLiteral("Emulator fault NAME[@SECONDS][+DURATION], repeatable: %1 (docs/faults.md).")
            .arg(faultNameList()),
        QStringLiteral("FAULT"));
    const QCommandLineOption record(
        QStringLiteral("record"),
        QStringLiteral("Write every TR exchange to FILE (JSON lines), on any backend."),
        QStringLiteral("FILE"));
    const QCommandLineOption replay(
        QStringLiteral("replay"),
        QStringLiteral("Run on a recording made with --record instead of a live control."),
        QStringLiteral("FILE"));
    const QCommandLineOption console(
        QStringLiteral("console"),
        QStringLiteral("Windows: show the log in the console kiwoomd was started from, or in a new console "
                       "window (for debugging). Accepted and ignored elsewhere."));
    const QCommandLineOption webRoot(
        QStringLiteral("web-root"),
        QStringLiteral("Serve the dashboard's files from DIR instead of the copy built into kiwoomd "
                       "(for developing the dashboard)."),
        QStringLiteral("DIR"));
    const QCommandLineOption hostProgram(
        QStringLiteral("host-program"),
        QStringLiteral("Run this kiwoomd-host instead of the one beside kiwoomd (for packagers and tests)."),
        QStringLiteral("FILE"));
    const QCommandLineOption source(
        QStringLiteral("source"),
        QStringLiteral(
            "Where rankings come from: openapi (the OpenAPI+ control, the emulator where it does not "
            "exist; default) or rest (Kiwoom's REST API; keys in KIWOOM_APPKEY and KIWOOM_SECRETKEY)."),
        QStringLiteral("SOURCE"));
    const QCommandLineOption restUrl(
        QStringLiteral("rest-url"),
        QStringLiteral("The REST API's base URL instead of the server's (https only)."),
        QStringLiteral("URL"));
    const QCommandLineOption restCaFile(
        QStringLiteral("rest-ca-file"),
        QStringLiteral("One more trusted CA (PEM) for the REST API, e.g. a proxy's or a test server's."),
        QStringLiteral("FILE"));
    parser.addOptions({help,    version,  simulate,    headless, host,     port,      config,
                       dataDir, interval, seed,        logLevel, simFault, record,    replay,
                       console, webRoot,  hostProgram, source,   restUrl,  restCaFile});

    ParseOutcome outcome;
    if (!parser.parse(arguments)) {
        outcome.action = ParseOutcome::Action::Error;
        outcome.message = parser.errorText();
        return outcome;
    }
    if (!parser.positionalArguments().isEmpty()) {
        outcome.action = ParseOutcome::Action::Error;
        outcome.message =
            QStringLiteral("Unexpected argument '%1'.").arg(parser.positionalArguments().first());
        return outcome;
    }
    if (parser.isSet(help)) {
        outcome.action = ParseOutcome::Action::ShowHelp;
        // helpText() needs the application object for the program name; without one the caller
        // creates it and asks again.
        outcome.message = QCoreApplication::instance() ? parser.helpText() : QString();
        return outcome;
    }
    if (parser.isSet(version)) {
        outcome.action = ParseOutcome::Action::ShowVersion;
        outcome.message = QStringLiteral("kiwoomd %1\n").arg(QCoreApplication::applicationVersion());
        return outcome;
    }

    auto fail = [&](const QString& message) {
        outcome.action = ParseOutcome::Action::Error;
        outcome.message = message;
        return outcome;
    };
    DaemonOptions& o = outcome.options;
    o.simulate = parser.isSet(simulate);
    o.headless = parser.isSet(headless);
    o.console = parser.isSet(console);
    if (parser.isSet(hostProgram)) {
        o.hostProgram = parser.value(hostProgram);
    }
    if (parser.isSet(source)) {
        const QString value = parser.value(source);
        if (value != QLatin1String("openapi") && value != QLatin1String("rest")) {
            return fail(QStringLiteral("--source takes 'openapi' or 'rest', not '%1'.").arg(value));
        }
        o.source = value;
    }
    if (parser.isSet(restUrl)) {
        if (!parser.value(restUrl).startsWith(QLatin1String("https://"))) {
            return fail(
                QStringLiteral("--rest-url must be an https:// URL, not '%1'.").arg(parser.value(restUrl)));
        }
        o.restUrl = parser.value(restUrl);
    }
    if (parser.isSet(restCaFile)) {
        o.restCaFile = parser.value(restCaFile);
    }
    if (parser.isSet(host)) {
        o.host = parser.value(host);
    }
    if (parser.isSet(port)) {
        int value = 0;
        if (!parseNumber(parser.value(port), 0, 65535, value)) {
            return fail(
                QStringLiteral("--port must be a number from 0 to 65535, not '%1'.").arg(parser.value(port)));
        }
        o.port = value;
    }
    if (parser.isSet(config)) {
        o.configFile = parser.value(config);
    }
    if (parser.isSet(dataDir)) {
        o.dataDir = parser.value(dataDir);
    }
    if (parser.isSet(interval)) {
        int value = 0;
        if (!parseNumber(parser.value(interval), 1, 86400, value)) {
            return fail(QStringLiteral("--interval must be whole seconds from 1 to 86400, not '%1'.")
                            .arg(parser.value(interval)));
        }
        o.intervalSeconds = value;
    }
    if (parser.isSet(seed)) {
        bool ok = false;
        const quint64 value = parser.value(seed).toULongLong(&ok);
        if (!ok) {
            return fail(
                QStringLiteral("--seed must be a non-negative integer, not '%1'.").arg(parser.value(seed)));
        }
        o.seed = value;
    }
    if (parser.isSet(logLevel)) {
        const QString level = parser.value(logLevel);
        static const QStringList levels = {"trace", "debug", "info", "warn", "error", "critical", "off"};
        if (!levels.contains(level)) {
            return fail(
                QStringLiteral("--log-level must be one of %1, not '%2'.").arg(levels.join(", "), level));
        }
        o.logLevel = level;
    }
    if (parser.isSet(record)) {
        o.recordFile = parser.value(record);
    }
    if (parser.isSet(replay)) {
        o.replayFile = parser.value(replay);
    }
    if (parser.isSet(webRoot)) {
        o.webRoot = parser.value(webRoot);
    }
    if (o.source == QLatin1String("rest") && (o.simulate || o.replayFile)) {
        return fail(
            QStringLiteral("--source rest excludes --simulate and --replay: those are OpenAPI+ backends."));
    }
    if (o.replayFile && o.simulate) {
        return fail(
            QStringLiteral("--replay and --simulate exclude each other: a replay is its own backend."));
    }
    for (const QString& text : parser.values(simFault)) {
        std::string error;
        const auto fault = parseFaultSpec(text.toStdString(), error);
        if (!fault) {
            return fail(QStringLiteral("--sim-fault %1").arg(QString::fromStdString(error)));
        }
        o.simFaults.push_back(*fault);
    }
    return outcome;
}

} // namespace kiwoomd::app
