#pragma once
// GET /api/stream[?feeds=ID,ID]: Server-Sent Events of every snapshot and status change (the
// events are described in EventStreamHub.h). Answers with a subscription the transport writes
// to; 503 too_many_subscribers beyond server.max_stream_subscribers; 400 for an unknown feed.
// Thread: any HTTP worker thread.

#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/http/ApiTypes.h"
#include "kiwoomd/http/EventStreamHub.h"

namespace kiwoomd::http {

// Without a charset parameter: an event stream is always UTF-8 (WHATWG HTML §9.2.5), and cpp-httplib
// 0.11 takes "text/event-stream; charset=utf-8" for a text type it may compress with gzip or br,
// which holds events back in the compressor; the bare type it never compresses.
inline constexpr char kEventStreamContentType[] = "text/event-stream";

class StreamController {
public:
    StreamController(const SnapshotCache& cache, EventStreamHub* hub);
    ApiResponse get(const ApiRequest& request) const;

private:
    const SnapshotCache& m_cache;
    EventStreamHub* m_hub;
};

} // namespace kiwoomd::http
