#pragma once
// Connection counters of the HTTP transport, for /metrics. Thread-safe: plain atomics, written by
// the transport's threads, read by any.

#include <atomic>
#include <cstdint>

namespace kiwoomd::http {

struct TransportStats {
    std::atomic<std::int64_t> openConnections{0};       // request/response connections now
    std::atomic<std::uint64_t> acceptedConnections{0};  // since start, refused ones included
    std::atomic<std::uint64_t> refusedConnections{0};   // 503: server.max_connections reached
    std::atomic<std::uint64_t> headTimeouts{0};         // 408: a request head arrived too slowly
    std::atomic<std::uint64_t> oversizedHeads{0};       // 431: a request head was too large
    std::atomic<std::int64_t> streamConnections{0};     // GET /api/stream clients being written to
    std::atomic<std::uint64_t> streamsClosedStalled{0}; // stream clients cut off for not reading
};

} // namespace kiwoomd::http
