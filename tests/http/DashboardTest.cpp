// GET / and the dashboard's files: served from an AssetSource with the page's security headers,
// never outside it.
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/http/ApiRouter.h"
#include "support/ApiSamples.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace kiwoomd::http {
namespace {

std::string header(const ApiResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

std::shared_ptr<const AssetSource> sampleAssets() {
    std::string script(4000, ' ');
    script.replace(0, 20, "export const x = 1;\n");
    return std::make_shared<MemoryAssets>(std::vector<std::pair<std::string, std::string>>{
        {"/index.html", "<!doctype html><title>kiwoomd</title>"},
        {"/js/app.js", script},
        {"/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
    });
}

class DashboardTest : public ::testing::Test {
protected:
    explicit DashboardTest(std::shared_ptr<const AssetSource> assets = sampleAssets())
        : router(cache, board, clock, "kospi", "dev", {}, RouterParts{nullptr, nullptr, std::move(assets)}) {
        router.setPort(8000);
    }

    ApiResponse request(const std::string& path, const std::string& method = "GET",
                        const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        return router.handle(test::apiRequest(method, path, headers));
    }

    ManualClock clock{fromKst(2026, 11, 24, 10, 0, 30)};
    SnapshotCache cache;
    StatusBoard board;
    ApiRouter router;
};

TEST_F(DashboardTest, TheRootServesIndexHtmlWithThePagesSecurityHeaders) {
    const auto response = request("/");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(*response.body, "<!doctype html><title>kiwoomd</title>");
    EXPECT_EQ(response.contentType, "text/html; charset=utf-8");
    const std::string csp = header(response, "Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(header(response, "X-Frame-Options"), "DENY");
    EXPECT_EQ(header(response, "Referrer-Policy"), "no-referrer");
    EXPECT_FALSE(header(response, "ETag").empty());
}

TEST_F(DashboardTest, ScriptsGetTheirContentTypeAndGzipWhenAccepted) {
    const auto response = request("/js/app.js", "GET", {{"accept-encoding", "gzip"}});
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.contentType, "text/javascript; charset=utf-8");
    EXPECT_EQ(header(response, "Content-Encoding"), "gzip");
    const auto revalidated = request("/js/app.js", "GET", {{"if-none-match", header(response, "ETag")}});
    EXPECT_EQ(revalidated.status, 304);
}

TEST_F(DashboardTest, PathsThatTryToLeaveTheAssetsOrNameHiddenFilesAre404) {
    for (const char* path : {"/../etc/passwd", "/js/../../secret", "/.git/config", "/js/.hidden",
                             "/js//app.js", "/js\\app.js", "/js/", "/nope.html"}) {
        const auto response = request(path);
        EXPECT_EQ(response.status, 404) << path;
        EXPECT_NE(response.body->find("not_found"), std::string::npos) << path;
    }
}

TEST_F(DashboardTest, OnlyReadMethodsReachTheDashboard) {
    const auto response = request("/", "POST");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(header(response, "Allow"), "GET, HEAD, OPTIONS");
}

TEST_F(DashboardTest, UnknownApiPathsStayJson404sAndDoNotFallIntoTheDashboard) {
    const auto response = request("/api/nothing");
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.contentType, "application/json; charset=utf-8");
}

// token_policy "always": a browser cannot attach a token to the page it navigates to, so the
// page's own files (the same in every copy of kiwoomd, no data in them) load without it; the page
// then sends the token from its address's fragment. Everything that carries data still needs it.
TEST(DashboardWithToken, ThePagesFilesLoadWithoutTheTokenButNoDataDoes) {
    ManualClock clock{fromKst(2026, 11, 24, 10, 0, 30)};
    SnapshotCache cache;
    StatusBoard board;
    const std::string token(64, 'd');
    ApiRouter router(cache, board, clock, "kospi", "dev", GuardSettings{{}, {}, token, std::string()},
                     RouterParts{nullptr, nullptr, sampleAssets()});
    router.setPort(8000);
    const auto handle = [&router](const std::string& method, const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        return router.handle(test::apiRequest(method, path, headers));
    };
    EXPECT_EQ(handle("GET", "/").status, 200);
    EXPECT_EQ(handle("HEAD", "/").status, 200);
    EXPECT_EQ(handle("GET", "/js/app.js").status, 200);
    EXPECT_EQ(handle("GET", "/favicon.svg").status, 200);
    for (const char* data : {"/api/status", "/api/feeds", "/api/feeds/kospi", "/api/volume-ranking",
                             "/api/stream", "/api/health", "/api/nothing", "/metrics"}) {
        const auto refused = handle("GET", data);
        EXPECT_EQ(refused.status, 401) << data;
        EXPECT_EQ(header(refused, "WWW-Authenticate"), "Bearer realm=\"kiwoomd\"") << data;
    }
    EXPECT_EQ(handle("POST", "/").status, 401) << "only reading the page is open";
    EXPECT_EQ(handle("GET", "/api/status", {{"authorization", "Bearer " + token}}).status, 200);
}

TEST(DashboardWithToken, TheHostAndOriginChecksStillGuardThePagesFiles) {
    ManualClock clock{fromKst(2026, 11, 24, 10, 0, 30)};
    SnapshotCache cache;
    StatusBoard board;
    ApiRouter router(cache, board, clock, "kospi", "dev",
                     GuardSettings{{}, {}, std::string(64, 'e'), std::string()},
                     RouterParts{nullptr, nullptr, sampleAssets()});
    router.setPort(8000);
    ApiRequest rebound = test::apiRequest("GET", "/");
    rebound.headers.clear();
    rebound.headers.emplace("host", "evil.example:8000");
    EXPECT_EQ(router.handle(rebound).status, 403);
    EXPECT_EQ(router.handle(test::apiRequest("GET", "/", {{"origin", "https://evil.example"}})).status, 403);
}

TEST(DashboardSafePath, AcceptsOrdinaryPathsAndRejectsTricks) {
    EXPECT_TRUE(isSafeAssetPath("/index.html"));
    EXPECT_TRUE(isSafeAssetPath("/js/table.js"));
    EXPECT_FALSE(isSafeAssetPath("index.html"));
    EXPECT_FALSE(isSafeAssetPath("/a/../b"));
    EXPECT_FALSE(isSafeAssetPath("/./a"));
    EXPECT_FALSE(isSafeAssetPath(std::string("/a\0b", 4)));
    EXPECT_FALSE(isSafeAssetPath("/" + std::string(600, 'a')));
}

TEST(DirectoryAssets, ServesFilesInsideItsFolderAndNothingOutside) {
    const auto root = std::filesystem::temp_directory_path() / "kiwoomd-assets-test";
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root / "web" / "js");
    std::ofstream(root / "web" / "index.html") << "<p>hi</p>";
    std::ofstream(root / "web" / "js" / "a.js") << "export {};";
    std::ofstream(root / "secret.txt") << "password";
    std::error_code ignored;
    std::filesystem::create_symlink(root / "secret.txt", root / "web" / "link.txt", ignored);

    const DirectoryAssets assets(root / "web");
    ASSERT_TRUE(assets.find("/index.html"));
    EXPECT_EQ(*assets.find("/index.html")->body, "<p>hi</p>");
    EXPECT_EQ(assets.find("/js/a.js")->contentType, "text/javascript; charset=utf-8");
    EXPECT_FALSE(assets.find("/js"));
    EXPECT_FALSE(assets.find("/missing.html"));
    EXPECT_FALSE(assets.find("/link.txt")) << "a link out of the folder is not followed";
    std::filesystem::remove_all(root);
}

} // namespace
} // namespace kiwoomd::http
