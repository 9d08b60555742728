// The emulator behaves like the real control where public evidence says the real one is awkward
// (shared/kiwoom-openapi.md): no second login after a drop, KOA_Functions, server messages before
// or instead of the data, GetCommDataEx's empty and short answers, pages padded with blank rows.
#include "kiwoomd/core/RankingRow.h"
#include "kiwoomd/core/ServerMessage.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/kiwoom/ControlCalls.h"
#include "kiwoomd/kiwoom/emulator/EmulatedControl.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <functional>

namespace kiwoomd::emulator {
namespace {

using namespace std::chrono_literals;

constexpr int kLoginDelayMs = 800;

EmulatorSettings settingsWith(std::vector<EmulatorFault> faults = {}) {
    EmulatorSettings s;
    s.seed = 7;
    s.loginDelayMs = kLoginDelayMs;
    s.minLatencyMs = 10;
    s.maxLatencyMs = 10;
    s.tickMs = 0;
    s.pageSize = 40;
    s.faults = std::move(faults);
    return s;
}

// One control on virtual time, with helpers to log in and ask for one opt10023 page.
class Fidelity {
public:
    explicit Fidelity(EmulatorSettings settings)
        : control(std::move(settings), scheduler) {
        QObject::connect(&control, &OpenApiControl::OnEventConnect,
                         [this](int code) { logins.push_back(code); });
        QObject::connect(&control, &OpenApiControl::OnReceiveMsg,
                         [this](const QString&, const QString&, const QString&, const QString& message) {
                             events.push_back("msg " + message.toStdString());
                         });
        QObject::connect(&control, &OpenApiControl::OnReceiveTrData,
                         [this](const QString&, const QString&, const QString& trCode, const QString&,
                                const QString&, int, const QString&, const QString&, const QString&) {
                             events.push_back("tr_data " + trCode.toStdString());
                             if (onTrData) {
                                 onTrData();
                             }
                         });
    }

    int connect() {
        const std::size_t before = logins.size();
        if (control.dynamicCall(calls::kCommConnect).toInt() != 0) {
            return 1; // not a Kiwoom code: the call itself failed
        }
        scheduler.runUntil([&] { return logins.size() > before; }, 10s);
        return logins.size() > before ? logins.back() : 1;
    }

    int requestPage() {
        control.dynamicCall(calls::kSetInputValue, {QString(tr::input::kMarket), QString(tr::kMarketKospi)});
        return control
            .dynamicCall(calls::kCommRqData,
                         {QStringLiteral("kospi#1"), QString(tr::kVolumeSurgeTr), 0, QStringLiteral("1001")})
            .toInt();
    }

    QVariant call(const char* signature, const QVariantList& args) {
        return control.dynamicCall(signature, args);
    }
    QString record() const { return QString(tr::kVolumeSurgeRecord); }
    QString trCode() const { return QString(tr::kVolumeSurgeTr); }

    VirtualScheduler scheduler;
    EmulatedControl control;
    std::vector<int> logins;
    std::vector<std::string> events;
    std::function<void()> onTrData;
};

TEST(EmulatedControlFidelity, AfterADropTheSameControlCannotLogInAgain) {
    Fidelity f(settingsWith());
    ASSERT_EQ(f.connect(), 0);
    f.control.dropConnection();
    ASSERT_EQ(f.logins.back(), -106);
    EXPECT_EQ(f.control.dynamicCall(calls::kCommConnect).toInt(), 0) << "the call itself is accepted";
    f.scheduler.runFor(std::chrono::milliseconds(kLoginDelayMs - 1));
    EXPECT_EQ(f.logins.size(), 2u) << "the answer takes the usual login delay";
    f.scheduler.runFor(1ms);
    ASSERT_EQ(f.logins.size(), 3u);
    EXPECT_EQ(f.logins.back(), -101);
    EXPECT_EQ(f.connect(), -101) << "and keeps failing: only a new process logs in";
    EXPECT_EQ(f.control.dynamicCall(calls::kGetConnectState).toInt(), 0);
}

TEST(EmulatedControlFidelity, AFreshControlLogsInWhereADroppedOneCannot) {
    Fidelity dropped(settingsWith());
    ASSERT_EQ(dropped.connect(), 0);
    dropped.control.dropConnection();
    Fidelity fresh(settingsWith());
    EXPECT_EQ(fresh.connect(), 0);
}

TEST(EmulatedControlFidelity, DisconnectFaultLeavesTheControlUnableToLogInAfterTheOutage) {
    Fidelity f(settingsWith({{"disconnect", 5s, 10s}}));
    ASSERT_EQ(f.connect(), 0);
    f.scheduler.runFor(6s);
    ASSERT_EQ(f.logins.back(), -106);
    f.scheduler.runFor(20s); // the server is back
    EXPECT_EQ(f.connect(), -101);
}

TEST(EmulatedControlFidelity, ReloginAfterDropCanBeAllowedForInProcessTests) {
    auto settings = settingsWith();
    settings.loginAgainAfterDrop = true;
    Fidelity f(settings);
    ASSERT_EQ(f.connect(), 0);
    f.control.dropConnection();
    EXPECT_EQ(f.connect(), 0);
}

TEST(EmulatedControlFidelity, KoaFunctionsGetServerGubunSaysMockServerLikeTheLoginInfoTag) {
    Fidelity f(settingsWith());
    ASSERT_EQ(f.connect(), 0);
    EXPECT_EQ(f.call(calls::kKoaFunctions, {QString(koa_function::kServerKind), QString()}).toString(), "1");
    EXPECT_EQ(f.call(calls::kGetLoginInfo, {QString(login_tag::kServerKind)}).toString(), "1");
    EXPECT_TRUE(f.control.unknownCalls().empty()) << "KOA_Functions is one of the control's calls";
}

TEST(EmulatedControlFidelity, KoaFunctionsAnswersBlankForANameItDoesNotKnow) {
    Fidelity f(settingsWith());
    const QVariant answer = f.call(calls::kKoaFunctions, {QStringLiteral("NoSuchFunction"), QString()});
    EXPECT_TRUE(answer.isValid());
    EXPECT_EQ(answer.toString(), "");
}

} // namespace
} // namespace kiwoomd::emulator
