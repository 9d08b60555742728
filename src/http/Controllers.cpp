#include "kiwoomd/http/Controllers.h"

#include "AsciiCase.h"
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

FeedSnapshotPtr feedSnapshot(const SnapshotCache& cache, const std::string& feedId) {
    FeedSnapshotPtr snapshot = cache.get(feedId);
    if (!snapshot) {
        throw ApiError(ApiErrorKind::NotFound, "unknown_feed", "no feed '" + feedId + "' is configured");
    }
    return snapshot;
}

} // namespace

RankingController::RankingController(const SnapshotCache& cache, const SnapshotBodies& bodies,
                                     std::string defaultMarket)
    : m_cache(cache)
    , m_bodies(bodies)
    , m_defaultMarket(std::move(defaultMarket)) {}

ApiResponse RankingController::get(const ApiRequest& request) const {
    if (const std::string* feedId = request.queryValue("feed")) {
        return m_bodies.respond(request, feedSnapshot(m_cache, *feedId));
    }
    const std::string* requested = request.queryValue("market");
    std::string market = asciiLower(requested ? *requested : m_defaultMarket);
    // The common case, the feed named like its market (the default feeds), is one lookup.
    if (const FeedSnapshotPtr named = m_cache.get(market); named && named->market == market) {
        return m_bodies.respond(request, named);
    }

    const auto snapshots = m_cache.all();
    // Without ?market=, the default market when a feed serves it, else the market of the feed with
    // the smallest id (the feeds can change while running).
    if (!requested && !snapshots.empty() &&
        std::none_of(snapshots.begin(), snapshots.end(),
                     [&](const FeedSnapshotPtr& s) { return s->market == market; })) {
        market = snapshots.front()->market;
    }
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
    return m_bodies.respond(request, match);
}

StatusController::StatusController(const StatusBoard& board, const Clock& clock)
    : m_board(board)
    , m_clock(clock) {}

ApiResponse StatusController::get(const ApiRequest& /*request*/) const {
    const SessionStatusPtr status = m_board.current();
    return ApiResponse::json(sessionStatusToJson(*status, m_clock.now())
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

FeedsController::FeedsController(const SnapshotCache& cache, const SnapshotBodies& bodies,
                                 const StatusBoard& board, const Clock& clock)
    : m_cache(cache)
    , m_bodies(bodies)
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

ApiResponse FeedsController::get(const ApiRequest& request, const std::string& feedId) const {
    return m_bodies.respond(request, feedSnapshot(m_cache, feedId));
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
