// The tray's logic without a display or words: which icon and state, which values the menu
// lists, which entries are enabled, and which pop-ups, for every connection state and action.
// How these read in Korean and English is TrayTextTest's.
#include "kiwoomd/app/tray/TrayPresenter.h"

#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

namespace kiwoomd::app {
namespace {

using namespace std::chrono_literals;

const Timestamp kNow = fromKst(2026, 11, 24, 10, 14, 24);

TrayPresenter presenter() {
    return TrayPresenter({QStringLiteral("http://127.0.0.1:8000")});
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

TEST(TrayPresenter, BeforeLoginShowsTheOfflineIconAndOffersLogIn) {
    SessionStatus status;
    const auto model = presenter().present(inputs(status));
    EXPECT_EQ(model.icon, TrayIconKind::Offline);
    EXPECT_EQ(model.state, TrayState::Offline);
    EXPECT_EQ(model.server, TrayServer::Unknown);
    EXPECT_FALSE(model.dataAge) << "no data yet";
    EXPECT_EQ(model.login, TrayLoginAction::LogInNow);
    EXPECT_TRUE(model.loginItem.enabled);
    EXPECT_FALSE(model.pollingPaused) << "the pause entry offers to pause";
    EXPECT_TRUE(model.pause.enabled);
    EXPECT_TRUE(model.userIdMasked.isEmpty()) << "not logged in";
    EXPECT_EQ(model.backend, Backend::Emulator);
    EXPECT_FALSE(model.lastUpdate);
    EXPECT_FALSE(model.budget);
    EXPECT_FALSE(model.host);
    EXPECT_FALSE(model.nextLogin);
    EXPECT_TRUE(model.lastError.isEmpty());
}

TEST(TrayPresenter, LoggingInShowsTheBlueIconAndDisablesLogIn) {
    const auto model = presenter().present(inputs(withState(ConnectionState::LoggingIn)));
    EXPECT_EQ(model.icon, TrayIconKind::LoggingIn);
    EXPECT_EQ(model.state, TrayState::LoggingIn);
    EXPECT_EQ(model.login, TrayLoginAction::LoggingIn);
    EXPECT_FALSE(model.loginItem.enabled);
    EXPECT_TRUE(model.pause.enabled);
}

TEST(TrayPresenter, FreshDataIsLiveWithServerUserAndAge) {
    const auto model = presenter().present(liveInputs());
    EXPECT_EQ(model.icon, TrayIconKind::Live);
    EXPECT_EQ(model.state, TrayState::Live);
    EXPECT_EQ(model.server, TrayServer::Mock);
    ASSERT_TRUE(model.dataAge);
    EXPECT_EQ(*model.dataAge, 12s) << "the newest feed";
    EXPECT_EQ(model.lastUpdate, kNow - 12s);
    EXPECT_EQ(model.login, TrayLoginAction::Reconnect);
    EXPECT_TRUE(model.loginItem.enabled);
    EXPECT_EQ(model.userIdMasked, "si*******") << "the id stays masked";
    EXPECT_EQ(model.backend, Backend::Emulator);
}

TEST(TrayPresenter, TheBackendIsTheOneTheStatusNames) {
    SessionStatus status = connectedStatus();
    for (const Backend backend : {Backend::ActiveX, Backend::Emulator, Backend::Replay, Backend::Rest}) {
        status.backend = backend;
        EXPECT_EQ(presenter().present(inputs(status)).backend, backend) << backendName(backend);
    }
}

TEST(TrayPresenter, ARealServerIsToldFromTheMockOne) {
    SessionStatus status = connectedStatus();
    status.serverKind = ServerKind::Real;
    EXPECT_EQ(presenter().present(inputs(status)).server, TrayServer::Real);
    status.serverKind = ServerKind::Unknown;
    EXPECT_EQ(presenter().present(inputs(status)).server, TrayServer::Unknown);
}

TEST(TrayPresenter, ConnectedWithOnlyStaleDataShowsTheStaleIcon) {
    const auto model =
        presenter().present(inputs(connectedStatus(), {snapshot("kospi", kNow - 10min, true)}));
    EXPECT_EQ(model.icon, TrayIconKind::Stale);
    EXPECT_EQ(model.state, TrayState::DataStale);
    EXPECT_EQ(model.server, TrayServer::Mock);
    EXPECT_EQ(model.dataAge, std::chrono::seconds(10min));
}

TEST(TrayPresenter, MarketClosedShowsTheStaleIconAndSaysSo) {
    SessionStatus status = connectedStatus();
    status.marketOpen = false;
    const auto model = presenter().present(inputs(status, {snapshot("kospi", kNow - 3h, false)}));
    EXPECT_EQ(model.icon, TrayIconKind::Stale);
    EXPECT_EQ(model.state, TrayState::MarketClosed);
    EXPECT_EQ(model.dataAge, std::chrono::seconds(3h));
}

TEST(TrayPresenter, ConnectedBeforeTheFirstFetchSaysItWaitsForData) {
    const auto model =
        presenter().present(inputs(connectedStatus(), {snapshot("kospi", std::nullopt, true)}));
    EXPECT_EQ(model.icon, TrayIconKind::Stale);
    EXPECT_EQ(model.state, TrayState::WaitingForData);
    EXPECT_FALSE(model.lastUpdate) << "no update yet";
    EXPECT_FALSE(model.dataAge);
}

TEST(TrayPresenter, LostConnectionShowsErrorIconAndOffersLogInNow) {
    const auto model = presenter().present(inputs(lostStatus(), {snapshot("kospi", kNow - 30s, true)}));
    EXPECT_EQ(model.icon, TrayIconKind::Error);
    EXPECT_EQ(model.state, TrayState::ConnectionLost);
    EXPECT_EQ(model.login, TrayLoginAction::LogInNow) << "skips the wait before the next attempt";
    EXPECT_TRUE(model.loginItem.enabled);
    EXPECT_EQ(model.nextLogin, fromKst(2026, 11, 24, 10, 14, 30));
    EXPECT_EQ(model.lastError, "connection lost: -106 (connection closed (socket closed))");
}

TEST(TrayPresenter, FailedLoginShowsTheErrorIconAndTheNextAttempt) {
    SessionStatus status;
    status.connection = ConnectionState::WaitingToReconnect;
    status.loginError = ErrorInfo{-101, "login failed: -101 (server connection failed)", kNow};
    status.lastError = status.loginError;
    status.nextReconnectAt = kNow + 10s;
    const auto model = presenter().present(inputs(status));
    EXPECT_EQ(model.icon, TrayIconKind::Error);
    EXPECT_EQ(model.state, TrayState::LoginFailed);
    EXPECT_TRUE(model.loginItem.enabled);
    EXPECT_EQ(model.nextLogin, kNow + 10s);
    EXPECT_EQ(model.lastError, "login failed: -101 (server connection failed)");
}

TEST(TrayPresenter, TheNextLoginAndTheLastErrorAreShownOnlyWhileTheyMatter) {
    SessionStatus status = connectedStatus();
    status.nextReconnectAt = kNow + 10s; // left from an earlier loss
    status.lastError = ErrorInfo{-106, "connection lost: -106", kNow - 1h};
    const auto model = presenter().present(inputs(status, {snapshot("kospi", kNow - 1s, false)}));
    EXPECT_FALSE(model.nextLogin) << "no login is pending while connected";
    EXPECT_TRUE(model.lastError.isEmpty()) << "an old error is not news on a green icon";
}

TEST(TrayPresenter, AVersionUpdateSaysTheModuleIsUpdatingAndKeepsLogInOffered) {
    const auto model = presenter().present(inputs(versionUpdateStatus()));
    EXPECT_EQ(model.icon, TrayIconKind::Error);
    EXPECT_EQ(model.state, TrayState::ModuleUpdating);
    EXPECT_TRUE(model.loginItem.enabled) << "a fresh host logs in; the user may ask for it sooner";
    EXPECT_TRUE(model.quit.enabled);
}

TEST(TrayPresenter, PausedPollingShowsTheStaleIconAndOffersResume) {
    TrayInputs in = liveInputs();
    SessionStatus status = *in.status;
    status.pollingPaused = true;
    in.status = std::make_shared<const SessionStatus>(status);
    const auto model = presenter().present(in);
    EXPECT_EQ(model.icon, TrayIconKind::Stale) << "paused data is not refreshed, whatever its age";
    EXPECT_EQ(model.state, TrayState::PollingPaused);
    EXPECT_TRUE(model.pollingPaused) << "the pause entry offers to resume";
    EXPECT_TRUE(model.pause.enabled);
    EXPECT_EQ(model.login, TrayLoginAction::Reconnect);
}

TEST(TrayPresenter, TheBudgetNamesTheWindowClosestToItsLimit) {
    const auto model = presenter().present(liveInputs());
    ASSERT_TRUE(model.budget);
    EXPECT_EQ(model.budget->used, 4);
    EXPECT_EQ(model.budget->maxRequests, 5);
    EXPECT_EQ(model.budget->seconds, 18);
}

TEST(TrayPresenter, StartWithWindowsIsCheckedWhenTheEntryExists) {
    const auto off = presenter().present(inputs(connectedStatus(), {}, false));
    EXPECT_FALSE(off.autostart.checked);
    EXPECT_TRUE(off.autostart.enabled);
    const auto on = presenter().present(inputs(connectedStatus(), {}, true));
    EXPECT_TRUE(on.autostart.checked);
}

TEST(TrayPresenter, DashboardLogsAboutAndQuitAreAvailableInEveryState) {
    for (const auto state :
         {ConnectionState::Disconnected, ConnectionState::LoggingIn, ConnectionState::Connected,
          ConnectionState::Lost, ConnectionState::WaitingToReconnect}) {
        const auto model = presenter().present(inputs(withState(state)));
        for (const TrayMenuItem* item :
             {&model.openDashboard, &model.copyApiUrl, &model.openLogFolder, &model.about, &model.quit}) {
            EXPECT_TRUE(item->enabled) << "in " << connectionStateName(state);
        }
        EXPECT_EQ(model.baseUrl, "http://127.0.0.1:8000");
        EXPECT_EQ(model.dashboardUrl, "http://127.0.0.1:8000/");
        EXPECT_EQ(model.apiUrl, "http://127.0.0.1:8000/api/volume-ranking");
    }
}

TEST(TrayPresenter, AgesAreCountedInTheUnitAPersonSaysThem) {
    EXPECT_EQ(ageInUnits(-3s), (TrayAge{0, TrayAgeUnit::Seconds}))
        << "a clock step backwards is not a negative age";
    EXPECT_EQ(ageInUnits(59s), (TrayAge{59, TrayAgeUnit::Seconds}));
    EXPECT_EQ(ageInUnits(119s), (TrayAge{119, TrayAgeUnit::Seconds}));
    EXPECT_EQ(ageInUnits(120s), (TrayAge{2, TrayAgeUnit::Minutes}));
    EXPECT_EQ(ageInUnits(7199s), (TrayAge{119, TrayAgeUnit::Minutes}));
    EXPECT_EQ(ageInUnits(7200s), (TrayAge{2, TrayAgeUnit::Hours}));
    EXPECT_EQ(ageInUnits(47h), (TrayAge{47, TrayAgeUnit::Hours}));
    EXPECT_EQ(ageInUnits(72h), (TrayAge{3, TrayAgeUnit::Days}));
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
    EXPECT_EQ(notice->kind, TrayNoticeKind::ConnectionLost);
    EXPECT_EQ(notice->error, "connection lost: -106 (connection closed (socket closed))");
    EXPECT_EQ(notice->nextLogin, fromKst(2026, 11, 24, 10, 14, 30));
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
    EXPECT_EQ(notice->kind, TrayNoticeKind::Reconnected);
    EXPECT_EQ(notice->server, TrayServer::Mock) << "names the server logged in to";
    EXPECT_EQ(notice->level, TrayNotificationLevel::Information);
}

TEST(TrayPresenter, ThrottlingIsNotifiedAtMostOnceInTenMinutes) {
    TrayPresenter p = presenter();
    SessionStatus status = connectedStatus();
    p.notification(inputs(status));
    status.requests.throttled = 1;
    const auto first = p.notification(inputs(status));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->kind, TrayNoticeKind::Throttled);
    EXPECT_EQ(first->throttledCount, 1u) << "refusals since the start";
    EXPECT_EQ(first->level, TrayNotificationLevel::Warning);
    status.requests.throttled = 3;
    EXPECT_FALSE(p.notification(inputs(status, {}, false, kNow + 5min))) << "quiet for ten minutes";
    status.requests.throttled = 4;
    const auto again = p.notification(inputs(status, {}, false, kNow + 10min));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->throttledCount, 4u);
    EXPECT_FALSE(p.notification(inputs(status, {}, false, kNow + 30min))) << "nothing new, nothing said";
}

TEST(TrayPresenter, AVersionUpdateIsNotifiedOnceEvenOnTheFirstLook) {
    TrayPresenter p = presenter();
    const auto notice = p.notification(inputs(versionUpdateStatus()));
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->kind, TrayNoticeKind::ModuleUpdating) << "says that kiwoomd recovers by itself";
    EXPECT_EQ(notice->level, TrayNotificationLevel::Critical);
    EXPECT_FALSE(p.notification(inputs(versionUpdateStatus())));
}

TEST(TrayPresenter, TheStatusMessageWarnsOnlyWhileTheIconIsRed) {
    EXPECT_EQ(statusMessageLevel(presenter().present(liveInputs())), TrayNotificationLevel::Information);
    EXPECT_EQ(statusMessageLevel(presenter().present(inputs(lostStatus()))), TrayNotificationLevel::Warning);
}

TEST(TrayPresenter, TheMenuSaysWhetherTheControlsHostRunsAndWhyTheLastOneEnded) {
    TrayInputs in = liveInputs();
    SessionStatus status = *in.status;
    status.host = HostStatus{4242, 2, HostState::Running, "answered no ping for 20 s (hung)", 32};
    in.status = std::make_shared<const SessionStatus>(status);
    const auto model = presenter().present(in);
    ASSERT_TRUE(model.host);
    EXPECT_EQ(model.host->pid, 4242);
    EXPECT_EQ(model.host->state, HostState::Running);
    EXPECT_EQ(model.host->restarts, 2);
    EXPECT_EQ(model.host->lastExit, "answered no ping for 20 s (hung)");

    status.host.reset(); // a source that hosts nothing (REST)
    in.status = std::make_shared<const SessionStatus>(status);
    EXPECT_FALSE(presenter().present(in).host);
}

} // namespace
} // namespace kiwoomd::app
