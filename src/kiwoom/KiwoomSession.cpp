#include "kiwoomd/kiwoom/KiwoomSession.h"

#include "kiwoomd/core/ControlCalls.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/ServerMessage.h"
#include "kiwoomd/core/ThrottlePolicy.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/core/TrValue.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiwoomd {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kFreshnessCheck{1000};

std::vector<LimitWindow> withMargin(std::vector<LimitWindow> windows, milliseconds margin) {
    for (auto& window : windows) {
        window.length += margin;
    }
    return windows;
}

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
    , m_pacer(withMargin(m_settings.limitWindows, m_settings.safetyMargin), scheduler.clock())
    , m_startedAt(scheduler.now())
    , m_jitter(static_cast<unsigned>(scheduler.now().time_since_epoch().count()))
    , m_pollTask(scheduler)
    , m_pumpTask(scheduler)
    , m_timeoutTask(scheduler)
    , m_freshnessTask(scheduler) {
    for (const auto& definition : m_settings.feeds) {
        m_feeds.push_back(makeFeed(definition));
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

KiwoomSession::FeedState KiwoomSession::makeFeed(const FeedDefinition& definition) {
    FeedState feed;
    feed.definition = definition;
    // More than 200 feeds cannot get a screen; the config loader keeps feed counts far below that.
    feed.screenNo = QString::fromStdString(m_screens.acquire().value_or("9999"));
    feed.status.id = definition.id;
    feed.status.market = definition.market;
    feed.status.trCode = definition.trCode;
    feed.status.inputs = definition.inputs;
    return feed;
}

void KiwoomSession::reconfigure(SessionSettings settings) {
    // Whatever was queued or in flight belongs to the old feed list; an answer still on its way is
    // ignored because no request of that name is in flight any more.
    m_queue.clear();
    m_inFlight.reset();
    m_timeoutTask.stop();
    m_pumpTask.stop();

    std::vector<FeedState> next;
    for (const auto& definition : settings.feeds) {
        const auto old = std::find_if(m_feeds.begin(), m_feeds.end(), [&](const FeedState& f) {
            return f.definition.id == definition.id && f.definition.trCode == definition.trCode &&
                   f.definition.inputs == definition.inputs && f.definition.market == definition.market;
        });
        if (old != m_feeds.end()) {
            FeedState kept = std::move(*old);
            kept.definition = definition; // priority and page limit may have changed
            kept.queued = false;
            kept.collecting.clear();
            m_feeds.erase(old);
            next.push_back(std::move(kept));
        } else {
            next.push_back(makeFeed(definition));
            spdlog::info("feed '{}' ({}) added", definition.id, definition.trCode);
        }
    }
    for (const auto& gone : m_feeds) {
        m_screens.release(gone.screenNo.toStdString());
        if (std::none_of(next.begin(), next.end(),
                         [&](const FeedState& f) { return f.definition.id == gone.definition.id; })) {
            m_cache.remove(gone.definition.id);
            spdlog::info("feed '{}' removed", gone.definition.id);
        }
    }
    m_feeds = std::move(next);

    const ConnectionSettings connection = m_settings.connection;
    m_settings = std::move(settings);
    m_settings.connection = connection;
    m_pacer.setWindows(withMargin(m_settings.limitWindows, m_settings.safetyMargin));

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
                                     [&](const FeedState& f) { return f.definition.id == snapshot.feedId; });
        if (it == m_feeds.end() || it->definition.trCode != snapshot.trCode ||
            it->definition.market != snapshot.market || snapshot.rows.empty() || !snapshot.fetchedAt) {
            spdlog::info("not restoring saved feed '{}': no such feed with that TR and market any more",
                         snapshot.feedId);
            continue;
        }
        it->status.lastFetch = snapshot.fetchedAt;
        it->status.rowCount = static_cast<int>(snapshot.rows.size());
        it->status.version = snapshot.version;
        m_lastVersion = std::max(m_lastVersion, snapshot.version);
        it->status.restored = true;
        publishSnapshot(*it, snapshot.rows);
        spdlog::info("restored {} rows of '{}' saved at {}; served as stale until fresh data arrives",
                     snapshot.rows.size(), snapshot.feedId, toKstIso8601(*snapshot.fetchedAt));
    }
    publishStatus();
}

void KiwoomSession::onConnected() {
    schedulePoll();
    pollDue();
}

void KiwoomSession::onDisconnected() {
    m_pollTask.stop();
    m_pumpTask.stop();
    m_timeoutTask.stop();
    m_inFlight.reset();
    m_queue.clear();
    for (auto& feed : m_feeds) {
        feed.queued = false;
        feed.collecting.clear();
    }
}

void KiwoomSession::schedulePoll() {
    m_pollTask.start(std::chrono::duration_cast<milliseconds>(m_settings.pollInterval), [this] {
        pollDue();
        schedulePoll();
    });
}

bool KiwoomSession::shouldPoll(const FeedState& feed, Timestamp now) const {
    if (feed.queued || !feed.fetchedThisRun || m_settings.calendar.isRegularSessionOpen(now)) {
        return !feed.queued;
    }
    // Outside the session the ranking does not change: fetch once after the close, then idle
    // instead of spending the request budget. An attempt after the close that answered "no data"
    // counts as done; one that failed is tried again next interval.
    const auto lastClose = m_settings.calendar.lastCloseAtOrBefore(now);
    if (!lastClose) {
        return false;
    }
    const bool fetchedSinceClose = feed.status.lastFetch && *feed.status.lastFetch >= *lastClose;
    const bool answeredSinceClose =
        feed.status.lastAttempt && *feed.status.lastAttempt >= *lastClose && !feed.status.lastError;
    return !fetchedSinceClose && !answeredSinceClose;
}

void KiwoomSession::pollDue() {
    if (m_connection.state() != ConnectionState::Connected || m_pollingPaused) {
        return;
    }
    const Timestamp now = m_scheduler.now();
    for (std::size_t i = 0; i < m_feeds.size(); ++i) {
        if (shouldPoll(m_feeds[i], now)) {
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
        const auto firstPage = [](const Request& r) { return r.prevNext == prev_next::kFirstPage; };
        for (const Request& r : m_queue) {
            if (firstPage(r)) {
                m_feeds[r.feed].queued = false;
                m_feeds[r.feed].collecting.clear();
            }
        }
        m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(), firstPage), m_queue.end());
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

void KiwoomSession::enqueue(const Request& request) {
    FeedState& feed = m_feeds[request.feed];
    if (request.prevNext == prev_next::kFirstPage && request.attempt == 1) {
        feed.queued = true;
        feed.collecting.clear();
        feed.pagesFetched = 0;
        feed.skippedThisPoll = 0;
        feed.status.lastAttempt = m_scheduler.now();
    }
    if (request.prevNext == prev_next::kNextPage) {
        m_queue.push_front(request); // a started ranking finishes before another begins
        return;
    }
    // First pages wait in priority order, first come first served within a priority.
    const int priority = feed.definition.priority;
    const auto position = std::find_if(m_queue.begin(), m_queue.end(), [&](const Request& queued) {
        return queued.prevNext == prev_next::kFirstPage &&
               m_feeds[queued.feed].definition.priority > priority;
    });
    m_queue.insert(position, request);
}

void KiwoomSession::pump() {
    if (m_connection.state() != ConnectionState::Connected || m_inFlight || m_queue.empty() ||
        m_pumpTask.isActive()) {
        return;
    }
    const auto wait = m_pacer.delayUntilAllowed();
    if (wait.count() > 0) {
        ++m_counters.pacingWaits;
        m_counters.pacingWaitSeconds += static_cast<double>(wait.count()) / 1000.0;
        m_pumpTask.start(wait, [this] { pump(); });
        return;
    }
    const Request request = m_queue.front();
    m_queue.pop_front();
    sendRequest(request);
}

void KiwoomSession::sendRequest(const Request& request) {
    FeedState& feed = m_feeds[request.feed];
    // One request name for every page of one query, as public wrappers do; a fresh one for each
    // query, so that an answer arriving after its query timed out cannot pass for the next one's.
    if (request.prevNext == prev_next::kFirstPage || feed.rqName.empty()) {
        feed.rqName = feed.definition.id + "#" + std::to_string(++m_requestSerial);
    }
    PageRequest page;
    page.rqName = feed.rqName;
    page.trCode = feed.definition.trCode;
    page.prevNext = request.prevNext;
    page.screenNo = feed.screenNo.toStdString();
    page.inputs = feed.definition.inputs;
    // Counted before the answer is known: a refused request still spends our own budget, which
    // only makes the pacing more careful than the server.
    m_pacer.record();
    ++m_counters.sent;
    // In flight before the source is asked: its answer may come before request() returns.
    m_inFlight = InFlight{request, feed.rqName, false};
    m_timeoutTask.start(m_settings.requestTimeout, [this] { onRequestTimeout(); });
    m_source.request(page);
}

void KiwoomSession::onRequestSent(const QString& rqName, int result) {
    if (!m_inFlight || m_inFlight->accepted || rqName.toStdString() != m_inFlight->rqName) {
        return;
    }
    const Request request = m_inFlight->request;
    FeedState& feed = m_feeds[request.feed];
    ++m_counters.resultsByTr[feed.definition.trCode][std::to_string(result)];
    if (result == kiwoom_error::kOk) {
        // Accepted is not answered: the server may still refuse it in a message (a throttle among
        // them), so the throttle steps go back to the first only when a page arrives.
        m_inFlight->accepted = true;
        publishStatus();
        return;
    }
    m_inFlight.reset();
    m_timeoutTask.stop();
    if (kiwoom_error::isThrottle(result)) {
        onThrottled(feed, request, result);
        return;
    }
    if (result == kiwoom_error::kNoData) {
        noteNoData(feed);
        pump();
        return;
    }
    ++m_counters.failed;
    failFeed(feed, result, "request failed: " + kiwoom_error::describeWithCode(result));
    pump();
}

void KiwoomSession::onThrottled(FeedState& feed, const Request& request, int code) {
    ++m_counters.throttled;
    const auto backoff = throttleBackoff();
    spdlog::warn("{} {}: {}; backing off {} ms", feed.definition.id, feed.definition.trCode,
                 kiwoom_error::describeWithCode(code), backoff.count());
    feed.status.lastError = ErrorInfo{code, kiwoom_error::describe(code), m_scheduler.now()};
    m_queue.push_front(request); // retried as it was, after the backoff
    m_pumpTask.start(backoff, [this] { pump(); });
    publishStatus();
}

void KiwoomSession::onServerMessage(const QString& rqName, const QString& message) {
    // An accepted request can still be refused by the server: the message ends in the code, and
    // no answer follows. The request fails now, with the server's reason, not at its timeout.
    const auto code = refusalCode(message.toStdString());
    if (!code || !m_inFlight || rqName.toStdString() != m_inFlight->rqName) {
        return;
    }
    const Request request = m_inFlight->request;
    FeedState& feed = m_feeds[request.feed];
    m_inFlight.reset();
    m_timeoutTask.stop();
    ++m_counters.resultsByTr[feed.definition.trCode][std::to_string(*code)];
    spdlog::warn("{} {}: the server refused the request: {}", feed.definition.id, feed.definition.trCode,
                 message.trimmed().toStdString());
    if (kiwoom_error::isThrottle(*code)) {
        onThrottled(feed, request, *code);
        return;
    }
    if (*code == kiwoom_error::kNoData) {
        noteNoData(feed);
        pump();
        return;
    }
    ++m_counters.failed;
    failFeed(feed, *code, "the server refused the request: " + message.trimmed().toStdString());
    pump();
}

std::chrono::milliseconds KiwoomSession::throttleBackoff() {
    // Kiwoom's 17 s, 90 s, 180 s steps (ThrottlePolicy.h), never past the configured cap, and up
    // to 20% longer so that clients throttled together do not return in step.
    const auto wait = std::min(throttleWait(++m_consecutiveThrottles), m_settings.maxThrottleBackoff);
    std::uniform_real_distribution<double> sample(0.0, 1.0);
    return withJitter(wait, 0.2, sample(m_jitter));
}

void KiwoomSession::onRequestTimeout() {
    if (!m_inFlight) {
        return;
    }
    const Request request = m_inFlight->request;
    FeedState& feed = m_feeds[request.feed];
    m_inFlight.reset();
    ++m_counters.timedOut;
    ++m_counters.resultsByTr[feed.definition.trCode]["timeout"];
    spdlog::warn("{} {}: no OnReceiveTrData within {} ms; releasing screen {}", feed.definition.id,
                 feed.definition.trCode, m_settings.requestTimeout.count(), feed.screenNo.toStdString());
    // Release the screen and take a fresh one, so that nothing still bound to the old one mixes in.
    m_source.releaseScreen(feed.screenNo.toStdString());
    const std::string old = feed.screenNo.toStdString();
    if (const auto fresh = m_screens.acquire()) {
        feed.screenNo = QString::fromStdString(*fresh);
        m_screens.release(old);
    }
    if (request.attempt < m_settings.maxRequestAttempts) {
        // A continuation lives on the screen it started on; the fresh screen has none, so a lost
        // later page means asking for the ranking again from its first page.
        if (request.prevNext == prev_next::kNextPage) {
            feed.collecting.clear();
            feed.pagesFetched = 0;
            feed.skippedThisPoll = 0;
        }
        m_queue.push_front({request.feed, prev_next::kFirstPage, request.attempt + 1}); // it was due already
        feed.status.lastError = ErrorInfo{0, "request timed out; trying again", m_scheduler.now()};
        publishStatus();
    } else {
        failFeed(feed, 0, "request timed out");
    }
    pump();
}

void KiwoomSession::onPageArrived(const TrPage& page) {
    if (!m_inFlight || page.rqName != m_inFlight->rqName ||
        page.screenNo != m_feeds[m_inFlight->request.feed].screenNo.toStdString()) {
        spdlog::debug("ignoring a page for {} on screen {} (not in flight)", page.rqName, page.screenNo);
        return;
    }
    m_timeoutTask.stop();
    const std::size_t feedIndex = m_inFlight->request.feed;
    FeedState& feed = m_feeds[feedIndex];
    m_inFlight.reset();
    m_consecutiveThrottles = 0;
    ++m_counters.succeeded;
    ++feed.pagesFetched;

    // The TR of the feed in flight, not the answer's spelling of it.
    const tr::TrSpec* spec = tr::findTr(feed.definition.trCode);
    if (!spec) {
        failFeed(feed, 0, "answer for an unknown TR " + feed.definition.trCode);
        pump();
        return;
    }
    feed.collecting.reserve(feed.collecting.size() + page.rows.size());
    RawRow raw;
    for (const auto& cells : page.rows) {
        raw.values.clear();
        for (const auto& cell : cells) {
            raw.values.emplace_back(trimField(cell));
        }
        const int rank = static_cast<int>(feed.collecting.size()) + feed.skippedThisPoll + 1;
        auto parsed = parseRankingRow(*spec, raw, rank);
        if (parsed.absent) {
            continue; // the server's all-blank padding: no rank, not skipped
        }
        if (!parsed.problem.empty()) {
            spdlog::warn("{} row {}: {}", feed.definition.id, rank, parsed.problem);
        }
        if (parsed.row) {
            feed.collecting.push_back(std::move(*parsed.row));
        } else {
            ++feed.skippedThisPoll;
        }
    }

    if (page.more && feed.pagesFetched < feed.definition.maxPages) {
        enqueue({feedIndex, prev_next::kNextPage, 1});
    } else {
        finishFeed(feed);
    }
    publishStatus();
    pump();
}

void KiwoomSession::finishFeed(FeedState& feed) {
    feed.queued = false;
    feed.status.skippedRows = feed.skippedThisPoll;
    if (feed.collecting.empty()) {
        if (feed.skippedThisPoll == 0) {
            noteNoData(feed);
        } else {
            failFeed(feed, 0, "every row of the answer was unreadable");
        }
        return;
    }
    std::vector<RankingRow> rows = std::move(feed.collecting);
    feed.collecting.clear();
    feed.fetchedThisRun = true;
    feed.status.lastFetch = m_scheduler.now();
    feed.status.rowCount = static_cast<int>(rows.size());
    feed.status.lastError.reset();
    feed.status.note.clear();
    feed.status.restored = false;
    feed.status.version = ++m_lastVersion;
    publishSnapshot(feed, std::move(rows));
    spdlog::debug("{}: {} rows (version {})", feed.definition.id, feed.status.rowCount, feed.status.version);
    emit snapshotPublished(QString::fromStdString(feed.definition.id), feed.status.version);
}

void KiwoomSession::noteNoData(FeedState& feed) {
    feed.queued = false;
    feed.collecting.clear();
    // An empty answer never replaces the last good ranking. Outside the session "no data" is the
    // normal answer, not an error.
    if (m_settings.calendar.isRegularSessionOpen(m_scheduler.now())) {
        failFeed(feed, kiwoom_error::kNoData, "the server returned no rows");
        return;
    }
    feed.fetchedThisRun = true;
    feed.status.note = "no data outside the session; serving the last ranking";
    spdlog::info("{}: no data outside the session; keeping the last ranking", feed.definition.id);
    publishStatus();
}

void KiwoomSession::failFeed(FeedState& feed, int kiwoomCode, const std::string& message) {
    feed.queued = false;
    feed.collecting.clear();
    feed.status.lastError = ErrorInfo{kiwoomCode, message, m_scheduler.now()};
    spdlog::warn("{}: {}; keeping the previous ranking", feed.definition.id, message);
    const auto index = static_cast<std::size_t>(&feed - m_feeds.data());
    m_queue.erase(
        std::remove_if(m_queue.begin(), m_queue.end(), [&](const Request& r) { return r.feed == index; }),
        m_queue.end());
    publishStatus();
}

bool KiwoomSession::isStale(const FeedState& feed) const {
    if (!feed.fetchedThisRun || !feed.status.lastFetch ||
        m_connection.state() != ConnectionState::Connected) {
        return true;
    }
    const Timestamp now = m_scheduler.now();
    if (m_settings.calendar.isRegularSessionOpen(now)) {
        return now - *feed.status.lastFetch > m_settings.pollInterval * m_settings.staleAfterIntervals;
    }
    // After the close the ranking is final: current if it was fetched after the last close.
    const auto lastClose = m_settings.calendar.lastCloseAtOrBefore(now);
    return lastClose && *feed.status.lastFetch < *lastClose;
}

void KiwoomSession::publishSnapshot(FeedState& feed, std::optional<std::vector<RankingRow>> newRows) {
    FeedSnapshot snapshot;
    snapshot.feedId = feed.definition.id;
    snapshot.market = feed.definition.market;
    snapshot.trCode = feed.definition.trCode;
    // New rows move in; a republish (stale or market_open flipped) takes the published ones again.
    if (newRows) {
        snapshot.rows = std::move(*newRows);
    } else if (feed.published) {
        snapshot.rows = feed.published->rows;
    }
    snapshot.fetchedAt = feed.status.lastFetch;
    snapshot.marketOpen = m_settings.calendar.isRegularSessionOpen(m_scheduler.now());
    snapshot.stale = isStale(feed);
    snapshot.version = feed.status.version;
    feed.status.stale = snapshot.stale;
    feed.published = freezeSnapshot(std::move(snapshot));
    m_cache.publish(feed.published);
}

void KiwoomSession::refreshFreshness() {
    const bool open = m_settings.calendar.isRegularSessionOpen(m_scheduler.now());
    for (auto& feed : m_feeds) {
        if (!feed.published || feed.published->stale != isStale(feed) || feed.published->marketOpen != open) {
            publishSnapshot(feed);
        }
    }
}

std::string KiwoomSession::pollingState(const FeedState& feed, Timestamp now) const {
    if (m_pollingPaused && !feed.queued) {
        return "paused";
    }
    if (m_connection.state() != ConnectionState::Connected) {
        return "waiting for connection";
    }
    if (feed.queued) {
        return "fetching";
    }
    if (!m_settings.calendar.isRegularSessionOpen(now) && feed.fetchedThisRun) {
        return "idle: market closed";
    }
    return "active";
}

void KiwoomSession::publishStatus() {
    const Timestamp now = m_scheduler.now();
    SessionStatus status;
    status.backend = m_source.backendName().toStdString();
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
    const auto used = m_pacer.usage();
    for (std::size_t i = 0; i < m_settings.limitWindows.size() && i < used.size(); ++i) {
        const auto& window = m_settings.limitWindows[i];
        status.budget.push_back(
            {window.maxRequests,
             static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(window.length).count()),
             used[i]});
    }
    for (const auto& feed : m_feeds) {
        FeedStatus feedStatus = feed.status;
        feedStatus.polling = pollingState(feed, now);
        if (feed.status.lastError &&
            (!status.lastError || feed.status.lastError->at > status.lastError->at)) {
            status.lastError = feed.status.lastError;
        }
        status.feeds.push_back(std::move(feedStatus));
    }
    m_statusBoard.publish(std::move(status));
}

} // namespace kiwoomd
