#include "kiwoomd/core/SessionStatus.h"

namespace kiwoomd {

std::string connectionStateName(ConnectionState state) {
    switch (state) {
    case ConnectionState::Disconnected:
        return "disconnected";
    case ConnectionState::LoggingIn:
        return "logging_in";
    case ConnectionState::Connected:
        return "connected";
    case ConnectionState::Lost:
        return "lost";
    case ConnectionState::WaitingToReconnect:
        return "waiting_to_reconnect";
    }
    return "disconnected";
}

std::string feedPollingName(FeedPolling polling) {
    switch (polling) {
    case FeedPolling::WaitingForConnection:
        return "waiting for connection";
    case FeedPolling::Paused:
        return "paused";
    case FeedPolling::Fetching:
        return "fetching";
    case FeedPolling::IdleMarketClosed:
        return "idle: market closed";
    case FeedPolling::Active:
        return "active";
    }
    return "waiting for connection";
}

std::string hostStateName(HostState state) {
    switch (state) {
    case HostState::Starting:
        return "starting";
    case HostState::Running:
        return "running";
    case HostState::Stopping:
        return "stopping";
    case HostState::Stopped:
        return "stopped";
    }
    return "stopped";
}

std::string backendName(Backend backend) {
    switch (backend) {
    case Backend::ActiveX:
        return "activex";
    case Backend::Emulator:
        return "emulator";
    case Backend::Replay:
        return "replay";
    case Backend::Rest:
        return "rest";
    }
    return "emulator";
}

std::optional<Backend> backendFromName(std::string_view name) {
    for (const Backend backend : {Backend::ActiveX, Backend::Emulator, Backend::Replay, Backend::Rest}) {
        if (name == backendName(backend)) {
            return backend;
        }
    }
    return std::nullopt;
}

std::string maskUserId(const std::string& userId) {
    if (userId.size() <= 2) {
        return std::string(userId.size(), '*');
    }
    return userId.substr(0, 2) + std::string(userId.size() - 2, '*');
}

void RequestCounters::notePacingWait(std::chrono::milliseconds wait) {
    ++pacingWaits;
    pacingWaitSeconds += static_cast<double>(wait.count()) / 1000.0;
}

void RequestCounters::noteResult(const std::string& trCode, const std::string& result) {
    ++resultsByTr[trCode][result];
}

} // namespace kiwoomd
