#include "kiwoomd/http/Negotiation.h"

#include <gtest/gtest.h>

#include <zlib.h>

namespace kiwoomd::http {
namespace {

std::string gunzip(const std::string& compressed) {
    z_stream stream{};
    EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
    std::string out(1 << 20, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
}

TEST(Negotiation, IfNoneMatchHitsItsTagAmongSeveralWeakOrStrong) {
    EXPECT_TRUE(noneMatchHits("\"7-abc\"", "\"7-abc\""));
    EXPECT_TRUE(noneMatchHits("\"1-x\", W/\"7-abc\"", "\"7-abc\""));
    EXPECT_TRUE(noneMatchHits("*", "\"7-abc\""));
    EXPECT_FALSE(noneMatchHits("\"7-abd\"", "\"7-abc\""));
    EXPECT_FALSE(noneMatchHits("", "\"7-abc\""));
    EXPECT_FALSE(noneMatchHits("7-abc", "\"7-abc\"")) << "an unquoted tag is not the same tag";
}

TEST(Negotiation, GzipIsAcceptedWhenListedWithoutAZeroQuality) {
    EXPECT_TRUE(acceptsGzip("gzip, deflate, br"));
    EXPECT_TRUE(acceptsGzip("br;q=1.0, GZIP;q=0.5"));
    EXPECT_TRUE(acceptsGzip("*"));
    EXPECT_FALSE(acceptsGzip("gzip;q=0"));
    EXPECT_FALSE(acceptsGzip("br, deflate"));
    EXPECT_FALSE(acceptsGzip(""));
    EXPECT_FALSE(acceptsGzip("gzipx"));
}

TEST(Negotiation, GzipRoundTripsKoreanJson) {
    std::string body = "{\"data\":[";
    for (int i = 0; i < 200; ++i) {
        body += "{\"rank\":" + std::to_string(i + 1) + ",\"name\":\"삼성전자\"},";
    }
    body += "]}";
    const auto compressed = gzipCompress(body);
    ASSERT_TRUE(compressed);
    EXPECT_LT(compressed->size(), body.size() / 4);
    EXPECT_EQ(static_cast<unsigned char>((*compressed)[0]), 0x1f) << "gzip magic";
    EXPECT_EQ(gunzip(*compressed), body);
}

} // namespace
} // namespace kiwoomd::http
