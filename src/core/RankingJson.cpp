#include "kiwoomd/core/RankingJson.h"

#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/core/KstTime.h"

namespace kiwoomd {
namespace {

template <typename T>
nlohmann::json optionalToJson(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json rankingRowToJson(const RankingRow& row) {
    nlohmann::json out = {
        {json::kRank, row.rank},
        {json::kCode, row.code},
        {json::kName, row.name},
        {json::kPrice, row.price},
        {json::kDirection, row.direction ? nlohmann::json(std::string(directionName(*row.direction)))
                                         : nlohmann::json(nullptr)},
        {json::kChange, optionalToJson(row.change)},
        {json::kChangeRate, optionalToJson(row.changeRate)},
        {json::kPrevVolume, optionalToJson(row.prevVolume)},
        {json::kVolume, optionalToJson(row.volume)},
        {json::kSurgeVolume, optionalToJson(row.surgeVolume)},
        {json::kSurgeRate, optionalToJson(row.surgeRate)},
    };
    if (!row.venue.empty()) {
        out[json::kVenue] = row.venue;
    }
    if (!row.invalidFields.empty()) {
        out[json::kInvalidFields] = row.invalidFields;
    }
    return out;
}

nlohmann::json snapshotToJson(const FeedSnapshot& snapshot) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : snapshot.rows) {
        rows.push_back(rankingRowToJson(row));
    }
    return {
        {json::kFeed, snapshot.feedId},
        {json::kMarket, snapshot.market},
        {json::kTr, snapshot.trCode},
        {json::kData, std::move(rows)},
        {json::kRowCount, snapshot.rows.size()},
        {json::kLastUpdate,
         snapshot.fetchedAt ? nlohmann::json(toKstIso8601(*snapshot.fetchedAt)) : nlohmann::json(nullptr)},
        {json::kMarketOpen, snapshot.marketOpen},
        {json::kStale, snapshot.stale},
        {json::kVersion, snapshot.version},
    };
}

} // namespace kiwoomd
