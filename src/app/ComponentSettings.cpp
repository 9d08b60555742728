#include "ComponentSettings.h"

#include "kiwoomd/core/ConfigSchema.h"
#include "kiwoomd/core/PollBudget.h"

#include <chrono>

namespace kiwoomd::app {
namespace {

// The KRX calendar for the real control; the emulator's demo market trades around the clock
// unless the config asks for the KRX calendar.
MarketCalendar calendarFor(const Config& config, bool emulated) {
    const bool alwaysOpen = config.market.calendar == CalendarMode::AlwaysOpen ||
                            (config.market.calendar == CalendarMode::Auto && emulated);
    return alwaysOpen ? MarketCalendar::alwaysOpen()
                      : MarketCalendar(config.market.holidays, config.market.specialDays);
}

// The pacing windows of the configured source.
std::vector<LimitWindow> limitWindows(const Config& config) {
    if (config.source == SourceKind::Rest) {
        return config.rest.windows.empty() ? restLimitWindows(configName(config.rest.server))
                                           : config.rest.windows;
    }
    return config.polling.windows;
}

} // namespace

std::string defaultMarket(const Config& config) {
    for (const auto& feed : config.feeds) {
        if (feed.market == "kospi") {
            return feed.market;
        }
    }
    return config.feeds.empty() ? std::string("kospi") : config.feeds.front().market;
}

SessionSettings sessionSettings(const Config& config, bool emulated) {
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    SessionSettings settings;
    settings.feeds = config.feeds;
    settings.limitWindows = limitWindows(config);
    settings.safetyMargin = milliseconds(config.polling.safetyMarginMs);
    settings.pollIntervalAuto = config.polling.intervalAuto;
    settings.pollInterval =
        config.polling.intervalAuto
            ? autoPollInterval(settings.feeds, settings.limitWindows, settings.safetyMargin)
            : seconds(config.polling.intervalSeconds);
    settings.requestTimeout = seconds(config.polling.requestTimeoutSeconds);
    settings.maxThrottleBackoff = seconds(config.polling.maxThrottleBackoffSeconds);
    settings.staleAfterIntervals = config.polling.staleAfterIntervals;
    settings.calendar = calendarFor(config, emulated);
    settings.connection.loginTimeout = seconds(config.connection.loginTimeoutSeconds);
    settings.connection.reconnectMin = seconds(config.connection.reconnectMinSeconds);
    settings.connection.reconnectMax = seconds(config.connection.reconnectMaxSeconds);
    settings.connection.maintenanceWindows = config.connection.maintenanceWindows;
    return settings;
}

http::StreamSettings streamSettings(const Config& config) {
    http::StreamSettings settings;
    settings.maxSubscribers = config.server.maxStreamSubscribers;
    return settings;
}

http::TransportSettings transportSettings(const Config& config) {
    using std::chrono::seconds;
    http::TransportSettings settings;
    settings.maxConnections = config.server.maxConnections;
    settings.keepAliveTimeout = seconds(config.server.keepAliveTimeoutSeconds);
    settings.readTimeout = seconds(config.server.requestTimeoutSeconds);
    settings.writeTimeout = seconds(config.server.writeTimeoutSeconds);
    settings.maxRequestHeadBytes = static_cast<std::size_t>(config.server.maxRequestHeadBytes);
    return settings;
}

RestSettings restSettings(const Config& config) {
    RestSettings settings;
    settings.server = config.rest.server;
    settings.baseUrl = QUrl(QString::fromStdString(
        !config.rest.baseUrl.empty() ? config.rest.baseUrl
                                     : (config.rest.server == RestServer::Mock ? "https://mockapi.kiwoom.com"
                                                                               : "https://api.kiwoom.com")));
    settings.caFile = QString::fromStdString(config.rest.caFile);
    return settings;
}

} // namespace kiwoomd::app
