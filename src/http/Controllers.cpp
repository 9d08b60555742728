#include "kiwoomd/http/Controllers.h"

#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/core/StatusJson.h"
#include "kiwoomd/http/ApiError.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace kiwoomd::http {
namespace {

std::string joinQuoted(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        out += (out.empty() ? "" : ", ") + ("'" + v + "'");
    }
    return out;
}

} // namespace

RankingController::RankingController(const SnapshotCache& cache, std::string defaultMarket)
    : m_cache(cache)
    , m_defaultMarket(std::move(defaultMarket)) {}

ApiResponse RankingController::get(const ApiRequest& request) const {
    const auto snapshots = m_cache.all();

    if (const std::string* feedId = request.queryValue("feed")) {
        const auto it = std::find_if(snapshots.begin(), snapshots.end(),
                                     [&](const FeedSnapshotPtr& s) { return s->feedId == *feedId; });
        if (it == snapshots.end()) {
            throw ApiError(ApiErrorKind::NotFound, "unknown_feed", "no feed '" + *feedId + "' is configured");
        }
        return ApiResponse::sharedJson(std::shared_ptr<const std::string>(*it, &(*it)->body));
    }

    const std::string* requested = request.queryValue("market");
    std::string market = requested ? *requested : m_defaultMarket;
    // Without ?market=, the default market when a feed serves it, else the market of the feed with
    // the smallest id (the feeds can change while running).
    if (!requested && !snapshots.empty() &&
        std::none_of(snapshots.begin(), snapshots.end(),
                     [&](const FeedSnapshotPtr& s) { return s->market == market; })) {
        market = snapshots.front()->market;
    }
    std::transform(market.begin(), market.end(), market.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Prefer the feed named like the market (the default feeds), else the one with the smallest id.
    FeedSnapshotPtr match;
    std::vector<std::string> markets;
    for (const auto& snapshot : snapshots) {
        if (std::find(markets.begin(), markets.end(), snapshot->market) == markets.end()) {
            markets.push_back(snapshot->market);
        }
        if (snapshot->market == market && (!match || snapshot->feedId == market)) {
            match = snapshot;
        }
    }
    if (!match) {
        if (snapshots.empty()) {
            throw ApiError(ApiErrorKind::Unavailable, "no_feeds", "no feed is configured");
        }
        throw ApiError(ApiErrorKind::BadRequest, "unknown_market",
                       "market '" + market + "' is not served; use one of " + joinQuoted(markets));
    }
    // Aliasing shared_ptr: the body lives as long as the snapshot, with no copy.
    return ApiResponse::sharedJson(std::shared_ptr<const std::string>(match, &match->body));
}

StatusController::StatusController(const StatusBoard& board, const Clock& clock)
    : m_board(board)
    , m_clock(clock) {}

ApiResponse StatusController::get(const ApiRequest& /*request*/) const {
    const SessionStatusPtr status = m_board.current();
    return ApiResponse::json(sessionStatusToJson(*status, m_clock.now())
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

FeedsController::FeedsController(const SnapshotCache& cache, const StatusBoard& board, const Clock& clock)
    : m_cache(cache)
    , m_board(board)
    , m_clock(clock) {}

ApiResponse FeedsController::list(const ApiRequest& /*request*/) const {
    const SessionStatusPtr status = m_board.current();
    const Timestamp now = m_clock.now();
    nlohmann::ordered_json feeds = nlohmann::ordered_json::array();
    for (const auto& feed : status->feeds) {
        auto item = feedStatusToJson(feed, now);
        item["url"] = "/api/feeds/" + feed.id;
        feeds.push_back(std::move(item));
    }
    const nlohmann::ordered_json body = {{json::kFeeds, std::move(feeds)}};
    return ApiResponse::json(body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

ApiResponse FeedsController::get(const std::string& feedId) const {
    const FeedSnapshotPtr snapshot = m_cache.get(feedId);
    if (!snapshot) {
        throw ApiError(ApiErrorKind::NotFound, "unknown_feed", "no feed '" + feedId + "' is configured");
    }
    return ApiResponse::sharedJson(std::shared_ptr<const std::string>(snapshot, &snapshot->body));
}

HealthController::HealthController(const StatusBoard& board, const SnapshotCache& cache)
    : m_board(board)
    , m_cache(cache) {}

ApiResponse HealthController::get(const ApiRequest& /*request*/) const {
    const SessionStatusPtr status = m_board.current();
    bool anyFresh = false;
    for (const auto& snapshot : m_cache.all()) {
        anyFresh = anyFresh || !snapshot->stale;
    }
    const nlohmann::ordered_json body = {
        {json::kStatus, "ok"},
        {json::kConnection, connectionStateName(status->connection)},
        {json::kStale, !anyFresh},
    };
    return ApiResponse::json(body.dump());
}

} // namespace kiwoomd::http
