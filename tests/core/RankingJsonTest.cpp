#include "kiwoomd/core/RankingJson.h"
#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

namespace kiwoomd {
namespace {

TEST(RankingJson, RowUsesTheContractFieldNames) {
    RankingRow row;
    row.rank = 1;
    row.code = "005930";
    row.name = "삼성전자";
    row.price = 69800;
    row.direction = Direction::Down;
    row.change = -1200;
    row.changeRate = -1.69;
    row.prevVolume = 1;
    row.volume = 2;
    row.surgeVolume = 1;
    row.surgeRate = 100.0;
    const auto json = rankingRowToJson(row);
    for (const char* key : {"rank", "code", "name", "price", "direction", "change", "change_rate",
                            "prev_volume", "volume", "surge_volume", "surge_rate"}) {
        EXPECT_TRUE(json.contains(key)) << key;
    }
    EXPECT_EQ(json["direction"], "down");
    EXPECT_EQ(json["name"], "삼성전자");
    EXPECT_FALSE(json.contains("venue"));
    EXPECT_FALSE(json.contains("invalid_fields"));
}

TEST(RankingJson, UnreadableValuesAreNullAndListed) {
    RankingRow row;
    row.code = "005930";
    row.name = "x";
    row.invalidFields = {"change_rate"};
    const auto json = rankingRowToJson(row);
    EXPECT_TRUE(json["change_rate"].is_null());
    EXPECT_EQ(json["invalid_fields"], nlohmann::ordered_json::array({"change_rate"}));
}

TEST(RankingJson, SnapshotHasTheSeedShapePlusFreshness) {
    FeedSnapshot s;
    s.feedId = "kospi";
    s.market = "kospi";
    s.trCode = "opt10023";
    s.fetchedAt = fromKst(2026, 11, 24, 10, 15, 2);
    s.marketOpen = true;
    s.stale = false;
    const auto json = snapshotToJson(s);
    EXPECT_TRUE(json["data"].is_array());
    EXPECT_EQ(json["last_update"], "2026-11-24T10:15:02+09:00");
    EXPECT_EQ(json["market_open"], true);
    EXPECT_EQ(json["stale"], false);
    EXPECT_EQ(json["market"], "kospi");
}

TEST(RankingJson, NoFetchYetMeansNullLastUpdate) {
    FeedSnapshot s;
    EXPECT_TRUE(snapshotToJson(s)["last_update"].is_null());
}

TEST(RankingJson, BrokenUtf8InANameDoesNotBreakTheBody) {
    FeedSnapshot s;
    RankingRow row;
    row.code = "005930";
    row.name = std::string("bad\xff\xfename");
    s.rows.push_back(row);
    const auto frozen = freezeSnapshot(std::move(s));
    EXPECT_NE(frozen->body.find("bad"), std::string::npos);
    EXPECT_TRUE(nlohmann::ordered_json::accept(frozen->body));
}

} // namespace
} // namespace kiwoomd
