#pragma once
// Counters of the HTTP server, for /metrics. Thread-safe: plain atomics, written by the server's
// worker threads, read by any.

#include <atomic>
#include <cstdint>

namespace kiwoomd::http {

struct TransportStats {
    std::atomic<std::int64_t> requestsInProgress{0};   // answers being built or written now
    std::atomic<std::uint64_t> rejectedRequests{0};    // refused before routing (RequestScreening)
    std::atomic<std::uint64_t> oversizedHeads{0};      // of those, 431: a request head was too large
    std::atomic<std::int64_t> streamConnections{0};    // GET /api/stream clients being written to
    std::atomic<std::uint64_t> streamWriteFailures{0}; // stream clients gone or too slow to take a write
};

} // namespace kiwoomd::http
