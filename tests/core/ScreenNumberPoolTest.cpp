#include "kiwoomd/core/ScreenNumberPool.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kiwoomd {
namespace {

bool isFourDigits(const std::string& screen) {
    return screen.size() == 4 && screen.find_first_not_of("0123456789") == std::string::npos;
}

TEST(ScreenNumberPool, HandsOutFourDigitStrings) {
    ScreenNumberPool pool;
    for (int i = 0; i < 10; ++i) {
        const auto screen = pool.acquire();
        ASSERT_TRUE(screen.has_value());
        EXPECT_TRUE(isFourDigits(*screen)) << *screen;
    }
}

TEST(ScreenNumberPool, HandsOutTheLowestFreeNumberFirst) {
    ScreenNumberPool pool;
    EXPECT_EQ(pool.acquire(), "1001");
    EXPECT_EQ(pool.acquire(), "1002");
    EXPECT_EQ(pool.acquire(), "1003");

    pool.release("1002");
    EXPECT_EQ(pool.acquire(), "1002");
    EXPECT_EQ(pool.acquire(), "1004");
}

TEST(ScreenNumberPool, NeverHandsOutZeroZeroZeroZero) {
    for (const int first : {0, -5, 1}) {
        ScreenNumberPool pool(first);
        const auto screen = pool.acquire();
        ASSERT_TRUE(screen.has_value()) << first;
        EXPECT_NE(*screen, "0000") << first;
        EXPECT_EQ(*screen, "0001") << first;
    }
}

TEST(ScreenNumberPool, PadsLowNumbersToFourDigits) {
    ScreenNumberPool pool(7);
    EXPECT_EQ(pool.acquire(), "0007");
}

TEST(ScreenNumberPool, AtMostTwoHundredAreInUse) {
    ScreenNumberPool pool;
    std::set<std::string> handedOut;
    for (int i = 0; i < ScreenNumberPool::kMaxInUse; ++i) {
        const auto screen = pool.acquire();
        ASSERT_TRUE(screen.has_value()) << "acquire #" << i + 1;
        EXPECT_TRUE(handedOut.insert(*screen).second) << "handed out twice: " << *screen;
    }
    EXPECT_EQ(pool.inUse(), 200u);

    EXPECT_EQ(pool.acquire(), std::nullopt);
    EXPECT_EQ(pool.inUse(), 200u);
}

TEST(ScreenNumberPool, ALargerCapacityIsCappedAtTwoHundred) {
    ScreenNumberPool pool(1001, 500);
    for (int i = 0; i < 200; ++i) {
        ASSERT_TRUE(pool.acquire().has_value()) << "acquire #" << i + 1;
    }
    EXPECT_EQ(pool.acquire(), std::nullopt);
}

TEST(ScreenNumberPool, NeverGoesPastFourDigits) {
    ScreenNumberPool pool(9990);
    std::string last;
    while (const auto screen = pool.acquire()) {
        EXPECT_TRUE(isFourDigits(*screen)) << *screen;
        last = *screen;
    }
    EXPECT_EQ(last, "9999");
    EXPECT_EQ(pool.inUse(), 10u);
}

TEST(ScreenNumberPool, AReleasedNumberCanBeAcquiredAgainWhenFull) {
    ScreenNumberPool pool;
    for (int i = 0; i < ScreenNumberPool::kMaxInUse; ++i) {
        ASSERT_TRUE(pool.acquire().has_value());
    }
    ASSERT_EQ(pool.acquire(), std::nullopt);

    pool.release("1150");
    EXPECT_EQ(pool.inUse(), 199u);
    EXPECT_EQ(pool.acquire(), "1150");
    EXPECT_EQ(pool.acquire(), std::nullopt);
}

TEST(ScreenNumberPool, ReleasingGarbageIsHarmless) {
    ScreenNumberPool pool;
    ASSERT_EQ(pool.acquire(), "1001");
    ASSERT_EQ(pool.acquire(), "1002");

    for (const std::string garbage : {"abc", "", "99999999999999999999", "-", "0000", "9999"}) {
        pool.release(garbage);
        EXPECT_EQ(pool.inUse(), 2u) << "after releasing \"" << garbage << "\"";
    }
    EXPECT_EQ(pool.acquire(), "1003");
}

TEST(ScreenNumberPool, ReleasingTwiceIsHarmless) {
    ScreenNumberPool pool;
    ASSERT_EQ(pool.acquire(), "1001");
    ASSERT_EQ(pool.acquire(), "1002");

    pool.release("1001");
    pool.release("1001");

    EXPECT_EQ(pool.inUse(), 1u);
    EXPECT_EQ(pool.acquire(), "1001");
    EXPECT_EQ(pool.acquire(), "1003");
}

TEST(ScreenNumberPool, ReleasingTextWithANumberPrefixDoesNotFreeThatNumber) {
    ScreenNumberPool pool;
    ASSERT_EQ(pool.acquire(), "1001");

    pool.release("1001abc");

    EXPECT_EQ(pool.inUse(), 1u);
    EXPECT_EQ(pool.acquire(), "1002");
}

TEST(ScreenNumberPool, ExchangeHandsOutAFreshScreenAndFreesTheOldOne) {
    ScreenNumberPool pool;
    const auto old = *pool.acquire();
    const auto fresh = pool.exchange(old);
    EXPECT_NE(fresh, old);
    EXPECT_TRUE(isFourDigits(fresh)) << fresh;
    EXPECT_EQ(pool.inUse(), 1u);
    EXPECT_EQ(pool.acquire(), old); // the old one is free again
}

TEST(ScreenNumberPool, ExchangeKeepsTheOldScreenWhenNoneIsFree) {
    ScreenNumberPool pool(1001, 1);
    const auto only = *pool.acquire();
    EXPECT_EQ(pool.exchange(only), only);
    EXPECT_EQ(pool.inUse(), 1u);
    EXPECT_FALSE(pool.acquire().has_value());
}

} // namespace
} // namespace kiwoomd
