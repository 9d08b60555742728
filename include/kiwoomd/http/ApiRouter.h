#pragma once
// Routes a request to its controller, enforces the allowed methods, and converts every error to
// its HTTP form. No exception leaves handle(). Thread-safe: immutable after construction.

#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/AssetSource.h"
#include "kiwoomd/http/ControlController.h"
#include "kiwoomd/http/Controllers.h"
#include "kiwoomd/http/DashboardController.h"
#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/http/HttpMetrics.h"
#include "kiwoomd/http/MetricsController.h"
#include "kiwoomd/http/RequestGuard.h"
#include "kiwoomd/http/SnapshotBodies.h"
#include "kiwoomd/http/StreamController.h"
#include "kiwoomd/http/TransportStats.h"

#include <memory>

namespace kiwoomd::http {

// The optional parts of the API: without them their routes answer 404 and their metrics are left
// out.
struct RouterParts {
    EventStreamHub* streams = nullptr;         // GET /api/stream
    const TransportStats* transport = nullptr; // connection gauges in /metrics
    std::shared_ptr<const AssetSource> assets; // the dashboard at GET /
    SessionCommands* commands = nullptr;       // POST /api/control/...
};

class ApiRouter final : public RequestHandler {
public:
    ApiRouter(const SnapshotCache& cache, const StatusBoard& board, const Clock& clock,
              std::string defaultMarket = "kospi", std::string version = "dev", GuardSettings guard = {},
              RouterParts parts = {});

    // The port the server listens on, known once bound; the Host and Origin checks need it.
    void setPort(int port) { m_guard.setPort(port); }

    ApiResponse handle(const ApiRequest& request) override;

private:
    ApiResponse dispatch(const ApiRequest& request) const; // never throws
    ApiResponse answer(const ApiRequest& request) const;   // never throws
    ApiResponse route(const ApiRequest& request) const;
    ApiResponse preflight(const ApiRequest& request) const; // OPTIONS: what the endpoint allows
    // The route's name for metrics: fixed paths as they are, feed ids folded, the rest "other".
    static std::string routeLabel(const std::string& path);

    RequestGuard m_guard;
    SnapshotBodies m_bodies;
    RankingController m_ranking;
    StatusController m_status;
    FeedsController m_feeds;
    HttpMetrics m_httpMetrics;
    MetricsController m_metrics;
    HealthController m_health;
    StreamController m_stream;
    DashboardController m_dashboard;
    ControlController m_control;
};

} // namespace kiwoomd::http
