#include "kiwoomd/core/FeedChanges.h"

#include <algorithm>

namespace kiwoomd {

bool asksForTheSameRanking(const FeedDefinition& a, const FeedDefinition& b) {
    return a.id == b.id && a.trCode == b.trCode && a.inputs == b.inputs && a.market == b.market;
}

FeedChanges planFeedChanges(const std::vector<FeedDefinition>& before,
                            const std::vector<FeedDefinition>& after) {
    FeedChanges changes;
    std::vector<bool> kept(before.size(), false);
    for (const auto& definition : after) {
        std::optional<std::size_t> from;
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (!kept[i] && asksForTheSameRanking(before[i], definition)) {
                from = i;
                kept[i] = true;
                break;
            }
        }
        changes.keptFrom.push_back(from);
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (kept[i]) {
            continue;
        }
        changes.dropped.push_back(i);
        if (std::none_of(after.begin(), after.end(),
                         [&](const FeedDefinition& f) { return f.id == before[i].id; })) {
            changes.removedIds.push_back(before[i].id);
        }
    }
    return changes;
}

} // namespace kiwoomd
