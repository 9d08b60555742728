#include "kiwoomd/http/RequestGuard.h"

#include "AsciiCase.h"
#include "kiwoomd/core/LogText.h"
#include "kiwoomd/http/LogThrottle.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiwoomd::http {
namespace {

// One budget for every refusal line: they come from the same kind of caller.
LogThrottle g_refusals;

// Logs a refusal unless too many came lately; then says once how many were left out. `detail` is
// request-derived, so it is escaped (LogText.h).
void logRefusal(const char* format, const std::string& detail) {
    const auto decision = g_refusals.next();
    if (decision.skippedBefore > 0) {
        spdlog::warn("{} more refused requests were not logged (at most 10 a minute are)",
                     decision.skippedBefore);
    }
    if (decision.log) {
        spdlog::warn(fmt::runtime(format), escapeForLog(detail));
    }
}

// The dashboard's own files (GET or HEAD of a path outside /api/ other than /metrics) hold no
// data: they are the same in every copy of kiwoomd. Under token_policy "always" they are served
// without the token, because a browser cannot attach one to a page it navigates to; the page
// then reads the token from its address's fragment, which the browser never sends, and presents
// it on every API request (docs/security.md). Everything that carries data still needs the token.
bool isDashboardFileRequest(const ApiRequest& request) {
    return (request.method == "GET" || request.method == "HEAD") && request.path.rfind("/api/", 0) != 0 &&
           request.path != "/metrics";
}

} // namespace

const std::string* headerValue(const ApiRequest& request, const std::string& lowerName) {
    const auto it = request.headers.find(lowerName);
    return it == request.headers.end() ? nullptr : &it->second;
}

RequestGuard::RequestGuard(GuardSettings settings)
    : m_settings(std::move(settings)) {
    for (auto& host : m_settings.allowedHosts) {
        host = asciiLower(host);
    }
    for (auto& origin : m_settings.allowedOrigins) {
        origin = asciiLower(origin);
    }
}

std::vector<std::string> RequestGuard::ownAuthorities() const {
    const std::string port = std::to_string(m_port.load());
    return {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port};
}

bool RequestGuard::hostAllowed(const std::string& rawHost) const {
    const std::string host = asciiLower(rawHost);
    const auto own = ownAuthorities();
    if (std::find(own.begin(), own.end(), host) != own.end()) {
        return true;
    }
    const std::string port = ":" + std::to_string(m_port.load());
    return std::any_of(m_settings.allowedHosts.begin(), m_settings.allowedHosts.end(),
                       [&](const std::string& name) { return host == name || host == name + port; });
}

bool RequestGuard::isOwnOrigin(const std::string& rawOrigin) const {
    const std::string origin = asciiLower(rawOrigin);
    for (const auto& authority : ownAuthorities()) {
        if (origin == "http://" + authority) {
            return true; // our own dashboard
        }
    }
    return false;
}

bool RequestGuard::originAllowed(const std::string& rawOrigin) const {
    if (isOwnOrigin(rawOrigin)) {
        return true;
    }
    const std::string origin = asciiLower(rawOrigin);
    return std::find(m_settings.allowedOrigins.begin(), m_settings.allowedOrigins.end(), origin) !=
           m_settings.allowedOrigins.end();
}

bool RequestGuard::tokenMatches(const ApiRequest& request, const std::string& token) {
    const std::string* authorization = headerValue(request, "authorization");
    const std::string prefix = "Bearer ";
    // The scheme name is case-insensitive (RFC 9110 §11.1); the token itself is not.
    if (token.empty() || !authorization || authorization->size() != prefix.size() + token.size() ||
        asciiLower(authorization->substr(0, prefix.size())) != asciiLower(prefix)) {
        return false;
    }
    // Constant time: how long the comparison takes must not tell how much of a guess was right.
    unsigned char difference = 0;
    for (std::size_t i = 0; i < token.size(); ++i) {
        difference |= static_cast<unsigned char>((*authorization)[prefix.size() + i] ^ token[i]);
    }
    return difference == 0;
}

void RequestGuard::checkStateChange(const ApiRequest& request) const {
    if (m_settings.writeToken.empty()) {
        throw ApiError(ApiErrorKind::Unavailable, "no_token",
                       "kiwoomd has no API token (the data dir's api-token file could not be written), so it "
                       "accepts no request that changes state");
    }
    if (!tokenMatches(request, m_settings.writeToken)) {
        throw ApiError(ApiErrorKind::Unauthorized, "unauthorized",
                       "this request changes state and needs the API token: send 'Authorization: Bearer "
                       "<token>' (the token is in the data dir's api-token file)");
    }
    const std::string* origin = headerValue(request, "origin");
    if (origin && !isOwnOrigin(*origin)) {
        logRefusal("refused a state-changing request from origin '{}'", *origin);
        throw ApiError(ApiErrorKind::Forbidden, "forbidden_origin",
                       "requests that change state are taken only from the daemon's own pages or from "
                       "clients that send no Origin");
    }
    // Fetch Metadata (W3C): what the browser says about who started the request.
    const std::string* site = headerValue(request, "sec-fetch-site");
    if (site && *site != "same-origin" && *site != "none") {
        logRefusal("refused a state-changing request with Sec-Fetch-Site '{}'", *site);
        throw ApiError(ApiErrorKind::Forbidden, "forbidden_site",
                       "requests that change state are taken only from the daemon's own pages");
    }
}

void RequestGuard::check(const ApiRequest& request) const {
    const std::string* host = headerValue(request, "host");
    if (!host || !hostAllowed(*host)) {
        logRefusal("refused a request for host '{}' (not this server; DNS rebinding?)",
                   host ? *host : std::string());
        throw ApiError(ApiErrorKind::Forbidden, "forbidden_host",
                       "this server answers only as 127.0.0.1, localhost or [::1] on its port, or a name "
                       "listed in server.allowed_hosts");
    }
    if (!m_settings.token.empty() && !isPreflight(request) && !isDashboardFileRequest(request) &&
        !tokenPresented(request)) {
        throw ApiError(
            ApiErrorKind::Unauthorized, "unauthorized",
            "this server requires its API token: send 'Authorization: Bearer <token>' (the token is in "
            "the data dir's api-token file)");
    }
    const std::string* origin = headerValue(request, "origin");
    if (origin && !originAllowed(*origin)) {
        logRefusal("refused a cross-origin request from '{}'", *origin);
        throw ApiError(ApiErrorKind::Forbidden, "forbidden_origin",
                       "origin '" + *origin + "' may not use this API; list it in server.allowed_origins");
    }
}

bool RequestGuard::isPreflight(const ApiRequest& request) const {
    return request.method == "OPTIONS" && headerValue(request, "origin") &&
           headerValue(request, "access-control-request-method");
}

std::vector<std::pair<std::string, std::string>> RequestGuard::corsHeaders(const ApiRequest& request) const {
    std::vector<std::pair<std::string, std::string>> headers = {{"Vary", "Origin"}};
    const std::string* origin = headerValue(request, "origin");
    if (origin && originAllowed(*origin)) {
        headers.emplace_back("Access-Control-Allow-Origin", *origin);
        if (isPreflight(request)) {
            headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            headers.emplace_back("Access-Control-Allow-Headers",
                                 "Authorization, If-None-Match, Last-Event-ID");
            headers.emplace_back("Access-Control-Max-Age", "600");
        }
    }
    return headers;
}

} // namespace kiwoomd::http
