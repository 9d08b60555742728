#pragma once
// The daemon's configuration as plain data, with the defaults a first run uses. Every field is a
// setting of the schema (ConfigSchema.h), which maps the enums below to their config strings.

#include "kiwoomd/core/FeedDefinition.h"
#include "kiwoomd/core/MaintenanceWindow.h"
#include "kiwoomd/core/MarketCalendar.h"
#include "kiwoomd/core/RequestLimiter.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

// When the API token is required: on requests that change state, or on every request.
enum class TokenPolicy { Writes, Always };

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8000;
    std::vector<std::string> allowedHosts;   // names besides 127.0.0.1, localhost and [::1]
    std::vector<std::string> allowedOrigins; // browser origins besides the daemon's own
    // Always is required to listen on anything but loopback.
    TokenPolicy tokenPolicy = TokenPolicy::Writes;
    // Limits of the HTTP server (docs/config.md#server, docs/security.md).
    int maxConnections = 64;         // connections served at once (worker threads); more wait
    int maxStreamSubscribers = 64;   // GET /api/stream clients at once, a worker each; 503 beyond
    int keepAliveTimeoutSeconds = 5; // an idle keep-alive connection is closed after this
    int requestTimeoutSeconds = 10;  // the longest pause while a request arrives
    int writeTimeoutSeconds = 10;    // a client that takes no bytes for this long is dropped
    int maxRequestHeadBytes = 16384; // request line + headers; 431 beyond
};

struct PollingConfig {
    int intervalSeconds = 60; // as in the seed prototype
    // "interval_seconds": "auto": the shortest interval the source's limit windows sustain for
    // every feed's pages, with a reserve (PollBudget.h); intervalSeconds is then ignored.
    bool intervalAuto = false;
    int requestTimeoutSeconds = 15;
    // Pacing stays this far inside the server's windows: each window is lengthened by it.
    int safetyMarginMs = 250;
    std::vector<LimitWindow> windows = kiwoomLimitWindows();
    int maxThrottleBackoffSeconds = 180; // caps Kiwoom's 17 s / 90 s / 180 s waits after a throttle
    int staleAfterIntervals = 3;         // data older than this many intervals is stale
};

struct ConnectionConfig {
    int loginTimeoutSeconds = 120; // a login window may wait for the user
    int reconnectMinSeconds = 5;
    int reconnectMaxSeconds = 300;
    // Kiwoom's server maintenance: Mon-Sat 05:05-05:10, Sun 04:00-04:30 KST (MaintenanceWindow.h).
    std::vector<MaintenanceWindow> maintenanceWindows = kiwoomMaintenanceWindows();
};

// An emulator fault: `name` from the list in docs/faults.md, active from `at` for `duration`
// (nullopt: until the end of the run).
struct EmulatorFault {
    std::string name;
    std::chrono::milliseconds at{0};
    std::optional<std::chrono::milliseconds> duration;
};

// "NAME[@SECONDS][+DURATION]" as given to --sim-fault; nullopt with `error` set when malformed.
std::optional<EmulatorFault> parseFaultSpec(const std::string& text, std::string& error);
const std::vector<std::string>& emulatorFaultNames();

struct EmulatorConfig {
    std::uint64_t seed = 0; // 0: a fresh seed each run
    int pageSize = 100;     // rows per opt10023 page before the server answers prevNext "2"
    int loginDelayMs = 800;
    int minLatencyMs = 40;
    int maxLatencyMs = 160;
    int tickMs = 1000; // one step of the market's random walk
    std::vector<LimitWindow> windows = kiwoomLimitWindows();
    std::vector<EmulatorFault> faults;
};

enum class CalendarMode {
    Auto,       // KRX for the real control, always open for the emulator's demo market
    Krx,        // the KRX calendar below, whatever the backend
    AlwaysOpen, // never closed
};

struct MarketConfig {
    CalendarMode calendar = CalendarMode::Auto;
    std::vector<std::string> holidays = defaultKrxHolidays();
    std::vector<SpecialDay> specialDays = defaultKrxSpecialDays();
};

// Where rankings come from: the OpenAPI+ control (in kiwoomd-host; the emulator where the control
// does not exist) or Kiwoom's REST API.
enum class SourceKind { OpenApi, Rest };

// Kiwoom's two REST servers: api.kiwoom.com and mockapi.kiwoom.com (their keys differ).
enum class RestServer { Live, Mock };

struct RestConfig {
    RestServer server = RestServer::Live;
    std::string baseUrl; // instead of the server's URL (a proxy, a test server)
    std::string caFile;  // one more trusted CA (PEM), for such a proxy or test server
    // The keys, when not in KIWOOM_APPKEY / KIWOOM_SECRETKEY: files only their owner may read.
    std::string appKeyFile;
    std::string secretKeyFile;
    // Pacing for the REST source; empty: the server's default (restLimitWindows()).
    std::vector<LimitWindow> windows;
};

// The tray's language: the system's (Korean on a Korean system, English otherwise) or the one named.
enum class TrayLanguage { System, Korean, English };

struct TrayConfig {
    TrayLanguage language = TrayLanguage::System;
};

// spdlog's levels, named as in the config and on the command line.
enum class LogLevel { Trace, Debug, Info, Warn, Error, Critical, Off };

// The defaults below are the only place a setting's default is written: the schema
// (ConfigSchema.h), --help and docs/config.md's check read them from a default-constructed Config.
struct Config {
    SourceKind source = SourceKind::OpenApi;
    RestConfig rest;
    ServerConfig server;
    PollingConfig polling;
    ConnectionConfig connection;
    std::vector<FeedDefinition> feeds = defaultFeeds();
    EmulatorConfig emulator;
    MarketConfig market;
    TrayConfig tray;
    LogLevel logLevel = LogLevel::Info;
};

} // namespace kiwoomd
