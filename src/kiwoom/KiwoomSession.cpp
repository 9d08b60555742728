#include "kiwoomd/kiwoom/KiwoomSession.h"

#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/TrCatalogue.h"
#include "kiwoomd/kiwoom/ControlCalls.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiwoomd {
namespace {

// Screen numbers are 4-digit strings, never "0000", at most 200 in use (kiwoom-openapi.md);
// one per feed from 1001 keeps well inside that.
QString screenForFeed(std::size_t index) {
    return QString::number(1001 + static_cast<int>(index));
}

std::chrono::milliseconds toMs(std::chrono::seconds s) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(s);
}

int clampMs(std::chrono::milliseconds ms) {
    return static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(ms.count(), 0, 24 * 3600 * 1000));
}

std::vector<LimitWindow> withMargin(std::vector<LimitWindow> windows, std::chrono::milliseconds margin) {
    for (auto& window : windows) {
        window.length += margin;
    }
    return windows;
}

} // namespace

KiwoomSession::KiwoomSession(OpenApiControl& control, SessionSettings settings, SnapshotCache& cache,
                             StatusBoard& status, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_control(control)
    , m_settings(std::move(settings))
    , m_cache(cache)
    , m_statusBoard(status)
    , m_clock(clock)
    , m_pacer(withMargin(m_settings.limitWindows, m_settings.safetyMargin), clock)
    , m_startedAt(clock.now())
    , m_jitter(static_cast<unsigned>(clock.now().time_since_epoch().count())) {
    for (std::size_t i = 0; i < m_settings.feeds.size(); ++i) {
        FeedState feed;
        feed.definition = m_settings.feeds[i];
        feed.screenNo = screenForFeed(i);
        feed.status.id = feed.definition.id;
        feed.status.market = feed.definition.market;
        feed.status.trCode = feed.definition.trCode;
        feed.status.inputs = feed.definition.inputs;
        m_feeds.push_back(std::move(feed));
    }

    connect(&m_control, &OpenApiControl::OnEventConnect, this, &KiwoomSession::onEventConnect);
    connect(&m_control, &OpenApiControl::OnReceiveTrData, this,
            [this](const QString& screen, const QString& rqName, const QString& trCode, const QString& record,
                   const QString& prevNext, int, const QString&, const QString&,
                   const QString&) { onReceiveTrData(screen, rqName, trCode, record, prevNext); });
    connect(&m_control, &OpenApiControl::OnReceiveMsg, this, &KiwoomSession::onReceiveMsg);

    m_pollTimer.setInterval(clampMs(toMs(m_settings.pollInterval)));
    connect(&m_pollTimer, &QTimer::timeout, this, &KiwoomSession::pollNow);
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &KiwoomSession::pump);
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &KiwoomSession::onRequestTimeout);
    m_freshnessTimer.setInterval(1000);
    connect(&m_freshnessTimer, &QTimer::timeout, this, &KiwoomSession::refreshFreshness);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &KiwoomSession::start);

    // Every feed answers from the first request on: empty and stale until data arrives.
    for (auto& feed : m_feeds) {
        publishSnapshot(feed);
    }
    publishStatus();
}

KiwoomSession::~KiwoomSession() = default;

void KiwoomSession::start() {
    if (m_connection == ConnectionState::LoggingIn || m_connection == ConnectionState::Connected) {
        return;
    }
    m_freshnessTimer.start();
    setConnection(ConnectionState::LoggingIn);
    spdlog::info("logging in through {} (CommConnect)", m_control.backendName().toStdString());
    const int result = m_control.dynamicCall(calls::kCommConnect).toInt();
    if (result != kiwoom_error::kOk) {
        onEventConnect(result);
    }
}

void KiwoomSession::onEventConnect(int errCode) {
    if (errCode == kiwoom_error::kOk) {
        m_loginError.reset();
        m_serverKind =
            m_control.dynamicCall(calls::kGetLoginInfo, {QString(login_tag::kServerKind)}).toString() == "1"
                ? "mock"
                : "real";
        m_userIdMasked = maskUserId(m_control.dynamicCall(calls::kGetLoginInfo, {QString(login_tag::kUserId)})
                                        .toString()
                                        .toStdString());
        spdlog::info("logged in as {} on the {} server", m_userIdMasked, m_serverKind);
        setConnection(ConnectionState::Connected);
        m_pollTimer.start();
        pollNow();
        return;
    }

    const bool wasConnected = m_connection == ConnectionState::Connected;
    const std::string meaning = kiwoom_error::describeWithCode(errCode);
    m_pollTimer.stop();
    m_pumpTimer.stop();
    m_timeoutTimer.stop();
    m_inFlight.reset();
    m_queue.clear();
    for (auto& feed : m_feeds) {
        feed.queued = false;
        feed.collecting.clear();
    }
    if (wasConnected) {
        spdlog::warn("connection lost: {}; logging in again in {} ms", meaning,
                     m_settings.reconnectDelay.count());
        setConnection(ConnectionState::Lost);
    } else {
        m_loginError = ErrorInfo{errCode, "login failed: " + meaning, m_clock.now()};
        spdlog::error("login failed: {}", meaning);
        setConnection(ConnectionState::Failed);
    }
    if (errCode == kiwoom_error::kVersionProcessingFailed) {
        spdlog::critical("the OpenAPI module needs a version update: exit and start kiwoomd again");
        emit versionUpdateRequired();
        return;
    }
    m_reconnectTimer.start(clampMs(m_settings.reconnectDelay));
}

void KiwoomSession::setConnection(ConnectionState state) {
    if (m_connection == state) {
        return;
    }
    spdlog::info("connection state: {} -> {}", connectionStateName(m_connection), connectionStateName(state));
    m_connection = state;
    refreshFreshness();
    publishStatus();
    emit connectionStateChanged();
}

void KiwoomSession::pollNow() {
    if (m_connection != ConnectionState::Connected) {
        return;
    }
    for (std::size_t i = 0; i < m_feeds.size(); ++i) {
        auto& feed = m_feeds[i];
        if (feed.queued) {
            continue; // the previous poll of this feed has not finished yet
        }
        feed.queued = true;
        feed.collecting.clear();
        feed.pagesFetched = 0;
        feed.skippedThisPoll = 0;
        feed.status.lastAttempt = m_clock.now();
        m_queue.push_back({i, prev_next::kFirstPage});
    }
    publishStatus();
    pump();
}

void KiwoomSession::pump() {
    if (m_connection != ConnectionState::Connected || m_inFlight || m_queue.empty() ||
        m_pumpTimer.isActive()) {
        return;
    }
    const auto wait = m_pacer.delayUntilAllowed();
    if (wait.count() > 0) {
        m_pumpTimer.start(clampMs(wait));
        return;
    }
    const Request request = m_queue.front();
    m_queue.pop_front();
    sendRequest(request);
}

void KiwoomSession::sendRequest(const Request& request) {
    FeedState& feed = m_feeds[request.feed];
    // The control forgets inputs after every CommRqData, so a continuation sets them again, in
    // the TR's documented order.
    for (const auto& [name, value] : feed.definition.inputs) {
        m_control.dynamicCall(calls::kSetInputValue,
                              {QString::fromStdString(name), QString::fromStdString(value)});
    }
    // A fresh request name each time: the control echoes it, so an answer that arrives after its
    // request timed out cannot pass for the answer to the next one.
    const QString rqName =
        QStringLiteral("%1#%2").arg(QString::fromStdString(feed.definition.id)).arg(++m_requestSerial);
    // Counted before the answer is known: a refused request still spends our own budget, which
    // only makes the pacing more careful than the server.
    m_pacer.record();
    ++m_counters.sent;
    const int result =
        m_control
            .dynamicCall(calls::kCommRqData, {rqName, QString::fromStdString(feed.definition.trCode),
                                              request.prevNext, feed.screenNo})
            .toInt();
    if (result == kiwoom_error::kOk) {
        m_consecutiveThrottles = 0;
        m_inFlight = InFlight{request, rqName, m_clock.now()};
        m_timeoutTimer.start(clampMs(m_settings.requestTimeout));
        publishStatus();
        return;
    }
    if (result == kiwoom_error::kQueryOverload) {
        ++m_counters.throttled;
        const auto backoff = throttleBackoff();
        spdlog::warn("{} {}: {}; backing off {} ms", feed.definition.id, feed.definition.trCode,
                     kiwoom_error::describeWithCode(result), backoff.count());
        feed.status.lastError = ErrorInfo{result, kiwoom_error::describe(result), m_clock.now()};
        m_queue.push_front(request); // retried as it was, after the backoff
        m_pumpTimer.start(clampMs(backoff));
        publishStatus();
        return;
    }
    ++m_counters.failed;
    failFeed(feed, result, "CommRqData failed: " + kiwoom_error::describeWithCode(result));
    pump();
}

std::chrono::milliseconds KiwoomSession::throttleBackoff() {
    // Exponential from 1 s, capped, with ±20% jitter so several clients do not retry in step.
    const int exponent = std::min(m_consecutiveThrottles++, 16);
    const auto base = std::min<long long>(1000LL << exponent, m_settings.maxThrottleBackoff.count());
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    return std::chrono::milliseconds(static_cast<long long>(static_cast<double>(base) * jitter(m_jitter)));
}

void KiwoomSession::onRequestTimeout() {
    if (!m_inFlight) {
        return;
    }
    FeedState& feed = m_feeds[m_inFlight->request.feed];
    ++m_counters.timedOut;
    spdlog::warn("{} {}: no OnReceiveTrData within {} ms; releasing screen {}", feed.definition.id,
                 feed.definition.trCode, m_settings.requestTimeout.count(), feed.screenNo.toStdString());
    m_control.dynamicCall(calls::kDisconnectRealData, {feed.screenNo});
    m_inFlight.reset();
    failFeed(feed, 0, "request timed out");
    pump();
}

void KiwoomSession::onReceiveTrData(const QString& screenNo, const QString& rqName, const QString& trCode,
                                    const QString& /*recordName*/, const QString& prevNext) {
    if (!m_inFlight || rqName != m_inFlight->rqName ||
        screenNo != m_feeds[m_inFlight->request.feed].screenNo) {
        spdlog::debug("ignoring OnReceiveTrData for {} on screen {} (not in flight)", rqName.toStdString(),
                      screenNo.toStdString());
        return;
    }
    m_timeoutTimer.stop();
    const std::size_t feedIndex = m_inFlight->request.feed;
    FeedState& feed = m_feeds[feedIndex];
    m_inFlight.reset();
    ++m_counters.succeeded;
    ++feed.pagesFetched;

    const tr::TrSpec* spec = tr::findTr(trCode.toStdString());
    if (!spec) {
        failFeed(feed, 0, "answer for an unknown TR " + trCode.toStdString());
        pump();
        return;
    }
    // The event's record-name argument is often empty; the catalogue knows the record.
    const auto rawRows = readRows(trCode, QString::fromStdString(spec->recordName));
    for (const auto& raw : rawRows) {
        const int rank = static_cast<int>(feed.collecting.size()) + feed.skippedThisPoll + 1;
        auto parsed = parseVolumeSurgeRow(spec->fields, raw, rank);
        if (!parsed.problem.empty()) {
            spdlog::warn("{} row {}: {}", feed.definition.id, rank, parsed.problem);
        }
        if (parsed.row) {
            feed.collecting.push_back(std::move(*parsed.row));
        } else {
            ++feed.skippedThisPoll;
        }
    }

    if (prevNext == prev_next::kMoreData && feed.pagesFetched < feed.definition.maxPages) {
        m_queue.push_front({feedIndex, prev_next::kNextPage});
    } else {
        finishFeed(feed);
    }
    publishStatus();
    pump();
}

void KiwoomSession::onReceiveMsg(const QString& screenNo, const QString& rqName, const QString& trCode,
                                 const QString& msg) {
    spdlog::debug("server message for {} {} (screen {}): {}", rqName.toStdString(), trCode.toStdString(),
                  screenNo.toStdString(), msg.trimmed().toStdString());
}

std::vector<RawRow> KiwoomSession::readRows(const QString& trCode, const QString& recordName) {
    const tr::TrSpec* spec = tr::findTr(trCode.toStdString());
    std::vector<RawRow> rows;
    if (m_settings.useCommDataEx) {
        const QVariant table = m_control.dynamicCall(calls::kGetCommDataEx, {trCode, recordName});
        if (table.isValid()) {
            for (const QVariant& rowValue : table.toList()) {
                RawRow raw;
                for (const QVariant& cell : rowValue.toList()) {
                    raw.values.push_back(cell.toString().toStdString());
                }
                rows.push_back(std::move(raw));
            }
            return rows;
        }
    }
    const int count = m_control.dynamicCall(calls::kGetRepeatCnt, {trCode, recordName}).toInt();
    for (int index = 0; index < count; ++index) {
        RawRow raw;
        for (const auto& field : spec->fields) {
            raw.values.push_back(m_control
                                     .dynamicCall(calls::kGetCommData,
                                                  {trCode, recordName, index, QString::fromStdString(field)})
                                     .toString()
                                     .toStdString());
        }
        rows.push_back(std::move(raw));
    }
    return rows;
}

void KiwoomSession::finishFeed(FeedState& feed) {
    feed.queued = false;
    feed.status.skippedRows = feed.skippedThisPoll;
    if (feed.collecting.empty()) {
        // An empty or wholly unreadable answer never replaces the last good ranking.
        failFeed(feed, 0,
                 feed.skippedThisPoll > 0 ? "every row of the answer was unreadable"
                                          : "the server returned no rows");
        return;
    }
    feed.rows = std::move(feed.collecting);
    feed.collecting.clear();
    feed.status.lastFetch = m_clock.now();
    feed.status.rowCount = static_cast<int>(feed.rows.size());
    feed.status.lastError.reset();
    ++feed.status.version;
    publishSnapshot(feed);
    spdlog::debug("{}: {} rows (version {})", feed.definition.id, feed.rows.size(), feed.status.version);
    emit snapshotPublished(QString::fromStdString(feed.definition.id), feed.status.version);
}

void KiwoomSession::failFeed(FeedState& feed, int kiwoomCode, const std::string& message) {
    feed.queued = false;
    feed.collecting.clear();
    feed.status.lastError = ErrorInfo{kiwoomCode, message, m_clock.now()};
    spdlog::warn("{}: {}; keeping the previous ranking", feed.definition.id, message);
    m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(),
                                 [&](const Request& r) { return &m_feeds[r.feed] == &feed; }),
                  m_queue.end());
    publishStatus();
}

bool KiwoomSession::isStale(const FeedState& feed) const {
    if (!feed.status.lastFetch || m_connection != ConnectionState::Connected) {
        return true;
    }
    return m_clock.now() - *feed.status.lastFetch > m_settings.pollInterval * m_settings.staleAfterIntervals;
}

void KiwoomSession::publishSnapshot(FeedState& feed) {
    FeedSnapshot snapshot;
    snapshot.feedId = feed.definition.id;
    snapshot.market = feed.definition.market;
    snapshot.trCode = feed.definition.trCode;
    snapshot.rows = feed.rows;
    snapshot.fetchedAt = feed.status.lastFetch;
    snapshot.marketOpen = m_settings.calendar.isRegularSessionOpen(m_clock.now());
    snapshot.stale = isStale(feed);
    snapshot.version = feed.status.version;
    feed.published = freezeSnapshot(std::move(snapshot));
    m_cache.publish(feed.published);
}

void KiwoomSession::refreshFreshness() {
    const bool open = m_settings.calendar.isRegularSessionOpen(m_clock.now());
    for (auto& feed : m_feeds) {
        if (!feed.published || feed.published->stale != isStale(feed) || feed.published->marketOpen != open) {
            publishSnapshot(feed);
        }
    }
}

void KiwoomSession::publishStatus() {
    SessionStatus status;
    status.backend = m_control.backendName().toStdString();
    status.connection = m_connection;
    status.serverKind = m_serverKind;
    status.userIdMasked = m_userIdMasked;
    status.loginError = m_loginError;
    status.requests = m_counters;
    status.pollIntervalSeconds = static_cast<int>(m_settings.pollInterval.count());
    status.marketOpen = m_settings.calendar.isRegularSessionOpen(m_clock.now());
    status.startedAt = m_startedAt;
    for (const auto& feed : m_feeds) {
        status.feeds.push_back(feed.status);
    }
    m_statusBoard.publish(std::move(status));
}

} // namespace kiwoomd
