#include "kiwoomd/core/ThrottlePolicy.h"

#include <gtest/gtest.h>

using namespace kiwoomd;
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(ThrottlePolicy, FirstThrottleWaitsSeventeenSecondsAsKiwoomsGuideSays) {
    EXPECT_EQ(throttleWait(1), seconds(17));
}

TEST(ThrottlePolicy, SecondThrottleInARowWaitsNinetySeconds) {
    EXPECT_EQ(throttleWait(2), seconds(90));
}

TEST(ThrottlePolicy, ThirdAndLaterThrottlesWaitTheLastStep) {
    EXPECT_EQ(throttleWait(3), seconds(180));
    EXPECT_EQ(throttleWait(4), seconds(180));
    EXPECT_EQ(throttleWait(1000000), seconds(180));
}

TEST(ThrottlePolicy, NoThrottleMeansNoWait) {
    EXPECT_EQ(throttleWait(0), milliseconds(0));
    EXPECT_EQ(throttleWait(-3), milliseconds(0));
    EXPECT_EQ(throttleWait(2, {}), milliseconds(0));
}

TEST(ThrottlePolicy, ConfiguredStepsReplaceTheDefaults) {
    const std::vector<milliseconds> steps = {seconds(5), seconds(30)};
    EXPECT_EQ(throttleWait(1, steps), seconds(5));
    EXPECT_EQ(throttleWait(2, steps), seconds(30));
    EXPECT_EQ(throttleWait(3, steps), seconds(30));
}

TEST(ThrottlePolicy, JitterOnlyLengthensTheWaitUpToItsFraction) {
    EXPECT_EQ(withJitter(seconds(17), 0.2, 0.0), seconds(17));
    EXPECT_EQ(withJitter(seconds(10), 0.2, 0.5), seconds(11));
    EXPECT_EQ(withJitter(seconds(10), 0.2, 1.0), seconds(12));
}

TEST(ThrottlePolicy, JitterClampsItsSampleAndIgnoresNegativeFractions) {
    EXPECT_EQ(withJitter(seconds(10), 0.2, 7.0), seconds(12));
    EXPECT_EQ(withJitter(seconds(10), 0.2, -1.0), seconds(10));
    EXPECT_EQ(withJitter(seconds(10), -0.5, 1.0), seconds(10));
}

TEST(ThrottleBackoff, ThrottlesInARowWalkTheGuidesSteps) {
    ThrottleBackoff backoff(seconds(180));
    EXPECT_EQ(backoff.next(0.0), seconds(17));
    EXPECT_EQ(backoff.next(0.0), seconds(90));
    EXPECT_EQ(backoff.next(0.0), seconds(180));
    EXPECT_EQ(backoff.next(0.0), seconds(180));
    EXPECT_EQ(backoff.consecutive(), 4);
}

TEST(ThrottleBackoff, AnArrivedPageStartsTheStepsOver) {
    ThrottleBackoff backoff(seconds(180));
    backoff.next(0.0);
    backoff.next(0.0);
    backoff.reset();
    EXPECT_EQ(backoff.next(0.0), seconds(17));
}

TEST(ThrottleBackoff, NoWaitPassesTheCapBeforeJitter) {
    ThrottleBackoff backoff(seconds(60));
    EXPECT_EQ(backoff.next(0.0), seconds(17));
    EXPECT_EQ(backoff.next(0.0), seconds(60));
    backoff.setCap(seconds(30));
    EXPECT_EQ(backoff.next(0.0), seconds(30));
}

TEST(ThrottleBackoff, JitterLengthensTheWaitByUpToAFifth) {
    ThrottleBackoff backoff(seconds(180));
    const auto wait = backoff.next(1.0);
    EXPECT_GT(wait, milliseconds(20300)); // 17 s × 1.2, give or take a floating-point millisecond
    EXPECT_LE(wait, milliseconds(20400));
}
