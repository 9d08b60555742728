#pragma once
// GET /api/stream as data: which Server-Sent Events (WHATWG HTML §9.2) each subscriber gets, in
// which order, pre-formatted into chunks that are built once per change and shared by every
// subscriber. Socket-free, so the rules are unit tested; HttpServer only writes the chunks, one
// worker per subscriber, each waiting in StreamSubscription::waitAndTake.
//
// Events: "status" (the /api/status body) at once and whenever the connection state, server kind
// or market-open flag changes or a feed is added or removed; one event per feed, named by the feed
// id, with `id:` the snapshot version and the /api/volume-ranking body as data, whenever that
// feed's body changes; a ": keep-alive" comment after `heartbeat` of silence.
//
// Thread-safe: the session thread publishes (through the SnapshotCache and StatusBoard listeners),
// HTTP workers subscribe and drain. One mutex guards the subscribers; publishing never waits for
// a subscriber.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/SnapshotCache.h"
#include "kiwoomd/core/StatusBoard.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd::http {

struct StreamSettings {
    // Each subscriber holds one HTTP worker thread while it is connected (server.max_stream_subscribers).
    int maxSubscribers = 64;
    // A subscriber that has this much waiting (its socket not taking it) is dropped; a reconnecting
    // EventSource gets the current snapshots at once, so nothing is lost but the backlog.
    std::size_t maxQueuedBytes = 4 * 1024 * 1024;
    std::chrono::milliseconds heartbeat{15000};
    std::chrono::milliseconds retry{3000}; // the client's reconnect delay, sent as "retry:"
};

using StreamChunk = std::shared_ptr<const std::string>;

class EventStreamHub;

// One subscriber. HttpServer owns it while the client is connected; destroying it unsubscribes.
// Thread-safe through the hub's lock.
class StreamSubscription {
public:
    ~StreamSubscription();
    StreamSubscription(const StreamSubscription&) = delete;
    StreamSubscription& operator=(const StreamSubscription&) = delete;

    // Moves the waiting chunks into `out`, oldest first.
    void takeInto(std::deque<StreamChunk>& out);
    // Waits until chunks are queued, the subscription ends or `timeout` passes, then moves the
    // waiting chunks into `out`. False once the subscription has ended.
    bool waitAndTake(std::deque<StreamChunk>& out, std::chrono::milliseconds timeout);
    // True once the subscriber fell more than maxQueuedBytes behind, end() was called or the hub
    // shut down.
    bool ended() const;
    // Ends this subscription and wakes its waiter (the server is stopping).
    void end();

private:
    friend class EventStreamHub;
    explicit StreamSubscription(EventStreamHub& hub)
        : m_hub(hub) {}

    EventStreamHub& m_hub;
    // Guarded by the hub's mutex.
    std::vector<std::string> m_feeds;          // empty: every feed
    std::map<std::string, std::string> m_sent; // feed id -> entity tag of the body queued last
    std::deque<StreamChunk> m_queue;
    std::size_t m_queuedBytes = 0;
    Timestamp m_lastQueued{};
    std::condition_variable m_ready; // waited on with the hub's mutex
    // Set under the hub's lock; read without it by ended().
    std::atomic<bool> m_ended{false};
};

class EventStreamHub {
public:
    EventStreamHub(const SnapshotCache& cache, const StatusBoard& board, const Clock& clock,
                   StreamSettings settings = {});
    ~EventStreamHub();

    // A new subscriber for `feeds` (empty: all), with its first events queued: the status, then
    // every feed's current snapshot, or with `lastEventId` (a reconnect) only those newer than it.
    // nullptr when maxSubscribers are connected or the hub has shut down.
    std::shared_ptr<StreamSubscription> subscribe(std::vector<std::string> feeds,
                                                  std::optional<std::uint64_t> lastEventId);

    // Listeners of the SnapshotCache and StatusBoard (the session thread).
    void onSnapshot(const std::string& feedId, const FeedSnapshotPtr& snapshot);
    void onStatus(const SessionStatusPtr& status);

    // Queues the heartbeat comment for subscribers that have been silent for `heartbeat`.
    // HttpServer calls it about once a second.
    void tick();

    // Ends every subscription and refuses new ones (daemon shutdown).
    void shutdown();

    std::size_t subscriberCount() const;
    std::uint64_t droppedCount() const { return m_dropped.load(); } // fell behind, since start
    const StreamSettings& settings() const { return m_settings; }

private:
    friend class StreamSubscription;
    void unsubscribe(StreamSubscription* subscription);
    // With m_mutex held.
    void queue(StreamSubscription& subscriber, const StreamChunk& chunk, Timestamp now);
    bool wants(const StreamSubscription& subscriber, const std::string& feedId) const;
    StreamChunk statusChunk(const SessionStatus& status, Timestamp now) const;
    static StreamChunk feedChunk(const FeedSnapshot& snapshot, Timestamp now);

    const SnapshotCache& m_cache;
    const StatusBoard& m_board;
    const Clock& m_clock;
    const StreamSettings m_settings;
    const StreamChunk m_retryChunk; // "retry: <ms>", the first thing every subscriber gets

    mutable std::mutex m_mutex;
    std::vector<StreamSubscription*> m_subscribers;
    // Each feed's latest event as sent to subscribers, so a new subscriber shares it rather than
    // getting a copy of its own (a thousand reconnecting tabs would otherwise each copy every body).
    struct LatestChunk {
        std::string etag;
        StreamChunk chunk;
        std::uint64_t version = 0;
        // Set when the feed was published again under the same version (only `stale` or
        // `market_open` changed): the newest version of any feed at that moment. A client resuming
        // with a Last-Event-ID that high may not have seen the change, so it gets the event again.
        std::uint64_t republishedAtNewest = 0;
    };
    std::map<std::string, LatestChunk> m_latest;
    std::uint64_t m_newestVersion = 0; // the largest version published to the hub
    void remember(LatestChunk& latest, const FeedSnapshot& snapshot, StreamChunk chunk); // m_mutex held
    std::string m_lastHeadline; // what decides whether a status change is worth an event
    bool m_shutdown = false;
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace kiwoomd::http
