#include "kiwoomd/app/DaemonOptions.h"

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
    EXPECT_FALSE(outcome.options.port);
}

TEST(DaemonOptions, EveryDocumentedFlagIsRead) {
    const auto outcome =
        parse({"--simulate", "--headless", "--host", "::1", "--port", "8123", "--config", "c.json",
               "--data-dir", "/tmp/d", "--interval", "5", "--seed", "42", "--log-level", "debug"});
    ASSERT_EQ(outcome.action, ParseOutcome::Action::Run) << outcome.message.toStdString();
    const auto& o = outcome.options;
    EXPECT_TRUE(o.simulate);
    EXPECT_TRUE(o.headless);
    EXPECT_EQ(*o.host, "::1");
    EXPECT_EQ(*o.port, 8123);
    EXPECT_EQ(*o.configFile, "c.json");
    EXPECT_EQ(*o.dataDir, "/tmp/d");
    EXPECT_EQ(*o.intervalSeconds, 5);
    EXPECT_EQ(*o.seed, 42u);
    EXPECT_EQ(*o.logLevel, "debug");
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

TEST(DaemonOptions, HelpListsEveryFaultTheParserAccepts) {
    const auto help = parse({"--help"});
    for (const auto& name : emulatorFaultNames()) {
        EXPECT_TRUE(help.message.contains(QString::fromStdString(name))) << name;
    }
}

} // namespace
} // namespace kiwoomd::app
