#include "kiwoomd/http/HttpMetrics.h"

namespace kiwoomd::http {

void HttpMetrics::record(const std::string& route, int status) {
    std::lock_guard lock(m_mutex);
    ++m_counts[{route, status}];
}

std::map<std::pair<std::string, int>, std::uint64_t> HttpMetrics::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_counts;
}

} // namespace kiwoomd::http
