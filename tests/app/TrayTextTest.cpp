// The tray's words in Korean and English, with the binary's own translations installed: every
// state, entry and pop-up reads as something in both languages, the two differ, and the values
// of the view model reach the text. No sentence is pinned here; the wording is the .ts files'.
#include "kiwoomd/app/tray/TrayText.h"
#include "kiwoomd/app/tray/TrayPresenter.h"
#include "kiwoomd/app/tray/TrayTranslation.h"

#include "kiwoomd/core/KstTime.h"

#include <QCoreApplication>
#include <QSet>

#include <gtest/gtest.h>

#include <functional>

namespace kiwoomd::app {
namespace {

using namespace std::chrono_literals;

const Timestamp kNow = fromKst(2026, 11, 24, 10, 14, 24);

constexpr TrayState kStates[] = {
    TrayState::Offline,        TrayState::LoggingIn,     TrayState::ConnectionLost, TrayState::LoginFailed,
    TrayState::ModuleUpdating, TrayState::PollingPaused, TrayState::WaitingForData, TrayState::MarketClosed,
    TrayState::Live,           TrayState::DataStale,
};

// Runs `read` once with the Korean translation installed and once with the English one.
template <typename T> std::pair<T, T> inKoreanAndEnglish(const std::function<T()>& read) {
    installTrayTranslator(*QCoreApplication::instance(), TrayLanguage::Korean);
    T korean = read();
    installTrayTranslator(*QCoreApplication::instance(), TrayLanguage::English);
    T english = read();
    return {std::move(korean), std::move(english)};
}

class TrayTextInBothLanguages : public ::testing::Test {
protected:
    void TearDown() override { installTrayTranslator(*QCoreApplication::instance(), TrayLanguage::English); }
};

TrayNotice noticeOf(TrayNoticeKind kind) {
    TrayNotice notice;
    notice.kind = kind;
    notice.level = TrayNotificationLevel::Warning;
    return notice;
}

TrayViewModel fullModel(TrayState state) {
    TrayViewModel model;
    model.state = state;
    model.icon = TrayIconKind::Error;
    model.userIdMasked = QStringLiteral("si*******");
    model.server = TrayServer::Mock;
    model.backend = Backend::ActiveX;
    model.lastUpdate = kNow - 12s;
    model.dataAge = 12s;
    model.budget = TrayBudget{4, 5, 18};
    model.host = TrayHost{4242, HostState::Running, 2, QStringLiteral("answered no ping for 20 s (hung)")};
    model.nextLogin = fromKst(2026, 11, 24, 10, 14, 30);
    model.lastError = QStringLiteral("connection lost: -106 (connection closed (socket closed))");
    model.baseUrl = QStringLiteral("http://127.0.0.1:8000");
    model.dashboardUrl = model.baseUrl + QLatin1Char('/');
    return model;
}

TEST_F(TrayTextInBothLanguages, EveryStateReadsDifferentlyInKoreanAndEnglish) {
    QSet<QString> korean;
    QSet<QString> english;
    for (const TrayState state : kStates) {
        const auto [ko, en] = inKoreanAndEnglish<QString>([state] { return TrayText::state(state); });
        EXPECT_FALSE(ko.isEmpty());
        EXPECT_FALSE(en.isEmpty());
        EXPECT_NE(ko, en) << "untranslated: " << en.toStdString();
        korean.insert(ko);
        english.insert(en);
    }
    EXPECT_EQ(korean.size(), static_cast<int>(std::size(kStates))) << "two states read alike in Korean";
    EXPECT_EQ(english.size(), static_cast<int>(std::size(kStates))) << "two states read alike in English";
}

TEST_F(TrayTextInBothLanguages, EveryMenuEntryIsTranslated) {
    for (const TrayLoginAction login :
         {TrayLoginAction::LogInNow, TrayLoginAction::LoggingIn, TrayLoginAction::Reconnect}) {
        for (const bool paused : {false, true}) {
            for (const QString& autostart :
                 {QStringLiteral("Start with Windows"), QStringLiteral("Start at login")}) {
                TrayViewModel model;
                model.login = login;
                model.pollingPaused = paused;
                const auto [ko, en] =
                    inKoreanAndEnglish<TrayMenuTexts>([&] { return TrayText::menu(model, autostart); });
                const std::pair<QString, QString> entries[] = {{ko.login, en.login},
                                                               {ko.pause, en.pause},
                                                               {ko.openDashboard, en.openDashboard},
                                                               {ko.copyApiUrl, en.copyApiUrl},
                                                               {ko.openLogFolder, en.openLogFolder},
                                                               {ko.autostart, en.autostart},
                                                               {ko.about, en.about},
                                                               {ko.quit, en.quit}};
                for (const auto& [k, e] : entries) {
                    EXPECT_FALSE(k.isEmpty());
                    EXPECT_FALSE(e.isEmpty());
                    EXPECT_NE(k, e) << "untranslated: " << e.toStdString();
                }
            }
        }
    }
}

TEST_F(TrayTextInBothLanguages, PauseAndResumeAndBothAutostartLabelsReadDifferently) {
    TrayViewModel running;
    TrayViewModel paused;
    paused.pollingPaused = true;
    for (const TrayLanguage language : {TrayLanguage::Korean, TrayLanguage::English}) {
        installTrayTranslator(*QCoreApplication::instance(), language);
        EXPECT_NE(TrayText::menu(running, {}).pause, TrayText::menu(paused, {}).pause);
        EXPECT_NE(TrayText::menu(running, QStringLiteral("Start with Windows")).autostart,
                  TrayText::menu(running, QStringLiteral("Start at login")).autostart);
    }
}

TEST_F(TrayTextInBothLanguages, EveryNoticeReadsDifferentlyInKoreanAndEnglish) {
    for (const TrayNoticeKind kind : {TrayNoticeKind::ModuleUpdating, TrayNoticeKind::Reconnected,
                                      TrayNoticeKind::ConnectionLost, TrayNoticeKind::Throttled}) {
        TrayNotice notice = noticeOf(kind);
        notice.server = TrayServer::Real;
        notice.throttledCount = 7;
        const auto [ko, en] = inKoreanAndEnglish<TrayNotification>([&] { return TrayText::notice(notice); });
        EXPECT_FALSE(ko.title.isEmpty());
        EXPECT_FALSE(ko.message.isEmpty());
        EXPECT_NE(ko.title, en.title);
        EXPECT_NE(ko.message, en.message);
        EXPECT_EQ(ko.level, TrayNotificationLevel::Warning) << "the level is the presenter's";
        if (kind == TrayNoticeKind::Throttled) {
            EXPECT_TRUE(ko.message.contains("-200") && ko.message.contains('7'));
            EXPECT_TRUE(en.message.contains("-200") && en.message.contains('7'));
        }
    }
}

TEST_F(TrayTextInBothLanguages, AFailedAutostartChangeKeepsTheSystemsReasonInBothLanguages) {
    const QString detail = QStringLiteral("cannot write /home/u/.config/autostart/kiwoomd.desktop: denied");
    const auto [ko, en] = inKoreanAndEnglish<QString>([&] { return TrayText::autostartFailed(detail); });
    EXPECT_TRUE(ko.contains(detail));
    EXPECT_TRUE(en.contains(detail));
    EXPECT_NE(ko, en);
}

TEST_F(TrayTextInBothLanguages, ALostConnectionNamesTheErrorAndTheNextAttemptInBothLanguages) {
    TrayNotice notice = noticeOf(TrayNoticeKind::ConnectionLost);
    notice.error = QStringLiteral("connection lost: -106");
    notice.nextLogin = fromKst(2026, 11, 24, 10, 14, 30);
    const auto [ko, en] = inKoreanAndEnglish<TrayNotification>([&] { return TrayText::notice(notice); });
    for (const TrayNotification& n : {ko, en}) {
        EXPECT_TRUE(n.message.contains("connection lost: -106")) << n.message.toStdString();
        EXPECT_TRUE(n.message.contains("10:14:30")) << n.message.toStdString();
    }
}

TEST_F(TrayTextInBothLanguages, EveryBackendHasANameOfItsOwnInBothLanguages) {
    constexpr Backend kBackends[] = {Backend::ActiveX, Backend::Emulator, Backend::Replay, Backend::Rest};
    QSet<QString> korean;
    QSet<QString> english;
    for (const Backend backend : kBackends) {
        const auto [ko, en] = inKoreanAndEnglish<QString>([backend] { return TrayText::backend(backend); });
        EXPECT_FALSE(ko.isEmpty()) << backendName(backend);
        EXPECT_FALSE(en.isEmpty()) << backendName(backend);
        korean.insert(ko);
        english.insert(en);
    }
    EXPECT_EQ(korean.size(), static_cast<int>(std::size(kBackends))) << "two backends read alike in Korean";
    EXPECT_EQ(english.size(), static_cast<int>(std::size(kBackends))) << "two backends read alike in English";
    // The dashboard's words (i18n.mjs "source.*"): the product names stay, the others are Korean.
    const auto [emulatorKo, emulatorEn] =
        inKoreanAndEnglish<QString>([] { return TrayText::backend(Backend::Emulator); });
    EXPECT_EQ(emulatorKo, QStringLiteral("에뮬레이터"));
    EXPECT_EQ(emulatorEn, QStringLiteral("emulator"));
    const auto [replayKo, replayEn] =
        inKoreanAndEnglish<QString>([] { return TrayText::backend(Backend::Replay); });
    EXPECT_EQ(replayKo, QStringLiteral("녹화 재생"));
    EXPECT_EQ(replayEn, QStringLiteral("replay"));
}

TEST_F(TrayTextInBothLanguages, TheStatusLinesCarryTheModelsValuesInBothLanguages) {
    const TrayViewModel model = fullModel(TrayState::ConnectionLost);
    const auto [ko, en] = inKoreanAndEnglish<QStringList>([&] { return TrayText::statusLines(model); });
    for (const QStringList& lines : {ko, en}) {
        const QString all = lines.join('\n');
        ASSERT_EQ(lines.size(), 8)
            << all.toStdString(); // state, user, server, update, budget, host, next, error
        for (const char* value :
             {"si*******", "OpenAPI+", "10:14:12", "10:14:30", "4242", "no ping", "-106"}) {
            EXPECT_TRUE(all.contains(QLatin1String(value))) << value << " missing from\n"
                                                            << all.toStdString();
        }
        EXPECT_TRUE(lines[4].contains('4') && lines[4].contains('5') && lines[4].contains("18"));
    }
    EXPECT_NE(ko, en);
}

TEST_F(TrayTextInBothLanguages, TheTooltipFitsWindowsLimitInEveryStateAndLanguage) {
    for (const TrayState state : kStates) {
        TrayViewModel model = fullModel(state);
        model.dataAge = 72h;
        model.lastError = QString(200, QLatin1Char('x')); // not in the tooltip, whatever its length
        const auto [ko, en] = inKoreanAndEnglish<QStringList>([&] {
            return QStringList{TrayText::toolTip(model), TrayText::state(state)};
        });
        for (const QStringList& tipAndState : {ko, en}) {
            EXPECT_LE(tipAndState[0].size(), kMaxToolTipLength);
            EXPECT_TRUE(tipAndState[0].contains(tipAndState[1])) << "the tooltip names the state";
        }
        EXPECT_NE(ko[0], en[0]);
    }
}

TEST_F(TrayTextInBothLanguages, TheStatusMessageNamesUserLastUpdateAndUrlWithTheStateInTheTitle) {
    TrayViewModel model = fullModel(TrayState::Live);
    model.icon = TrayIconKind::Live;
    const auto [ko, en] =
        inKoreanAndEnglish<TrayNotification>([&] { return TrayText::statusMessage(model); });
    for (const TrayNotification& message : {ko, en}) {
        EXPECT_TRUE(message.message.contains("si*******"));
        EXPECT_TRUE(message.message.contains("10:14:12"));
        EXPECT_TRUE(message.message.endsWith("http://127.0.0.1:8000")) << message.message.toStdString();
        EXPECT_EQ(message.level, TrayNotificationLevel::Information);
    }
    EXPECT_NE(ko.title, en.title);
}

TEST_F(TrayTextInBothLanguages, AgesReadInEachLanguagesUnits) {
    for (const auto age :
         {12s, std::chrono::seconds(5min), std::chrono::seconds(3h), std::chrono::seconds(72h)}) {
        const auto [ko, en] = inKoreanAndEnglish<QString>([age] { return TrayText::age(age); });
        const QString count = QString::number(ageInUnits(age).count);
        EXPECT_TRUE(ko.contains(count) && en.contains(count));
        EXPECT_NE(ko, en);
    }
}

TEST_F(TrayTextInBothLanguages, TheEnglishCatalogueGivesOneHostReplacementItsSingular) {
    TrayViewModel once = fullModel(TrayState::Live);
    once.host->restarts = 1;
    TrayViewModel twice = once;
    twice.host->restarts = 2;
    installTrayTranslator(*QCoreApplication::instance(), TrayLanguage::English);
    const QString one = TrayText::statusLines(once)[5];
    const QString two = TrayText::statusLines(twice)[5];
    // Without the embedded English catalogue both would read the source's "time(s)".
    EXPECT_FALSE(one.contains("(s)")) << one.toStdString();
    EXPECT_FALSE(two.contains("(s)")) << two.toStdString();
    EXPECT_NE(QString(one).replace('1', '2'), two) << "singular and plural differ beyond the number";
}

} // namespace
} // namespace kiwoomd::app
