#include "kiwoomd/core/SessionStatusAssembly.h"

#include <chrono>
#include <utility>

namespace kiwoomd {

FeedPolling feedPollingOf(const FeedPollingFacts& facts) {
    if (facts.pollingPaused && !facts.underWay) {
        return FeedPolling::Paused;
    }
    if (!facts.connected) {
        return FeedPolling::WaitingForConnection;
    }
    if (facts.underWay) {
        return FeedPolling::Fetching;
    }
    if (!facts.marketOpen && facts.fetchedThisRun) {
        return FeedPolling::IdleMarketClosed;
    }
    return FeedPolling::Active;
}

std::vector<WindowUsage> budgetUsage(const std::vector<LimitWindow>& windows, const std::vector<int>& used) {
    std::vector<WindowUsage> budget;
    for (std::size_t i = 0; i < windows.size() && i < used.size(); ++i) {
        budget.push_back(
            {windows[i].maxRequests,
             static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(windows[i].length).count()),
             used[i]});
    }
    return budget;
}

void addFeedStatuses(SessionStatus& status, std::vector<FeedStatus> feeds) {
    for (auto& feed : feeds) {
        if (feed.lastError && (!status.lastError || feed.lastError->at > status.lastError->at)) {
            status.lastError = feed.lastError;
        }
        status.feeds.push_back(std::move(feed));
    }
}

} // namespace kiwoomd
