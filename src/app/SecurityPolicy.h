#pragma once
// Startup step "security policy": who may use the API, from server.* and the API token. Thread:
// main thread, at startup.

#include "kiwoomd/core/Config.h"
#include "kiwoomd/http/RequestGuard.h"

#include <QString>

#include <optional>

namespace kiwoomd::app {

bool isLoopbackHost(const std::string& host);

// The request checks the server will apply; nullopt, with the reason logged and `exitCode` set,
// when the start must stop (a non-loopback host without token policy "always", or "always"
// without a token that can be stored).
std::optional<http::GuardSettings> securityPolicy(const ServerConfig& server, const QString& dataDir,
                                                  int& exitCode);

} // namespace kiwoomd::app
