#include "kiwoomd/http/ApiRouter.h"
#include "kiwoomd/core/KstTime.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace kiwoomd::http {
namespace {

FeedSnapshotPtr feed(const std::string& id, const std::string& market, std::uint64_t version) {
    FeedSnapshot s;
    s.feedId = id;
    s.market = market;
    s.trCode = "opt10023";
    s.version = version;
    s.stale = version == 0;
    if (version > 0) {
        s.fetchedAt = fromKst(2026, 11, 24, 10, 0, 0);
        RankingRow row;
        row.rank = 1;
        row.code = "005930";
        row.name = "삼성전자";
        row.price = 70000;
        s.rows.push_back(row);
    }
    return freezeSnapshot(std::move(s));
}

class ApiRouterTest : public ::testing::Test {
protected:
    ApiRouterTest() {
        cache.publish(feed("kospi", "kospi", 3));
        cache.publish(feed("kosdaq", "kosdaq", 0));
        cache.publish(feed("all", "all", 1));
        cache.publish(feed("kospi-rate", "kospi", 5));
    }

    ApiResponse get(const std::string& path, std::multimap<std::string, std::string> query = {},
                    const std::string& method = "GET") {
        ApiRequest request;
        request.method = method;
        request.path = path;
        request.query = std::move(query);
        return router.handle(request);
    }

    static nlohmann::json body(const ApiResponse& response) { return nlohmann::json::parse(*response.body); }

    ManualClock clock{fromKst(2026, 11, 24, 10, 0, 30)};
    SnapshotCache cache;
    StatusBoard board;
    ApiRouter router{cache, board, clock};
};

TEST_F(ApiRouterTest, RankingDefaultsToKospi) {
    const auto response = get("/api/volume-ranking");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.contentType, "application/json; charset=utf-8");
    const auto json = body(response);
    EXPECT_EQ(json["feed"], "kospi");
    EXPECT_EQ(json["data"][0]["name"], "삼성전자");
}

TEST_F(ApiRouterTest, RankingServesTheCachedBodyWithoutCopying) {
    const auto response = get("/api/volume-ranking");
    EXPECT_EQ(response.body.get(), &cache.get("kospi")->body);
}

TEST_F(ApiRouterTest, MarketSelectsTheFeedCaseInsensitively) {
    EXPECT_EQ(body(get("/api/volume-ranking", {{"market", "kosdaq"}}))["feed"], "kosdaq");
    EXPECT_EQ(body(get("/api/volume-ranking", {{"market", "ALL"}}))["feed"], "all");
}

TEST_F(ApiRouterTest, MarketPrefersTheFeedNamedAfterIt) {
    EXPECT_EQ(body(get("/api/volume-ranking", {{"market", "kospi"}}))["feed"], "kospi");
}

TEST_F(ApiRouterTest, FeedSelectsAnyConfiguredFeed) {
    EXPECT_EQ(body(get("/api/volume-ranking", {{"feed", "kospi-rate"}}))["version"], 5);
    const auto missing = get("/api/volume-ranking", {{"feed", "nope"}});
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(body(missing)["error"]["code"], "unknown_feed");
}

TEST_F(ApiRouterTest, UnknownMarketIsABadRequestListingTheChoices) {
    const auto response = get("/api/volume-ranking", {{"market", "nasdaq"}});
    EXPECT_EQ(response.status, 400);
    const auto json = body(response);
    EXPECT_EQ(json["error"]["code"], "unknown_market");
    EXPECT_NE(json["error"]["message"].get<std::string>().find("'kosdaq'"), std::string::npos);
}

TEST_F(ApiRouterTest, FeedWithoutDataYetAnswersEmptyAndStale) {
    const auto json = body(get("/api/volume-ranking", {{"market", "kosdaq"}}));
    EXPECT_TRUE(json["data"].empty());
    EXPECT_TRUE(json["last_update"].is_null());
    EXPECT_EQ(json["stale"], true);
}

TEST_F(ApiRouterTest, WritesAreNotAllowedAndSayWhatIs) {
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
        const auto response = get("/api/volume-ranking", {}, method);
        EXPECT_EQ(response.status, 405) << method;
        const auto allow = std::find_if(response.headers.begin(), response.headers.end(),
                                        [](const auto& h) { return h.first == "Allow"; });
        ASSERT_NE(allow, response.headers.end());
        EXPECT_EQ(allow->second, "GET, HEAD");
    }
}

TEST_F(ApiRouterTest, FeedsAreListedWithTheirUrls) {
    SessionStatus status;
    FeedStatus kospi;
    kospi.id = "kospi";
    kospi.trCode = "opt10023";
    kospi.inputs = {{"시장구분", "001"}};
    status.feeds.push_back(kospi);
    board.publish(status);
    const auto json = body(get("/api/feeds"));
    ASSERT_EQ(json["feeds"].size(), 1u);
    EXPECT_EQ(json["feeds"][0]["id"], "kospi");
    EXPECT_EQ(json["feeds"][0]["inputs"]["시장구분"], "001");
    EXPECT_EQ(json["feeds"][0]["url"], "/api/feeds/kospi");
}

TEST_F(ApiRouterTest, OneFeedIsServedByItsId) {
    EXPECT_EQ(body(get("/api/feeds/kospi-rate"))["version"], 5);
    EXPECT_EQ(get("/api/feeds/nope").status, 404);
    EXPECT_EQ(body(get("/api/feeds/nope"))["error"]["code"], "unknown_feed");
    EXPECT_EQ(get("/api/feeds/kospi/extra").status, 404);
    EXPECT_EQ(get("/api/feeds/kospi", {}, "DELETE").status, 405);
}

TEST_F(ApiRouterTest, HeadIsAllowedWhereGetIs) {
    EXPECT_EQ(get("/api/status", {}, "HEAD").status, 200);
}

TEST_F(ApiRouterTest, UnknownPathIsAJsonNotFound) {
    const auto response = get("/api/nothing");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(body(response)["error"]["code"], "not_found");
}

TEST_F(ApiRouterTest, StatusReportsTheSession) {
    SessionStatus status;
    status.connection = ConnectionState::Connected;
    status.serverKind = "mock";
    status.userIdMasked = "si*******";
    status.startedAt = fromKst(2026, 11, 24, 9, 59, 0);
    FeedStatus feedStatus;
    feedStatus.id = "kospi";
    feedStatus.rowCount = 100;
    feedStatus.lastError = ErrorInfo{-200, "query overload (throttled)", fromKst(2026, 11, 24, 9, 59, 30)};
    status.feeds.push_back(feedStatus);
    status.requests.sent = 4;
    board.publish(status);

    const auto json = body(get("/api/status"));
    EXPECT_EQ(json["connection"], "connected");
    EXPECT_EQ(json["server"], "mock");
    EXPECT_EQ(json["user_id"], "si*******");
    EXPECT_EQ(json["uptime_seconds"], 90);
    EXPECT_EQ(json["feeds"][0]["row_count"], 100);
    EXPECT_EQ(json["feeds"][0]["last_error"]["kiwoom_code"], -200);
    EXPECT_EQ(json["requests"]["sent"], 4);
}

TEST_F(ApiRouterTest, HealthIsOkEvenWhenDisconnected) {
    const auto response = get("/api/health");
    EXPECT_EQ(response.status, 200);
    const auto json = body(response);
    EXPECT_EQ(json["status"], "ok");
    EXPECT_EQ(json["connection"], "disconnected");
    EXPECT_EQ(json["stale"], false) << "kospi has fresh data";
}

TEST_F(ApiRouterTest, ApiAnswersAndErrorsAreNotCached) {
    for (const auto& response : {get("/api/volume-ranking"), get("/nope"), get("/api/status", {}, "POST")}) {
        EXPECT_NE(std::find(response.headers.begin(), response.headers.end(),
                            std::make_pair(std::string("Cache-Control"), std::string("no-store"))),
                  response.headers.end())
            << response.status;
    }
}

} // namespace
} // namespace kiwoomd::http
