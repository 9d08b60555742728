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
        router.setPort(8000);
    }

    ApiResponse get(const std::string& path, std::multimap<std::string, std::string> query = {},
                    const std::string& method = "GET") {
        ApiRequest request;
        request.method = method;
        request.path = path;
        request.query = std::move(query);
        request.headers.emplace("host", "127.0.0.1:8000");
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
        EXPECT_EQ(allow->second, "GET, HEAD, OPTIONS");
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

ApiResponse withHeaders(ApiRouter& router, const std::string& method,
                        std::multimap<std::string, std::string> headers) {
    ApiRequest request;
    request.method = method;
    request.path = "/api/volume-ranking";
    request.headers = std::move(headers);
    return router.handle(request);
}

std::string headerOf(const ApiResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            return value;
        }
    }
    return "";
}

TEST_F(ApiRouterTest, AForeignHostIsRefusedBeforeRouting) {
    // A DNS-rebinding page reaches 127.0.0.1 under its own name.
    const auto response = withHeaders(router, "GET", {{"host", "evil.example:8000"}});
    EXPECT_EQ(response.status, 403);
    EXPECT_EQ(body(response)["error"]["code"], "forbidden_host");
    EXPECT_EQ(withHeaders(router, "GET", {}).status, 403) << "no Host at all";
    EXPECT_EQ(withHeaders(router, "GET", {{"host", "127.0.0.1:9999"}}).status, 403) << "another port";
    for (const char* own : {"127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000"}) {
        EXPECT_EQ(withHeaders(router, "GET", {{"host", own}}).status, 200) << own;
    }
}

TEST_F(ApiRouterTest, ConfiguredHostNamesAreServed) {
    ApiRouter named(cache, board, clock, "kospi", "dev",
                    GuardSettings{{"kiwoomd.lan"}, {}, std::string(), std::string()});
    named.setPort(8000);
    EXPECT_EQ(withHeaders(named, "GET", {{"host", "kiwoomd.lan:8000"}}).status, 200);
    EXPECT_EQ(withHeaders(named, "GET", {{"host", "kiwoomd.lan"}}).status, 200);
}

TEST_F(ApiRouterTest, OtherSitesCannotReadTheApiThroughTheBrowser) {
    const auto response =
        withHeaders(router, "GET", {{"host", "127.0.0.1:8000"}, {"origin", "https://attacker.example"}});
    EXPECT_EQ(response.status, 403);
    EXPECT_EQ(body(response)["error"]["code"], "forbidden_origin");
    EXPECT_EQ(headerOf(response, "Access-Control-Allow-Origin"), "");
}

TEST_F(ApiRouterTest, TheOwnOriginAndListedOriginsGetCorsWithVary) {
    const auto own =
        withHeaders(router, "GET", {{"host", "127.0.0.1:8000"}, {"origin", "http://127.0.0.1:8000"}});
    EXPECT_EQ(own.status, 200);
    EXPECT_EQ(headerOf(own, "Vary"), "Origin");

    ApiRouter dev(cache, board, clock, "kospi", "dev",
                  GuardSettings{{}, {"http://localhost:3000"}, std::string(), std::string()});
    dev.setPort(8000);
    const auto listed =
        withHeaders(dev, "GET", {{"host", "127.0.0.1:8000"}, {"origin", "http://localhost:3000"}});
    EXPECT_EQ(listed.status, 200);
    EXPECT_EQ(headerOf(listed, "Access-Control-Allow-Origin"), "http://localhost:3000");
    EXPECT_NE(headerOf(listed, "Access-Control-Allow-Origin"), "*");

    const auto preflight = withHeaders(dev, "OPTIONS",
                                       {{"host", "127.0.0.1:8000"},
                                        {"origin", "http://localhost:3000"},
                                        {"access-control-request-method", "GET"}});
    EXPECT_EQ(preflight.status, 204);
    EXPECT_EQ(headerOf(preflight, "Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
    const auto notFound = withHeaders(
        dev, "GET", {{"host", "127.0.0.1:8000"}, {"origin", "http://localhost:3000"}, {"x", "y"}});
    EXPECT_EQ(headerOf(notFound, "Access-Control-Allow-Origin"), "http://localhost:3000");
    const auto refused = withHeaders(router, "OPTIONS",
                                     {{"host", "127.0.0.1:8000"},
                                      {"origin", "http://localhost:3000"},
                                      {"access-control-request-method", "GET"}});
    EXPECT_EQ(refused.status, 403) << "not listed in this router";
}

TEST_F(ApiRouterTest, WithATokenEveryRequestMustPresentIt) {
    const std::string token(64, 'a');
    ApiRouter guarded(cache, board, clock, "kospi", "dev", GuardSettings{{}, {}, token, std::string()});
    guarded.setPort(8000);
    const auto missing = withHeaders(guarded, "GET", {{"host", "127.0.0.1:8000"}});
    EXPECT_EQ(missing.status, 401);
    EXPECT_EQ(headerOf(missing, "WWW-Authenticate"), "Bearer realm=\"kiwoomd\"");
    EXPECT_EQ(withHeaders(guarded, "GET",
                          {{"host", "127.0.0.1:8000"}, {"authorization", "Bearer " + std::string(64, 'b')}})
                  .status,
              401);
    EXPECT_EQ(
        withHeaders(guarded, "GET", {{"host", "127.0.0.1:8000"}, {"authorization", "Bearer " + token + "x"}})
            .status,
        401);
    EXPECT_EQ(withHeaders(guarded, "GET", {{"host", "127.0.0.1:8000"}, {"authorization", "Bearer " + token}})
                  .status,
              200);
}

TEST_F(ApiRouterTest, TheBearerSchemeIsCaseInsensitive) {
    const std::string token(64, 'c');
    ApiRouter guarded(cache, board, clock, "kospi", "dev", GuardSettings{{}, {}, token, std::string()});
    guarded.setPort(8000);
    EXPECT_EQ(withHeaders(guarded, "GET", {{"host", "127.0.0.1:8000"}, {"authorization", "bearer " + token}})
                  .status,
              200);
    EXPECT_EQ(withHeaders(guarded, "GET", {{"host", "127.0.0.1:8000"}, {"authorization", "BEARER " + token}})
                  .status,
              200);
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
    status.serverKind = ServerKind::Mock;
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

TEST_F(ApiRouterTest, ApiAnswersAreNeverReusedUnchecked) {
    const auto cacheControl = [](const ApiResponse& response) {
        for (const auto& [name, value] : response.headers) {
            if (name == "Cache-Control") {
                return value;
            }
        }
        return std::string();
    };
    // A ranking has an ETag: a cache may keep it but must revalidate every time.
    EXPECT_EQ(cacheControl(get("/api/volume-ranking")), "no-cache");
    for (const auto& response : {get("/api/status"), get("/nope"), get("/api/status", {}, "POST")}) {
        EXPECT_EQ(cacheControl(response), "no-store") << response.status;
    }
}

} // namespace
} // namespace kiwoomd::http
