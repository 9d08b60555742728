// POST /api/control/...: the API's only state-changing requests, and the CSRF defences in front
// of them (the token, and a same-origin request).
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/http/ApiRouter.h"
#include "support/ApiSamples.h"

#include <gtest/gtest.h>

namespace kiwoomd::http {
namespace {

class RecordingCommands final : public SessionCommands {
public:
    void pollNow() override { calls.push_back("refresh"); }
    void setPollingPaused(bool paused) override { calls.push_back(paused ? "pause" : "resume"); }
    void reconnect() override { calls.push_back("reconnect"); }
    std::vector<std::string> calls;
};

const std::string kToken(64, 'f');

class ControlTest : public ::testing::Test {
protected:
    ControlTest()
        : router(cache, board, clock, "kospi", "dev",
                 GuardSettings{{}, {"http://localhost:3000"}, std::string(), kToken},
                 RouterParts{nullptr, nullptr, nullptr, &commands}) {
        router.setPort(8000);
    }

    ApiResponse send(const std::string& method, const std::string& path,
                     const std::vector<std::pair<std::string, std::string>>& headers) {
        return router.handle(test::apiRequest(method, path, headers));
    }

    static std::string codeOf(const ApiResponse& response) {
        const auto at = response.body->find("\"code\":\"");
        return at == std::string::npos
                   ? ""
                   : response.body->substr(at + 8, response.body->find('"', at + 8) - at - 8);
    }

    ManualClock clock{fromKst(2026, 11, 24, 10, 0, 30)};
    SnapshotCache cache;
    StatusBoard board;
    RecordingCommands commands;
    ApiRouter router;
};

TEST_F(ControlTest, EachActionWithTheTokenIsAcceptedAndHandedToTheSession) {
    for (const char* action : {"refresh", "pause", "resume", "reconnect"}) {
        const auto response =
            send("POST", std::string("/api/control/") + action, {{"authorization", "Bearer " + kToken}});
        EXPECT_EQ(response.status, 202) << action;
        EXPECT_EQ(*response.body, std::string("{\"accepted\":\"") + action + "\"}");
    }
    EXPECT_EQ(commands.calls, (std::vector<std::string>{"refresh", "pause", "resume", "reconnect"}));
}

TEST_F(ControlTest, WithoutTheRightTokenNothingHappens) {
    EXPECT_EQ(send("POST", "/api/control/pause", {}).status, 401);
    EXPECT_EQ(send("POST", "/api/control/pause", {{"authorization", "Bearer " + kToken + "0"}}).status, 401);
    EXPECT_EQ(send("POST", "/api/control/pause", {{"authorization", "Basic " + kToken}}).status, 401);
    EXPECT_TRUE(commands.calls.empty());
}

TEST_F(ControlTest, ACrossSiteRequestIsRefusedEvenWithTheTokenAndEvenFromAListedOrigin) {
    const auto evil = send("POST", "/api/control/refresh",
                           {{"authorization", "Bearer " + kToken}, {"origin", "https://evil.example"}});
    EXPECT_EQ(evil.status, 403);
    const auto listed = send("POST", "/api/control/refresh",
                             {{"authorization", "Bearer " + kToken}, {"origin", "http://localhost:3000"}});
    EXPECT_EQ(listed.status, 403) << "listed origins may read, not change";
    EXPECT_EQ(codeOf(listed), "forbidden_origin");
    const auto fetchMetadata =
        send("POST", "/api/control/refresh",
             {{"authorization", "Bearer " + kToken}, {"sec-fetch-site", "cross-site"}});
    EXPECT_EQ(fetchMetadata.status, 403);
    EXPECT_EQ(codeOf(fetchMetadata), "forbidden_site");
    EXPECT_TRUE(commands.calls.empty());
}

TEST_F(ControlTest, TheDaemonsOwnPageAndScriptsWithoutOriginAreServed) {
    EXPECT_EQ(send("POST", "/api/control/refresh",
                   {{"authorization", "Bearer " + kToken},
                    {"origin", "http://127.0.0.1:8000"},
                    {"sec-fetch-site", "same-origin"}})
                  .status,
              202);
    EXPECT_EQ(send("POST", "/api/control/refresh", {{"authorization", "Bearer " + kToken}}).status, 202);
    EXPECT_EQ(commands.calls.size(), 2u);
}

TEST_F(ControlTest, OnlyPostChangesStateAndAPreflightOffersNoCrossOriginPost) {
    const auto get = send("GET", "/api/control/refresh", {{"authorization", "Bearer " + kToken}});
    EXPECT_EQ(get.status, 405);
    const auto preflight =
        send("OPTIONS", "/api/control/refresh",
             {{"origin", "http://localhost:3000"}, {"access-control-request-method", "POST"}});
    EXPECT_EQ(preflight.status, 204);
    for (const auto& [name, value] : preflight.headers) {
        if (name == "Access-Control-Allow-Methods") {
            EXPECT_EQ(value.find("POST"), std::string::npos) << "the browser will not send the POST";
        }
    }
    EXPECT_TRUE(commands.calls.empty());
}

TEST_F(ControlTest, UnknownActionsAre404AndWithoutATokenFileEverythingIs503) {
    EXPECT_EQ(send("POST", "/api/control/orders", {{"authorization", "Bearer " + kToken}}).status, 404);
    ApiRouter tokenless(cache, board, clock, "kospi", "dev", GuardSettings{},
                        RouterParts{nullptr, nullptr, nullptr, &commands});
    tokenless.setPort(8000);
    EXPECT_EQ(
        tokenless.handle(test::apiRequest("POST", "/api/control/refresh", {{"authorization", "Bearer "}}))
            .status,
        503);
    EXPECT_TRUE(commands.calls.empty());
}

} // namespace
} // namespace kiwoomd::http
