#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"
#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace kiwoomd::emulator {
namespace {

EmulatorSettings fastSettings() {
    EmulatorSettings s;
    s.seed = 99;
    s.loginDelayMs = 0;
    s.minLatencyMs = 0;
    s.maxLatencyMs = 0;
    s.tickMs = 0;
    s.pageSize = 40;
    return s;
}

class EmulatedControlTest : public ::testing::Test {
protected:
    void login() {
        QSignalSpy spy(&control, &OpenApiControl::OnEventConnect);
        ASSERT_EQ(control.dynamicCall(calls::kCommConnect).toInt(), 0);
        ASSERT_TRUE(scheduler.runUntil([&] { return spy.count() == 1; }));
        ASSERT_EQ(spy.first().first().toInt(), 0);
    }

    void setSurgeInputs(const char* market) {
        control.dynamicCall(calls::kSetInputValue, {QString(tr::input::kMarket), QString(market)});
        control.dynamicCall(calls::kSetInputValue, {QString(tr::input::kSortBy), QStringLiteral("1")});
        control.dynamicCall(calls::kSetInputValue, {QString(tr::input::kTimeBasis), QStringLiteral("2")});
        control.dynamicCall(calls::kSetInputValue, {QString(tr::input::kMinVolume), QStringLiteral("5")});
    }

    int request(int prevNext = 0, const char* screen = "1001") {
        return control
            .dynamicCall(calls::kCommRqData,
                         {QStringLiteral("rq"), QString(tr::kVolumeSurgeTr), prevNext, QString(screen)})
            .toInt();
    }

    VirtualScheduler scheduler;
    EmulatedControl control{fastSettings(), scheduler};
};

TEST_F(EmulatedControlTest, LoginAnswersOnEventConnectZeroAfterCommConnect) {
    EXPECT_EQ(control.dynamicCall(calls::kGetConnectState).toInt(), 0);
    login();
    EXPECT_EQ(control.dynamicCall(calls::kGetConnectState).toInt(), 1);
}

TEST_F(EmulatedControlTest, LoginInfoReportsTheMockServer) {
    login();
    EXPECT_EQ(control.dynamicCall(calls::kGetLoginInfo, {QString(login_tag::kServerKind)}).toString(), "1");
    EXPECT_EQ(control.dynamicCall(calls::kGetLoginInfo, {QString(login_tag::kAccountCount)}).toString(), "1");
    EXPECT_TRUE(
        control.dynamicCall(calls::kGetLoginInfo, {QString(login_tag::kAccounts)}).toString().endsWith(';'));
    EXPECT_FALSE(
        control.dynamicCall(calls::kGetLoginInfo, {QString(login_tag::kUserId)}).toString().isEmpty());
}

TEST_F(EmulatedControlTest, SignaturesAreMatchedWithQtNormalisation) {
    login();
    EXPECT_EQ(control.dynamicCall("GetConnectState( )").toInt(), 1);
    EXPECT_TRUE(control.unknownCalls().empty());
    EXPECT_FALSE(control.dynamicCall("SendOrder(QString)").isValid());
    EXPECT_EQ(control.unknownCalls().size(), 1u);
}

TEST_F(EmulatedControlTest, RequestBeforeLoginIsRefused) {
    setSurgeInputs("001");
    EXPECT_EQ(request(), -106);
}

TEST_F(EmulatedControlTest, ResponseArrivesAsynchronouslyWithRealTextFormats) {
    login();
    QSignalSpy spy(&control, &OpenApiControl::OnReceiveTrData);
    std::vector<QString> prices;
    int rows = -1;
    QObject::connect(
        &control, &OpenApiControl::OnReceiveTrData,
        [&](const QString&, const QString&, const QString& trCode, const QString&, const QString&, int,
            const QString&, const QString&, const QString&) {
            rows =
                control.dynamicCall(calls::kGetRepeatCnt, {trCode, QString(tr::kVolumeSurgeRecord)}).toInt();
            for (int i = 0; i < rows; ++i) {
                prices.push_back(
                    control
                        .dynamicCall(calls::kGetCommData,
                                     {trCode, QString(tr::kVolumeSurgeRecord), i, QString(tr::field::kPrice)})
                        .toString());
            }
        });
    setSurgeInputs("001");
    ASSERT_EQ(request(), 0);
    EXPECT_EQ(spy.count(), 0) << "the answer must come later, not inside CommRqData";
    ASSERT_TRUE(scheduler.runUntil([&] { return spy.count() == 1; }));
    ASSERT_GT(rows, 0);
    for (const auto& price : prices) {
        EXPECT_EQ(price.size(), 20) << price.toStdString();
        const QString trimmed = price.trimmed();
        EXPECT_FALSE(trimmed.isEmpty());
    }
    // Outside the event the record is gone, as with the real control.
    EXPECT_EQ(
        control
            .dynamicCall(calls::kGetRepeatCnt, {QString(tr::kVolumeSurgeTr), QString(tr::kVolumeSurgeRecord)})
            .toInt(),
        0);
}

TEST_F(EmulatedControlTest, LongRankingsContinueWithPrevNextTwo) {
    login();
    std::vector<QString> prevNexts;
    std::vector<int> counts;
    QObject::connect(
        &control, &OpenApiControl::OnReceiveTrData,
        [&](const QString&, const QString&, const QString& trCode, const QString&, const QString& prevNext,
            int, const QString&, const QString&, const QString&) {
            prevNexts.push_back(prevNext);
            counts.push_back(
                control.dynamicCall(calls::kGetRepeatCnt, {trCode, QString(tr::kVolumeSurgeRecord)}).toInt());
        });
    setSurgeInputs("000");
    ASSERT_EQ(request(0), 0);
    ASSERT_TRUE(scheduler.runUntil([&] { return prevNexts.size() == 1; }));
    ASSERT_EQ(prevNexts[0], "2");
    EXPECT_EQ(counts[0], 40);
    scheduler.runFor(std::chrono::seconds(20));
    setSurgeInputs("000");
    ASSERT_EQ(request(2), 0);
    ASSERT_TRUE(scheduler.runUntil([&] { return prevNexts.size() == 2; }));
    EXPECT_GT(counts[1], 0);
}

TEST_F(EmulatedControlTest, SixthRequestWithinASecondIsThrottled) {
    login();
    for (int i = 0; i < 5; ++i) {
        setSurgeInputs("001");
        EXPECT_EQ(request(), 0) << i;
    }
    setSurgeInputs("001");
    EXPECT_EQ(request(), -200);
}

TEST_F(EmulatedControlTest, InvalidInputsAreAnInputError) {
    login();
    setSurgeInputs("002");
    EXPECT_EQ(request(), -202);
    EXPECT_EQ(request(), -202) << "inputs are forgotten after each request, so 시장구분 is now missing";
}

TEST_F(EmulatedControlTest, ScreenNumberZeroIsRefused) {
    login();
    setSurgeInputs("001");
    EXPECT_EQ(request(0, "0000"), -201);
    setSurgeInputs("001");
    EXPECT_EQ(request(0, "12"), -201);
}

TEST_F(EmulatedControlTest, CommDataExReturnsTheWholePageAsRows) {
    login();
    QVariantList table;
    QObject::connect(
        &control, &OpenApiControl::OnReceiveTrData,
        [&](const QString&, const QString&, const QString& trCode, const QString&, const QString&, int,
            const QString&, const QString&, const QString&) {
            table = control.dynamicCall(calls::kGetCommDataEx, {trCode, QString(tr::kVolumeSurgeRecord)})
                        .toList();
        });
    setSurgeInputs("101");
    ASSERT_EQ(request(), 0);
    ASSERT_TRUE(scheduler.runUntil([&] { return !table.isEmpty(); }));
    EXPECT_EQ(table.first().toList().size(), 10);
}

TEST_F(EmulatedControlTest, DroppedConnectionIsReportedAndVoidsPendingAnswers) {
    login();
    QSignalSpy trSpy(&control, &OpenApiControl::OnReceiveTrData);
    QSignalSpy connectSpy(&control, &OpenApiControl::OnEventConnect);
    setSurgeInputs("001");
    ASSERT_EQ(request(), 0);
    control.dropConnection();
    ASSERT_EQ(connectSpy.count(), 1);
    EXPECT_EQ(connectSpy.first().first().toInt(), -106);
    scheduler.runFor(std::chrono::milliseconds(50));
    EXPECT_EQ(trSpy.count(), 0);
    EXPECT_EQ(control.dynamicCall(calls::kGetConnectState).toInt(), 0);
}

TEST_F(EmulatedControlTest, InjectedFailuresAreReturnedOnce) {
    login();
    control.failNextRequests(-201);
    setSurgeInputs("001");
    EXPECT_EQ(request(), -201);
    setSurgeInputs("001");
    EXPECT_EQ(request(), 0);
}

TEST_F(EmulatedControlTest, InjectedLoginFailureIsReported) {
    control.failNextLogin(-101);
    QSignalSpy spy(&control, &OpenApiControl::OnEventConnect);
    control.dynamicCall(calls::kCommConnect);
    ASSERT_TRUE(scheduler.runUntil([&] { return spy.count() == 1; }));
    EXPECT_EQ(spy.first().first().toInt(), -101);
    EXPECT_EQ(control.dynamicCall(calls::kGetConnectState).toInt(), 0);
}

TEST_F(EmulatedControlTest, ScheduledDisconnectFaultDropsTheSessionAndRefusesLoginForAWhile) {
    EmulatorSettings settings = fastSettings();
    settings.faults = {{"disconnect", std::chrono::seconds(5), std::chrono::seconds(10)}};
    settings.loginAgainAfterDrop = true; // to see the outage end; the real control needs a new process
    VirtualScheduler faultScheduler;
    EmulatedControl faulty(settings, faultScheduler);
    std::vector<int> events;
    QObject::connect(&faulty, &OpenApiControl::OnEventConnect, [&](int code) { events.push_back(code); });
    faulty.dynamicCall(calls::kCommConnect);
    faultScheduler.runFor(std::chrono::seconds(6));
    ASSERT_EQ(events, (std::vector<int>{0, -106}));
    faulty.dynamicCall(calls::kCommConnect);
    faultScheduler.runFor(std::chrono::seconds(1));
    EXPECT_EQ(events.back(), -101) << "the server is still away";
    faultScheduler.runFor(std::chrono::seconds(10));
    faulty.dynamicCall(calls::kCommConnect);
    faultScheduler.runFor(std::chrono::seconds(1));
    EXPECT_EQ(events.back(), 0) << "and back after the fault's duration";
}

TEST_F(EmulatedControlTest, ThrottleFaultRefusesEveryRequestWhileItLasts) {
    EmulatorSettings settings = fastSettings();
    settings.faults = {{"throttle", std::chrono::seconds(0), std::chrono::seconds(30)}};
    VirtualScheduler faultScheduler;
    EmulatedControl faulty(settings, faultScheduler);
    faulty.dynamicCall(calls::kCommConnect);
    faultScheduler.runFor(std::chrono::seconds(1));
    faulty.dynamicCall(calls::kSetInputValue, {QString(tr::input::kMarket), QStringLiteral("001")});
    EXPECT_EQ(faulty
                  .dynamicCall(calls::kCommRqData,
                               {QStringLiteral("rq"), QString(tr::kVolumeSurgeTr), 0, QStringLiteral("1001")})
                  .toInt(),
              -200);
    faultScheduler.runFor(std::chrono::seconds(30));
    faulty.dynamicCall(calls::kSetInputValue, {QString(tr::input::kMarket), QStringLiteral("001")});
    EXPECT_EQ(faulty
                  .dynamicCall(calls::kCommRqData,
                               {QStringLiteral("rq"), QString(tr::kVolumeSurgeTr), 0, QStringLiteral("1001")})
                  .toInt(),
              0);
}

TEST_F(EmulatedControlTest, EmptyFaultAnswersWithNoRows) {
    EmulatorSettings settings = fastSettings();
    settings.faults = {{"empty", std::chrono::seconds(0), std::nullopt}};
    VirtualScheduler faultScheduler;
    EmulatedControl faulty(settings, faultScheduler);
    faulty.dynamicCall(calls::kCommConnect);
    faultScheduler.runFor(std::chrono::seconds(1));
    int rows = -1;
    QString prevNext;
    QObject::connect(
        &faulty, &OpenApiControl::OnReceiveTrData,
        [&](const QString&, const QString&, const QString& trCode, const QString&, const QString& more, int,
            const QString&, const QString&, const QString&) {
            prevNext = more;
            rows =
                faulty.dynamicCall(calls::kGetRepeatCnt, {trCode, QString(tr::kVolumeSurgeRecord)}).toInt();
        });
    faulty.dynamicCall(calls::kSetInputValue, {QString(tr::input::kMarket), QStringLiteral("000")});
    ASSERT_EQ(faulty
                  .dynamicCall(calls::kCommRqData,
                               {QStringLiteral("rq"), QString(tr::kVolumeSurgeTr), 0, QStringLiteral("1001")})
                  .toInt(),
              0);
    faultScheduler.runFor(std::chrono::seconds(1));
    EXPECT_EQ(rows, 0);
    EXPECT_EQ(prevNext, "0");
}

} // namespace
} // namespace kiwoomd::emulator
