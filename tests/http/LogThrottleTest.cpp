#include "kiwoomd/http/LogThrottle.h"

#include <gtest/gtest.h>

namespace kiwoomd::http {
namespace {

using namespace std::chrono_literals;

TEST(LogThrottle, LogsABurstThenCountsWhatItLeavesOutAndReportsItInTheNextWindow) {
    LogThrottle throttle(3, 60s);
    const auto start = LogThrottle::Clock::time_point{} + 1000s;
    int logged = 0;
    for (int i = 0; i < 10; ++i) {
        const auto decision = throttle.next(start + std::chrono::seconds(i));
        logged += decision.log ? 1 : 0;
        EXPECT_EQ(decision.skippedBefore, 0u);
    }
    EXPECT_EQ(logged, 3);
    const auto later = throttle.next(start + 61s);
    EXPECT_TRUE(later.log);
    EXPECT_EQ(later.skippedBefore, 7u) << "the seven left out are reported once";
    EXPECT_EQ(throttle.next(start + 62s).skippedBefore, 0u);
}

} // namespace
} // namespace kiwoomd::http
