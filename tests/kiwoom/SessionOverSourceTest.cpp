// The session above a scripted Source: what it asks for, page by page, and how it takes the
// server's refusals. Virtual time; nothing sleeps.
#include "kiwoomd/kiwoom/KiwoomSession.h"

#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "support/SessionFixtures.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;

class ScriptedSource final : public Source {
public:
    Backend backend() const override { return Backend::Emulator; }
    void logIn() override { emit loggedIn(LoginInfo{ServerKind::Mock, "tester"}); }
    void logOut() override {}
    void request(const PageRequest& request) override {
        requests.push_back(request);
        emit requestSent(QString::fromStdString(request.rqName), 0);
    }
    void releaseScreen(const std::string&) override {}

    void answer(bool more) {
        const PageRequest& last = requests.back();
        TrPage page;
        page.rqName = last.rqName;
        page.trCode = last.trCode;
        page.screenNo = last.screenNo;
        page.recordName = tr::kVolumeSurgeRecord;
        page.more = more;
        page.rows = {
            {"005930", "삼성전자", "+74000", "2", "+500", "+0.68", "1000", "5000", "+4000", "400.00"}};
        emit pageArrived(page);
    }
    void say(const std::string& text) {
        const PageRequest& last = requests.back();
        emit serverMessage(QString::fromStdString(last.rqName), QString::fromStdString(last.trCode),
                           QString::fromStdString(last.screenNo), QString::fromStdString(text));
    }

    std::vector<PageRequest> requests;
};

class SessionOverSourceTest : public ::testing::Test {
protected:
    SessionOverSourceTest() {
        SessionSettings settings = test::fastSession();
        settings.feeds = {defaultFeeds().front()};
        settings.feeds.front().maxPages = 3;
        session = std::make_unique<KiwoomSession>(source, settings, cache, board, scheduler);
        session->start();
        scheduler.runFor(10ms);
    }
    const FeedStatus& feed() { return board.current()->feeds.front(); }

    VirtualScheduler scheduler{test::kTuesdayMorning};
    SnapshotCache cache;
    StatusBoard board;
    ScriptedSource source;
    std::unique_ptr<KiwoomSession> session;
};

TEST_F(SessionOverSourceTest, EveryPageOfOneQueryCarriesTheSameRequestNameAndTheNextQueryANewOne) {
    ASSERT_EQ(source.requests.size(), 1u);
    source.answer(true);
    scheduler.runFor(500ms);
    ASSERT_EQ(source.requests.size(), 2u);
    EXPECT_EQ(source.requests[1].prevNext, 2);
    EXPECT_EQ(source.requests[1].rqName, source.requests[0].rqName);
    source.answer(false);
    session->pollNow();
    scheduler.runFor(1500ms);
    ASSERT_EQ(source.requests.size(), 3u);
    EXPECT_EQ(source.requests[2].prevNext, 0);
    EXPECT_NE(source.requests[2].rqName, source.requests[0].rqName);
}

TEST_F(SessionOverSourceTest, AServerRefusalInAMessageFailsTheRequestAtOnceWithItsText) {
    source.say("조회 입력값 오류입니다 (-202)");
    ASSERT_TRUE(feed().lastError);
    EXPECT_EQ(feed().lastError->kiwoomCode, kiwoom_error::kRequestInputError);
    EXPECT_NE(feed().lastError->message.find("입력값 오류"), std::string::npos);
    EXPECT_EQ(board.current()->requests.timedOut, 0u) << "failed at once, not at its timeout";
}

TEST_F(SessionOverSourceTest, AMessageWithoutACodeOrForAnotherRequestChangesNothing) {
    source.say("조회가 완료되었습니다.");
    EXPECT_FALSE(feed().lastError);
    source.answer(false);
    EXPECT_EQ(cache.get("kospi")->rows.size(), 1u);
}

TEST_F(SessionOverSourceTest, ThrottlingByMessageWaitsKiwoomsSeventeenSecondsThenAsksAgain) {
    source.say("조회 과부하 (-209)");
    EXPECT_EQ(board.current()->requests.throttled, 1u);
    scheduler.runFor(16900ms);
    EXPECT_EQ(source.requests.size(), 1u) << "not before 17 s";
    scheduler.runFor(3500ms + 100ms); // 17 s plus at most 20%
    ASSERT_EQ(source.requests.size(), 2u);
    EXPECT_EQ(source.requests[1].prevNext, 0);
}

TEST_F(SessionOverSourceTest, ASecondThrottleInARowWaitsNinetySeconds) {
    source.say("조회 과부하 (-200)");
    ASSERT_TRUE(scheduler.runUntil([&] { return source.requests.size() == 2u; }, 21s));
    source.say("조회 과부하 (-210)");
    scheduler.runFor(89s);
    EXPECT_EQ(source.requests.size(), 2u) << "not before 90 s";
    EXPECT_TRUE(scheduler.runUntil([&] { return source.requests.size() == 3u; }, 20s))
        << "within 90 s plus at most 20%";
}

} // namespace
} // namespace kiwoomd
