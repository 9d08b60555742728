#pragma once
// Snapshots and requests as the session and the transport make them, for the API's tests.

#include "kiwoomd/core/FeedSnapshot.h"
#include "kiwoomd/http/ApiTypes.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kiwoomd::test {

// A frozen ranking of `rows` rows of 삼성전자 (005930) priced 70000 + rank - 1 + `priceOffset`,
// as the session publishes it: market named like the feed, opt10023.
inline FeedSnapshotPtr sampleSnapshot(const std::string& feedId, std::uint64_t version, int rows,
                                      Timestamp fetchedAt, bool stale = false, std::int64_t priceOffset = 0) {
    FeedSnapshot s;
    s.feedId = feedId;
    s.market = feedId;
    s.trCode = "opt10023";
    s.version = version;
    s.stale = stale;
    s.fetchedAt = fetchedAt;
    for (int i = 0; i < rows; ++i) {
        RankingRow row;
        row.rank = i + 1;
        row.code = "005930";
        row.name = "삼성전자";
        row.price = 70000 + i + priceOffset;
        s.rows.push_back(row);
    }
    return freezeSnapshot(std::move(s));
}

// A request as the transport hands it to the router: header names lower case, Host naming this
// server on `port`.
inline http::ApiRequest apiRequest(const std::string& method, const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& headers = {},
                                   int port = 8000) {
    http::ApiRequest request;
    request.method = method;
    request.path = path;
    request.headers.emplace("host", "127.0.0.1:" + std::to_string(port));
    for (const auto& [name, value] : headers) {
        request.headers.emplace(name, value);
    }
    return request;
}

} // namespace kiwoomd::test
