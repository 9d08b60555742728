#include "kiwoomd/core/PollBudget.h"

#include <algorithm>
#include <cmath>

namespace kiwoomd {

using std::chrono::milliseconds;

int requestsPerPoll(const std::vector<FeedDefinition>& feeds) {
    int requests = 0;
    for (const auto& feed : feeds) {
        requests += std::max(feed.maxPages, 1);
    }
    return requests;
}

milliseconds sustainableInterval(const std::vector<FeedDefinition>& feeds,
                                 const std::vector<LimitWindow>& windows, milliseconds margin) {
    const double requests = requestsPerPoll(feeds);
    double longest = 0.0;
    for (const auto& window : windows) {
        if (window.maxRequests <= 0) {
            continue;
        }
        const double length = static_cast<double>((window.length + margin).count());
        longest = std::max(longest, requests * length / window.maxRequests);
    }
    return milliseconds(static_cast<long long>(std::ceil(longest)));
}

std::chrono::seconds autoPollInterval(const std::vector<FeedDefinition>& feeds,
                                      const std::vector<LimitWindow>& windows, milliseconds margin) {
    const double optimum = static_cast<double>(sustainableInterval(feeds, windows, margin).count());
    const double withReserve = optimum / (1.0 - kPollBudgetReserve);
    const auto seconds = static_cast<long long>(std::ceil(withReserve / 1000.0));
    return std::chrono::seconds(std::max<long long>(seconds, 1));
}

} // namespace kiwoomd
