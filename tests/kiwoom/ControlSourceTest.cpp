// The page reader (what kiwoomd-host runs) against a scripted control: the OpenAPI contract's
// quirks, each pinned by what the control is asked and what page comes out.
#include "kiwoomd/kiwoom/ControlSource.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <QMetaObject>
#include <QSignalSpy>

#include <functional>
#include <map>

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

using namespace std::chrono_literals;

bool is(const char* signature, const char* known) {
    return QMetaObject::normalizedSignature(signature) == QMetaObject::normalizedSignature(known);
}

// Answers calls from a script and logs them; events are raised by the test.
class ScriptedControl final : public OpenApiControl {
public:
    QVariant dynamicCall(const char* signature, const QVariantList& args) override {
        const QByteArray name = QMetaObject::normalizedSignature(signature);
        log.push_back(name.left(name.indexOf('(')).toStdString() +
                      (args.isEmpty() ? std::string() : " " + args.value(0).toString().toStdString()));
        if (is(signature, calls::kCommRqData) && onCommRqData) {
            onCommRqData(args);
        }
        if (is(signature, calls::kGetCommData)) {
            const int row = args.value(2).toInt();
            const auto field = args.value(3).toString().toStdString();
            return QString::fromStdString(" " + field + std::to_string(row) + " ");
        }
        if (is(signature, calls::kKoaFunctions)) {
            return koaServerGubun;
        }
        if (is(signature, calls::kGetLoginInfo)) {
            return args.value(0).toString() == QLatin1String(login_tag::kServerKind)
                       ? loginInfoServerGubun
                       : QStringLiteral("someone");
        }
        if (is(signature, calls::kGetRepeatCnt)) {
            return repeatCount;
        }
        if (is(signature, calls::kGetCommDataEx)) {
            return commDataEx;
        }
        if (is(signature, calls::kGetConnectState)) {
            return 1;
        }
        return 0;
    }
    Backend backend() const override { return Backend::ActiveX; } // it plays the real OCX

    int count(const std::string& call) const {
        return static_cast<int>(std::count_if(log.begin(), log.end(),
                                              [&](const std::string& l) { return l.rfind(call, 0) == 0; }));
    }

    std::vector<std::string> log;
    std::function<void(const QVariantList&)> onCommRqData;
    QVariant commDataEx;
    int repeatCount = 2;
    QString koaServerGubun;
    QString loginInfoServerGubun;
};

class ControlSourceTest : public ::testing::Test {
protected:
    ControlSourceTest() {
        source = std::make_unique<ControlSource>(
            Backend::ActiveX,
            [this]() -> std::unique_ptr<OpenApiControl> {
                auto control = std::make_unique<ScriptedControl>();
                controls.push_back(control.get());
                if (prepare) {
                    prepare(*control);
                }
                return control;
            },
            scheduler);
    }

    ScriptedControl& control() { return *controls.back(); }

    void logIn() {
        source->logIn();
        emit control().OnEventConnect(0);
    }

    static PageRequest pageRequest(int prevNext = 0) {
        PageRequest r;
        r.rqName = "kospi#1";
        r.trCode = tr::kVolumeSurgeTr;
        r.prevNext = prevNext;
        r.screenNo = "1000";
        r.inputs = {{"시장구분", "001"}, {"정렬구분", "1"}};
        return r;
    }

    void answer(const char* prevNext = "0", const char* trCode = tr::kVolumeSurgeTr) {
        emit control().OnReceiveTrData("1000", "kospi#1", trCode, "", prevNext, 0, "", "", "");
    }

    VirtualScheduler scheduler;
    std::function<void(ScriptedControl&)> prepare;
    std::vector<ScriptedControl*> controls;
    std::unique_ptr<ControlSource> source;
};

QVariantList table(int rows, int fields) {
    QVariantList out;
    for (int r = 0; r < rows; ++r) {
        QVariantList row;
        for (int f = 0; f < fields; ++f) {
            row << QStringLiteral("ex%1.%2").arg(r).arg(f);
        }
        out << QVariant(row);
    }
    return out;
}

TEST_F(ControlSourceTest, APageComesWholeFromGetCommDataExWhenItsRowCountMatches) {
    prepare = [](ScriptedControl& c) { c.commDataEx = table(2, 10); };
    logIn();
    QSignalSpy pages(source.get(), &Source::pageArrived);
    source->request(pageRequest());
    answer();
    ASSERT_EQ(pages.count(), 1);
    const auto page = pages[0][0].value<TrPage>();
    ASSERT_EQ(page.rows.size(), 2u);
    EXPECT_EQ(page.rows[1][3], "ex1.3");
    EXPECT_EQ(control().count("GetCommData "), 0) << "no per-field calls";
}

TEST_F(ControlSourceTest, AnEmptyButValidGetCommDataExFallsBackToGetCommData) {
    prepare = [](ScriptedControl& c) { c.commDataEx = QVariantList(); }; // Qt 5.15's unconvertible SAFEARRAY
    logIn();
    QSignalSpy pages(source.get(), &Source::pageArrived);
    source->request(pageRequest());
    answer();
    const auto page = pages[0][0].value<TrPage>();
    ASSERT_EQ(page.rows.size(), 2u);
    EXPECT_EQ(page.rows[1][0], " 종목코드1 ") << "raw, padding kept";
    EXPECT_EQ(control().count("GetCommData "), 20);
}

TEST_F(ControlSourceTest, AGetCommDataExOfAnotherRowCountThanGetRepeatCntIsNotTrusted) {
    prepare = [](ScriptedControl& c) {
        c.commDataEx = table(1, 10);
        c.repeatCount = 3;
    };
    logIn();
    QSignalSpy pages(source.get(), &Source::pageArrived);
    source->request(pageRequest());
    answer();
    EXPECT_EQ(pages[0][0].value<TrPage>().rows.size(), 3u);
}

TEST_F(ControlSourceTest, TheRequestIsInFlightBeforeCommRqDataSoAReentrantRequestIsRefused) {
    logIn();
    QSignalSpy sent(source.get(), &Source::requestSent);
    // A modal loop inside CommRqData delivers another request from the daemon's socket.
    control().onCommRqData = [this](const QVariantList&) {
        control().onCommRqData = nullptr;
        PageRequest second = pageRequest();
        second.rqName = "kosdaq#2";
        second.screenNo = "1001";
        source->request(second);
    };
    source->request(pageRequest());
    EXPECT_EQ(control().count("CommRqData"), 1) << "the re-entrant request never reached the control";
    ASSERT_EQ(sent.count(), 2);
    EXPECT_EQ(sent[0][0].toString(), "kosdaq#2");
    EXPECT_EQ(sent[0][1].toInt(), kiwoom_error::kFail);
    EXPECT_EQ(sent[1][0].toString(), "kospi#1");
    EXPECT_EQ(sent[1][1].toInt(), 0);
}

TEST_F(ControlSourceTest, TheTrOfTheRequestInFlightDecidesHowThePageIsRead) {
    logIn();
    QSignalSpy pages(source.get(), &Source::pageArrived);
    source->request(pageRequest());
    answer("0", "OPT10023 "); // the event's spelling of the code
    ASSERT_EQ(pages.count(), 1);
    const auto page = pages[0][0].value<TrPage>();
    EXPECT_EQ(page.trCode, tr::kVolumeSurgeTr);
    EXPECT_EQ(page.recordName, tr::kVolumeSurgeRecord);
    EXPECT_EQ(page.rows.size(), 2u);
}

TEST_F(ControlSourceTest, TheScreenIsReleasedAfterTheLastPageButNotBetweenPages) {
    logIn();
    source->request(pageRequest());
    answer("2");
    EXPECT_EQ(control().count("DisconnectRealData"), 0) << "the continuation needs the screen";
    source->request(pageRequest(2));
    answer("0");
    EXPECT_EQ(control().count("DisconnectRealData"), 1);
}

TEST_F(ControlSourceTest, ServerKindComesFromKoaFunctionsFirst) {
    prepare = [](ScriptedControl& c) {
        c.koaServerGubun = QStringLiteral("1");
        c.loginInfoServerGubun = QString();
    };
    QSignalSpy logins(source.get(), &Source::loggedIn);
    logIn();
    ASSERT_EQ(logins.count(), 1);
    EXPECT_EQ(logins[0][0].value<LoginInfo>().serverKind, ServerKind::Mock);
}

TEST_F(ControlSourceTest, ServerKindFallsBackToGetLoginInfoAndAnEmptyAnswerIsUnknownNotReal) {
    QSignalSpy logins(source.get(), &Source::loggedIn);
    prepare = [](ScriptedControl& c) { c.loginInfoServerGubun = QStringLiteral("0"); };
    logIn();
    EXPECT_EQ(logins[0][0].value<LoginInfo>().serverKind, ServerKind::Real);
    prepare = nullptr;
    logIn();
    EXPECT_EQ(logins[1][0].value<LoginInfo>().serverKind, ServerKind::Unknown);
}

TEST_F(ControlSourceTest, EveryLoginAfterTheFirstGetsAFreshControl) {
    logIn();
    emit control().OnEventConnect(kiwoom_error::kSocketClosed);
    ScriptedControl* first = &control();
    logIn();
    EXPECT_NE(&control(), first);
    EXPECT_EQ(controls.size(), 2u);
    EXPECT_EQ(control().count("CommConnect"), 1);
}

TEST_F(ControlSourceTest, ADropAfterLoginIsALostSessionAndBeforeItAFailedLogin) {
    QSignalSpy lost(source.get(), &Source::lost);
    QSignalSpy failed(source.get(), &Source::loginFailed);
    source->logIn();
    emit control().OnEventConnect(kiwoom_error::kServerConnectionFailed);
    EXPECT_EQ(failed.count(), 1);
    logIn();
    emit control().OnEventConnect(kiwoom_error::kSocketClosed);
    ASSERT_EQ(lost.count(), 1);
    EXPECT_EQ(lost[0][0].toInt(), kiwoom_error::kSocketClosed);
}

} // namespace
} // namespace kiwoomd
