// The Windows ActiveX host, compiled here against a stand-in for QAxWidget
// (tests/activex_standin): it forwards calls and events unchanged, turns a COM exception into a
// lost connection, and refuses clearly when the OCX is missing or the process is 64-bit.
#include "kiwoomd/kiwoom/activex/AxOpenApiControl.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/kiwoom/ConnectionSupervisor.h"
#include "kiwoomd/kiwoom/ControlSource.h"

#include <QAxWidget>
#include <QSignalSpy>

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

constexpr std::size_t k32Bit = 4;

class AxOpenApiControlTest : public ::testing::Test {
protected:
    void SetUp() override {
        QAxWidget::registeredControls() = QStringList{QString::fromLatin1(AxOpenApiControl::kProgId)};
    }
    void TearDown() override { QAxWidget::registeredControls().clear(); }
};

// Collects what spdlog's default logger writes while it lives.
class CapturedLog {
public:
    CapturedLog()
        : m_sink(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64))
        , m_previous(spdlog::default_logger()) {
        spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", m_sink));
    }
    ~CapturedLog() { spdlog::set_default_logger(m_previous); }
    std::string text() const {
        std::string all;
        for (const auto& line : m_sink->last_formatted()) {
            all += line;
        }
        return all;
    }

private:
    std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> m_sink;
    std::shared_ptr<spdlog::logger> m_previous;
};

TEST_F(AxOpenApiControlTest, ForwardsTheCallSignatureAndArgumentsUnchanged) {
    AxOpenApiControl control(nullptr, k32Bit);
    ASSERT_TRUE(control.isLoaded()) << control.loadError().toStdString();
    QAxWidget* widget = QAxWidget::current();
    ASSERT_NE(widget, nullptr);
    EXPECT_EQ(widget->control(), "KHOPENAPI.KHOpenAPICtrl.1");
    widget->setAnswer(calls::kCommRqData, 0);
    const QVariantList table{QVariantList{"005930", "삼성전자"}, QVariantList{"000660", "SK하이닉스"}};
    widget->setAnswer(calls::kGetCommDataEx, QVariant(table));

    EXPECT_EQ(control.dynamicCall(calls::kCommRqData, {"kospi#1", "opt10023", 0, "0101"}), QVariant(0));
    EXPECT_EQ(control.dynamicCall(calls::kGetCommDataEx, {"opt10023", "거래량급증"}), QVariant(table));

    ASSERT_EQ(widget->calls().size(), 2);
    EXPECT_EQ(widget->calls()[0].signature, "CommRqData(QString, QString, int, QString)");
    EXPECT_EQ(widget->calls()[0].args, (QVariantList{"kospi#1", "opt10023", 0, "0101"}));
    EXPECT_EQ(widget->calls()[1].signature, "GetCommDataEx(QString, QString)");
    EXPECT_EQ(widget->calls()[1].args, (QVariantList{"opt10023", "거래량급증"}));
    EXPECT_EQ(control.backend(), Backend::ActiveX);
}

TEST_F(AxOpenApiControlTest, ReEmitsEveryEventOfTheControlUnderItsOwnSignature) {
    AxOpenApiControl control(nullptr, k32Bit);
    QAxWidget* widget = QAxWidget::current();
    ASSERT_NE(widget, nullptr);
    QSignalSpy connects(&control, &OpenApiControl::OnEventConnect);
    QSignalSpy trData(&control, &OpenApiControl::OnReceiveTrData);
    QSignalSpy messages(&control, &OpenApiControl::OnReceiveMsg);
    QSignalSpy realData(&control, &OpenApiControl::OnReceiveRealData);

    emit widget->OnEventConnect(0);
    emit widget->OnReceiveTrData("0101", "kospi#1", "opt10023", "거래량급증", "2", 0, "", "", "");
    emit widget->OnReceiveMsg("0101", "kospi#1", "opt10023", "[00Z310] 모의투자 조회가 완료되었습니다");
    emit widget->OnReceiveRealData("005930", "주식체결", "raw");

    ASSERT_EQ(connects.count(), 1);
    EXPECT_EQ(connects[0][0].toInt(), 0);
    ASSERT_EQ(trData.count(), 1);
    EXPECT_EQ(trData[0][1].toString(), "kospi#1");
    EXPECT_EQ(trData[0][4].toString(), "2") << "prevNext reaches the session untouched";
    ASSERT_EQ(messages.count(), 1);
    EXPECT_EQ(messages[0][3].toString(), "[00Z310] 모의투자 조회가 완료되었습니다");
    ASSERT_EQ(realData.count(), 1);
    EXPECT_EQ(realData[0][0].toString(), "005930");
}

TEST_F(AxOpenApiControlTest, ComExceptionIsReportedAsALostConnectionWithALogLine) {
    CapturedLog log;
    AxOpenApiControl control(nullptr, k32Bit);
    QSignalSpy connects(&control, &OpenApiControl::OnEventConnect);
    emit QAxWidget::current()->exception(-2147417848, "KHOpenAPI", "The object invoked has disconnected", "");
    ASSERT_EQ(connects.count(), 1);
    EXPECT_EQ(connects[0][0].toInt(), kiwoom_error::kSocketClosed);
    EXPECT_NE(
        log.text().find("COM exception -2147417848 from KHOpenAPI: The object invoked has disconnected"),
        std::string::npos)
        << log.text();
}

TEST_F(AxOpenApiControlTest, ComExceptionWhileConnectedMakesTheSupervisorLogInAgainWithAFreshControl) {
    VirtualScheduler scheduler{fromKst(2026, 11, 24, 10, 0, 0)};
    ControlSource source(
        Backend::ActiveX,
        []() -> std::unique_ptr<OpenApiControl> {
            return std::make_unique<AxOpenApiControl>(nullptr, k32Bit);
        },
        scheduler);
    ConnectionSettings settings;
    settings.reconnectMin = std::chrono::milliseconds(1000);
    ConnectionSupervisor supervisor(source, settings, scheduler);
    supervisor.start();
    QAxWidget* widget = QAxWidget::current();
    ASSERT_NE(widget, nullptr);
    widget->setAnswer(calls::kGetLoginInfo, "1");
    emit widget->OnEventConnect(0);
    ASSERT_EQ(supervisor.state(), ConnectionState::Connected);
    const int created = QAxWidget::instancesCreated();

    emit widget->exception(-2147417848, "KHOpenAPI", "The object invoked has disconnected", "");
    EXPECT_EQ(supervisor.state(), ConnectionState::Lost);
    EXPECT_EQ(supervisor.reconnectCount(), 1);
    ASSERT_TRUE(supervisor.lastError());
    EXPECT_EQ(supervisor.lastError()->kiwoomCode, kiwoom_error::kSocketClosed);
    scheduler.runFor(std::chrono::seconds(2));
    EXPECT_EQ(QAxWidget::instancesCreated(), created + 1) << "a fresh control after the backoff";
    QAxWidget* fresh = QAxWidget::current();
    ASSERT_NE(fresh, nullptr);
    int logins = 0;
    for (const auto& call : fresh->calls()) {
        logins += call.signature == calls::kCommConnect ? 1 : 0;
    }
    EXPECT_EQ(logins, 1) << "CommConnect on the fresh control";
    EXPECT_EQ(supervisor.state(), ConnectionState::LoggingIn);
}

TEST_F(AxOpenApiControlTest, AMissingOcxFailsWithAClearMessageAndCallsNothing) {
    QAxWidget::registeredControls().clear(); // the OpenAPI+ module is not installed
    AxOpenApiControl control(nullptr, k32Bit);
    EXPECT_FALSE(control.isLoaded());
    EXPECT_TRUE(control.loadError().contains("KHOPENAPI.KHOpenAPICtrl.1"))
        << control.loadError().toStdString();
    EXPECT_TRUE(control.loadError().contains("not installed or not registered"));
    EXPECT_TRUE(control.loadError().contains("OpenAPI+ module"));
    EXPECT_EQ(QAxWidget::current(), nullptr) << "the empty widget is not kept";
    EXPECT_FALSE(control.dynamicCall(calls::kCommConnect).isValid());
}

TEST_F(AxOpenApiControlTest, ASixtyFourBitProcessIsToldTheOcxIs32BitOnly) {
    const int before = QAxWidget::instancesCreated();
    AxOpenApiControl control(nullptr, 8);
    EXPECT_FALSE(control.isLoaded());
    EXPECT_TRUE(control.loadError().contains("32-bit ActiveX control")) << control.loadError().toStdString();
    EXPECT_TRUE(control.loadError().contains("64-bit program"));
    EXPECT_TRUE(control.loadError().contains("x86"));
    EXPECT_EQ(QAxWidget::instancesCreated(), before) << "no COM object is even tried";
    EXPECT_FALSE(control.dynamicCall(calls::kCommConnect).isValid());
}

} // namespace
} // namespace kiwoomd
