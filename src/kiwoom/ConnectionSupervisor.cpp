#include "kiwoomd/kiwoom/ConnectionSupervisor.h"

#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiwoomd {

using std::chrono::milliseconds;

ConnectionSupervisor::ConnectionSupervisor(Source& source, ConnectionSettings settings, Scheduler& scheduler,
                                           QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_settings(std::move(settings))
    , m_scheduler(scheduler)
    , m_since(scheduler.now())
    , m_jitter(static_cast<unsigned>(scheduler.now().time_since_epoch().count()))
    , m_loginTimeoutTask(scheduler)
    , m_reconnectTask(scheduler) {
    connect(&m_source, &Source::loggedIn, this, &ConnectionSupervisor::onLoggedIn);
    connect(&m_source, &Source::loginFailed, this, &ConnectionSupervisor::onLoginFailed);
    connect(&m_source, &Source::lost, this, &ConnectionSupervisor::onLost);
}

void ConnectionSupervisor::setState(ConnectionState state) {
    if (m_state == state) {
        return;
    }
    spdlog::info("connection: {} -> {}", connectionStateName(m_state), connectionStateName(state));
    m_state = state;
    m_since = m_scheduler.now();
    emit stateChanged();
}

void ConnectionSupervisor::start() {
    if (m_state == ConnectionState::LoggingIn || m_state == ConnectionState::Connected) {
        return;
    }
    m_reconnectTask.stop();
    m_nextAttemptAt.reset();
    setState(ConnectionState::LoggingIn);
    spdlog::info("logging in through the {} source", backendName(m_source.backend()));
    m_loginTimeoutTask.start(m_settings.loginTimeout, [this] { onLoginTimeout(); });
    m_source.logIn();
}

bool ConnectionSupervisor::reconnectNow() {
    if (m_state == ConnectionState::LoggingIn) {
        spdlog::info("reconnect requested while logging in: nothing to do");
        return false;
    }
    if (m_state == ConnectionState::Connected) {
        spdlog::info("reconnect requested: ending the session and logging in with a fresh control");
        m_source.logOut();
        setState(ConnectionState::Disconnected);
        emit disconnected(); // the session drops its queue; not counted as a lost connection
    }
    start();
    return true;
}

void ConnectionSupervisor::onLoginTimeout() {
    if (m_state != ConnectionState::LoggingIn) {
        return;
    }
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_settings.loginTimeout).count();
    m_loginError =
        ErrorInfo{0, "login did not finish within " + std::to_string(seconds) + " s", m_scheduler.now()};
    m_lastError = m_loginError;
    spdlog::error("{}", m_loginError->message);
    m_source.logOut();  // a control stuck in its login (a dialog nobody answers) goes with its host
    ++m_failedAttempts; // repeated timeouts back off like refused logins
    scheduleReconnect(ConnectionState::WaitingToReconnect);
}

void ConnectionSupervisor::onLoggedIn(const LoginInfo& info) {
    m_loginTimeoutTask.stop();
    if (m_state == ConnectionState::Connected) {
        return;
    }
    m_failedAttempts = 0;
    m_loginError.reset();
    m_serverKind = info.serverKind;
    m_userIdMasked = maskUserId(info.userId);
    if (m_userIdMasked.empty()) {
        spdlog::info("logged in on the {} server", serverKindName(m_serverKind));
    } else {
        spdlog::info("logged in as {} on the {} server", m_userIdMasked, serverKindName(m_serverKind));
    }
    setState(ConnectionState::Connected);
    emit connected();
}

void ConnectionSupervisor::onLost(int code, const QString& reason) {
    m_loginTimeoutTask.stop();
    if (m_state != ConnectionState::Connected) {
        onLoginFailed(code, reason); // the host died before its login finished
        return;
    }
    ++m_reconnectCount;
    m_lastError = ErrorInfo{code, "connection lost: " + reason.toStdString(), m_scheduler.now()};
    spdlog::warn("connection lost: {}", reason.toStdString());
    emit disconnected();
    scheduleReconnect(ConnectionState::Lost);
}

void ConnectionSupervisor::onLoginFailed(int code, const QString& reason) {
    m_loginTimeoutTask.stop();
    if (m_state != ConnectionState::LoggingIn) {
        return; // e.g. the answer of a login that timed out already
    }
    m_loginError = ErrorInfo{code, "login failed: " + reason.toStdString(), m_scheduler.now()};
    m_lastError = m_loginError;
    spdlog::error("login failed: {}", reason.toStdString());
    if (code == kiwoom_error::kVersionProcessingFailed) {
        // The updater replaces the module once the process that loaded it is gone; the next
        // login runs in a fresh host.
        spdlog::warn("the OpenAPI module has to update itself: its host ends, a fresh one logs in later");
        emit versionUpdateRequired();
    }
    ++m_failedAttempts;
    scheduleReconnect(ConnectionState::WaitingToReconnect);
}

std::optional<milliseconds> ConnectionSupervisor::untilMaintenanceEnds(Timestamp at) const {
    if (const auto end = maintenanceEndsAt(m_settings.maintenanceWindows, at)) {
        return std::chrono::duration_cast<milliseconds>(*end - at);
    }
    return std::nullopt;
}

milliseconds ConnectionSupervisor::reconnectDelay(Timestamp now, int attempts) {
    const int exponent = std::clamp(attempts, 0, 20);
    const auto base =
        std::min<long long>(m_settings.reconnectMin.count() << exponent, m_settings.reconnectMax.count());
    // ±20 %, but never past reconnect_max_seconds: the cap is what the config promises.
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    auto delay = std::min(milliseconds(static_cast<long long>(static_cast<double>(base) * jitter(m_jitter))),
                          m_settings.reconnectMax);
    // During the server's maintenance a login only fails; wait for the window to end, then a
    // little more so that not every client returns in the same second.
    if (const auto wait = untilMaintenanceEnds(now + delay)) {
        std::uniform_int_distribution<long long> spread(5000, 60000);
        delay += *wait + milliseconds(spread(m_jitter));
    }
    return delay;
}

void ConnectionSupervisor::scheduleReconnect(ConnectionState waitingState) {
    const Timestamp now = m_scheduler.now();
    const milliseconds delay = reconnectDelay(now, m_failedAttempts);
    m_nextAttemptAt = now + delay;
    // Only a maintenance window makes the wait longer than the cap.
    if (untilMaintenanceEnds(now) || delay > m_settings.reconnectMax) {
        spdlog::info("waiting for Kiwoom's maintenance window to end; logging in again at {}",
                     toKstIso8601(*m_nextAttemptAt));
    } else {
        spdlog::info("logging in again in {} s",
                     std::chrono::duration_cast<std::chrono::seconds>(delay).count());
    }
    setState(waitingState);
    m_reconnectTask.start(delay, [this] { start(); });
}

} // namespace kiwoomd
