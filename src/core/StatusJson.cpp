#include "kiwoomd/core/StatusJson.h"

#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"

#include <algorithm>

namespace kiwoomd {
namespace {

nlohmann::ordered_json timeOrNull(const std::optional<Timestamp>& time) {
    return time ? nlohmann::ordered_json(toKstIso8601(*time)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json errorOrNull(const std::optional<ErrorInfo>& error) {
    if (!error) {
        return nullptr;
    }
    return {{json::kKiwoomCode, error->kiwoomCode},
            {json::kMeaning, error->kiwoomCode != 0
                                 ? nlohmann::ordered_json(kiwoom_error::describe(error->kiwoomCode))
                                 : nlohmann::ordered_json(nullptr)},
            {json::kErrorMessage, error->message},
            {json::kAt, toKstIso8601(error->at)}};
}

} // namespace

nlohmann::ordered_json feedStatusToJson(const FeedStatus& feed, Timestamp now) {
    nlohmann::ordered_json inputs = nlohmann::ordered_json::object();
    for (const auto& [name, value] : feed.inputs) {
        inputs[name] = value;
    }
    return {
        {json::kId, feed.id},
        {json::kMarket, feed.market},
        {json::kTr, feed.trCode},
        {json::kInputs, std::move(inputs)},
        {json::kLastFetch, timeOrNull(feed.lastFetch)},
        {json::kLastAttempt, timeOrNull(feed.lastAttempt)},
        {json::kRowCount, feed.rowCount},
        {json::kSkippedRows, feed.skippedRows},
        {json::kVersion, feed.version},
        {json::kAgeSeconds,
         feed.lastFetch
             ? nlohmann::ordered_json(std::max<long long>(
                   0, std::chrono::duration_cast<std::chrono::seconds>(now - *feed.lastFetch).count()))
             : nlohmann::ordered_json(nullptr)},
        {json::kStale, feed.stale},
        {json::kRestored, feed.restored},
        {json::kPolling, feedPollingName(feed.polling)},
        {json::kNote,
         feed.note.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(feed.note)},
        {json::kLastError, errorOrNull(feed.lastError)},
    };
}

nlohmann::ordered_json hostOrNull(const std::optional<HostStatus>& host) {
    if (!host) {
        return nullptr;
    }
    return {{json::kPid, host->pid},
            {json::kRestarts, host->restarts},
            {json::kState, hostStateName(host->state)},
            {json::kLastExit, host->lastExit},
            {json::kBits, host->bits}};
}

nlohmann::ordered_json sessionStatusToJson(const SessionStatus& status, Timestamp now) {
    nlohmann::ordered_json feeds = nlohmann::ordered_json::array();
    for (const auto& feed : status.feeds) {
        feeds.push_back(feedStatusToJson(feed, now));
    }
    nlohmann::ordered_json budget = nlohmann::ordered_json::array();
    for (const auto& window : status.budget) {
        budget.push_back({{json::kMaxRequests, window.maxRequests},
                          {json::kSeconds, window.seconds},
                          {json::kUsed, window.used}});
    }
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(now - status.startedAt).count();
    return {
        {json::kBackend, backendName(status.backend)},
        {json::kConnection, connectionStateName(status.connection)},
        {json::kConnectionSince, toKstIso8601(status.connectionSince)},
        {json::kReconnectCount, status.reconnectCount},
        {json::kNextReconnectAt, timeOrNull(status.nextReconnectAt)},
        {json::kLastError, errorOrNull(status.lastError)},
        {json::kServer, serverKindName(status.serverKind)},
        {json::kUserId, status.userIdMasked},
        {json::kLoginError, errorOrNull(status.loginError)},
        {json::kMarketOpen, status.marketOpen},
        {json::kPollInterval, status.pollIntervalSeconds},
        {json::kPollIntervalAuto, status.pollIntervalAuto},
        {json::kPollingPaused, status.pollingPaused},
        {json::kFeeds, std::move(feeds)},
        {json::kRequests,
         {{json::kSent, status.requests.sent},
          {json::kSucceeded, status.requests.succeeded},
          {json::kThrottled, status.requests.throttled},
          {json::kFailed, status.requests.failed},
          {json::kTimedOut, status.requests.timedOut}}},
        {json::kBudget, std::move(budget)},
        {json::kStartedAt, toKstIso8601(status.startedAt)},
        {json::kUptime, uptime < 0 ? 0 : uptime},
        {json::kHost, hostOrNull(status.host)},
    };
}

} // namespace kiwoomd
