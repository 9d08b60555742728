// Fuzzes the strict config loader (ConfigLoader.cpp) with the text of a config file. The only
// exception allowed out is ConfigError (what the daemon turns into exit code 2 with a message);
// anything else, or a crash, is a finding. An accepted config must keep the rules the loader
// promises, so the daemon can rely on them without checking again.

#include "FuzzCheck.h"

#include "kiwoomd/core/ConfigLoader.h"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <set>
#include <string>

using namespace kiwoomd;

namespace {

void checkConfig(const Config& config) {
    FUZZ_CHECK(config.server.port >= 0 && config.server.port <= 65535);
    FUZZ_CHECK(config.server.tokenPolicy == TokenPolicy::Writes ||
               config.server.tokenPolicy == TokenPolicy::Always);
    FUZZ_CHECK(config.polling.intervalSeconds >= 1 && config.polling.intervalSeconds <= 86400);
    FUZZ_CHECK(!config.polling.windows.empty());
    for (const auto& window : config.polling.windows) {
        FUZZ_CHECK(window.maxRequests >= 1 && window.length.count() >= 1000);
    }
    FUZZ_CHECK(config.connection.reconnectMaxSeconds >= config.connection.reconnectMinSeconds);
    for (const auto& span : config.connection.maintenanceWindows) {
        FUZZ_CHECK(span.startMinute >= 0 && span.startMinute < span.endMinute && span.endMinute < 24 * 60);
        FUZZ_CHECK(span.days.any());
    }
    FUZZ_CHECK(!config.feeds.empty());
    std::set<std::string> ids;
    for (const auto& feed : config.feeds) {
        FUZZ_CHECK(ids.insert(feed.id).second);
        FUZZ_CHECK(!feed.id.empty() && feed.id.size() <= 32);
        FUZZ_CHECK(!feed.market.empty() && feed.market.size() <= 32);
        FUZZ_CHECK(feed.maxPages >= 1 && feed.maxPages <= 50);
        FUZZ_CHECK(!feed.inputs.empty());
    }
    FUZZ_CHECK(config.emulator.maxLatencyMs >= config.emulator.minLatencyMs);
    FUZZ_CHECK(config.emulator.tickMs >= 10);
    for (const auto& day : config.market.specialDays) {
        FUZZ_CHECK(day.openMinute < day.closeMinute);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        checkConfig(parseConfigText(text, "<fuzz>"));
    } catch (const ConfigError& error) {
        // The message names the source and a key path: "<fuzz>: <path>: <problem>".
        FUZZ_CHECK(std::string(error.what()).rfind("<fuzz>: ", 0) == 0);
        FUZZ_CHECK(!error.keyPath().empty() && !error.problem().empty());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "an exception other than ConfigError escaped the loader: %s\n", error.what());
        std::abort();
    }
    return 0;
}
