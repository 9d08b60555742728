#include "kiwoomd/app/tray/TrayPresenter.h"

#include "kiwoomd/core/KiwoomErrors.h"

#include <algorithm>

namespace kiwoomd::app {
namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

std::optional<Timestamp> newestFetch(const std::vector<FeedSnapshotPtr>& snapshots) {
    std::optional<Timestamp> newest;
    for (const auto& snapshot : snapshots) {
        if (snapshot && snapshot->fetchedAt && (!newest || *snapshot->fetchedAt > *newest)) {
            newest = snapshot->fetchedAt;
        }
    }
    return newest;
}

bool anyFresh(const std::vector<FeedSnapshotPtr>& snapshots) {
    return std::any_of(snapshots.begin(), snapshots.end(),
                       [](const FeedSnapshotPtr& s) { return s && !s->stale && s->fetchedAt; });
}

bool versionUpdatePending(const SessionStatus& status) {
    return status.connection != ConnectionState::Connected && status.loginError &&
           status.loginError->kiwoomCode == kiwoom_error::kVersionProcessingFailed;
}

TrayServer serverOf(const SessionStatus& status) {
    if (status.serverKind == ServerKind::Mock) {
        return TrayServer::Mock;
    }
    if (status.serverKind == ServerKind::Real) {
        return TrayServer::Real;
    }
    return TrayServer::Unknown;
}

struct StateLook {
    TrayIconKind icon;
    TrayState state;
};

StateLook lookFor(const TrayInputs& inputs) {
    const SessionStatus& status = *inputs.status;
    switch (status.connection) {
    case ConnectionState::Disconnected:
        return {TrayIconKind::Offline, TrayState::Offline};
    case ConnectionState::LoggingIn:
        return {TrayIconKind::LoggingIn, TrayState::LoggingIn};
    case ConnectionState::Lost:
        return {TrayIconKind::Error, TrayState::ConnectionLost};
    case ConnectionState::WaitingToReconnect:
        return {TrayIconKind::Error,
                versionUpdatePending(status) ? TrayState::ModuleUpdating : TrayState::LoginFailed};
    case ConnectionState::Connected:
        break;
    }
    // Paused data is no longer refreshed, whatever its age: amber, so the pause is not forgotten.
    if (status.pollingPaused) {
        return {TrayIconKind::Stale, TrayState::PollingPaused};
    }
    if (!newestFetch(inputs.snapshots)) {
        return {TrayIconKind::Stale, TrayState::WaitingForData};
    }
    if (!status.marketOpen) {
        return {TrayIconKind::Stale, TrayState::MarketClosed};
    }
    if (anyFresh(inputs.snapshots)) {
        return {TrayIconKind::Live, TrayState::Live};
    }
    return {TrayIconKind::Stale, TrayState::DataStale};
}

std::optional<TrayBudget> fullestWindow(const SessionStatus& status) {
    const WindowUsage* fullest = nullptr;
    for (const auto& window : status.budget) {
        if (window.maxRequests <= 0) {
            continue;
        }
        if (!fullest || static_cast<long long>(window.used) * fullest->maxRequests >
                            static_cast<long long>(fullest->used) * window.maxRequests) {
            fullest = &window;
        }
    }
    if (!fullest) {
        return std::nullopt;
    }
    return TrayBudget{fullest->used, fullest->maxRequests, fullest->seconds};
}

TrayNotice noticeOf(TrayNoticeKind kind, TrayNotificationLevel level) {
    TrayNotice notice;
    notice.kind = kind;
    notice.level = level;
    return notice;
}

} // namespace

TrayAge ageInUnits(std::chrono::seconds age) {
    const long long s = std::max<long long>(0, age.count());
    if (s < 120) {
        return {s, TrayAgeUnit::Seconds};
    }
    if (s < 120 * 60) {
        return {s / 60, TrayAgeUnit::Minutes};
    }
    if (s < 48 * 3600) {
        return {s / 3600, TrayAgeUnit::Hours};
    }
    return {s / 86400, TrayAgeUnit::Days};
}

TrayNotificationLevel statusMessageLevel(const TrayViewModel& model) {
    return model.icon == TrayIconKind::Error ? TrayNotificationLevel::Warning
                                             : TrayNotificationLevel::Information;
}

TrayPresenter::TrayPresenter(TrayPresenterSettings settings)
    : m_settings(std::move(settings)) {}

TrayViewModel TrayPresenter::present(const TrayInputs& inputs) const {
    const SessionStatus& status = *inputs.status;
    const StateLook look = lookFor(inputs);
    TrayViewModel model;
    model.icon = look.icon;
    model.state = look.state;

    model.userIdMasked = q(status.userIdMasked);
    model.server = serverOf(status);
    model.backend = status.backend;
    if (const auto newest = newestFetch(inputs.snapshots)) {
        model.lastUpdate = newest;
        model.dataAge = duration_cast<seconds>(inputs.now - *newest);
    }
    model.budget = fullestWindow(status);
    if (status.host) {
        model.host =
            TrayHost{status.host->pid, status.host->state, status.host->restarts, q(status.host->lastExit)};
    }
    if (status.nextReconnectAt && (status.connection == ConnectionState::Lost ||
                                   status.connection == ConnectionState::WaitingToReconnect)) {
        model.nextLogin = status.nextReconnectAt;
    }
    if (look.icon == TrayIconKind::Error && status.lastError) {
        model.lastError = q(status.lastError->message);
    }

    // Log in / Reconnect: "Reconnect" while connected; "Log in now" skips a pending backoff wait.
    switch (status.connection) {
    case ConnectionState::Connected:
        model.login = TrayLoginAction::Reconnect;
        model.loginItem = {true, false};
        break;
    case ConnectionState::LoggingIn:
        model.login = TrayLoginAction::LoggingIn;
        model.loginItem = {false, false};
        break;
    default:
        model.login = TrayLoginAction::LogInNow;
        model.loginItem = {true, false};
        break;
    }
    model.pollingPaused = status.pollingPaused;
    model.pause = {true, false};
    model.openDashboard = {true, false};
    model.copyApiUrl = {true, false};
    model.openLogFolder = {true, false};
    model.autostart = {true, inputs.autostartEnabled};
    model.about = {true, false};
    model.quit = {true, false};
    model.baseUrl = m_settings.baseUrl;
    model.dashboardUrl = m_settings.baseUrl + QLatin1Char('/');
    model.apiUrl = m_settings.baseUrl + QStringLiteral("/api/volume-ranking");
    return model;
}

std::optional<TrayNotice> TrayPresenter::notification(const TrayInputs& inputs) {
    const SessionStatus& status = *inputs.status;
    std::optional<TrayNotice> result;

    const bool firstCall = !m_seenFirst;
    const bool lost = !firstCall && status.reconnectCount > m_lastReconnectCount;
    const bool reconnected = !firstCall && m_everConnected &&
                             status.connection == ConnectionState::Connected &&
                             m_lastConnection != ConnectionState::Connected;
    const bool throttled =
        !firstCall && status.requests.throttled > m_lastThrottled &&
        (!m_lastThrottleNotice || inputs.now - *m_lastThrottleNotice >= kThrottleNoticeInterval);

    if (versionUpdatePending(status) && !m_versionNoticeShown) {
        m_versionNoticeShown = true;
        result = noticeOf(TrayNoticeKind::ModuleUpdating, TrayNotificationLevel::Critical);
    } else if (reconnected) {
        result = noticeOf(TrayNoticeKind::Reconnected, TrayNotificationLevel::Information);
        result->server = serverOf(status);
    } else if (lost) {
        result = noticeOf(TrayNoticeKind::ConnectionLost, TrayNotificationLevel::Warning);
        result->error = status.lastError ? q(status.lastError->message) : QString();
        result->nextLogin = status.nextReconnectAt;
    } else if (throttled) {
        m_lastThrottleNotice = inputs.now;
        result = noticeOf(TrayNoticeKind::Throttled, TrayNotificationLevel::Warning);
        result->throttledCount = status.requests.throttled;
    }

    m_seenFirst = true;
    m_lastConnection = status.connection;
    m_lastReconnectCount = status.reconnectCount;
    m_lastThrottled = status.requests.throttled;
    m_everConnected = m_everConnected || status.connection == ConnectionState::Connected;
    return result;
}

} // namespace kiwoomd::app
