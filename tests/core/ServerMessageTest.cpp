#include "kiwoomd/core/ServerMessage.h"

#include <gtest/gtest.h>

using namespace kiwoomd;

TEST(ServerMessage, TrailingCodeInParenthesesIsTheServersRefusal) {
    EXPECT_EQ(refusalCode("조회 과부하 (-200)"), -200);
    EXPECT_EQ(refusalCode("[00Z999] 조회 제한을 초과하였습니다(-209)"), -209);
    EXPECT_EQ(refusalCode("(-210)"), -210);
}

TEST(ServerMessage, SpacesAroundAndInsideTheParenthesesAreTolerated) {
    EXPECT_EQ(refusalCode("조회 과부하입니다 ( -200 )  "), -200);
    EXPECT_EQ(refusalCode("조회 과부하입니다 (- 200)\r\n"), -200);
}

TEST(ServerMessage, CompletionMessageIsNoRefusal) {
    EXPECT_FALSE(refusalCode("조회가 완료되었습니다"));
    EXPECT_FALSE(refusalCode("[00Z310] 모의투자 조회가 완료되었습니다"));
    EXPECT_FALSE(refusalCode("[00Z218] 모의투자 조회할 자료가 없습니다"));
}

TEST(ServerMessage, OnlyNegativeCodesAreRefusals) {
    EXPECT_FALSE(refusalCode("조회 완료 (200)"));
    EXPECT_FALSE(refusalCode("조회 완료 (0)"));
    EXPECT_FALSE(refusalCode("조회 완료 (-0)"));
    EXPECT_FALSE(refusalCode("조회 완료 (+200)"));
}

TEST(ServerMessage, CodeMustCloseTheMessage) {
    EXPECT_FALSE(refusalCode("(-200) 조회 과부하"));
    EXPECT_FALSE(refusalCode("조회 과부하 -200"));
    EXPECT_FALSE(refusalCode("조회 과부하 (-200"));
}

TEST(ServerMessage, GarbageIsNoRefusal) {
    for (const char* text : {"", " ", ")", "()", "(-)", "-200)", "(--200)", "(-2a0)", "(-1234567)",
                             "(-99999999999999999999)", "\xff\xfe(-)"}) {
        EXPECT_FALSE(refusalCode(text)) << text;
    }
}

TEST(ServerMessage, ACodeWithLeadingZerosIsNotOneOfKiwoomsCodes) {
    // Found by FuzzServerMessage: "(-06)" read as -6 does not say what the server wrote.
    EXPECT_FALSE(refusalCode("(-06)"));
    EXPECT_FALSE(refusalCode("조회 과부하 (-0200)"));
    EXPECT_EQ(refusalCode("조회 과부하 (-200)"), -200);
}
