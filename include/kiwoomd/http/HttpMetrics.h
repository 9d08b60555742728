#pragma once
// Counts answered HTTP requests by route and status for /metrics. Thread-safe: every HTTP worker
// records into it; the lock covers a map increment only.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace kiwoomd::http {

class HttpMetrics {
public:
    void record(const std::string& route, int status);
    std::map<std::pair<std::string, int>, std::uint64_t> snapshot() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::uint64_t> m_counts;
};

} // namespace kiwoomd::http
