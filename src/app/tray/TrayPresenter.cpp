#include "TrayPresenter.h"

#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"

#include <algorithm>

namespace kiwoomd::app {
namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;

constexpr int kMaxErrorLineLength = 90; // menus grow as wide as their longest entry

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

QString elide(const QString& text, int maxLength) {
    return text.size() <= maxLength ? text : text.left(maxLength - 1) + QChar(0x2026);
}

// "09:14:12 KST": the menu and pop-ups show times of today, in the market's time zone.
QString kstTime(Timestamp time) {
    const KstDateTime t = toKst(time);
    return QStringLiteral("%1:%2:%3 KST")
        .arg(t.hour, 2, 10, QLatin1Char('0'))
        .arg(t.minute, 2, 10, QLatin1Char('0'))
        .arg(t.second, 2, 10, QLatin1Char('0'));
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

// The control's host process: whether it runs, how often it was replaced, and why it last ended.
QString hostLine(const HostStatus& host) {
    QString line =
        host.pid != 0
            ? QStringLiteral("Control host: %1 (pid %2)").arg(q(hostStateName(host.state))).arg(host.pid)
            : QStringLiteral("Control host: %1").arg(q(hostStateName(host.state)));
    if (host.restarts > 0) {
        line += QStringLiteral(", replaced %1 times").arg(host.restarts);
    }
    if (!host.lastExit.empty()) {
        line += QStringLiteral("; last ended: %1").arg(q(host.lastExit));
    }
    return elide(line, kMaxErrorLineLength);
}

QString serverText(const SessionStatus& status) {
    if (status.serverKind != ServerKind::Unknown) {
        return q(serverKindName(status.serverKind)) + QStringLiteral(" server");
    }
    return QStringLiteral("server not known yet");
}

QString ageText(const TrayInputs& inputs) {
    const auto newest = newestFetch(inputs.snapshots);
    if (!newest) {
        return QStringLiteral("no data yet");
    }
    return QStringLiteral("data %1 old").arg(formatAge(duration_cast<seconds>(inputs.now - *newest)));
}

struct StateLook {
    TrayIconKind icon;
    QString state;
};

StateLook lookFor(const TrayInputs& inputs) {
    const SessionStatus& status = *inputs.status;
    switch (status.connection) {
    case ConnectionState::Disconnected:
        return {TrayIconKind::Offline, QStringLiteral("offline")};
    case ConnectionState::LoggingIn:
        return {TrayIconKind::LoggingIn, QStringLiteral("logging in")};
    case ConnectionState::Lost:
        return {TrayIconKind::Error, QStringLiteral("connection lost")};
    case ConnectionState::WaitingToReconnect:
        return {TrayIconKind::Error, versionUpdatePending(status) ? QStringLiteral("OpenAPI module updating")
                                                                  : QStringLiteral("login failed")};
    case ConnectionState::Connected:
        break;
    }
    // Paused data is no longer refreshed, whatever its age: amber, so the pause is not forgotten.
    if (status.pollingPaused) {
        return {TrayIconKind::Stale, QStringLiteral("polling paused")};
    }
    if (!newestFetch(inputs.snapshots)) {
        return {TrayIconKind::Stale, QStringLiteral("waiting for data")};
    }
    if (!status.marketOpen) {
        return {TrayIconKind::Stale, QStringLiteral("market closed")};
    }
    if (anyFresh(inputs.snapshots)) {
        return {TrayIconKind::Live, QStringLiteral("live")};
    }
    return {TrayIconKind::Stale, QStringLiteral("data stale")};
}

// The pacing window closest to its limit: the one that decides when the next request may go.
QString budgetLine(const SessionStatus& status) {
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
        return {};
    }
    return QStringLiteral("Request budget: %1 of %2 per %3 s used")
        .arg(fullest->used)
        .arg(fullest->maxRequests)
        .arg(fullest->seconds);
}

} // namespace

QString formatAge(std::chrono::seconds age) {
    const long long s = std::max<long long>(0, age.count());
    if (s < 120) {
        return QStringLiteral("%1 s").arg(s);
    }
    if (s < 120 * 60) {
        return QStringLiteral("%1 min").arg(s / 60);
    }
    if (s < 48 * 3600) {
        return QStringLiteral("%1 h").arg(s / 3600);
    }
    return QStringLiteral("%1 days").arg(s / 86400);
}

TrayPresenter::TrayPresenter(TrayPresenterSettings settings)
    : m_settings(std::move(settings)) {}

TrayViewModel TrayPresenter::present(const TrayInputs& inputs) const {
    const SessionStatus& status = *inputs.status;
    const StateLook look = lookFor(inputs);
    TrayViewModel model;
    model.icon = look.icon;
    model.state = look.state;
    model.toolTip =
        elide(QStringLiteral("kiwoomd: %1\n%2, %3").arg(look.state, serverText(status), ageText(inputs)),
              kMaxToolTipLength);

    model.statusLines << QStringLiteral("Status: %1").arg(look.state);
    model.statusLines << QStringLiteral("User: %1")
                             .arg(status.userIdMasked.empty() ? QStringLiteral("not logged in")
                                                              : q(status.userIdMasked));
    model.statusLines << QStringLiteral("Server: %1 (%2 backend)")
                             .arg(status.serverKind == ServerKind::Unknown
                                      ? QStringLiteral("not known yet")
                                      : q(serverKindName(status.serverKind)),
                                  q(status.backend));
    if (const auto newest = newestFetch(inputs.snapshots)) {
        model.statusLines << QStringLiteral("Last update: %1 (%2 ago)")
                                 .arg(kstTime(*newest),
                                      formatAge(duration_cast<seconds>(inputs.now - *newest)));
    } else {
        model.statusLines << QStringLiteral("Last update: none yet");
    }
    if (const QString budget = budgetLine(status); !budget.isEmpty()) {
        model.statusLines << budget;
    }
    if (status.host) {
        model.statusLines << hostLine(*status.host);
    }
    if (status.nextReconnectAt && (status.connection == ConnectionState::Lost ||
                                   status.connection == ConnectionState::WaitingToReconnect)) {
        model.statusLines << QStringLiteral("Next login: %1").arg(kstTime(*status.nextReconnectAt));
    }
    if (look.icon == TrayIconKind::Error && status.lastError) {
        model.statusLines << elide(QStringLiteral("Last error: %1").arg(q(status.lastError->message)),
                                   kMaxErrorLineLength);
    }

    // Log in / Reconnect: "Reconnect" while connected; "Log in now" skips a pending backoff wait.
    switch (status.connection) {
    case ConnectionState::Connected:
        model.login = {QStringLiteral("Reconnect"), true};
        break;
    case ConnectionState::LoggingIn:
        model.login = {QStringLiteral("Logging in") + QChar(0x2026), false};
        break;
    default:
        model.login = {QStringLiteral("Log in now"), true};
        break;
    }
    model.pollingPaused = status.pollingPaused;
    model.pause = {status.pollingPaused ? QStringLiteral("Resume polling") : QStringLiteral("Pause polling"),
                   true};
    model.openDashboard = {QStringLiteral("Open dashboard"), true};
    model.copyApiUrl = {QStringLiteral("Copy API URL"), true};
    model.openLogFolder = {QStringLiteral("Open log folder"), true};
    model.autostart = {m_settings.autostartLabel, true, inputs.autostartEnabled};
    model.about = {QStringLiteral("About kiwoomd"), true};
    model.quit = {QStringLiteral("Quit kiwoomd"), true};
    model.dashboardUrl = m_settings.baseUrl + QLatin1Char('/');
    model.apiUrl = m_settings.baseUrl + QStringLiteral("/api/volume-ranking");
    return model;
}

std::optional<TrayNotification> TrayPresenter::notification(const TrayInputs& inputs) {
    const SessionStatus& status = *inputs.status;
    std::optional<TrayNotification> result;

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
        result = TrayNotification{QStringLiteral("Kiwoom OpenAPI+ is updating itself"),
                                  QStringLiteral("The OpenAPI module installs an update. kiwoomd ends the "
                                                 "control's host and logs in again with a fresh one."),
                                  TrayNotificationLevel::Critical};
    } else if (reconnected) {
        result = TrayNotification{
            QStringLiteral("Reconnected to Kiwoom"),
            QStringLiteral("Logged in again on the %1; polling goes on.").arg(serverText(status)),
            TrayNotificationLevel::Information};
    } else if (lost) {
        QString message = status.lastError ? q(status.lastError->message) : QStringLiteral("connection lost");
        if (status.nextReconnectAt) {
            message += QStringLiteral(". Logging in again at %1.").arg(kstTime(*status.nextReconnectAt));
        }
        result = TrayNotification{QStringLiteral("Connection to Kiwoom lost"), message,
                                  TrayNotificationLevel::Warning};
    } else if (throttled) {
        m_lastThrottleNotice = inputs.now;
        result = TrayNotification{
            QStringLiteral("Kiwoom is throttling requests"),
            QStringLiteral("The server refused a query with -200 (%1 since the start). kiwoomd waits and "
                           "retries; the data may lag meanwhile.")
                .arg(status.requests.throttled),
            TrayNotificationLevel::Warning};
    }

    m_seenFirst = true;
    m_lastConnection = status.connection;
    m_lastReconnectCount = status.reconnectCount;
    m_lastThrottled = status.requests.throttled;
    m_everConnected = m_everConnected || status.connection == ConnectionState::Connected;
    return result;
}

TrayNotification TrayPresenter::statusMessage(const TrayInputs& inputs) const {
    const TrayViewModel model = present(inputs);
    QStringList lines = model.statusLines.mid(1); // the title already says the state
    lines << QStringLiteral("Serving %1").arg(m_settings.baseUrl);
    return TrayNotification{QStringLiteral("kiwoomd: %1").arg(model.state), lines.join(QLatin1Char('\n')),
                            model.icon == TrayIconKind::Error ? TrayNotificationLevel::Warning
                                                              : TrayNotificationLevel::Information};
}

} // namespace kiwoomd::app
