#pragma once
// What the tray shows, as plain values: the presenter computes them, TrayIcon only draws them.
// Thread: none of its own; values are built and read on the main thread.

#include <QString>
#include <QStringList>

namespace kiwoomd::app {

// One icon per state the user should tell apart at a glance.
enum class TrayIconKind {
    Offline,   // grey: not logged in and not trying yet
    LoggingIn, // blue
    Live,      // green: connected, fresh data
    Stale,     // amber: connected, but the data is stale, final (market closed) or polling is paused
    Error,     // red: connection lost, login failed, or the module must update
};

struct TrayMenuItem {
    QString text;
    bool enabled = true;
    bool checked = false; // for checkable entries (Start with Windows)
};

struct TrayViewModel {
    TrayIconKind icon = TrayIconKind::Offline;
    QString state;   // short: "live", "logging in", "connection lost", ...
    QString toolTip; // at most kMaxToolTipLength characters
    // Read-only lines of the menu's status section: state, user, server, last update, budget.
    QStringList statusLines;

    TrayMenuItem login; // "Log in now" or "Reconnect"
    TrayMenuItem pause; // "Pause polling" or "Resume polling"
    bool pollingPaused = false;
    TrayMenuItem openDashboard;
    TrayMenuItem copyApiUrl;
    TrayMenuItem openLogFolder;
    TrayMenuItem autostart; // "Start with Windows" (or "Start at login" elsewhere), checkable
    TrayMenuItem about;
    TrayMenuItem quit;

    QString dashboardUrl; // <base>/ , the dashboard page
    QString apiUrl;       // <base>/api/volume-ranking, what "Copy API URL" copies
};

enum class TrayNotificationLevel { Information, Warning, Critical };

struct TrayNotification {
    QString title;
    QString message;
    TrayNotificationLevel level = TrayNotificationLevel::Information;
};

// Windows keeps at most 127 characters of a notification-area tooltip (NOTIFYICONDATA::szTip).
inline constexpr int kMaxToolTipLength = 127;

} // namespace kiwoomd::app
