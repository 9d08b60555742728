#include "kiwoomd/kiwoom/ConnectionSupervisor.h"

#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/kiwoom/ControlCalls.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiwoomd {

using std::chrono::milliseconds;

ConnectionSupervisor::ConnectionSupervisor(OpenApiControl& control, ConnectionSettings settings,
                                           Scheduler& scheduler, QObject* parent)
    : QObject(parent)
    , m_control(control)
    , m_settings(std::move(settings))
    , m_scheduler(scheduler)
    , m_since(scheduler.now())
    , m_jitter(static_cast<unsigned>(scheduler.now().time_since_epoch().count()))
    , m_loginTimeoutTask(scheduler)
    , m_reconnectTask(scheduler)
    , m_watchdogTask(scheduler) {
    connect(&m_control, &OpenApiControl::OnEventConnect, this, &ConnectionSupervisor::onEventConnect);
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
    if (m_state == ConnectionState::LoggingIn || m_state == ConnectionState::Connected ||
        m_state == ConnectionState::Failed) {
        return;
    }
    m_reconnectTask.stop();
    m_nextAttemptAt.reset();
    setState(ConnectionState::LoggingIn);
    spdlog::info("logging in through the {} control (CommConnect)", m_control.backendName().toStdString());
    m_loginTimeoutTask.start(m_settings.loginTimeout, [this] { onLoginTimeout(); });
    const int result = m_control.dynamicCall(calls::kCommConnect).toInt();
    if (result != kiwoom_error::kOk) {
        onEventConnect(result);
    }
}

bool ConnectionSupervisor::reconnectNow() {
    if (m_state == ConnectionState::LoggingIn || m_state == ConnectionState::Failed) {
        spdlog::info("reconnect requested while {}: nothing to do", connectionStateName(m_state));
        return false;
    }
    if (m_state == ConnectionState::Connected) {
        spdlog::info("reconnect requested: closing the session (CommTerminate) and logging in again");
        m_control.dynamicCall(calls::kCommTerminate);
        // Some OpenAPI+ modules document CommTerminate as no longer supported; a session the
        // control still holds is kept rather than stuck behind a CommConnect that never answers.
        if (m_control.dynamicCall(calls::kGetConnectState).toInt() != 0) {
            spdlog::warn("the control is still connected after CommTerminate; keeping the session");
            return false;
        }
        m_watchdogTask.stop();
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
    ++m_failedAttempts; // repeated timeouts back off like refused logins
    scheduleReconnect(ConnectionState::WaitingToReconnect);
}

void ConnectionSupervisor::onEventConnect(int errCode) {
    m_loginTimeoutTask.stop();
    if (errCode == kiwoom_error::kOk) {
        if (m_state == ConnectionState::Connected) {
            return;
        }
        m_failedAttempts = 0;
        m_loginError.reset();
        const auto info = [this](const char* tag) {
            return m_control.dynamicCall(calls::kGetLoginInfo, {QString::fromLatin1(tag)}).toString();
        };
        m_serverKind = info(login_tag::kServerKind) == QLatin1String("1") ? "mock" : "real";
        m_userIdMasked = maskUserId(info(login_tag::kUserId).toStdString());
        spdlog::info("logged in as {} on the {} server", m_userIdMasked, m_serverKind);
        setState(ConnectionState::Connected);
        m_watchdogTask.start(m_settings.watchdogInterval, [this] { checkConnectState(); });
        emit connected();
        return;
    }

    m_watchdogTask.stop();
    const std::string meaning = kiwoom_error::describeWithCode(errCode);
    if (m_state == ConnectionState::Connected) {
        ++m_reconnectCount;
        m_lastError = ErrorInfo{errCode, "connection lost: " + meaning, m_scheduler.now()};
        spdlog::warn("connection lost: {}", meaning);
        emit disconnected();
        scheduleReconnect(ConnectionState::Lost);
        return;
    }
    m_loginError = ErrorInfo{errCode, "login failed: " + meaning, m_scheduler.now()};
    m_lastError = m_loginError;
    spdlog::error("login failed: {}", meaning);
    if (errCode == kiwoom_error::kVersionProcessingFailed) {
        spdlog::critical("the OpenAPI module has to update itself: kiwoomd must exit and be started again");
        setState(ConnectionState::Failed);
        emit versionUpdateRequired();
        return;
    }
    ++m_failedAttempts;
    scheduleReconnect(ConnectionState::WaitingToReconnect);
}

void ConnectionSupervisor::checkConnectState() {
    if (m_state != ConnectionState::Connected) {
        return;
    }
    // Some drops arrive only as a message dialog; the control still knows it is disconnected.
    if (m_control.dynamicCall(calls::kGetConnectState).toInt() == 0) {
        spdlog::warn("GetConnectState() says the connection is gone");
        onEventConnect(kiwoom_error::kSocketClosed);
        return;
    }
    m_watchdogTask.start(m_settings.watchdogInterval, [this] { checkConnectState(); });
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
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    auto delay = milliseconds(static_cast<long long>(static_cast<double>(base) * jitter(m_jitter)));
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
