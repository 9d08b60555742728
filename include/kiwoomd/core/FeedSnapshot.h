#pragma once
// An immutable picture of one feed's latest ranking. Built on the session thread, published to
// the SnapshotCache and then only read, from any thread, through shared_ptr<const FeedSnapshot>.

#include "kiwoomd/core/Clock.h"
#include "kiwoomd/core/RankingRow.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

struct FeedSnapshot {
    std::string feedId;
    std::string market; // "kospi", "kosdaq", "all" (the API's name for 시장구분)
    std::string trCode;
    std::vector<RankingRow> rows;
    std::optional<Timestamp> fetchedAt; // empty until the first good fetch
    bool marketOpen = false;
    bool stale = true;
    std::uint64_t version = 0; // bumps with every new set of rows, not with a stale flag

    // The GET /api/volume-ranking body for this snapshot, serialized once when it is built.
    std::string body;
};

using FeedSnapshotPtr = std::shared_ptr<const FeedSnapshot>;

// Serializes the body and freezes the snapshot.
FeedSnapshotPtr freezeSnapshot(FeedSnapshot snapshot);

} // namespace kiwoomd
