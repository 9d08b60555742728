// The emulator behaves like the real control where public evidence says the real one is awkward
// (shared/kiwoom-openapi.md): no second login after a drop, KOA_Functions, server messages before
// or instead of the data, GetCommDataEx's empty and short answers, pages padded with blank rows.
#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/RankingRow.h"
#include "kiwoomd/core/ServerMessage.h"
#include "kiwoomd/core/TrCatalogue.h"
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

EmulatorFault always(const char* name) {
    return {name, 0ms, std::nullopt};
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

TEST(EmulatedControlFidelity, AnAnswerIsPrecededByTheServersCompletionMessage) {
    Fidelity f(settingsWith());
    ASSERT_EQ(f.connect(), 0);
    ASSERT_EQ(f.requestPage(), 0);
    ASSERT_TRUE(f.scheduler.runUntil([&] { return f.events.size() == 2; }, 5s));
    EXPECT_EQ(f.events[0].rfind("msg ", 0), 0u) << f.events[0];
    EXPECT_NE(f.events[0].find("조회가 완료되었습니다"), std::string::npos) << f.events[0];
    EXPECT_FALSE(refusalCode(f.events[0].substr(4)));
    EXPECT_EQ(f.events[1], "tr_data opt10023");
}

TEST(EmulatedControlFidelity, ServerRefusalArrivesAsAMessageEndingInTheCodeAndNoData) {
    Fidelity f(settingsWith({always("server-refuse")}));
    ASSERT_EQ(f.connect(), 0);
    QSignalSpy messages(&f.control, &OpenApiControl::OnReceiveMsg);
    EXPECT_EQ(f.requestPage(), 0) << "the control accepts the request; the server refuses it";
    f.scheduler.runFor(2s);
    ASSERT_EQ(messages.count(), 1);
    EXPECT_EQ(messages.first().at(0).toString(), "1001");
    EXPECT_EQ(messages.first().at(1).toString(), "kospi#1");
    EXPECT_EQ(messages.first().at(2).toString(), "opt10023");
    EXPECT_EQ(refusalCode(messages.first().at(3).toString().toStdString()), -200);
    EXPECT_EQ(f.events.size(), 1u) << "no OnReceiveTrData";
}

TEST(EmulatedControlFidelity, CommDataExCanAnswerAnEmptyButValidListWhileFieldCallsStillWork) {
    Fidelity f(settingsWith({always("commdataex-empty")}));
    ASSERT_EQ(f.connect(), 0);
    QVariant table;
    int repeat = 0;
    QString firstCode;
    f.onTrData = [&] {
        table = f.call(calls::kGetCommDataEx, {f.trCode(), f.record()});
        repeat = f.call(calls::kGetRepeatCnt, {f.trCode(), f.record()}).toInt();
        firstCode =
            f.call(calls::kGetCommData, {f.trCode(), f.record(), 0, QString(tr::field::kCode)}).toString();
    };
    ASSERT_EQ(f.requestPage(), 0);
    ASSERT_TRUE(f.scheduler.runUntil([&] { return repeat > 0; }, 5s));
    EXPECT_TRUE(table.isValid());
    EXPECT_TRUE(table.toList().isEmpty());
    EXPECT_FALSE(firstCode.trimmed().isEmpty());
}

TEST(EmulatedControlFidelity, CommDataExCanAnswerFewerRowsThanGetRepeatCnt) {
    Fidelity f(settingsWith({always("commdataex-mismatch")}));
    ASSERT_EQ(f.connect(), 0);
    int tableRows = -1;
    int repeat = 0;
    f.onTrData = [&] {
        tableRows = f.call(calls::kGetCommDataEx, {f.trCode(), f.record()}).toList().size();
        repeat = f.call(calls::kGetRepeatCnt, {f.trCode(), f.record()}).toInt();
    };
    ASSERT_EQ(f.requestPage(), 0);
    ASSERT_TRUE(f.scheduler.runUntil([&] { return repeat > 0; }, 5s));
    EXPECT_EQ(tableRows, repeat - 1);
}

TEST(EmulatedControlFidelity, BlankRowsFaultPadsThePageWithRowsThatParseAsAbsent) {
    Fidelity f(settingsWith({always("blank-rows")}));
    ASSERT_EQ(f.connect(), 0);
    std::vector<RawRow> rows;
    f.onTrData = [&] {
        const int count = f.call(calls::kGetRepeatCnt, {f.trCode(), f.record()}).toInt();
        const auto& spec = *tr::findTr(tr::kVolumeSurgeTr);
        for (int i = 0; i < count; ++i) {
            RawRow raw;
            for (const auto& field : spec.fields) {
                raw.values.push_back(f.call(calls::kGetCommData, {f.trCode(), f.record(), i,
                                                                  QString::fromStdString(field.kiwoomName)})
                                         .toString()
                                         .toStdString());
            }
            rows.push_back(raw);
        }
    };
    ASSERT_EQ(f.requestPage(), 0);
    ASSERT_TRUE(f.scheduler.runUntil([&] { return !rows.empty(); }, 5s));
    ASSERT_GT(rows.size(), 3u);
    const auto& spec = *tr::findTr(tr::kVolumeSurgeTr);
    EXPECT_FALSE(parseRankingRow(spec, rows.front(), 1).absent);
    for (std::size_t i = rows.size() - 3; i < rows.size(); ++i) {
        EXPECT_TRUE(parseRankingRow(spec, rows[i], static_cast<int>(i) + 1).absent) << i;
    }
}

} // namespace
} // namespace kiwoomd::emulator
