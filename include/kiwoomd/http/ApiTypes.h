#pragma once
// Library-neutral request and response of the local API, so that routing and controllers are
// tested without sockets and the HTTP library stays behind one class (HttpServer).

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiwoomd::http {

class StreamSubscription;

struct ApiRequest {
    std::string method;  // "GET", "HEAD", ...
    std::string version; // "HTTP/1.1" or "HTTP/1.0"
    std::string path;    // without the query string
    std::multimap<std::string, std::string> query;
    std::multimap<std::string, std::string> headers; // names lower-cased by HttpServer
    bool hasBody = false; // Content-Length above 0 or a chunked body: no endpoint takes one

    // The first value of a query parameter, or nullptr.
    const std::string* queryValue(const std::string& name) const;
};

inline constexpr char kJsonContentType[] = "application/json; charset=utf-8";

struct ApiResponse {
    int status = 200;
    std::string contentType = kJsonContentType;
    // Shared so a cached body is handed out without copying it per request.
    std::shared_ptr<const std::string> body;
    std::vector<std::pair<std::string, std::string>> headers;
    // Set for GET /api/stream: the server sends the head (status, contentType, headers) and then
    // writes this subscription's events until the client goes away.
    std::shared_ptr<StreamSubscription> eventStream;

    static ApiResponse json(std::string text, int status = 200);
    static ApiResponse sharedJson(std::shared_ptr<const std::string> text, int status = 200);
};

// What the transport calls for every request: one method, no HTTP library types.
class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    virtual ApiResponse handle(const ApiRequest& request) = 0;
};

} // namespace kiwoomd::http
