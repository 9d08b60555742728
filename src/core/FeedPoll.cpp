#include "kiwoomd/core/FeedPoll.h"

#include "kiwoomd/core/FeedChanges.h"
#include "kiwoomd/core/KiwoomErrors.h"
#include "kiwoomd/core/SessionStatusAssembly.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <algorithm>
#include <utility>

namespace kiwoomd {

FeedPoll FeedPoll::start(const FeedDefinition& definition, ScreenNumberPool& screens) {
    FeedPoll feed;
    feed.definition = definition;
    // More than 200 feeds cannot get a screen; the config loader keeps feed counts far below that.
    feed.screenNo = screens.acquire().value_or("9999");
    feed.status.id = definition.id;
    feed.status.market = definition.market;
    feed.status.trCode = definition.trCode;
    feed.status.inputs = definition.inputs;
    return feed;
}

void FeedPoll::begin(Timestamp now) {
    queued = true;
    ranking.restart();
    status.lastAttempt = now;
}

void FeedPoll::abandon() {
    queued = false;
    ranking.restart();
}

void FeedPoll::fail(int kiwoomCode, std::string message, Timestamp now) {
    abandon();
    status.lastError = ErrorInfo{kiwoomCode, std::move(message), now};
}

void FeedPoll::noteThrottled(int kiwoomCode, Timestamp now) {
    status.lastError = ErrorInfo{kiwoomCode, kiwoom_error::describe(kiwoomCode), now};
}

void FeedPoll::noteRetryAfterTimeout(int prevNext, Timestamp now) {
    // A continuation lives on the screen it started on; the fresh screen has none.
    if (prevNext == prev_next::kNextPage) {
        ranking.restart();
    }
    status.lastError = ErrorInfo{0, "request timed out; trying again", now};
}

std::optional<std::vector<RowProblem>> FeedPoll::addPage(const std::vector<std::vector<std::string>>& rows) {
    // The TR of the feed in flight, not the answer's spelling of it.
    const tr::TrSpec* spec = tr::findTr(definition.trCode);
    if (!spec) {
        return std::nullopt;
    }
    return ranking.addPage(*spec, rows);
}

RankingOutcome FeedPoll::finishRanking() {
    queued = false;
    RankingOutcome outcome = ranking.finish();
    status.skippedRows = outcome.skippedRows;
    return outcome;
}

void FeedPoll::noteNoDataOutsideSession() {
    fetchedThisRun = true;
    status.note = "no data outside the session; serving the last ranking";
}

void FeedPoll::noteFetched(Timestamp now, int rowCount, std::uint64_t version) {
    fetchedThisRun = true;
    status.lastFetch = now;
    status.rowCount = rowCount;
    status.lastError.reset();
    status.note.clear();
    status.restored = false;
    status.version = version;
}

void FeedPoll::noteRestored(const FeedSnapshot& saved) {
    status.lastFetch = saved.fetchedAt;
    status.rowCount = static_cast<int>(saved.rows.size());
    status.version = saved.version;
    status.restored = true;
}

PageRequest FeedPoll::pageRequest(int prevNext, std::uint64_t& serial) {
    // One request name for every page of one query, as public wrappers do; a fresh one for each
    // query, so that an answer arriving after its query timed out cannot pass for the next one's.
    if (prevNext == prev_next::kFirstPage || rqName.empty()) {
        rqName = definition.id + "#" + std::to_string(++serial);
    }
    PageRequest page;
    page.rqName = rqName;
    page.trCode = definition.trCode;
    page.prevNext = prevNext;
    page.screenNo = screenNo;
    page.inputs = definition.inputs;
    return page;
}

FeedSnapshot FeedPoll::snapshot(std::vector<RankingRow> rows, bool marketOpen, bool stale) const {
    FeedSnapshot snapshot;
    snapshot.feedId = definition.id;
    snapshot.market = definition.market;
    snapshot.trCode = definition.trCode;
    snapshot.rows = std::move(rows);
    snapshot.fetchedAt = status.lastFetch;
    snapshot.marketOpen = marketOpen;
    snapshot.stale = stale;
    snapshot.version = status.version;
    return snapshot;
}

bool FeedPoll::needsRepublish(bool stale, bool marketOpen) const {
    return !published || published->stale != stale || published->marketOpen != marketOpen;
}

FeedListEdit editFeedList(std::vector<FeedPoll> before, const std::vector<FeedDefinition>& after,
                          ScreenNumberPool& screens) {
    std::vector<FeedDefinition> definitions;
    definitions.reserve(before.size());
    for (const auto& feed : before) {
        definitions.push_back(feed.definition);
    }
    const FeedChanges changes = planFeedChanges(definitions, after);
    FeedListEdit edit;
    edit.feeds.reserve(after.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (const auto from = changes.keptFrom[i]) {
            FeedPoll kept = std::move(before[*from]);
            kept.definition = after[i];
            kept.abandon();
            edit.feeds.push_back(std::move(kept));
        } else {
            edit.added.push_back(i);
            edit.feeds.push_back(FeedPoll::start(after[i], screens));
        }
    }
    for (const std::size_t dropped : changes.dropped) {
        screens.release(before[dropped].screenNo);
    }
    edit.removedIds = changes.removedIds;
    return edit;
}

std::vector<FeedStatus> feedStatusesOf(const std::vector<FeedPoll>& feeds, bool pollingPaused, bool connected,
                                       bool marketOpen) {
    std::vector<FeedStatus> statuses;
    statuses.reserve(feeds.size());
    for (const auto& feed : feeds) {
        statuses.push_back(feed.status);
        statuses.back().polling =
            feedPollingOf({pollingPaused, connected, feed.queued, marketOpen, feed.fetchedThisRun});
    }
    return statuses;
}

bool canRestore(const FeedDefinition* feed, const FeedSnapshot& saved) {
    return feed && feed->trCode == saved.trCode && feed->market == saved.market && !saved.rows.empty() &&
           saved.fetchedAt.has_value();
}

void SnapshotVersions::noteRestored(std::uint64_t version) {
    m_last = std::max(m_last, version);
}

} // namespace kiwoomd
