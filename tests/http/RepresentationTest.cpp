// ETag, 304 and gzip on the ranking endpoints, through the router.
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/http/ApiRouter.h"
#include "support/ApiSamples.h"

#include <gtest/gtest.h>

namespace kiwoomd::http {
namespace {

std::string header(const ApiResponse& response, const std::string& name) {
    std::string values;
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            values += (values.empty() ? "" : ", ") + value;
        }
    }
    return values;
}

class RepresentationTest : public ::testing::Test {
protected:
    RepresentationTest() {
        publish(4, false);
        router.setPort(8000);
    }

    void publish(std::uint64_t version, bool stale) {
        cache.publish(test::sampleSnapshot("kospi", version, 50, fromKst(2026, 11, 24, 10, 0, 0), stale));
    }

    ApiResponse get(const std::string& path,
                    const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        return router.handle(test::apiRequest("GET", path, headers));
    }

    ManualClock clock{fromKst(2026, 11, 24, 10, 0, 30)};
    SnapshotCache cache;
    StatusBoard board;
    ApiRouter router{cache, board, clock};
};

TEST_F(RepresentationTest, TheRankingCarriesAnETagAndMayBeKeptButRevalidated) {
    const auto response = get("/api/volume-ranking");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(header(response, "ETag"), cache.get("kospi")->etag);
    EXPECT_EQ(header(response, "Cache-Control"), "no-cache");
}

TEST_F(RepresentationTest, AMatchingIfNoneMatchGets304WithoutABody) {
    const std::string etag = cache.get("kospi")->etag;
    for (const char* path : {"/api/volume-ranking", "/api/feeds/kospi"}) {
        const auto response = get(path, {{"if-none-match", etag}});
        EXPECT_EQ(response.status, 304) << path;
        EXPECT_TRUE(response.body->empty());
        EXPECT_EQ(header(response, "ETag"), etag);
    }
}

TEST_F(RepresentationTest, TheETagChangesWhenOnlyTheStaleFlagDoes) {
    const std::string before = cache.get("kospi")->etag;
    publish(4, true);
    const auto response = get("/api/volume-ranking", {{"if-none-match", before}});
    EXPECT_EQ(response.status, 200) << "same version, different body: not 'not modified'";
    EXPECT_NE(header(response, "ETag"), before);
}

TEST_F(RepresentationTest, GzipIsServedWhenAcceptedAndTheSameCompressionIsReused) {
    const auto plain = get("/api/volume-ranking");
    const auto first = get("/api/volume-ranking", {{"accept-encoding", "gzip, deflate, br"}});
    const auto second = get("/api/volume-ranking", {{"accept-encoding", "gzip"}});
    EXPECT_EQ(header(first, "Content-Encoding"), "gzip");
    EXPECT_LT(first.body->size(), plain.body->size());
    EXPECT_EQ(first.body.get(), second.body.get()) << "compressed once per snapshot, then shared";
    EXPECT_NE(header(first, "Vary").find("Accept-Encoding"), std::string::npos);
    EXPECT_NE(header(plain, "Vary").find("Accept-Encoding"), std::string::npos);
    EXPECT_EQ(header(plain, "Content-Encoding"), "");
    publish(5, false);
    const auto next = get("/api/volume-ranking", {{"accept-encoding", "gzip"}});
    EXPECT_NE(next.body.get(), first.body.get()) << "a new snapshot gets its own compression";
}

TEST_F(RepresentationTest, OtherEndpointsStayUncacheable) {
    EXPECT_EQ(header(get("/api/status"), "Cache-Control"), "no-store");
    EXPECT_EQ(header(get("/api/nothing"), "Cache-Control"), "no-store");
}

TEST_F(RepresentationTest, ARequestWithABodyIsRefusedWith413) {
    ApiRequest request = test::apiRequest("GET", "/api/volume-ranking");
    request.hasBody = true;
    const auto response = router.handle(request);
    EXPECT_EQ(response.status, 413);
    EXPECT_NE(response.body->find("body_not_accepted"), std::string::npos);
}

} // namespace
} // namespace kiwoomd::http
