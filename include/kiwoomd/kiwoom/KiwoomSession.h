#pragma once
// The session's data side, written once for every Source: polls every feed's TR within the request
// limits (one request in flight, queued by feed priority, paced by sliding windows), follows
// continuation pages, turns rows into typed records and publishes snapshots and status. Logging
// in and staying logged in is ConnectionSupervisor's job. This class is the Qt glue (timers,
// signals, the Source calls, the log lines); the rules it follows are core's: FeedPoll (a feed's
// state, requests and snapshots), PollQueue and InFlightRequest (request order, which answer is
// whose), RankingAssembly (a poll's pages), FeedFreshness (stale, due), ThrottlePolicy and
// SessionStatusAssembly.
// Thread: the Qt main thread. Its outputs (SnapshotCache, StatusBoard) are the only things other
// threads touch.

#include "kiwoomd/core/FeedDefinition.h"
#include "kiwoomd/core/FeedPoll.h"
#include "kiwoomd/core/MarketCalendar.h"
#include "kiwoomd/core/PollQueue.h"
#include "kiwoomd/core/RequestLimiter.h"
#include "kiwoomd/core/Scheduler.h"
#include "kiwoomd/core/ScreenNumberPool.h"
#include "kiwoomd/core/SessionStatus.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"
#include "kiwoomd/core/ThrottlePolicy.h"
#include "kiwoomd/kiwoom/ConnectionSupervisor.h"
#include "kiwoomd/kiwoom/Source.h"

#include <QObject>

#include <chrono>
#include <optional>
#include <random>
#include <vector>

namespace kiwoomd {

struct SessionSettings {
    std::vector<FeedDefinition> feeds = defaultFeeds();
    std::chrono::seconds pollInterval{60};
    bool pollIntervalAuto = false; // pollInterval was chosen by the limit windows (PollBudget.h)
    std::chrono::milliseconds requestTimeout{15000};
    int maxRequestAttempts = 2; // a request that times out is sent once more
    std::vector<LimitWindow> limitWindows = kiwoomLimitWindows();
    std::chrono::milliseconds safetyMargin{250};          // added to every window's length
    int staleAfterIntervals = 3;                          // data older than this many intervals is stale
    std::chrono::milliseconds maxThrottleBackoff{180000}; // caps Kiwoom's 17/90/180 s steps
    MarketCalendar calendar;
    ConnectionSettings connection;
};

class KiwoomSession : public QObject {
    Q_OBJECT

public:
    KiwoomSession(Source& source, SessionSettings settings, SnapshotCache& cache, StatusBoard& status,
                  Scheduler& scheduler, QObject* parent = nullptr);
    ~KiwoomSession() override;

    void start(); // log in; polling begins once connected

    // Rows saved by an earlier run: served at once, marked stale, until this run fetches its own.
    // Snapshots of feeds that no longer exist, or whose TR or market changed, are ignored.
    void restore(const std::vector<FeedSnapshot>& saved);

    // Applies an edited config while running: feeds added, removed or changed (an unchanged feed
    // keeps its ranking), interval, timeouts, pacing windows, staleness, calendar. The login and the
    // connection settings stay as they were started.
    void reconfigure(SessionSettings settings);

    void pollNow(); // queue a first-page request for every feed not already queued, market hours or not

    // Pause and resume from the tray. While paused no poll is queued and no first page is sent; a
    // ranking already under way finishes, so a half-read ranking never replaces a whole one. The
    // login is kept, the data turns stale by the usual rules, and /api/status says "paused".
    void setPollingPaused(bool paused);
    bool isPollingPaused() const { return m_pollingPaused; }
    // "Log in now" / "Reconnect" from the tray (ConnectionSupervisor::reconnectNow). When the
    // control keeps its session instead, the feeds are polled at once (unless paused).
    void reconnectNow();
    // Re-evaluates stale / market_open and republishes snapshots whose flags changed.
    void refreshFreshness();

    ConnectionState connectionState() const { return m_connection.state(); }
    const ConnectionSupervisor& connection() const { return m_connection; }

signals:
    void connectionStateChanged();
    void snapshotPublished(const QString& feedId, quint64 version);
    // The OpenAPI module must update itself (-102): its host ends and a fresh one logs in later.
    void versionUpdateRequired();

private:
    void onConnected();
    void onDisconnected();
    // Empties the queue and forgets the request in flight, with their timers.
    void dropRequestsUnderWay();
    void onRequestSent(const QString& rqName, int result);
    void onPageArrived(const TrPage& page);
    // Adds a page of the answer to the feed's ranking: asks for the next one or finishes it.
    void readPage(FeedPoll& feed, std::size_t feedIndex, const TrPage& page);
    void onServerMessage(const QString& rqName, const QString& message);
    // A request the source or the server refused: a throttle waits and sends it again, "no data"
    // is an empty answer, anything else fails the poll with `failure`.
    void onRefused(FeedPoll& feed, const PollRequest& request, int code, const std::string& failure);
    void onThrottled(FeedPoll& feed, const PollRequest& request, int code);

    void schedulePoll();
    void scheduleFreshnessCheck();
    void pollDue();
    void enqueue(const PollRequest& request);
    void pump();
    void sendRequest(const PollRequest& request);
    void onRequestTimeout();
    void finishFeed(FeedPoll& feed);
    void failFeed(FeedPoll& feed, int kiwoomCode, const std::string& message);
    void noteNoData(FeedPoll& feed);
    // Freezes and publishes the feed's snapshot: with `newRows` (moved in) or the rows it has.
    void publishSnapshot(FeedPoll& feed, std::optional<std::vector<RankingRow>> newRows = std::nullopt);
    bool isStale(const FeedPoll& feed) const;
    void publishStatus();

    Source& m_source;
    SessionSettings m_settings;
    SnapshotCache& m_cache;
    StatusBoard& m_statusBoard;
    Scheduler& m_scheduler;
    ConnectionSupervisor m_connection;
    RequestLimiter m_pacer;
    ScreenNumberPool m_screens;

    RequestCounters m_counters;
    Timestamp m_startedAt;
    std::vector<FeedPoll> m_feeds;
    PollQueue m_queue;
    InFlightRequest m_inFlight;
    ThrottleBackoff m_throttleBackoff;
    std::uint64_t m_requestSerial = 0;
    bool m_pollingPaused = false;
    SnapshotVersions m_versions;
    std::minstd_rand m_jitter;

    ScheduledTask m_pollTask;
    ScheduledTask m_pumpTask;
    ScheduledTask m_timeoutTask;
    ScheduledTask m_freshnessTask;
};

} // namespace kiwoomd
