// The status line and headers the transport writes for each answer (src/http/transport/ResponseHead).
#include "transport/ResponseHead.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

using namespace kiwoomd::http;

namespace {

HeadFraming keepAlive() {
    HeadFraming framing;
    framing.keepAlive = "timeout=5, max=10000";
    return framing;
}

std::string headOf(const ApiResponse& response, const HeadFraming& framing) {
    std::string out;
    appendResponseHead(out, response, framing);
    return out;
}

} // namespace

TEST(ResponseHead, AJsonAnswerHasItsHeadersTypeLengthAndKeepAliveInThatOrder) {
    ApiResponse response = ApiResponse::json(R"({"ok":true})");
    response.headers.emplace_back("ETag", "\"v7\"");
    response.headers.emplace_back("Vary", "Origin");
    const std::string expected = std::string("HTTP/1.1 200 OK\r\n") + "ETag: \"v7\"\r\n" +
                                 "Vary: Origin\r\n" + "X-Content-Type-Options: nosniff\r\n" +
                                 "Content-Type: " + kJsonContentType + "\r\n" + "Content-Length: 11\r\n" +
                                 "Keep-Alive: timeout=5, max=10000\r\n" + "\r\n";
    EXPECT_EQ(headOf(response, keepAlive()), expected);
}

TEST(ResponseHead, AnAnswerWithoutABodyHasLengthZero) {
    ApiResponse response;
    response.status = 503;
    const std::string head = headOf(response, keepAlive());
    EXPECT_EQ(head.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u) << head;
    EXPECT_NE(head.find("\r\nContent-Length: 0\r\n"), std::string::npos) << head;
}

TEST(ResponseHead, NoContentAndNotModifiedCarryNeitherTypeNorLength) {
    for (const int status : {204, 304}) {
        ApiResponse response = ApiResponse::json("{}", status);
        const std::string head = headOf(response, keepAlive());
        EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
        EXPECT_EQ(head.find("\r\nContent-Type:"), std::string::npos) << head;
        EXPECT_NE(head.find("Keep-Alive: "), std::string::npos) << head;
    }
}

TEST(ResponseHead, AClosingAnswerSaysConnectionCloseInsteadOfKeepAlive) {
    HeadFraming framing = keepAlive();
    framing.close = true;
    const std::string head = headOf(ApiResponse::json("{}"), framing);
    EXPECT_NE(head.find("\r\nConnection: close\r\n\r\n"), std::string::npos) << head;
    EXPECT_EQ(head.find("Keep-Alive"), std::string::npos) << head;
}

TEST(ResponseHead, AnEventStreamHasNoLengthAndEndsWithTheConnection) {
    ApiResponse response;
    response.contentType = "text/event-stream; charset=utf-8";
    HeadFraming framing = keepAlive();
    framing.untilClose = true;
    const std::string head = headOf(response, framing);
    EXPECT_NE(head.find("Content-Type: text/event-stream; charset=utf-8\r\n"), std::string::npos);
    EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
    EXPECT_NE(head.find("Connection: close\r\n"), std::string::npos) << head;
}

TEST(ResponseHead, AHeaderHoldingALineBreakIsLeftOutSoItCannotSplitTheHead) {
    ApiResponse response = ApiResponse::json("{}");
    response.headers.emplace_back("X-Echo", "a\r\nSet-Cookie: stolen=1");
    response.headers.emplace_back("X-Bad\nName", "v");
    response.headers.emplace_back("X-Kept", "yes");
    const std::string head = headOf(response, keepAlive());
    EXPECT_EQ(head.find("Set-Cookie"), std::string::npos) << head;
    EXPECT_EQ(head.find("X-Bad"), std::string::npos) << head;
    EXPECT_NE(head.find("\r\nX-Kept: yes\r\n"), std::string::npos) << head;
    EXPECT_EQ(head.find("\r\n\r\n"), head.size() - 4) << "one blank line, at the end";
}

TEST(ResponseHead, EveryStatusTheApiUsesHasItsReasonPhrase) {
    EXPECT_STREQ(reasonPhrase(202), "Accepted");
    EXPECT_STREQ(reasonPhrase(304), "Not Modified");
    EXPECT_STREQ(reasonPhrase(405), "Method Not Allowed");
    EXPECT_STREQ(reasonPhrase(413), "Content Too Large");
    EXPECT_STREQ(reasonPhrase(431), "Request Header Fields Too Large");
    EXPECT_STREQ(reasonPhrase(418), "Bad Request") << "an unknown code gets its class's phrase";
}
