#include "kiwoomd/core/ConfigLoader.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace kiwoomd {
namespace {

ConfigError errorFor(const std::string& text) {
    try {
        parseConfigText(text, "test.json");
    } catch (const ConfigError& error) {
        return error;
    }
    ADD_FAILURE() << "no error for " << text;
    return ConfigError("", "", "");
}

TEST(ConfigLoader, EmptyObjectGivesTheDefaults) {
    const Config config = parseConfigText("{}", "test.json");
    EXPECT_EQ(config.server.host, "127.0.0.1");
    EXPECT_EQ(config.server.port, 8000);
    EXPECT_EQ(config.polling.intervalSeconds, 60);
    ASSERT_EQ(config.feeds.size(), 3u);
    EXPECT_EQ(config.feeds[0].id, "kospi");
}

TEST(ConfigLoader, FeedInputsFollowTheTrOrderWhateverTheFileOrder) {
    const Config config = parseConfigText(
        R"({"feeds": [{"id": "kosdaq-rate", "inputs": {"정렬구분": "2", "시장구분": "101"}}]})", "test.json");
    ASSERT_EQ(config.feeds.size(), 1u);
    const auto& feed = config.feeds[0];
    EXPECT_EQ(feed.market, "kosdaq");
    const auto& spec = *tr::findTr(tr::kVolumeSurgeTr);
    ASSERT_EQ(feed.inputs.size(), spec.inputs.size());
    EXPECT_EQ(feed.inputs[0], std::make_pair(std::string("시장구분"), std::string("101")));
    EXPECT_EQ(feed.inputs[1], std::make_pair(std::string("정렬구분"), std::string("2")));
}

TEST(ConfigLoader, AValueTheTrDoesNotAcceptNamesThePathAndTheAllowedValues) {
    const auto error = errorFor(R"({"feeds": [{"id": "x", "inputs": {"시장구분": "002"}}]})");
    EXPECT_EQ(error.source(), "test.json");
    EXPECT_EQ(error.keyPath(), "feeds[0].inputs.시장구분");
    EXPECT_NE(error.problem().find("\"002\""), std::string::npos);
    EXPECT_NE(error.problem().find("\"000\", \"001\", \"101\""), std::string::npos);
}

TEST(ConfigLoader, UnknownKeysAreRejected) {
    const auto error = errorFor(R"({"server": {"prot": 8000}})");
    EXPECT_EQ(error.keyPath(), "server.prot");
    EXPECT_NE(error.problem().find("unknown key"), std::string::npos);
}

TEST(ConfigLoader, WrongTypesAreRejected) {
    EXPECT_EQ(errorFor(R"({"server": {"port": "8000"}})").keyPath(), "server.port");
    EXPECT_EQ(errorFor(R"({"polling": {"interval_seconds": 1.5}})").keyPath(), "polling.interval_seconds");
    EXPECT_EQ(errorFor(R"({"feeds": {}})").keyPath(), "feeds");
}

TEST(ConfigLoader, OutOfRangeNumbersAreRejected) {
    const auto error = errorFor(R"({"server": {"port": 70000}})");
    EXPECT_NE(error.problem().find("0..65535"), std::string::npos);
}

TEST(ConfigLoader, DuplicateFeedIdsAreRejected) {
    EXPECT_EQ(errorFor(R"({"feeds": [{"id": "a"}, {"id": "a"}]})").keyPath(), "feeds[1].id");
}

TEST(ConfigLoader, UnknownInputNamesAreRejected) {
    EXPECT_EQ(errorFor(R"({"feeds": [{"id": "a", "inputs": {"시장": "001"}}]})").keyPath(),
              "feeds[0].inputs.시장");
}

TEST(ConfigLoader, SyntaxErrorsSayWhere) {
    const auto error = errorFor(R"({"server": )");
    EXPECT_EQ(error.keyPath(), "(syntax)");
    EXPECT_NE(std::string(error.what()).find("line"), std::string::npos);
}

TEST(ConfigLoader, HolidaysMustBeDates) {
    EXPECT_EQ(errorFor(R"({"market": {"holidays": ["2026-13-01"]}})").keyPath(), "market.holidays[0]");
    const Config config = parseConfigText(R"({"market": {"holidays": ["2026-12-25"]}})", "test.json");
    EXPECT_EQ(config.market.holidays, std::vector<std::string>{"2026-12-25"});
}

TEST(ConfigLoader, LimitWindowsAreRead) {
    const Config config = parseConfigText(
        R"({"polling": {"limit_windows": [{"max_requests": 4, "seconds": 1}, {"max_requests": 900, "seconds": 3600}]}})",
        "test.json");
    ASSERT_EQ(config.polling.windows.size(), 2u);
    EXPECT_EQ(config.polling.windows[1].maxRequests, 900);
    EXPECT_EQ(config.polling.windows[1].length, std::chrono::milliseconds(3600000));
}

TEST(ConfigLoader, OnlyTrsTheSessionCanReadAreFeeds) {
    const auto error = errorFor(R"({"feeds": [{"id": "a", "tr": "opt10030"}]})");
    EXPECT_EQ(error.keyPath(), "feeds[0].tr");
    EXPECT_NE(error.problem().find("\"opt10023\""), std::string::npos);
}

TEST(ConfigLoader, MissingFileIsAClearError) {
    try {
        loadConfigFile("/nonexistent/kiwoomd.json");
        FAIL();
    } catch (const ConfigError& error) {
        EXPECT_EQ(error.keyPath(), "(file)");
    }
}

TEST(ConfigLoader, TheShippedExampleConfigIsValid) {
    const Config config = loadConfigFile(KIWOOMD_SOURCE_DIR "/config/kiwoomd.example.json");
    EXPECT_FALSE(config.feeds.empty());
}

} // namespace
} // namespace kiwoomd
