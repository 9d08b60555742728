#pragma once
// The latest snapshot of every feed. Thread-safe: the session thread publishes, HTTP threads
// read; the lock is held only to copy a shared_ptr, never to serialize or parse.

#include "kiwoomd/core/FeedSnapshot.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace kiwoomd {

class SnapshotCache {
public:
    void publish(FeedSnapshotPtr snapshot);
    void remove(const std::string& feedId); // a feed the config no longer has

    // nullptr when the feed is unknown.
    FeedSnapshotPtr get(const std::string& feedId) const;
    std::vector<FeedSnapshotPtr> all() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, FeedSnapshotPtr, std::less<>> m_snapshots;
};

} // namespace kiwoomd
