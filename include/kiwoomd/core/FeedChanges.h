#pragma once
// What an edited feed list changes: which feeds keep their ranking (the same query under the same
// id; priority and page limit may change), which are new, and which are gone. Pure functions.

#include "kiwoomd/core/FeedDefinition.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {

// The same ranking: the same id, TR, inputs and market.
bool asksForTheSameRanking(const FeedDefinition& a, const FeedDefinition& b);

struct FeedChanges {
    // For each feed of the new list, the index of the old feed whose ranking it keeps, or none for
    // a new feed (or one whose query changed).
    std::vector<std::optional<std::size_t>> keptFrom;
    // The old feeds nothing keeps, in their order (their screens go back to the pool).
    std::vector<std::size_t> dropped;
    // The ids of the dropped feeds that no feed of the new list has any more (their rankings are
    // no longer served); a feed whose query changed keeps its id.
    std::vector<std::string> removedIds;
};

FeedChanges planFeedChanges(const std::vector<FeedDefinition>& before,
                            const std::vector<FeedDefinition>& after);

} // namespace kiwoomd
