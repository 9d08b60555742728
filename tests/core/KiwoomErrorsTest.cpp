#include "kiwoomd/core/KiwoomErrors.h"

#include <gtest/gtest.h>

using namespace kiwoomd;

TEST(KiwoomErrors, EveryDocumentedCodeHasItsOwnDescription) {
    // The codes of shared/kiwoom-openapi.md, "Error codes".
    for (const int code : {0,    -10,  -100, -101, -102, -103, -104, -105, -106, -200, -201, -202,
                           -203, -204, -205, -206, -207, -209, -210, -300, -301, -302, -340, -500}) {
        EXPECT_EQ(kiwoom_error::describe(code).find("unknown"), std::string::npos) << code;
    }
}

TEST(KiwoomErrors, UndocumentedCodeIsNamedUnknownWithItsNumber) {
    EXPECT_EQ(kiwoom_error::describe(-208), "unknown error code -208");
}

TEST(KiwoomErrors, QueryLimitCodesAreThrottlingLikeQueryOverload) {
    EXPECT_TRUE(kiwoom_error::isThrottle(-200));
    EXPECT_TRUE(kiwoom_error::isThrottle(-209));
    EXPECT_TRUE(kiwoom_error::isThrottle(-210));
    EXPECT_EQ(kiwoom_error::describe(-209), kiwoom_error::describe(-210));
}

TEST(KiwoomErrors, OtherRequestErrorsAreNotThrottling) {
    for (const int code : {0, -106, -201, -202, -203, -204, -208, -300, -500}) {
        EXPECT_FALSE(kiwoom_error::isThrottle(code)) << code;
    }
}

TEST(KiwoomErrors, DescriptionWithCodeLeadsWithTheNumber) {
    EXPECT_EQ(kiwoom_error::describeWithCode(-209), "-209 (query limit reached (throttled))");
}

TEST(KiwoomErrors, EveryRestCodeKiwoomdActsOnHasItsOwnDescription) {
    // Kiwoom's REST API return codes (shared/kiwoom-openapi.md, "Kiwoom's REST API").
    for (const int code : {1700, 8005, 8010, 8030, 8031, 8040, 8050, 8103}) {
        EXPECT_EQ(kiwoom_error::describe(code).find("unknown error code"), std::string::npos) << code;
    }
}

TEST(KiwoomErrors, RestCodesSayWhatToDo) {
    EXPECT_EQ(kiwoom_error::describe(1700), "too many requests (throttled)");
    EXPECT_NE(kiwoom_error::describe(8005).find("token is not valid"), std::string::npos);
    EXPECT_NE(kiwoom_error::describe(8010).find("IP address is not registered"), std::string::npos);
    EXPECT_NE(kiwoom_error::describe(8030).find("live and mock keys differ"), std::string::npos);
    EXPECT_EQ(kiwoom_error::describe(8030), kiwoom_error::describe(8031));
    EXPECT_NE(kiwoom_error::describe(8030).find("rest.server"), std::string::npos);
    EXPECT_NE(kiwoom_error::describe(8040).find("device authentication"), std::string::npos);
    EXPECT_EQ(kiwoom_error::describe(8040), kiwoom_error::describe(8050));
    EXPECT_NE(kiwoom_error::describe(8103).find("token is unknown"), std::string::npos);
}

TEST(KiwoomErrors, AnUndocumentedRestCodeIsNamedUnknownWithItsNumber) {
    EXPECT_EQ(kiwoom_error::describe(8000), "unknown error code 8000");
    EXPECT_EQ(kiwoom_error::describeWithCode(1700), "1700 (too many requests (throttled))");
}

TEST(KiwoomErrors, RestTooManyRequestsIsThrottlingLikeQueryOverload) {
    EXPECT_TRUE(kiwoom_error::isThrottle(1700));
    for (const int code : {8005, 8010, 8030, 8031, 8040, 8050, 8103, 1701, 429}) {
        EXPECT_FALSE(kiwoom_error::isThrottle(code)) << code;
    }
}

TEST(KiwoomErrors, OnlyTheTokenCodesTheOfficialClientRetriesAreStaleTokens) {
    for (const int code : {8005, 8031, 8103}) {
        EXPECT_TRUE(kiwoom_error::isStaleToken(code)) << code;
    }
    for (const int code : {0, 1700, 8010, 8030, 8040, 8050, -200, -106}) {
        EXPECT_FALSE(kiwoom_error::isStaleToken(code)) << code;
    }
}

TEST(KiwoomErrors, AThrottleRefusalIsWaitedOutNotFailed) {
    for (const int code : {-200, -209, -210, 1700}) {
        EXPECT_EQ(kiwoom_error::classifyRefusal(code), kiwoom_error::Refusal::Throttled) << code;
    }
}

TEST(KiwoomErrors, ANoDataRefusalIsAnEmptyAnswer) {
    EXPECT_EQ(kiwoom_error::classifyRefusal(-203), kiwoom_error::Refusal::NoData);
}

TEST(KiwoomErrors, EveryOtherRefusalFailsThePoll) {
    for (const int code : {-10, -201, -202, -205, -300, -500, -208, 8005}) {
        EXPECT_EQ(kiwoom_error::classifyRefusal(code), kiwoom_error::Refusal::Failed) << code;
    }
}
