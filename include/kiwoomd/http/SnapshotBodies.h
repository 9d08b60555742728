#pragma once
// The answer for one feed's snapshot: its shared body as it is, gzip-compressed for clients that
// accept it (compressed at most once per snapshot, by the first request that asks, then shared),
// or 304 Not Modified when the client's If-None-Match already names the snapshot's ETag.
// Thread-safe: HTTP workers call it concurrently; a lock covers the compressed-body map only.

#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/http/ApiTypes.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace kiwoomd::http {

class SnapshotBodies {
public:
    ApiResponse respond(const ApiRequest& request, const FeedSnapshotPtr& snapshot) const;

private:
    std::shared_ptr<const std::string> gzipOf(const FeedSnapshotPtr& snapshot) const;

    struct Compressed {
        std::string etag;
        std::shared_ptr<const std::string> body;
    };
    mutable std::mutex m_mutex;
    mutable std::map<std::string, Compressed> m_compressed; // by feed id: the latest snapshot's
};

// Body, ETag and content coding for a representation that has a tag: 304 when If-None-Match
// names it; gzip when accepted and available. Shared by snapshots and the dashboard's files.
// `compressible`: a gzip form exists or can be made, so the answer varies by Accept-Encoding.
// `gzipBody` is asked for only when the client accepts gzip and the answer is not 304; it may
// return null (no gzip form after all).
using GzipSource = std::function<std::shared_ptr<const std::string>()>;
ApiResponse representation(const ApiRequest& request, std::shared_ptr<const std::string> body,
                           const std::string& etag, bool compressible, const GzipSource& gzipBody,
                           std::string contentType);

} // namespace kiwoomd::http
