#pragma once
// One controller per resource. Each takes the parsed request and answers an ApiResponse or
// throws ApiError. Thread: any HTTP worker thread; they only read the thread-safe cache and board.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"
#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/SnapshotBodies.h"

#include <string>

namespace kiwoomd::http {

// GET /api/volume-ranking[?market=kospi|kosdaq|all][&feed=ID]
// Returns the feed's snapshot body: feed, market, tr, data[] (rank, code, name, price, direction,
// change, change_rate, prev_volume, volume, surge_volume, surge_rate; venue and invalid_fields
// when present), row_count, last_update, market_open, stale, version. With ETag (304 for a
// matching If-None-Match) and gzip when accepted.
class RankingController {
public:
    RankingController(const SnapshotCache& cache, const SnapshotBodies& bodies, std::string defaultMarket);
    ApiResponse get(const ApiRequest& request) const;

private:
    const SnapshotCache& m_cache;
    const SnapshotBodies& m_bodies;
    std::string m_defaultMarket;
};

// GET /api/status: backend, connection, server, user_id (masked), login_error, market_open,
// poll_interval_seconds, feeds[] (id, market, tr, inputs, last_fetch, last_attempt, row_count,
// skipped_rows, version, last_error), requests (sent, succeeded, throttled, failed, timed_out),
// started_at, uptime_seconds.
class StatusController {
public:
    StatusController(const StatusBoard& board, const Clock& clock);
    ApiResponse get(const ApiRequest& request) const;

private:
    const StatusBoard& m_board;
    const Clock& m_clock;
};

// GET /api/feeds: {"feeds": [...]} with, per configured feed, the fields of /api/status's feeds
// plus "url" (where its ranking is served).
// GET /api/feeds/{id}: that feed's ranking, the same body as /api/volume-ranking?feed={id}.
class FeedsController {
public:
    FeedsController(const SnapshotCache& cache, const SnapshotBodies& bodies, const StatusBoard& board,
                    const Clock& clock);
    ApiResponse list(const ApiRequest& request) const;
    ApiResponse get(const ApiRequest& request, const std::string& feedId) const;

private:
    const SnapshotCache& m_cache;
    const SnapshotBodies& m_bodies;
    const StatusBoard& m_board;
    const Clock& m_clock;
};

// GET /api/health: 200 {"status": "ok", "connection", "stale"} whenever the server is serving,
// stale data included; monitors read `connection` and `stale` for the rest.
class HealthController {
public:
    HealthController(const StatusBoard& board, const SnapshotCache& cache);
    ApiResponse get(const ApiRequest& request) const;

private:
    const StatusBoard& m_board;
    const SnapshotCache& m_cache;
};

} // namespace kiwoomd::http
