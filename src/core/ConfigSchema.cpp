#include "kiwoomd/core/ConfigSchema.h"

#include "ConfigReading.h"

#include "kiwoomd/core/TrCatalogue.h"

#include <regex>

namespace kiwoomd {
namespace {

using nlohmann::json;
using namespace config_reading;

// Builders: a setting is a key, a field of Config (a member of a section, or of Config itself),
// and what the file may hold there. The field's default is the one in Config.h.
template <typename Section, typename T> struct Field {
    Section Config::*section;
    T Section::*member;
    T& of(Config& c) const { return c.*section.*member; }
    const T& of(const Config& c) const { return c.*section.*member; }
};
template <typename T> struct TopField {
    T Config::*member;
    T& of(Config& c) const { return c.*member; }
    const T& of(const Config& c) const { return c.*member; }
};

// fieldsOf(&Config::server)(&ServerConfig::port): the Field of one member of one section.
template <typename Section> auto fieldsOf(Section Config::*section) {
    return [section](auto member) {
        return Field<Section, std::remove_reference_t<decltype(Section{}.*member)>>{section, member};
    };
}

Setting base(std::string key, SettingType type, Reload reload, std::string help) {
    Setting s;
    s.key = std::move(key);
    s.type = type;
    s.reload = reload;
    s.help = std::move(help);
    return s;
}

template <typename F>
Setting integer(std::string key, F field, int min, int max, Reload reload, std::string help) {
    Setting s = base(std::move(key), SettingType::Integer, reload, std::move(help));
    s.min = min;
    s.max = max;
    s.read = [field, min, max](Config& c, const json& v, const SettingSource& where) {
        field.of(c) = checkedInt(v, min, max, where);
    };
    s.value = [field](const Config& c) { return json(field.of(c)); };
    return s;
}

template <typename F> Setting unsignedInteger(std::string key, F field, Reload reload, std::string help) {
    Setting s = base(std::move(key), SettingType::UnsignedInteger, reload, std::move(help));
    s.read = [field](Config& c, const json& v, const SettingSource& where) {
        field.of(c) = checkedUint64(v, where);
    };
    s.value = [field](const Config& c) { return json(field.of(c)); };
    return s;
}

// `form`: a check of the text beyond being a string, returning the problem or "".
template <typename F>
Setting string(std::string key, F field, Reload reload, std::string help,
               std::function<std::string(const std::string&)> form = {}) {
    Setting s = base(std::move(key), SettingType::String, reload, std::move(help));
    s.read = [field, form](Config& c, const json& v, const SettingSource& where) {
        auto text = checkedString(v, where);
        if (form) {
            if (const auto problem = form(text); !problem.empty()) {
                throw ConfigError(where.source, where.path, problem);
            }
        }
        field.of(c) = std::move(text);
    };
    s.value = [field](const Config& c) { return json(field.of(c)); };
    return s;
}

template <typename F> Setting choice(std::string key, F field, Reload reload, std::string help) {
    using E = std::decay_t<decltype(field.of(std::declval<Config&>()))>;
    Setting s = base(std::move(key), SettingType::Choice, reload, std::move(help));
    for (const auto& [value, name] : configNames<E>()) {
        s.choices.push_back(name);
    }
    s.read = [field, choices = s.choices](Config& c, const json& v, const SettingSource& where) {
        field.of(c) = *fromConfigName<E>(checkedChoice(v, choices, where));
    };
    s.value = [field](const Config& c) { return json(configName(field.of(c))); };
    return s;
}

template <typename F>
Setting stringList(std::string key, F field, std::string pattern, std::string what, Reload reload,
                   std::string help) {
    Setting s = base(std::move(key), SettingType::StringList, reload, std::move(help));
    s.read = [field, pattern, what](Config& c, const json& v, const SettingSource& where) {
        field.of(c) = parseStringList(v, pattern, what, where);
    };
    s.value = [field](const Config& c) { return json(field.of(c)); };
    return s;
}

// A composite: its parser, and its value as JSON (for the reload decision).
template <typename F, typename Parse, typename ToJson>
Setting composite(std::string key, F field, Parse parse, ToJson toJson, std::string defaultDescription,
                  Reload reload, std::string help) {
    Setting s = base(std::move(key), SettingType::Composite, reload, std::move(help));
    s.defaultDescription = std::move(defaultDescription);
    s.read = [field, parse](Config& c, const json& v, const SettingSource& where) {
        field.of(c) = parse(v, where);
    };
    s.value = [field, toJson](const Config& c) { return toJson(field.of(c)); };
    return s;
}

Setting arrayField(std::string key, SettingType elementType, std::string defaultDescription, std::string help,
                   std::int64_t min = 0, std::int64_t max = 0) {
    Setting s = base(std::move(key), SettingType::ArrayField, Reload::Live, std::move(help));
    s.defaultDescription = std::move(defaultDescription);
    s.min = elementType == SettingType::Integer ? min : 0;
    s.max = elementType == SettingType::Integer ? max : 0;
    return s;
}

Setting withFlag(Setting s, std::string flag, std::string valueName, std::string help = {}) {
    s.flag = std::move(flag);
    s.flagValueName = std::move(valueName);
    if (!help.empty()) {
        s.help = std::move(help);
    }
    return s;
}

json windowsJson(const std::vector<LimitWindow>& windows) {
    json out = json::array();
    for (const auto& w : windows) {
        out.push_back({w.maxRequests, w.length.count()});
    }
    return out;
}

json maintenanceJson(const std::vector<MaintenanceWindow>& windows) {
    json out = json::array();
    for (const auto& w : windows) {
        out.push_back({w.startMinute, w.endMinute, w.days.to_ulong()});
    }
    return out;
}

json faultsJson(const std::vector<EmulatorFault>& faults) {
    json out = json::array();
    for (const auto& f : faults) {
        out.push_back({f.name, f.at.count(), f.duration ? json(f.duration->count()) : json()});
    }
    return out;
}

json feedsJson(const std::vector<FeedDefinition>& feeds) {
    json out = json::array();
    for (const auto& f : feeds) {
        out.push_back({f.id, f.market, f.trCode, f.inputs, f.maxPages, f.priority});
    }
    return out;
}

json specialDaysJson(const std::vector<SpecialDay>& days) {
    json out = json::array();
    for (const auto& d : days) {
        out.push_back({d.date, d.openMinute, d.closeMinute, d.note});
    }
    return out;
}

json stringsJson(const std::vector<std::string>& values) {
    return json(values);
}

// Certificate verification is never off: only an https:// URL is accepted.
std::string httpsUrlProblem(const std::string& text) {
    return text.empty() || text.rfind("https://", 0) == 0 ? std::string()
                                                          : "\"" + text + "\" is not an https:// URL";
}

// Any whole number of seconds, or "auto" (PollBudget.h) and the number is ignored.
Setting pollInterval() {
    Setting s = base("polling.interval_seconds", SettingType::IntegerOrAuto, Reload::Live,
                     "Seconds between polls of each feed, or auto: the shortest the limit windows sustain");
    s.min = 1;
    s.max = 86400;
    s.read = [](Config& c, const json& v, const SettingSource& where) {
        if (v.is_string()) {
            if (v.get<std::string>() != "auto") {
                throw ConfigError(where.source, where.path,
                                  "expected seconds (1..86400) or \"auto\", found " + v.dump());
            }
            c.polling.intervalAuto = true;
            return;
        }
        c.polling.intervalSeconds = checkedInt(v, 1, 86400, where);
        c.polling.intervalAuto = false;
    };
    s.value = [](const Config& c) {
        return c.polling.intervalAuto ? json("auto") : json(c.polling.intervalSeconds);
    };
    return s;
}

std::vector<Setting> buildSchema() {
    using R = Reload;
    using S = ServerConfig;
    using P = PollingConfig;
    using C = ConnectionConfig;
    using E = EmulatorConfig;
    using M = MarketConfig;
    using Rc = RestConfig;
    const auto server = fieldsOf(&Config::server);
    const auto polling = fieldsOf(&Config::polling);
    const auto connection = fieldsOf(&Config::connection);
    const auto emulator = fieldsOf(&Config::emulator);
    const auto market = fieldsOf(&Config::market);
    const auto rest = fieldsOf(&Config::rest);
    const auto tray = fieldsOf(&Config::tray);

    return {
        withFlag(string("server.host", server(&S::host), R::Restart, "listen address"), "host", "H",
                 "Address to listen on"),
        withFlag(
            integer("server.port", server(&S::port), 0, 65535, R::Restart, "listen port; 0 picks a free one"),
            "port", "N", "Port to listen on; 0 picks a free one"),
        choice("server.token_policy", server(&S::tokenPolicy), R::Restart,
               "when the API token is required: on writes, or always"),
        // A thread each.
        integer("server.max_connections", server(&S::maxConnections), 1, 4096, R::Restart,
                "connections served at once (worker threads)"),
        integer("server.max_stream_subscribers", server(&S::maxStreamSubscribers), 0, 4096, R::Restart,
                "GET /api/stream clients at once (a worker each)"),
        integer("server.keep_alive_timeout_seconds", server(&S::keepAliveTimeoutSeconds), 1, 3600, R::Restart,
                "an idle keep-alive connection is closed after this"),
        integer("server.request_timeout_seconds", server(&S::requestTimeoutSeconds), 1, 3600, R::Restart,
                "the longest pause while a request arrives"),
        integer("server.write_timeout_seconds", server(&S::writeTimeoutSeconds), 1, 3600, R::Restart,
                "a client that takes no bytes for this long is dropped"),
        integer("server.max_request_head_bytes", server(&S::maxRequestHeadBytes), 1024, 1048576, R::Restart,
                "request line and headers together; 431 beyond"),
        stringList("server.allowed_hosts", server(&S::allowedHosts), "^[A-Za-z0-9.-]{1,253}$",
                   "a host name such as \"kiwoomd.lan\"", R::Restart,
                   "Host header names besides 127.0.0.1, localhost and [::1]"),
        // Exact origins only: a scheme, a host and an optional port; never "*" or a path.
        stringList("server.allowed_origins", server(&S::allowedOrigins),
                   "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$",
                   "an origin such as \"http://localhost:3000\" (no path, no wildcard)", R::Restart,
                   "browser origins besides the daemon's own"),

        withFlag(pollInterval(), "interval", "S", "Seconds between polls of each feed, or auto"),
        integer("polling.request_timeout_seconds", polling(&P::requestTimeoutSeconds), 1, 600, R::Live,
                "how long to wait for a TR's answer"),
        integer("polling.safety_margin_ms", polling(&P::safetyMarginMs), 0, 60000, R::Live,
                "added to the length of every pacing window"),
        integer("polling.max_throttle_backoff_seconds", polling(&P::maxThrottleBackoffSeconds), 1, 3600,
                R::Live, "cap of the wait after a throttle"),
        integer("polling.stale_after_intervals", polling(&P::staleAfterIntervals), 1, 1000, R::Live,
                "data older than this many intervals is stale"),
        composite("polling.limit_windows", polling(&P::windows), parseWindows, windowsJson,
                  "5/1 s, 5/18 s, 25/90 s, 50/180 s, 1000/3600 s", R::Live,
                  "the sliding windows the OpenAPI+ source's TR requests are paced by"),

        integer("connection.login_timeout_seconds", connection(&C::loginTimeoutSeconds), 5, 3600, R::Restart,
                "a login with no answer by then is given up"),
        integer("connection.reconnect_min_seconds", connection(&C::reconnectMinSeconds), 1, 3600, R::Restart,
                "the delay before logging in again"),
        integer("connection.reconnect_max_seconds", connection(&C::reconnectMaxSeconds), 1, 86400, R::Restart,
                "the cap of that delay"),
        composite("connection.maintenance_windows", connection(&C::maintenanceWindows),
                  parseMaintenanceWindows, maintenanceJson, "Monday-Saturday 05:05-05:10, Sunday 04:00-04:30",
                  R::Restart, "Kiwoom's server maintenance (KST): no re-login inside a window"),

        composite("feeds", TopField<std::vector<FeedDefinition>>{&Config::feeds}, parseFeeds, feedsJson,
                  "kospi, kosdaq and all: opt10023 for 001, 101 and 000", R::Live, "the rankings polled"),
        arrayField("feeds[].id", SettingType::String, "required", "the feed's name in the API"),
        arrayField("feeds[].tr", SettingType::Choice, json(tr::kVolumeSurgeTr).dump(), "the TR to poll"),
        arrayField("feeds[].inputs", SettingType::Composite, "the TR's defaults", "the TR inputs"),
        arrayField("feeds[].market", SettingType::String, "from 시장구분",
                   "the market the API serves the feed under"),
        arrayField("feeds[].max_pages", SettingType::Integer, std::to_string(FeedDefinition{}.maxPages),
                   "continuation pages per poll", 1, 50),
        arrayField("feeds[].priority", SettingType::Integer, std::to_string(FeedDefinition{}.priority),
                   "lower goes first", -1000, 1000),

        withFlag(unsignedInteger("emulator.seed", emulator(&E::seed), R::Restart,
                                 "seed of the simulated market; 0 picks one"),
                 "seed", "N", "Seed of the emulated market, for a reproducible run"),
        integer("emulator.page_size", emulator(&E::pageSize), 1, 200, R::Restart, "rows per page"),
        integer("emulator.login_delay_ms", emulator(&E::loginDelayMs), 0, 60000, R::Restart,
                "time from CommConnect to OnEventConnect"),
        integer("emulator.min_latency_ms", emulator(&E::minLatencyMs), 0, 60000, R::Restart,
                "shortest answer delay"),
        integer("emulator.max_latency_ms", emulator(&E::maxLatencyMs), 0, 60000, R::Restart,
                "longest answer delay"),
        integer("emulator.tick_ms", emulator(&E::tickMs), 10, 600000, R::Restart,
                "real time per step of the market's random walk"),
        composite("emulator.limit_windows", emulator(&E::windows), parseWindows, windowsJson,
                  "the same five windows, without a margin", R::Restart,
                  "the limits beyond which the emulator answers -200"),
        composite("emulator.faults", emulator(&E::faults), parseFaults, faultsJson, "[]", R::Restart,
                  "faults to inject (docs/faults.md)"),

        choice("market.calendar", market(&M::calendar), R::Live, "the trading calendar"),
        composite("market.special_days", market(&M::specialDays), parseSpecialDays, specialDaysJson,
                  "the built-in KRX special days", R::Live, "days with other session hours"),
        composite("market.holidays", market(&M::holidays), parseHolidays, stringsJson,
                  "the built-in KRX holidays", R::Live, "days without a session"),

        withFlag(
            choice("source", TopField<SourceKind>{&Config::source}, R::Restart, "where rankings come from"),
            "source", "SOURCE",
            "Where rankings come from: openapi (the OpenAPI+ control, the emulator where it does not exist) "
            "or rest (Kiwoom's REST API; keys in KIWOOM_APPKEY and KIWOOM_SECRETKEY)"),
        choice("rest.server", rest(&Rc::server), R::Restart, "Kiwoom's live or mock REST server"),
        withFlag(string("rest.base_url", rest(&Rc::baseUrl), R::Restart, "instead of the server's URL",
                        httpsUrlProblem),
                 "rest-url", "URL", "The REST API's base URL instead of the server's (https only)"),
        withFlag(string("rest.ca_file", rest(&Rc::caFile), R::Restart, "one more trusted CA (PEM)"),
                 "rest-ca-file", "FILE",
                 "One more trusted CA (PEM) for the REST API, e.g. a proxy's or a test server's"),
        string("rest.appkey_file", rest(&Rc::appKeyFile), R::Restart, "the app key's file"),
        string("rest.secretkey_file", rest(&Rc::secretKeyFile), R::Restart, "the secret key's file"),
        composite("rest.limit_windows", rest(&Rc::windows), parseWindows, windowsJson,
                  "live: 5/1 s; mock: 1/1 s", R::Live, "the pacing windows of the REST source"),

        choice("tray.language", tray(&TrayConfig::language), R::Restart, "the tray menu's language"),

        withFlag(choice("logging.level", TopField<LogLevel>{&Config::logLevel}, R::Live, "log level"),
                 "log-level", "LEVEL", "Log level"),
    };
}

} // namespace

std::string Setting::section() const {
    const auto dot = key.find('.');
    return dot == std::string::npos ? std::string() : key.substr(0, dot);
}

std::string Setting::leaf() const {
    const auto dot = key.find('.');
    return dot == std::string::npos ? key : key.substr(dot + 1);
}

const std::vector<Setting>& configSchema() {
    static const std::vector<Setting> schema = buildSchema();
    return schema;
}

const Setting* findSetting(const std::string& key) {
    for (const auto& setting : configSchema()) {
        if (setting.key == key) {
            return &setting;
        }
    }
    return nullptr;
}

std::string defaultText(const Setting& setting) {
    if (!setting.defaultDescription.empty() || !setting.value) {
        return setting.defaultDescription;
    }
    return setting.value(Config{}).dump();
}

std::vector<std::string> restartNeededChanges(const Config& running, const Config& edited) {
    std::vector<std::string> keys;
    for (const auto& setting : configSchema()) {
        if (setting.reload == Reload::Restart && setting.value &&
            setting.value(running) != setting.value(edited)) {
            keys.push_back(setting.key);
        }
    }
    return keys;
}

void applyFlagValue(Config& config, const Setting& setting, const std::string& text) {
    json value = text;
    // A number where the setting takes one, so that the file's range and type messages apply.
    static const std::regex integerText("^-?[0-9]{1,19}$");
    const bool numeric = setting.type == SettingType::Integer ||
                         setting.type == SettingType::UnsignedInteger ||
                         setting.type == SettingType::IntegerOrAuto;
    if (numeric && std::regex_match(text, integerText)) {
        try {
            value = text[0] == '-' ? json(std::stoll(text)) : json(std::stoull(text));
        } catch (const std::out_of_range&) {
            // Stays a string: "expected an integer, found ..."
        }
    }
    const std::string flag = "--" + setting.flag;
    setting.read(config, value, {flag, setting.key});
}

} // namespace kiwoomd
