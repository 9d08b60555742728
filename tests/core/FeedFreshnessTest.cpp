#include "kiwoomd/core/FeedFreshness.h"

#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

#include <chrono>

namespace kiwoomd {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const MarketCalendar krx(defaultKrxHolidays(), defaultKrxSpecialDays());

// Tuesday 24 November 2026: the session runs 09:00 to 15:30 KST.
const Timestamp kMidSession = fromKst(2026, 11, 24, 10, 0, 0);
const Timestamp kAfterClose = fromKst(2026, 11, 24, 16, 0, 0);
const Timestamp kClose = fromKst(2026, 11, 24, 15, 30, 0);

FreshnessRules rules() {
    return FreshnessRules{&krx, seconds(60), 3};
}

TEST(FeedFreshness, StaleUntilThisRunFetchedTheFeed) {
    EXPECT_TRUE(isFeedStale(rules(), std::nullopt, false, true, kMidSession));
    EXPECT_TRUE(isFeedStale(rules(), kMidSession, false, true, kMidSession)) << "restored rows";
    EXPECT_FALSE(isFeedStale(rules(), kMidSession, true, true, kMidSession));
}

TEST(FeedFreshness, StaleWhileNotLoggedIn) {
    EXPECT_TRUE(isFeedStale(rules(), kMidSession, true, false, kMidSession));
}

TEST(FeedFreshness, DuringTheSessionStaleAfterTheConfiguredNumberOfIntervals) {
    const Timestamp fetched = kMidSession - minutes(3);
    EXPECT_FALSE(isFeedStale(rules(), fetched, true, true, kMidSession)) << "exactly three intervals";
    EXPECT_TRUE(isFeedStale(rules(), fetched - seconds(1), true, true, kMidSession));
}

TEST(FeedFreshness, AfterTheCloseARankingFetchedSinceTheCloseStaysCurrent) {
    EXPECT_FALSE(isFeedStale(rules(), kClose + minutes(1), true, true, kAfterClose + minutes(600)));
    EXPECT_TRUE(isFeedStale(rules(), kClose - minutes(1), true, true, kAfterClose));
}

FeedStatus statusOf(std::optional<Timestamp> lastFetch, std::optional<Timestamp> lastAttempt,
                    bool failed = false) {
    FeedStatus status;
    status.lastFetch = lastFetch;
    status.lastAttempt = lastAttempt;
    if (failed) {
        status.lastError = ErrorInfo{-200, "throttled", lastAttempt.value_or(Timestamp{})};
    }
    return status;
}

TEST(FeedPollDue, NeverWhileAPollIsUnderWay) {
    EXPECT_FALSE(isFeedPollDue(krx, statusOf(std::nullopt, std::nullopt), true, false, kMidSession));
    EXPECT_FALSE(isFeedPollDue(krx, statusOf(std::nullopt, std::nullopt), true, true, kAfterClose));
}

TEST(FeedPollDue, AlwaysDuringTheSession) {
    EXPECT_TRUE(isFeedPollDue(krx, statusOf(kMidSession, kMidSession), false, true, kMidSession));
}

TEST(FeedPollDue, OutsideTheSessionDueUntilThisRunFetchedTheFeed) {
    EXPECT_TRUE(
        isFeedPollDue(krx, statusOf(kClose + minutes(5), kClose + minutes(5)), false, false, kAfterClose));
}

TEST(FeedPollDue, OutsideTheSessionNotDueOnceFetchedSinceTheClose) {
    EXPECT_FALSE(
        isFeedPollDue(krx, statusOf(kClose + minutes(5), kClose + minutes(5)), false, true, kAfterClose));
    EXPECT_TRUE(
        isFeedPollDue(krx, statusOf(kClose - minutes(5), kClose - minutes(5)), false, true, kAfterClose));
}

TEST(FeedPollDue, OutsideTheSessionAnAnswerWithoutErrorCountsAsDoneAndAFailureIsTriedAgain) {
    const auto answered = statusOf(kClose - minutes(5), kClose + minutes(5));
    EXPECT_FALSE(isFeedPollDue(krx, answered, false, true, kAfterClose));
    const auto failed = statusOf(kClose - minutes(5), kClose + minutes(5), true);
    EXPECT_TRUE(isFeedPollDue(krx, failed, false, true, kAfterClose));
}

} // namespace
} // namespace kiwoomd
