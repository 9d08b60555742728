#include "kiwoomd/core/SnapshotCache.h"

namespace kiwoomd {

void SnapshotCache::publish(FeedSnapshotPtr snapshot) {
    if (!snapshot) {
        return;
    }
    const FeedSnapshotPtr published = snapshot;
    {
        std::lock_guard lock(m_mutex);
        // The previous snapshot is released after the lock when its last reader lets go.
        m_snapshots[published->feedId].swap(snapshot);
    }
    if (m_listener) {
        m_listener(published->feedId, published);
    }
}

void SnapshotCache::remove(const std::string& feedId) {
    FeedSnapshotPtr removed; // released after the lock
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_snapshots.find(feedId);
        if (it == m_snapshots.end()) {
            return;
        }
        removed = std::move(it->second);
        m_snapshots.erase(it);
    }
    if (m_listener) {
        m_listener(feedId, nullptr);
    }
}

FeedSnapshotPtr SnapshotCache::get(const std::string& feedId) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_snapshots.find(feedId);
    return it == m_snapshots.end() ? nullptr : it->second;
}

std::vector<FeedSnapshotPtr> SnapshotCache::all() const {
    std::lock_guard lock(m_mutex);
    std::vector<FeedSnapshotPtr> out;
    out.reserve(m_snapshots.size());
    for (const auto& [id, snapshot] : m_snapshots) {
        out.push_back(snapshot);
    }
    return out;
}

} // namespace kiwoomd
