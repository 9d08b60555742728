#include "kiwoomd/core/ConfigSchema.h"
#include "kiwoomd/core/ConfigLoader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace kiwoomd {
namespace {

using nlohmann::json;

// The rows of docs/config.md's key tables (those whose header starts "| key |"): each key named in
// a row's first cell, with the row's default cell.
std::map<std::string, std::string> documentedKeys() {
    std::ifstream in(KIWOOMD_SOURCE_DIR "/docs/config.md");
    EXPECT_TRUE(in) << "docs/config.md not found";
    std::map<std::string, std::string> keys;
    bool inKeyTable = false;
    std::string line;
    static const std::regex code("`([^`]+)`");
    while (std::getline(in, line)) {
        if (line.rfind("| key |", 0) == 0) {
            inKeyTable = true;
            continue;
        }
        if (line.rfind("|", 0) != 0) {
            inKeyTable = false;
            continue;
        }
        if (!inKeyTable || line.rfind("|---", 0) == 0) {
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream row(line.substr(1));
        for (std::string cell; std::getline(row, cell, '|');) {
            cells.push_back(cell.substr(1, cell.size() >= 2 ? cell.size() - 2 : 0));
        }
        EXPECT_GE(cells.size(), 3u) << line;
        for (std::sregex_iterator it(cells[0].begin(), cells[0].end(), code), end; it != end; ++it) {
            EXPECT_TRUE(keys.emplace((*it)[1].str(), cells.size() > 2 ? cells[2] : "").second)
                << (*it)[1].str() << " is documented twice";
        }
    }
    return keys;
}

TEST(ConfigSchema, TheDocsListExactlyTheSchemasKeys) {
    const auto documented = documentedKeys();
    std::set<std::string> schemaKeys;
    for (const auto& setting : configSchema()) {
        schemaKeys.insert(setting.key);
        EXPECT_EQ(documented.count(setting.key), 1u) << setting.key << " is not in docs/config.md";
    }
    for (const auto& [key, defaultCell] : documented) {
        EXPECT_EQ(schemaKeys.count(key), 1u) << key << " is in docs/config.md but not in the schema";
    }
}

TEST(ConfigSchema, TheDocsShowEachDefaultThatIsAValue) {
    const auto documented = documentedKeys();
    for (const auto& setting : configSchema()) {
        if (setting.type == SettingType::Composite || !json::accept(defaultText(setting))) {
            continue; // described in words ("required", "the TR's defaults", the default windows)
        }
        const auto it = documented.find(setting.key);
        ASSERT_NE(it, documented.end()) << setting.key;
        EXPECT_EQ(it->second, "`" + defaultText(setting) + "`") << setting.key;
    }
}

TEST(ConfigSchema, WritingEveryDefaultOutChangesNothing) {
    // Each entry reads back what it reports as the default: the table and Config{} agree.
    json document = json::object();
    for (const auto& setting : configSchema()) {
        if (!setting.value) {
            continue;
        }
        const json value = setting.value(Config{});
        if (setting.type == SettingType::Composite) {
            continue; // their JSON is a comparison form, not the file's
        }
        if (setting.section().empty()) {
            document[setting.key] = value;
        } else {
            document[setting.section()][setting.leaf()] = value;
        }
    }
    const Config config = parseConfig(document, "<inline>");
    EXPECT_TRUE(restartNeededChanges(Config{}, config).empty());
    for (const auto& setting : configSchema()) {
        if (setting.value) {
            EXPECT_EQ(setting.value(config), setting.value(Config{})) << setting.key;
        }
    }
}

TEST(ConfigSchema, EveryEntryReadsTheFieldItReports) {
    // A value other than the default, read through the entry, shows in the entry's value and in
    // no other entry's.
    const std::map<std::string, json> others{
        {"server.host", "::1"},
        {"server.port", 9001},
        {"server.token_policy", "always"},
        {"polling.interval_seconds", "auto"},
        {"emulator.seed", 7},
        {"market.calendar", "krx"},
        {"source", "rest"},
        {"rest.server", "mock"},
        {"rest.base_url", "https://proxy.test"},
        {"tray.language", "ko"},
        {"logging.level", "debug"},
        {"connection.reconnect_max_seconds", 301},
    };
    for (const auto& [key, value] : others) {
        const Setting* setting = findSetting(key);
        ASSERT_NE(setting, nullptr) << key;
        Config config;
        setting->read(config, value, {key, key});
        EXPECT_EQ(setting->value(config), value) << key;
        for (const auto& other : configSchema()) {
            if (other.value && other.key != key) {
                EXPECT_EQ(other.value(config), other.value(Config{})) << key << " changed " << other.key;
            }
        }
    }
}

TEST(ConfigSchema, KeysAreUniqueAndEveryReadableEntryHasAReaderAndAValue) {
    std::set<std::string> keys;
    for (const auto& setting : configSchema()) {
        EXPECT_TRUE(keys.insert(setting.key).second) << setting.key;
        EXPECT_FALSE(setting.help.empty()) << setting.key;
        EXPECT_EQ(setting.type == SettingType::ArrayField, !setting.read) << setting.key;
        EXPECT_EQ(setting.type == SettingType::ArrayField, !setting.value) << setting.key;
    }
}

TEST(ConfigSchema, PollingPacingFeedsMarketAndTheLogLevelAreTheLiveSettings) {
    std::set<std::string> live;
    for (const auto& setting : configSchema()) {
        if (setting.reload == Reload::Live && setting.type != SettingType::ArrayField) {
            live.insert(setting.key);
        }
    }
    EXPECT_EQ(live, (std::set<std::string>{"polling.interval_seconds", "polling.request_timeout_seconds",
                                           "polling.safety_margin_ms", "polling.max_throttle_backoff_seconds",
                                           "polling.stale_after_intervals", "polling.limit_windows",
                                           "rest.limit_windows", "feeds", "market.calendar",
                                           "market.special_days", "market.holidays", "logging.level"}));
}

TEST(ConfigSchema, ARestartIsNeededOnlyForRestartOnlyKeysThatChanged) {
    const Config before;
    Config after = parseConfigText(R"({"server": {"port": 9000, "allowed_hosts": ["kiwoomd.lan"]},
                                       "polling": {"interval_seconds": 30},
                                       "connection": {"maintenance_windows": []},
                                       "emulator": {"faults": ["disconnect@5"]},
                                       "market": {"calendar": "krx"}, "tray": {"language": "en"},
                                       "logging": {"level": "debug"}})",
                                   "<inline>");
    EXPECT_EQ(
        restartNeededChanges(before, after),
        (std::vector<std::string>{"server.port", "server.allowed_hosts", "connection.maintenance_windows",
                                  "emulator.faults", "tray.language"}));
    EXPECT_TRUE(restartNeededChanges(after, after).empty());
}

TEST(ConfigSchema, ChangedFeedsOrLimitWindowsNeedNoRestart) {
    const Config after = parseConfigText(R"({"feeds": [{"id": "one"}],
                                             "polling": {"limit_windows": [{"max_requests": 1, "seconds": 2}]}})",
                                         "<inline>");
    EXPECT_TRUE(restartNeededChanges(Config{}, after).empty());
}

TEST(ConfigSchema, EnumsMapToTheirConfigStringsBothWays) {
    EXPECT_EQ(configName(TokenPolicy::Always), "always");
    EXPECT_EQ(fromConfigName<TokenPolicy>("writes"), TokenPolicy::Writes);
    EXPECT_EQ(configName(RestServer::Mock), "mock");
    EXPECT_EQ(configName(LogLevel::Critical), "critical");
    EXPECT_EQ(configName(CalendarMode::AlwaysOpen), "always-open");
    EXPECT_EQ(configName(TrayLanguage::Korean), "ko");
    EXPECT_EQ(fromConfigName<SourceKind>("rest"), SourceKind::Rest);
    EXPECT_FALSE(fromConfigName<LogLevel>("loud"));
}

TEST(ConfigSchema, AFlagValueIsReadAsTheFileValueWouldBe) {
    Config config;
    applyFlagValue(config, *findSetting("server.port"), "8123");
    EXPECT_EQ(config.server.port, 8123);
    applyFlagValue(config, *findSetting("logging.level"), "warn");
    EXPECT_EQ(config.logLevel, LogLevel::Warn);
    try {
        applyFlagValue(config, *findSetting("server.port"), "99999");
        FAIL() << "accepted port 99999";
    } catch (const ConfigError& error) {
        EXPECT_EQ(error.source(), "--port");
        EXPECT_EQ(error.problem(), "99999 is out of range; allowed 0..65535");
    }
    EXPECT_THROW(applyFlagValue(config, *findSetting("server.port"), "http"), ConfigError);
    EXPECT_THROW(applyFlagValue(config, *findSetting("emulator.seed"), "-1"), ConfigError);
    EXPECT_THROW(applyFlagValue(config, *findSetting("rest.base_url"), "http://plain.test"), ConfigError);
}

TEST(ConfigSchema, AnIntervalFlagOverridesAnAutoIntervalFromTheFile) {
    Config config = parseConfigText(R"({"polling": {"interval_seconds": "auto"}})", "<inline>");
    applyFlagValue(config, *findSetting("polling.interval_seconds"), "5");
    EXPECT_FALSE(config.polling.intervalAuto);
    EXPECT_EQ(config.polling.intervalSeconds, 5);
}

} // namespace
} // namespace kiwoomd
