#include "kiwoomd/http/SnapshotBodies.h"

#include "kiwoomd/http/Negotiation.h"
#include "kiwoomd/http/RequestGuard.h"

namespace kiwoomd::http {
namespace {

// Bodies this small gain nothing from compression.
constexpr std::size_t kGzipThreshold = 1024;

} // namespace

ApiResponse representation(const ApiRequest& request, std::shared_ptr<const std::string> body,
                           const std::string& etag, bool compressible, const GzipSource& gzipBody,
                           std::string contentType) {
    ApiResponse response;
    response.contentType = std::move(contentType);
    response.headers.emplace_back("ETag", etag);
    // Caches may keep it, but must ask again each time (RFC 9111 §5.2.2.4); the ETag makes that cheap.
    response.headers.emplace_back("Cache-Control", "no-cache");
    if (compressible) {
        response.headers.emplace_back("Vary", "Accept-Encoding");
    }
    const std::string* ifNoneMatch = headerValue(request, "if-none-match");
    if (ifNoneMatch && noneMatchHits(*ifNoneMatch, etag)) {
        response.status = 304;
        response.body = std::make_shared<const std::string>();
        return response;
    }
    const std::string* acceptEncoding = headerValue(request, "accept-encoding");
    auto gzip = compressible && acceptEncoding && acceptsGzip(*acceptEncoding) ? gzipBody() : nullptr;
    if (gzip) {
        response.headers.emplace_back("Content-Encoding", "gzip");
        response.body = std::move(gzip);
    } else {
        response.body = std::move(body);
    }
    return response;
}

std::shared_ptr<const std::string> SnapshotBodies::gzipOf(const FeedSnapshotPtr& snapshot) const {
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_compressed.find(snapshot->feedId);
        if (it != m_compressed.end() && it->second.etag == snapshot->etag) {
            return it->second.body;
        }
    }
    // Two requests may race to compress the same new snapshot; both results are the same bytes.
    auto compressed = gzipCompress(snapshot->body);
    if (compressed) {
        std::lock_guard lock(m_mutex);
        m_compressed[snapshot->feedId] = Compressed{snapshot->etag, compressed};
    }
    return compressed;
}

ApiResponse SnapshotBodies::respond(const ApiRequest& request, const FeedSnapshotPtr& snapshot) const {
    // Aliasing shared_ptr: the body lives as long as the snapshot and is handed out without a copy.
    std::shared_ptr<const std::string> body(snapshot, &snapshot->body);
    return representation(
        request, std::move(body), snapshot->etag, snapshot->body.size() >= kGzipThreshold,
        [this, &snapshot] { return gzipOf(snapshot); }, kJsonContentType);
}

} // namespace kiwoomd::http
