#include "kiwoomd/app/DaemonOptions.h"

#include "kiwoomd/core/ConfigLoader.h"
#include "kiwoomd/core/ConfigSchema.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>

namespace kiwoomd::app {
namespace {

// "Port to listen on (server.port; 0-65535; default 8000)."
QString settingFlagHelp(const Setting& setting) {
    QString allowed;
    if (setting.type == SettingType::Integer) {
        allowed = QStringLiteral("; %1-%2").arg(setting.min).arg(setting.max);
    } else if (setting.type == SettingType::IntegerOrAuto) {
        allowed = QStringLiteral("; %1-%2 or auto").arg(setting.min).arg(setting.max);
    } else if (setting.type == SettingType::Choice) {
        QStringList choices;
        for (const auto& choice : setting.choices) {
            choices << QString::fromStdString(choice);
        }
        allowed = QStringLiteral("; %1").arg(choices.join(QStringLiteral(", ")));
    }
    const std::string defaultValue = defaultText(setting);
    return QStringLiteral("%1 (%2%3%4).")
        .arg(QString::fromStdString(setting.help), QString::fromStdString(setting.key), allowed,
             defaultValue == "\"\""
                 ? QString()
                 : QStringLiteral("; default %1").arg(QString::fromStdString(defaultValue)));
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
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("JSON config file (default: kiwoomd.json in the data dir, if any)."),
        QStringLiteral("FILE"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Folder for logs and state (default: the per-user app data folder)."),
        QStringLiteral("DIR"));
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
    parser.addOptions({help, version, simulate, headless, config, dataDir, simFault, record, replay, console,
                       webRoot, hostProgram});
    // The flags that override a setting come from the schema: name, help, value name and checks.
    std::vector<std::pair<const Setting*, QCommandLineOption>> settingFlags;
    for (const auto& setting : configSchema()) {
        if (!setting.flag.empty()) {
            settingFlags.emplace_back(
                &setting, QCommandLineOption(QString::fromStdString(setting.flag), settingFlagHelp(setting),
                                             QString::fromStdString(setting.flagValueName)));
            parser.addOption(settingFlags.back().second);
        }
    }

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
    if (parser.isSet(config)) {
        o.configFile = parser.value(config);
    }
    if (parser.isSet(dataDir)) {
        o.dataDir = parser.value(dataDir);
    }
    Config checked; // each value is read as the file's would be, into a config that is thrown away
    for (const auto& [setting, option] : settingFlags) {
        if (!parser.isSet(option)) {
            continue;
        }
        const std::string text = parser.value(option).toStdString();
        try {
            applyFlagValue(checked, *setting, text);
        } catch (const ConfigError& error) {
            return fail(
                QStringLiteral("--%1: %2")
                    .arg(QString::fromStdString(setting->flag), QString::fromStdString(error.problem())));
        }
        o.settings.emplace_back(setting->key, text);
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
    if (checked.source == SourceKind::Rest && (o.simulate || o.replayFile)) {
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

void applyOverrides(const DaemonOptions& options, Config& config) {
    for (const auto& [key, text] : options.settings) {
        applyFlagValue(config, *findSetting(key), text); // checked by parseCommandLine
    }
    config.emulator.faults.insert(config.emulator.faults.end(), options.simFaults.begin(),
                                  options.simFaults.end());
}

} // namespace kiwoomd::app
