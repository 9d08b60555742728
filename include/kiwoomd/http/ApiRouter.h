#pragma once
// Routes a request to its controller, enforces the allowed methods, and converts every error to
// its HTTP form. No exception leaves handle(). Thread-safe: immutable after construction.

#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/Controllers.h"

namespace kiwoomd::http {

class ApiRouter final : public RequestHandler {
public:
    ApiRouter(const SnapshotCache& cache, const StatusBoard& board, const Clock& clock,
              std::string defaultMarket = "kospi");

    ApiResponse handle(const ApiRequest& request) override;

private:
    ApiResponse dispatch(const ApiRequest& request) const; // never throws
    ApiResponse route(const ApiRequest& request) const;

    RankingController m_ranking;
    StatusController m_status;
    FeedsController m_feeds;
    HealthController m_health;
};

} // namespace kiwoomd::http
