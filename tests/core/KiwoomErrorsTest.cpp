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
