#pragma once
// The login state machine over a Source: logs in, notices drops (the server's, or the death or hang
// of the control's host process), logs in again with a fresh control after exponential backoff,
// and waits out Kiwoom's daily maintenance windows instead of hammering the server. A version
// update of the OpenAPI module is one more reason to start a fresh host.
// Thread: the Qt main thread.

#include "kiwoomd/core/Config.h"
#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/core/SessionStatus.h"
#include "kiwoomd/kiwoom/Source.h"

#include <QObject>

#include <chrono>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace kiwoomd {

struct ConnectionSettings {
    std::chrono::milliseconds loginTimeout{120000};
    std::chrono::milliseconds reconnectMin{5000};
    std::chrono::milliseconds reconnectMax{300000};
    std::vector<MaintenanceWindow> maintenanceWindows = ConnectionConfig{}.maintenanceWindows;
};

class ConnectionSupervisor : public QObject {
    Q_OBJECT

public:
    ConnectionSupervisor(Source& source, ConnectionSettings settings, Scheduler& scheduler,
                         QObject* parent = nullptr);

    void start(); // from disconnected or a waiting state: log in now

    // The user's "Log in now" / "Reconnect" (tray): skips a pending backoff wait and logs in at
    // once; while connected, ends the session first (a fresh control logs in). Returns whether a
    // login started: not while one is under way.
    bool reconnectNow();

    ConnectionState state() const { return m_state; }
    Timestamp since() const { return m_since; }
    int reconnectCount() const { return m_reconnectCount; }
    std::optional<Timestamp> nextAttemptAt() const { return m_nextAttemptAt; }
    const std::optional<ErrorInfo>& loginError() const { return m_loginError; }
    const std::optional<ErrorInfo>& lastError() const { return m_lastError; }
    ServerKind serverKind() const { return m_serverKind; }
    const std::string& userIdMasked() const { return m_userIdMasked; }

    // How long until a reconnect attempt made at `now` after `attempts` failures may run: the
    // exponential backoff, pushed past any maintenance window it would land in.
    std::chrono::milliseconds reconnectDelay(Timestamp now, int attempts);

signals:
    void stateChanged();
    void connected();
    void disconnected(); // a live connection went away
    // The OpenAPI module must update itself (-102): its host ends, and a fresh one logs in later.
    void versionUpdateRequired();

private:
    void onLoggedIn(const LoginInfo& info);
    void onLoginFailed(int code, const QString& reason);
    void onLost(int code, const QString& reason);
    void onLoginTimeout();
    void setState(ConnectionState state);
    void scheduleReconnect(ConnectionState waitingState);
    std::optional<std::chrono::milliseconds> untilMaintenanceEnds(Timestamp at) const;

    Source& m_source;
    ConnectionSettings m_settings;
    Scheduler& m_scheduler;
    ConnectionState m_state = ConnectionState::Disconnected;
    Timestamp m_since;
    int m_reconnectCount = 0;
    int m_failedAttempts = 0;
    std::optional<Timestamp> m_nextAttemptAt;
    std::optional<ErrorInfo> m_loginError;
    std::optional<ErrorInfo> m_lastError;
    ServerKind m_serverKind = ServerKind::Unknown;
    std::string m_userIdMasked;
    std::minstd_rand m_jitter;
    ScheduledTask m_loginTimeoutTask;
    ScheduledTask m_reconnectTask;
};

} // namespace kiwoomd
