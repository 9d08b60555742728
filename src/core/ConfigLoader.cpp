#include "kiwoomd/core/ConfigLoader.h"

#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace kiwoomd {
namespace {

using nlohmann::json;

std::string joinAllowed(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        out += (out.empty() ? "" : ", ") + ("\"" + v + "\"");
    }
    return out;
}

// Walks one JSON object, remembering which keys were read so the rest can be reported.
class ObjectReader {
public:
    ObjectReader(const json& object, std::string path, const std::string& source)
        : m_object(object)
        , m_path(std::move(path))
        , m_source(source) {
        if (!m_object.is_object()) {
            fail(m_path, "expected an object, found " + std::string(m_object.type_name()));
        }
    }

    [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
        throw ConfigError(m_source, path.empty() ? "(top level)" : path, problem);
    }

    std::string childPath(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }

    const json* find(const std::string& key) {
        m_known.insert(key);
        const auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }

    void readInt(const std::string& key, int& out, int min, int max) {
        const json* value = find(key);
        if (!value) {
            return;
        }
        if (!value->is_number_integer()) {
            fail(childPath(key), "expected an integer, found " + value->dump());
        }
        const auto v = value->get<std::int64_t>();
        if (v < min || v > max) {
            fail(childPath(key), value->dump() + " is out of range; allowed " + std::to_string(min) + ".." +
                                     std::to_string(max));
        }
        out = static_cast<int>(v);
    }

    void readUint64(const std::string& key, std::uint64_t& out) {
        const json* value = find(key);
        if (!value) {
            return;
        }
        if (!value->is_number_unsigned() &&
            !(value->is_number_integer() && value->get<std::int64_t>() >= 0)) {
            fail(childPath(key), "expected a non-negative integer, found " + value->dump());
        }
        out = value->get<std::uint64_t>();
    }

    void readString(const std::string& key, std::string& out, const std::vector<std::string>& allowed = {}) {
        const json* value = find(key);
        if (!value) {
            return;
        }
        if (!value->is_string()) {
            fail(childPath(key), "expected a string, found " + value->dump());
        }
        const auto text = value->get<std::string>();
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
            fail(childPath(key), "\"" + text + "\" is not allowed; allowed values: " + joinAllowed(allowed));
        }
        out = text;
    }

    void rejectUnknownKeys() const {
        for (const auto& item : m_object.items()) {
            if (m_known.count(item.key()) == 0) {
                std::vector<std::string> known(m_known.begin(), m_known.end());
                fail(childPath(item.key()), "unknown key; known keys here: " + joinAllowed(known));
            }
        }
    }

private:
    const json& m_object;
    std::string m_path;
    const std::string& m_source;
    std::set<std::string> m_known;
};

std::vector<LimitWindow> parseWindows(const json& value, const std::string& path, const std::string& source) {
    if (!value.is_array() || value.empty()) {
        throw ConfigError(source, path,
                          "expected a non-empty array of {\"max_requests\", \"seconds\"} objects");
    }
    std::vector<LimitWindow> windows;
    for (std::size_t i = 0; i < value.size(); ++i) {
        ObjectReader reader(value[i], path + "[" + std::to_string(i) + "]", source);
        int maxRequests = 0;
        int seconds = 0;
        reader.readInt("max_requests", maxRequests, 1, 100000);
        reader.readInt("seconds", seconds, 1, 86400);
        reader.rejectUnknownKeys();
        if (maxRequests == 0 || seconds == 0) {
            reader.fail(path + "[" + std::to_string(i) + "]",
                        "both \"max_requests\" and \"seconds\" are required");
        }
        windows.push_back({maxRequests, std::chrono::milliseconds(seconds * 1000LL)});
    }
    return windows;
}

FeedDefinition parseFeed(const json& value, const std::string& path, const std::string& source) {
    ObjectReader reader(value, path, source);
    FeedDefinition feed;
    reader.readString("id", feed.id);
    static const std::regex idPattern("^[a-z0-9][a-z0-9_-]{0,31}$");
    if (!std::regex_match(feed.id, idPattern)) {
        reader.fail(reader.childPath("id"),
                    "\"" + feed.id + "\" is not a valid feed id; use 1-32 of a-z, 0-9, '-' and '_'");
    }
    feed.trCode = tr::kVolumeSurgeTr;
    std::vector<std::string> trCodes;
    for (const auto& known : tr::catalogue()) {
        trCodes.push_back(known.code);
    }
    reader.readString("tr", feed.trCode, trCodes);
    const tr::TrSpec* spec = tr::findTr(feed.trCode);

    std::map<std::string, std::string> given;
    if (const json* inputs = reader.find("inputs")) {
        if (!inputs->is_object()) {
            reader.fail(reader.childPath("inputs"), "expected an object of Kiwoom input names to values");
        }
        for (const auto& item : inputs->items()) {
            const std::string inputPath = reader.childPath("inputs") + "." + item.key();
            const tr::InputSpec* input = tr::findInput(*spec, item.key());
            if (!input) {
                std::vector<std::string> names;
                for (const auto& i : spec->inputs) {
                    names.push_back(i.name);
                }
                throw ConfigError(source, inputPath,
                                  "not an input of " + spec->code + "; inputs: " + joinAllowed(names));
            }
            if (!item.value().is_string()) {
                throw ConfigError(source, inputPath, "expected a string, found " + item.value().dump());
            }
            const auto text = item.value().get<std::string>();
            if (!tr::isAllowedInput(*input, text)) {
                throw ConfigError(source, inputPath,
                                  "\"" + text + "\" is not accepted by " + spec->code + "; allowed values: " +
                                      joinAllowed(input->allowedValues) + " (" + input->meaning + ")");
            }
            given[item.key()] = text;
        }
    }
    // SetInputValue order is the TR's documented order, whatever order the file used.
    for (const auto& input : spec->inputs) {
        const auto it = given.find(input.name);
        feed.inputs.emplace_back(input.name, it != given.end() ? it->second : input.defaultValue);
    }
    // 시간 is free text in the catalogue, but opt10023 compares against it when 시간구분 is 1; the
    // field is 2 characters wide, so 1-99.
    const auto timeBasis = given.find(tr::input::kTimeBasis);
    if (feed.trCode == tr::kVolumeSurgeTr && timeBasis != given.end() && timeBasis->second == "1") {
        const auto minutes = given.find(tr::input::kMinutes);
        static const std::regex minutesPattern("^[1-9][0-9]?$");
        if (minutes == given.end() || !std::regex_match(minutes->second, minutesPattern)) {
            throw ConfigError(source, reader.childPath("inputs") + "." + tr::input::kMinutes,
                              "with 시간구분 \"1\" the TR needs the number of minutes (1-99), not \"" +
                                  (minutes == given.end() ? std::string() : minutes->second) + "\"");
        }
    }
    const auto marketIt = given.find(tr::input::kMarket);
    feed.market = marketNameForCode(marketIt != given.end() ? marketIt->second : tr::kMarketKospi);
    reader.readString("market", feed.market);
    static const std::regex marketPattern("^[a-z0-9][a-z0-9_-]{0,31}$");
    if (!std::regex_match(feed.market, marketPattern)) {
        reader.fail(reader.childPath("market"),
                    "\"" + feed.market + "\" is not a valid market name; use 1-32 of a-z, 0-9, '-' and '_'");
    }
    reader.readInt("max_pages", feed.maxPages, 1, 50);
    reader.readInt("priority", feed.priority, -1000, 1000);
    reader.rejectUnknownKeys();
    return feed;
}

// "HH:MM-HH:MM" -> [start, end) in minutes, or nullopt unless the end is later the same day.
std::optional<std::pair<int, int>> parseDaySpan(const std::string& text) {
    const auto dash = text.find('-');
    const auto start = dash == std::string::npos ? std::nullopt : parseClockMinutes(text.substr(0, dash));
    const auto end = dash == std::string::npos ? std::nullopt : parseClockMinutes(text.substr(dash + 1));
    if (!start || !end || *end <= *start) {
        return std::nullopt;
    }
    return std::make_pair(*start, *end);
}

// One window: "HH:MM-HH:MM" (every day, the format before weekdays existed) or
// {"time": "HH:MM-HH:MM", "days": ["mon", ...]}.
MaintenanceWindow parseMaintenanceWindow(const json& value, const std::string& path,
                                         const std::string& source) {
    static const std::string kSpanProblem =
        " is not a span of the day; use \"HH:MM-HH:MM\" with the end later";
    if (value.is_string()) {
        const auto span = parseDaySpan(value.get<std::string>());
        if (!span) {
            throw ConfigError(source, path, value.dump() + kSpanProblem);
        }
        return {span->first, span->second, kEveryDay};
    }
    if (!value.is_object()) {
        throw ConfigError(
            source, path,
            "expected \"HH:MM-HH:MM\" or {\"time\": \"HH:MM-HH:MM\", \"days\": [\"mon\", ...]}");
    }
    ObjectReader reader(value, path, source);
    std::string time;
    reader.readString("time", time);
    const auto span = parseDaySpan(time);
    if (!span) {
        reader.fail(reader.childPath("time"), "\"" + time + "\"" + kSpanProblem);
    }
    MaintenanceWindow window{span->first, span->second, kEveryDay};
    if (const json* days = reader.find("days")) {
        if (!days->is_array() || days->empty()) {
            reader.fail(reader.childPath("days"),
                        "expected a non-empty array of weekday names (\"mon\" .. \"sun\")");
        }
        window.days.reset();
        for (std::size_t i = 0; i < days->size(); ++i) {
            const json& day = (*days)[i];
            const auto weekday = day.is_string() ? weekdayFromName(day.get<std::string>()) : std::nullopt;
            if (!weekday) {
                reader.fail(reader.childPath("days") + "[" + std::to_string(i) + "]",
                            day.dump() +
                                " is not a weekday; use \"mon\" .. \"sun\" or \"monday\" .. \"sunday\"");
            }
            window.days.set(static_cast<std::size_t>(*weekday));
        }
    }
    reader.rejectUnknownKeys();
    return window;
}

std::vector<MaintenanceWindow> parseMaintenanceWindows(const json& value, const std::string& path,
                                                       const std::string& source) {
    if (!value.is_array()) {
        throw ConfigError(
            source, path,
            "expected an array of \"HH:MM-HH:MM\" strings or {\"time\", \"days\"} objects (KST)");
    }
    std::vector<MaintenanceWindow> windows;
    for (std::size_t i = 0; i < value.size(); ++i) {
        windows.push_back(parseMaintenanceWindow(value[i], path + "[" + std::to_string(i) + "]", source));
    }
    return windows;
}

std::vector<EmulatorFault> parseFaults(const json& value, const std::string& path,
                                       const std::string& source) {
    if (!value.is_array()) {
        throw ConfigError(source, path,
                          "expected an array of faults (\"NAME[@SECONDS][+DURATION]\" strings)");
    }
    std::vector<EmulatorFault> faults;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string itemPath = path + "[" + std::to_string(i) + "]";
        if (!value[i].is_string()) {
            throw ConfigError(source, itemPath,
                              "expected a \"NAME[@SECONDS][+DURATION]\" string, found " + value[i].dump());
        }
        std::string error;
        const auto fault = parseFaultSpec(value[i].get<std::string>(), error);
        if (!fault) {
            throw ConfigError(source, itemPath, error);
        }
        faults.push_back(*fault);
    }
    return faults;
}

std::vector<std::string> readStringList(ObjectReader& reader, const std::string& key,
                                        const std::regex& pattern, const std::string& what) {
    std::vector<std::string> values;
    const json* list = reader.find(key);
    if (!list) {
        return values;
    }
    if (!list->is_array()) {
        reader.fail(reader.childPath(key), "expected an array of strings, each " + what);
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& item = list->at(i);
        if (!item.is_string() || !std::regex_match(item.get<std::string>(), pattern)) {
            reader.fail(reader.childPath(key) + "[" + std::to_string(i) + "]",
                        item.dump() + " is not " + what);
        }
        values.push_back(item.get<std::string>());
    }
    return values;
}

void checkHoliday(const std::string& text, const std::string& path, const std::string& source) {
    static const std::regex datePattern("^(\\d{4})-(\\d{2})-(\\d{2})$");
    std::smatch m;
    if (!std::regex_match(text, m, datePattern)) {
        throw ConfigError(source, path, "\"" + text + "\" is not a date; use YYYY-MM-DD");
    }
    const int year = std::stoi(m[1]);
    const int month = std::stoi(m[2]);
    const int day = std::stoi(m[3]);
    // Checked by arithmetic, not through a Timestamp: "9999-01-01" would overflow one.
    if (!isCalendarDate(year, month, day)) {
        throw ConfigError(source, path, "\"" + text + "\" is not a valid calendar date");
    }
}

} // namespace

ConfigError::ConfigError(std::string source, std::string keyPath, std::string problem)
    : std::runtime_error(source + ": " + keyPath + ": " + problem)
    , m_source(std::move(source))
    , m_keyPath(std::move(keyPath))
    , m_problem(std::move(problem)) {}

Config parseConfig(const json& document, const std::string& source) {
    Config config;
    ObjectReader top(document, "", source);

    if (const json* server = top.find("server")) {
        ObjectReader reader(*server, "server", source);
        reader.readString("host", config.server.host);
        reader.readInt("port", config.server.port, 0, 65535);
        reader.readString("token_policy", config.server.tokenPolicy, {"writes", "always"});
        reader.readInt("max_connections", config.server.maxConnections, 1, 4096); // a thread each
        reader.readInt("max_stream_subscribers", config.server.maxStreamSubscribers, 0,
                       4096); // a thread each
        reader.readInt("keep_alive_timeout_seconds", config.server.keepAliveTimeoutSeconds, 1, 3600);
        reader.readInt("request_timeout_seconds", config.server.requestTimeoutSeconds, 1, 3600);
        reader.readInt("write_timeout_seconds", config.server.writeTimeoutSeconds, 1, 3600);
        reader.readInt("max_request_head_bytes", config.server.maxRequestHeadBytes, 1024, 1048576);
        config.server.allowedHosts =
            readStringList(reader, "allowed_hosts", std::regex("^[A-Za-z0-9.-]{1,253}$"),
                           "a host name such as \"kiwoomd.lan\"");
        // Exact origins only: a scheme, a host and an optional port; never "*" or a path.
        config.server.allowedOrigins =
            readStringList(reader, "allowed_origins", std::regex("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$"),
                           "an origin such as \"http://localhost:3000\" (no path, no wildcard)");
        reader.rejectUnknownKeys();
    }
    if (const json* polling = top.find("polling")) {
        ObjectReader reader(*polling, "polling", source);
        if (const json* interval = reader.find("interval_seconds"); interval && interval->is_string()) {
            if (interval->get<std::string>() != "auto") {
                reader.fail("polling.interval_seconds",
                            "expected seconds (1..86400) or \"auto\", found " + interval->dump());
            }
            config.polling.intervalAuto = true;
        } else {
            reader.readInt("interval_seconds", config.polling.intervalSeconds, 1, 86400);
        }
        reader.readInt("request_timeout_seconds", config.polling.requestTimeoutSeconds, 1, 600);
        reader.readInt("safety_margin_ms", config.polling.safetyMarginMs, 0, 60000);
        reader.readInt("max_throttle_backoff_seconds", config.polling.maxThrottleBackoffSeconds, 1, 3600);
        reader.readInt("stale_after_intervals", config.polling.staleAfterIntervals, 1, 1000);
        if (const json* windows = reader.find("limit_windows")) {
            config.polling.windows = parseWindows(*windows, "polling.limit_windows", source);
        }
        reader.rejectUnknownKeys();
    }
    if (const json* connection = top.find("connection")) {
        ObjectReader reader(*connection, "connection", source);
        reader.readInt("login_timeout_seconds", config.connection.loginTimeoutSeconds, 5, 3600);
        reader.readInt("reconnect_min_seconds", config.connection.reconnectMinSeconds, 1, 3600);
        reader.readInt("reconnect_max_seconds", config.connection.reconnectMaxSeconds, 1, 86400);
        if (const json* windows = reader.find("maintenance_windows")) {
            config.connection.maintenanceWindows =
                parseMaintenanceWindows(*windows, "connection.maintenance_windows", source);
        }
        reader.rejectUnknownKeys();
        if (config.connection.reconnectMaxSeconds < config.connection.reconnectMinSeconds) {
            reader.fail("connection.reconnect_max_seconds",
                        "must not be below connection.reconnect_min_seconds");
        }
    }
    if (const json* feeds = top.find("feeds")) {
        if (!feeds->is_array() || feeds->empty()) {
            top.fail("feeds", "expected a non-empty array of feed objects");
        }
        config.feeds.clear();
        std::set<std::string> ids;
        for (std::size_t i = 0; i < feeds->size(); ++i) {
            const std::string path = "feeds[" + std::to_string(i) + "]";
            FeedDefinition feed = parseFeed((*feeds)[i], path, source);
            if (!ids.insert(feed.id).second) {
                top.fail(path + ".id", "\"" + feed.id + "\" is used by an earlier feed");
            }
            config.feeds.push_back(std::move(feed));
        }
    }
    if (const json* emulator = top.find("emulator")) {
        ObjectReader reader(*emulator, "emulator", source);
        reader.readUint64("seed", config.emulator.seed);
        reader.readInt("page_size", config.emulator.pageSize, 1, 200);
        reader.readInt("login_delay_ms", config.emulator.loginDelayMs, 0, 60000);
        reader.readInt("min_latency_ms", config.emulator.minLatencyMs, 0, 60000);
        reader.readInt("max_latency_ms", config.emulator.maxLatencyMs, 0, 60000);
        reader.readInt("tick_ms", config.emulator.tickMs, 10, 600000);
        if (const json* windows = reader.find("limit_windows")) {
            config.emulator.windows = parseWindows(*windows, "emulator.limit_windows", source);
        }
        if (const json* faults = reader.find("faults")) {
            config.emulator.faults = parseFaults(*faults, "emulator.faults", source);
        }
        reader.rejectUnknownKeys();
        if (config.emulator.maxLatencyMs < config.emulator.minLatencyMs) {
            reader.fail("emulator.max_latency_ms", "must not be below emulator.min_latency_ms");
        }
    }
    if (const json* market = top.find("market")) {
        ObjectReader reader(*market, "market", source);
        std::string calendar = "auto";
        reader.readString("calendar", calendar, {"auto", "krx", "always-open"});
        config.market.calendar = calendar == "krx"           ? CalendarMode::Krx
                                 : calendar == "always-open" ? CalendarMode::AlwaysOpen
                                                             : CalendarMode::Auto;
        if (const json* special = reader.find("special_days")) {
            if (!special->is_array()) {
                reader.fail("market.special_days",
                            "expected an array of {\"date\", \"open\", \"close\", \"note\"}");
            }
            config.market.specialDays.clear();
            for (std::size_t i = 0; i < special->size(); ++i) {
                const std::string path = "market.special_days[" + std::to_string(i) + "]";
                ObjectReader day(special->at(i), path, source);
                SpecialDay entry;
                std::string open = "09:00";
                std::string close = "15:30";
                day.readString("date", entry.date);
                day.readString("open", open);
                day.readString("close", close);
                day.readString("note", entry.note);
                day.rejectUnknownKeys();
                checkHoliday(entry.date, path + ".date", source);
                const auto openMinute = parseClockMinutes(open);
                const auto closeMinute = parseClockMinutes(close);
                if (!openMinute || !closeMinute || *closeMinute <= *openMinute) {
                    day.fail(path, "open and close must be \"HH:MM\" with the close later, not \"" + open +
                                       "\" and \"" + close + "\"");
                }
                entry.openMinute = *openMinute;
                entry.closeMinute = *closeMinute;
                config.market.specialDays.push_back(entry);
            }
        }
        if (const json* holidays = reader.find("holidays")) {
            if (!holidays->is_array()) {
                reader.fail("market.holidays", "expected an array of \"YYYY-MM-DD\" strings");
            }
            config.market.holidays.clear();
            for (std::size_t i = 0; i < holidays->size(); ++i) {
                const std::string path = "market.holidays[" + std::to_string(i) + "]";
                if (!(*holidays)[i].is_string()) {
                    reader.fail(path, "expected a \"YYYY-MM-DD\" string, found " + (*holidays)[i].dump());
                }
                const auto text = (*holidays)[i].get<std::string>();
                checkHoliday(text, path, source);
                config.market.holidays.push_back(text);
            }
        }
        reader.rejectUnknownKeys();
    }
    std::string sourceName = "openapi";
    top.readString("source", sourceName, {"openapi", "rest"});
    config.source = sourceName == "rest" ? SourceKind::Rest : SourceKind::OpenApi;
    if (const json* rest = top.find("rest")) {
        ObjectReader reader(*rest, "rest", source);
        reader.readString("server", config.rest.server, {"live", "mock"});
        reader.readString("base_url", config.rest.baseUrl);
        if (!config.rest.baseUrl.empty() && config.rest.baseUrl.rfind("https://", 0) != 0) {
            // Certificate verification is never off: only an https:// URL is accepted.
            reader.fail("rest.base_url", "\"" + config.rest.baseUrl + "\" is not an https:// URL");
        }
        reader.readString("ca_file", config.rest.caFile);
        reader.readString("appkey_file", config.rest.appKeyFile);
        reader.readString("secretkey_file", config.rest.secretKeyFile);
        for (const char* secret : {"appkey", "secretkey", "app_key", "secret_key", "token"}) {
            if (rest->is_object() && rest->contains(secret)) {
                // Secrets never sit in the config: it is read, copied and shown in bug reports.
                reader.fail(reader.childPath(secret),
                            "keys are not read from the config; use the environment "
                            "(KIWOOM_APPKEY, KIWOOM_SECRETKEY) or rest.appkey_file / "
                            "rest.secretkey_file");
            }
        }
        if (const json* windows = reader.find("limit_windows")) {
            config.rest.windows = parseWindows(*windows, "rest.limit_windows", source);
        }
        reader.rejectUnknownKeys();
    }
    if (const json* tray = top.find("tray")) {
        ObjectReader reader(*tray, "tray", source);
        std::string language = "system";
        reader.readString("language", language, {"system", "ko", "en"});
        config.tray.language = language == "ko"   ? TrayLanguage::Korean
                               : language == "en" ? TrayLanguage::English
                                                  : TrayLanguage::System;
        reader.rejectUnknownKeys();
    }
    if (const json* logging = top.find("logging")) {
        ObjectReader reader(*logging, "logging", source);
        reader.readString("level", config.logLevel,
                          {"trace", "debug", "info", "warn", "error", "critical", "off"});
        reader.rejectUnknownKeys();
    }
    top.rejectUnknownKeys();
    return config;
}

Config parseConfigText(const std::string& text, const std::string& source) {
    json document;
    try {
        document = json::parse(text);
    } catch (const json::exception& error) {
        // nlohmann's message carries the line and column of a syntax error. A number beyond a
        // double (1e400) is not a parse_error but an out_of_range, so catch the base class.
        throw ConfigError(source, "(syntax)", error.what());
    }
    return parseConfig(document, source);
}

Config loadConfigFile(const std::string& path) {
    std::ifstream in(std::filesystem::u8path(path), std::ios::binary);
    if (!in) {
        throw ConfigError(path, "(file)", "cannot be opened for reading");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseConfigText(text.str(), path);
}

} // namespace kiwoomd
