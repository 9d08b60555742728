#include "kiwoomd/http/StreamController.h"

#include "kiwoomd/http/ApiError.h"
#include "kiwoomd/http/RequestGuard.h"

#include <algorithm>
#include <cctype>

namespace kiwoomd::http {
namespace {

std::vector<std::string> splitFeeds(const std::string& list) {
    std::vector<std::string> feeds;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string::npos) {
            end = list.size();
        }
        if (end > start) {
            feeds.push_back(list.substr(start, end - start));
        }
        start = end + 1;
    }
    return feeds;
}

// Last-Event-ID as EventSource resends it: our ids are versions, so digits only; anything else is
// treated as absent (the client then gets every feed's current snapshot).
std::optional<std::uint64_t> lastEventId(const ApiRequest& request) {
    const std::string* value = headerValue(request, "last-event-id");
    if (!value || value->empty() || value->size() > 19 ||
        !std::all_of(value->begin(), value->end(), [](unsigned char c) { return std::isdigit(c); })) {
        return std::nullopt;
    }
    return std::stoull(*value);
}

} // namespace

StreamController::StreamController(const SnapshotCache& cache, EventStreamHub* hub)
    : m_cache(cache)
    , m_hub(hub) {}

ApiResponse StreamController::get(const ApiRequest& request) const {
    if (!m_hub) {
        throw ApiError(ApiErrorKind::NotFound, "not_found", "no endpoint at " + request.path);
    }
    std::vector<std::string> feeds;
    if (const std::string* list = request.queryValue("feeds")) {
        feeds = splitFeeds(*list);
        for (const auto& feed : feeds) {
            if (!m_cache.get(feed)) {
                throw ApiError(ApiErrorKind::BadRequest, "unknown_feed",
                               "no feed '" + feed + "' is configured");
            }
        }
    }
    ApiResponse response;
    response.contentType = kEventStreamContentType;
    response.headers.emplace_back("Cache-Control", "no-store");
    // Proxies such as nginx would otherwise hold events back to fill their buffers.
    response.headers.emplace_back("X-Accel-Buffering", "no");
    if (request.method == "HEAD") {
        response.body = std::make_shared<const std::string>();
        return response;
    }
    response.eventStream = m_hub->subscribe(std::move(feeds), lastEventId(request));
    if (!response.eventStream) {
        const int cap = m_hub->settings().maxSubscribers;
        ApiError full(ApiErrorKind::Unavailable, "too_many_subscribers",
                      cap == 0
                          ? std::string("the event stream is off (server.max_stream_subscribers is 0); poll "
                                        "/api/volume-ranking instead")
                          : "the event stream has its maximum of " + std::to_string(cap) +
                                " subscribers (server.max_stream_subscribers); poll /api/volume-ranking or "
                                "try later");
        full.retryAfterSeconds = 5;
        throw full;
    }
    return response;
}

} // namespace kiwoomd::http
