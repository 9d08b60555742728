#pragma once
// The latest snapshot of every feed. Thread-safe: the session thread publishes, HTTP threads
// read; the lock is held only to copy a shared_ptr, never to serialize or parse.

#include "kiwoomd/core/FeedSnapshot.h"

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace kiwoomd {

class SnapshotCache {
public:
    // Told about every change on the publisher's thread, after the cache holds it and with no
    // lock held: the snapshot published, or nullptr when `feedId` was removed. Set it before any
    // publish; it is not swapped while the cache is in use.
    using Listener = std::function<void(const std::string& feedId, const FeedSnapshotPtr& snapshot)>;
    void setListener(Listener listener) { m_listener = std::move(listener); }

    void publish(FeedSnapshotPtr snapshot);
    void remove(const std::string& feedId); // a feed the config no longer has

    // nullptr when the feed is unknown.
    FeedSnapshotPtr get(const std::string& feedId) const;
    std::vector<FeedSnapshotPtr> all() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, FeedSnapshotPtr, std::less<>> m_snapshots;
    Listener m_listener;
};

} // namespace kiwoomd
