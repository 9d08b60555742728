#include "kiwoomd/core/SnapshotCache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace kiwoomd {
namespace {

FeedSnapshotPtr snapshotOf(const std::string& feed, std::uint64_t version, int rows) {
    FeedSnapshot s;
    s.feedId = feed;
    s.market = feed;
    s.trCode = "opt10023";
    s.version = version;
    for (int i = 0; i < rows; ++i) {
        RankingRow row;
        row.rank = i + 1;
        row.code = "00000" + std::to_string(i % 10);
        row.name = "v" + std::to_string(version); // every row names the version it belongs to
        row.price = static_cast<std::int64_t>(version);
        s.rows.push_back(row);
    }
    return freezeSnapshot(std::move(s));
}

TEST(SnapshotCache, UnknownFeedIsNull) {
    SnapshotCache cache;
    EXPECT_EQ(cache.get("kospi"), nullptr);
}

TEST(SnapshotCache, PublishReplacesOnlyThatFeed) {
    SnapshotCache cache;
    cache.publish(snapshotOf("kospi", 1, 2));
    cache.publish(snapshotOf("kosdaq", 7, 2));
    cache.publish(snapshotOf("kospi", 2, 2));
    EXPECT_EQ(cache.get("kospi")->version, 2u);
    EXPECT_EQ(cache.get("kosdaq")->version, 7u);
    EXPECT_EQ(cache.all().size(), 2u);
}

TEST(SnapshotCache, AReaderKeepsItsSnapshotAfterAPublish) {
    SnapshotCache cache;
    cache.publish(snapshotOf("kospi", 1, 3));
    const FeedSnapshotPtr held = cache.get("kospi");
    cache.publish(snapshotOf("kospi", 2, 3));
    EXPECT_EQ(held->version, 1u);
    EXPECT_NE(held->body.find("\"v1\""), std::string::npos);
}

TEST(SnapshotCache, BodyIsSerializedWhenTheSnapshotIsFrozen) {
    const auto s = snapshotOf("kospi", 3, 1);
    EXPECT_NE(s->body.find("\"version\":3"), std::string::npos);
    EXPECT_NE(s->body.find("\"feed\":\"kospi\""), std::string::npos);
}

TEST(SnapshotCache, ConcurrentReadersNeverSeeATornSnapshot) {
    SnapshotCache cache;
    cache.publish(snapshotOf("kospi", 1, 50));
    std::atomic<bool> done{false};
    std::atomic<int> torn{0};
    std::atomic<long> reads{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 4; ++r) {
        readers.emplace_back([&] {
            while (!done.load()) {
                const auto s = cache.get("kospi");
                const std::string expected = "v" + std::to_string(s->version);
                for (const auto& row : s->rows) {
                    if (row.name != expected || row.price != static_cast<std::int64_t>(s->version)) {
                        ++torn;
                    }
                }
                if (s->body.find("\"version\":" + std::to_string(s->version)) == std::string::npos) {
                    ++torn;
                }
                ++reads;
            }
        });
    }
    for (std::uint64_t v = 2; v < 400; ++v) {
        cache.publish(snapshotOf("kospi", v, 50));
    }
    done = true;
    for (auto& t : readers) {
        t.join();
    }
    EXPECT_EQ(torn.load(), 0);
    EXPECT_GT(reads.load(), 0);
    EXPECT_EQ(cache.get("kospi")->version, 399u);
}

} // namespace
} // namespace kiwoomd
