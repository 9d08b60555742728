#include "kiwoomd/http/RequestScreening.h"

#include <gtest/gtest.h>

namespace kiwoomd::http {
namespace {

constexpr std::size_t kLimit = 16384;

ApiRequest request(std::initializer_list<std::pair<const std::string, std::string>> headers,
                   std::string version = "HTTP/1.1") {
    ApiRequest r;
    r.method = "GET";
    r.version = std::move(version);
    r.path = "/api/status";
    r.headers = headers;
    r.headers.emplace("host", "127.0.0.1:8000");
    return r;
}

std::string codeOf(const ApiRequest& r) {
    const auto error = screenRequest(r, kLimit);
    return error ? error->code() + " " + std::to_string(httpStatusFor(error->kind())) : "routed";
}

TEST(RequestScreening, AnOrdinaryRequestIsRouted) {
    EXPECT_EQ(codeOf(request({{"accept", "application/json"}, {"if-none-match", "\"3\""}})), "routed");
}

TEST(RequestScreening, TwoContentLengthsAreRefusedEvenWhenTheFirstIsZero) {
    EXPECT_EQ(codeOf(request({{"content-length", "0"}, {"content-length", "38"}})), "bad_framing 400");
}

TEST(RequestScreening, ContentLengthWithTransferEncodingOrTwoEncodingsAreRefused) {
    EXPECT_EQ(codeOf(request({{"content-length", "5"}, {"transfer-encoding", "chunked"}})),
              "bad_framing 400");
    EXPECT_EQ(codeOf(request({{"transfer-encoding", "chunked"}, {"transfer-encoding", "chunked"}})),
              "bad_framing 400");
    EXPECT_EQ(codeOf(request({{"transfer-encoding", "gzip"}})), "bad_framing 400");
    EXPECT_EQ(codeOf(request({{"content-length", "+5"}})), "bad_framing 400");
}

TEST(RequestScreening, AHeaderNameWithWhitespaceOrAControlByteIsRefused) {
    EXPECT_EQ(codeOf(request({{"content-length ", "5"}})), "bad_header 400") << "space before the colon";
    EXPECT_EQ(codeOf(request({{" content-length", "5"}})), "bad_header 400") << "an obs-fold line";
    EXPECT_EQ(codeOf(request({{std::string("x\0y", 3), "1"}})), "bad_header 400");
    EXPECT_EQ(codeOf(request({{"x\ty", "1"}})), "bad_header 400");
}

TEST(RequestScreening, AHeaderValueWithCrLfOrNulIsRefused) {
    EXPECT_EQ(codeOf(request({{"x-a", "1\r\nforged"}})), "bad_header 400");
    EXPECT_EQ(codeOf(request({{"x-a", std::string("1\0", 2)}})), "bad_header 400");
}

TEST(RequestScreening, TwoHostLinesAreRefused) {
    EXPECT_EQ(codeOf(request({{"host", "evil.example"}})), "bad_host 400");
}

TEST(RequestScreening, AHeadOverTheLimitGets431) {
    EXPECT_EQ(codeOf(request({{"x-big", std::string(kLimit, 'a')}})), "headers_too_large 431");
}

TEST(RequestScreening, CloseInAnyConnectionLineOrTokenEndsTheConnection) {
    EXPECT_FALSE(closesAfterAnswer(request({{"connection", "keep-alive"}})));
    EXPECT_TRUE(closesAfterAnswer(request({{"connection", "keep-alive, close"}})));
    EXPECT_TRUE(closesAfterAnswer(request({{"connection", "keep-alive"}, {"connection", "Close"}})));
}

TEST(RequestScreening, HttpOneZeroAndRequestsWithABodyEndTheConnection) {
    EXPECT_TRUE(closesAfterAnswer(request({{"connection", "keep-alive"}}, "HTTP/1.0")));
    EXPECT_TRUE(closesAfterAnswer(request({{"content-length", "5"}})));
    EXPECT_FALSE(closesAfterAnswer(request({{"content-length", "0"}})));
}

} // namespace
} // namespace kiwoomd::http
