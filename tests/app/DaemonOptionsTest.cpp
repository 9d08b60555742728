#include "kiwoomd/app/DaemonOptions.h"

#include "kiwoomd/core/ConfigLoader.h"
#include "kiwoomd/core/ConfigSchema.h"

#include <gtest/gtest.h>

namespace kiwoomd::app {
namespace {

ParseOutcome parse(QStringList args) {
    args.prepend(QStringLiteral("kiwoomd"));
    return parseCommandLine(args);
}

TEST(DaemonOptions, NoArgumentsRunWithDefaults) {
    const auto outcome = parse({});
    EXPECT_EQ(outcome.action, ParseOutcome::Action::Run);
    EXPECT_FALSE(outcome.options.simulate);
    EXPECT_TRUE(outcome.options.settings.empty());
}

TEST(DaemonOptions, EveryDocumentedFlagIsRead) {
    const auto outcome =
        parse({"--simulate", "--headless", "--host", "::1", "--port", "8123", "--config", "c.json",
               "--data-dir", "/tmp/d", "--interval", "5", "--seed", "42", "--log-level", "debug"});
    ASSERT_EQ(outcome.action, ParseOutcome::Action::Run) << outcome.message.toStdString();
    const auto& o = outcome.options;
    EXPECT_TRUE(o.simulate);
    EXPECT_TRUE(o.headless);
    EXPECT_EQ(*o.configFile, "c.json");
    EXPECT_EQ(*o.dataDir, "/tmp/d");
    Config config;
    applyOverrides(o, config);
    EXPECT_EQ(config.server.host, "::1");
    EXPECT_EQ(config.server.port, 8123);
    EXPECT_EQ(config.polling.intervalSeconds, 5);
    EXPECT_EQ(config.emulator.seed, 42u);
    EXPECT_EQ(config.logLevel, LogLevel::Debug);
}

TEST(DaemonOptions, TheRestFlagsOverrideTheirSettings) {
    const auto outcome =
        parse({"--source", "rest", "--rest-url", "https://proxy.test", "--rest-ca-file", "ca.pem"});
    ASSERT_EQ(outcome.action, ParseOutcome::Action::Run) << outcome.message.toStdString();
    Config config;
    applyOverrides(outcome.options, config);
    EXPECT_EQ(config.source, SourceKind::Rest);
    EXPECT_EQ(config.rest.baseUrl, "https://proxy.test");
    EXPECT_EQ(config.rest.caFile, "ca.pem");
}

TEST(DaemonOptions, FlagsOverrideTheFileAndSimFaultsAddToItsFaults) {
    Config config = parseConfigText(R"({"server": {"port": 9000, "host": "::1"},
                                        "emulator": {"faults": ["disconnect@5"]}})",
                                    "<inline>");
    const auto outcome = parse({"--port", "8123", "--sim-fault", "login-fail"});
    ASSERT_EQ(outcome.action, ParseOutcome::Action::Run) << outcome.message.toStdString();
    applyOverrides(outcome.options, config);
    EXPECT_EQ(config.server.port, 8123);
    EXPECT_EQ(config.server.host, "::1");
    ASSERT_EQ(config.emulator.faults.size(), 2u);
    EXPECT_EQ(config.emulator.faults[1].name, "login-fail");
}

TEST(DaemonOptions, FlagValuesAreCheckedAsTheSchemaChecksTheFile) {
    for (const QStringList& args :
         {QStringList{"--source", "soap"}, QStringList{"--rest-url", "http://plain.test"},
          QStringList{"--interval", "86401"}, QStringList{"--log-level", "loud"}}) {
        const auto outcome = parse(args);
        EXPECT_EQ(outcome.action, ParseOutcome::Action::Error) << args.join(' ').toStdString();
        EXPECT_TRUE(outcome.message.contains(args.first())) << outcome.message.toStdString();
    }
    EXPECT_EQ(parse({"--source", "rest", "--simulate"}).action, ParseOutcome::Action::Error);
}

TEST(DaemonOptions, ConsoleIsAcceptedOnEveryPlatform) {
    EXPECT_FALSE(parse({}).options.console);
    const auto outcome = parse({"--console", "--simulate"});
    ASSERT_EQ(outcome.action, ParseOutcome::Action::Run) << outcome.message.toStdString();
    EXPECT_TRUE(outcome.options.console);
}

TEST(DaemonOptions, BadNumbersAreErrorsThatNameTheFlag) {
    for (const QStringList& args : {QStringList{"--port", "99999"}, QStringList{"--port", "http"},
                                    QStringList{"--interval", "0"}, QStringList{"--seed", "-1"}}) {
        const auto outcome = parse(args);
        EXPECT_EQ(outcome.action, ParseOutcome::Action::Error) << args.join(' ').toStdString();
        EXPECT_TRUE(outcome.message.contains(args.first())) << outcome.message.toStdString();
    }
}

TEST(DaemonOptions, UnknownFlagsAndStrayArgumentsAreErrors) {
    EXPECT_EQ(parse({"--bogus"}).action, ParseOutcome::Action::Error);
    EXPECT_EQ(parse({"extra"}).action, ParseOutcome::Action::Error);
    EXPECT_EQ(parse({"--log-level", "loud"}).action, ParseOutcome::Action::Error);
}

TEST(DaemonOptions, HelpAndVersionAreActions) {
    const auto help = parse({"--help"});
    EXPECT_EQ(help.action, ParseOutcome::Action::ShowHelp);
    EXPECT_TRUE(help.message.contains("--simulate"));
    EXPECT_EQ(parse({"--version"}).action, ParseOutcome::Action::ShowVersion);
}

TEST(DaemonOptions, HelpListsEveryFlagAndTheSettingEachOverrides) {
    const auto help = parse({"--help"});
    for (const char* flag :
         {"--simulate", "--headless", "--console", "--config", "--data-dir", "--record", "--replay",
          "--web-root", "--host-program", "--sim-fault", "--help", "--version"}) {
        EXPECT_TRUE(help.message.contains(QLatin1String(flag))) << flag;
    }
    int settingFlags = 0;
    for (const auto& setting : configSchema()) {
        if (!setting.flag.empty()) {
            ++settingFlags;
            EXPECT_TRUE(help.message.contains(QString::fromStdString("--" + setting.flag))) << setting.flag;
            EXPECT_TRUE(help.message.contains(QString::fromStdString(setting.key))) << setting.key;
        }
    }
    EXPECT_EQ(settingFlags,
              8); // --host --port --interval --seed --log-level --source --rest-url --rest-ca-file
}

TEST(DaemonOptions, HelpListsEveryFaultTheParserAccepts) {
    const auto help = parse({"--help"});
    for (const auto& name : emulatorFaultNames()) {
        EXPECT_TRUE(help.message.contains(QString::fromStdString(name))) << name;
    }
}

} // namespace
} // namespace kiwoomd::app
