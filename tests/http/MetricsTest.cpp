#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/http/ApiRouter.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace kiwoomd::http {
namespace {

// A small reader of the Prometheus text format: checks every line's shape, that each family's
// samples follow its TYPE line together, and returns the samples by "name{labels}".
std::map<std::string, double> parseExposition(const std::string& text) {
    static const std::regex help(R"(^# HELP (kiwoomd_[a-z_]+) .+$)");
    static const std::regex type(R"(^# TYPE (kiwoomd_[a-z_]+) (counter|gauge)$)");
    static const std::regex sample(
        R"(^(kiwoomd_[a-z_]+)(\{([a-z_]+="(\\.|[^"\\])*")(,[a-z_]+="(\\.|[^"\\])*")*\})? (-?[0-9.e+]+)$)");
    std::map<std::string, double> samples;
    std::string currentFamily;
    std::set<std::string> seenFamilies;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, help)) {
            continue;
        }
        if (std::regex_match(line, m, type)) {
            currentFamily = m[1];
            EXPECT_TRUE(seenFamilies.insert(currentFamily).second)
                << "family declared twice: " << currentFamily;
            continue;
        }
        if (!std::regex_match(line, m, sample)) {
            ADD_FAILURE() << "malformed line: " << line;
            continue;
        }
        EXPECT_EQ(m[1].str(), currentFamily) << "sample outside its family: " << line;
        samples[line.substr(0, line.rfind(' '))] = std::stod(m[7]);
    }
    return samples;
}

class MetricsTest : public ::testing::Test {
protected:
    MetricsTest() {
        FeedSnapshot s;
        s.feedId = "kospi";
        s.market = "kospi";
        s.trCode = "opt10023";
        s.stale = false;
        RankingRow row;
        row.code = "005930";
        row.name = "삼성전자";
        s.rows = {row, row};
        cache.publish(freezeSnapshot(s));

        SessionStatus status;
        status.backend = Backend::Emulator;
        status.connection = ConnectionState::Connected;
        status.reconnectCount = 2;
        status.requests.throttled = 3;
        status.requests.resultsByTr["opt10023"]["0"] = 10;
        status.requests.resultsByTr["opt10023"]["-200"] = 3;
        status.budget = {{5, 1, 2}, {1000, 3600, 14}};
        FeedStatus feed;
        feed.id = "kospi";
        feed.lastFetch = fromKst(2026, 11, 24, 10, 0, 0);
        status.feeds.push_back(feed);
        board.publish(status);
        router.setPort(8000);
    }

    ApiResponse get(const std::string& path) {
        ApiRequest request;
        request.method = "GET";
        request.path = path;
        request.headers.emplace("host", "localhost:8000");
        return router.handle(request);
    }

    ManualClock clock{fromKst(2026, 11, 24, 10, 0, 42)};
    SnapshotCache cache;
    StatusBoard board;
    ApiRouter router{cache, board, clock, "kospi", "1.2.3"};
};

TEST_F(MetricsTest, ExpositionIsWellFormedPrometheusText) {
    const auto response = get("/metrics");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.contentType, "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_FALSE(parseExposition(*response.body).empty());
}

TEST_F(MetricsTest, SessionFiguresAreExported) {
    const auto m = parseExposition(*get("/metrics").body);
    EXPECT_EQ(m.at(R"(kiwoomd_build_info{version="1.2.3",backend="emulator"})"), 1);
    EXPECT_EQ(m.at(R"(kiwoomd_tr_requests_total{tr="opt10023",result="0"})"), 10);
    EXPECT_EQ(m.at(R"(kiwoomd_tr_requests_total{tr="opt10023",result="-200"})"), 3);
    EXPECT_EQ(m.at("kiwoomd_throttled_total"), 3);
    EXPECT_EQ(m.at(R"(kiwoomd_connection_state{state="connected"})"), 1);
    EXPECT_EQ(m.at(R"(kiwoomd_connection_state{state="lost"})"), 0);
    EXPECT_EQ(m.at("kiwoomd_reconnects_total"), 2);
    EXPECT_EQ(m.at(R"(kiwoomd_request_budget_used{window_seconds="3600",max_requests="1000"})"), 14);
    EXPECT_EQ(m.at(R"(kiwoomd_request_budget_limit{window_seconds="1",max_requests="5"})"), 5);
    EXPECT_EQ(m.at(R"(kiwoomd_snapshot_age_seconds{feed="kospi"})"), 42);
    EXPECT_EQ(m.at(R"(kiwoomd_snapshot_rows{feed="kospi"})"), 2);
    EXPECT_EQ(m.at(R"(kiwoomd_snapshot_stale{feed="kospi"})"), 0);
}

TEST_F(MetricsTest, HttpRequestsAreCountedByRouteAndStatus) {
    get("/api/volume-ranking");
    get("/api/volume-ranking");
    get("/api/feeds/kospi");
    get("/api/no/such/path/123");
    get("/no/such/page.html");
    const auto m = parseExposition(*get("/metrics").body);
    EXPECT_EQ(m.at(R"(kiwoomd_http_requests_total{route="/api/volume-ranking",status="200"})"), 2);
    EXPECT_EQ(m.at(R"(kiwoomd_http_requests_total{route="/api/feeds/{id}",status="200"})"), 1);
    EXPECT_EQ(m.at(R"(kiwoomd_http_requests_total{route="other",status="404"})"), 1)
        << "arbitrary paths fold into one label value";
    EXPECT_EQ(m.at(R"x(kiwoomd_http_requests_total{route="/ (dashboard)",status="404"})x"), 1)
        << "so do the dashboard's";
}

TEST(MetricsLabels, ValuesAreEscaped) {
    EXPECT_EQ(escapeLabelValue(R"(a"b\c)"
                               "\n"),
              R"(a\"b\\c\n)");
}

} // namespace
} // namespace kiwoomd::http
