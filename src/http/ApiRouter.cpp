#include "kiwoomd/http/ApiRouter.h"

#include "kiwoomd/core/LogText.h"
#include "kiwoomd/http/ApiError.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiwoomd::http {
namespace {

constexpr char kReadMethods[] = "GET, HEAD, OPTIONS";
constexpr char kControlMethods[] = "POST, OPTIONS";
constexpr char kFeedPrefix[] = "/api/feeds/";

bool isRead(const std::string& method) {
    return method == "GET" || method == "HEAD";
}

void requireRead(const ApiRequest& request) {
    if (!isRead(request.method)) {
        ApiError error(ApiErrorKind::MethodNotAllowed, "method_not_allowed",
                       request.method + " is not allowed on " + request.path + "; use GET or HEAD");
        error.allow = kReadMethods;
        throw error;
    }
}

} // namespace

ApiRouter::ApiRouter(const SnapshotCache& cache, const StatusBoard& board, const Clock& clock,
                     std::string defaultMarket, std::string version, GuardSettings guard, RouterParts parts)
    : m_guard(std::move(guard))
    , m_ranking(cache, m_bodies, std::move(defaultMarket))
    , m_status(board, clock)
    , m_feeds(cache, m_bodies, board, clock)
    , m_metrics(cache, board, m_httpMetrics, clock, std::move(version), parts.streams, parts.transport)
    , m_health(board, cache)
    , m_stream(cache, parts.streams)
    , m_dashboard(std::move(parts.assets))
    , m_control(parts.commands) {}

ApiResponse ApiRouter::route(const ApiRequest& request) const {
    if (request.path.rfind(kControlPrefix, 0) == 0) {
        if (request.method != "POST") {
            ApiError error(ApiErrorKind::MethodNotAllowed, "method_not_allowed",
                           request.method + " is not allowed on " + request.path + "; use POST");
            error.allow = kControlMethods;
            throw error;
        }
        m_guard.checkStateChange(request);
        return m_control.post(request, request.path.substr(sizeof(kControlPrefix) - 1));
    }
    if (request.path == "/api/volume-ranking") {
        requireRead(request);
        return m_ranking.get(request);
    }
    if (request.path == "/api/status") {
        requireRead(request);
        return m_status.get(request);
    }
    if (request.path == "/api/feeds") {
        requireRead(request);
        return m_feeds.list(request);
    }
    if (request.path.rfind(kFeedPrefix, 0) == 0) {
        requireRead(request);
        const std::string id = request.path.substr(sizeof(kFeedPrefix) - 1);
        if (id.empty() || id.find('/') != std::string::npos) {
            throw ApiError(ApiErrorKind::NotFound, "not_found", "no endpoint at " + request.path);
        }
        return m_feeds.get(request, id);
    }
    if (request.path == "/metrics") {
        requireRead(request);
        return m_metrics.get(request);
    }
    if (request.path == "/api/health") {
        requireRead(request);
        return m_health.get(request);
    }
    if (request.path == "/api/stream") {
        requireRead(request);
        return m_stream.get(request);
    }
    if (request.path.rfind("/api/", 0) == 0) {
        throw ApiError(ApiErrorKind::NotFound, "not_found", "no endpoint at " + request.path);
    }
    requireRead(request);
    return m_dashboard.get(request);
}

ApiResponse ApiRouter::handle(const ApiRequest& request) {
    ApiResponse response = dispatch(request);
    m_httpMetrics.record(routeLabel(request.path), response.status);
    // API answers, errors included, change with every poll; nothing in between may keep them. The
    // answers that carry an ETag say "no-cache" themselves: keep, but ask again every time.
    const bool hasCacheControl =
        std::any_of(response.headers.begin(), response.headers.end(),
                    [](const std::pair<std::string, std::string>& h) { return h.first == "Cache-Control"; });
    if (!hasCacheControl) {
        response.headers.emplace_back("Cache-Control", "no-store");
    }
    return response;
}

ApiResponse ApiRouter::preflight(const ApiRequest& request) const {
    if (request.path.rfind("/api/", 0) != 0 && request.path != "/metrics") {
        throw ApiError(ApiErrorKind::NotFound, "not_found", "no endpoint at " + request.path);
    }
    if (routeLabel(request.path) == "other") {
        throw ApiError(ApiErrorKind::NotFound, "not_found", "no endpoint at " + request.path);
    }
    ApiResponse response;
    response.status = 204;
    response.body = std::make_shared<const std::string>();
    const bool control = request.path.rfind(kControlPrefix, 0) == 0;
    response.headers.emplace_back("Allow", control ? kControlMethods : kReadMethods);
    return response;
}

std::string ApiRouter::routeLabel(const std::string& path) {
    for (const char* known :
         {"/api/volume-ranking", "/api/status", "/api/health", "/api/feeds", "/api/stream", "/metrics"}) {
        if (path == known) {
            return path;
        }
    }
    if (path.rfind(kFeedPrefix, 0) == 0) {
        return "/api/feeds/{id}";
    }
    if (path.rfind(kControlPrefix, 0) == 0) {
        return "/api/control/{action}";
    }
    if (path.rfind("/api/", 0) != 0) {
        return "/ (dashboard)"; // the page and its files, folded: paths are chosen by clients
    }
    return "other"; // unbounded paths must not become unbounded label values
}

ApiResponse ApiRouter::dispatch(const ApiRequest& request) const {
    ApiResponse response = answer(request);
    // Errors too: a page of an allowed origin must be able to read why it was refused.
    for (auto& header : m_guard.corsHeaders(request)) {
        response.headers.push_back(std::move(header));
    }
    return response;
}

ApiResponse ApiRouter::answer(const ApiRequest& request) const {
    try {
        m_guard.check(request); // before any handler runs
        if (request.hasBody) {
            // No endpoint takes a body; the transport closes the connection after this answer,
            // since the body is never read.
            throw ApiError(ApiErrorKind::ContentTooLarge, "body_not_accepted",
                           "kiwoomd's endpoints take no request body");
        }
        return request.method == "OPTIONS" ? preflight(request) : route(request);
    } catch (const ApiError& error) {
        return toErrorResponse(error);
    } catch (const std::exception& error) {
        spdlog::error("internal error on {} {}: {}", escapeForLog(request.method), escapeForLog(request.path),
                      escapeForLog(error.what()));
        return toErrorResponse(ApiError(ApiErrorKind::Internal, "internal", "internal server error"));
    }
}

} // namespace kiwoomd::http
