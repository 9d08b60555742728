#pragma once
// Sliding-window request limits (Kiwoom: at most 5 TR queries a second, and longer community-
// observed windows; shared/kiwoom-openapi.md). The emulator enforces them exactly to answer -200;
// the session paces its requests with the same type so it never meets that answer.
// Not thread-safe: each owner uses it on its own thread.

#include "kiwoomd/core/Clock.h"

#include <chrono>
#include <deque>
#include <vector>

namespace kiwoomd {

struct LimitWindow {
    int maxRequests = 5;
    std::chrono::milliseconds length{1000};
};

// The windows documented in shared/kiwoom-openapi.md: 5/1 s, 5/18 s, 25/90 s, 50/180 s, 1000/h.
std::vector<LimitWindow> kiwoomLimitWindows();

// Kiwoom's REST limits as users measured them: about 5 queries a second on the live server (per
// api-id), about 1 a second on the mock server (shared/kiwoom-openapi.md); overruns answer 1700.
// No longer windows are documented. `server` is "live" or "mock"; rest.limit_windows overrides.
std::vector<LimitWindow> restLimitWindows(const std::string& server);

// `windows` each lengthened by `margin` (polling.safety_margin_ms), so that the pacing is a little
// more careful than the server's own count.
std::vector<LimitWindow> withSafetyMargin(std::vector<LimitWindow> windows, std::chrono::milliseconds margin);

class RequestLimiter {
public:
    RequestLimiter(std::vector<LimitWindow> windows, const Clock& clock);

    // How long until one more request fits every window (zero when it fits now).
    std::chrono::milliseconds delayUntilAllowed() const;

    // Records a request at now(); true when it fitted every window. A refused request is not
    // recorded (the server does not count what it refuses).
    bool tryAcquire();

    // Records a request at now() whether or not it fitted (the sender decided to send it).
    void record();

    // New windows, keeping the requests already made (they still count against the server).
    void setWindows(std::vector<LimitWindow> windows);

    // Requests inside the longest window, for status reporting.
    int usedInLongestWindow() const;
    // Requests inside each window, in the order of windows().
    std::vector<int> usage() const;
    const std::vector<LimitWindow>& windows() const { return m_windows; }

private:
    void forgetExpired() const;

    std::vector<LimitWindow> m_windows;
    const Clock& m_clock;
    std::chrono::milliseconds m_longest{0};
    mutable std::deque<Timestamp> m_sent; // oldest first
};

} // namespace kiwoomd
