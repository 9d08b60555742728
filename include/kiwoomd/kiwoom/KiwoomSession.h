#pragma once
// The OpenAPI session: logs in, polls every feed's TR within the request limits, follows
// continuation pages, turns rows into typed records and publishes snapshots and status.
// Talks to the control only through OpenApiControl (the real call and event signatures).
// Thread: the Qt main thread, the control's thread. Its outputs (SnapshotCache, StatusBoard)
// are the only things other threads touch.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/FeedDefinition.h"
#include "kiwoomd/core/MarketCalendar.h"
#include "kiwoomd/core/RequestLimiter.h"
#include "kiwoomd/core/SessionStatus.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"
#include "kiwoomd/kiwoom/OpenApiControl.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <optional>
#include <random>
#include <vector>

namespace kiwoomd {

struct SessionSettings {
    std::vector<FeedDefinition> feeds = defaultFeeds();
    std::chrono::seconds pollInterval{60};
    std::chrono::milliseconds requestTimeout{15000};
    std::vector<LimitWindow> limitWindows = kiwoomLimitWindows();
    std::chrono::milliseconds safetyMargin{250}; // added to every window's length
    int staleAfterIntervals = 3;                 // data older than this many intervals is stale
    std::chrono::milliseconds reconnectDelay{30000};
    std::chrono::milliseconds maxThrottleBackoff{60000};
    bool useCommDataEx = true; // one COM call per page instead of one per field
    MarketCalendar calendar;
};

class KiwoomSession : public QObject {
    Q_OBJECT

public:
    KiwoomSession(OpenApiControl& control, SessionSettings settings, SnapshotCache& cache,
                  StatusBoard& status, const Clock& clock, QObject* parent = nullptr);
    ~KiwoomSession() override;

    void start();   // CommConnect; polling begins once OnEventConnect(0) arrives
    void pollNow(); // queue a first-page request for every feed not already queued
    // Re-evaluates stale / market_open and republishes snapshots whose flags changed.
    void refreshFreshness();

    ConnectionState connectionState() const { return m_connection; }
    const SessionSettings& settings() const { return m_settings; }

signals:
    void connectionStateChanged();
    void snapshotPublished(const QString& feedId, quint64 version);
    // The OpenAPI module must update itself (-102): the host has to exit and start again.
    void versionUpdateRequired();

private:
    struct FeedState {
        FeedDefinition definition;
        QString screenNo;
        FeedStatus status;
        std::vector<RankingRow> rows; // the last good rows
        std::vector<RankingRow> collecting;
        int pagesFetched = 0;
        int skippedThisPoll = 0;
        bool queued = false;
        FeedSnapshotPtr published;
    };
    struct Request {
        std::size_t feed = 0;
        int prevNext = 0;
    };
    struct InFlight {
        Request request;
        QString rqName;
        Timestamp sentAt;
    };

    void onEventConnect(int errCode);
    void onReceiveTrData(const QString& screenNo, const QString& rqName, const QString& trCode,
                         const QString& recordName, const QString& prevNext);
    void onReceiveMsg(const QString& screenNo, const QString& rqName, const QString& trCode,
                      const QString& msg);

    void setConnection(ConnectionState state);
    void pump();
    void sendRequest(const Request& request);
    void onRequestTimeout();
    std::vector<RawRow> readRows(const QString& trCode, const QString& recordName);
    void finishFeed(FeedState& feed);
    void failFeed(FeedState& feed, int kiwoomCode, const std::string& message);
    void publishSnapshot(FeedState& feed);
    bool isStale(const FeedState& feed) const;
    void publishStatus();
    std::chrono::milliseconds throttleBackoff();

    OpenApiControl& m_control;
    SessionSettings m_settings;
    SnapshotCache& m_cache;
    StatusBoard& m_statusBoard;
    const Clock& m_clock;
    RequestLimiter m_pacer;

    ConnectionState m_connection = ConnectionState::Disconnected;
    std::string m_serverKind = "unknown";
    std::string m_userIdMasked;
    std::optional<ErrorInfo> m_loginError;
    RequestCounters m_counters;
    Timestamp m_startedAt;

    std::vector<FeedState> m_feeds;
    std::deque<Request> m_queue;
    std::optional<InFlight> m_inFlight;
    int m_consecutiveThrottles = 0;
    std::uint64_t m_requestSerial = 0;
    std::minstd_rand m_jitter;

    QTimer m_pollTimer;
    QTimer m_pumpTimer;
    QTimer m_timeoutTimer;
    QTimer m_freshnessTimer;
    QTimer m_reconnectTimer;
};

} // namespace kiwoomd
