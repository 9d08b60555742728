#include "kiwoomd/core/SessionStatusAssembly.h"

#include <gtest/gtest.h>

#include <chrono>

namespace kiwoomd {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

FeedPollingFacts connectedDuringTheSession() {
    FeedPollingFacts facts;
    facts.connected = true;
    facts.marketOpen = true;
    return facts;
}

TEST(FeedPollingOf, ConnectedDuringTheSessionIsActive) {
    EXPECT_EQ(feedPollingOf(connectedDuringTheSession()), FeedPolling::Active);
}

TEST(FeedPollingOf, APollUnderWayIsFetching) {
    auto facts = connectedDuringTheSession();
    facts.underWay = true;
    EXPECT_EQ(feedPollingOf(facts), FeedPolling::Fetching);
}

TEST(FeedPollingOf, NotLoggedInIsWaitingForConnectionEvenWithAPollQueued) {
    FeedPollingFacts facts;
    facts.underWay = true;
    facts.marketOpen = true;
    EXPECT_EQ(feedPollingOf(facts), FeedPolling::WaitingForConnection);
}

TEST(FeedPollingOf, PausedWinsOverEverythingButARankingUnderWay) {
    auto facts = connectedDuringTheSession();
    facts.pollingPaused = true;
    EXPECT_EQ(feedPollingOf(facts), FeedPolling::Paused);
    facts.connected = false;
    EXPECT_EQ(feedPollingOf(facts), FeedPolling::Paused);
    facts.connected = true;
    facts.underWay = true;
    EXPECT_EQ(feedPollingOf(facts), FeedPolling::Fetching) << "a ranking under way finishes";
}

TEST(FeedPollingOf, FetchedOutsideTheSessionIdlesUntilTheOpen) {
    auto facts = connectedDuringTheSession();
    facts.marketOpen = false;
    EXPECT_EQ(feedPollingOf(facts), FeedPolling::Active) << "not fetched yet: still to be polled";
    facts.fetchedThisRun = true;
    EXPECT_EQ(feedPollingOf(facts), FeedPolling::IdleMarketClosed);
}

TEST(BudgetUsage, OneEntryPerWindowInSecondsWithItsCount) {
    const std::vector<LimitWindow> windows{{5, milliseconds(1000)}, {1000, milliseconds(3600000)}};
    const auto budget = budgetUsage(windows, {3, 250});
    ASSERT_EQ(budget.size(), 2u);
    EXPECT_EQ(budget[0].maxRequests, 5);
    EXPECT_EQ(budget[0].seconds, 1);
    EXPECT_EQ(budget[0].used, 3);
    EXPECT_EQ(budget[1].maxRequests, 1000);
    EXPECT_EQ(budget[1].seconds, 3600);
    EXPECT_EQ(budget[1].used, 250);
}

TEST(BudgetUsage, WindowsWithoutACountAreLeftOut) {
    const std::vector<LimitWindow> windows{{5, milliseconds(1000)}, {25, milliseconds(90000)}};
    EXPECT_EQ(budgetUsage(windows, {1}).size(), 1u);
    EXPECT_TRUE(budgetUsage({}, {1, 2}).empty());
}

FeedStatus feedWithError(const std::string& id, Timestamp at) {
    FeedStatus feed;
    feed.id = id;
    feed.lastError = ErrorInfo{-200, "throttled", at};
    return feed;
}

TEST(AddFeedStatuses, FeedsKeepTheirOrder) {
    SessionStatus status;
    FeedStatus a;
    a.id = "a";
    FeedStatus b;
    b.id = "b";
    addFeedStatuses(status, {a, b});
    ASSERT_EQ(status.feeds.size(), 2u);
    EXPECT_EQ(status.feeds[0].id, "a");
    EXPECT_EQ(status.feeds[1].id, "b");
    EXPECT_FALSE(status.lastError);
}

TEST(AddFeedStatuses, TheSessionsLastErrorIsTheNewestOfItsOwnAndTheFeeds) {
    const Timestamp t0{seconds(1000)};
    SessionStatus status;
    status.lastError = ErrorInfo{-106, "lost", t0 + seconds(5)};
    addFeedStatuses(status, {feedWithError("old", t0), feedWithError("new", t0 + seconds(9))});
    ASSERT_TRUE(status.lastError);
    EXPECT_EQ(status.lastError->at, t0 + seconds(9));
    EXPECT_EQ(status.lastError->kiwoomCode, -200);
}

TEST(AddFeedStatuses, AnEarlierErrorWinsATie) {
    const Timestamp t0{seconds(1000)};
    SessionStatus status;
    status.lastError = ErrorInfo{-106, "lost", t0};
    addFeedStatuses(status, {feedWithError("same time", t0)});
    EXPECT_EQ(status.lastError->kiwoomCode, -106);

    SessionStatus fromFeeds;
    auto second = feedWithError("second", t0);
    second.lastError->message = "second";
    addFeedStatuses(fromFeeds, {feedWithError("first", t0), second});
    EXPECT_EQ(fromFeeds.lastError->message, "throttled");
}

} // namespace
} // namespace kiwoomd
