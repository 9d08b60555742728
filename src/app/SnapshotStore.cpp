#include "kiwoomd/app/SnapshotStore.h"

#include "kiwoomd/core/RankingJson.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {
namespace {

constexpr qint64 kMaxSnapshotBytes = 16 * 1024 * 1024; // far above any ranking; guards a stray file

} // namespace

SnapshotStore::SnapshotStore(QString directory)
    : m_directory(std::move(directory)) {
    QDir().mkpath(m_directory);
}

QString SnapshotStore::pathFor(const QString& feedId) const {
    return QDir(m_directory).filePath(feedId + QStringLiteral(".json"));
}

bool SnapshotStore::save(const FeedSnapshot& snapshot) {
    if (snapshot.rows.empty() || !snapshot.fetchedAt || snapshot.body.empty()) {
        return false; // only good, frozen snapshots are worth keeping
    }
    QSaveFile file(pathFor(QString::fromStdString(snapshot.feedId)));
    if (!file.open(QIODevice::WriteOnly)) {
        spdlog::warn("cannot save the '{}' snapshot: {}", snapshot.feedId, file.errorString().toStdString());
        return false;
    }
    file.write(snapshot.body.data(), static_cast<qint64>(snapshot.body.size()));
    if (!file.commit()) {
        spdlog::warn("cannot save the '{}' snapshot: {}", snapshot.feedId, file.errorString().toStdString());
        return false;
    }
    return true;
}

void SnapshotStore::moveAside(const QString& path, const std::string& why) {
    const QString aside = path + QStringLiteral(".corrupt-") +
                          QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    QFile::remove(aside);
    if (QFile::rename(path, aside)) {
        spdlog::warn("saved snapshot {} is unreadable ({}); moved aside to {}", path.toStdString(), why,
                     aside.toStdString());
    } else {
        spdlog::warn("saved snapshot {} is unreadable ({}) and could not be moved aside", path.toStdString(),
                     why);
    }
}

std::vector<FeedSnapshot> SnapshotStore::loadAll() {
    std::vector<FeedSnapshot> snapshots;
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            spdlog::warn("cannot read saved snapshot {}: {}", path.toStdString(),
                         file.errorString().toStdString());
            continue;
        }
        if (file.size() > kMaxSnapshotBytes) {
            file.close();
            moveAside(path, "too large");
            continue;
        }
        const QByteArray bytes = file.readAll();
        file.close();
        std::string error;
        auto snapshot = snapshotFromJson(bytes.toStdString(), error);
        if (!snapshot) {
            moveAside(path, error);
            continue;
        }
        if (QString::fromStdString(snapshot->feedId) + QStringLiteral(".json") != name) {
            moveAside(path, "the file name does not match its feed");
            continue;
        }
        snapshots.push_back(std::move(*snapshot));
    }
    return snapshots;
}

} // namespace kiwoomd::app
