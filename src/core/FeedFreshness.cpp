#include "kiwoomd/core/FeedFreshness.h"

namespace kiwoomd {

bool isFeedStale(const FreshnessRules& rules, std::optional<Timestamp> lastFetch, bool fetchedThisRun,
                 bool connected, Timestamp now) {
    if (!fetchedThisRun || !lastFetch || !connected) {
        return true;
    }
    if (rules.calendar->isRegularSessionOpen(now)) {
        return now - *lastFetch > rules.pollInterval * rules.staleAfterIntervals;
    }
    // After the close the ranking is final: current if it was fetched after the last close.
    const auto lastClose = rules.calendar->lastCloseAtOrBefore(now);
    return lastClose && *lastFetch < *lastClose;
}

bool isFeedPollDue(const MarketCalendar& calendar, const FeedStatus& status, bool underWay,
                   bool fetchedThisRun, Timestamp now) {
    if (underWay || !fetchedThisRun || calendar.isRegularSessionOpen(now)) {
        return !underWay;
    }
    const auto lastClose = calendar.lastCloseAtOrBefore(now);
    if (!lastClose) {
        return false;
    }
    const bool fetchedSinceClose = status.lastFetch && *status.lastFetch >= *lastClose;
    const bool answeredSinceClose =
        status.lastAttempt && *status.lastAttempt >= *lastClose && !status.lastError;
    return !fetchedSinceClose && !answeredSinceClose;
}

} // namespace kiwoomd
