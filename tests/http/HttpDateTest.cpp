#include "kiwoomd/http/HttpDate.h"

#include <gtest/gtest.h>

namespace kiwoomd::http {
namespace {

std::chrono::system_clock::time_point at(long long secondsSinceEpoch) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(secondsSinceEpoch));
}

TEST(HttpDate, FormatsTheRfcExampleAsImfFixdate) {
    EXPECT_EQ(httpDate(at(784111777)), "Sun, 06 Nov 1994 08:49:37 GMT"); // RFC 9110 §5.6.7
}

TEST(HttpDate, CountsLeapDaysAndTheEpoch) {
    EXPECT_EQ(httpDate(at(0)), "Thu, 01 Jan 1970 00:00:00 GMT");
    EXPECT_EQ(httpDate(at(951782400)), "Tue, 29 Feb 2000 00:00:00 GMT");
    EXPECT_EQ(httpDate(at(1798761599)), "Thu, 31 Dec 2026 23:59:59 GMT");
}

} // namespace
} // namespace kiwoomd::http
