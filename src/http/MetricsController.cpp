#include "kiwoomd/http/MetricsController.h"

#include "kiwoomd/core/SessionStatus.h"

#include <chrono>
#include <sstream>

namespace kiwoomd::http {
namespace {

class Exposition {
public:
    // HELP and TYPE once per metric family, before its samples.
    void family(const char* name, const char* type, const char* help) {
        m_out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
    }
    template <typename T> void sample(const char* name, const std::string& labels, T value) {
        m_out << name;
        if (!labels.empty()) {
            m_out << '{' << labels << '}';
        }
        m_out << ' ' << value << '\n';
    }
    std::string text() const { return m_out.str(); }

private:
    std::ostringstream m_out;
};

std::string label(const char* name, const std::string& value) {
    return std::string(name) + "=\"" + escapeLabelValue(value) + "\"";
}

} // namespace

std::string escapeLabelValue(const std::string& value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

MetricsController::MetricsController(const SnapshotCache& cache, const StatusBoard& board,
                                     const HttpMetrics& http, const Clock& clock, std::string version,
                                     const EventStreamHub* streams, const TransportStats* transport)
    : m_cache(cache)
    , m_board(board)
    , m_http(http)
    , m_clock(clock)
    , m_version(std::move(version))
    , m_streams(streams)
    , m_transport(transport) {}

ApiResponse MetricsController::get(const ApiRequest& /*request*/) const {
    const SessionStatusPtr status = m_board.current();
    const Timestamp now = m_clock.now();
    Exposition e;

    e.family("kiwoomd_build_info", "gauge", "Build and backend of the running daemon (always 1).");
    e.sample("kiwoomd_build_info",
             label("version", m_version) + "," + label("backend", backendName(status->backend)), 1);

    e.family("kiwoomd_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (const auto& [key, count] : m_http.snapshot()) {
        e.sample("kiwoomd_http_requests_total",
                 label("route", key.first) + "," + label("status", std::to_string(key.second)), count);
    }

    e.family("kiwoomd_tr_requests_total", "counter",
             "TR queries by TR and result: the CommRqData code, or \"timeout\" when no answer came.");
    for (const auto& [tr, results] : status->requests.resultsByTr) {
        for (const auto& [result, count] : results) {
            e.sample("kiwoomd_tr_requests_total", label("tr", tr) + "," + label("result", result), count);
        }
    }
    e.family("kiwoomd_throttled_total", "counter",
             "TR queries the server throttled (-200, -209, -210; REST 1700 or HTTP 429).");
    e.sample("kiwoomd_throttled_total", "", status->requests.throttled);
    e.family("kiwoomd_timeouts_total", "counter", "TR queries that got no answer in time.");
    e.sample("kiwoomd_timeouts_total", "", status->requests.timedOut);
    e.family("kiwoomd_pacing_waits_total", "counter", "Times a TR query waited for the request limits.");
    e.sample("kiwoomd_pacing_waits_total", "", status->requests.pacingWaits);
    e.family("kiwoomd_pacing_wait_seconds_total", "counter",
             "Time TR queries spent waiting for the request limits.");
    e.sample("kiwoomd_pacing_wait_seconds_total", "", status->requests.pacingWaitSeconds);

    e.family("kiwoomd_request_budget_used", "gauge", "TR queries inside each pacing window.");
    for (const auto& window : status->budget) {
        e.sample("kiwoomd_request_budget_used",
                 label("window_seconds", std::to_string(window.seconds)) + "," +
                     label("max_requests", std::to_string(window.maxRequests)),
                 window.used);
    }
    e.family("kiwoomd_request_budget_limit", "gauge", "The most TR queries each pacing window allows.");
    for (const auto& window : status->budget) {
        e.sample("kiwoomd_request_budget_limit",
                 label("window_seconds", std::to_string(window.seconds)) + "," +
                     label("max_requests", std::to_string(window.maxRequests)),
                 window.maxRequests);
    }

    e.family("kiwoomd_connection_state", "gauge",
             "1 for the session's current connection state, 0 for the others.");
    for (const auto state :
         {ConnectionState::Disconnected, ConnectionState::LoggingIn, ConnectionState::Connected,
          ConnectionState::Lost, ConnectionState::WaitingToReconnect}) {
        e.sample("kiwoomd_connection_state", label("state", connectionStateName(state)),
                 status->connection == state ? 1 : 0);
    }
    e.family("kiwoomd_reconnects_total", "counter", "Connections lost since the daemon started.");
    e.sample("kiwoomd_reconnects_total", "", status->reconnectCount);

    e.family("kiwoomd_snapshot_age_seconds", "gauge",
             "Age of each feed's last good ranking (absent before the first).");
    for (const auto& feed : status->feeds) {
        if (feed.lastFetch) {
            const auto age = std::chrono::duration<double>(now - *feed.lastFetch).count();
            e.sample("kiwoomd_snapshot_age_seconds", label("feed", feed.id), age < 0 ? 0.0 : age);
        }
    }
    // The exposition format wants each family's samples together, so one pass per family.
    const auto snapshots = m_cache.all();
    e.family("kiwoomd_snapshot_rows", "gauge", "Rows in each feed's ranking.");
    for (const auto& snapshot : snapshots) {
        e.sample("kiwoomd_snapshot_rows", label("feed", snapshot->feedId), snapshot->rows.size());
    }
    e.family("kiwoomd_snapshot_stale", "gauge", "1 when a feed's ranking is stale.");
    for (const auto& snapshot : snapshots) {
        e.sample("kiwoomd_snapshot_stale", label("feed", snapshot->feedId), snapshot->stale ? 1 : 0);
    }
    e.family("kiwoomd_market_open", "gauge", "1 while the exchange's regular session is open.");
    e.sample("kiwoomd_market_open", "", status->marketOpen ? 1 : 0);

    if (m_streams) {
        e.family("kiwoomd_stream_subscribers", "gauge", "Clients subscribed to GET /api/stream.");
        e.sample("kiwoomd_stream_subscribers", "", m_streams->subscriberCount());
        e.family("kiwoomd_stream_dropped_total", "counter",
                 "Event-stream subscribers dropped for falling too far behind.");
        e.sample("kiwoomd_stream_dropped_total", "", m_streams->droppedCount());
    }
    if (m_transport) {
        const TransportStats& t = *m_transport;
        e.family("kiwoomd_http_requests_in_progress", "gauge",
                 "Answers being built or written now, event streams not included.");
        e.sample("kiwoomd_http_requests_in_progress", "", t.requestsInProgress.load());
        e.family("kiwoomd_http_rejected_requests_total", "counter",
                 "Requests refused before routing: broken framing, bad header names or values, two Host "
                 "lines, or a head over server.max_request_head_bytes.");
        e.sample("kiwoomd_http_rejected_requests_total", "", t.rejectedRequests.load());
        e.family("kiwoomd_http_oversized_request_heads_total", "counter",
                 "Requests answered 431 because their head was too large.");
        e.sample("kiwoomd_http_oversized_request_heads_total", "", t.oversizedHeads.load());
        e.family("kiwoomd_stream_connections", "gauge", "Event-stream clients being written to.");
        e.sample("kiwoomd_stream_connections", "", t.streamConnections.load());
        e.family("kiwoomd_stream_write_failures_total", "counter",
                 "Event-stream clients that hung up or took no bytes for server.write_timeout_seconds.");
        e.sample("kiwoomd_stream_write_failures_total", "", t.streamWriteFailures.load());
    }

    ApiResponse response = ApiResponse::json(e.text());
    response.contentType = kPrometheusContentType;
    return response;
}

} // namespace kiwoomd::http
