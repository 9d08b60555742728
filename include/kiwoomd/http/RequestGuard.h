#pragma once
// Checks every request before routing. A page in the user's browser can reach 127.0.0.1, so:
// - Host must name this server (127.0.0.1, localhost or [::1] with our port, or a configured
//   name): a DNS-rebinding page reaches us under its own host name and is refused. This is the
//   defence OWASP's DNS rebinding notes and RFC 9110 §7.2 (Host) make possible.
// - A request with an Origin other than our own or a configured one is refused, so other sites
//   cannot read the API through the user's browser (CORS is granted only to listed origins,
//   with Vary: Origin, never "*"; Fetch standard §3.2).
// Thread-safe: immutable after construction except the port, set once the socket is bound.

#include "kiwoomd/http/ApiError.h"
#include "kiwoomd/http/ApiTypes.h"

#include <atomic>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiwoomd::http {

struct GuardSettings {
    std::vector<std::string> allowedHosts;   // extra host names, e.g. "kiwoomd.local"
    std::vector<std::string> allowedOrigins; // extra origins, e.g. "http://localhost:3000"
    // The API token; required on every request when set, except GETs of the dashboard's own files.
    std::string token;
    // The API token for requests that change state (POST /api/control/...); empty: they are refused.
    std::string writeToken;
};

class RequestGuard {
public:
    explicit RequestGuard(GuardSettings settings);

    void setPort(int port) { m_port.store(port); }

    // Throws ApiError (403) when the request must not be served.
    void check(const ApiRequest& request) const;

    // The extra checks of a request that changes state, against cross-site request forgery
    // (OWASP CSRF Prevention Cheat Sheet): the API token, which a page on another site cannot
    // read or attach without a preflight we refuse; and a same-origin request, by Origin and
    // Sec-Fetch-Site when the client sends them (a browser always does on a POST). Throws 401,
    // 403, or 503 when no token exists.
    void checkStateChange(const ApiRequest& request) const;

    // Headers that grant the request's origin CORS access, when it has one we allow.
    std::vector<std::pair<std::string, std::string>> corsHeaders(const ApiRequest& request) const;

    bool isPreflight(const ApiRequest& request) const;

private:
    bool hostAllowed(const std::string& host) const;
    bool tokenPresented(const ApiRequest& request) const { return tokenMatches(request, m_settings.token); }
    static bool tokenMatches(const ApiRequest& request, const std::string& token);
    bool isOwnOrigin(const std::string& origin) const;
    bool originAllowed(const std::string& origin) const;
    std::vector<std::string> ownAuthorities() const;

    GuardSettings m_settings;
    std::atomic<int> m_port{0};
};

// The value of a request header (names are lower case in ApiRequest), or nullptr.
const std::string* headerValue(const ApiRequest& request, const std::string& lowerName);

} // namespace kiwoomd::http
