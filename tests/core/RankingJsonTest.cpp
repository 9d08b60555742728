#include "kiwoomd/core/RankingJson.h"
#include "kiwoomd/core/KstTime.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace kiwoomd {
namespace {

TEST(RankingJson, RowUsesTheContractFieldNames) {
    RankingRow row;
    row.rank = 1;
    row.code = "005930";
    row.name = "삼성전자";
    row.price = 69800;
    row.direction = Direction::Down;
    row.set("change", std::int64_t{-1200});
    row.set("change_rate", double{-1.69});
    row.set("prev_volume", std::int64_t{1});
    row.set("volume", std::int64_t{2});
    row.set("surge_volume", std::int64_t{1});
    row.set("surge_rate", double{100.0});
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
    const auto json = rankingRowToJson(row, tr::findTr(tr::kVolumeSurgeTr));
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

// Two rows that between them use every field: one fully read from an NXT quote, one whose
// optional values were all unreadable.
FeedSnapshot sampleSnapshot() {
    FeedSnapshot s;
    s.feedId = "kosdaq";
    s.market = "kosdaq";
    s.trCode = "opt10023";
    s.fetchedAt = fromKst(2026, 11, 24, 10, 15, 2);
    s.marketOpen = true;
    s.stale = false;
    s.version = 42;

    RankingRow full;
    full.rank = 1;
    full.code = "005930";
    full.venue = "NXT";
    full.name = "삼성전자";
    full.price = 69800;
    full.direction = Direction::Down;
    full.set("change", std::int64_t{-1200});
    full.set("change_rate", double{-1.69});
    full.set("prev_volume", std::int64_t{8571012});
    full.set("volume", std::int64_t{17142024});
    full.set("surge_volume", std::int64_t{8571012});
    full.set("surge_rate", double{100.07});
    s.rows.push_back(full);

    RankingRow sparse;
    sparse.rank = 2;
    sparse.code = "000660";
    sparse.name = "SK하이닉스";
    sparse.price = 180000;
    sparse.invalidFields = {"direction", "change",       "change_rate", "prev_volume",
                            "volume",    "surge_volume", "surge_rate"};
    s.rows.push_back(sparse);
    return s;
}

std::string frozenBody(FeedSnapshot s = sampleSnapshot()) {
    return freezeSnapshot(std::move(s))->body;
}

// The frozen body of the sample, changed by `edit`, as text.
template <typename Edit> std::string editedBody(Edit edit) {
    auto json = nlohmann::json::parse(frozenBody());
    edit(json);
    return json.dump();
}

std::string readError(const std::string& text) {
    std::string error;
    const auto snapshot = snapshotFromJson(text, error);
    EXPECT_FALSE(snapshot.has_value()) << "accepted: " << text;
    EXPECT_FALSE(error.empty()) << "no message for: " << text;
    return error;
}

void expectSameSnapshot(const FeedSnapshot& read, const FeedSnapshot& written) {
    EXPECT_EQ(read.feedId, written.feedId);
    EXPECT_EQ(read.market, written.market);
    EXPECT_EQ(read.trCode, written.trCode);
    EXPECT_EQ(read.fetchedAt, written.fetchedAt);
    EXPECT_EQ(read.marketOpen, written.marketOpen);
    EXPECT_EQ(read.stale, written.stale);
    EXPECT_EQ(read.version, written.version);
    ASSERT_EQ(read.rows.size(), written.rows.size());
    for (std::size_t i = 0; i < read.rows.size(); ++i) {
        EXPECT_TRUE(read.rows[i] == written.rows[i]) << "row " << i << ": " << rankingRowToJson(read.rows[i]);
    }
}

TEST(RankingJson, AFrozenSnapshotReadsBackTheSame) {
    const FeedSnapshot written = sampleSnapshot();
    std::string error;
    const auto read = snapshotFromJson(frozenBody(written), error);
    ASSERT_TRUE(read.has_value()) << error;
    expectSameSnapshot(*read, written);
    EXPECT_EQ(read->rows[0].venue, "NXT");
    EXPECT_FALSE(read->rows[1].direction.has_value());
    EXPECT_FALSE(read->rows[1].number("surge_rate").has_value());
    EXPECT_EQ(read->rows[1].invalidFields.size(), 7u);
}

TEST(RankingJson, EveryDirectionReadsBack) {
    for (const auto direction : {Direction::UpperLimit, Direction::Up, Direction::Unchanged,
                                 Direction::LowerLimit, Direction::Down}) {
        FeedSnapshot written = sampleSnapshot();
        written.rows[0].direction = direction;
        std::string error;
        const auto read = snapshotFromJson(frozenBody(written), error);
        ASSERT_TRUE(read.has_value()) << error;
        EXPECT_EQ(read->rows[0].direction, direction) << directionName(direction);
    }
}

TEST(RankingJson, ASnapshotWithoutAFetchReadsBackWithoutOne) {
    FeedSnapshot written;
    written.feedId = "all";
    written.market = "all";
    written.trCode = "opt10023";
    std::string error;
    const auto read = snapshotFromJson(frozenBody(written), error);
    ASSERT_TRUE(read.has_value()) << error;
    expectSameSnapshot(*read, written);
    EXPECT_FALSE(read->fetchedAt.has_value());
    EXPECT_TRUE(read->stale);
}

TEST(RankingJson, ReadingRejectsTruncatedJson) {
    const std::string body = frozenBody();
    readError(body.substr(0, body.size() / 2));
    readError(body.substr(0, body.size() - 1));
    readError("");
}

TEST(RankingJson, ReadingRejectsJsonThatIsNotASnapshot) {
    readError("null");
    readError("[]");
    readError("42");
    readError("{}");
}

TEST(RankingJson, ReadingRejectsARowCountThatDoesNotMatchTheRows) {
    EXPECT_NE(readError(editedBody([](auto& json) { json["row_count"] = 3; })).find("row_count"),
              std::string::npos);
    EXPECT_NE(readError(editedBody([](auto& json) { json["data"].erase(std::size_t{1}); })).find("row_count"),
              std::string::npos);
}

TEST(RankingJson, ReadingRejectsAnUnknownDirection) {
    const auto error = readError(editedBody([](auto& json) { json["data"][0]["direction"] = "sideways"; }));
    EXPECT_NE(error.find("sideways"), std::string::npos) << error;
}

TEST(RankingJson, ReadingRejectsAMissingSnapshotKey) {
    for (const char* key :
         {"feed", "market", "tr", "row_count", "last_update", "market_open", "stale", "version", "data"}) {
        const auto error = readError(editedBody([key](auto& json) { json.erase(key); }));
        EXPECT_NE(error.find(key), std::string::npos) << key << ": " << error;
    }
}

TEST(RankingJson, ReadingRejectsAMissingRowKey) {
    for (const char* key : {"rank", "code", "name", "price", "direction", "change", "change_rate",
                            "prev_volume", "volume", "surge_volume", "surge_rate"}) {
        const auto error = readError(editedBody([key](auto& json) { json["data"][1].erase(key); }));
        EXPECT_NE(error.find(key), std::string::npos) << key << ": " << error;
    }
}

TEST(RankingJson, ReadingRejectsAnUnreadableLastUpdate) {
    for (const char* text : {"yesterday", "2026-11-24T01:15:02Z", "2026-02-31T10:00:00+09:00", ""}) {
        const auto error = readError(editedBody([text](auto& json) { json["last_update"] = text; }));
        EXPECT_NE(error.find("last_update"), std::string::npos) << error;
    }
}

TEST(RankingJson, ReadingRejectsValuesOfTheWrongType) {
    readError(editedBody([](auto& json) { json["version"] = "42"; }));
    readError(editedBody([](auto& json) { json["stale"] = "false"; }));
    readError(editedBody([](auto& json) { json["data"][0]["price"] = "69800"; }));
    readError(editedBody([](auto& json) { json["data"][0]["invalid_fields"] = "change"; }));
    readError(editedBody([](auto& json) { json["last_update"] = 1764000000; }));
}

TEST(RankingJson, ReadingRejectsDataThatIsNotAnArray) {
    readError(editedBody([](auto& json) {
        json["data"] = nlohmann::json::object();
        json["row_count"] = 0;
    }));
    readError(editedBody([](auto& json) {
        json["data"] = nullptr;
        json["row_count"] = 0;
    }));
}

// Found by tests/fuzz/FuzzSnapshotJson: an integer field holding a number too large for it, such as
// a surge_volume of 3.9e23 in a damaged file, was cast to the integer (undefined behaviour) rather
// than refused; a negative price or a rank of 0 was read as if the daemon had written it.
TEST(RankingJson, ReadingRejectsIntegersOutOfTheirRange) {
    EXPECT_NE(readError(editedBody([](auto& json) {
                  json["data"][0]["surge_volume"] = 3.9e23;
              })).find("surge_volume"),
              std::string::npos);
    readError(editedBody([](auto& json) { json["data"][0]["volume"] = 1.5; }));
    readError(editedBody([](auto& json) { json["data"][0]["change"] = 18446744073709551615u; }));
    readError(editedBody([](auto& json) { json["data"][0]["rank"] = 4294967296; }));
    readError(editedBody([](auto& json) { json["data"][0]["rank"] = 0; }));
    readError(editedBody([](auto& json) { json["data"][0]["price"] = -69800; }));
    readError(editedBody([](auto& json) { json["version"] = -1; }));
    readError(editedBody([](auto& json) { json["version"] = 1e300; }));
    readError(editedBody([](auto& json) { json["row_count"] = 2.0; }));
}

TEST(RankingJson, ReadingAcceptsIntegersAtTheEdgesOfTheirRange) {
    std::string error;
    const auto read = snapshotFromJson(editedBody([](auto& json) {
                                           json["version"] = 18446744073709551615u;
                                           json["data"][0]["change"] = -9223372036854775807 - 1;
                                           json["data"][0]["price"] = 0;
                                       }),
                                       error);
    ASSERT_TRUE(read.has_value()) << error;
    EXPECT_EQ(read->version, 18446744073709551615u);
    EXPECT_EQ(read->rows[0].integer("change"), std::numeric_limits<std::int64_t>::min());
}
} // namespace
} // namespace kiwoomd
