#pragma once
// The pure parts of the status a session publishes: each feed's polling state, the request budget
// of each pacing window, and the session's last error among its feeds'. The session fills in what
// only it knows (connection, counters, host) and calls these for the rest.

#include "kiwoomd/core/RequestLimiter.h"
#include "kiwoomd/core/SessionStatus.h"

#include <vector>

namespace kiwoomd {

struct FeedPollingFacts {
    bool pollingPaused = false; // the user paused polling
    bool connected = false;     // the session is logged in
    bool underWay = false;      // a poll of this feed is queued or in flight
    bool marketOpen = false;    // the regular session is open now
    bool fetchedThisRun = false;
};

// A ranking under way finishes while paused and reads "fetching" until then; a feed fetched
// outside the session idles until the open.
FeedPolling feedPollingOf(const FeedPollingFacts& facts);

// One entry per pacing window, in the windows' order, with the requests it counts now (`used`,
// as RequestLimiter::usage reports them); windows without a count are left out.
std::vector<WindowUsage> budgetUsage(const std::vector<LimitWindow>& windows, const std::vector<int>& used);

// Appends the feeds to `status` and makes its last error the newest of its own and the feeds'
// (an earlier one wins a tie).
void addFeedStatuses(SessionStatus& status, std::vector<FeedStatus> feeds);

} // namespace kiwoomd
