#pragma once
// The tray's logic without widgets: from the session status, the feed snapshots and the time it
// decides the icon, the texts, which menu entries are enabled, and when to notify the user.
// Unit tests drive it without a display; TrayIcon renders what it returns.
// Thread: main thread (not thread-safe; notification() keeps state between calls).

#include "kiwoomd/app/tray/TrayViewModel.h"

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/core/SessionStatus.h"
#include "kiwoomd/core/StatusBoard.h"

#include <QString>

#include <chrono>
#include <optional>
#include <vector>

namespace kiwoomd::app {

struct TrayInputs {
    SessionStatusPtr status; // never null
    std::vector<FeedSnapshotPtr> snapshots;
    Timestamp now{};
    bool autostartEnabled = false;
};

struct TrayPresenterSettings {
    QString baseUrl;        // "http://127.0.0.1:8000"
    QString autostartLabel; // "Start with Windows", or "Start at login" outside Windows
};

class TrayPresenter {
public:
    // Throttling is reported once, then not again for this long, so a busy day is not a stream
    // of pop-ups.
    static constexpr std::chrono::minutes kThrottleNoticeInterval{10};

    explicit TrayPresenter(TrayPresenterSettings settings);

    TrayViewModel present(const TrayInputs& inputs) const;

    // Compares with the inputs of the previous call and returns what deserves a pop-up: a lost
    // connection, a reconnect after one, throttling, a version update. The first call only
    // records (the first login is not news), unless the module already asks for its update.
    std::optional<TrayNotification> notification(const TrayInputs& inputs);

    // The pop-up shown on request, e.g. when a second start asks the running daemon.
    TrayNotification statusMessage(const TrayInputs& inputs) const;

private:
    TrayPresenterSettings m_settings;
    bool m_seenFirst = false;
    ConnectionState m_lastConnection = ConnectionState::Disconnected;
    int m_lastReconnectCount = 0;
    std::uint64_t m_lastThrottled = 0;
    bool m_everConnected = false;
    bool m_versionNoticeShown = false;
    std::optional<Timestamp> m_lastThrottleNotice;
};

// "12 s", "5 min", "3 h", "2 days": a data age as a person reads it.
QString formatAge(std::chrono::seconds age);

} // namespace kiwoomd::app
