#include "kiwoomd/core/RequestLimiter.h"

#include <algorithm>

namespace kiwoomd {

std::vector<LimitWindow> kiwoomLimitWindows() {
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    return {
        {5, milliseconds(1000)},
        {5, std::chrono::duration_cast<milliseconds>(seconds(18))},
        {25, std::chrono::duration_cast<milliseconds>(seconds(90))},
        {50, std::chrono::duration_cast<milliseconds>(seconds(180))},
        {1000, std::chrono::duration_cast<milliseconds>(seconds(3600))},
    };
}

std::vector<LimitWindow> restLimitWindows(const std::string& server) {
    using std::chrono::milliseconds;
    if (server == "mock") {
        return {{1, milliseconds(1000)}};
    }
    return {{5, milliseconds(1000)}};
}

std::vector<LimitWindow> withSafetyMargin(std::vector<LimitWindow> windows,
                                          std::chrono::milliseconds margin) {
    for (auto& window : windows) {
        window.length += margin;
    }
    return windows;
}

RequestLimiter::RequestLimiter(std::vector<LimitWindow> windows, const Clock& clock)
    : m_clock(clock) {
    setWindows(std::move(windows));
}

void RequestLimiter::setWindows(std::vector<LimitWindow> windows) {
    windows.erase(
        std::remove_if(windows.begin(), windows.end(),
                       [](const LimitWindow& w) { return w.maxRequests <= 0 || w.length.count() <= 0; }),
        windows.end());
    m_windows = std::move(windows);
    m_longest = std::chrono::milliseconds(0);
    for (const auto& window : m_windows) {
        m_longest = std::max(m_longest, window.length);
    }
}

void RequestLimiter::forgetExpired() const {
    const Timestamp now = m_clock.now();
    while (!m_sent.empty() && now - m_sent.front() >= m_longest) {
        m_sent.pop_front();
    }
}

std::chrono::milliseconds RequestLimiter::delayUntilAllowed() const {
    forgetExpired();
    const Timestamp now = m_clock.now();
    std::chrono::milliseconds delay{0};
    for (const auto& window : m_windows) {
        const auto limit = static_cast<std::size_t>(window.maxRequests);
        if (m_sent.size() < limit) {
            continue;
        }
        // The request that must leave this window before one more fits: the limit-th newest.
        const Timestamp blocking = m_sent[m_sent.size() - limit];
        const Timestamp freeAt = blocking + window.length;
        if (freeAt > now) {
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(freeAt - now);
            delay = std::max(delay, wait);
        }
    }
    return delay;
}

bool RequestLimiter::tryAcquire() {
    if (delayUntilAllowed().count() > 0) {
        return false;
    }
    record();
    return true;
}

void RequestLimiter::record() {
    forgetExpired();
    m_sent.push_back(m_clock.now());
}

std::vector<int> RequestLimiter::usage() const {
    forgetExpired();
    const Timestamp now = m_clock.now();
    std::vector<int> used;
    for (const auto& window : m_windows) {
        // m_sent is in time order: everything after the first request inside the window counts.
        const auto first = std::upper_bound(m_sent.begin(), m_sent.end(), now - window.length);
        used.push_back(static_cast<int>(m_sent.end() - first));
    }
    return used;
}

int RequestLimiter::usedInLongestWindow() const {
    forgetExpired();
    return static_cast<int>(m_sent.size());
}

} // namespace kiwoomd
