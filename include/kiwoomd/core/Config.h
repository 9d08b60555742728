#pragma once
// The daemon's configuration as plain data, with the defaults a first run uses.

#include "kiwoomd/core/FeedDefinition.h"
#include "kiwoomd/core/RequestLimiter.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiwoomd {

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8000;
};

struct PollingConfig {
    int intervalSeconds = 60; // as in the seed prototype
    int requestTimeoutSeconds = 15;
    // Pacing stays this far inside the server's windows: each window is lengthened by it.
    int safetyMarginMs = 250;
    std::vector<LimitWindow> windows = kiwoomLimitWindows();
};

struct EmulatorConfig {
    std::uint64_t seed = 0; // 0: a fresh seed each run
    int pageSize = 100;     // rows per opt10023 page before the server answers prevNext "2"
    int loginDelayMs = 800;
    int minLatencyMs = 40;
    int maxLatencyMs = 160;
    int tickMs = 1000; // one step of the market's random walk
    std::vector<LimitWindow> windows = kiwoomLimitWindows();
};

struct Config {
    ServerConfig server;
    PollingConfig polling;
    std::vector<FeedDefinition> feeds = defaultFeeds();
    EmulatorConfig emulator;
    std::vector<std::string> holidays; // "YYYY-MM-DD", KST
    std::string logLevel = "info";
};

} // namespace kiwoomd
