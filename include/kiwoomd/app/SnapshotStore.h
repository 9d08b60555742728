#pragma once
// Keeps the last good snapshot of every feed in the data dir, so that a restarted daemon answers
// at once (marked stale) instead of with nothing. Each file is written atomically (QSaveFile:
// write a temporary, then rename), so a crash mid-write leaves the previous file intact; a file
// that cannot be read is moved aside, never fatal.
// Thread: main thread.

#include "kiwoomd/core/FeedSnapshot.h"

#include <QString>

#include <vector>

namespace kiwoomd::app {

class SnapshotStore {
public:
    explicit SnapshotStore(QString directory);

    bool save(const FeedSnapshot& snapshot); // false (and a log line) on an I/O error
    std::vector<FeedSnapshot> loadAll();

    QString pathFor(const QString& feedId) const;

private:
    void moveAside(const QString& path, const std::string& why);

    QString m_directory;
};

} // namespace kiwoomd::app
