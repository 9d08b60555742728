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
    // Its HTTP entity tag (quoted, RFC 9110 §8.8.3): changes whenever body does, flags included.
    std::string etag;
};

using FeedSnapshotPtr = std::shared_ptr<const FeedSnapshot>;

// Serializes the body, tags it and freezes the snapshot.
FeedSnapshotPtr freezeSnapshot(FeedSnapshot snapshot);

// A strong entity tag for a body of the given version, e.g. "\"42-9f3c...\"".
std::string entityTagFor(std::uint64_t version, const std::string& body);

} // namespace kiwoomd
