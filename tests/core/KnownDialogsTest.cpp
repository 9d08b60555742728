#include "kiwoomd/core/KnownDialogs.h"

#include <gtest/gtest.h>

using namespace kiwoomd;

namespace {

std::string kindOf(std::string_view title, std::string_view body) {
    const DialogRule* rule = matchDialog(title, body);
    return rule ? std::string(dialogKindName(rule->kind)) : std::string("none");
}

} // namespace

TEST(KnownDialogs, MaintenanceNoticeIsKnownByItsTitle) {
    EXPECT_EQ(
        kindOf("안녕하세요. 키움증권 입니다.",
               "안녕하세요. 키움증권 입니다. 시스템의 안정적인 운영을 위하여 매일 시스템 점검을 실시합니다."),
        "maintenance_notice");
}

TEST(KnownDialogs, ConnectionLostIsAKhOpenApiBoxWhoseTextStartsWithTheDrop) {
    EXPECT_EQ(kindOf("KHOpenAPI", "통신 연결이 끊겼습니다. 프로그램 종료후 재접속 해주시기 바랍니다."),
              "connection_lost");
    EXPECT_EQ(
        kindOf(" KHOpenAPI ", "\r\n통신 연결이 끊겼습니다. 프로그램 종료후 재접속 해주시기 바랍니다.\n"),
        "connection_lost")
        << "padding around title and text is ignored";
}

TEST(KnownDialogs, OtherKhOpenApiBoxesAreNotTakenForADrop) {
    EXPECT_EQ(kindOf("KHOpenAPI", "계좌비밀번호를 입력하십시오."), "none");
    EXPECT_EQ(kindOf("KHOpenAPI", "오류: 통신 연결이 끊겼습니다"), "none") << "the text must start with it";
}

TEST(KnownDialogs, ReloginAdvisoryIsKnownByItsTitle) {
    EXPECT_EQ(kindOf("[HTS 재접속 안내]", "안녕하세요. 키움증권입니다. 오전 6시 50분 이전에 접속하신 "
                                          "고객님께서는 영웅문을 재접속하여 주시기 바랍니다."),
              "relogin_advisory");
}

TEST(KnownDialogs, QueryOverloadIsKnownByItsTextUnderAnyTitle) {
    EXPECT_EQ(kindOf("KHOpenAPI", "조회 과부하입니다. 잠시 후 다시 조회하십시오."), "query_overload");
    EXPECT_EQ(kindOf("안내", "[-200] 조회 과부하"), "query_overload");
}

TEST(KnownDialogs, TheUpdaterIsReportedAndLeftOpen) {
    const DialogRule* rule = matchDialog("opstarter", "버전처리");
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->kind, DialogKind::VersionUpdate);
    EXPECT_EQ(rule->action, DialogAction::LeaveOpen)
        << "its button starts the update; the host must exit first";
}

TEST(KnownDialogs, TheControlsOwnNoticesArePressedAway) {
    for (const auto& rule : knownDialogRules()) {
        if (rule.kind != DialogKind::VersionUpdate) {
            EXPECT_EQ(rule.action, DialogAction::PressDefaultButton) << dialogKindName(rule.kind);
        }
    }
}

TEST(KnownDialogs, UnknownDialogsAreNotTouched) {
    EXPECT_EQ(kindOf("계좌비밀번호 입력 (버전: 1.0)", ""), "none");
    EXPECT_EQ(kindOf("", ""), "none");
    EXPECT_EQ(kindOf("안녕하세요. 키움증권 입니다. (사칭)", "점검"), "none") << "titles match exactly";
}

TEST(KnownDialogs, RulesCanBeReplacedForTests) {
    const std::vector<DialogRule> rules = {
        {DialogKind::QueryOverload, "Only", "Begins", "", DialogAction::Close}};
    EXPECT_NE(matchDialog("Only", "Begins here", rules), nullptr);
    EXPECT_EQ(matchDialog("Only", "It Begins", rules), nullptr);
    EXPECT_EQ(matchDialog("Other", "Begins here", rules), nullptr);
}
