#include "kiwoomd/core/RankingJson.h"

#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/core/KstTime.h"

namespace kiwoomd {
namespace {

template <typename T> nlohmann::ordered_json optionalToJson(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

} // namespace

nlohmann::ordered_json rankingRowToJson(const RankingRow& row) {
    nlohmann::ordered_json out = {
        {json::kRank, row.rank},
        {json::kCode, row.code},
        {json::kName, row.name},
        {json::kPrice, row.price},
        {json::kDirection, row.direction ? nlohmann::ordered_json(std::string(directionName(*row.direction)))
                                         : nlohmann::ordered_json(nullptr)},
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

nlohmann::ordered_json snapshotToJson(const FeedSnapshot& snapshot) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : snapshot.rows) {
        rows.push_back(rankingRowToJson(row));
    }
    return {
        {json::kFeed, snapshot.feedId},
        {json::kMarket, snapshot.market},
        {json::kTr, snapshot.trCode},
        {json::kRowCount, snapshot.rows.size()},
        {json::kLastUpdate, snapshot.fetchedAt ? nlohmann::ordered_json(toKstIso8601(*snapshot.fetchedAt))
                                               : nlohmann::ordered_json(nullptr)},
        {json::kMarketOpen, snapshot.marketOpen},
        {json::kStale, snapshot.stale},
        {json::kVersion, snapshot.version},
        {json::kData, std::move(rows)},
    };
}

} // namespace kiwoomd
