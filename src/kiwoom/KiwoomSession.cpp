#include "kiwoomd/kiwoom/KiwoomSession.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/FeedFreshness.h"
#include "kiwoomd/core/FeedPoll.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/ServerMessage.h"
#include "kiwoomd/core/SessionStatusAssembly.h"
#include "kiwoomd/core/ThrottlePolicy.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiwoomd {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kFreshnessCheck{1000};

} // namespace

KiwoomSession::KiwoomSession(Source& source, SessionSettings settings, SnapshotCache& cache,
                             StatusBoard& status, Scheduler& scheduler, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_settings(std::move(settings))
    , m_cache(cache)
    , m_statusBoard(status)
    , m_scheduler(scheduler)
    , m_connection(source, m_settings.connection, scheduler)
    , m_pacer(withSafetyMargin(m_settings.limitWindows, m_settings.safetyMargin), scheduler.clock())
    , m_startedAt(scheduler.now())
    , m_throttleBackoff(m_settings.maxThrottleBackoff)
    , m_jitter(static_cast<unsigned>(scheduler.now().time_since_epoch().count()))
    , m_pollTask(scheduler)
    , m_pumpTask(scheduler)
    , m_timeoutTask(scheduler)
    , m_freshnessTask(scheduler) {
    for (const auto& definition : m_settings.feeds) {
        m_feeds.push_back(FeedPoll::start(definition, m_screens));
    }

    connect(&m_connection, &ConnectionSupervisor::connected, this, &KiwoomSession::onConnected);
    connect(&m_connection, &ConnectionSupervisor::disconnected, this, &KiwoomSession::onDisconnected);
    connect(&m_connection, &ConnectionSupervisor::stateChanged, this, [this] {
        refreshFreshness();
        publishStatus();
        emit connectionStateChanged();
    });
    connect(&m_connection, &ConnectionSupervisor::versionUpdateRequired, this,
            &KiwoomSession::versionUpdateRequired);
    connect(&m_source, &Source::requestSent, this, &KiwoomSession::onRequestSent);
    connect(&m_source, &Source::pageArrived, this, &KiwoomSession::onPageArrived);
    connect(
        &m_source, &Source::serverMessage, this,
        [this](const QString& rqName, const QString& trCode, const QString& screenNo, const QString& msg) {
            spdlog::debug("server message for {} {} (screen {}): {}", rqName.toStdString(),
                          trCode.toStdString(), screenNo.toStdString(), msg.trimmed().toStdString());
            onServerMessage(rqName, msg);
        });
    connect(&m_source, &Source::hostChanged, this, [this] { publishStatus(); });

    // Every feed answers from the first request on: empty and stale until data arrives.
    for (auto& feed : m_feeds) {
        publishSnapshot(feed);
    }
    publishStatus();
}

KiwoomSession::~KiwoomSession() = default;

void KiwoomSession::reconfigure(SessionSettings settings) {
    // Whatever was queued or in flight belongs to the old feed list.
    dropRequestsUnderWay();
    FeedListEdit edit = editFeedList(std::move(m_feeds), settings.feeds, m_screens);
    m_feeds = std::move(edit.feeds);
    for (const std::size_t added : edit.added) {
        spdlog::info("feed '{}' ({}) added", m_feeds[added].definition.id, m_feeds[added].definition.trCode);
    }
    for (const auto& id : edit.removedIds) {
        m_cache.remove(id);
        spdlog::info("feed '{}' removed", id);
    }

    const ConnectionSettings connection = m_settings.connection;
    m_settings = std::move(settings);
    m_settings.connection = connection;
    m_pacer.setWindows(withSafetyMargin(m_settings.limitWindows, m_settings.safetyMargin));
    m_throttleBackoff.setCap(m_settings.maxThrottleBackoff);

    for (auto& feed : m_feeds) {
        publishSnapshot(feed);
    }
    publishStatus();
    if (m_connection.state() == ConnectionState::Connected) {
        schedulePoll();
        pollDue();
    }
}

void KiwoomSession::start() {
    scheduleFreshnessCheck();
    m_connection.start();
}

void KiwoomSession::scheduleFreshnessCheck() {
    m_freshnessTask.start(kFreshnessCheck, [this] {
        refreshFreshness();
        publishStatus();
        scheduleFreshnessCheck();
    });
}

void KiwoomSession::restore(const std::vector<FeedSnapshot>& saved) {
    for (const auto& snapshot : saved) {
        const auto it = std::find_if(m_feeds.begin(), m_feeds.end(),
                                     [&](const FeedPoll& f) { return f.definition.id == snapshot.feedId; });
        if (!canRestore(it == m_feeds.end() ? nullptr : &it->definition, snapshot)) {
            spdlog::info("not restoring saved feed '{}': no such feed with that TR and market any more",
                         snapshot.feedId);
            continue;
        }
        it->noteRestored(snapshot);
        m_versions.noteRestored(snapshot.version);
        publishSnapshot(*it, snapshot.rows);
        spdlog::info("restored {} rows of '{}' saved at {}; served as stale until fresh data arrives",
                     snapshot.rows.size(), snapshot.feedId, toKstIso8601(*snapshot.fetchedAt));
    }
    publishStatus();
}

void KiwoomSession::dropRequestsUnderWay() {
    // An answer still on its way is ignored: no request of its name is in flight any more.
    m_queue.clear();
    m_inFlight.clear();
    m_timeoutTask.stop();
    m_pumpTask.stop();
}

void KiwoomSession::onConnected() {
    schedulePoll();
    pollDue();
}

void KiwoomSession::onDisconnected() {
    m_pollTask.stop();
    dropRequestsUnderWay();
    for (auto& feed : m_feeds) {
        feed.abandon();
    }
}

void KiwoomSession::schedulePoll() {
    m_pollTask.start(std::chrono::duration_cast<milliseconds>(m_settings.pollInterval), [this] {
        pollDue();
        schedulePoll();
    });
}

void KiwoomSession::pollDue() {
    if (m_connection.state() != ConnectionState::Connected || m_pollingPaused) {
        return;
    }
    const Timestamp now = m_scheduler.now();
    for (std::size_t i = 0; i < m_feeds.size(); ++i) {
        const FeedPoll& feed = m_feeds[i];
        if (isFeedPollDue(m_settings.calendar, feed.status, feed.queued, feed.fetchedThisRun, now)) {
            enqueue({i, prev_next::kFirstPage, 1});
        }
    }
    publishStatus();
    pump();
}

void KiwoomSession::pollNow() {
    if (m_connection.state() != ConnectionState::Connected || m_pollingPaused) {
        return;
    }
    for (std::size_t i = 0; i < m_feeds.size(); ++i) {
        if (!m_feeds[i].queued) {
            enqueue({i, prev_next::kFirstPage, 1});
        }
    }
    pump();
}

void KiwoomSession::setPollingPaused(bool paused) {
    if (paused == m_pollingPaused) {
        return;
    }
    m_pollingPaused = paused;
    if (paused) {
        spdlog::info("polling paused: no request is sent until it is resumed");
        m_pollTask.stop();
        // First pages not yet sent are dropped; continuation pages stay and finish their ranking.
        for (const std::size_t dropped : m_queue.dropFirstPages()) {
            m_feeds[dropped].abandon();
        }
        publishStatus();
        return;
    }
    spdlog::info("polling resumed");
    publishStatus();
    if (m_connection.state() == ConnectionState::Connected) {
        schedulePoll();
        pollDue();
    }
}

void KiwoomSession::reconnectNow() {
    if (!m_connection.reconnectNow() && m_connection.state() == ConnectionState::Connected) {
        pollNow();
    }
}

void KiwoomSession::enqueue(const PollRequest& request) {
    FeedPoll& feed = m_feeds[request.feed];
    if (request.prevNext == prev_next::kFirstPage && request.attempt == 1) {
        feed.begin(m_scheduler.now());
    }
    m_queue.add(request, feed.definition.priority);
}

void KiwoomSession::pump() {
    if (m_connection.state() != ConnectionState::Connected || m_inFlight.active() || m_queue.empty() ||
        m_pumpTask.isActive()) {
        return;
    }
    const auto wait = m_pacer.delayUntilAllowed();
    if (wait.count() > 0) {
        m_counters.notePacingWait(wait);
        m_pumpTask.start(wait, [this] { pump(); });
        return;
    }
    sendRequest(*m_queue.takeNext());
}

void KiwoomSession::sendRequest(const PollRequest& request) {
    FeedPoll& feed = m_feeds[request.feed];
    const PageRequest page = feed.pageRequest(request.prevNext, m_requestSerial);
    // Counted before the answer is known: a refused request still spends our own budget, which
    // only makes the pacing more careful than the server.
    m_pacer.record();
    ++m_counters.sent;
    // In flight before the source is asked: its answer may come before request() returns.
    m_inFlight.start(request, page.rqName);
    m_timeoutTask.start(m_settings.requestTimeout, [this] { onRequestTimeout(); });
    m_source.request(page);
}

void KiwoomSession::onRequestSent(const QString& rqName, int result) {
    const auto request = m_inFlight.awaitingResult(rqName.toStdString());
    if (!request) {
        return;
    }
    FeedPoll& feed = m_feeds[request->feed];
    m_counters.noteResult(feed.definition.trCode, std::to_string(result));
    if (result == kiwoom_error::kOk) {
        // Accepted is not answered: the server may still refuse it in a message (a throttle among
        // them), so the throttle steps go back to the first only when a page arrives.
        m_inFlight.accept();
        publishStatus();
        return;
    }
    onRefused(feed, *request, result, "request failed: " + kiwoom_error::describeWithCode(result));
}

void KiwoomSession::onRefused(FeedPoll& feed, const PollRequest& request, int code,
                              const std::string& failure) {
    m_inFlight.clear();
    m_timeoutTask.stop();
    switch (kiwoom_error::classifyRefusal(code)) {
    case kiwoom_error::Refusal::Throttled:
        onThrottled(feed, request, code);
        return;
    case kiwoom_error::Refusal::NoData:
        noteNoData(feed);
        break;
    case kiwoom_error::Refusal::Failed:
        ++m_counters.failed;
        failFeed(feed, code, failure);
        break;
    }
    pump();
}

void KiwoomSession::onThrottled(FeedPoll& feed, const PollRequest& request, int code) {
    ++m_counters.throttled;
    // Up to 20% longer than the guide's step, drawn here so that ThrottleBackoff stays pure.
    const auto backoff = m_throttleBackoff.next(std::uniform_real_distribution<double>(0.0, 1.0)(m_jitter));
    spdlog::warn("{} {}: {}; backing off {} ms", feed.definition.id, feed.definition.trCode,
                 kiwoom_error::describeWithCode(code), backoff.count());
    feed.noteThrottled(code, m_scheduler.now());
    m_queue.addToFront(request); // retried as it was, after the backoff
    m_pumpTask.start(backoff, [this] { pump(); });
    publishStatus();
}

void KiwoomSession::onServerMessage(const QString& rqName, const QString& message) {
    // An accepted request can still be refused by the server: the message ends in the code, and
    // no answer follows. The request fails now, with the server's reason, not at its timeout.
    const auto code = refusalCode(message.toStdString());
    const auto request = m_inFlight.named(rqName.toStdString());
    if (!code || !request) {
        return;
    }
    FeedPoll& feed = m_feeds[request->feed];
    m_counters.noteResult(feed.definition.trCode, std::to_string(*code));
    const std::string reason = message.trimmed().toStdString();
    spdlog::warn("{} {}: the server refused the request: {}", feed.definition.id, feed.definition.trCode,
                 reason);
    onRefused(feed, *request, *code, "the server refused the request: " + reason);
}

void KiwoomSession::onRequestTimeout() {
    const auto request = m_inFlight.request();
    if (!request) {
        return;
    }
    FeedPoll& feed = m_feeds[request->feed];
    m_inFlight.clear();
    ++m_counters.timedOut;
    m_counters.noteResult(feed.definition.trCode, "timeout");
    spdlog::warn("{} {}: no OnReceiveTrData within {} ms; releasing screen {}", feed.definition.id,
                 feed.definition.trCode, m_settings.requestTimeout.count(), feed.screenNo);
    m_source.releaseScreen(feed.screenNo);
    feed.screenNo = m_screens.exchange(feed.screenNo);
    if (const auto retry = retryAfterTimeout(*request, m_settings.maxRequestAttempts)) {
        feed.noteRetryAfterTimeout(request->prevNext, m_scheduler.now());
        m_queue.addToFront(*retry); // it was due already
        publishStatus();
    } else {
        failFeed(feed, 0, "request timed out");
    }
    pump();
}

void KiwoomSession::onPageArrived(const TrPage& page) {
    const auto request = m_inFlight.named(page.rqName);
    if (!request || page.screenNo != m_feeds[request->feed].screenNo) {
        spdlog::debug("ignoring a page for {} on screen {} (not in flight)", page.rqName, page.screenNo);
        return;
    }
    m_timeoutTask.stop();
    FeedPoll& feed = m_feeds[request->feed];
    m_inFlight.clear();
    m_throttleBackoff.reset();
    ++m_counters.succeeded;
    readPage(feed, request->feed, page);
    pump();
}

void KiwoomSession::readPage(FeedPoll& feed, std::size_t feedIndex, const TrPage& page) {
    const auto problems = feed.addPage(page.rows);
    if (!problems) {
        failFeed(feed, 0, "answer for an unknown TR " + feed.definition.trCode);
        return;
    }
    for (const auto& problem : *problems) {
        spdlog::warn("{} row {}: {}", feed.definition.id, problem.rank, problem.problem);
    }
    if (feed.ranking.wantsNextPage(page.more, feed.definition.maxPages)) {
        enqueue({feedIndex, prev_next::kNextPage, 1});
    } else {
        finishFeed(feed);
    }
    publishStatus();
}

void KiwoomSession::finishFeed(FeedPoll& feed) {
    RankingOutcome outcome = feed.finishRanking();
    switch (outcome.kind) {
    case RankingOutcome::Kind::NoData:
        noteNoData(feed);
        return;
    case RankingOutcome::Kind::Unreadable:
        failFeed(feed, 0, "every row of the answer was unreadable");
        return;
    case RankingOutcome::Kind::Rows:
        break;
    }
    feed.noteFetched(m_scheduler.now(), static_cast<int>(outcome.rows.size()), m_versions.next());
    publishSnapshot(feed, std::move(outcome.rows));
    spdlog::debug("{}: {} rows (version {})", feed.definition.id, feed.status.rowCount, feed.status.version);
    emit snapshotPublished(QString::fromStdString(feed.definition.id), feed.status.version);
}

void KiwoomSession::noteNoData(FeedPoll& feed) {
    feed.abandon();
    // An empty answer never replaces the last good ranking. Outside the session "no data" is the
    // normal answer, not an error.
    if (m_settings.calendar.isRegularSessionOpen(m_scheduler.now())) {
        failFeed(feed, kiwoom_error::kNoData, "the server returned no rows");
        return;
    }
    feed.noteNoDataOutsideSession();
    spdlog::info("{}: no data outside the session; keeping the last ranking", feed.definition.id);
    publishStatus();
}

void KiwoomSession::failFeed(FeedPoll& feed, int kiwoomCode, const std::string& message) {
    feed.fail(kiwoomCode, message, m_scheduler.now());
    spdlog::warn("{}: {}; keeping the previous ranking", feed.definition.id, message);
    m_queue.removeFeed(static_cast<std::size_t>(&feed - m_feeds.data()));
    publishStatus();
}

bool KiwoomSession::isStale(const FeedPoll& feed) const {
    const FreshnessRules rules{&m_settings.calendar, m_settings.pollInterval, m_settings.staleAfterIntervals};
    return isFeedStale(rules, feed.status.lastFetch, feed.fetchedThisRun,
                       m_connection.state() == ConnectionState::Connected, m_scheduler.now());
}

void KiwoomSession::publishSnapshot(FeedPoll& feed, std::optional<std::vector<RankingRow>> newRows) {
    // New rows move in; a republish (stale or market_open flipped) takes the published ones again.
    if (!newRows) {
        newRows = feed.published ? feed.published->rows : std::vector<RankingRow>{};
    }
    feed.status.stale = isStale(feed);
    feed.published = freezeSnapshot(feed.snapshot(
        std::move(*newRows), m_settings.calendar.isRegularSessionOpen(m_scheduler.now()), feed.status.stale));
    m_cache.publish(feed.published);
}

void KiwoomSession::refreshFreshness() {
    const bool open = m_settings.calendar.isRegularSessionOpen(m_scheduler.now());
    for (auto& feed : m_feeds) {
        if (feed.needsRepublish(isStale(feed), open)) {
            publishSnapshot(feed);
        }
    }
}

void KiwoomSession::publishStatus() {
    const Timestamp now = m_scheduler.now();
    SessionStatus status;
    status.backend = m_source.backend();
    status.host = m_source.hostStatus();
    status.connection = m_connection.state();
    status.connectionSince = m_connection.since();
    status.reconnectCount = m_connection.reconnectCount();
    status.nextReconnectAt = m_connection.nextAttemptAt();
    status.serverKind = m_connection.serverKind();
    status.userIdMasked = m_connection.userIdMasked();
    status.loginError = m_connection.loginError();
    status.lastError = m_connection.lastError();
    status.requests = m_counters;
    status.pollIntervalSeconds = static_cast<int>(m_settings.pollInterval.count());
    status.pollIntervalAuto = m_settings.pollIntervalAuto;
    status.marketOpen = m_settings.calendar.isRegularSessionOpen(now);
    status.pollingPaused = m_pollingPaused;
    status.startedAt = m_startedAt;
    status.budget = budgetUsage(m_settings.limitWindows, m_pacer.usage());
    addFeedStatuses(status,
                    feedStatusesOf(m_feeds, m_pollingPaused, status.connection == ConnectionState::Connected,
                                   status.marketOpen));
    m_statusBoard.publish(std::move(status));
}

} // namespace kiwoomd
