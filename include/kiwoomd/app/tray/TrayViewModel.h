#pragma once
// What the tray shows, as plain values: the presenter computes them, TrayText turns them into the
// words of the chosen language, and TrayIcon only draws the result. No sentence is decided here.
// Thread: none of its own; values are built and read on the main thread.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/SessionStatus.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <optional>

namespace kiwoomd::app {

// One icon per state the user should tell apart at a glance.
enum class TrayIconKind {
    Offline,   // grey: not logged in and not trying yet
    LoggingIn, // blue
    Live,      // green: connected, fresh data
    Stale,     // amber: connected, but the data is stale, final (market closed) or polling is paused
    Error,     // red: connection lost, login failed, or the module must update
};

// The state the tray names: finer than the icon (several states share one colour).
enum class TrayState {
    Offline,
    LoggingIn,
    ConnectionLost,
    LoginFailed,
    ModuleUpdating, // a login was refused with -102: the module installs its update
    PollingPaused,
    WaitingForData,
    MarketClosed,
    Live,
    DataStale,
};

// Which server the session logged in to, as far as it knows (the dashboard's 실서버 / 모의투자).
enum class TrayServer { Unknown, Mock, Real };

// What the login entry of the menu offers.
enum class TrayLoginAction {
    LogInNow,  // skips a pending backoff wait
    LoggingIn, // a login is under way (shown disabled)
    Reconnect, // while connected: a fresh login
};

// The pacing window closest to its limit: the one that decides when the next request may go.
struct TrayBudget {
    int used = 0;
    int maxRequests = 0;
    int seconds = 0;
};

// The control's host process: whether it runs, how often it was replaced, and why it last ended.
struct TrayHost {
    std::int64_t pid = 0; // 0 while no host runs
    HostState state = HostState::Stopped;
    int restarts = 0;
    QString lastExit; // "" before any host ended
};

struct TrayMenuItem {
    bool enabled = true;
    bool checked = false; // for checkable entries (Start with Windows)
};

struct TrayViewModel {
    TrayIconKind icon = TrayIconKind::Offline;
    TrayState state = TrayState::Offline;

    // The menu's read-only status section: user, server, last update, budget, host, errors.
    QString userIdMasked; // empty while not logged in
    TrayServer server = TrayServer::Unknown;
    Backend backend = Backend::Emulator;
    std::optional<Timestamp> lastUpdate;
    std::optional<std::chrono::seconds> dataAge; // with lastUpdate
    std::optional<TrayBudget> budget;
    std::optional<TrayHost> host;
    std::optional<Timestamp> nextLogin; // only while waiting to log in again
    QString lastError;                  // only with the error icon; "" when there is none

    TrayLoginAction login = TrayLoginAction::LogInNow;
    TrayMenuItem loginItem;
    bool pollingPaused = false; // the pause entry offers to resume
    TrayMenuItem pause;
    TrayMenuItem openDashboard;
    TrayMenuItem copyApiUrl;
    TrayMenuItem openLogFolder;
    TrayMenuItem autostart; // "Start with Windows" (or "Start at login" elsewhere), checkable
    TrayMenuItem about;
    TrayMenuItem quit;

    QString baseUrl;      // "http://127.0.0.1:8000", where kiwoomd serves
    QString dashboardUrl; // <base>/ , the dashboard page
    QString apiUrl;       // <base>/api/volume-ranking, what "Copy API URL" copies
};

enum class TrayNotificationLevel { Information, Warning, Critical };

// Why the tray pops up a message, with the values the message names.
enum class TrayNoticeKind {
    ModuleUpdating, // the OpenAPI module installs an update; kiwoomd logs in with a fresh host
    Reconnected,    // logged in again after a loss
    ConnectionLost,
    Throttled, // the server refused a query with -200
};

struct TrayNotice {
    TrayNoticeKind kind = TrayNoticeKind::ConnectionLost;
    TrayNotificationLevel level = TrayNotificationLevel::Information;
    TrayServer server = TrayServer::Unknown; // Reconnected
    QString error;                           // ConnectionLost: the last error, "" if none
    std::optional<Timestamp> nextLogin;      // ConnectionLost
    std::uint64_t throttledCount = 0;        // Throttled: refusals since the start
};

// A pop-up as shown: the words of a TrayNotice or of the status message.
struct TrayNotification {
    QString title;
    QString message;
    TrayNotificationLevel level = TrayNotificationLevel::Information;
};

// Windows keeps at most 127 characters of a notification-area tooltip (NOTIFYICONDATA::szTip).
inline constexpr int kMaxToolTipLength = 127;

} // namespace kiwoomd::app
