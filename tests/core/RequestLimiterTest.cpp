#include "kiwoomd/core/RequestLimiter.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

using std::chrono::milliseconds;

TEST(RequestLimiter, FivePerSecondRefusesTheSixth) {
    ManualClock clock;
    RequestLimiter limiter({{5, milliseconds(1000)}}, clock);
    for (int i = 0; i < 5; ++i) {
        EXPECT_TRUE(limiter.tryAcquire()) << i;
    }
    EXPECT_FALSE(limiter.tryAcquire());
    EXPECT_EQ(limiter.delayUntilAllowed(), milliseconds(1000));
}

TEST(RequestLimiter, WindowSlidesRatherThanResets) {
    ManualClock clock;
    RequestLimiter limiter({{2, milliseconds(1000)}}, clock);
    ASSERT_TRUE(limiter.tryAcquire());
    clock.advance(milliseconds(600));
    ASSERT_TRUE(limiter.tryAcquire());
    clock.advance(milliseconds(300));
    EXPECT_FALSE(limiter.tryAcquire());
    EXPECT_EQ(limiter.delayUntilAllowed(), milliseconds(100)); // the first request leaves at t=1000
    clock.advance(milliseconds(100));
    EXPECT_TRUE(limiter.tryAcquire());
}

TEST(RequestLimiter, TheLongestBindingWindowDecidesTheDelay) {
    ManualClock clock;
    RequestLimiter limiter({{5, milliseconds(1000)}, {3, milliseconds(18000)}}, clock);
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(limiter.tryAcquire());
        clock.advance(milliseconds(10));
    }
    EXPECT_FALSE(limiter.tryAcquire());
    EXPECT_EQ(limiter.delayUntilAllowed(), milliseconds(18000 - 30));
}

TEST(RequestLimiter, RefusedRequestsAreNotCounted) {
    ManualClock clock;
    RequestLimiter limiter({{1, milliseconds(1000)}}, clock);
    ASSERT_TRUE(limiter.tryAcquire());
    for (int i = 0; i < 10; ++i) {
        EXPECT_FALSE(limiter.tryAcquire());
    }
    clock.advance(milliseconds(1000));
    EXPECT_TRUE(limiter.tryAcquire());
}

TEST(RequestLimiter, DocumentedKiwoomWindowsAllowFiveInABurstThenWait) {
    ManualClock clock;
    RequestLimiter limiter(kiwoomLimitWindows(), clock);
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(limiter.tryAcquire());
    }
    EXPECT_FALSE(limiter.tryAcquire());
    EXPECT_EQ(limiter.usedInLongestWindow(), 5);
}

TEST(RequestLimiter, SustainedPacingNeverExceedsAnyWindow) {
    ManualClock clock;
    const auto windows = kiwoomLimitWindows();
    RequestLimiter pacer(windows, clock);
    RequestLimiter server(windows, clock); // an independent referee with the same rules
    for (int i = 0; i < 1200; ++i) {
        clock.advance(pacer.delayUntilAllowed());
        pacer.record();
        ASSERT_TRUE(server.tryAcquire()) << "request " << i;
    }
}

TEST(RequestLimiter, TheSafetyMarginLengthensEveryWindowAndKeepsItsCount) {
    const auto windows = withSafetyMargin({{5, std::chrono::seconds(1)}, {100, std::chrono::hours(1)}},
                                          std::chrono::milliseconds(250));
    ASSERT_EQ(windows.size(), 2u);
    EXPECT_EQ(windows[0].maxRequests, 5);
    EXPECT_EQ(windows[0].length, std::chrono::milliseconds(1250));
    EXPECT_EQ(windows[1].maxRequests, 100);
    EXPECT_EQ(windows[1].length, std::chrono::hours(1) + std::chrono::milliseconds(250));
}

} // namespace
} // namespace kiwoomd
