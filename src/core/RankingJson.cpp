#include "kiwoomd/core/RankingJson.h"

#include "kiwoomd/core/JsonKeys.h"
#include "kiwoomd/core/KstTime.h"

#include <stdexcept>

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

namespace kiwoomd {
namespace {

class SnapshotReadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
    if (!object.is_object() || !object.contains(key)) {
        throw SnapshotReadError(std::string("missing \"") + key + "\"");
    }
    return object.at(key);
}

template <typename T> std::optional<T> optionalMember(const nlohmann::json& object, const char* key) {
    const auto& value = member(object, key);
    if (value.is_null()) {
        return std::nullopt;
    }
    return value.get<T>();
}

std::optional<Direction> directionFromName(const std::string& name) {
    for (const auto d : {Direction::UpperLimit, Direction::Up, Direction::Unchanged, Direction::LowerLimit,
                         Direction::Down}) {
        if (directionName(d) == name) {
            return d;
        }
    }
    throw SnapshotReadError("unknown direction \"" + name + "\"");
}

} // namespace

std::optional<FeedSnapshot> snapshotFromJson(const std::string& text, std::string& error) {
    try {
        const auto json = nlohmann::json::parse(text);
        FeedSnapshot snapshot;
        snapshot.feedId = member(json, json::kFeed).get<std::string>();
        snapshot.market = member(json, json::kMarket).get<std::string>();
        snapshot.trCode = member(json, json::kTr).get<std::string>();
        snapshot.version = member(json, json::kVersion).get<std::uint64_t>();
        snapshot.marketOpen = member(json, json::kMarketOpen).get<bool>();
        snapshot.stale = member(json, json::kStale).get<bool>();
        if (const auto updated = optionalMember<std::string>(json, json::kLastUpdate)) {
            snapshot.fetchedAt = parseKstIso8601(*updated);
            if (!snapshot.fetchedAt) {
                throw SnapshotReadError("unreadable last_update \"" + *updated + "\"");
            }
        }
        const auto& data = member(json, json::kData);
        if (!data.is_array()) {
            throw SnapshotReadError("\"data\" is not an array");
        }
        for (const auto& item : data) {
            RankingRow row;
            row.rank = member(item, json::kRank).get<int>();
            row.code = member(item, json::kCode).get<std::string>();
            row.name = member(item, json::kName).get<std::string>();
            row.price = member(item, json::kPrice).get<std::int64_t>();
            if (const auto direction = optionalMember<std::string>(item, json::kDirection)) {
                row.direction = directionFromName(*direction);
            }
            row.change = optionalMember<std::int64_t>(item, json::kChange);
            row.changeRate = optionalMember<double>(item, json::kChangeRate);
            row.prevVolume = optionalMember<std::int64_t>(item, json::kPrevVolume);
            row.volume = optionalMember<std::int64_t>(item, json::kVolume);
            row.surgeVolume = optionalMember<std::int64_t>(item, json::kSurgeVolume);
            row.surgeRate = optionalMember<double>(item, json::kSurgeRate);
            if (item.contains(json::kVenue)) {
                row.venue = item.at(json::kVenue).get<std::string>();
            }
            if (item.contains(json::kInvalidFields)) {
                row.invalidFields = item.at(json::kInvalidFields).get<std::vector<std::string>>();
            }
            snapshot.rows.push_back(std::move(row));
        }
        if (member(json, json::kRowCount).get<std::size_t>() != snapshot.rows.size()) {
            throw SnapshotReadError("row_count does not match the rows (truncated?)");
        }
        return snapshot;
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
}

} // namespace kiwoomd
