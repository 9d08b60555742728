#include "kiwoomd/http/HttpServer.h"
#include "kiwoomd/http/ApiError.h"

#include <httplib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace kiwoomd::http {
namespace {

// A handler the tests control, so the transport is tested apart from the routes.
class ScriptedHandler final : public RequestHandler {
public:
    ApiResponse handle(const ApiRequest& request) override {
        ++calls;
        last = request;
        if (request.path == "/throw") {
            throw std::runtime_error("boom");
        }
        ApiResponse response = ApiResponse::json(R"({"name":"삼성전자"})");
        response.headers.emplace_back("X-Test", "1");
        return response;
    }

    std::atomic<int> calls{0};
    ApiRequest last;
};

class HttpServerTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(server.start("127.0.0.1", 0)) << server.error(); }
    void TearDown() override { server.stop(); }

    ScriptedHandler handler;
    HttpServer server{handler};
};

TEST_F(HttpServerTest, ServesTheHandlersAnswerOnAFreePort) {
    httplib::Client client("127.0.0.1", server.port());
    const auto response = client.Get("/api/anything?market=kosdaq&x=1");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, R"({"name":"삼성전자"})");
    EXPECT_EQ(response->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(response->get_header_value("X-Test"), "1");
    EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(*handler.last.queryValue("market"), "kosdaq");
    EXPECT_EQ(handler.last.path, "/api/anything");
}

TEST_F(HttpServerTest, RangeRequestsGetTheWholeBody) {
    httplib::Client client("127.0.0.1", server.port());
    const auto response = client.Get("/", {{"Range", "bytes=0-3"}});
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, R"({"name":"삼성전자"})");
    EXPECT_FALSE(response->has_header("Content-Range"));
}

TEST_F(HttpServerTest, HeaderNamesReachTheHandlerLowerCased) {
    httplib::Client client("127.0.0.1", server.port());
    ASSERT_TRUE(client.Get("/", {{"X-Custom-Header", "v"}}));
    EXPECT_EQ(handler.last.headers.count("x-custom-header"), 1u);
}

TEST_F(HttpServerTest, EveryMethodReachesTheHandler) {
    httplib::Client client("127.0.0.1", server.port());
    ASSERT_TRUE(client.Post("/p", "{}", "application/json"));
    EXPECT_EQ(handler.last.method, "POST");
    ASSERT_TRUE(client.Delete("/d"));
    EXPECT_EQ(handler.last.method, "DELETE");
}

TEST_F(HttpServerTest, AnExceptionInTheHandlerBecomesAJson500) {
    httplib::Client client("127.0.0.1", server.port());
    const auto response = client.Get("/throw");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 500);
    EXPECT_NE(response->body.find("\"internal\""), std::string::npos);
    // And the server keeps serving.
    EXPECT_EQ(client.Get("/ok")->status, 200);
}

TEST_F(HttpServerTest, ASecondServerOnTheSamePortFailsWithAReason) {
    ScriptedHandler other;
    HttpServer second(other);
    EXPECT_FALSE(second.start("127.0.0.1", server.port()));
    EXPECT_NE(second.error().find(std::to_string(server.port())), std::string::npos);
}

TEST_F(HttpServerTest, StopIsIdempotentAndClosesThePort) {
    const int port = server.port();
    server.stop();
    server.stop();
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(1);
    EXPECT_FALSE(client.Get("/"));
}

TEST(HttpServerLifecycle, StopRightAfterStartDoesNotHang) {
    for (int i = 0; i < 20; ++i) {
        ScriptedHandler handler;
        HttpServer server(handler);
        ASSERT_TRUE(server.start("127.0.0.1", 0));
        server.stop();
    }
}

} // namespace
} // namespace kiwoomd::http
