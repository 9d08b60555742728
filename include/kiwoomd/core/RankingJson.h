#pragma once
// JSON form of rankings (the body of GET /api/volume-ranking). Pure functions. Keys keep the
// order written here (ordered_json) so that a person reading curl output sees the summary first.

#include "kiwoomd/core/FeedSnapshot.h"

#include <nlohmann/json.hpp>

namespace kiwoomd {

// With `spec`, every field of the TR is written (null when the row lacks it), in catalogue order.
nlohmann::ordered_json rankingRowToJson(const RankingRow& row, const tr::TrSpec* spec = nullptr);
nlohmann::ordered_json snapshotToJson(const FeedSnapshot& snapshot);

// The same text as snapshotToJson(snapshot).dump(-1, ' ', false, replace), written directly: it is
// made for every new snapshot on the session's thread, where building the tree of values first
// was most of the time from OnReceiveTrData to the snapshot being served.
std::string snapshotBody(const FeedSnapshot& snapshot);

// Reads a body written by snapshotToJson back (the saved last good snapshot). Strict: nullopt,
// with `error` saying what is wrong, for anything that is not exactly that shape.
std::optional<FeedSnapshot> snapshotFromJson(const std::string& text, std::string& error);

} // namespace kiwoomd
