#include "SecurityPolicy.h"

#include "ApiToken.h"
#include "Daemon.h"

#include <QDir>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {

bool isLoopbackHost(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::optional<http::GuardSettings> securityPolicy(const ServerConfig& server, const QString& dataDir,
                                                  int& exitCode) {
    const bool always = server.tokenPolicy == TokenPolicy::Always;
    // Beyond loopback the API is reachable from the network: only with a token on every request.
    if (!isLoopbackHost(server.host) && !always) {
        spdlog::critical(
            "refusing to listen on {}: outside loopback (127.0.0.1, ::1, localhost) kiwoomd requires "
            "its API token on every request; set server.token_policy to \"always\"",
            server.host);
        exitCode = kExitUsageError;
        return std::nullopt;
    }
    const auto token = loadOrCreateApiToken(QDir(dataDir).filePath(QStringLiteral("api-token")));
    if (!token && always) {
        spdlog::critical("server.token_policy is \"always\" but the API token cannot be stored");
        exitCode = kExitRuntimeError;
        return std::nullopt;
    }
    http::GuardSettings guard{server.allowedHosts, server.allowedOrigins, std::string(),
                              token ? token->toStdString() : std::string()};
    if (always) {
        guard.token = token->toStdString();
        if (!isLoopbackHost(server.host)) {
            guard.allowedHosts.push_back(server.host); // clients name it in their Host header
        }
    }
    return guard;
}

} // namespace kiwoomd::app
