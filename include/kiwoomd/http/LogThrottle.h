#pragma once
// Keeps a flood of alike events from flooding the log: at most `burst` lines per `window`, then
// one line saying how many were left out. A page retrying a refused request, or a scanner, would
// otherwise write a warning per request. Thread-safe: any HTTP worker asks; a lock covers a few
// integers.

#include <chrono>
#include <cstdint>
#include <mutex>

namespace kiwoomd::http {

class LogThrottle {
public:
    using Clock = std::chrono::steady_clock;

    explicit LogThrottle(int burst = 10, std::chrono::seconds window = std::chrono::seconds(60))
        : m_burst(burst)
        , m_window(window) {}

    struct Decision {
        bool log = false;                // write this line
        std::uint64_t skippedBefore = 0; // lines left out in the window that just ended, to report
    };

    Decision next(Clock::time_point now = Clock::now()) {
        std::lock_guard lock(m_mutex);
        Decision decision;
        if (now - m_windowStart >= m_window) {
            decision.skippedBefore = m_skipped;
            m_windowStart = now;
            m_logged = 0;
            m_skipped = 0;
        }
        if (m_logged < m_burst) {
            ++m_logged;
            decision.log = true;
        } else {
            ++m_skipped;
        }
        return decision;
    }

private:
    const int m_burst;
    const std::chrono::seconds m_window;
    std::mutex m_mutex;
    Clock::time_point m_windowStart{};
    int m_logged = 0;
    std::uint64_t m_skipped = 0;
};

} // namespace kiwoomd::http
