#include "kiwoomd/http/EventStreamHub.h"

#include "kiwoomd/core/StatusJson.h"

#include <algorithm>

namespace kiwoomd::http {
namespace {

const StreamChunk& heartbeatChunk() {
    static const StreamChunk chunk = std::make_shared<const std::string>(": keep-alive\n\n");
    return chunk;
}

long long millisecondsSinceEpoch(Timestamp time) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

// The parts of the status a dashboard shows in its header: an event when one of them changes.
std::string headlineOf(const SessionStatus& status) {
    std::string headline = connectionStateName(status.connection) + '|' + serverKindName(status.serverKind) +
                           '|' + (status.marketOpen ? "open" : "closed") + '|' +
                           (status.pollingPaused ? "paused" : "");
    for (const auto& feed : status.feeds) {
        headline += '|' + feed.id;
    }
    return headline;
}

} // namespace

StreamSubscription::~StreamSubscription() {
    m_hub.unsubscribe(this);
}

void StreamSubscription::takeInto(std::deque<StreamChunk>& out) {
    std::lock_guard lock(m_hub.m_mutex);
    for (auto& chunk : m_queue) {
        out.push_back(std::move(chunk));
    }
    m_queue.clear();
    m_queuedBytes = 0;
}

bool StreamSubscription::waitAndTake(std::deque<StreamChunk>& out, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_hub.m_mutex);
    m_ready.wait_for(lock, timeout, [this] { return m_ended || !m_queue.empty(); });
    if (m_ended) {
        return false;
    }
    for (auto& chunk : m_queue) {
        out.push_back(std::move(chunk));
    }
    m_queue.clear();
    m_queuedBytes = 0;
    return true;
}

bool StreamSubscription::ended() const {
    return m_ended.load();
}

void StreamSubscription::end() {
    {
        std::lock_guard lock(m_hub.m_mutex);
        m_ended = true;
        m_queue.clear();
        m_queuedBytes = 0;
    }
    m_ready.notify_all();
}

EventStreamHub::EventStreamHub(const SnapshotCache& cache, const StatusBoard& board, const Clock& clock,
                               StreamSettings settings)
    : m_cache(cache)
    , m_board(board)
    , m_clock(clock)
    , m_settings(settings)
    , m_retryChunk(
          std::make_shared<const std::string>("retry: " + std::to_string(settings.retry.count()) + "\n\n")) {}

EventStreamHub::~EventStreamHub() = default;

bool EventStreamHub::wants(const StreamSubscription& subscriber, const std::string& feedId) const {
    return subscriber.m_feeds.empty() || std::find(subscriber.m_feeds.begin(), subscriber.m_feeds.end(),
                                                   feedId) != subscriber.m_feeds.end();
}

void EventStreamHub::queue(StreamSubscription& subscriber, const StreamChunk& chunk, Timestamp now) {
    if (subscriber.m_ended) {
        return;
    }
    subscriber.m_queue.push_back(chunk);
    subscriber.m_queuedBytes += chunk->size();
    subscriber.m_lastQueued = now;
    if (subscriber.m_queuedBytes > m_settings.maxQueuedBytes) {
        // Its socket has not taken the backlog: drop the client rather than buffer without bound.
        subscriber.m_ended = true;
        subscriber.m_queue.clear();
        subscriber.m_queuedBytes = 0;
        ++m_dropped;
    }
    subscriber.m_ready.notify_one();
}

StreamChunk EventStreamHub::statusChunk(const SessionStatus& status, Timestamp now) const {
    std::string text = "event: status\ndata: ";
    text += sessionStatusToJson(status, now)
                .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    text += "\n\n";
    return std::make_shared<const std::string>(std::move(text));
}

StreamChunk EventStreamHub::feedChunk(const FeedSnapshot& snapshot, Timestamp now) {
    // The body is compact JSON: no raw line breaks, so it is one data line. The comment says when
    // the event was published (milliseconds since the Unix epoch) for clients that measure delay.
    std::string text;
    text.reserve(snapshot.body.size() + snapshot.feedId.size() + 80);
    text += ": published ";
    text += std::to_string(millisecondsSinceEpoch(now));
    text += "\nevent: ";
    text += snapshot.feedId;
    text += "\nid: ";
    text += std::to_string(snapshot.version);
    text += "\ndata: ";
    text += snapshot.body;
    text += "\n\n";
    return std::make_shared<const std::string>(std::move(text));
}

std::shared_ptr<StreamSubscription> EventStreamHub::subscribe(std::vector<std::string> feeds,
                                                              std::optional<std::uint64_t> lastEventId) {
    const Timestamp now = m_clock.now();
    std::shared_ptr<StreamSubscription> subscriber;
    {
        std::lock_guard lock(m_mutex);
        if (m_shutdown || m_subscribers.size() >= static_cast<std::size_t>(m_settings.maxSubscribers)) {
            return nullptr;
        }
        subscriber.reset(new StreamSubscription(*this));
        subscriber->m_feeds = std::move(feeds);
        // Read under the hub's lock: a snapshot published meanwhile either is read here or comes
        // through onSnapshot after this subscriber is registered, never neither.
        const auto snapshots = m_cache.all();
        const SessionStatusPtr status = m_board.current();

        queue(*subscriber, m_retryChunk, now);
        queue(*subscriber, statusChunk(*status, now), now);
        std::uint64_t newest = 0;
        for (const auto& snapshot : snapshots) {
            newest = std::max(newest, snapshot->version);
        }
        // An id above every version this run knows came from an earlier run: start over.
        const bool resume = lastEventId && *lastEventId <= newest;
        for (const auto& snapshot : snapshots) {
            if (!wants(*subscriber, snapshot->feedId)) {
                continue;
            }
            LatestChunk& latest = m_latest[snapshot->feedId];
            const bool seen =
                resume && snapshot->version <= *lastEventId &&
                !(latest.version == snapshot->version && latest.republishedAtNewest >= *lastEventId);
            if (seen) {
                continue;
            }
            if (!latest.chunk || latest.etag != snapshot->etag) {
                remember(latest, *snapshot, feedChunk(*snapshot, now));
            }
            queue(*subscriber, latest.chunk, now);
            subscriber->m_sent[snapshot->feedId] = snapshot->etag;
        }
        m_subscribers.push_back(subscriber.get());
    }
    return subscriber;
}

void EventStreamHub::remember(LatestChunk& latest, const FeedSnapshot& snapshot, StreamChunk chunk) {
    m_newestVersion = std::max(m_newestVersion, snapshot.version);
    std::uint64_t republishedAtNewest = 0;
    if (latest.chunk && latest.version == snapshot.version) {
        republishedAtNewest = latest.etag == snapshot.etag ? latest.republishedAtNewest : m_newestVersion;
    }
    latest = LatestChunk{snapshot.etag, std::move(chunk), snapshot.version, republishedAtNewest};
}

void EventStreamHub::unsubscribe(StreamSubscription* subscription) {
    std::lock_guard lock(m_mutex);
    m_subscribers.erase(std::remove(m_subscribers.begin(), m_subscribers.end(), subscription),
                        m_subscribers.end());
}

void EventStreamHub::onSnapshot(const std::string& feedId, const FeedSnapshotPtr& snapshot) {
    const Timestamp now = m_clock.now();
    // Formatted once, outside the lock, and shared by every subscriber.
    const StreamChunk chunk = snapshot ? feedChunk(*snapshot, now) : nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (chunk) {
            remember(m_latest[feedId], *snapshot, chunk);
        } else {
            m_latest.erase(feedId);
        }
        for (StreamSubscription* subscriber : m_subscribers) {
            if (!chunk) {
                subscriber->m_sent.erase(feedId);
                continue;
            }
            if (!wants(*subscriber, feedId)) {
                continue;
            }
            std::string& sent = subscriber->m_sent[feedId];
            if (sent == snapshot->etag) {
                continue; // the subscriber got this very body when it subscribed
            }
            sent = snapshot->etag;
            queue(*subscriber, chunk, now);
        }
    }
}

void EventStreamHub::onStatus(const SessionStatusPtr& status) {
    if (!status) {
        return;
    }
    std::string headline = headlineOf(*status);
    {
        std::lock_guard lock(m_mutex);
        if (headline == m_lastHeadline) {
            return;
        }
        m_lastHeadline = std::move(headline);
        if (m_subscribers.empty()) {
            return;
        }
    }
    const Timestamp now = m_clock.now();
    const StreamChunk chunk = statusChunk(*status, now);
    {
        std::lock_guard lock(m_mutex);
        for (StreamSubscription* subscriber : m_subscribers) {
            queue(*subscriber, chunk, now);
        }
    }
}

void EventStreamHub::tick() {
    const Timestamp now = m_clock.now();
    std::lock_guard lock(m_mutex);
    for (StreamSubscription* subscriber : m_subscribers) {
        if (!subscriber->m_ended && now - subscriber->m_lastQueued >= m_settings.heartbeat) {
            queue(*subscriber, heartbeatChunk(), now);
        }
    }
}

void EventStreamHub::shutdown() {
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
        for (StreamSubscription* subscriber : m_subscribers) {
            subscriber->m_ended = true;
            subscriber->m_queue.clear();
            subscriber->m_ready.notify_all();
        }
    }
}

std::size_t EventStreamHub::subscriberCount() const {
    std::lock_guard lock(m_mutex);
    return m_subscribers.size();
}

} // namespace kiwoomd::http
