#pragma once
// JSON form of rankings (the body of GET /api/volume-ranking). Pure functions. Keys keep the
// order written here (ordered_json) so that a person reading curl output sees the summary first.

#include "kiwoomd/core/FeedSnapshot.h"

#include <nlohmann/json.hpp>

namespace kiwoomd {

nlohmann::ordered_json rankingRowToJson(const RankingRow& row);
nlohmann::ordered_json snapshotToJson(const FeedSnapshot& snapshot);

} // namespace kiwoomd
