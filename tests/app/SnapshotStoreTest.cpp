#include "kiwoomd/app/SnapshotStore.h"

#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/core/RankingJson.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <string>

namespace kiwoomd::app {
namespace {

// A good snapshot as the session publishes it: rows, a fetch time and the frozen body.
FeedSnapshotPtr goodSnapshot(const std::string& feedId, std::uint64_t version) {
    FeedSnapshot s;
    s.feedId = feedId;
    s.market = feedId;
    s.trCode = "opt10023";
    s.fetchedAt = fromKst(2026, 11, 24, 10, 15, static_cast<int>(version % 60));
    s.marketOpen = true;
    s.stale = false;
    s.version = version;
    for (int rank = 1; rank <= 3; ++rank) {
        RankingRow row;
        row.rank = rank;
        row.code = "00593" + std::to_string(rank);
        row.name = "종목" + std::to_string(rank);
        row.price = 1000 * rank + static_cast<std::int64_t>(version);
        row.direction = Direction::Up;
        row.set("change", std::int64_t{10 * rank});
        row.set("change_rate", double{0.25 * rank});
        row.set("volume", std::int64_t{12345 * rank});
        row.invalidFields = rank == 3 ? std::vector<std::string>{"prev_volume"} : std::vector<std::string>{};
        s.rows.push_back(row);
    }
    return freezeSnapshot(std::move(s));
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    ASSERT_EQ(file.write(bytes), bytes.size());
}

QStringList filesIn(const QString& directory, const QString& pattern = QStringLiteral("*")) {
    return QDir(directory).entryList({pattern}, QDir::Files, QDir::Name);
}

class SnapshotStoreTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString directory() const { return m_dir.path(); }

    QTemporaryDir m_dir;
};

TEST_F(SnapshotStoreTest, ASavedSnapshotLoadsBackWithTheSameRowsVersionAndFetchTime) {
    SnapshotStore store(directory());
    const auto kospi = goodSnapshot("kospi", 7);
    const auto kosdaq = goodSnapshot("kosdaq", 9);
    ASSERT_TRUE(store.save(*kospi));
    ASSERT_TRUE(store.save(*kosdaq));

    const auto loaded = SnapshotStore(directory()).loadAll();

    ASSERT_EQ(loaded.size(), 2u);
    for (const auto& original : {kosdaq, kospi}) { // loadAll goes by file name
        const auto& read = loaded[original == kosdaq ? 0 : 1];
        EXPECT_EQ(read.feedId, original->feedId);
        EXPECT_EQ(read.version, original->version);
        EXPECT_EQ(read.fetchedAt, original->fetchedAt);
        EXPECT_TRUE(read.rows == original->rows) << read.feedId;
    }
}

TEST_F(SnapshotStoreTest, TheFileIsNamedAfterTheFeed) {
    SnapshotStore store(directory());
    ASSERT_TRUE(store.save(*goodSnapshot("kospi", 1)));
    EXPECT_EQ(store.pathFor(QStringLiteral("kospi")),
              QDir(directory()).filePath(QStringLiteral("kospi.json")));
    EXPECT_TRUE(QFile::exists(store.pathFor(QStringLiteral("kospi"))));
}

TEST_F(SnapshotStoreTest, TheDirectoryIsCreatedWhenMissing) {
    const QString nested = QDir(directory()).filePath(QStringLiteral("data/snapshots"));
    SnapshotStore store(nested);
    EXPECT_TRUE(QDir(nested).exists());
    EXPECT_TRUE(store.save(*goodSnapshot("kospi", 1)));
}

TEST_F(SnapshotStoreTest, ASnapshotWithoutRowsIsNotSaved) {
    SnapshotStore store(directory());
    FeedSnapshot empty = *goodSnapshot("kospi", 1);
    empty.rows.clear();

    EXPECT_FALSE(store.save(*freezeSnapshot(std::move(empty))));

    EXPECT_FALSE(QFile::exists(store.pathFor(QStringLiteral("kospi"))));
    EXPECT_TRUE(store.loadAll().empty());
}

TEST_F(SnapshotStoreTest, ASnapshotThatWasNeverFetchedIsNotSaved) {
    SnapshotStore store(directory());
    FeedSnapshot unfetched = *goodSnapshot("kospi", 1);
    unfetched.fetchedAt.reset();

    EXPECT_FALSE(store.save(*freezeSnapshot(std::move(unfetched))));

    EXPECT_FALSE(QFile::exists(store.pathFor(QStringLiteral("kospi"))));
}

TEST_F(SnapshotStoreTest, AnEmptyDirectoryLoadsNothing) {
    EXPECT_TRUE(SnapshotStore(directory()).loadAll().empty());
}

TEST_F(SnapshotStoreTest, AGarbageFileIsMovedAsideAndTheGoodOnesStillLoad) {
    SnapshotStore store(directory());
    ASSERT_TRUE(store.save(*goodSnapshot("kosdaq", 3)));
    writeFile(store.pathFor(QStringLiteral("kospi")), QByteArray("\x00\x01 not json", 11));

    const auto loaded = store.loadAll();

    ASSERT_EQ(loaded.size(), 1u);
    EXPECT_EQ(loaded[0].feedId, "kosdaq");
    EXPECT_FALSE(QFile::exists(store.pathFor(QStringLiteral("kospi"))));
    EXPECT_EQ(filesIn(directory(), QStringLiteral("kospi.json.corrupt-*")).size(), 1);
    EXPECT_TRUE(QFile::exists(store.pathFor(QStringLiteral("kosdaq"))));
}

TEST_F(SnapshotStoreTest, ATruncatedFileIsMovedAside) {
    SnapshotStore store(directory());
    const std::string body = goodSnapshot("kospi", 3)->body;
    writeFile(store.pathFor(QStringLiteral("kospi")),
              QByteArray::fromStdString(body.substr(0, body.size() * 2 / 3)));

    EXPECT_TRUE(store.loadAll().empty());

    EXPECT_FALSE(QFile::exists(store.pathFor(QStringLiteral("kospi"))));
    EXPECT_EQ(filesIn(directory(), QStringLiteral("kospi.json.corrupt-*")).size(), 1);
}

TEST_F(SnapshotStoreTest, AnEmptyFileIsMovedAside) {
    SnapshotStore store(directory());
    writeFile(store.pathFor(QStringLiteral("kospi")), QByteArray());

    EXPECT_TRUE(store.loadAll().empty());

    EXPECT_FALSE(QFile::exists(store.pathFor(QStringLiteral("kospi"))));
    EXPECT_EQ(filesIn(directory(), QStringLiteral("kospi.json.corrupt-*")).size(), 1);
}

TEST_F(SnapshotStoreTest, AFileNamedForAnotherFeedIsMovedAside) {
    SnapshotStore store(directory());
    writeFile(store.pathFor(QStringLiteral("kosdaq")),
              QByteArray::fromStdString(goodSnapshot("kospi", 3)->body));

    EXPECT_TRUE(store.loadAll().empty());

    EXPECT_FALSE(QFile::exists(store.pathFor(QStringLiteral("kosdaq"))));
    EXPECT_EQ(filesIn(directory(), QStringLiteral("kosdaq.json.corrupt-*")).size(), 1);
}

TEST_F(SnapshotStoreTest, AFileMovedAsideIsLeftAloneByTheNextLoad) {
    SnapshotStore store(directory());
    ASSERT_TRUE(store.save(*goodSnapshot("kosdaq", 3)));
    writeFile(store.pathFor(QStringLiteral("kospi")), "{");
    ASSERT_EQ(store.loadAll().size(), 1u);
    const QStringList aside = filesIn(directory(), QStringLiteral("kospi.json.corrupt-*"));
    ASSERT_EQ(aside.size(), 1);

    const auto again = store.loadAll();

    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].feedId, "kosdaq");
    EXPECT_EQ(filesIn(directory(), QStringLiteral("kospi.json.corrupt-*")), aside);
}

TEST_F(SnapshotStoreTest, FilesThatAreNotJsonAreIgnored) {
    SnapshotStore store(directory());
    writeFile(QDir(directory()).filePath(QStringLiteral("notes.txt")), "hello");

    EXPECT_TRUE(store.loadAll().empty());

    EXPECT_EQ(filesIn(directory()), QStringList{QStringLiteral("notes.txt")});
}

TEST_F(SnapshotStoreTest, AnOversizedFileIsMovedAsideUnread) {
    SnapshotStore store(directory());
    writeFile(store.pathFor(QStringLiteral("kospi")), QByteArray(16 * 1024 * 1024 + 1, ' '));

    EXPECT_TRUE(store.loadAll().empty());

    EXPECT_FALSE(QFile::exists(store.pathFor(QStringLiteral("kospi"))));
    EXPECT_EQ(filesIn(directory(), QStringLiteral("kospi.json.corrupt-*")).size(), 1);
}

TEST_F(SnapshotStoreTest, SavingAgainReplacesTheFileWithOneValidFile) {
    SnapshotStore store(directory());
    ASSERT_TRUE(store.save(*goodSnapshot("kospi", 1)));
    const auto newer = goodSnapshot("kospi", 2);
    ASSERT_TRUE(store.save(*newer));

    // No temporary or backup file is left next to it.
    EXPECT_EQ(filesIn(directory()), QStringList{QStringLiteral("kospi.json")});
    QFile file(store.pathFor(QStringLiteral("kospi")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().toStdString(), newer->body);

    const auto loaded = store.loadAll();
    ASSERT_EQ(loaded.size(), 1u);
    EXPECT_EQ(loaded[0].version, 2u);
    EXPECT_TRUE(loaded[0].rows == newer->rows);
}

} // namespace
} // namespace kiwoomd::app
