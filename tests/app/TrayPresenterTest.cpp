// The tray's logic without a display: which icon, which texts, which menu entries are enabled,
// and which pop-ups, for every connection state and action.
#include "tray/TrayPresenter.h"

#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

namespace kiwoomd::app {
namespace {

using namespace std::chrono_literals;

const Timestamp kNow = fromKst(2026, 11, 24, 10, 14, 24);

TrayPresenter presenter() {
    return TrayPresenter({QStringLiteral("http://127.0.0.1:8000"), QStringLiteral("Start with Windows")});
}

FeedSnapshotPtr snapshot(const std::string& id, std::optional<Timestamp> fetchedAt, bool stale) {
    FeedSnapshot s;
    s.feedId = id;
    s.market = id;
    s.trCode = "opt10023";
    s.fetchedAt = fetchedAt;
    s.stale = stale;
    s.marketOpen = true;
    return freezeSnapshot(std::move(s));
}

SessionStatus connectedStatus() {
    SessionStatus s;
    s.connection = ConnectionState::Connected;
    s.serverKind = ServerKind::Mock;
    s.userIdMasked = "si*******";
    s.marketOpen = true;
    s.budget = {{5, 1, 1}, {5, 18, 4}, {25, 90, 4}, {1000, 3600, 12}};
    return s;
}

TrayInputs inputs(SessionStatus status, std::vector<FeedSnapshotPtr> snapshots = {},
                  bool autostartEnabled = false, Timestamp now = kNow) {
    return TrayInputs{std::make_shared<const SessionStatus>(std::move(status)), std::move(snapshots), now,
                      autostartEnabled};
}

TrayInputs liveInputs() {
    return inputs(connectedStatus(),
                  {snapshot("kospi", kNow - 12s, false), snapshot("kosdaq", kNow - 40s, false)});
}

SessionStatus withState(ConnectionState state) {
    SessionStatus s = connectedStatus();
    s.connection = state;
    return s;
}

SessionStatus lostStatus() {
    SessionStatus s = withState(ConnectionState::Lost);
    s.reconnectCount = 1;
    s.lastError = ErrorInfo{-106, "connection lost: -106 (connection closed (socket closed))", kNow - 2s};
    s.nextReconnectAt = fromKst(2026, 11, 24, 10, 14, 30);
    return s;
}

SessionStatus versionUpdateStatus() {
    SessionStatus s;
    s.connection = ConnectionState::WaitingToReconnect;
    s.loginError = ErrorInfo{kiwoom_error::kVersionProcessingFailed,
                             "login failed: -102 (version processing failed)", kNow};
    s.lastError = s.loginError;
    return s;
}

bool hasLine(const TrayViewModel& model, const QString& line) {
    return model.statusLines.contains(line);
}

TEST(TrayPresenter, BeforeLoginShowsTheOfflineIconAndOffersLogIn) {
    SessionStatus status;
    const auto model = presenter().present(inputs(status));
    EXPECT_EQ(model.icon, TrayIconKind::Offline);
    EXPECT_EQ(model.state, "offline");
    EXPECT_EQ(model.toolTip, "kiwoomd: offline\nserver not known yet, no data yet");
    EXPECT_EQ(model.login.text, "Log in now");
    EXPECT_TRUE(model.login.enabled);
    EXPECT_EQ(model.pause.text, "Pause polling");
    EXPECT_TRUE(model.pause.enabled);
    EXPECT_EQ(model.statusLines,
              (QStringList{"Status: offline", "User: not logged in",
                           "Server: not known yet (emulator backend)", "Last update: none yet"}));
}

TEST(TrayPresenter, LoggingInShowsTheBlueIconAndDisablesLogIn) {
    const auto model = presenter().present(inputs(withState(ConnectionState::LoggingIn)));
    EXPECT_EQ(model.icon, TrayIconKind::LoggingIn);
    EXPECT_EQ(model.state, "logging in");
    EXPECT_EQ(model.login.text, QStringLiteral("Logging in") + QChar(0x2026));
    EXPECT_FALSE(model.login.enabled);
    EXPECT_TRUE(model.pause.enabled);
}

TEST(TrayPresenter, FreshDataIsLiveWithServerAndAgeInTheTooltip) {
    const auto model = presenter().present(liveInputs());
    EXPECT_EQ(model.icon, TrayIconKind::Live);
    EXPECT_EQ(model.state, "live");
    EXPECT_EQ(model.toolTip, "kiwoomd: live\nmock server, data 12 s old");
    EXPECT_EQ(model.login.text, "Reconnect");
    EXPECT_TRUE(model.login.enabled);
    EXPECT_TRUE(hasLine(model, "Status: live"));
    EXPECT_TRUE(hasLine(model, "User: si*******")) << "the id stays masked";
    EXPECT_TRUE(hasLine(model, "Server: mock (emulator backend)"));
    EXPECT_TRUE(hasLine(model, "Last update: 10:14:12 KST (12 s ago)")) << "the newest feed";
}

TEST(TrayPresenter, ConnectedWithOnlyStaleDataShowsTheStaleIcon) {
    const auto model =
        presenter().present(inputs(connectedStatus(), {snapshot("kospi", kNow - 10min, true)}));
    EXPECT_EQ(model.icon, TrayIconKind::Stale);
    EXPECT_EQ(model.state, "data stale");
    EXPECT_EQ(model.toolTip, "kiwoomd: data stale\nmock server, data 10 min old");
}

TEST(TrayPresenter, MarketClosedShowsTheStaleIconAndSaysSo) {
    SessionStatus status = connectedStatus();
    status.marketOpen = false;
    const auto model = presenter().present(inputs(status, {snapshot("kospi", kNow - 3h, false)}));
    EXPECT_EQ(model.icon, TrayIconKind::Stale);
    EXPECT_EQ(model.state, "market closed");
    EXPECT_TRUE(model.toolTip.endsWith("data 3 h old"));
}

TEST(TrayPresenter, ConnectedBeforeTheFirstFetchSaysItWaitsForData) {
    const auto model =
        presenter().present(inputs(connectedStatus(), {snapshot("kospi", std::nullopt, true)}));
    EXPECT_EQ(model.icon, TrayIconKind::Stale);
    EXPECT_EQ(model.state, "waiting for data");
    EXPECT_TRUE(hasLine(model, "Last update: none yet"));
}

TEST(TrayPresenter, LostConnectionShowsErrorIconAndOffersLogInNow) {
    const auto model = presenter().present(inputs(lostStatus(), {snapshot("kospi", kNow - 30s, true)}));
    EXPECT_EQ(model.icon, TrayIconKind::Error);
    EXPECT_EQ(model.state, "connection lost");
    EXPECT_EQ(model.login.text, "Log in now") << "skips the wait before the next attempt";
    EXPECT_TRUE(model.login.enabled);
    EXPECT_TRUE(hasLine(model, "Next login: 10:14:30 KST"));
    EXPECT_TRUE(hasLine(model, "Last error: connection lost: -106 (connection closed (socket closed))"));
}

TEST(TrayPresenter, FailedLoginShowsTheErrorIconAndTheNextAttempt) {
    SessionStatus status;
    status.connection = ConnectionState::WaitingToReconnect;
    status.loginError = ErrorInfo{-101, "login failed: -101 (server connection failed)", kNow};
    status.lastError = status.loginError;
    status.nextReconnectAt = kNow + 10s;
    const auto model = presenter().present(inputs(status));
    EXPECT_EQ(model.icon, TrayIconKind::Error);
    EXPECT_EQ(model.state, "login failed");
    EXPECT_TRUE(model.login.enabled);
    EXPECT_TRUE(hasLine(model, "Next login: 10:14:34 KST"));
    EXPECT_TRUE(hasLine(model, "Last error: login failed: -101 (server connection failed)"));
}

TEST(TrayPresenter, AVersionUpdateSaysTheModuleIsUpdatingAndKeepsLogInOffered) {
    const auto model = presenter().present(inputs(versionUpdateStatus()));
    EXPECT_EQ(model.icon, TrayIconKind::Error);
    EXPECT_EQ(model.state, "OpenAPI module updating");
    EXPECT_TRUE(model.login.enabled) << "a fresh host logs in; the user may ask for it sooner";
    EXPECT_TRUE(model.quit.enabled);
}

TEST(TrayPresenter, PausedPollingShowsTheStaleIconAndOffersResume) {
    TrayInputs in = liveInputs();
    SessionStatus status = *in.status;
    status.pollingPaused = true;
    in.status = std::make_shared<const SessionStatus>(status);
    const auto model = presenter().present(in);
    EXPECT_EQ(model.icon, TrayIconKind::Stale) << "paused data is not refreshed, whatever its age";
    EXPECT_EQ(model.state, "polling paused");
    EXPECT_EQ(model.pause.text, "Resume polling");
    EXPECT_TRUE(model.pause.enabled);
    EXPECT_TRUE(model.pollingPaused);
    EXPECT_EQ(model.login.text, "Reconnect");
}

TEST(TrayPresenter, BudgetLineNamesTheWindowClosestToItsLimit) {
    const auto model = presenter().present(liveInputs());
    EXPECT_TRUE(hasLine(model, "Request budget: 4 of 5 per 18 s used"))
        << model.statusLines.join('|').toStdString();
}

TEST(TrayPresenter, StartWithWindowsIsCheckedWhenTheEntryExists) {
    const auto off = presenter().present(inputs(connectedStatus(), {}, false));
    EXPECT_EQ(off.autostart.text, "Start with Windows");
    EXPECT_FALSE(off.autostart.checked);
    EXPECT_TRUE(off.autostart.enabled);
    const auto on = presenter().present(inputs(connectedStatus(), {}, true));
    EXPECT_TRUE(on.autostart.checked);
    const TrayPresenter elsewhere(
        {QStringLiteral("http://127.0.0.1:8000"), QStringLiteral("Start at login")});
    EXPECT_EQ(elsewhere.present(liveInputs()).autostart.text, "Start at login");
}

TEST(TrayPresenter, DashboardLogsAboutAndQuitAreAvailableInEveryState) {
    for (const auto state :
         {ConnectionState::Disconnected, ConnectionState::LoggingIn, ConnectionState::Connected,
          ConnectionState::Lost, ConnectionState::WaitingToReconnect}) {
        const auto model = presenter().present(inputs(withState(state)));
        for (const TrayMenuItem* item :
             {&model.openDashboard, &model.copyApiUrl, &model.openLogFolder, &model.about, &model.quit}) {
            EXPECT_TRUE(item->enabled) << item->text.toStdString() << " in " << connectionStateName(state);
        }
        EXPECT_EQ(model.dashboardUrl, "http://127.0.0.1:8000/");
        EXPECT_EQ(model.apiUrl, "http://127.0.0.1:8000/api/volume-ranking");
        EXPECT_LE(model.toolTip.size(), kMaxToolTipLength);
    }
}

TEST(TrayPresenter, AgesReadAsAPersonSaysThem) {
    EXPECT_EQ(formatAge(-3s), "0 s") << "a clock step backwards is not a negative age";
    EXPECT_EQ(formatAge(59s), "59 s");
    EXPECT_EQ(formatAge(119s), "119 s");
    EXPECT_EQ(formatAge(120s), "2 min");
    EXPECT_EQ(formatAge(7199s), "119 min");
    EXPECT_EQ(formatAge(7200s), "2 h");
    EXPECT_EQ(formatAge(47h), "47 h");
    EXPECT_EQ(formatAge(72h), "3 days");
}

TEST(TrayPresenter, TheFirstLoginIsNotNews) {
    TrayPresenter p = presenter();
    EXPECT_FALSE(p.notification(inputs(SessionStatus{})));
    EXPECT_FALSE(p.notification(inputs(withState(ConnectionState::LoggingIn))));
    EXPECT_FALSE(p.notification(liveInputs()));
}

TEST(TrayPresenter, ALostConnectionIsNotifiedWithTheNextAttempt) {
    TrayPresenter p = presenter();
    p.notification(liveInputs());
    const auto notice = p.notification(inputs(lostStatus()));
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->title, "Connection to Kiwoom lost");
    EXPECT_EQ(notice->message,
              "connection lost: -106 (connection closed (socket closed)). Logging in again at 10:14:30 KST.");
    EXPECT_EQ(notice->level, TrayNotificationLevel::Warning);
    EXPECT_FALSE(p.notification(inputs(lostStatus()))) << "once per loss";
}

TEST(TrayPresenter, AReconnectAfterALossIsNotified) {
    TrayPresenter p = presenter();
    p.notification(liveInputs());
    p.notification(inputs(lostStatus()));
    SessionStatus loggingIn = lostStatus();
    loggingIn.connection = ConnectionState::LoggingIn;
    EXPECT_FALSE(p.notification(inputs(loggingIn)));
    SessionStatus back = connectedStatus();
    back.reconnectCount = 1;
    const auto notice = p.notification(inputs(back));
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->title, "Reconnected to Kiwoom");
    EXPECT_EQ(notice->message, "Logged in again on the mock server; polling goes on.");
    EXPECT_EQ(notice->level, TrayNotificationLevel::Information);
}

TEST(TrayPresenter, ThrottlingIsNotifiedAtMostOnceInTenMinutes) {
    TrayPresenter p = presenter();
    SessionStatus status = connectedStatus();
    p.notification(inputs(status));
    status.requests.throttled = 1;
    const auto first = p.notification(inputs(status));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->title, "Kiwoom is throttling requests");
    EXPECT_TRUE(first->message.contains("-200 (1 since the start)"));
    status.requests.throttled = 3;
    EXPECT_FALSE(p.notification(inputs(status, {}, false, kNow + 5min))) << "quiet for ten minutes";
    status.requests.throttled = 4;
    EXPECT_TRUE(p.notification(inputs(status, {}, false, kNow + 10min)));
    EXPECT_FALSE(p.notification(inputs(status, {}, false, kNow + 30min))) << "nothing new, nothing said";
}

TEST(TrayPresenter, AVersionUpdateIsNotifiedOnceEvenOnTheFirstLook) {
    TrayPresenter p = presenter();
    const auto notice = p.notification(inputs(versionUpdateStatus()));
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->level, TrayNotificationLevel::Critical);
    EXPECT_TRUE(notice->message.contains("fresh one")) << "says that kiwoomd recovers by itself";
    EXPECT_FALSE(p.notification(inputs(versionUpdateStatus())));
}

TEST(TrayPresenter, TheStatusMessageNamesServerUserLastUpdateAndUrl) {
    const auto message = presenter().statusMessage(liveInputs());
    EXPECT_EQ(message.title, "kiwoomd: live");
    EXPECT_TRUE(message.message.contains("User: si*******"));
    EXPECT_TRUE(message.message.contains("Server: mock"));
    EXPECT_TRUE(message.message.contains("Last update: 10:14:12 KST (12 s ago)"));
    EXPECT_TRUE(message.message.endsWith("Serving http://127.0.0.1:8000"));
    EXPECT_EQ(message.level, TrayNotificationLevel::Information);
    EXPECT_EQ(presenter().statusMessage(inputs(lostStatus())).level, TrayNotificationLevel::Warning);
}

TEST(TrayPresenter, TheMenuSaysWhetherTheControlsHostRunsAndWhyTheLastOneEnded) {
    TrayInputs in = liveInputs();
    SessionStatus status = *in.status;
    status.host = HostStatus{4242, 2, HostState::Running, "answered no ping for 20 s (hung)", 32};
    in.status = std::make_shared<const SessionStatus>(status);
    const auto model = presenter().present(in);
    const auto line = std::find_if(model.statusLines.begin(), model.statusLines.end(),
                                   [](const QString& l) { return l.startsWith("Control host:"); });
    ASSERT_NE(line, model.statusLines.end());
    EXPECT_TRUE(line->contains("4242"));
    EXPECT_TRUE(line->contains("2 times"));
    EXPECT_TRUE(line->contains("no ping"));

    status.host.reset(); // a source that hosts nothing (REST)
    in.status = std::make_shared<const SessionStatus>(status);
    const auto without = presenter().present(in);
    EXPECT_TRUE(std::none_of(without.statusLines.begin(), without.statusLines.end(),
                             [](const QString& l) { return l.startsWith("Control host:"); }));
}

} // namespace
} // namespace kiwoomd::app
