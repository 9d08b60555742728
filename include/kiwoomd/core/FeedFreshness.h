#pragma once
// When a feed's ranking is stale and when the feed is due for a poll, by the market calendar:
// during the session a ranking ages with the poll interval; after the close it is final once
// fetched after the close, and polling it again would only spend the request budget.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/MarketCalendar.h"
#include "kiwoomd/core/SessionStatus.h"

#include <chrono>
#include <optional>

namespace kiwoomd {

struct FreshnessRules {
    const MarketCalendar* calendar = nullptr; // required
    std::chrono::seconds pollInterval{60};
    int staleAfterIntervals = 3; // during the session, older than this many intervals is stale
};

// Stale until this run fetched the feed, and whenever the session is not logged in.
bool isFeedStale(const FreshnessRules& rules, std::optional<Timestamp> lastFetch, bool fetchedThisRun,
                 bool connected, Timestamp now);

// Due unless a poll is under way. Outside the session, once this run fetched the feed, only until
// it was fetched after the last close, or asked and answered without an error ("no data" counts
// as an answer; a failure is tried again).
bool isFeedPollDue(const MarketCalendar& calendar, const FeedStatus& status, bool underWay,
                   bool fetchedThisRun, Timestamp now);

} // namespace kiwoomd
