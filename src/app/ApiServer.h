#pragma once
// Startup step "server": the HTTP API, its router and the session commands it may send. Thread:
// made and started on the main thread; the server's workers answer from the cache and status.

#include "QueuedSessionCommands.h"

#include "kiwoomd/core/Config.h"
#include "kiwoomd/http/ApiRouter.h"
#include "kiwoomd/http/HttpServer.h"

#include <QString>

#include <optional>

namespace kiwoomd::app {

class ApiServer {
public:
    // `webRoot`: --web-root, the dashboard from disk instead of the binary.
    ApiServer(const Config& config, const SnapshotCache& cache, const StatusBoard& board, const Clock& clock,
              http::EventStreamHub& streams, KiwoomSession& session, http::GuardSettings guard,
              const std::optional<QString>& webRoot);

    // Binds server.host:server.port; false, with the reason logged, when it cannot.
    bool start();
    void stop() { m_server.stop(); }
    // "http://127.0.0.1:8000", with the port actually bound.
    QString baseUrl() const;

private:
    std::string m_host;
    int m_port;
    http::TransportStats m_transportStats;
    QueuedSessionCommands m_commands;
    http::ApiRouter m_router;
    http::HttpServer m_server;
};

} // namespace kiwoomd::app
