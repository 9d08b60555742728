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
    case ConnectionState::Failed:
        return "failed";
    }
    return "disconnected";
}

std::string maskUserId(const std::string& userId) {
    if (userId.size() <= 2) {
        return std::string(userId.size(), '*');
    }
    return userId.substr(0, 2) + std::string(userId.size() - 2, '*');
}

} // namespace kiwoomd
