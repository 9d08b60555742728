// "polling.interval_seconds": "auto": the interval comes from the limit windows, the feeds' page
// limits and the pacing margin, by the arithmetic PollBudget.h documents.
#include "kiwoomd/core/PollBudget.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using std::chrono::seconds;

// R × (L + margin) / N for the strictest window: the interval at which R requests a poll fill
// every window exactly.
double expectedOptimumMs(int requests, const std::vector<LimitWindow>& windows, milliseconds margin) {
    double strictest = 0.0;
    for (const auto& window : windows) {
        strictest = std::max(strictest, requests * static_cast<double>((window.length + margin).count()) /
                                            window.maxRequests);
    }
    return strictest;
}

int pagesOf(const std::vector<FeedDefinition>& feeds) {
    int pages = 0;
    for (const auto& feed : feeds) {
        pages += feed.maxPages;
    }
    return pages;
}

TEST(PollBudget, EveryPageOfEveryFeedIsARequest) {
    const auto feeds = defaultFeeds();
    ASSERT_EQ(feeds.size(), 3u);
    EXPECT_EQ(requestsPerPoll(feeds), pagesOf(feeds));
    EXPECT_EQ(requestsPerPoll(feeds), 6) << "three feeds of two pages each";
}

TEST(PollBudget, AFeedWithoutAPageLimitStillCostsOneRequest) {
    auto feeds = defaultFeeds();
    feeds[0].maxPages = 0;
    EXPECT_EQ(requestsPerPoll(feeds), 5);
}

TEST(PollBudget, DefaultFeedsOnOpenApiWindowsFollowTheDocumentedArithmetic) {
    const auto feeds = defaultFeeds();
    const auto windows = kiwoomLimitWindows();
    const milliseconds margin = 250ms;

    const double optimum = expectedOptimumMs(pagesOf(feeds), windows, margin);
    // 6 × 18 250 ms / 5: the 5-per-18-s window is the strictest.
    EXPECT_DOUBLE_EQ(optimum, 21900.0);
    EXPECT_EQ(sustainableInterval(feeds, windows, margin),
              milliseconds(static_cast<long long>(std::ceil(optimum))));

    const auto expected = seconds(static_cast<long long>(std::ceil(optimum / 0.95 / 1000.0)));
    EXPECT_EQ(autoPollInterval(feeds, windows, margin), expected);
    EXPECT_EQ(autoPollInterval(feeds, windows, margin), 24s); // 21.9 s / 0.95 = 23.05 s
}

TEST(PollBudget, TheReserveIsLeftUnused) {
    const auto feeds = defaultFeeds();
    const auto windows = kiwoomLimitWindows();
    const auto interval = autoPollInterval(feeds, windows, 250ms);
    const auto optimum = sustainableInterval(feeds, windows, 250ms);
    EXPECT_GE(static_cast<double>(milliseconds(interval).count()) * (1.0 - kPollBudgetReserve),
              static_cast<double>(optimum.count()));
}

TEST(PollBudget, OneFeedOnRestLiveWindowsPollsEverySecond) {
    const std::vector<FeedDefinition> feeds = {defaultFeeds()[0]};
    // 2 requests × 1 250 ms / 5 = 500 ms, well under a second.
    EXPECT_EQ(sustainableInterval(feeds, restLimitWindows("live"), 250ms), 500ms);
    EXPECT_EQ(autoPollInterval(feeds, restLimitWindows("live"), 250ms), 1s);
}

TEST(PollBudget, OneFeedOnTheRestMockServerWaitsForItsOneRequestASecond) {
    const std::vector<FeedDefinition> feeds = {defaultFeeds()[0]};
    // 2 × 1 250 ms / 1 = 2 500 ms; / 0.95 = 2.63 s, so 3 s.
    EXPECT_EQ(sustainableInterval(feeds, restLimitWindows("mock"), 250ms), 2500ms);
    EXPECT_EQ(autoPollInterval(feeds, restLimitWindows("mock"), 250ms), 3s);
}

TEST(PollBudget, MorePagesMeanALongerInterval) {
    auto feeds = defaultFeeds();
    const auto windows = kiwoomLimitWindows();
    const auto twoPages = autoPollInterval(feeds, windows, 250ms);
    for (auto& feed : feeds) {
        feed.maxPages = 4;
    }
    const auto fourPages = autoPollInterval(feeds, windows, 250ms);
    EXPECT_GT(fourPages, twoPages);
    EXPECT_EQ(sustainableInterval(feeds, windows, 250ms), 43800ms); // 12 × 18 250 / 5
}

TEST(PollBudget, ALargerMarginMeansALongerInterval) {
    const auto feeds = defaultFeeds();
    const auto windows = kiwoomLimitWindows();
    EXPECT_LT(sustainableInterval(feeds, windows, 0ms), sustainableInterval(feeds, windows, 1000ms));
    EXPECT_EQ(sustainableInterval(feeds, windows, 0ms), 21600ms); // 6 × 18 000 / 5 and 6 × 3 600 000 / 1000
}

TEST(PollBudget, NoWindowsMeanTheShortestInterval) {
    EXPECT_EQ(sustainableInterval(defaultFeeds(), {}, 250ms), 0ms);
    EXPECT_EQ(autoPollInterval(defaultFeeds(), {}, 250ms), 1s);
}

TEST(PollBudget, AWindowAllowingNoRequestsIsIgnoredRatherThanDividedBy) {
    const std::vector<LimitWindow> windows = {
        {0, milliseconds(1000)}, {-3, milliseconds(1000)}, {5, milliseconds(1000)}};
    EXPECT_EQ(sustainableInterval(defaultFeeds(), windows, 250ms), 1500ms); // 6 × 1 250 / 5
    EXPECT_EQ(autoPollInterval(defaultFeeds(), windows, 250ms), 2s);
}

TEST(PollBudget, NoFeedsNeedTheShortestInterval) {
    EXPECT_EQ(autoPollInterval({}, kiwoomLimitWindows(), 250ms), 1s);
}

} // namespace
} // namespace kiwoomd
