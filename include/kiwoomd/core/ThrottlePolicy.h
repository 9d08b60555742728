#pragma once
// How long to wait after the server throttles queries (-200, -209, -210; kiwoom_error::isThrottle).
// Kiwoom's guide says to wait 17 s, then 90 s, then up to 180 s (shared/kiwoom-openapi.md,
// "Request limits"). Pure arithmetic: the caller counts the consecutive throttles and draws the
// jitter sample, so tests need no clock and no random source.

#include <chrono>
#include <vector>

namespace kiwoomd {

// 17 s, 90 s, 180 s: the waits of Kiwoom's guide, in order.
const std::vector<std::chrono::milliseconds>& kiwoomThrottleSteps();

// The wait after the `consecutiveThrottles`-th throttle in a row (1 = the first): steps[n - 1],
// the last step for every n beyond the list. Zero for n < 1 (nothing throttled) or no steps.
std::chrono::milliseconds
throttleWait(int consecutiveThrottles,
             const std::vector<std::chrono::milliseconds>& steps = kiwoomThrottleSteps());

// `wait` lengthened by up to `fraction` of itself: sample 0 gives `wait`, sample 1 gives
// wait × (1 + fraction). Jitter only lengthens, so no client returns before the guide's wait;
// it spreads clients that were throttled together. `sample` is clamped to [0, 1], a negative
// `fraction` counts as 0.
std::chrono::milliseconds withJitter(std::chrono::milliseconds wait, double fraction, double sample);

// The throttles in a row and the wait after each: the guide's steps, never past `cap`, lengthened
// by up to 20% (withJitter with the caller's sample) so that clients throttled together do not
// return in step. A page that arrives ends the run (reset).
class ThrottleBackoff {
public:
    explicit ThrottleBackoff(std::chrono::milliseconds cap)
        : m_cap(cap) {}

    // One more throttle in a row: the wait before the request goes again.
    std::chrono::milliseconds next(double jitterSample);
    void reset() { m_consecutive = 0; }
    void setCap(std::chrono::milliseconds cap) { m_cap = cap; }
    int consecutive() const { return m_consecutive; }

private:
    std::chrono::milliseconds m_cap;
    int m_consecutive = 0;
};

} // namespace kiwoomd
