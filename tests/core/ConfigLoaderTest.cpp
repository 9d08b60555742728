#include "kiwoomd/core/ConfigLoader.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
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

TEST(ConfigLoader, OnlyTrsInTheCatalogueAreFeeds) {
    const auto error = errorFor(R"({"feeds": [{"id": "a", "tr": "opt99999"}]})");
    EXPECT_EQ(error.keyPath(), "feeds[0].tr");
    EXPECT_NE(error.problem().find("\"opt10023\", \"opt10030\""), std::string::npos);
}

TEST(ConfigLoader, AFeedOfAnotherTrTakesThatTrsInputsInItsOrder) {
    const Config config = parseConfigText(
        R"({"feeds": [{"id": "kosdaq-volume", "tr": "opt10030", "inputs": {"정렬구분": "3", "시장구분": "101"}}]})",
        "test.json");
    const auto& feed = config.feeds.at(0);
    EXPECT_EQ(feed.trCode, "opt10030");
    EXPECT_EQ(feed.market, "kosdaq");
    EXPECT_EQ(feed.inputs.at(0), std::make_pair(std::string("시장구분"), std::string("101")));
    EXPECT_EQ(feed.inputs.at(1), std::make_pair(std::string("정렬구분"), std::string("3")));
    EXPECT_EQ(feed.inputs.size(), tr::findTr("opt10030")->inputs.size());
}

TEST(ConfigLoader, MinutesAreRequiredWhenComparingWithMinutesAgo) {
    const auto error = errorFor(R"({"feeds": [{"id": "a", "inputs": {"시간구분": "1"}}]})");
    EXPECT_EQ(error.keyPath(), "feeds[0].inputs.시간");
    EXPECT_EQ(errorFor(R"({"feeds": [{"id": "a", "inputs": {"시간구분": "1", "시간": "5분"}}]})").keyPath(),
              "feeds[0].inputs.시간");
    EXPECT_NO_THROW(
        parseConfigText(R"({"feeds": [{"id": "a", "inputs": {"시간구분": "1", "시간": "5"}}]})", "t"));
}

TEST(ConfigLoader, MinutesAreTwoCharactersWideOneToNinetyNine) {
    auto withMinutes = [](const std::string& minutes) {
        return R"({"feeds": [{"id": "a", "inputs": {"시간구분": "1", "시간": ")" + minutes + R"("}}]})";
    };
    EXPECT_NO_THROW(parseConfigText(withMinutes("1"), "t"));
    EXPECT_NO_THROW(parseConfigText(withMinutes("99"), "t"));
    for (const char* bad : {"100", "0", "05", "999"}) {
        const auto error = errorFor(withMinutes(bad));
        EXPECT_EQ(error.keyPath(), "feeds[0].inputs.시간") << bad;
        EXPECT_NE(error.problem().find("1-99"), std::string::npos) << error.problem();
    }
}

TEST(ConfigLoader, IssueConditionAcceptsTheCurrentValueSet) {
    for (const char* value : {"0", "1", "3", "4", "5", "9", "11", "14", "17", "18", "20"}) {
        EXPECT_NO_THROW(parseConfigText(
            std::string(R"({"feeds": [{"id": "a", "inputs": {"종목조건": ")") + value + R"("}}]})", "t"))
            << value;
    }
    for (const char* value : {"2", "10", "19", "21"}) {
        EXPECT_EQ(
            errorFor(std::string(R"({"feeds": [{"id": "a", "inputs": {"종목조건": ")") + value + R"("}}]})")
                .keyPath(),
            "feeds[0].inputs.종목조건")
            << value;
    }
}

TEST(ConfigLoader, ExchangeIsTheLastInputOfOpt10023AndBlankByDefault) {
    const Config config = parseConfigText(R"({"feeds": [{"id": "a"}]})", "t");
    const auto& inputs = config.feeds.at(0).inputs;
    ASSERT_FALSE(inputs.empty());
    EXPECT_EQ(inputs.back(), std::make_pair(std::string("거래소구분"), std::string()))
        << "blank is KRX, as before the input existed";
    for (const char* value : {"1", "2", "3", ""}) {
        const Config chosen = parseConfigText(
            std::string(R"({"feeds": [{"id": "a", "inputs": {"거래소구분": ")") + value + R"("}}]})", "t");
        EXPECT_EQ(chosen.feeds.at(0).inputs.back().second, value);
    }
    EXPECT_EQ(errorFor(R"({"feeds": [{"id": "a", "inputs": {"거래소구분": "4"}}]})").keyPath(),
              "feeds[0].inputs.거래소구분");
}

TEST(ConfigLoader, MarketNamesAreLowerCaseWords) {
    EXPECT_EQ(errorFor(R"({"feeds": [{"id": "a", "market": "KOSDAQ Big"}]})").keyPath(), "feeds[0].market");
}

TEST(ConfigLoader, AllowedHostsAndOriginsAreExactNames) {
    const Config config = parseConfigText(
        R"({"server": {"allowed_hosts": ["kiwoomd.lan"], "allowed_origins": ["http://localhost:3000"]}})",
        "t");
    EXPECT_EQ(config.server.allowedHosts, std::vector<std::string>{"kiwoomd.lan"});
    EXPECT_EQ(config.server.allowedOrigins, std::vector<std::string>{"http://localhost:3000"});
    EXPECT_EQ(errorFor(R"({"server": {"allowed_origins": ["*"]}})").keyPath(), "server.allowed_origins[0]");
    EXPECT_EQ(errorFor(R"({"server": {"allowed_origins": ["http://x.com/path"]}})").keyPath(),
              "server.allowed_origins[0]");
    EXPECT_EQ(errorFor(R"({"server": {"allowed_hosts": ["a b"]}})").keyPath(), "server.allowed_hosts[0]");
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

TEST(ConfigLoader, ServerLimitsAreReadAndDefaultSensibly) {
    const Config defaults = parseConfigText("{}", "test.json");
    EXPECT_EQ(defaults.server.maxConnections, 64);
    EXPECT_EQ(defaults.server.maxStreamSubscribers, 64);
    const Config config = parseConfigText(R"({"server": {"max_connections": 64, "max_stream_subscribers": 0,
        "keep_alive_timeout_seconds": 30, "request_timeout_seconds": 3, "write_timeout_seconds": 20,
        "max_request_head_bytes": 4096}})",
                                          "test.json");
    EXPECT_EQ(config.server.maxConnections, 64);
    EXPECT_EQ(config.server.maxStreamSubscribers, 0);
    EXPECT_EQ(config.server.keepAliveTimeoutSeconds, 30);
    EXPECT_EQ(config.server.requestTimeoutSeconds, 3);
    EXPECT_EQ(config.server.writeTimeoutSeconds, 20);
    EXPECT_EQ(config.server.maxRequestHeadBytes, 4096);
}

TEST(ConfigLoader, ServerLimitsOutOfRangeNameTheKeyAndTheRange) {
    EXPECT_EQ(errorFor(R"({"server": {"max_connections": 0}})").keyPath(), "server.max_connections");
    const auto error = errorFor(R"({"server": {"max_request_head_bytes": 100}})");
    EXPECT_EQ(error.keyPath(), "server.max_request_head_bytes");
    EXPECT_NE(error.problem().find("1024..1048576"), std::string::npos) << error.problem();
    EXPECT_EQ(errorFor(R"({"server": {"write_timeout_seconds": "10"}})").keyPath(),
              "server.write_timeout_seconds");
}

TEST(ConfigLoader, PollingStalenessAndThrottleBackoffAreRead) {
    const Config config = parseConfigText(
        R"({"polling": {"stale_after_intervals": 5, "max_throttle_backoff_seconds": 120}})", "test.json");
    EXPECT_EQ(config.polling.staleAfterIntervals, 5);
    EXPECT_EQ(config.polling.maxThrottleBackoffSeconds, 120);
}

TEST(ConfigLoader, PollingStalenessAndThrottleBackoffOutOfRangeNameTheKey) {
    EXPECT_EQ(errorFor(R"({"polling": {"stale_after_intervals": 0}})").keyPath(),
              "polling.stale_after_intervals");
    EXPECT_EQ(errorFor(R"({"polling": {"max_throttle_backoff_seconds": 0}})").keyPath(),
              "polling.max_throttle_backoff_seconds");
    const auto error = errorFor(R"({"polling": {"max_throttle_backoff_seconds": 3601}})");
    EXPECT_NE(error.problem().find("1..3600"), std::string::npos) << error.problem();
}

TEST(ConfigLoader, ConnectionSettingsAreRead) {
    const Config config = parseConfigText(R"({"connection": {"login_timeout_seconds": 30,
        "reconnect_min_seconds": 2, "reconnect_max_seconds": 60,
        "maintenance_windows": ["04:50-05:25", "23:00-23:59"]}})",
                                          "test.json");
    EXPECT_EQ(config.connection.loginTimeoutSeconds, 30);
    EXPECT_EQ(config.connection.reconnectMinSeconds, 2);
    EXPECT_EQ(config.connection.reconnectMaxSeconds, 60);
    ASSERT_EQ(config.connection.maintenanceWindows.size(), 2u);
    EXPECT_EQ(config.connection.maintenanceWindows[0].startMinute, 4 * 60 + 50);
    EXPECT_EQ(config.connection.maintenanceWindows[0].endMinute, 5 * 60 + 25);
    EXPECT_EQ(config.connection.maintenanceWindows[1].startMinute, 23 * 60);
    EXPECT_EQ(config.connection.maintenanceWindows[1].endMinute, 23 * 60 + 59);
}

TEST(ConfigLoader, WithoutAConnectionSectionKiwoomsMaintenanceWindowsApply) {
    const Config config = parseConfigText("{}", "test.json");
    const auto& windows = config.connection.maintenanceWindows;
    // 2026-11-23 is a Monday, 2026-11-22 a Sunday.
    EXPECT_EQ(maintenanceEndsAt(windows, fromKst(2026, 11, 23, 5, 7)), fromKst(2026, 11, 23, 5, 10));
    EXPECT_EQ(maintenanceEndsAt(windows, fromKst(2026, 11, 22, 4, 10)), fromKst(2026, 11, 22, 4, 30));
    EXPECT_FALSE(maintenanceEndsAt(windows, fromKst(2026, 11, 23, 6, 52)));
    EXPECT_FALSE(maintenanceEndsAt(windows, fromKst(2026, 11, 23, 9, 0)));
}

TEST(ConfigLoader, MaintenanceWindowWithDaysAppliesOnlyOnThoseDays) {
    const Config config = parseConfigText(R"({"connection": {"maintenance_windows": [
        {"time": "04:00-04:30", "days": ["sun", "Saturday"]}, "23:00-23:10"]}})",
                                          "test.json");
    const auto& windows = config.connection.maintenanceWindows;
    ASSERT_EQ(windows.size(), 2u);
    EXPECT_EQ(windows[0].startMinute, 4 * 60);
    EXPECT_EQ(windows[0].endMinute, 4 * 60 + 30);
    EXPECT_EQ(windows[0].days, Weekdays("1000001")); // Saturday and Sunday
    EXPECT_EQ(windows[1].days, kEveryDay) << "an entry without days applies every day, as before";
}

TEST(ConfigLoader, MaintenanceWindowWithAnUnknownDayIsRejectedAtTheDay) {
    const auto error = errorFor(
        R"({"connection": {"maintenance_windows": [{"time": "04:00-04:30", "days": ["sun", "dimanche"]}]}})");
    EXPECT_EQ(error.keyPath(), "connection.maintenance_windows[0].days[1]");
    EXPECT_EQ(errorFor(R"({"connection": {"maintenance_windows": [{"time": "04:00-04:30", "days": []}]}})")
                  .keyPath(),
              "connection.maintenance_windows[0].days");
}

TEST(ConfigLoader, MaintenanceWindowObjectNeedsAValidTime) {
    EXPECT_EQ(errorFor(R"({"connection": {"maintenance_windows": [{"days": ["sun"]}]}})").keyPath(),
              "connection.maintenance_windows[0].time");
    EXPECT_EQ(errorFor(R"({"connection": {"maintenance_windows": [{"time": "05:10-05:05"}]}})").keyPath(),
              "connection.maintenance_windows[0].time");
    EXPECT_EQ(
        errorFor(R"({"connection": {"maintenance_windows": [{"time": "05:05-05:10", "day": ["sun"]}]}})")
            .keyPath(),
        "connection.maintenance_windows[0].day");
    EXPECT_EQ(errorFor(R"({"connection": {"maintenance_windows": [5]}})").keyPath(),
              "connection.maintenance_windows[0]");
}

TEST(ConfigLoader, AnEmptyMaintenanceListMeansNoMaintenanceWindows) {
    const Config config = parseConfigText(R"({"connection": {"maintenance_windows": []}})", "test.json");
    EXPECT_TRUE(config.connection.maintenanceWindows.empty());
}

TEST(ConfigLoader, ReconnectMaxBelowMinIsRejected) {
    const auto error =
        errorFor(R"({"connection": {"reconnect_min_seconds": 60, "reconnect_max_seconds": 30}})");
    EXPECT_EQ(error.keyPath(), "connection.reconnect_max_seconds");
}

TEST(ConfigLoader, ConnectionNumbersOutOfRangeNameTheKey) {
    EXPECT_EQ(errorFor(R"({"connection": {"login_timeout_seconds": 4}})").keyPath(),
              "connection.login_timeout_seconds");
    EXPECT_EQ(errorFor(R"({"connection": {"reconnect_min_seconds": 0}})").keyPath(),
              "connection.reconnect_min_seconds");
}

TEST(ConfigLoader, MaintenanceWindowsMustBeSpansOfTheDayWithTheEndLater) {
    for (const char* bad : {R"("05:20-04:55")", R"("5:00-6:00")", R"("05:00-05:00")", R"("23:00-24:00")",
                            R"("05:00")", R"("05:00-06:00-07:00")", R"("")", "5", "null"}) {
        const auto error =
            errorFor(std::string(R"({"connection": {"maintenance_windows": ["04:55-05:20", )") + bad + "]}}");
        EXPECT_EQ(error.keyPath(), "connection.maintenance_windows[1]") << bad;
        EXPECT_NE(error.problem().find("HH:MM-HH:MM"), std::string::npos) << error.problem();
    }
    EXPECT_EQ(errorFor(R"({"connection": {"maintenance_windows": "04:55-05:20"}})").keyPath(),
              "connection.maintenance_windows");
}

TEST(ConfigLoader, FeedPriorityIsRead) {
    const Config config = parseConfigText(
        R"({"feeds": [{"id": "a", "priority": -5}, {"id": "b", "priority": 7}, {"id": "c"}]})", "test.json");
    ASSERT_EQ(config.feeds.size(), 3u);
    EXPECT_EQ(config.feeds[0].priority, -5);
    EXPECT_EQ(config.feeds[1].priority, 7);
    EXPECT_EQ(config.feeds[2].priority, 0);
}

TEST(ConfigLoader, FeedPriorityMustBeASmallInteger) {
    EXPECT_EQ(errorFor(R"({"feeds": [{"id": "a"}, {"id": "b", "priority": 1001}]})").keyPath(),
              "feeds[1].priority");
    EXPECT_EQ(errorFor(R"({"feeds": [{"id": "a", "priority": "high"}]})").keyPath(), "feeds[0].priority");
}

TEST(ConfigLoader, EmulatorFaultsAreRead) {
    const Config config = parseConfigText(
        R"({"emulator": {"faults": ["disconnect@30", "throttle@10+20", "login-fail"]}})", "test.json");
    const auto& faults = config.emulator.faults;
    ASSERT_EQ(faults.size(), 3u);
    EXPECT_EQ(faults[0].name, "disconnect");
    EXPECT_EQ(faults[0].at, std::chrono::seconds(30));
    EXPECT_FALSE(faults[0].duration.has_value());
    EXPECT_EQ(faults[1].name, "throttle");
    EXPECT_EQ(faults[1].at, std::chrono::seconds(10));
    EXPECT_EQ(faults[1].duration, std::optional<std::chrono::milliseconds>(std::chrono::seconds(20)));
    EXPECT_EQ(faults[2].name, "login-fail");
}

TEST(ConfigLoader, WithoutEmulatorFaultsNoneAreInjected) {
    EXPECT_TRUE(parseConfigText("{}", "test.json").emulator.faults.empty());
}

TEST(ConfigLoader, BadEmulatorFaultsNameTheirIndex) {
    const auto unknown = errorFor(R"({"emulator": {"faults": ["disconnect@30", "explode"]}})");
    EXPECT_EQ(unknown.keyPath(), "emulator.faults[1]");
    EXPECT_NE(unknown.problem().find("explode"), std::string::npos) << unknown.problem();
    EXPECT_NE(unknown.problem().find("disconnect"), std::string::npos) << unknown.problem();

    EXPECT_EQ(errorFor(R"({"emulator": {"faults": ["drop@5+0"]}})").keyPath(), "emulator.faults[0]");
    EXPECT_EQ(errorFor(R"({"emulator": {"faults": [5]}})").keyPath(), "emulator.faults[0]");
    EXPECT_EQ(errorFor(R"({"emulator": {"faults": "disconnect@30"}})").keyPath(), "emulator.faults");
}

TEST(ConfigLoader, MarketCalendarModesAreRead) {
    EXPECT_EQ(parseConfigText("{}", "test.json").market.calendar, CalendarMode::Auto);
    EXPECT_EQ(parseConfigText(R"({"market": {"calendar": "auto"}})", "test.json").market.calendar,
              CalendarMode::Auto);
    EXPECT_EQ(parseConfigText(R"({"market": {"calendar": "krx"}})", "test.json").market.calendar,
              CalendarMode::Krx);
    EXPECT_EQ(parseConfigText(R"({"market": {"calendar": "always-open"}})", "test.json").market.calendar,
              CalendarMode::AlwaysOpen);
}

TEST(ConfigLoader, AnUnknownMarketCalendarListsTheAllowedValues) {
    const auto error = errorFor(R"({"market": {"calendar": "KRX"}})");
    EXPECT_EQ(error.keyPath(), "market.calendar");
    EXPECT_NE(error.problem().find("\"auto\", \"krx\", \"always-open\""), std::string::npos)
        << error.problem();
    EXPECT_EQ(errorFor(R"({"market": {"calendar": true}})").keyPath(), "market.calendar");
}

TEST(ConfigLoader, TrayLanguageFollowsTheSystemUnlessOneIsNamed) {
    EXPECT_EQ(parseConfigText("{}", "test.json").tray.language, TrayLanguage::System);
    EXPECT_EQ(parseConfigText(R"({"tray": {"language": "ko"}})", "test.json").tray.language,
              TrayLanguage::Korean);
    EXPECT_EQ(parseConfigText(R"({"tray": {"language": "en"}})", "test.json").tray.language,
              TrayLanguage::English);
    EXPECT_EQ(errorFor(R"({"tray": {"language": "korean"}})").keyPath(), "tray.language");
    EXPECT_EQ(errorFor(R"({"tray": {"lang": "ko"}})").keyPath(), "tray.lang");
}

TEST(ConfigLoader, SpecialDaysAreReadAndReplaceTheBuiltInOnes) {
    const Config config = parseConfigText(R"({"market": {"special_days": [
        {"date": "2026-11-19", "open": "10:00", "close": "16:30", "note": "exam day"},
        {"date": "2027-01-04", "open": "10:00"}]}})",
                                          "test.json");
    const auto& days = config.market.specialDays;
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0].date, "2026-11-19");
    EXPECT_EQ(days[0].openMinute, 10 * 60);
    EXPECT_EQ(days[0].closeMinute, 16 * 60 + 30);
    EXPECT_EQ(days[0].note, "exam day");
    EXPECT_EQ(days[1].date, "2027-01-04");
    EXPECT_EQ(days[1].openMinute, 10 * 60);
    EXPECT_EQ(days[1].closeMinute, 15 * 60 + 30); // the regular close when none is given
    EXPECT_TRUE(days[1].note.empty());
}

TEST(ConfigLoader, ASpecialDayThatClosesBeforeItOpensIsRejected) {
    const auto error = errorFor(
        R"({"market": {"special_days": [{"date": "2026-11-19", "open": "16:30", "close": "10:00"}]}})");
    EXPECT_EQ(error.keyPath(), "market.special_days[0]");
    EXPECT_NE(error.problem().find("16:30"), std::string::npos) << error.problem();
}

TEST(ConfigLoader, MalformedSpecialDaysNameThePath) {
    EXPECT_EQ(errorFor(R"({"market": {"special_days": [{"date": "2026-11-19", "open": "9:00"}]}})").keyPath(),
              "market.special_days[0]");
    EXPECT_EQ(
        errorFor(
            R"({"market": {"special_days": [{"date": "2026-11-19", "close": "15:30"}, {"open": "10:00"}]}})")
            .keyPath(),
        "market.special_days[1].date");
    EXPECT_EQ(
        errorFor(R"({"market": {"special_days": [{"date": "2026-11-19", "closes": "15:30"}]}})").keyPath(),
        "market.special_days[0].closes");
    EXPECT_EQ(errorFor(R"({"market": {"special_days": {"date": "2026-11-19"}}})").keyPath(),
              "market.special_days");
}

TEST(ConfigLoader, WithoutMarketListsTheBuiltInKrxCalendarIsUsed) {
    ASSERT_FALSE(defaultKrxHolidays().empty());
    ASSERT_FALSE(defaultKrxSpecialDays().empty());
    for (const char* text : {"{}", R"({"market": {"calendar": "krx"}})"}) {
        const Config config = parseConfigText(text, "test.json");
        EXPECT_EQ(config.market.holidays, defaultKrxHolidays()) << text;
        EXPECT_EQ(config.market.specialDays.size(), defaultKrxSpecialDays().size()) << text;
    }
}

TEST(ConfigLoader, MarketHolidaysReplaceTheBuiltInListRatherThanAddingToIt) {
    const auto builtIn = defaultKrxHolidays();
    ASSERT_NE(std::find(builtIn.begin(), builtIn.end(), "2026-01-01"), builtIn.end());

    const Config config = parseConfigText(R"({"market": {"holidays": ["2026-12-24"]}})", "test.json");
    EXPECT_EQ(config.market.holidays, std::vector<std::string>{"2026-12-24"});

    const Config none = parseConfigText(R"({"market": {"holidays": []}})", "test.json");
    EXPECT_TRUE(none.market.holidays.empty());
}

TEST(ConfigLoader, HolidaysThatAreNotStringsOrNotAListAreRejected) {
    EXPECT_EQ(errorFor(R"({"market": {"holidays": ["2026-12-25", 20261231]}})").keyPath(),
              "market.holidays[1]");
    EXPECT_EQ(errorFor(R"({"market": {"holidays": "2026-12-25"}})").keyPath(), "market.holidays");
    EXPECT_EQ(errorFor(R"({"market": {"holidays": ["2026-12-5"]}})").keyPath(), "market.holidays[0]");
}

TEST(ConfigLoader, HolidaysThatAreNotCalendarDatesAreRejected) {
    EXPECT_EQ(errorFor(R"({"market": {"holidays": ["2026-02-31"]}})").keyPath(), "market.holidays[0]");
    EXPECT_EQ(errorFor(R"({"market": {"holidays": ["2026-04-31"]}})").keyPath(), "market.holidays[0]");
}

TEST(ConfigLoader, TheExampleConfigListsTheBuiltInKrxHolidays) {
    const std::string path = KIWOOMD_SOURCE_DIR "/config/kiwoomd.example.json";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    const auto document = nlohmann::json::parse(in);
    const auto builtIn = defaultKrxHolidays();
    ASSERT_TRUE(document.contains("market") && document["market"].contains("holidays"));
    EXPECT_EQ(loadConfigFile(path).market.holidays, builtIn);
}

// Found by tests/fuzz/FuzzConfigLoader: nlohmann's parser reports a number beyond a double as
// out_of_range, not parse_error, and that escaped the loader (the daemon would have terminated,
// on start or on a config reload).
TEST(ConfigLoader, ANumberTooLargeForJsonIsASyntaxErrorNotACrash) {
    const auto error = errorFor(R"({"polling": {"interval_seconds": 1e400}})");
    EXPECT_EQ(error.keyPath(), "(syntax)");
    EXPECT_NE(std::string(error.what()).find("1e400"), std::string::npos) << error.what();
}

// The Timestamp overflow tests/fuzz/FuzzSnapshotJson found (64-bit nanoseconds end in 2262) was
// reachable here too: a holiday's date was checked by converting it to a Timestamp and back.
TEST(ConfigLoader, HolidaysFarFromTodayAreCheckedWithoutOverflow) {
    const Config config = parseConfigText(
        R"({"market": {"holidays": ["9999-12-31", "0001-01-01", "2400-02-29"]}})", "test.json");
    EXPECT_EQ(config.market.holidays.size(), 3u);
    EXPECT_EQ(errorFor(R"({"market": {"holidays": ["9999-02-29"]}})").keyPath(), "market.holidays[0]");
    EXPECT_EQ(errorFor(R"({"market": {"special_days": [{"date": "3000-02-29"}]}})").keyPath(),
              "market.special_days[0].date");
}

TEST(ConfigLoader, TheSourceIsTheOpenApiUnlessRestIsChosen) {
    EXPECT_EQ(parseConfigText("{}", "test.json").source, SourceKind::OpenApi);
    EXPECT_EQ(parseConfigText(R"({"source": "openapi"})", "test.json").source, SourceKind::OpenApi);
    EXPECT_EQ(parseConfigText(R"({"source": "rest"})", "test.json").source, SourceKind::Rest);
}

TEST(ConfigLoader, AnUnknownSourceListsTheAllowedValues) {
    const auto error = errorFor(R"({"source": "http"})");
    EXPECT_EQ(error.keyPath(), "source");
    EXPECT_NE(error.problem().find("\"http\" is not allowed"), std::string::npos) << error.problem();
    EXPECT_NE(error.problem().find("\"openapi\", \"rest\""), std::string::npos) << error.problem();
}

TEST(ConfigLoader, RestSettingsAreRead) {
    const Config config = parseConfigText(R"({"source": "rest", "rest": {
        "server": "mock", "base_url": "https://127.0.0.1:8443", "ca_file": "/etc/kiwoomd/ca.pem",
        "appkey_file": "/home/me/.kiwoom/appkey", "secretkey_file": "/home/me/.kiwoom/secretkey",
        "limit_windows": [{"max_requests": 2, "seconds": 1}]}})",
                                          "test.json");
    EXPECT_EQ(config.rest.server, RestServer::Mock);
    EXPECT_EQ(config.rest.baseUrl, "https://127.0.0.1:8443");
    EXPECT_EQ(config.rest.caFile, "/etc/kiwoomd/ca.pem");
    EXPECT_EQ(config.rest.appKeyFile, "/home/me/.kiwoom/appkey");
    EXPECT_EQ(config.rest.secretKeyFile, "/home/me/.kiwoom/secretkey");
    ASSERT_EQ(config.rest.windows.size(), 1u);
    EXPECT_EQ(config.rest.windows[0].maxRequests, 2);
    EXPECT_EQ(config.rest.windows[0].length, std::chrono::milliseconds(1000));
}

TEST(ConfigLoader, WithoutARestSectionTheLiveServerAndItsWindowsApply) {
    const Config config = parseConfigText(R"({"source": "rest"})", "test.json");
    EXPECT_EQ(config.rest.server, RestServer::Live);
    EXPECT_TRUE(config.rest.baseUrl.empty());
    EXPECT_TRUE(config.rest.windows.empty()) << "empty: restLimitWindows(server) applies";
}

TEST(ConfigLoader, AnUnknownRestServerListsLiveAndMock) {
    const auto error = errorFor(R"({"rest": {"server": "staging"}})");
    EXPECT_EQ(error.keyPath(), "rest.server");
    EXPECT_NE(error.problem().find("\"live\", \"mock\""), std::string::npos) << error.problem();
}

TEST(ConfigLoader, ARestBaseUrlThatIsNotHttpsIsRefused) {
    for (const char* url : {"http://api.kiwoom.com", "api.kiwoom.com", "ftp://api.kiwoom.com", "HTTP://x"}) {
        const auto error = errorFor(std::string(R"({"rest": {"base_url": ")") + url + "\"}}");
        EXPECT_EQ(error.keyPath(), "rest.base_url") << url;
        EXPECT_NE(error.problem().find("is not an https:// URL"), std::string::npos) << error.problem();
        EXPECT_NE(error.problem().find(url), std::string::npos) << error.problem();
    }
}

TEST(ConfigLoader, KeysInTheRestSectionAreRefusedPointingToTheEnvironment) {
    for (const char* key : {"appkey", "secretkey", "app_key", "secret_key", "token"}) {
        const auto error =
            errorFor(std::string(R"({"rest": {")") + key + R"(": "PSsecretValue1234567890"}})");
        EXPECT_EQ(error.keyPath(), std::string("rest.") + key);
        EXPECT_NE(error.problem().find("keys are not read from the config"), std::string::npos)
            << error.problem();
        EXPECT_NE(error.problem().find("KIWOOM_APPKEY"), std::string::npos) << error.problem();
        EXPECT_NE(error.problem().find("KIWOOM_SECRETKEY"), std::string::npos) << error.problem();
        EXPECT_NE(error.problem().find("rest.appkey_file"), std::string::npos) << error.problem();
        EXPECT_EQ(std::string(error.what()).find("PSsecretValue1234567890"), std::string::npos)
            << "the refusal must not repeat the key: " << error.what();
    }
}

TEST(ConfigLoader, UnknownRestKeysAreRejected) {
    const auto error = errorFor(R"({"rest": {"baseurl": "https://x"}})");
    EXPECT_EQ(error.keyPath(), "rest.baseurl");
    EXPECT_NE(error.problem().find("unknown key"), std::string::npos);
}

TEST(ConfigLoader, RestLimitWindowsAreCheckedLikeThePollingOnes) {
    const auto error = errorFor(R"({"rest": {"limit_windows": []}})");
    EXPECT_EQ(error.keyPath(), "rest.limit_windows");
    EXPECT_NE(error.problem().find("non-empty array"), std::string::npos) << error.problem();
}

TEST(ConfigLoader, ARestSectionThatIsNotAnObjectIsRefused) {
    const auto error = errorFor(R"({"rest": "https://api.kiwoom.com"})");
    EXPECT_EQ(error.keyPath(), "rest");
    EXPECT_NE(error.problem().find("expected an object"), std::string::npos) << error.problem();
}

TEST(ConfigLoader, AnAutoPollIntervalIsRead) {
    const Config config = parseConfigText(R"({"polling": {"interval_seconds": "auto"}})", "test.json");
    EXPECT_TRUE(config.polling.intervalAuto);
    EXPECT_FALSE(
        parseConfigText(R"({"polling": {"interval_seconds": 30}})", "test.json").polling.intervalAuto);
    EXPECT_FALSE(parseConfigText("{}", "test.json").polling.intervalAuto);
}

TEST(ConfigLoader, AnyOtherStringPollIntervalIsRefusedNamingBothForms) {
    for (const char* text : {"\"Auto\"", "\"30\"", "\"\"", "\"fast\""}) {
        const auto error = errorFor(std::string(R"({"polling": {"interval_seconds": )") + text + "}}");
        EXPECT_EQ(error.keyPath(), "polling.interval_seconds") << text;
        EXPECT_NE(error.problem().find("expected seconds (1..86400) or \"auto\""), std::string::npos)
            << error.problem();
        EXPECT_NE(error.problem().find(text), std::string::npos) << error.problem();
    }
}

TEST(ConfigLoader, ANumericPollIntervalIsStillRangeChecked) {
    const auto error = errorFor(R"({"polling": {"interval_seconds": 0}})");
    EXPECT_EQ(error.keyPath(), "polling.interval_seconds");
    EXPECT_NE(error.problem().find("1..86400"), std::string::npos) << error.problem();
}

} // namespace
} // namespace kiwoomd
