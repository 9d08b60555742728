#include "kiwoomd/core/PollQueue.h"

#include "kiwoomd/core/TrPage.h"

#include <gtest/gtest.h>

#include <vector>

namespace kiwoomd {
namespace {

PollRequest firstPage(std::size_t feed, int attempt = 1) {
    return {feed, prev_next::kFirstPage, attempt};
}

PollRequest nextPage(std::size_t feed) {
    return {feed, prev_next::kNextPage, 1};
}

std::vector<std::size_t> feedsInOrder(const PollQueue& queue) {
    std::vector<std::size_t> feeds;
    for (const auto& request : queue.pending()) {
        feeds.push_back(request.feed);
    }
    return feeds;
}

TEST(PollQueue, IsEmptyUntilSomethingIsAdded) {
    PollQueue queue;
    EXPECT_TRUE(queue.empty());
    EXPECT_FALSE(queue.takeNext());
    queue.addFirstPage(firstPage(0), 0);
    EXPECT_FALSE(queue.empty());
    EXPECT_EQ(queue.size(), 1u);
}

TEST(PollQueue, FirstPagesGoByPriorityLowerNumberFirst) {
    PollQueue queue;
    queue.addFirstPage(firstPage(0), 5);
    queue.addFirstPage(firstPage(1), 1);
    queue.addFirstPage(firstPage(2), 3);
    EXPECT_EQ(feedsInOrder(queue), (std::vector<std::size_t>{1, 2, 0}));
}

TEST(PollQueue, FirstPagesOfEqualPriorityAreFirstComeFirstServed) {
    PollQueue queue;
    queue.addFirstPage(firstPage(3), 2);
    queue.addFirstPage(firstPage(1), 2);
    queue.addFirstPage(firstPage(0), 1);
    queue.addFirstPage(firstPage(2), 2);
    EXPECT_EQ(feedsInOrder(queue), (std::vector<std::size_t>{0, 3, 1, 2}));
}

TEST(PollQueue, ANextPageGoesAheadOfEveryWaitingFirstPage) {
    PollQueue queue;
    queue.addFirstPage(firstPage(0), 0);
    queue.addFirstPage(firstPage(1), 9);
    queue.addToFront(nextPage(2));
    const auto next = queue.takeNext();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->feed, 2u);
    EXPECT_EQ(next->prevNext, prev_next::kNextPage);
    EXPECT_EQ(feedsInOrder(queue), (std::vector<std::size_t>{0, 1}));
}

TEST(PollQueue, AFirstPageOfTopPriorityStillWaitsBehindQueuedNextPages) {
    PollQueue queue;
    queue.addToFront(nextPage(4));
    queue.addFirstPage(firstPage(1), -100);
    EXPECT_EQ(feedsInOrder(queue), (std::vector<std::size_t>{4, 1}));
}

TEST(PollQueue, ARequestSentAgainKeepsItsAttemptAndGoesFirst) {
    PollQueue queue;
    queue.addFirstPage(firstPage(0), 0);
    queue.addToFront(firstPage(1, 2));
    const auto next = queue.takeNext();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->feed, 1u);
    EXPECT_EQ(next->attempt, 2);
    EXPECT_EQ(next->prevNext, prev_next::kFirstPage);
}

TEST(PollQueue, TakeNextRemovesTheRequestItReturns) {
    PollQueue queue;
    queue.addFirstPage(firstPage(0), 0);
    queue.addFirstPage(firstPage(1), 0);
    EXPECT_EQ(queue.takeNext()->feed, 0u);
    EXPECT_EQ(queue.takeNext()->feed, 1u);
    EXPECT_TRUE(queue.empty());
}

TEST(PollQueue, RemovingAFeedDropsEveryRequestOfItAndNoOther) {
    PollQueue queue;
    queue.addFirstPage(firstPage(0), 0);
    queue.addFirstPage(firstPage(1), 0);
    queue.addToFront(nextPage(1));
    queue.addFirstPage(firstPage(2), 0);
    queue.removeFeed(1);
    EXPECT_EQ(feedsInOrder(queue), (std::vector<std::size_t>{0, 2}));
}

TEST(PollQueue, DroppingFirstPagesKeepsContinuationsAndNamesTheDroppedFeeds) {
    PollQueue queue;
    queue.addFirstPage(firstPage(0), 1);
    queue.addFirstPage(firstPage(2), 0);
    queue.addToFront(nextPage(1));
    const auto dropped = queue.dropFirstPages();
    EXPECT_EQ(dropped, (std::vector<std::size_t>{2, 0}));
    ASSERT_EQ(queue.size(), 1u);
    EXPECT_EQ(queue.pending()[0].feed, 1u);
    EXPECT_EQ(queue.pending()[0].prevNext, prev_next::kNextPage);
}

TEST(PollQueue, ClearDropsEverything) {
    PollQueue queue;
    queue.addFirstPage(firstPage(0), 0);
    queue.addToFront(nextPage(1));
    queue.clear();
    EXPECT_TRUE(queue.empty());
    EXPECT_TRUE(queue.dropFirstPages().empty());
}

TEST(RetryAfterTimeout, AFirstAttemptIsAskedOnceMoreFromItsFirstPage) {
    const auto retry = retryAfterTimeout(firstPage(3), 2);
    ASSERT_TRUE(retry.has_value());
    EXPECT_EQ(retry->feed, 3u);
    EXPECT_EQ(retry->prevNext, prev_next::kFirstPage);
    EXPECT_EQ(retry->attempt, 2);
}

TEST(RetryAfterTimeout, ALostContinuationPageStartsTheRankingAgain) {
    const auto retry = retryAfterTimeout(nextPage(1), 2);
    ASSERT_TRUE(retry.has_value());
    EXPECT_EQ(retry->prevNext, prev_next::kFirstPage);
    EXPECT_EQ(retry->attempt, 2);
}

TEST(RetryAfterTimeout, TheLastAttemptIsNotRetried) {
    EXPECT_FALSE(retryAfterTimeout(firstPage(0, 2), 2).has_value());
    EXPECT_FALSE(retryAfterTimeout(firstPage(0), 1).has_value());
}

TEST(PollQueue, ANewNextPageGoesFirstAndANewFirstPageWaitsByPriority) {
    PollQueue queue;
    queue.add(firstPage(0), 5);
    queue.add(firstPage(1), 1);
    queue.add(nextPage(2), 9);
    EXPECT_EQ(feedsInOrder(queue), (std::vector<std::size_t>{2, 1, 0}));
}

TEST(InFlightRequest, NothingIsInFlightAtFirst) {
    const InFlightRequest inFlight;
    EXPECT_FALSE(inFlight.active());
    EXPECT_FALSE(inFlight.request().has_value());
    EXPECT_FALSE(inFlight.named("kospi#1").has_value());
}

TEST(InFlightRequest, OnlyEventsNamingTheRequestInFlightAreAboutIt) {
    InFlightRequest inFlight;
    inFlight.start(firstPage(3), "kospi#1");
    EXPECT_TRUE(inFlight.active());
    ASSERT_TRUE(inFlight.named("kospi#1").has_value());
    EXPECT_EQ(inFlight.named("kospi#1")->feed, 3u);
    EXPECT_FALSE(inFlight.named("kospi#0").has_value());
    EXPECT_FALSE(inFlight.awaitingResult("kosdaq#1").has_value());
}

TEST(InFlightRequest, ASendResultCountsOnlyUntilTheRequestIsAccepted) {
    InFlightRequest inFlight;
    inFlight.start(firstPage(0), "kospi#1");
    EXPECT_TRUE(inFlight.awaitingResult("kospi#1").has_value());
    inFlight.accept();
    EXPECT_FALSE(inFlight.awaitingResult("kospi#1").has_value());
    EXPECT_TRUE(inFlight.named("kospi#1").has_value()); // its answer or refusal still counts
}

TEST(InFlightRequest, AClearedRequestIgnoresItsLateAnswer) {
    InFlightRequest inFlight;
    inFlight.start(nextPage(1), "kospi#1");
    inFlight.clear();
    EXPECT_FALSE(inFlight.active());
    EXPECT_FALSE(inFlight.named("kospi#1").has_value());
}

} // namespace
} // namespace kiwoomd
