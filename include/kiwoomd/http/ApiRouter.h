#pragma once
// Routes a request to its controller, enforces the allowed methods, and converts every error to
// its HTTP form. No exception leaves handle(). Thread-safe: immutable after construction.

#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/Controllers.h"
#include "kiwoomd/http/HttpMetrics.h"
#include "kiwoomd/http/MetricsController.h"
#include "kiwoomd/http/RequestGuard.h"

namespace kiwoomd::http {

class ApiRouter final : public RequestHandler {
public:
    ApiRouter(const SnapshotCache& cache, const StatusBoard& board, const Clock& clock,
              std::string defaultMarket = "kospi", std::string version = "dev", GuardSettings guard = {});

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
    RankingController m_ranking;
    StatusController m_status;
    FeedsController m_feeds;
    HttpMetrics m_httpMetrics;
    MetricsController m_metrics;
    HealthController m_health;
};

} // namespace kiwoomd::http
