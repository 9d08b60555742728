#pragma once
// GET /metrics in the Prometheus text exposition format (version 0.0.4): HTTP requests by route
// and status, TR queries by TR and result, pacing waits, throttles, timeouts, connection state,
// reconnects, request budget per window, snapshot age / rows / staleness per feed, event-stream
// subscribers, HTTP connections, build info.
// Every name starts with kiwoomd_. Thread: any HTTP worker; reads only thread-safe state.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"
#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/http/HttpMetrics.h"
#include "kiwoomd/http/TransportStats.h"

#include <string>

namespace kiwoomd::http {

inline constexpr char kPrometheusContentType[] = "text/plain; version=0.0.4; charset=utf-8";

class MetricsController {
public:
    // `streams` and `transport` may be null: their families are then left out.
    MetricsController(const SnapshotCache& cache, const StatusBoard& board, const HttpMetrics& http,
                      const Clock& clock, std::string version, const EventStreamHub* streams = nullptr,
                      const TransportStats* transport = nullptr);
    ApiResponse get(const ApiRequest& request) const;

private:
    const SnapshotCache& m_cache;
    const StatusBoard& m_board;
    const HttpMetrics& m_http;
    const Clock& m_clock;
    std::string m_version;
    const EventStreamHub* m_streams;
    const TransportStats* m_transport;
};

// A label value as the exposition format wants it: backslash, quote and newline escaped.
std::string escapeLabelValue(const std::string& value);

} // namespace kiwoomd::http
