#pragma once
// JSON form of rankings (the body of GET /api/volume-ranking). Pure functions.

#include "kiwoomd/core/FeedSnapshot.h"

#include <nlohmann/json.hpp>

namespace kiwoomd {

nlohmann::json rankingRowToJson(const RankingRow& row);
nlohmann::json snapshotToJson(const FeedSnapshot& snapshot);

} // namespace kiwoomd
